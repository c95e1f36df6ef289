#!/usr/bin/env python3
"""Validate eval/subject_summaries.jsonl (issue 19: focused summaries and comparisons).

Standard library only. Run from anywhere:

    python eval/check_subject_summaries.py [subject_summaries.jsonl] [article.txt]

Each line is one request about the article, with the key facts a good answer must hold:
  * kind "subject": a focused summary ("what does the article say about X"); answerable items
    carry 2-5 facts, unanswerable ones (subjects the article says nothing about) carry none;
  * kind "comparison": Beijing against Shanghai on one measure; "sides" holds 1-3 facts for
    each city and "verdict" the article's own verdict as a fact, or null when it states none.
A fact is {"fact": English statement, "keys": [...]} and counts as covered when a chosen source
sentence contains one of its keys (whitespace and case ignored).

Checks (errors make the exit status 1):
  * every line parses as a JSON object with the required fields, correctly typed, and no
    unknown fields; ids are unique, "sub-NN" for subjects and "cmp-NN" for comparisons;
    kinds, splits and ISO 639-1 languages are known;
  * every key is 3-12 words and an exact substring of the French source after whitespace and
    case normalisation (each failing key is reported with its item id);
  * unanswerable items have no facts; an unanswerable comparison has empty sides, no verdict
    and says "why": "offtopic" (a measure the article never discusses) or "near_miss" (one next
    to its subjects that it does not give for the two cities);
  * counts: >= 44 subjects, >= 22 comparisons, 12-30 unanswerable subjects, >= 9 languages,
    >= 3 items in each of the eleven languages, >= 8 languages among the comparisons, and
    dev and test both present for each kind.

Warnings (informational): a key found only in the repeated second copy of the article (after
"Voir l'original"), a key in more than one line of the first copy (not distinctive), a key
spanning a "." glued to the next word or holding a quote mark (a sentence splitter may cut it),
a dev share outside 25-75 %, and a language present in only one split of a kind.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ITEMS = HERE / "subject_summaries.jsonl"
DEFAULT_ARTICLE = HERE.parent / "corpus" / "000_bab5460f06c5e48c.txt"
CUTOFF = "Voir l'original"

LANGS = ("fr", "en", "zh", "es", "de", "it", "pt", "ru", "ja", "ko", "ar")
KINDS = ("subject", "comparison")
SPLITS = ("dev", "test")
SIDES = ("beijing", "shanghai")
ID_RE = {"subject": re.compile(r"^sub-\d{2,3}$"), "comparison": re.compile(r"^cmp-\d{2,3}$")}
COMMON = {
    "id": str,
    "kind": str,
    "lang": str,
    "request": str,
    "subject": str,
    "split": str,
    "answerable": bool,
}
# Why a comparison is unanswerable: a measure the article never discusses, or one next to its
# subjects that it does not give for the two cities.
WHY = ("offtopic", "near_miss")
PER_KIND = {
    "subject": {"facts": list},
    "comparison": {"sides": dict, "verdict": (dict, type(None))},
}

MIN_SUBJECTS = 44
MIN_COMPARISONS = 22
UNANSWERABLE_RANGE = (12, 30)
MIN_LANGS = 9
MIN_PER_LANG = 3
MIN_CMP_LANGS = 8
FACTS_RANGE = (2, 5)
SIDE_RANGE = (1, 3)
KEY_WORDS = (3, 12)
GLUED_PERIOD = re.compile(r"\.[^\s\d.,)]")
QUOTES = ('"', "«", "»", "“", "”")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


class Checker:
    def __init__(self, article: Path) -> None:
        text = article.read_text(encoding="utf-8")
        self.full = norm(text)
        lines = text.splitlines()
        cut = next((i for i, line in enumerate(lines) if line.strip() == CUTOFF), len(lines))
        self.first_lines = [norm(line) for line in lines[:cut] if line.strip()]
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def err(self, item_id: str, msg: str) -> None:
        self.errors.append(f"{item_id}: {msg}")

    def warn(self, item_id: str, msg: str) -> None:
        self.warnings.append(f"{item_id}: {msg}")

    def check_key(self, item_id: str, where: str, key: object) -> None:
        if not isinstance(key, str) or not key.strip():
            self.err(item_id, f"{where}: key is not a non-empty string: {key!r}")
            return
        words = len(key.split())
        if not KEY_WORDS[0] <= words <= KEY_WORDS[1]:
            self.err(
                item_id,
                f"{where}: key has {words} words (want {KEY_WORDS[0]}-{KEY_WORDS[1]}): {key!r}",
            )
        k = norm(key)
        if k not in self.full:
            self.err(item_id, f"{where}: key not in the French source: {key!r}")
            return
        hits = sum(1 for line in self.first_lines if k in line)
        if hits == 0:
            self.warn(item_id, f"{where}: key only in the second copy of the article: {key!r}")
        elif hits > 1:
            self.warn(
                item_id, f"{where}: key in {hits} lines of the article (not distinctive): {key!r}"
            )
        if GLUED_PERIOD.search(key):
            self.warn(item_id, f"{where}: key spans a glued period: {key!r}")
        if any(q in key for q in QUOTES):
            self.warn(item_id, f"{where}: key holds a quote mark: {key!r}")

    def check_fact(self, item_id: str, where: str, fact: object) -> None:
        if not isinstance(fact, dict):
            self.err(item_id, f"{where}: fact is not an object")
            return
        extra = set(fact) - {"fact", "keys"}
        if extra:
            self.err(item_id, f"{where}: unknown fact fields {sorted(extra)}")
        if not isinstance(fact.get("fact"), str) or not fact["fact"].strip():
            self.err(item_id, f"{where}: 'fact' must be a non-empty string")
        keys = fact.get("keys")
        if not isinstance(keys, list) or not keys:
            self.err(item_id, f"{where}: 'keys' must be a non-empty list")
            return
        if len(set(map(norm, filter(None, (k for k in keys if isinstance(k, str)))))) != len(keys):
            self.err(item_id, f"{where}: duplicate keys")
        for key in keys:
            self.check_key(item_id, where, key)

    def check_item(self, item: dict, where: str) -> str | None:
        item_id = item.get("id") if isinstance(item.get("id"), str) else where
        kind = item.get("kind")
        fields = dict(COMMON)
        if kind in PER_KIND:
            fields.update(PER_KIND[kind])
        for name, typ in fields.items():
            if name not in item:
                self.err(item_id, f"missing field {name!r}")
            elif not isinstance(item[name], typ):
                self.err(item_id, f"field {name!r} has type {type(item[name]).__name__}")
        extra = set(item) - set(fields) - ({"why"} if kind == "comparison" else set())
        if extra:
            self.err(item_id, f"unknown fields {sorted(extra)}")
        if kind not in KINDS:
            self.err(item_id, f"unknown kind {kind!r}")
            return item_id
        if isinstance(item.get("id"), str) and not ID_RE[kind].match(item["id"]):
            self.err(item_id, f"id does not match {ID_RE[kind].pattern} for kind {kind}")
        if item.get("lang") not in LANGS:
            self.err(item_id, f"unknown lang {item.get('lang')!r}")
        if item.get("split") not in SPLITS:
            self.err(item_id, f"unknown split {item.get('split')!r}")
        for name in ("request", "subject"):
            if isinstance(item.get(name), str) and not item[name].strip():
                self.err(item_id, f"empty {name!r}")
        answerable = item.get("answerable")

        if kind == "subject":
            facts = item.get("facts")
            if not isinstance(facts, list):
                return item_id
            if answerable is False and facts:
                self.err(item_id, "unanswerable item has facts")
            if answerable is True and not FACTS_RANGE[0] <= len(facts) <= FACTS_RANGE[1]:
                self.err(item_id, f"{len(facts)} facts (want {FACTS_RANGE[0]}-{FACTS_RANGE[1]})")
            for n, fact in enumerate(facts, 1):
                self.check_fact(item_id, f"fact {n}", fact)
        else:
            why = item.get("why")
            if answerable is False:
                if why not in WHY:
                    self.err(item_id, f"an unanswerable comparison says why: one of {WHY}")
                if item.get("sides") != {side: [] for side in SIDES} or item.get("verdict"):
                    self.err(item_id, "an unanswerable comparison has empty sides, no verdict")
                return item_id
            if why is not None:
                self.err(item_id, "'why' is for unanswerable comparisons")
            sides = item.get("sides")
            if isinstance(sides, dict):
                if set(sides) != set(SIDES):
                    self.err(item_id, f"sides must be exactly {list(SIDES)}, got {sorted(sides)}")
                for side in SIDES:
                    facts = sides.get(side)
                    if not isinstance(facts, list):
                        self.err(item_id, f"side {side!r} is not a list")
                        continue
                    if not SIDE_RANGE[0] <= len(facts) <= SIDE_RANGE[1]:
                        self.err(
                            item_id,
                            f"side {side!r} has {len(facts)} facts"
                            f" (want {SIDE_RANGE[0]}-{SIDE_RANGE[1]})",
                        )
                    for n, fact in enumerate(facts, 1):
                        self.check_fact(item_id, f"{side} fact {n}", fact)
            verdict = item.get("verdict")
            if isinstance(verdict, dict):
                self.check_fact(item_id, "verdict", verdict)
        return item_id


def main(argv: list[str]) -> int:
    items_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_ITEMS
    article = Path(argv[2]) if len(argv) > 2 else DEFAULT_ARTICLE
    checker = Checker(article)
    items: list[dict] = []
    for lineno, raw in enumerate(items_path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            checker.err(f"line {lineno}", "blank line")
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            checker.err(f"line {lineno}", f"not JSON: {exc}")
            continue
        if not isinstance(item, dict):
            checker.err(f"line {lineno}", "not a JSON object")
            continue
        items.append(item)
        checker.check_item(item, f"line {lineno}")

    ids = Counter(i.get("id") for i in items)
    for item_id, n in ids.items():
        if n > 1:
            checker.err(str(item_id), f"id used {n} times")

    valid = [
        i
        for i in items
        if i.get("kind") in KINDS and i.get("lang") in LANGS and i.get("split") in SPLITS
    ]
    by_kind = Counter(i["kind"] for i in valid)
    by_lang = Counter(i["lang"] for i in valid)
    table = Counter((i["kind"], i["lang"], i["split"]) for i in valid)
    unanswerable = [i for i in valid if i["kind"] == "subject" and i.get("answerable") is False]
    cmp_langs = {i["lang"] for i in valid if i["kind"] == "comparison"}

    if by_kind["subject"] < MIN_SUBJECTS:
        checker.err("counts", f"{by_kind['subject']} subject items (want >= {MIN_SUBJECTS})")
    if by_kind["comparison"] < MIN_COMPARISONS:
        checker.err(
            "counts", f"{by_kind['comparison']} comparison items (want >= {MIN_COMPARISONS})"
        )
    if not UNANSWERABLE_RANGE[0] <= len(unanswerable) <= UNANSWERABLE_RANGE[1]:
        checker.err(
            "counts",
            f"{len(unanswerable)} unanswerable subjects"
            f" (want {UNANSWERABLE_RANGE[0]}-{UNANSWERABLE_RANGE[1]})",
        )
    if len(by_lang) < MIN_LANGS:
        checker.err("counts", f"{len(by_lang)} languages (want >= {MIN_LANGS})")
    for lang in LANGS:
        if by_lang[lang] < MIN_PER_LANG:
            checker.err("counts", f"{by_lang[lang]} items in {lang} (want >= {MIN_PER_LANG})")
    if len(cmp_langs) < MIN_CMP_LANGS:
        checker.err(
            "counts", f"comparisons in {len(cmp_langs)} languages (want >= {MIN_CMP_LANGS})"
        )
    for kind in KINDS:
        for split in SPLITS:
            if not any(table[(kind, lang, split)] for lang in LANGS):
                checker.err("counts", f"no {kind} items in split {split}")
        total = by_kind[kind]
        dev = sum(table[(kind, lang, "dev")] for lang in LANGS)
        if total and not 0.25 <= dev / total <= 0.75:
            checker.warn("counts", f"{kind}: dev share {dev}/{total} outside 25-75 %")
        for lang in LANGS:
            d, t = table[(kind, lang, "dev")], table[(kind, lang, "test")]
            if d + t >= 2 and (d == 0 or t == 0):
                checker.warn("counts", f"{kind}/{lang}: {d} dev, {t} test (only one split)")

    n_keys = 0
    for i in valid:
        facts = list(i.get("facts") or [])
        if isinstance(i.get("sides"), dict):
            for side in SIDES:
                facts += i["sides"].get(side) or []
        if isinstance(i.get("verdict"), dict):
            facts.append(i["verdict"])
        n_keys += sum(len(f.get("keys") or []) for f in facts if isinstance(f, dict))

    print(
        f"{items_path.name}: {len(items)} items, {n_keys} keys,"
        f" {len(unanswerable)} unanswerable subjects"
    )
    header = (
        f"{'lang':<6}"
        + "".join(f"{k[:4] + '/' + s:>11}" for k in KINDS for s in SPLITS)
        + f"{'total':>8}"
    )
    print(header)
    for lang in LANGS:
        row = [table[(k, lang, s)] for k in KINDS for s in SPLITS]
        print(f"{lang:<6}" + "".join(f"{n:>11}" for n in row) + f"{sum(row):>8}")
    totals = [sum(table[(k, lang, s)] for lang in LANGS) for k in KINDS for s in SPLITS]
    print(f"{'all':<6}" + "".join(f"{n:>11}" for n in totals) + f"{sum(totals):>8}")
    verdicts = sum(
        1 for i in valid if i["kind"] == "comparison" and isinstance(i.get("verdict"), dict)
    )
    print(
        f"comparisons with a verdict: {verdicts}/{by_kind['comparison']};"
        f" languages: {len(by_lang)}, among comparisons: {len(cmp_langs)}"
    )

    for w in checker.warnings:
        print(f"warning: {w}")
    for e in checker.errors:
        print(f"ERROR: {e}")
    print("OK" if not checker.errors else f"FAILED: {len(checker.errors)} error(s)")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
