#!/usr/bin/env python3
"""Validate eval/followups.jsonl (held-out follow-up questions, bench/followup_quality.py).

Standard library only:

    python eval/check_followups.py [followups.jsonl] [article.txt]

Each line is a two-turn conversation (a first question and its reply in "history") and the
follow-up to score. Checks (errors make the exit status 1): every line is a JSON object with
exactly the fields below, correctly typed; ids are unique; kinds and languages are known;
answerable items carry 1-2 evidence strings and 1-3 answer keys, each an exact substring of
the French source after white space and case are squashed; unanswerable items carry none;
every language has at least one item of each kind family (a swap of city and another
follow-up).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ITEMS = HERE / "followups.jsonl"
DEFAULT_ARTICLE = HERE.parent / "corpus" / "000_bab5460f06c5e48c.txt"
LANGS = ("fr", "en", "zh", "es", "de", "it", "pt", "ru", "ja", "ko", "ar")
KINDS = ("swap_answerable", "swap_unanswerable", "other_answerable", "other_unanswerable")
FIELDS = {
    "id": str, "lang": str, "kind": str, "question": str, "answerable": bool,
    "evidence": list, "answers": list, "history": list,
}  # fmt: skip


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def problems(items: list[dict], article: str) -> list[str]:
    source = squash(article)
    found: list[str] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        where = f"line {n} ({item.get('id', '?')})"
        if set(item) != set(FIELDS) or any(not isinstance(item[k], t) for k, t in FIELDS.items()):
            found.append(f"{where}: needs exactly the fields {sorted(FIELDS)}, typed")
            continue
        if item["id"] in seen:
            found.append(f"{where}: duplicate id")
        seen.add(item["id"])
        if item["lang"] not in LANGS or item["kind"] not in KINDS:
            found.append(f"{where}: unknown lang or kind")
        if item["answerable"] != item["kind"].endswith("_answerable"):
            found.append(f"{where}: answerable does not match the kind")
        roles = [t.get("role") for t in item["history"]]
        if roles != ["user", "assistant"]:
            found.append(f"{where}: history must be one user turn, then one assistant turn")
        keys = (item["evidence"], item["answers"])
        if item["answerable"] and not (1 <= len(keys[0]) <= 2 and 1 <= len(keys[1]) <= 3):
            found.append(f"{where}: an answerable item needs 1-2 evidence, 1-3 answers")
        if not item["answerable"] and any(keys):
            found.append(f"{where}: an unanswerable item has no evidence and no answers")
        for key in (*keys[0], *keys[1]):
            if squash(key) not in source:
                found.append(f"{where}: not in the French source: {key!r}")
    for lang in {i["lang"] for i in items if isinstance(i.get("lang"), str)}:
        kinds = {i["kind"].split("_")[0] for i in items if i.get("lang") == lang}
        if kinds != {"swap", "other"}:
            found.append(f"{lang}: needs both a city swap and another follow-up")
    return found


def main() -> int:
    items_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITEMS
    article_path = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_ARTICLE
    items = [json.loads(line) for line in items_path.read_text("utf-8").splitlines() if line]
    found = problems(items, article_path.read_text("utf-8"))
    print("\n".join(found) or f"{len(items)} items OK: {dict(Counter(i['kind'] for i in items))}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
