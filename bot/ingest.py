"""Clean documents → passages with stable ids, sections, offsets and sentences (bot.corpus reads
the documents)."""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.corpus import Document, read_corpus
from bot.sentences import split_sentences


@dataclass(frozen=True)
class Passage:
    """A retrievable unit: a paragraph (or part of a long one) with its place in the document."""

    id: str
    doc_id: str
    position: int
    section: str
    section_path: tuple[str, ...]
    text: str
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...]
    # A heading line: quotable ("Densité : Pékin et Shanghai se classent deuxième et
    # troisième" states the ranks), never a summary point, a topic member or a paragraph.
    heading: bool = False


def split_passages(doc: Document, max_chars: int = 900) -> list[Passage]:
    """One passage per paragraph of `doc`, long ones split at sentences; headings make sections."""
    passages: list[Passage] = []
    levels = {(start, end): level for start, end, level in doc.headings}
    path: list[tuple[int, str]] = []  # (level, title) of the enclosing headings
    seen: dict[str, int] = {}
    blocks = _blocks(doc.text)
    for start, end in blocks:
        block = doc.text[start:end]
        level = levels.get((start, end))
        if level is not None:
            path = [(lvl, title) for lvl, title in path if lvl < level]
            path.append((level, block))
            if start > blocks[0][0]:  # the opening heading is the document's title, not a line
                passages.append(_heading_passage(doc, block, start, end, path, passages, seen))
            continue
        section_path = tuple(title for _, title in path)
        spans = split_sentences(block, doc.lang) or [(0, len(block))]
        spans = [piece for span in spans for piece in _pieces(block, span, max_chars)]
        for chunk in _chunks(spans, max_chars):
            first = chunk[0][0]
            text = block[first : chunk[-1][1]]
            passages.append(
                Passage(
                    id=_passage_id(doc.id, text, seen),
                    doc_id=doc.id,
                    position=len(passages),
                    section=" › ".join(section_path) or doc.title,
                    section_path=section_path,
                    text=text,
                    start=start + first,
                    end=start + chunk[-1][1],
                    sentences=tuple((s - first, e - first) for s, e in chunk),
                )
            )
    return passages


def _heading_passage(
    doc: Document,
    block: str,
    start: int,
    end: int,
    path: list[tuple[int, str]],
    passages: list[Passage],
    seen: dict[str, int],
) -> Passage:
    """A heading line as a passage of one sentence, under the headings above it and itself."""
    section_path = tuple(title for _, title in path)
    return Passage(
        id=_passage_id(doc.id, block, seen),
        doc_id=doc.id,
        position=len(passages),
        section=" › ".join(section_path),
        section_path=section_path,
        text=block,
        start=start,
        end=end,
        sentences=((0, len(block)),),
        heading=True,
    )


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines in `text`, trimmed of whitespace."""
    spans = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        block = match.group()
        start = match.start() + len(block) - len(block.lstrip())
        spans.append((start, match.start() + len(block.rstrip())))
    return spans


def _pieces(text: str, span: tuple[int, int], max_chars: int) -> list[tuple[int, int]]:
    """A sentence longer than `max_chars` (a line with no punctuation) cut at the last blank
    before each limit, or at the limit where there is none: no passage outgrows the model."""
    start, end = span
    pieces = []
    while end - start > max_chars:
        blank = text.rfind(" ", start + 1, start + max_chars + 1)
        cut = blank if blank > start else start + max_chars
        pieces.append((start, cut))
        start = cut + (text[cut] == " ")
    return [*pieces, (start, end)]


def _chunks(spans: list[tuple[int, int]], max_chars: int) -> list[list[tuple[int, int]]]:
    """Sentence spans grouped into runs of at most `max_chars`, of similar length."""
    length = spans[-1][1] - spans[0][0]
    if length <= max_chars or len(spans) == 1:
        return [spans]
    parts = math.ceil(length / max_chars)
    ideal = spans[0][0] + length / parts
    # Cut after the sentence whose end is nearest the ideal first cut, then recurse on the rest.
    cut = min(range(1, len(spans)), key=lambda n: abs(spans[n - 1][1] - ideal))
    return [*_chunks(spans[:cut], max_chars), *_chunks(spans[cut:], max_chars)]


def _passage_id(doc_id: str, text: str, seen: dict[str, int]) -> str:
    """A stable id from the document and the passage's own words; repeats get -2, -3…"""
    normalized = " ".join(unicodedata.normalize("NFC", text).split())
    base = f"{doc_id}-{hashlib.sha1(normalized.encode('utf-8')).hexdigest()[:8]}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def load_passages(folder: Path) -> tuple[list[Document], list[Passage]]:
    """The documents of `folder` and all their passages, in document order."""
    documents = read_corpus(folder)
    return documents, [passage for doc in documents for passage in split_passages(doc)]
