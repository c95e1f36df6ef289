"""The costliest requests the API accepts, against an ordinary answer, in one run.

    python bench/worst_request.py        # the built index (run `bot index` first)

Every text that reaches the model is clipped to what it reads (bot.embed: 128 tokens a query),
and a follow-up joins at most 2,000 characters of the previous question (bot.followup), so the
longest inputs the schema allows (2,000-character questions, 20,000-character history turns)
should cost a few answers, not seconds. For each, the median of three runs of `Engine.ask` (or
`Engine.search`) is set against the median ordinary answer (eval questions); the last column is
what embedding the same text unclipped costs (the cost before the bound).
"""

from __future__ import annotations

import json
import platform
import shlex
import statistics
import sys
import time
from pathlib import Path

from bot.config import Settings
from bot.engine import Engine
from bot.followup import Turn

LONGEST = 2000  # bot.schema.MAX_QUESTION
TURN = 20_000  # bot.schema.Message.content's max_length


def timed(call, rounds: int = 3) -> float:  # noqa: ANN001
    runs = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def main() -> None:
    engine = Engine.load(Settings.from_env())
    questions = [
        json.loads(line)["question"]
        for line in Path("eval/questions.jsonl").read_text(encoding="utf-8").splitlines()[:30]
    ]
    for question in questions[:5]:
        engine.ask(question)
    ordinary = statistics.median(timed(lambda q=q: engine.ask(q), 1) for q in questions)
    worst = {
        "question: 2,000 emoji": ("ask", "😀" * LONGEST, ()),
        "question: 2,000 Chinese characters": ("ask", "北京上海" * (LONGEST // 4), ()),
        "question: 2,000 characters of English": ("ask", ("where is it " * 200)[:LONGEST], ()),
        "follow-up after a 20,000-character turn": (
            "ask", "And Shanghai?", (Turn("user", "北京" * (TURN // 2)),),
        ),
        "search: 2,000 Chinese characters": ("search", "元宇宙" * (LONGEST // 3), ()),
    }  # fmt: skip
    raw = engine.embedder._model  # the engine unclipped, for the "before" column
    print(f"# {' '.join(shlex.quote(a) for a in sys.argv)}  ({platform.processor() or 'cpu'})\n")
    print(f"Ordinary answer (median of {len(questions)} eval questions): {ordinary:.1f} ms\n")
    print("| request | ms | × an ordinary answer | unclipped embedding, ms |")
    print("|---|---|---|---|")
    for name, (verb, text, history) in worst.items():
        if verb == "ask":
            ms = timed(lambda t=text, h=history: engine.ask(t, h))
        else:
            ms = timed(lambda t=text: engine.search(t))
        joined = f"{text} {history[0].content}" if history else text
        before = timed(lambda t=joined: raw.query(t), 1)
        print(f"| {name} | {ms:.0f} | {ms / ordinary:.1f} | {before:.0f} |")


if __name__ == "__main__":
    main()
