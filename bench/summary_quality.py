"""How many key facts each summarizer's points carry, at equal length.

    python bench/summary_quality.py [--work DIR]

The index is built over the corpus (BOT_CORPUS) plus the test documents of tests/data/, in DIR
(corpus/ and index/; kept and reused while current) or else a temporary folder (about two minutes).

Facts: eval/summary_facts.json: the article's and its parts' (written from the article before any
summarizer was run), and the held-out facts of the three test documents (written before the
method was changed for issue 8, never tuned against). A fact is covered when a chosen sentence
contains one of its keys, white space and case ignored.
Every system picks among the same content sentences (bot.facts.is_content) and picks as many
as bot does for that scope and length:

- bot: bot.summarize.summarize;
- lead-N: the first N content sentences;
- LexRank (e5): eigenvector centrality (PageRank, damping 0.85) over the graph linking sentences
  whose e5 cosine is above the scope's median cosine (classic LexRank's 0.1 suits TF-IDF cosines;
  e5's all lie in a narrow high band), top N;
- LexRank (TF-IDF): classic: TF-IDF cosine over bot's BM25 tokens, idf from the scope,
  threshold 0.1;
- centroid: top N by cosine to the scope's mean e5 vector;
- oracle: greedy best cover of the facts with N sentences (what N points can carry at most).

With --sensitivity, bot alone, with each of bot.summarize's constants moved one at a time.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from unittest.mock import patch

import numpy as np

import bot.facts
import bot.summarize
from bot.build import build
from bot.config import Settings
from bot.facts import is_content, sentence_text
from bot.index import Index, load, staleness
from bot.parts import document_rows, parts
from bot.summarize import POINTS, summarize
from bot.tokens import tokenize

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "eval" / "summary_facts.json"
# The test documents and their metadata, as tests/conftest.py copies them.
TEST_DOCUMENTS = ("*.txt", "*.md", "*.meta.json")
Chooser = Callable[[list[tuple[int, int]], int], list[tuple[int, int]]]
# Each constant of bot.summarize and the values tried with --sensitivity (the chosen one first).
SENSITIVITY: dict[str, tuple[float, ...]] = {
    "FACT_WEIGHT": (0.75, 0.0, 0.5, 0.6, 0.9, 1.0),
    "FACT_CAP": (4.0, 2.0, 3.0, 6.0),
    "NAME_UNIT": (0.5, 0.25, 1.0),
    "NAMES_CAP": (1.0, 0.5, 2.0, math.inf),
    "SIZE_WEIGHT": (0.01, 0.0, 0.05, 0.2, 1.0),
    "MMR_LAMBDA": (0.7, 0.5, 0.9, 1.0),
    "LONG_POINT": (400, 250, 600, math.inf),
}


def squash(text: str) -> str:
    """Lower case without white space: how keys are matched."""
    return re.sub(r"\s+", "", text).lower()


def covered(texts: list[str], facts: list[dict]) -> int:
    """How many facts have a key in one of `texts`."""
    squashed = [squash(t) for t in texts]
    return sum(any(squash(k) in t for k in f["keys"] for t in squashed) for f in facts)


def pagerank(weights: np.ndarray, damping: float = 0.85) -> np.ndarray:
    """Stationary scores of the random walk over `weights` (rows normalised), power iteration."""
    n = len(weights)
    sums = weights.sum(axis=1, keepdims=True)
    walk = np.where(sums > 0, weights / np.where(sums > 0, sums, 1.0), 1.0 / n)
    scores = np.full(n, 1.0 / n)
    for _ in range(200):
        scores = (1 - damping) / n + damping * scores @ walk
    return scores


def top(scores: np.ndarray, cands: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The `n` best-scored candidates (ties to the earlier), in text order."""
    order = sorted(range(len(cands)), key=lambda i: (-scores[i], i))
    return sorted(cands[i] for i in order[:n])


