"""The HTML pages: chat, passage search and the article view, rendered from the API's objects."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from pydantic import TypeAdapter, ValidationError
from starlette.exceptions import HTTPException

from bot.api import ask, describe, engine, search
from bot.followup import Turn
from bot.ingest import Document, Passage
from bot.phrases import LANGUAGES
from bot.schema import Question, Text

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
    context: dict[str, Any] = {"q": q, "lang": lang, "messages": [], "error": None}
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
    return render(request, "search.html", context)


@pages.get("/article")
def article(request: Request, doc: str = "", passage: str = "", span: str = "") -> Response:
    """A whole document with headings; the cited passage marked, its sentence highlighted."""
    loaded = engine(request)
    cited = loaded.passage(passage) if passage else None
    if passage and cited is None:
        raise HTTPException(404, f"No passage with id {passage!r} in the index.")
    doc_id = doc or (cited.doc_id if cited else loaded.index.documents[0].id)
    document = loaded.document(doc_id)
    if document is None:
        raise HTTPException(404, f"No document with id {doc_id!r} in the index.")
    if cited is not None and cited.doc_id != document.id:
        raise HTTPException(404, f"Passage {passage!r} is not in document {doc_id!r}.")
    highlight = _span(span, cited)
    passages = [p for p in loaded.index.passages if p.doc_id == document.id]
    context = {
        "document": document,
        "blocks": blocks(document, passages),
        "cited": cited,
        "highlight": highlight,
        "documents": loaded.index.documents,
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
        start, end = citation["span"]
        quoted = text.find(citation["text"][start:end], cursor)
        at = text.find(f"[{citation['n']}]", cursor if quoted < 0 else quoted + end - start)
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
    """The article view with the cited passage marked and its sentence highlighted."""
    from urllib.parse import quote

    start, end = citation["span"]
    return f"/article?passage={quote(citation['passage_id'])}&span={start}-{end}#cited"


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """A page from web/templates."""
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def mount(app: FastAPI) -> None:
    """Attach the templates (autoescaped) and web/static to the app."""
    env = Environment(loader=FileSystemLoader(WEB / "templates"), autoescape=True)
    env.globals.update(
        chips=chips,
        marks=marks,
        cite_url=cite_url,
        examples=EXAMPLES,
        languages=LANGUAGES,
        language_names=LANGUAGE_NAMES,
    )
    app.state.templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
