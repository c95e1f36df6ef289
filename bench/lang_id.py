"""Language identification: accuracy and time per call of bot.lang against the old stopword rules.

    python bench/lang_id.py             # needs git: the baseline is read from the repository

Scores `detect_lang` on the short questions of eval/lang_questions.jsonl, and the implementation
it replaced (stopwords for 6 Latin languages; read with `git show` at the last commit that had it,
so the baseline never drifts). Prints a Markdown table of accuracy per language, the time per
question and per document (the French article), the new implementation's misses, and the command.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
import time
import types
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from bot.lang import detect_lang

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "eval" / "lang_questions.jsonl"
ARTICLE = ROOT / "corpus" / "000_bab5460f06c5e48c.txt"
OLD_COMMIT = "0094958217d01ce6f04f51852f7337015ac031a8"  # the last bot/lang.py with stopwords
ROUNDS = 5  # timed passes over the questions; the median pass is reported

Detector = Callable[[str], str]


def old_detect_lang() -> Detector:
    """The stopword implementation, as it was at OLD_COMMIT."""
    source = subprocess.run(
        ["git", "show", f"{OLD_COMMIT}:bot/lang.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType("old_lang")
    exec(compile(source, f"{OLD_COMMIT[:7]}:bot/lang.py", "exec"), module.__dict__)
    return module.detect_lang


def microseconds_per_call(detect: Detector, texts: list[str]) -> float:
    """Median over ROUNDS passes of the mean wall time of one call, in microseconds."""
    passes = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for text in texts:
            detect(text)
        passes.append((time.perf_counter() - started) / len(texts) * 1e6)
    return sorted(passes)[len(passes) // 2]


def main() -> int:
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    texts = [row["text"] for row in rows]
    systems = {"old (stopwords)": old_detect_lang(), "new (py3langid)": detect_lang}

    started = time.perf_counter()
    detect_lang("Chargement du modèle.")  # the first call loads py3langid's model
    load_seconds = time.perf_counter() - started

    by_lang: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    misses = []
    for name, detect in systems.items():
        for row in rows:
            guess = detect(row["text"])
            by_lang[row["lang"]][name].append(guess == row["lang"])
            if detect is detect_lang and guess != row["lang"]:
                misses.append(f"{row['lang']} → {guess}: {row['text']}")

    names = list(systems)
    print("| lang | n | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for lang, results in by_lang.items():
        cells = [f"{sum(results[n])}/{len(results[n])}" for n in names]
        print(f"| {lang} | {len(results[names[0]])} | " + " | ".join(cells) + " |")
    totals = []
    for n in names:
        right = sum(sum(results[n]) for results in by_lang.values())
        totals.append(f"**{right / len(rows):.1%}** ({right}/{len(rows)})")
    print(f"| **all** | {len(rows)} | " + " | ".join(totals) + " |")

    article = [ARTICLE.read_text(encoding="utf-8")]
    print("\n| time per call | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    per_question = [f"{microseconds_per_call(systems[n], texts):.0f} µs" for n in names]
    print("| question (mean over the set) | " + " | ".join(per_question) + " |")
    per_document = [f"{microseconds_per_call(systems[n], article) / 1000:.1f} ms" for n in names]
    print(f"| document ({len(article[0])} characters) | " + " | ".join(per_document) + " |")
    print(f"| first call (loads the model) | – | {load_seconds:.2f} s |")

    print("\nMisses of the new implementation:" if misses else "\nNo misses.")
    for miss in misses:
        print(f"- {miss}")
    print("\nCommand: `" + shlex.join(["python", "bench/lang_id.py", *sys.argv[1:]]) + "`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
