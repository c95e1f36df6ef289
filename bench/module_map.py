"""The shape of the package: how deep its imports go and which modules a question passes through.

    python bench/module_map.py        # the built index (run `bot index` first)

Imports are read from the source (every `from bot.x import` / `import bot.x`, also inside
functions); the longest chain of them is the import depth, and a cycle would be reported. A
question's path is traced with sys.setprofile while `Engine.ask` answers one eval question: the
bot modules whose functions run, and the hand-offs (calls from one bot module into another).
"""

from __future__ import annotations

import ast
import shlex
import sys
from functools import cache
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"


def imports() -> dict[str, set[str]]:
    """Each bot module and the bot modules it imports."""
    graph: dict[str, set[str]] = {}
    for path in sorted(BOT.glob("*.py")):
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bot."):
                found.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("bot.")}
        graph[path.stem] = found - {path.stem}
    return graph


def longest_chain(graph: dict[str, set[str]]) -> list[str]:
    @cache
    def chain(module: str, seen: frozenset[str] = frozenset()) -> tuple[str, ...]:
        if module in seen:
            raise SystemExit(f"import cycle through {module}")
        below = [chain(m, seen | {module}) for m in graph.get(module, ()) if m in graph]
        return (module, *max(below, key=len, default=()))

    return list(max((chain(m) for m in graph), key=len))


def trace_question(question: str) -> tuple[list[str], int]:
    from bot.config import Settings
    from bot.engine import Engine

    engine = Engine.load(Settings.from_env())
    engine.ask(question)  # warm: caches and lazy imports are not the question's path
    modules: list[str] = []
    handoffs = 0

    def module_of(frame) -> str | None:  # noqa: ANN001
        name = frame.f_globals.get("__name__", "")
        return name.split(".")[1] if name.startswith("bot.") else None

    def profile(frame, event, arg) -> None:  # noqa: ANN001
        nonlocal handoffs
        if event != "call":
            return
        callee = module_of(frame)
        if callee is None:
            return
        if callee not in modules:
            modules.append(callee)
        caller = module_of(frame.f_back) if frame.f_back else None
        if caller and caller != callee:
            handoffs += 1

    sys.setprofile(profile)
    try:
        engine.ask(question)
    finally:
        sys.setprofile(None)
    return modules, handoffs


def main() -> None:
    graph = imports()
    chain = longest_chain(graph)
    question = "Combien d'entreprises de logiciels et de matériel informatique compte Shanghai ?"
    modules, handoffs = trace_question(question)
    print(f"# {shlex.join(['python', *sys.argv])}\n")
    print(f"bot modules: {len(graph)}; import depth (longest chain): {len(chain)} modules")
    print("  " + " → ".join(chain))
    print(f"\nOne question ({question!r}):")
    print(f"  modules it runs code in: {len(modules)}: {', '.join(modules)}")
    print(f"  hand-offs between bot modules: {handoffs}")


if __name__ == "__main__":
    main()
