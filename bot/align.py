"""Align an edition (a translation) to its source sentence by sentence.

A monotonic dynamic programme over sentence vectors allowing 1-1, 1-2, 2-1, 1-0 and 0-1 links,
as vecalign and bertalign do. Multilingual cosines sit in a narrow band, so a pair is scored by
its margin (Artetxe & Schwenk 2019): its cosine less the mean cosine of each side's nearest
other candidates. A merged side (two sentences) is the normalised sum of their vectors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Neighbours averaged into each sentence's margin baseline.
NEIGHBOURS = 4
# A sentence left unlinked gains nothing; a merge pays a little, so 1-1 wins ties.
SKIP_GAIN = -0.01
MERGE_PENALTY = 0.005
MOVES = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))


@dataclass(frozen=True)
class Link:
    """Source sentences and the edition sentences that translate them (numbers in document
    order); `score` is their cosine, 0 for an unlinked sentence."""

    source: tuple[int, ...]
    edition: tuple[int, ...]
    score: float


def align(source: np.ndarray, edition: np.ndarray) -> list[Link]:
    """The best monotonic alignment of two documents' sentence vectors (rows L2-normalised)."""
    n, m = len(source), len(edition)
    if not n or not m:
        return [Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]
    merged_s, merged_e = _merged(source), _merged(edition)
    base_s, base_e = _baseline(source, edition), _baseline(edition, source)
    # A merged pair's cosines run higher than a single sentence's: give it its own baseline.
    base_ms, base_me = _baseline(merged_s, edition), _baseline(merged_e, source)
    sides = (source, merged_s, base_s, base_ms), (edition, merged_e, base_e, base_me)
    best = np.full((n + 1, m + 1), -np.inf)
    best[0, 0] = 0.0
    move = np.zeros((n + 1, m + 1), dtype=np.int8)
    for i in range(n + 1):
        for j in range(m + 1):
            for k, (a, b) in enumerate(MOVES):
                if i < a or j < b or best[i - a, j - b] == -np.inf:
                    continue
                gain = best[i - a, j - b] + _gain(a, b, i - a, j - b, *sides)
                if gain > best[i, j]:
                    best[i, j], move[i, j] = gain, k
    links = []
    i, j = n, m
    while i or j:
        a, b = MOVES[move[i, j]]
        score = 0.0
        if a and b:
            score = float(_side(sides[0], i - a, a)[0] @ _side(sides[1], j - b, b)[0])
        links.append(Link(tuple(range(i - a, i)), tuple(range(j - b, j)), round(score, 4)))
        i, j = i - a, j - b
    return links[::-1]


def _baseline(vectors: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Each vector's mean cosine to its nearest sentences on the other side."""
    if not len(vectors):
        return np.zeros(0)
    k = min(NEIGHBOURS, len(other))
    return -np.sort(-(vectors @ other.T), axis=1)[:, :k].mean(axis=1)


def _merged(vectors: np.ndarray) -> np.ndarray:
    """Row i: the normalised sum of sentences i and i+1."""
    pairs = vectors[:-1] + vectors[1:]
    return pairs / np.maximum(np.linalg.norm(pairs, axis=1, keepdims=True), 1e-9)


Side = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # vectors, merged, baselines


def _gain(a: int, b: int, i: int, j: int, source: Side, edition: Side) -> float:
    """What linking source[i:i+a] to edition[j:j+b] adds to the alignment's score."""
    if not a or not b:
        return SKIP_GAIN
    left, left_base = _side(source, i, a)
    right, right_base = _side(edition, j, b)
    margin = float(left @ right) - (left_base + right_base) / 2
    return margin - (MERGE_PENALTY if a + b > 2 else 0.0)


def _side(side: Side, start: int, count: int) -> tuple[np.ndarray, float]:
    """The vector of `count` sentences from `start`, and its baseline."""
    vectors, merged, base, merged_base = side
    if count == 1:
        return vectors[start], float(base[start])
    return merged[start], float(merged_base[start])
