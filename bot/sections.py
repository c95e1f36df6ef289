"""The article's own structure as comparisons read it: the heading a passage comes under, and
the passages a heading heads."""

from __future__ import annotations

from bot.index import Index
from bot.retrieve import Retrieval


def heading_over(index: Index, row: int) -> int:
    """The row of the heading the passage at `row` comes under (itself if none)."""
    doc_id = index.passages[row].doc_id
    for before in range(row - 1, -1, -1):
        passage = index.passages[before]
        if passage.doc_id != doc_id:
            break
        if passage.heading:
            return before
    return row


def section(index: Index, row: int) -> list[int]:
    """The rows of the passages the heading at `row` heads, its subsections' too."""
    title, doc_id = index.passages[row].text, index.passages[row].doc_id
    under = []
    for after in range(row + 1, len(index.passages)):
        passage = index.passages[after]
        if passage.doc_id != doc_id or title not in passage.section_path:
            break
        under.append(after)
    return under


def scored(index: Index, retrieval: Retrieval, rows: list[int]) -> list[tuple[int, int, float]]:
    """Each sentence of the passages at `rows`, in text order, with its score for the request:
    (passage row, sentence number, score)."""
    return [
        (row, n, float(retrieval.sentence_pool[index.passage_first_sentence[row] + n]))
        for row in rows
        for n in range(len(index.passages[row].sentences))
    ]
