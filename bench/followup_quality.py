"""Follow-up questions against held-out two-turn conversations, with the old reading of them as
a baseline in the same run.

    python bench/followup_quality.py

Reads eval/followups.jsonl (written blind, before this bench was run; checked by
eval/check_followups.py) and the configured index (`bot index` first). Each follow-up is asked
after its first question and reply, as the chat sends them. Right: an answerable follow-up is
answered and a cited source sentence holds one of its answer keys; an unanswerable one is
refused. Kinds: the other city named alone ("And Shanghai?") where the article gives the fact
for it or not, and other follow-ups (a pronoun, a year, an attribute) answered or not.

Baseline: follow-ups as bot read them before bot.followup.what_is_asked and reader_lang: the
follow-up's own words, searched joined to the last user message, the previous reply's sentences
skipped, the reply in the language of the follow-up's own words. A row counts the replies in the
follow-up's language.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from unittest.mock import patch

import bot.engine
from bot.config import Settings
from bot.engine import Engine
from bot.evaluate import cited_sources, has_key
from bot.followup import Turn, previous_answer
from bot.lang import detect_lang

ITEMS = Path(__file__).resolve().parent.parent / "eval" / "followups.jsonl"


def right(engine: Engine, item: dict) -> tuple[bool, bool]:
    """Whether bot answers the follow-up with a key, or refuses it when unanswerable; and
    whether it replies in the follow-up's language."""
    history = [Turn(t["role"], t["content"]) for t in item["history"]]
    answer = engine.ask(item["question"], history)
    in_lang = answer.answer_lang == item["lang"]
    if not item["answerable"]:
        return not answer.answered, in_lang
    return answer.answered and has_key(cited_sources(answer), item["answers"]), in_lang


def score(engine: Engine, items: list[dict]) -> dict[str, list[bool]]:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for item in items:
        ok, in_lang = right(engine, item)
        by_kind["in the reader's language"].append(in_lang)
        by_kind[item["kind"]].append(ok)
        by_kind["all"].append(ok)
        by_kind[f"lang {item['lang']}"].append(ok)
    return by_kind


def main() -> None:
    engine = Engine.load(Settings.from_env())
    items = [json.loads(line) for line in ITEMS.read_text(encoding="utf-8").splitlines() if line]
    now = score(engine, items)
    with (
        patch.object(bot.engine, "what_is_asked", lambda q, h: (q, previous_answer(q, h))),
        patch.object(bot.engine, "reader_lang", lambda q, h: detect_lang(q)),
    ):
        before = score(engine, items)
    print(f"{len(items)} follow-ups, eval/followups.jsonl\n")
    print("| kind | n | before | now |\n|---|---|---|---|")
    for kind in sorted(now, key=lambda k: (k.startswith(("lang", "in ")), k != "all", k)):
        n = len(now[kind])
        print(f"| {kind} | {n} | {sum(before[kind])}/{n} | {sum(now[kind])}/{n} |")


if __name__ == "__main__":
    main()
