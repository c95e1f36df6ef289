"""A document's parts: the passages under each top-level heading, the scopes a summary can be of
besides the whole document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.ingest import Passage


@dataclass(frozen=True)
class Part:
    """A top-level part of a document: the passages under one top-level heading."""

    id: str
    doc_id: str
    title: str
    passage_rows: tuple[int, ...]


def parts(passages: Sequence[Passage]) -> list[Part]:
    """The top-level parts of every document in `passages`, rows indexing `passages`."""
    found: list[Part] = []
    counts: dict[str, int] = {}
    current: tuple[str, str] | None = None  # (doc_id, title) of the part being filled
    rows: list[int] = []
    for row, passage in enumerate(passages):
        title = passage.section_path[0] if passage.section_path else None
        key = (passage.doc_id, title) if title is not None else None
        if key != current and rows and current is not None:
            found.append(_part(current, rows, counts))
            rows = []
        current = key
        if key is not None:
            rows.append(row)
    if rows and current is not None:
        found.append(_part(current, rows, counts))
    return found


def _part(key: tuple[str, str], rows: list[int], counts: dict[str, int]) -> Part:
    # Numbered by order within the document, so ids survive rebuilds and read well in a URL.
    doc_id, title = key
    counts[doc_id] = counts.get(doc_id, 0) + 1
    return Part(f"{doc_id}-part{counts[doc_id]}", doc_id, title, tuple(rows))


def document_rows(passages: Sequence[Passage], doc_id: str) -> list[int]:
    """The rows of all of a document's passages, lead included, in order."""
    return [row for row, passage in enumerate(passages) if passage.doc_id == doc_id]
