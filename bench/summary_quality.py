"""How many of the article's key facts each summarizer's points carry, at equal length.

    python bench/summary_quality.py          # needs a built index (`bot index`)

Facts: eval/summary_facts.json (written from the article before any summarizer was run). A fact
is covered when a chosen sentence contains one of its keys, white space and case ignored.
Every system picks among the same content sentences (bot.summarize.is_content) and picks as many
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
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bot.config import Settings
from bot.index import Index, load
from bot.lexical import tokenize
from bot.summarize import POINTS, document_rows, is_content, parts, sentence_text, summarize

FACTS = Path(__file__).resolve().parent.parent / "eval" / "summary_facts.json"
Chooser = Callable[[list[tuple[int, int]], int], list[tuple[int, int]]]


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
    langs = sorted({d.lang for d in index.documents})

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


def main() -> int:
    index = load(Settings.from_env())
    vectors = index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)
    spec = json.loads(FACTS.read_text(encoding="utf-8"))
    passages = index.passages
    found = scopes(index, spec)
    names = " | ".join(name for name, _, _ in found)
    sizes = ", ".join(f"{name} {len(facts)}" for name, _, facts in found)
    print(f"Share of key facts covered in {spec['doc_id']} (facts: {sizes})\n")
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
