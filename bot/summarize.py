"""Extractive summaries: the sentences that best sum up a scope (a document or one of its
parts, bot.parts), chosen once at index time."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

import numpy as np

from bot.corpus import Document
from bot.facts import Facts, is_bare_quote, is_content, refers_back, sentence_text, speaker_before
from bot.ingest import Passage
from bot.parts import parts
from bot.tokens import CJK

Length = Literal["short", "medium", "long"]
# Points grow with the square root of the scope's content sentences (a summary of a
# four-times-longer text is about twice as long), capped per length; never over half the scope.
POINTS: dict[str, tuple[int, float]] = {"short": (5, 0.5), "medium": (12, 1.25), "long": (20, 2.2)}
LENGTHS = tuple(POINTS)
# Weight of "carries facts" against centrality in a sentence's worth (both in [0, 1]). Facts
# lead: centrality to the scope's mean favours the general sentences that frame figures.
FACT_WEIGHT = 0.75
# A section's weight in the shares of points: its sentences' fact scores, plus this for each of
# its sentences, so that size decides between sections that hold no figures.
SIZE_WEIGHT = 0.01
# MMR: the share of a candidate's score that is its own worth; the rest penalises redundancy.
MMR_LAMBDA = 0.7
# A point longer than this (in Latin-character widths) is a paragraph; its score shrinks.
LONG_POINT = 400


def summarize(
    passages: Sequence[Passage],
    sentence_vectors: np.ndarray,
    rows: Sequence[int],
    length: Length = "medium",
    first: np.ndarray | None = None,
) -> list[tuple[int, int]]:
    """The (passage row, sentence number) pairs that summarise the passages at `rows`, in order
    (`first`: `sentence_starts(passages)`, when the caller has it)."""
    if length not in POINTS:
        raise ValueError(f"Unknown summary length {length!r}; choose one of: {', '.join(POINTS)}.")
    candidates = content_sentences(passages, rows)
    if not candidates:
        return []
    total = points(len(candidates), length)
    return choose(passages, sentence_vectors, candidates, total, rows, first)


def sentence_starts(passages: Sequence[Passage]) -> np.ndarray:
    """Each passage row's first row in the sentence matrix (every sentence, in passage order)."""
    return np.cumsum([0, *(len(p.sentences) for p in passages)])


def content_sentences(passages: Sequence[Passage], rows: Sequence[int]) -> list[tuple[int, int]]:
    """The (passage row, sentence number) of every content sentence of the passages at `rows`."""
    return [
        (row, n)
        for row in sorted(set(rows))
        for n in range(len(passages[row].sentences))
        if is_content(passages[row], n)
    ]


def choose(
    passages: Sequence[Passage],
    sentence_vectors: np.ndarray,
    candidates: Sequence[tuple[int, int]],
    total: int,
    rows: Sequence[int],
    first: np.ndarray | None = None,
) -> list[tuple[int, int]]:
    """`total` of the `candidates` (passage row, sentence number) that sum them up best, facts
    over centrality and no repetition, in text order, with the sentence a point leans on when
    `rows` (the passages summarised) hold it. A focused summary (bot.focus) chooses with it too."""
    # `sentence_vectors` is every sentence of `passages` in order, a plain matrix (for the index's
    # FAISS store: `index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal)`).
    # `first` (each passage row's first sentence row) comes from a caller choosing many summaries,
    # or from the index (`index.passage_first_sentence`): computed per call it made a build's
    # summaries quadratic in the corpus (bench/corpus_scale.py found it).
    first = sentence_starts(passages) if first is None else first
    # A sentence the text repeats word for word (a part's introduction restating the lead) is
    # one candidate. Not by cosine: e5 puts two different rankings of the same cities at 0.99.
    seen: set[str] = set()
    distinct = []
    for row, n in candidates:
        said = " ".join(sentence_text(passages[row], n).lower().split())
        if said not in seen:
            seen.add(said)
            distinct.append((row, n))
    candidates = distinct
    if not candidates:
        return []
    vectors = np.asarray(sentence_vectors[[first[row] + n for row, n in candidates]], np.float32)
    texts = [sentence_text(passages[row], n) for row, n in candidates]
    facts = Facts(texts)
    groups, quota = _sections(
        [passages[row].section_path for row, _ in candidates],
        np.array([facts.score(i) for i in range(len(texts))]),
        total,
    )
    chosen = _select(vectors, texts, facts, groups, quota)
    return _with_antecedents(passages, sorted(candidates[i] for i in chosen), set(rows))


def _with_antecedents(
    passages: Sequence[Passage], chosen: list[tuple[int, int]], rows: set[int]
) -> list[tuple[int, int]]:
    """`chosen`, where a point that leans on the sentence before it ("Il a déclaré…") comes with
    that sentence (the last of the passage before, for a passage's first), or is dropped when the
    summarised `rows` hold no such sentence that states something."""
    out: set[tuple[int, int]] = set()
    for row, n in chosen:
        leaned_on = (row, n)
        if refers_back(sentence_text(passages[row], n)):
            before = (row, n - 1) if n else (row - 1, len(passages[row - 1].sentences) - 1)
            if before[0] not in rows or not is_content(passages[before[0]], before[1]):
                continue
            out.add(leaned_on := before)
        # A quotation alone ("Il a déclaré…" may lean on one) comes with who says it.
        if is_bare_quote(sentence_text(passages[leaned_on[0]], leaned_on[1])):
            speaker = speaker_before(passages, *leaned_on, rows)
            if speaker is not None:
                out.add(speaker)
        out.add((row, n))
    return sorted(out)


