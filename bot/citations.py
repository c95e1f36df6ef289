"""Citations: the source passage behind an [n] marker, and where the cited sentence is in the
edition a reply quotes. Answers and summaries cite the same way."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.corpus import Document
from bot.index import Index
from bot.ingest import Passage
from bot.retrieve import Retrieval


@dataclass(frozen=True)
class Edition:
    """The cited sentence in a translation: its passage there and the span in that text."""

    lang: str
    passage_id: str
    section: str
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Citation:
    """The source passage behind an [n] marker, the span of the cited sentence in its text, and
    where that sentence is in the edition the answer quotes (None when it quotes the source)."""

    n: int
    passage_id: str
    section: str
    text: str
    score: float
    span: tuple[int, int]
    edition: Edition | None = None


def translate(index: Index, row: int, sentences: tuple[int, ...], lang: str) -> Edition | None:
    """Sentences `sentences` of the passage at `row` in its edition in `lang`, if there is one
    (all of them within one edition passage)."""
    first = int(index.passage_first_sentence[row])
    quotes = [
        index.editions.quote(
            first + n, lang, index.passages, index.passage_first_sentence, index.sentence_passage
        )
        for n in sentences
    ]
    if not quotes or None in quotes or len({q.row for q in quotes}) > 1:
        return None
    passage = index.passages[quotes[0].row]
    span = (min(q.span[0] for q in quotes), max(q.span[1] for q in quotes))
    return Edition(lang, passage.id, passage.section, passage.text, span)


def counterpart(
    index: Index, passage: Passage, span: tuple[int, int] | None, document: Document
) -> tuple[Passage, tuple[int, int] | None] | None:
    """The passage of `document` that translates `passage` (of another edition of the same
    source), and the span of the sentences translating those `span` covers (None for the
    whole passage); None when none of them has a counterpart there."""
    first = int(index.passage_first_sentence[index.rows_by_id[passage.id]])
    rows = [
        first + n
        for n, (start, end) in enumerate(passage.sentences)
        if span is None or (start < span[1] and end > span[0])
    ]
    edition_rows, source_rows = index.editions.sentence_pairs
    sources = sorted({int(r) for r in source_rows[np.isin(edition_rows, rows)]})
    translations = index.editions.translations
    targets = (
        [t for s in sources for t in translations.get((s, document.lang), ())]
        if document.edition_of
        else sources
    )
    if not targets:
        return None
    row = int(index.sentence_passage[min(targets)])
    target, first = index.passages[row], int(index.passage_first_sentence[row])
    spans = [target.sentences[t - first] for t in targets if int(index.sentence_passage[t]) == row]
    return target, (min(s for s, _ in spans), max(e for _, e in spans)) if span else None


def nearest(
    index: Index, retrieval: Retrieval, lang: str, first: tuple[int, int] | None = None
) -> tuple[Citation, ...]:
    """The passages a refusal lists, as citations of their best sentences in `lang` where an
    edition has them; `first` (a hit and its sentence) leads when given."""
    shown = [(h, hit.best_sentence) for h, hit in enumerate(retrieval.hits)]
    if first:
        shown = [first] + [s for s in shown if s[0] != first[0]]
    cited = []
    for n, (h, best) in enumerate(shown, 1):
        hit = retrieval.hits[h]
        span = hit.passage.sentences[best] if hit.passage.sentences else (0, 0)
        cited.append(
            Citation(n, hit.passage.id, hit.passage.section, hit.passage.text,
                     round(hit.score, 4), span, translate(index, hit.row, (best,), lang))
        )  # fmt: skip
    return tuple(cited)
