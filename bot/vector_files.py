"""The index's vector files: exact search below Settings.exact_below vectors a file, HNSW from
there on (exact search is linear: at ~500,000 vectors it costs as much as the query embedding,
docs/BENCHMARKS.md), read memory-mapped so the processes of one server share their pages."""

from __future__ import annotations

from pathlib import Path

import numpy as np

# HNSW, for corpora past Settings.exact_below: links per node and the build's search depth
# (bench/corpus_scale.py measures its recall against exact search).
HNSW_LINKS = 32
HNSW_BUILD_DEPTH = 80


def approximate_files(passages: int, sentences: int, exact_below: int) -> list[str]:
    """The FAISS files a build of this size writes as HNSW: those of `exact_below` rows or more."""
    rows = {"passages.faiss": passages, "sentences.faiss": sentences}
    return [name for name, count in rows.items() if count >= exact_below]


def searchable(matrix: np.ndarray, approximate: bool) -> object:
    """A FAISS inner-product index of `matrix`'s rows: exact, or HNSW (HNSW_LINKS links a node;
    bot.retrieve asks it for as many candidates as its pool)."""
    import faiss

    if not approximate:
        flat = faiss.IndexFlatIP(matrix.shape[1])
        flat.add(matrix)
        return flat
    graph = faiss.IndexHNSWFlat(matrix.shape[1], HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
    graph.hnsw.efConstruction = HNSW_BUILD_DEPTH
    graph.add(matrix)
    return graph


def read_vectors(path: Path) -> object:
    """A FAISS index file, memory-mapped: the processes of one server share its pages."""
    import faiss

    return faiss.read_index(str(path), faiss.IO_FLAG_MMAP)