def choosers(index: Index, vectors: np.ndarray, facts: list[dict]) -> dict[str, Chooser]:
    """The baselines and the oracle, each choosing n of a scope's content sentences."""
    first = index.passage_first_sentence
    lang = {d.id: d.lang for d in index.documents}

    def vecs(cands: list[tuple[int, int]]) -> np.ndarray:
        return vectors[[first[row] + n for row, n in cands]]

    def text(cand: tuple[int, int]) -> str:
        return sentence_text(index.passages[cand[0]], cand[1])

    def lexrank_e5(cands: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
        sim = vecs(cands) @ vecs(cands).T
        off = sim[~np.eye(len(cands), dtype=bool)]
        cut = float(np.median(off)) if len(off) else 1.0
        return top(pagerank((sim > cut).astype(float)), cands, n)

    def lexrank_tfidf(cands: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
        langs = sorted({lang[index.passages[row].doc_id] for row, _ in cands})
        bags = [Counter(tokenize(text(c), langs)) for c in cands]
        df = Counter(token for bag in bags for token in bag)
        idf = {token: math.log(len(bags) / count) + 1.0 for token, count in df.items()}
        vocab = {token: i for i, token in enumerate(sorted(df))}
        matrix = np.zeros((len(bags), len(vocab)))
        for row, bag in enumerate(bags):
            for token, count in bag.items():
                matrix[row, vocab[token]] = count * idf[token]
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
        return top(pagerank((matrix @ matrix.T > 0.1).astype(float)), cands, n)

    def centroid(cands: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
        return top(vecs(cands) @ vecs(cands).mean(axis=0), cands, n)

    def oracle(cands: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
        holds = [{i for i, f in enumerate(facts) if covered([text(c)], [f])} for c in cands]
        got: set[int] = set()
        chosen: list[int] = []
        for _ in range(min(n, len(cands))):
            rest = [i for i in range(len(cands)) if i not in chosen]
            best = max(rest, key=lambda i: (len(holds[i] - got), -i))
            chosen.append(best)
            got |= holds[best]
        return sorted(cands[i] for i in chosen)

    return {
        "lead-N": lambda cands, n: cands[:n],
        "LexRank (e5)": lexrank_e5,
        "LexRank (TF-IDF)": lexrank_tfidf,
        "centroid": centroid,
        "oracle (upper bound)": oracle,
    }


def scopes(index: Index, spec: dict) -> list[tuple[str, list[int], list[dict]]]:
    """(name, passage rows, facts) of the article and of each part with facts."""
    by_id = {part.id: part for part in parts(index.passages)}
    found = [("article", document_rows(index.passages, spec["doc_id"]), spec["document"])]
    for part_id, facts in spec["parts"].items():
        found.append(
            (f"part {part_id.rsplit('part', 1)[1]}", list(by_id[part_id].passage_rows), facts)
        )
    for doc_id, facts in spec["held_out"].items():
        found.append((doc_id, document_rows(index.passages, doc_id), facts))
    for name, rows, facts in found:
        texts = [
            sentence_text(index.passages[r], n)
            for r in rows
            for n in range(len(index.passages[r].sentences))
        ]
        missing = [f["fact"] for f in facts if not covered(texts, [f])]
        if missing:
            raise SystemExit(f"{name}: no sentence holds a key of {missing}; fix {FACTS}.")
    return found


def bench_index(work: Path) -> Index:
    """The index of the corpus plus tests/data/ in `work`, built unless current."""
    settings = Settings.from_env()
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.copytree(settings.corpus, corpus)
    for pattern in TEST_DOCUMENTS:
        for path in (ROOT / "tests" / "data").glob(pattern):
            shutil.copy(path, corpus / path.name)
    settings = Settings.from_env(corpus=corpus, index=work / "index")
    if staleness(settings):
        build(settings)
    return load(settings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, help="keep the bench corpus and index in this folder")
    parser.add_argument(
        "--sensitivity", action="store_true", help="move bot's constants one at a time"
    )
    args = parser.parse_args()
    run = sensitivity if args.sensitivity else report
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        return run(bench_index(args.work))
    with tempfile.TemporaryDirectory(prefix="summary-bench-") as work:
        return run(bench_index(Path(work)))


def constant(name: str, value: float) -> AbstractContextManager:
    """bot.summarize (or bot.facts, where the fact weights live) with one constant set to
    `value` for the duration."""
    module = bot.summarize if hasattr(bot.summarize, name) else bot.facts
    return patch.object(module, name, value)


def sensitivity(index: Index) -> int:
    """Print bot's coverage with each constant moved one at a time."""
    vectors = index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)
    found = scopes(index, json.loads(FACTS.read_text(encoding="utf-8")))

    def share(length: str, names: tuple[str, ...]) -> float:
        cells = [
            covered([sentence_text(index.passages[r], n) for r, n in chosen], facts) / len(facts)
            for name, rows, facts in found
            if name.startswith(names)
            for chosen in [summarize(index.passages, vectors, rows, length)]
        ]
        return sum(cells) / len(cells)

    held_out = tuple(name for name, _, _ in found if not name.startswith(("article", "part")))
    print("bot's share of key facts with one constant moved (the chosen value first)\n")
    print("| constant | value | article short | article medium | article long "
          "| parts medium (mean) | held-out short | held-out medium | held-out long |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for name, values in SENSITIVITY.items():
        for value in values:
            with constant(name, value):
                cells = [share(x, ("article",)) for x in POINTS]
                cells.append(share("medium", ("part",)))
                cells += [share(x, held_out) for x in POINTS]
            bold = [f"**{c:.2f}**" if value == values[0] else f"{c:.2f}" for c in cells]
            print(f"| {name} | {value:g} | " + " | ".join(bold) + " |")
    return 0


def report(index: Index) -> int:
    """Print the coverage table of every system, scope and length."""
    vectors = index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)
    spec = json.loads(FACTS.read_text(encoding="utf-8"))
    passages = index.passages
    found = scopes(index, spec)
    names = " | ".join(name for name, _, _ in found)
    sizes = ", ".join(f"{name} {len(facts)}" for name, _, facts in found)
    print(f"Share of key facts covered; {spec['doc_id']} and held-out documents (facts: {sizes})\n")
    print(f"| length | system | {names} | points | chars/point (article) |")
    print("|---|---|" + "---|" * len(found) + "---|---|")
    for length in POINTS:
        table: dict[str, list[tuple[float, int, float]]] = {}
        for _, rows, facts in found:
            cands = [
                (r, n)
                for r in rows
                for n in range(len(passages[r].sentences))
                if is_content(passages[r], n)
            ]
            ours = summarize(passages, vectors, rows, length)
            picks = {"bot": ours}
            picks |= {
                name: choose(cands, len(ours))
                for name, choose in choosers(index, vectors, facts).items()
            }
            for system, chosen in picks.items():
                texts = [sentence_text(passages[r], n) for r, n in chosen]
                chars = sum(map(len, texts)) / max(len(texts), 1)
                table.setdefault(system, []).append(
                    (covered(texts, facts) / len(facts), len(texts), chars)
                )
        for system, cells in table.items():
            shares = " | ".join(
                f"**{s:.2f}**" if system == "bot" else f"{s:.2f}" for s, _, _ in cells
            )
            counts = "/".join(str(n) for _, n, _ in cells)
            print(f"| {length} | {system} | {shares} | {counts} | {cells[0][2]:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
