"""Focused summaries and comparisons (issue 19) against the held-out key facts, with baselines
and cost, in one run.

    python bench/subject_summary_quality.py            # dev and test
    python bench/subject_summary_quality.py --sweep    # dev only: the constants tried

Reads the configured index (BOT_INDEX, `bot index` first) and eval/subject_summaries.jsonl
(written blind, before any of this code; validated by eval/check_subject_summaries.py). A fact is
covered when a chosen source sentence contains one of its keys, case and white space ignored
(as bench/summary_quality.py scores the index-time summaries).

- subjects: key-fact recall of the focused summary (bot.focus, the request as the reader wrote
  it, "medium"), its length and the share of its points holding a key fact (a floor of its
  precision: the key facts are what a good answer must hold, not all it may), against the
  top-k sentences of the same retrieval (bot.candidates.rank_sentences,
  k = as many as the summary has points) and today's article summary (medium, as it is);
  refusals of the unanswerable subjects, and false refusals of the answerable ones;
- comparisons (bot.compare): the share where each city has a fact of its own present (in the
  whole reply, and in that city's own column), verdict recall where the article states one, and
  verdicts shown where the key facts hold none; against the top-k sentences of the same
  retrieval and the article summary; refusals of the comparisons the article cannot answer
  (off-topic measures, and near misses: next to its subjects, not given for the two cities);
- how the chat classes each request (bot.intent), and what it answers: key facts of the
  subjects and comparisons with both cities' facts in the citations of `Engine.ask`;
- cost: the median time of a focused summary and of a comparison (embedding included) against
  one answer (`ask` on the questions of eval/questions.jsonl), interleaved in the same run.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from itertools import cycle
from pathlib import Path
from unittest.mock import patch

import bot.compare
import bot.focus
from bot.candidates import rank_sentences
from bot.compare import VERDICT
from bot.config import Settings
from bot.engine import Engine
from bot.evaluate import read_questions
from bot.facts import sentence_text
from bot.focus import focused
from bot.intent import classify
from bot.lang import detect_lang
from bot.retrieve import Retrieval, retrieve
from bot.summary import ARTICLE, summarize_scope

ROOT = Path(__file__).resolve().parent.parent
ITEMS = ROOT / "eval" / "subject_summaries.jsonl"
SIDES = ("beijing", "shanghai")
# Batches of items by id: the comparisons written blind on 2026-12-05 after the method was
# first tuned (test), the subjects and comparisons written blind on 2026-12-05 (second
# session) before that session's changes (test, then dev), those written blind in the
# third session, for dev, and the comparisons written blind in the twelfth, for test.
BATCHES = {
    "blind": range(101, 301), "fresh": range(301, 401), "dev, 2026-12-05": range(401, 501),
    "dev, 2026-12-05 evening": range(501, 601), "blind, twelfth session": range(601, 701),
}  # fmt: skip
ROUNDS = 5
SWEEP = {
    (bot.focus, "PASSAGES"): (8, 4, 5, 6, 10),
    (bot.focus, "SENTENCE_MARGIN"): (0.12, 0.03, 0.05, 0.08, 1.0),
    (bot.focus, "POINTS"): tuple({"short": 4, "medium": m, "long": 12} for m in (8, 4, 6)),
    (bot.compare, "PASSAGES"): (10, 5, 8, 15),
    (bot.compare, "PASSAGE_MARGIN"): (0.05, 0.02, 0.03, 0.08, 1.0),
    (bot.compare, "SIDE_POINTS"): (5, 2, 3, 4, 6),
    (bot.compare, "VERDICT_POINTS"): (2, 1, 3, 4),
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def covered(sentences: list[str], facts: list[dict]) -> int:
    """How many `facts` have a key in one of `sentences`."""
    said = [squash(s) for s in sentences]
    return sum(any(squash(k) in s for k in f["keys"] for s in said) for f in facts)


def cited(points: tuple) -> list[str]:
    """The source sentences behind summary points."""
    return [p.citations[0].text[slice(*p.citations[0].span)] for p in points]


def top_sentences(retrieval: Retrieval, k: int) -> list[str]:
    """The k sentences of the retrieval that fit the query best (the answer path's ranking)."""
    texts: list[str] = []
    for evidence in rank_sentences(retrieval, ()):
        text = sentence_text(retrieval.hits[evidence.hit].passage, evidence.sentence)
        if text not in texts:
            texts.append(text)
    return texts[:k]


def searched(engine: Engine, text: str, depth: int) -> Retrieval:
    vector = engine.embedder.embed_query(text)
    return retrieve(engine.index, vector, text, detect_lang(text), depth)


def number(item: dict) -> int:
    return int(item["id"].split("-")[1])


def subjects(engine: Engine, items: list[dict], article: list[str]) -> dict[str, float]:
    """Recall of bot and the baselines on the answerable subjects; refusals of the others."""
    facts = found = top = whole = refused = false_refusals = answerable = points = on_key = 0
    batches = {name: [0, 0] for name in BATCHES}  # facts found, of, in each batch
    for item in items:
        retrieval = searched(engine, item["request"], bot.focus.PASSAGES)
        summary = focused(engine.index, engine.abstainer, item["request"], retrieval, item["lang"])
        if not item["answerable"]:
            refused += not summary.answered
            continue
        answerable += 1
        false_refusals += not summary.answered
        n = len(item["facts"])
        facts += n
        said = cited(summary.points)
        got = covered(said, item["facts"])
        points += len(said)
        on_key += sum(covered([s], item["facts"]) > 0 for s in said)
        found += got
        for name, ids in BATCHES.items():
            if number(item) in ids:
                batches[name][0] += got
                batches[name][1] += n
        k = max(len(summary.points), 1)
        top += covered(top_sentences(retrieval, k), item["facts"])
        whole += covered(article, item["facts"])
    unanswerable = len(items) - answerable
    return {
        "answerable": answerable, "facts": facts, "bot": found / max(facts, 1),
        "top-k": top / max(facts, 1), "article": whole / max(facts, 1),
        "refused": refused, "unanswerable": unanswerable, "false refusals": false_refusals,
        "points (mean)": points / max(answerable, 1),
        "points holding a key fact": on_key / max(points, 1),
        **{f"facts, {name}": f"{got}/{of}" for name, (got, of) in batches.items() if of},
    }  # fmt: skip


def comparisons(engine: Engine, items: list[dict], article: list[str]) -> dict[str, float]:
    """Shares of comparisons with both cities' facts present, verdicts, and the baselines;
    refusals of the comparisons the article cannot answer, and of the others."""
    both = own = top = whole = verdicts = verdict_found = invented = refused = points = 0
    verdict_first = 0  # the first verdict point shown holds the article's verdict
    side_points = on_side = 0
    with_verdict = 0
    batches: dict[str, list[bool]] = {name: [] for name in BATCHES}  # both cities' facts
    unanswerable = {why: [0, 0] for why in ("offtopic", "near_miss")}  # refused, of
    answerable = [item for item in items if item["answerable"]]
    for item in items:
        request = item["request"]
        vector = engine.embedder.embed_query(request)
        found, retrieval = engine.comparison(request, item["lang"], request, vector)
        if not item["answerable"]:
            unanswerable[item["why"]][0] += not found.answered
            unanswerable[item["why"]][1] += 1
            continue
        refused += not found.answered
        columns = {side: cited(points) for side, points in found.sides}
        everything = [s for texts in columns.values() for s in texts]
        points += len(everything)
        sides = item["sides"]
        for side in SIDES:
            side_points += len(columns.get(side, []))
            on_side += sum(covered([s], sides[side]) > 0 for s in columns.get(side, []))
        both += (present := all(covered(everything, sides[s]) for s in SIDES))
        for name, ids in BATCHES.items():
            if number(item) in ids:
                batches[name].append(present)
        own += all(covered(columns.get(s, []), sides[s]) for s in SIDES)
        k = max(len(everything), 1)
        top += all(covered(top_sentences(retrieval, k), sides[s]) for s in SIDES)
        whole += all(covered(article, sides[s]) for s in SIDES)
        shown = columns.get(VERDICT, [])
        if item["verdict"]:
            with_verdict += 1
            verdicts += bool(shown)
            verdict_found += bool(covered(shown, [item["verdict"]]))
            verdict_first += bool(covered(shown[:1], [item["verdict"]]))
        else:
            invented += bool(shown)
    n = max(len(answerable), 1)
    return {
        "n": len(answerable), "both sides": both / n, "own column": own / n, "top-k": top / n,
        "article": whole / n, "with verdict": with_verdict, "verdict shown": verdicts,
        "verdict right": verdict_found, "verdict right first": verdict_first,
        "no verdict in keys, one shown": invented,
        "false refusals": refused, "points (mean)": points / n,
        "city points holding its key fact": on_side / max(side_points, 1),
        **{f"both sides, {name}": f"{sum(got)}/{len(got)}" for name, got in batches.items() if got},
        "unanswerable refused": {why: f"{r}/{of}" for why, (r, of) in unanswerable.items()},
    }  # fmt: skip


def chat(engine: Engine, items: list[dict]) -> dict[str, str]:
    """What a reader gets in the chat (`Engine.ask`: the message classed, then answered as its
    kind): key facts of the answerable subjects in the cited sentences, and answerable
    comparisons with both cities' facts cited."""
    facts = found = both = comparisons = 0
    for item in items:
        if not item["answerable"]:
            continue
        answer = engine.ask(item["request"])
        sources = [c.text[slice(*c.span)] for c in answer.citations]
        if item["kind"] == "subject":
            facts += len(item["facts"])
            found += covered(sources, item["facts"])
        else:
            comparisons += 1
            both += all(covered(sources, item["sides"][s]) for s in SIDES)
    return {"subject facts": f"{found}/{facts}", "comparisons, both sides": f"{both}/{comparisons}"}


def kinds(engine: Engine, items: list[dict]) -> dict[str, int]:
    """How the chat classes the requests: right kind (subject or comparison) out of all."""
    right = 0
    wrong = []
    for item in items:
        vector = engine.embedder.embed_query(item["request"])
        got = classify(item["request"], vector, engine.index.intents)
        if got == item["kind"]:
            right += 1
        else:
            wrong.append(f"{item['id']} {item['kind']} → {got}: {item['request']}")
    return {"right": right, "n": len(items), "wrong": wrong}  # type: ignore[dict-item]


def cost(engine: Engine, items: list[dict], pairs: list[dict]) -> dict[str, float]:
    """Median ms of a focused summary, of a comparison (embedding included) and of an answer,
    interleaved, ROUNDS rounds."""
    questions = [q["question"] for q in read_questions()][: len(items)]
    summaries, comparisons, answers = [], [], []
    for _ in range(ROUNDS):
        for item, pair, question in zip(items, cycle(pairs), questions, strict=False):
            started = time.perf_counter()
            engine.focused_summary(item["request"], item["lang"], "medium")
            summaries.append(time.perf_counter() - started)
            started = time.perf_counter()
            request = pair["request"]
            engine.comparison(request, pair["lang"], request, engine.embedder.embed_query(request))
            comparisons.append(time.perf_counter() - started)
            started = time.perf_counter()
            engine.ask(question)
            answers.append(time.perf_counter() - started)
    s, c, a = (statistics.median(t) * 1000 for t in (summaries, comparisons, answers))
    return {
        "runs": len(summaries), "summary ms": s, "comparison ms": c, "answer ms": a,
        "ratio": s / a, "comparison ratio": c / a,
    }  # fmt: skip


def run(engine: Engine, rows: list[dict], split: str, article: list[str], timed: bool) -> dict:
    chosen = [r for r in rows if split == "all" or r["split"] == split]
    subject = [r for r in chosen if r["kind"] == "subject"]
    result = {
        "split": split,
        "subjects": subjects(engine, subject, article),
        "comparisons": comparisons(engine, [r for r in chosen if r["kind"] == "comparison"],
                                   article),
        "kinds": kinds(engine, chosen),
        "through the chat": chat(engine, chosen),
    }  # fmt: skip
    if timed:
        pairs = [r for r in chosen if r["kind"] == "comparison" and r["answerable"]]
        result["cost"] = cost(engine, [r for r in subject if r["answerable"]], pairs)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="dev only, each constant moved")
    parser.add_argument("--split", choices=("dev", "test", "both", "all"), default="both")
    args = parser.parse_args()
    engine = Engine.load(Settings.from_env())
    rows = [json.loads(line) for line in ITEMS.read_text(encoding="utf-8").splitlines() if line]
    summary = summarize_scope(engine.index, ARTICLE, "fr", "medium")
    article = cited(summary.points) if summary else []
    if args.sweep:
        for (module, name), values in SWEEP.items():
            for value in values:
                with patch.object(module, name, value):
                    got = run(engine, rows, "dev", article, timed=False)
                s, c = got["subjects"], got["comparisons"]
                print(
                    f"{module.__name__}.{name} = {value}: subjects recall {s['bot']:.3f} "
                    f"(refused {s['refused']}/{s['unanswerable']}, false {s['false refusals']}); "
                    f"comparisons both {c['both sides']:.3f}, own column {c['own column']:.3f}, "
                    f"verdict right {c['verdict right']}/{c['with verdict']}, "
                    f"unkeyed shown {c['no verdict in keys, one shown']}, "
                    f"points {c['points (mean)']:.1f}"
                )
        return
    print(f"article summary (baseline): {len(article)} points")
    for split in ("dev", "test") if args.split == "both" else (args.split,):
        got = run(engine, rows, split, article, timed=split == "test")
        wrong = got["kinds"].pop("wrong")
        print(json.dumps(got, indent=2, ensure_ascii=False, default=round))
        print("\n".join(f"  misclassed: {w}" for w in wrong))


if __name__ == "__main__":
    main()
