"""What each retrieval signal buys: R@1 / MRR on the evaluation set, French vs other languages.

    python bench/retrieval_ablation.py          # needs a built index (`bot index`)

Embeds each question once (as `Engine.ask` would, follow-ups joined to the previous question),
then ranks the index's passages five ways with the stored vectors and BM25: dense over passages,
plus sentences, plus language-gated BM25 (bot), plus BM25 with one naive weight, and reciprocal
rank fusion of dense and BM25. Weights were chosen on the dev split; this uses all questions.
"""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bot import retrieve as r
from bot.config import Settings
from bot.engine import Engine
from bot.evaluate import squash
from bot.followup import Turn, resolve
from bot.lang import detect_lang

Scorer = Callable[[np.ndarray, np.ndarray, bool], np.ndarray]


def main() -> int:
    engine = Engine.load(Settings.from_env())
    index = engine.index
    passages = np.vstack([index.passage_vectors.reconstruct(i) for i in range(len(index.passages))])
    sentences = np.vstack(
        [index.sentence_vectors.reconstruct(i) for i in range(index.sentence_vectors.ntotal)]
    )

    def best_sentence(vector: np.ndarray) -> np.ndarray:
        best = np.full(len(index.passages), -1.0)
        np.maximum.at(best, index.sentence_passage, sentences @ vector)
        return best

    def ranks(scores: np.ndarray) -> np.ndarray:
        return np.argsort(np.argsort(-scores))

    systems: dict[str, Scorer] = {
        "dense over passages (heading path + text)": lambda v, lex, same: passages @ v,
        "+ best sentence of each passage": lambda v, lex, same: (
            r.PASSAGE_WEIGHT * (passages @ v) + r.SENTENCE_WEIGHT * best_sentence(v)
        ),
        "+ BM25 gated by language (bot)": lambda v, lex, same: (
            r.PASSAGE_WEIGHT * (passages @ v)
            + r.SENTENCE_WEIGHT * best_sentence(v)
            + (r.LEXICAL_WEIGHT_SAME_LANGUAGE if same else r.LEXICAL_WEIGHT_OTHER_LANGUAGE) * lex
        ),
        "+ BM25 with one naive weight (0.1)": lambda v, lex, same: (
            r.PASSAGE_WEIGHT * (passages @ v) + r.SENTENCE_WEIGHT * best_sentence(v) + 0.1 * lex
        ),
        "dense + BM25 by reciprocal rank fusion": lambda v, lex, same: (
            1 / (60 + ranks(passages @ v)) + 1 / (60 + ranks(lex))
        ),
    }
    texts = [squash(p.text) for p in index.passages]
    results: dict[str, dict[bool, list[int]]] = {name: {True: [], False: []} for name in systems}
    with Path("eval/questions.jsonl").open(encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines if line.strip()]
    for item in (i for i in items if i["answerable"]):
        history = [Turn(t["role"], t["content"]) for t in item.get("history", [])]
        query = resolve(item["question"], history)
        vector = engine.embedder.embed_query(query)
        lang = detect_lang(query)
        raw = index.lexical.scores(query, lang)
        lexical = raw / raw.max() if raw.max() > 0 else raw
        same = lang in index.lexical.langs
        gold = {n for n, t in enumerate(texts) if any(squash(e) in t for e in item["evidence"])}
        for name, scorer in systems.items():
            order = np.argsort(-scorer(vector, lexical, same), kind="stable")
            rank = next((k for k, row in enumerate(order, 1) if row in gold), len(order) + 1)
            results[name][same].append(rank)

    def cell(rank_list: list[int]) -> str:
        a = np.array(rank_list)
        return f"{(a == 1).mean():.3f} / {(1 / a).mean():.3f}"

    n_same, n_other = (
        len(results[next(iter(systems))][True]),
        len(results[next(iter(systems))][False]),
    )
    print(f"| retrieval (R@1 / MRR) | same language as the corpus (n={n_same}) "
          f"| other languages (n={n_other}) |\n|---|---|---|")  # fmt: skip
    for name, by_group in results.items():
        print(f"| {name} | {cell(by_group[True])} | {cell(by_group[False])} |")
    print(f"\ncommand: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