def points(content_sentences: int, length: Length) -> int:
    """How many points a summary of a scope with this many content sentences gets."""
    cap, per_root = POINTS[length]
    most = max(1, math.ceil(content_sentences / 2))
    return min(cap, math.ceil(per_root * math.sqrt(content_sentences)), most)


def _rank01(values: np.ndarray) -> np.ndarray:
    # Ranks, not raw cosines: e5 similarities crowd into a narrow band whose width varies.
    if len(values) == 1:
        return np.ones(1)
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    return 1.0 - ranks / (len(values) - 1)


def _sections(
    paths: list[tuple[str, ...]], facts: np.ndarray, total: int
) -> tuple[list[int], list[int]]:
    """Each candidate's section (a leaf of the heading tree, -1 when it gets no point this time)
    and the points of each section."""
    groups = [-1] * len(paths)
    quota: list[int] = []

    def split(members: list[int], depth: int, budget: int, first: bool) -> None:
        if all(len(paths[i]) <= depth for i in members):
            quota.append(budget)
            for i in members:
                groups[i] = len(quota) - 1
            return
        children: list[list[int]] = []
        for i in members:  # runs of one heading a level down; text before the first is a run too
            if children and paths[children[-1][-1]][: depth + 1] == paths[i][: depth + 1]:
                children[-1].append(i)
            else:
                children.append([i])
        mass = [float(facts[c].sum()) for c in children]
        # Down the tree, every section gets a point while they last, the richest in facts first:
        # at the first level that divides the scope, every one; deeper, those holding a fact.
        # The rest goes by facts, so a dense comparison gets more points than a long preamble.
        sure = [len(children) > 1 and (first or m > 0) for m in mass]
        shares = _shares(
            [m + SIZE_WEIGHT * len(c) for m, c in zip(mass, children, strict=True)],
            [len(c) for c in children],
            budget,
            sure,
        )
        for child, share in zip(children, shares, strict=True):
            if share:
                split(child, depth + 1, share, first and len(children) == 1)

    split(list(range(len(paths))), 0, total, True)
    return groups, quota


def _shares(weights: list[float], sizes: list[int], total: int, sure: list[bool]) -> list[int]:
    """`total` points shared by weight (D'Hondt), at most `sizes` each, after one to each
    `sure` group (heaviest first)."""
    shares = [0] * len(sizes)
    for g in sorted((g for g in range(len(sizes)) if sure[g]), key=lambda g: (-weights[g], g)):
        if sum(shares) < total:
            shares[g] = 1
    for _ in range(total - sum(shares)):
        open_groups = [g for g in range(len(sizes)) if shares[g] < sizes[g]]
        if not open_groups:
            break
        best = max(open_groups, key=lambda g: (weights[g] / (shares[g] + 1), -g))
        shares[best] += 1
    return shares


def _select(
    vectors: np.ndarray, texts: list[str], facts: Facts, groups: list[int], quota: list[int]
) -> list[int]:
    """Greedy MMR within the section quotas; ties go to the earlier sentence."""
    centroid = vectors.mean(axis=0)
    centrality = _rank01(vectors @ (centroid / (np.linalg.norm(centroid) or 1.0)))
    width = np.array([len(t) + 2 * len(CJK.findall(t)) for t in texts], dtype=float)
    brevity = np.minimum(1.0, np.sqrt(LONG_POINT / np.maximum(width, 1.0)))
    # Redundancy is judged on what sentences do not share with the whole scope: raw e5 cosines
    # of any two sentences on one topic are high.
    centred = vectors - centroid
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-9)
    similarity = centred @ centred.T
    left = list(quota)
    chosen: list[int] = []
    known: set[str] = set()
    closest = np.zeros(len(texts))
    for _ in range(sum(quota)):
        open_rows = [
            i for i in range(len(texts)) if groups[i] >= 0 and left[groups[i]] and i not in chosen
        ]
        if not open_rows:
            break
        # A figure or title that a chosen point already states is worth nothing the second time.
        fact = np.array([facts.score(i, known) for i in range(len(texts))])
        worth = ((1 - FACT_WEIGHT) * centrality + FACT_WEIGHT * fact) * brevity
        scores = MMR_LAMBDA * worth - (1 - MMR_LAMBDA) * np.maximum(closest, 0.0)
        best = max(open_rows, key=lambda i: (scores[i], -i))
        chosen.append(best)
        known |= facts.tokens[best]
        left[groups[best]] -= 1
        closest = np.maximum(closest, similarity[best])
    return chosen


def choose_all(
    documents: Sequence[Document], passages: Sequence[Passage], sentence_vectors: np.ndarray
) -> dict:
    """Every source document's and part's summary at every length, as the index stores it: by
    scope id, its document, title, passage ids and chosen [passage id, sentence number] pairs."""
    sources = [doc for doc in documents if not doc.edition_of]
    by_document: dict[str, list[int]] = {}
    for row, passage in enumerate(passages):
        by_document.setdefault(passage.doc_id, []).append(row)
    scopes = [
        {"id": doc.id, "doc_id": doc.id, "title": doc.title, "rows": by_document.get(doc.id, [])}
        for doc in sources
    ]
    first = sentence_starts(passages)
    source_ids = {doc.id for doc in sources}
    scopes += [
        {"id": part.id, "doc_id": part.doc_id, "title": part.title, "rows": list(part.passage_rows)}
        for part in parts(passages)
        if part.doc_id in source_ids
    ]
    return {
        scope["id"]: {
            "doc_id": scope["doc_id"],
            "title": scope["title"],
            "passage_ids": [passages[row].id for row in scope["rows"]],
            "points": {
                length: [
                    [passages[row].id, n]
                    for row, n in summarize(
                        passages, sentence_vectors, scope["rows"], length, first
                    )
                ]
                for length in LENGTHS
            },
        }
        for scope in scopes
    }
