"""Find the passages for a query: dense over passages and sentences, plus BM25, fused."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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
# Rows FAISS returns per search; the rest of the corpus scores as the last of them (an upper bound).
POOL = 256


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with the signals that ranked it."""

    passage: Passage
    score: float
    dense: float
    lexical: float
    sentence_scores: tuple[float, ...]
    sentence_words: tuple[frozenset[str], ...]
    row: int  # of the passage in the index

    @property
    def best_sentence(self) -> int:
        """Number of the sentence closest to the query."""
        return int(np.argmax(self.sentence_scores)) if self.sentence_scores else 0

    @property
    def highlighted(self) -> tuple[int, ...]:
        """Numbers of the sentences closest to the query."""
        if not self.sentence_scores:
            return ()
        top = max(self.sentence_scores)
        return tuple(n for n, score in enumerate(self.sentence_scores) if score >= top - 0.02)

    @property
    def highlights(self) -> tuple[tuple[int, int], ...]:
        """Spans (in the passage text) of the sentences closest to the query."""
        return tuple(self.passage.sentences[n] for n in self.highlighted)


@dataclass(frozen=True)
class Retrieval:
    """Hits for one query, with the score distribution the abstention check reads."""

    query: str
    lang: str
    hits: tuple[Hit, ...]
    sentence_top: float
    sentence_mean: float
    sentence_std: float
    background_top: float  # similarity of the closest everyday sentence (index.BACKGROUND)
    lexical_top: float
    passage_top: float
    passage_margin: float
    # Every source sentence's score (the pool's floor past it; -inf for translations), by row.
    sentence_pool: np.ndarray = field(compare=False, repr=False)

    @property
    def closest_hit_sentence(self) -> float:
        """The best sentence score among the hits (0 when there are none)."""
        return max((max(h.sentence_scores, default=-1.0) for h in self.hits), default=0.0)


def retrieve(index: Index, vector: np.ndarray, query: str, lang: str, k: int) -> Retrieval:
    """The k best passages for `query` (written in `lang`, embedded as `vector`), best first."""
    vector = vector.reshape(1, -1)
    editions = index.editions
    n_passages = index.passage_vectors.ntotal
    # Every edition is searched; a passage or sentence counts for the source it translates, so
    # from here on only source rows hold scores (the others are -inf).
    every_passage = _search(index.passage_vectors, vector, n_passages)
    dense = editions.pool(every_passage, editions.passage_pairs)
    every_sentence = _search(index.sentence_vectors, vector, len(index.sentence_passage))
    sentences = editions.pool(every_sentence, editions.sentence_pairs)
    best_sentence = np.full(n_passages, -np.inf, dtype=np.float32)
    np.maximum.at(best_sentence, index.sentence_passage, sentences)

    raw_lexical = index.lexical.scores(query, lang)
    same_language = lang in index.lexical.langs
    if same_language:
        # BM25 reads the edition in the question's language: stems only match within one.
        raw_lexical = np.where(editions.passage_lang == lang, raw_lexical, 0.0)
    raw_lexical = np.maximum(editions.pool(raw_lexical, editions.passage_pairs), 0.0)
    lexical_top = float(raw_lexical.max()) if raw_lexical.size else 0.0
    lexical = raw_lexical / lexical_top if lexical_top > 0 else raw_lexical
    lexical_weight = (
        LEXICAL_WEIGHT_SAME_LANGUAGE if same_language else LEXICAL_WEIGHT_OTHER_LANGUAGE
    )

    fused = PASSAGE_WEIGHT * dense + SENTENCE_WEIGHT * best_sentence + lexical_weight * lexical
    top = min(max(k, 2), len(editions.source_rows))
    order = np.argpartition(-fused, top - 1)[:top] if top else np.array([], dtype=np.int64)
    order = order[np.argsort(-fused[order], kind="stable")]
    hits = []
    for row in order[:k]:
        first = int(index.passage_first_sentence[row])
        passage = index.passages[row]
        scores = sentences[first : first + len(passage.sentences)]
        hits.append(
            Hit(
                passage,
                float(fused[row]),
                float(dense[row]),
                float(lexical[row]),
                tuple(float(x) for x in scores),
                index.sentence_words[first : first + len(passage.sentences)],
                int(row),
            )
        )
    source_sentences = sentences[np.isfinite(sentences)]
    top_pool = -np.sort(-source_sentences)[:50] if source_sentences.size else np.zeros(1)
    return Retrieval(
        query=query,
        lang=lang,
        hits=tuple(hits),
        sentence_top=float(top_pool[0]),
        sentence_mean=float(top_pool.mean()),
        sentence_std=float(top_pool.std()),
        background_top=_closest(index.background_vectors, vector),
        lexical_top=lexical_top,
        passage_top=float(fused[order[0]]) if len(order) else 0.0,
        passage_margin=float(fused[order[0]] - fused[order[1]]) if len(order) > 1 else 0.0,
        sentence_pool=sentences,
    )


