"""What the pages show, computed from the engine and the API's own functions: the article in any
of its editions in reading order, the summary on the empty chat with its scope and length
switches, and the parts and topics with their passages."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from starlette.exceptions import HTTPException

from bot.api import engine, summary, topics
from bot.corpus import Document
from bot.engine import Engine
from bot.ingest import Passage
from bot.summary import ARTICLE

LENGTHS = ("short", "medium", "long")
_SPAN = re.compile(r"^(\d+)-(\d+)$")
_MARKDOWN_HEADING = re.compile(r"(?P<level>#{1,6})\s+(?P<title>.+?)(?:\s+#+)?")

# --- the summary on the empty chat ------------------------------------------------------------


def summary_card(request: Request, lang: str, scope: str, length: str) -> dict[str, Any]:
    """The summary of `scope` in `lang` (what /api/summary returns), with links that switch its
    scope (the document and each of its parts that has points) and its length."""
    if length not in LENGTHS:
        raise HTTPException(422, f"length: must be short, medium or long, not {length!r}.")
    shown = summary(request, scope or ARTICLE, lang, length)
    scopes = {s["id"]: s for s in topics(request, lang)["parts"]}
    doc_id = scopes[shown["scope"]]["doc_id"]
    article = engine(request).scope(ARTICLE)
    choices = [
        (ARTICLE if s["id"] == article else s["id"], s)
        for s in scopes.values()
        if s["doc_id"] == doc_id and (s["id"] == doc_id or has_summary(request, s["id"], lang))
    ]
    if shown["scope"] not in {s["id"] for _, s in choices}:  # a scope with no points, asked by id
        choices.append((shown["scope"], scopes[shown["scope"]]))
    current = next(key for key, s in choices if s["id"] == shown["scope"])

    def href(key: str, size: str) -> str:
        return "/?" + urlencode({"scope": key, "length": size})

    return {
        "summary": shown,
        "scopes": [
            {
                "key": key,
                "title": s["title"],
                "whole": s["id"] == s["doc_id"],
                "href": href(key, length),
                "current": s["id"] == shown["scope"],
            }
            for key, s in choices
        ],  # fmt: skip
        "lengths": [(size, href(current, size), size == length) for size in LENGTHS],
    }


# --- parts and topics -------------------------------------------------------------------------


def topic_groups(request: Request, lang: str) -> list[dict[str, Any]]:
    """Each document (titled in `lang` where it can be) with its parts and, when the index has
    them, its topics; a part that is the whole document is left out."""
    data = topics(request, lang)
    parts, clusters = data["parts"], data.get("topics") or []
    loaded = engine(request)
    groups = []
    for document in (p for p in parts if p["id"] == p["doc_id"]):
        every = set(document["passage_ids"])
        shown = loaded.edition_document(document["doc_id"], lang) or loaded.document(
            document["doc_id"]
        )
        groups.append({
            "document": document,
            "lang": shown.lang if shown else "",
            "parts": [p for p in parts if p["doc_id"] == document["doc_id"]
                      and p["id"] != p["doc_id"] and set(p["passage_ids"]) != every],
            "topics": [t for t in clusters if t["doc_id"] == document["doc_id"]],
        })  # fmt: skip
    return groups


def find_topic(request: Request, topic_id: str, lang: str) -> dict[str, Any]:
    """The document, part or topic with this id, as /api/topics lists it, with its `title`
    (a topic's label) and `kind`; 404 when there is none."""
    data = topics(request, lang)
    for part in data["parts"]:
        if part["id"] == topic_id:
            return {**part, "kind": "document" if part["id"] == part["doc_id"] else "part"}
    for topic in data.get("topics") or []:
        if topic["id"] == topic_id:
            return {**topic, "title": topic["label"], "kind": "topic"}
    raise HTTPException(404, f"No part or topic {topic_id!r}; list their ids with /api/topics.")


def topic_passages(request: Request, topic: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The passages of a part or topic, each in its edition in `lang` when there is one, with
    a link to it in the article view."""
    loaded = engine(request)
    out, seen = [], set()
    for passage_id in topic["passage_ids"]:
        passage = loaded.passage(passage_id)
        if passage is None or passage.heading:  # the page lists paragraphs, headings are titles
            continue
        shown: Passage = passage
        edition = loaded.edition_document(passage.doc_id, lang)
        if edition is not None and edition.id != passage.doc_id:
            carried = loaded.counterpart(passage, None, edition)
            shown = carried[0] if carried else passage
        if shown.id in seen:  # two source passages merged into one in the edition
            continue
        seen.add(shown.id)
        document = loaded.document(shown.doc_id)
        out.append({"passage": shown, "lang": document.lang if document else ""})
    return out


def has_summary(request: Request, scope_id: str, lang: str) -> bool:
    """True when the document or part has points to summarise (a reference list has none)."""
    found = engine(request).summary(scope_id, lang, "short")
    return bool(found and found.points)


# --- the article view -------------------------------------------------------------------------


def article_view(
    loaded: Engine, doc: str, lang: str, passage: str, span: str, ui: str
) -> dict[str, Any]:
    """A whole document in one of its languages; the cited passage marked, its sentence
    highlighted. A passage of another edition of the same source (the citation's source passage,
    or the page's own when its language switch is used) is carried over by the sentence
    alignment; a sentence with no counterpart shows the document with a notice instead."""
    given = loaded.passage(passage) if passage else None
    if passage and given is None:
        raise HTTPException(404, f"No passage with id {passage!r} in the index.")
    given_span = _span(span, given)
    default = loaded.sources()[0]
    if doc or given or lang:
        document = _document(loaded, doc or (given.doc_id if given else default.id), lang)
    else:  # the bare /article: the first document, in the reader's language when it has it
        document = loaded.edition_document(default.id, ui) or default
    cited, highlight, lost = given, given_span, False
    if given is not None and given.doc_id != document.id:
        if given.doc_id not in {d.id for d in _family(loaded, document)}:
            raise HTTPException(404, f"Passage {passage!r} is not in document {document.id!r}.")
        carried = loaded.counterpart(given, given_span, document)
        cited, highlight = carried or (None, None)
        lost = carried is None
    keep = {"passage": passage, "span": span} if given else {}
    switch = [
        (d.lang, "/article?" + urlencode({"doc": _source_id(d), "lang": d.lang, **keep})
         + ("#cited" if given else ""), d.id == document.id)
        for d in _family(loaded, document)
    ]  # fmt: skip
    return {
        "document": document,
        "blocks": blocks(document, loaded.passages_of(document.id)),
        "cited": cited,
        "highlight": highlight,
        "lost": lost,
        "switch": switch,
        "documents": _doc_list(loaded, document),
    }


def _span(span: str, cited: Passage | None) -> tuple[int, int] | None:
    if not span or cited is None:
        return None
    match = _SPAN.match(span)
    if not match or not 0 <= int(match[1]) < int(match[2]) <= len(cited.text):
        raise HTTPException(
            400, f"span={span!r} must be start-end within the passage (0-{len(cited.text)})."
        )
    return int(match[1]), int(match[2])


def _source_id(document: Document) -> str:
    return document.edition_of or document.id


def _family(loaded: Engine, document: Document) -> list[Document]:
    """The source of `document` and all its editions, source first."""
    return loaded.family(_source_id(document))


def _document(loaded: Engine, doc_id: str, lang: str) -> Document:
    """Document `doc_id` in `lang` (as it is when no lang), or 404 naming the languages it has."""
    document = loaded.document(doc_id)
    if document is None:
        raise HTTPException(404, f"No document with id {doc_id!r} in the index.")
    if not lang or lang == document.lang:
        return document
    found = loaded.edition_document(_source_id(document), lang)
    if found is None:
        langs = ", ".join(d.lang for d in _family(loaded, document))
        raise HTTPException(
            404, f"Document {_source_id(document)!r} has no {lang!r} edition; it is in {langs}."
        )
    return found


def _doc_list(loaded: Engine, document: Document) -> list[tuple[str, Document, bool]]:
    """The source documents (link, shown document, current), each in `document`'s language
    when it has an edition in it."""
    out = []
    for source in loaded.sources():
        shown = loaded.edition_document(source.id, document.lang) or source
        query = {"doc": source.id, **({"lang": shown.lang} if shown is not source else {})}
        out.append(("/article?" + urlencode(query), shown, source.id == _source_id(document)))
    return out


def blocks(document: Document, passages: list[Passage]) -> list[dict[str, Any]]:
    """The document in reading order: headings, passages, and any text between passages."""
    # A heading is a line between passages that some passage has in its section path.
    depth = {title: n for p in passages for n, title in enumerate(p.section_path)}
    under_title = bool(passages) and all(p.section_path[:1] == (document.title,) for p in passages)
    levels = {title: n + 2 - under_title for title, n in depth.items()}  # the title is the <h1>
    out: list[dict[str, Any]] = []
    cursor = 0
    for p in sorted(passages, key=lambda p: p.start):
        out.extend(_between(document.text[cursor : p.start], document.title, levels))
        if p.heading and p.text.strip() == document.title.strip():
            pass  # the <h1>
        elif p.heading:  # a heading, and a passage answers may cite
            level = min(max(levels.get(p.text, 2), 2), 6)
            out.append({"kind": "heading", "level": level, "text": p.text, "passage": p})
        else:
            out.append({"kind": "passage", "passage": p})
        cursor = max(cursor, p.end)
    out.extend(_between(document.text[cursor:], document.title, levels))
    return out


def _between(text: str, title: str, levels: dict[str, int]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        markdown = _MARKDOWN_HEADING.fullmatch(line)
        name = markdown["title"] if markdown else line
        if name == title.strip():
            continue
        if name in levels:
            level = levels[name]
        elif markdown:
            level = len(markdown["level"]) + 1
        else:
            out.append({"kind": "text", "text": line})
            continue
        out.append({"kind": "heading", "level": min(max(level, 2), 6), "text": name})
    return out
