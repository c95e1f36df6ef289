"""Find the passages for a query: dense over passages and sentences, plus BM25, fused."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from bot.index import Index
from bot.ingest import Passage

# Fusion weights, chosen on the dev split of eval/questions.jsonl (docs/EVALUATION.md). Cosines
# of e5 sit in a narrow band (about 0.75-0.9), so a small lexical weight already moves ranks;
# across languages only names and numbers can match, so BM25 counts for less there.
PASSAGE_WEIGHT = 0.6
SENTENCE_WEIGHT = 0.4
LEXICAL_WEIGHT_SAME_LANGUAGE = 0.03
LEXICAL_WEIGHT_OTHER_LANGUAGE = 0.005
SENTENCE_POOL = 1000


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with the signals that ranked it."""

    passage: Passage
    score: float
    dense: float
    lexical: float
    sentence_scores: tuple[float, ...]

    @property
    def best_sentence(self) -> int:
        """Number of the sentence closest to the query."""
        return int(np.argmax(self.sentence_scores)) if self.sentence_scores else 0

    @property
    def highlights(self) -> tuple[tuple[int, int], ...]:
        """Spans (in the passage text) of the sentences closest to the query."""
        if not self.sentence_scores:
            return ()
        top = max(self.sentence_scores)
        return tuple(
            span
            for span, score in zip(self.passage.sentences, self.sentence_scores, strict=True)
            if score >= top - 0.02
        )


@dataclass(frozen=True)
class Retrieval:
    """Hits for one query, with the score distribution the abstention check reads."""

    query: str
    lang: str
    hits: tuple[Hit, ...]
    sentence_top: float
    sentence_mean: float
    sentence_std: float
    lexical_top: float
    passage_top: float
    passage_margin: float
    search_ms: float


def retrieve(index: Index, vector: np.ndarray, query: str, lang: str, k: int) -> Retrieval:
    """The k best passages for `query` (written in `lang`, embedded as `vector`), best first."""
    started = time.perf_counter()
    vector = vector.reshape(1, -1)

    n_passages = index.passage_vectors.ntotal
    dense_scores, rows = index.passage_vectors.search(vector, n_passages)
    dense = np.empty(n_passages, dtype=np.float32)
    dense[rows[0]] = dense_scores[0]

    pool = min(index.sentence_vectors.ntotal, SENTENCE_POOL)
    sentence_scores, sentence_rows = index.sentence_vectors.search(vector, pool)
    sentence_scores, sentence_rows = sentence_scores[0], sentence_rows[0]
    # Sentences outside the pool are scored as the pool's last one: an upper bound, no search.
    floor = float(sentence_scores[-1]) if pool else 0.0
    every_sentence = np.full(index.sentence_vectors.ntotal, floor, dtype=np.float32)
    every_sentence[sentence_rows] = sentence_scores
    best_sentence = np.full(n_passages, floor, dtype=np.float32)
    np.maximum.at(best_sentence, index.sentence_passage, every_sentence)

    raw_lexical = index.lexical.scores(query, lang)
    lexical_top = float(raw_lexical.max()) if raw_lexical.size else 0.0
    lexical = raw_lexical / lexical_top if lexical_top > 0 else raw_lexical
    same_language = lang in index.lexical.langs
    lexical_weight = (
        LEXICAL_WEIGHT_SAME_LANGUAGE if same_language else LEXICAL_WEIGHT_OTHER_LANGUAGE
    )

    fused = PASSAGE_WEIGHT * dense + SENTENCE_WEIGHT * best_sentence + lexical_weight * lexical
    order = np.argsort(-fused, kind="stable")
    top_rows = order[:k]
    hits = []
    for row in top_rows:
        first = int(index.passage_first_sentence[row])
        passage = index.passages[row]
        scores = every_sentence[first : first + len(passage.sentences)]
        hits.append(
            Hit(
                passage,
                float(fused[row]),
                float(dense[row]),
                float(lexical[row]),
                tuple(float(x) for x in scores),
            )
        )
    searched = time.perf_counter()

    top_pool = sentence_scores[:50] if pool else np.zeros(1, dtype=np.float32)
    return Retrieval(
        query=query,
        lang=lang,
        hits=tuple(hits[:k]),
        sentence_top=float(top_pool[0]),
        sentence_mean=float(top_pool.mean()),
        sentence_std=float(top_pool.std()),
        lexical_top=lexical_top,
        passage_top=float(fused[order[0]]) if n_passages else 0.0,
        passage_margin=float(fused[order[0]] - fused[order[1]]) if n_passages > 1 else 0.0,
        search_ms=round((searched - started) * 1000, 2),
    )
