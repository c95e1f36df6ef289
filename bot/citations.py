"""Citations: the source passage behind an [n] marker, and where the cited sentence is in the
edition a reply quotes. Answers and summaries cite the same way."""

from __future__ import annotations

from dataclasses import dataclass

from bot.index import Index


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
