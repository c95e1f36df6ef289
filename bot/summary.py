"""Summaries as served: chosen at index time (bot.summarize), cited and rendered in the reader's
language through the editions at request time, so a request costs no embedding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.answer import Answer
from bot.citations import Citation, translate
from bot.index import Index
from bot.phrases import phrase
from bot.target import summary_target

# The scope every summary request without one means: the corpus's first source document.
ARTICLE = "article"


@dataclass(frozen=True)
class Scope:
    """What can be summarised: a whole source document, or one of its top-level parts."""

    id: str
    doc_id: str
    title: str
    passage_ids: tuple[str, ...]


@dataclass(frozen=True)
class Point:
    """One sentence of a summary, in the reader's language where an edition allows, cited."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Summary:
    """What /api/summary returns and the chat renders."""

    scope: str
    title: str
    lang: str
    answer_lang: str
    length: str
    points: tuple[Point, ...]
    lead: str = ""  # "According to the article (quoted in its original language):" or ""
    # A focused summary (bot.focus): the subject asked about, and whether the article has it
    # (when not, no points and `lead` says so, as a refusal does).
    about: str | None = None
    answered: bool = True


def scopes(index: Index) -> list[Scope]:
    """Every summarisable scope, documents first, in corpus order."""
    return [
        Scope(scope_id, entry["doc_id"], entry["title"], tuple(entry["passage_ids"]))
        for scope_id, entry in index.summaries.items()
    ]


def titled_scopes(index: Index, lang: str) -> list[Scope]:
    """Every scope, titled in `lang` where an edition has it."""
    return [
        Scope(scope.id, scope.doc_id, _title_in(index, scope.id, index.summaries[scope.id], lang)
              or scope.title, scope.passage_ids)
        for scope in scopes(index)
    ]  # fmt: skip


def named_scope(index: Index, request: str) -> str:
    """The part a summary request names by number or by its title's names, in any edition's
    language, else the whole article (ARTICLE)."""
    titles: dict[str, list[str]] = {}
    for lang in sorted({d.lang for d in index.documents}):
        for scope in titled_scopes(index, lang):
            if scope.id != scope.doc_id:  # parts only: no scope id means the whole article
                titles.setdefault(scope.id, []).append(scope.title)
    return summary_target(request, titles) or ARTICLE


def find_scope(index: Index, scope: str) -> str | None:
    """The stored scope id `scope` names ("article" → the first source document), or None."""
    if scope == ARTICLE:
        return next(iter(index.summaries), None)
    return scope if scope in index.summaries else None


def summarize_scope(index: Index, scope: str, lang: str, length: str) -> Summary | None:
    """The cited summary of `scope` in `lang`, or None when there is no such scope."""
    scope_id = find_scope(index, scope)
    if scope_id is None:
        return None
    entry = index.summaries[scope_id]
    chosen = [(index.rows_by_id[pid], n) for pid, n in entry["points"][length]]
    points, answer_lang = cited_points(index, chosen, lang)
    title = entry["title"]
    translated = bool(chosen) and str(index.editions.passage_lang[chosen[0][0]]) != lang
    if answer_lang == lang and translated:
        title = _title_in(index, scope_id, entry, lang) or title
    lead = "" if answer_lang == lang else phrase("according_to", lang)
    return Summary(scope_id, title, lang, answer_lang, length, points, lead)


def cited_points(
    index: Index, chosen: Sequence[tuple[int, int]], lang: str
) -> tuple[tuple[Point, ...], str]:
    """The chosen (source passage row, sentence number) pairs as cited points, and the language
    they are in: every point in `lang` through the editions, or every one from the source."""
    source_lang = str(index.editions.passage_lang[chosen[0][0]]) if chosen else lang
    editions = [
        None if source_lang == lang else translate(index, row, (n,), lang) for row, n in chosen
    ]
    # Every point in the reader's language, or every point from the source under a label.
    in_lang = source_lang == lang or all(editions)
    if not in_lang:
        editions = [None] * len(chosen)
    points = []
    for (row, n), edition in zip(chosen, editions, strict=True):
        passage = index.passages[row]
        span = passage.sentences[n]
        text = edition.text[slice(*edition.span)] if edition else passage.text[slice(*span)]
        citation = Citation(1, passage.id, passage.section, passage.text, 1.0, span, edition)
        points.append(Point(f"{text} [1]", (citation,)))
    return tuple(points), lang if in_lang else source_lang


def _title_in(index: Index, scope_id: str, entry: dict, lang: str) -> str | None:
    """A scope's title in the edition in `lang`: the edition's title for a whole document, the
    heading over its first passage there for a part."""
    if scope_id == entry["doc_id"]:
        return next(
            (d.title for d in index.documents if d.edition_of == scope_id and d.lang == lang), None
        )
    edition = translate(index, index.rows_by_id[entry["passage_ids"][0]], (0,), lang)
    if edition is None:
        return None
    passage = index.passages[index.rows_by_id[edition.passage_id]]
    return passage.section_path[0] if passage.section_path else None


def summary_answer(question: str, summary: Summary | None, most: int | None = None) -> Answer:
    """A summary as an answer object: its points in order (the first `most` of them, when the
    reader counted them), numbered [1], [2]… as citations."""
    points = (summary.points if summary else ())[:most]
    citations = tuple(
        Citation(**{**point.citations[0].__dict__, "n": n}) for n, point in enumerate(points, 1)
    )
    lines = [point.text.removesuffix(" [1]") + f" [{n}]" for n, point in enumerate(points, 1)]
    if summary and summary.lead:
        lines.insert(0, summary.lead)
    lang = summary.lang if summary else ""
    answer_lang = summary.answer_lang if summary else lang
    if summary and not summary.answered:  # a subject the article says nothing about
        return Answer(question, lang, False, summary.lead, (), lang, "not_found")
    return Answer(question, lang, True, "\n".join(lines), citations, answer_lang, "summary")
