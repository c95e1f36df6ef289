"""The HTML pages: chat, passage search and the article view (in any edition), rendered from the
API's objects, with interface strings in the reader's language (web/strings.json)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import numpy as np
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from pydantic import TypeAdapter, ValidationError
from starlette.exceptions import HTTPException

from bot.api import ask, describe, engine, search
from bot.engine import Engine
from bot.followup import Turn
from bot.ingest import Document, Passage
from bot.phrases import LANGUAGES
from bot.schema import Question, Text
from bot.ui import load_strings, remember, ui_context, ui_lang

WEB = Path(__file__).resolve().parent.parent / "web"

# Shown on the empty chat, one per language, each answered by the article.
EXAMPLES = (
    ("fr", "Combien de grands modèles ont été publiés à Pékin ?"),
    ("en", "How many core AI companies did Beijing have in October 2022?"),
    ("zh", "上海的数字专利占比是多少？"),
    ("es", "¿Cuántas tareas clave propone el plan de implementación de Pekín?"),
    ("de", "Wie viele Mitgliedseinheiten hat das Partnerschaftsprogramm?"),
    ("ja", "北京の人工知能コア産業の規模はどのくらいになりますか？"),
)
# Each language by its own name: the answer-language menu and the language switches.
LANGUAGE_NAMES = {
    "en": "English", "fr": "Français", "zh": "中文", "es": "Español", "de": "Deutsch",
    "ja": "日本語", "ru": "Русский", "ar": "العربية", "it": "Italiano", "pt": "Português",
    "ko": "한국어",
}  # fmt: skip
_SPAN = re.compile(r"^(\d+)-(\d+)$")
_MARKDOWN_HEADING = re.compile(r"(?P<level>#{1,6})\s+(?P<title>.+?)(?:\s+#+)?")

pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@pages.get("/")
def chat(request: Request, q: str = "", lang: str = "", prev: str = "") -> Response:
    """The chat; `/?q=...` asks on the server, so the page works without JavaScript."""
    loaded = engine(request)
    first = _sources(loaded)[0]
    context: dict[str, Any] = {
        "q": q, "lang": lang, "messages": [], "error": None,
        "title": (loaded.edition_document(first.id, ui_lang(request)) or first).title,
        "doc_langs": {d.id: d.lang for d in loaded.index.documents},
    }  # fmt: skip
    if not q.strip():
        return render(request, "chat.html", context)
    try:
        body = Question.model_validate({"question": q, "lang": lang or None})
    except ValidationError as error:
        context["error"] = describe(error.errors())
        return render(request, "chat.html", context, 422)
    history = [Turn("user", prev)] if prev.strip() else []
    answer = ask(request, body.question, history, body.lang)
    context["messages"] = [
        {"role": "user", "content": body.question},
        {"role": "assistant", "answer": answer},
    ]
    return render(request, "chat.html", context)


@pages.get("/search")
def search_page(request: Request, q: str = "", k: int = 10) -> Response:
    """Passage search, the server-rendered twin of /api/search."""
    context: dict[str, Any] = {"q": q, "results": None, "error": None}
    if q.strip():
        try:
            query = TypeAdapter(Text).validate_python(q)
        except ValidationError as error:
            context["error"] = "q: " + describe(error.errors())
            return render(request, "search.html", context, 422)
        context["results"] = search(request, query, max(1, min(k, 20)))["results"]
        context["doc_langs"] = {d.id: d.lang for d in engine(request).index.documents}
    return render(request, "search.html", context)


@pages.get("/article")
def article(
    request: Request, doc: str = "", lang: str = "", passage: str = "", span: str = ""
) -> Response:
    """A whole document in one of its languages; the cited passage marked, its sentence
    highlighted. A passage of another edition of the same source (the citation's source passage,
    or the page's own when its language switch is used) is carried over by the sentence
    alignment; a sentence with no counterpart shows the document with a notice instead."""
    loaded = engine(request)
    given = loaded.passage(passage) if passage else None
    if passage and given is None:
        raise HTTPException(404, f"No passage with id {passage!r} in the index.")
    given_span = _span(span, given)
    default = _sources(loaded)[0]
    if doc or given or lang:
        document = _document(loaded, doc or (given.doc_id if given else default.id), lang)
    else:  # the bare /article: the first document, in the reader's language when it has it
        document = loaded.edition_document(default.id, ui_lang(request)) or default
    cited, highlight, lost = given, given_span, False
    if given is not None and given.doc_id != document.id:
        if given.doc_id not in {d.id for d in _family(loaded, document)}:
            raise HTTPException(404, f"Passage {passage!r} is not in document {document.id!r}.")
        carried = counterpart(loaded, given, given_span, document)
        cited, highlight = carried or (None, None)
        lost = carried is None
    keep = {"passage": passage, "span": span} if given else {}
    switch = [
        (d.lang, "/article?" + urlencode({"doc": _source_id(d), "lang": d.lang, **keep})
         + ("#cited" if given else ""), d.id == document.id)
        for d in _family(loaded, document)
    ]  # fmt: skip
    context = {
        "document": document,
        "blocks": blocks(document, [p for p in loaded.index.passages if p.doc_id == document.id]),
        "cited": cited,
        "highlight": highlight,
        "lost": lost,
        "switch": switch,
        "documents": _doc_list(loaded, document),
    }
    return render(request, "article.html", context)


def _span(span: str, cited: Passage | None) -> tuple[int, int] | None:
    if not span or cited is None:
        return None
    match = _SPAN.match(span)
    if not match or not 0 <= int(match[1]) < int(match[2]) <= len(cited.text):
        raise HTTPException(
            400, f"span={span!r} must be start-end within the passage (0-{len(cited.text)})."
        )
    return int(match[1]), int(match[2])


def _sources(loaded: Engine) -> list[Document]:
    return [d for d in loaded.index.documents if not d.edition_of]


def _source_id(document: Document) -> str:
    return document.edition_of or document.id


def _family(loaded: Engine, document: Document) -> list[Document]:
    """The source of `document` and all its editions, source first."""
    source = _source_id(document)
    docs = [d for d in loaded.index.documents if source in (d.id, d.edition_of)]
    return sorted(docs, key=lambda d: d.id != source)


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
    for source in _sources(loaded):
        shown = loaded.edition_document(source.id, document.lang) or source
        query = {"doc": source.id, **({"lang": shown.lang} if shown is not source else {})}
        out.append(("/article?" + urlencode(query), shown, source.id == _source_id(document)))
    return out


def counterpart(
    loaded: Engine, passage: Passage, span: tuple[int, int] | None, document: Document
) -> tuple[Passage, tuple[int, int] | None] | None:
    """The passage of `document` that translates `passage` (of another edition of the same
    source), and the span of the sentences translating those `span` covers; None if none do."""
    index = loaded.index
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


# --- template helpers -------------------------------------------------------------------------


def chips(answer: dict[str, Any]) -> list[tuple[str, dict[str, Any] | None]]:
    """The answer text cut at its [n] markers: (text, None) and ("", citation n) pieces."""
    # A marker is looked for after its cited sentence: quoted text may hold "[1]" of its own.
    text = answer["answer"]
    pieces: list[tuple[str, dict[str, Any] | None]] = []
    cursor = 0
    for citation in sorted(answer["citations"], key=lambda c: c["n"]):
        quoted = citation.get("edition") or citation  # the answer quotes the edition if any
        start, end = quoted["span"]
        found = text.find(quoted["text"][start:end], cursor)
        at = text.find(f"[{citation['n']}]", cursor if found < 0 else found + end - start)
        if at < 0:
            continue
        pieces += [(text[cursor:at].rstrip(), None), ("", citation)]
        cursor = at + len(f"[{citation['n']}]")
    pieces.append((text[cursor:], None))
    return [piece for piece in pieces if piece[0] or piece[1]]


def marks(text: str, spans: Any) -> list[tuple[str, bool]]:
    """`text` cut into (piece, highlighted) at the given [start, end) spans."""
    pieces, cursor = [], 0
    for start, end in sorted(tuple(s) for s in spans or ()):
        start = max(start, cursor)
        if start >= end:
            continue
        pieces += [(text[cursor:start], False), (text[start:end], True)]
        cursor = end
    pieces.append((text[cursor:], False))
    return [piece for piece in pieces if piece[0]]


def cite_url(citation: dict[str, Any]) -> str:
    """The article view, in the edition the answer quotes, with the cited sentence highlighted."""
    edition = citation.get("edition")
    return passage_url(edition or citation, edition["lang"] if edition else "")


def passage_url(passage: dict[str, Any], lang: str = "") -> str:
    """The article view of a passage ({"passage_id", "span"?}), its sentence highlighted."""
    query = {"passage": passage["passage_id"]}
    if passage.get("span"):
        query["span"] = "{}-{}".format(*passage["span"])
    return "/article?" + urlencode({**query, **({"lang": lang} if lang else {})}) + "#cited"


def lang_of(passage_id: str, doc_langs: dict[str, str]) -> str:
    """The language of a passage, from its id ("<doc id>-<hash>") and the documents' languages."""
    docs = [doc for doc in doc_langs if passage_id.startswith(doc + "-")]
    return doc_langs[max(docs, key=len)] if docs else ""


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """A page from web/templates, in the reader's interface language."""
    templates = request.app.state.templates
    response = templates.TemplateResponse(request, name, context, status_code=status)
    remember(request, response)
    return response


def mount(app: FastAPI) -> None:
    """Attach the templates (autoescaped), the interface strings and web/static to the app."""
    env = Environment(loader=FileSystemLoader(WEB / "templates"), autoescape=True)
    env.globals.update(
        chips=chips,
        marks=marks,
        cite_url=cite_url,
        passage_url=passage_url,
        lang_of=lang_of,
        examples=EXAMPLES,
        languages=LANGUAGES,
        language_names=LANGUAGE_NAMES,
    )
    app.state.strings = load_strings(WEB / "strings.json")
    app.state.templates = Jinja2Templates(env=env, context_processors=[ui_context])
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