def retrieve_within(
    index: Index,
    vector: np.ndarray,
    query: str,
    lang: str,
    k: int,
    within: frozenset[str] | None,
) -> Retrieval:
    """`retrieve`, keeping only the passages `within` (ids of a part or topic) when given: found
    among all passages, then the k best of them."""
    depth = len(index.editions.source_rows) if within is not None else k
    found = retrieve(index, vector, query, lang, depth)
    if within is None:
        return found
    return replace(found, hits=tuple(h for h in found.hits if h.passage.id in within)[:k])


def merge(first: Retrieval, second: Retrieval, k: int) -> Retrieval:
    """The k best passages of two searches, each scored against its own best (the second's
    moved so that both bests meet: two wordings of one request score in different bands), a
    passage found by both at its better score; every sentence at the better of its two scores.
    What the refusal reads of the distribution stays the first search's."""
    shift = first.hits[0].score - second.hits[0].score if first.hits and second.hits else 0.0
    best: dict[int, Hit] = {}
    for hit in (*first.hits, *(replace(h, score=h.score + shift) for h in second.hits)):
        if hit.row not in best or hit.score > best[hit.row].score:
            best[hit.row] = hit
    hits = sorted(best.values(), key=lambda h: -h.score)[:k]
    pool = np.maximum(first.sentence_pool, second.sentence_pool)
    return replace(first, hits=tuple(hits), sentence_pool=pool)


def _search(vectors, query: np.ndarray, rows: int) -> np.ndarray:  # noqa: ANN001
    """Scores of all `rows`: the POOL best exact, the others at the pool's floor."""
    pool = min(rows, POOL)
    scores = np.zeros(rows, dtype=np.float32)
    if not pool:
        return scores
    import faiss

    # OpenMP's thread count is per thread: each server thread sets FAISS's to one, as the
    # loading thread did (docs/BENCHMARKS.md: its threads fight the embedder's on 2 cores).
    faiss.omp_set_num_threads(1)
    # An HNSW index (a corpus past Settings.exact_below) explores at least as many candidates
    # as the pool; it may still find fewer (marked -1).
    params = faiss.SearchParametersHNSW(efSearch=pool) if hasattr(vectors, "hnsw") else None
    found, found_rows = vectors.search(query, pool, params=params)
    kept = found_rows[0] >= 0
    if kept.any():
        scores.fill(found[0][kept][-1])
        scores[found_rows[0][kept]] = found[0][kept]
    return scores


def _closest(vectors, query: np.ndarray) -> float:  # noqa: ANN001
    """Similarity of the query's nearest neighbour among `vectors` (0 when there are none)."""
    if not vectors.ntotal:
        return 0.0
    scores, _ = vectors.search(query, 1)
    return float(scores[0][0])


def paragraph_baseline(
    index: Index, vector: np.ndarray, depth: int
) -> tuple[list[Passage], float, str]:
    """Dense search over source paragraphs alone (no editions, sentences or BM25): the `depth`
    best passages, the top score, and the top passage's sentence closest to the query."""
    # Every source passage scored exactly, whatever kind of index holds them (evaluation only).
    sources = index.editions.source_rows
    scores = index.passage_vectors.reconstruct_batch(sources.astype(np.int64)) @ vector.ravel()
    ranked = sorted(zip(scores.tolist(), sources.tolist(), strict=True), key=lambda r: -r[0])
    top_score, top_row = ranked[0]
    top = index.passages[top_row]
    first = int(index.passage_first_sentence[top_row])
    sentence_vectors = np.vstack(
        [index.sentence_vectors.reconstruct(first + n) for n in range(len(top.sentences))]
    )
    start, end = top.sentences[int(np.argmax(sentence_vectors @ vector))]
    return [index.passages[r] for _, r in ranked[:depth]], top_score, top.text[start:end]
