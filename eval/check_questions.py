#!/usr/bin/env python3
"""Validate eval/questions.jsonl against the article it is written for.

Standard library only. Run from anywhere:

    python eval/check_questions.py [questions.jsonl] [article.txt]

Checks (errors make the exit status 1):
  * schema: required fields and types, known kinds/splits, ISO 639-1 language codes,
    unique ids, answerable items have evidence and answers, unanswerable ones have neither
    and one of the unanswerable kinds:
      - near_miss: about the article's own subjects, but the article does not give the answer;
      - not_given: a date, amount, percentage or count the article does not give about a
        subject it does discuss;
      - other_place: about the plans of a city, region or country the article does not cover;
      - off_topic: about entities and matters unrelated to the article;
    history (when present) is a list of {"role", "content"} turns alternating user/assistant;
  * every evidence string is 4-12 words, avoids « » “ ” and doubled quotes, does not span a
    "." glued to the next word, and occurs verbatim (whitespace-normalised, case-insensitive)
    in ONE line of the first copy of the article (the text before the line "Voir l'original");
  * every answer key is 1-6 words and occurs in a line that also holds one of the item's
    evidence strings; every evidence line holds at least one answer key;
  * the hard counts of the brief: >= 120 items; >= 10 answerable items in each of
    fr en zh es de ja ru ar, and some in it pt ko; >= 20 unanswerable items over >= 6 languages,
    at least half of them near_miss; >= 8 answerable follow-ups with history over >= 4 languages.

Warnings (informational): an evidence string that matches more than one line, and answer keys
that also occur in lines outside the gold lines (a right-looking key from the wrong passage).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_QUESTIONS = HERE / "questions.jsonl"
DEFAULT_ARTICLE = HERE.parent / "corpus" / "000_bab5460f06c5e48c.txt"
CUTOFF = "Voir l'original"

KINDS = {
    "fact",
    "list",
    "why",
    "followup",
    "comparison",
    "near_miss",
    "not_given",
    "other_place",
    "off_topic",
}
UNANSWERABLE_KINDS = {"near_miss", "not_given", "other_place", "off_topic"}
SPLITS = {"dev", "test"}
MAIN_LANGS = ("fr", "en", "zh", "es", "de", "ja", "ru", "ar")
EXTRA_LANGS = ("it", "pt", "ko")
REQUIRED = {
    "id": str,
    "lang": str,
    "question": str,
    "answerable": bool,
    "evidence": list,
    "answers": list,
    "kind": str,
    "split": str,
}
OPTIONAL = {"history": list}
FORBIDDEN_IN_EVIDENCE = ("«", "»", "“", "”", '""')
GLUED_PERIOD = re.compile(r"\.[^\s\d.,)]")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def first_copy_lines(article: Path) -> list[str]:
    lines = article.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.strip() == CUTOFF:
            return out
        out.append(line)
    raise SystemExit(f"{article}: no line {CUTOFF!r}; cannot isolate the first copy")


def main(argv: list[str]) -> int:
    qpath = Path(argv[1]) if len(argv) > 1 else DEFAULT_QUESTIONS
    apath = Path(argv[2]) if len(argv) > 2 else DEFAULT_ARTICLE
    lines = first_copy_lines(apath)
    nlines = [norm(x) for x in lines]
    errors: list[str] = []
    warnings: list[str] = []
    items = []

    for lineno, raw in enumerate(qpath.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            errors.append(f"{qpath.name}:{lineno}: blank line")
            continue
        try:
            items.append((lineno, json.loads(raw)))
        except json.JSONDecodeError as exc:
            errors.append(f"{qpath.name}:{lineno}: bad JSON ({exc})")

    ids = Counter(d.get("id") for _, d in items)
    for dup, n in ids.items():
        if n > 1:
            errors.append(f"id {dup!r} used {n} times")

    for lineno, d in items:
        where = f"{d.get('id', '?')} (line {lineno})"
        for key, typ in REQUIRED.items():
            if key not in d:
                errors.append(f"{where}: missing field {key!r}")
            elif not isinstance(d[key], typ):
                errors.append(f"{where}: {key!r} must be {typ.__name__}")
        for key in d:
            if key not in REQUIRED and key not in OPTIONAL:
                errors.append(f"{where}: unknown field {key!r}")
        if any(key not in d or not isinstance(d[key], typ) for key, typ in REQUIRED.items()):
            continue
        if not re.fullmatch(r"[a-z]{2}", d["lang"]):
            errors.append(f"{where}: lang {d['lang']!r} is not an ISO 639-1 code")
        if d["kind"] not in KINDS:
            errors.append(f"{where}: unknown kind {d['kind']!r}")
        if d["split"] not in SPLITS:
            errors.append(f"{where}: unknown split {d['split']!r}")
        if not d["question"].strip():
            errors.append(f"{where}: empty question")
        if "history" in d:
            hist = d["history"]
            ok = (
                bool(hist)
                and len(hist) % 2 == 0
                and all(
                    isinstance(t, dict)
                    and set(t) == {"role", "content"}
                    and t["role"] == ("user" if i % 2 == 0 else "assistant")
                    and isinstance(t["content"], str)
                    and t["content"].strip()
                    for i, t in enumerate(hist)
                )
            )
            if not ok:
                errors.append(f"{where}: history must alternate user/assistant turns")
        if d["kind"] == "followup" and "history" not in d:
            errors.append(f"{where}: followup item without history")

        if not d["answerable"]:
            if d["evidence"] or d["answers"]:
                errors.append(f"{where}: unanswerable item must have empty evidence/answers")
            if d["kind"] not in UNANSWERABLE_KINDS:
                errors.append(f"{where}: unanswerable item with kind {d['kind']!r}")
            continue
        if d["kind"] in UNANSWERABLE_KINDS:
            errors.append(f"{where}: answerable item with kind {d['kind']!r}")
        if not d["evidence"] or not d["answers"]:
            errors.append(f"{where}: answerable item needs evidence and answers")
            continue

        gold: set[int] = set()
        ev_lines: list[set[int]] = []
        for ev in d["evidence"]:
            if not isinstance(ev, str):
                errors.append(f"{where}: evidence entries must be strings")
                ev_lines.append(set())
                continue
            nwords = len(ev.split())
            if not 4 <= nwords <= 12:
                errors.append(f"{where}: evidence has {nwords} words (4-12): {ev!r}")
            for bad in FORBIDDEN_IN_EVIDENCE:
                if bad in ev:
                    errors.append(f"{where}: evidence contains {bad!r}: {ev!r}")
            if GLUED_PERIOD.search(ev):
                errors.append(f"{where}: evidence spans a glued '.': {ev!r}")
            hits = {i for i, nl in enumerate(nlines) if norm(ev) in nl}
            if not hits:
                errors.append(f"{where}: evidence not found in the first copy: {ev!r}")
            elif len(hits) > 1:
                warnings.append(
                    f"{where}: evidence matches lines {sorted(i + 1 for i in hits)}: {ev!r}"
                )
            ev_lines.append(hits)
            gold |= hits

        for ans in d["answers"]:
            if not isinstance(ans, str):
                errors.append(f"{where}: answer keys must be strings")
                continue
            nwords = len(ans.split())
            if not 1 <= nwords <= 6:
                errors.append(f"{where}: answer key has {nwords} words (1-6): {ans!r}")
            hits = {i for i, nl in enumerate(nlines) if norm(ans) in nl}
            if not hits:
                errors.append(f"{where}: answer key not found in the first copy: {ans!r}")
            elif not hits & gold:
                errors.append(
                    f"{where}: answer key {ans!r} is not in any evidence line "
                    f"(found in lines {sorted(i + 1 for i in hits)})"
                )
            elif hits - gold:
                warnings.append(
                    f"{where}: key {ans!r} also in non-gold lines "
                    f"{sorted(i + 1 for i in hits - gold)}"
                )
        for ev, hits in zip(d["evidence"], ev_lines, strict=True):
            if hits and not any(
                norm(a) in nlines[i] for i in hits for a in d["answers"] if isinstance(a, str)
            ):
                errors.append(f"{where}: no answer key in the line of evidence {ev!r}")

    # ---- counts ----
    ds = [d for _, d in items if all(k in d for k in REQUIRED)]
    answerable = [d for d in ds if d["answerable"]]
    unanswerable = [d for d in ds if not d["answerable"]]
    by_lang_ans = Counter(d["lang"] for d in answerable)
    followups = [d for d in answerable if d["kind"] == "followup" and d.get("history")]

    if len(ds) < 120:
        errors.append(f"only {len(ds)} items (need >= 120)")
    for lang in MAIN_LANGS:
        if by_lang_ans[lang] < 10:
            errors.append(f"only {by_lang_ans[lang]} answerable items in {lang} (need >= 10)")
    for lang in EXTRA_LANGS:
        if by_lang_ans[lang] < 2:
            errors.append(f"only {by_lang_ans[lang]} answerable items in {lang} (need a few)")
    if len(unanswerable) < 20:
        errors.append(f"only {len(unanswerable)} unanswerable items (need >= 20)")
    if len({d["lang"] for d in unanswerable}) < 6:
        errors.append("unanswerable items cover fewer than 6 languages")
    near = sum(d["kind"] == "near_miss" for d in unanswerable)
    if near * 2 < len(unanswerable):
        errors.append(f"only {near} of {len(unanswerable)} unanswerable items are near_miss")
    if len(followups) < 8:
        errors.append(f"only {len(followups)} answerable follow-ups with history (need >= 8)")
    if len({d["lang"] for d in followups}) < 4:
        errors.append("answerable follow-ups cover fewer than 4 languages")

    # coverage: which first-copy lines are gold for some item
    covered = Counter()
    for d in answerable:
        for ev in d["evidence"]:
            for i, nl in enumerate(nlines):
                if isinstance(ev, str) and norm(ev) in nl:
                    covered[i + 1] += 1

    # ---- summary ----
    langs = sorted({d["lang"] for d in ds}, key=lambda x: (x not in MAIN_LANGS, x))
    kinds = sorted(KINDS)
    print(
        f"{qpath}: {len(ds)} items, {len(answerable)} answerable, "
        f"{len(unanswerable)} unanswerable ({near} near_miss), "
        f"{len(followups)} answerable follow-ups"
    )
    print()
    header = f"{'lang':<6}{'total':>6}{'ans':>5}{'unans':>6}{'dev':>5}{'test':>5}"
    print(header)
    for lang in langs:
        sub = [d for d in ds if d["lang"] == lang]
        print(
            f"{lang:<6}{len(sub):>6}{sum(d['answerable'] for d in sub):>5}"
            f"{sum(not d['answerable'] for d in sub):>6}"
            f"{sum(d['split'] == 'dev' for d in sub):>5}"
            f"{sum(d['split'] == 'test' for d in sub):>5}"
        )
    print()
    print(f"{'kind':<12}{'total':>6}{'dev':>5}{'test':>5}  langs")
    for kind in kinds:
        sub = [d for d in ds if d["kind"] == kind]
        print(
            f"{kind:<12}{len(sub):>6}{sum(d['split'] == 'dev' for d in sub):>5}"
            f"{sum(d['split'] == 'test' for d in sub):>5}  "
            f"{','.join(sorted({d['lang'] for d in sub}))}"
        )
    split = Counter(d["split"] for d in ds)
    print()
    print(
        f"split: dev {split['dev']} ({100 * split['dev'] / max(len(ds), 1):.0f} %), "
        f"test {split['test']} ({100 * split['test'] / max(len(ds), 1):.0f} %)"
    )
    content = [
        i + 1
        for i, line in enumerate(lines)
        if len(line.split()) >= 12 and not line.startswith("Figure")
    ]
    missing = [n for n in content if n not in covered]
    print(
        f"gold lines: {len(covered)} distinct lines of the first copy "
        f"({len(lines)} lines); long content lines without a question: {missing}"
    )
    if warnings:
        print(f"\n{len(warnings)} warning(s):")
        for w in warnings:
            print("  warn:", w)
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  ERROR:", e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
