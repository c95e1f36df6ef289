"""The HTML pages: chat (with the summary on the empty chat), passage search, parts and topics,
and the article view in any edition, rendered from the API's objects (what they show is
computed in bot.pages), with interface strings in the reader's language (web/strings.json)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from pydantic import TypeAdapter, ValidationError

from bot.api import ask, describe, engine, search
from bot.followup import Turn
from bot.pages import (
    article_view,
    find_topic,
    has_summary,
    summary_card,
    topic_groups,
    topic_passages,
)  # fmt: skip
from bot.phrases import LANGUAGES
from bot.schema import Question, Text
from bot.ui import lang_attrs, load_strings, remember, ui_context, ui_lang

WEB = Path(__file__).resolve().parent.parent / "web"

# Shown on the empty chat, one per language, each answered by the article without the warning
# that it may not answer (tests/test_web.py).
EXAMPLES = (
    ("fr", "Quelles sont les deux grandes directions du plan de Shanghai pour le métaverse ?"),
    ("en", "How many core AI companies did Beijing have in October 2022?"),
    ("zh", "上海的数字专利占比是多少？"),
    ("es", "¿Cuántas tareas clave propone el plan de implementación de Pekín?"),
    ("de", "Wie viele Softwareunternehmen hatte Shanghai 2021?"),
    ("ja", "北京の人工知能コア産業の規模はどのくらいになりますか？"),
)
SWAGGER = Path(importlib.util.find_spec("fastapi_offline").origin).parent / "static"
# Each language by its own name: the answer-language menu and the language switches.
LANGUAGE_NAMES = {
    "en": "English", "fr": "Français", "zh": "中文", "es": "Español", "de": "Deutsch",
    "ja": "日本語", "ru": "Русский", "ar": "العربية", "it": "Italiano", "pt": "Português",
    "ko": "한국어",
}  # fmt: skip
# A line of a summary answer: a point and the citation marker that ends it.
_POINT = re.compile(r"(?P<text>.*?)\s*\[(?P<n>\d+)\]")
_MARKER = re.compile(r"\s*\[\d+\]$")

pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@pages.get("/")
def chat(
    request: Request,
    q: str = "",
    lang: str = "",
    prev: str = "",
    scope: str = "",
    length: str = "medium",
) -> Response:
    """The chat; `/?q=...` asks on the server, so the page works without JavaScript. The empty
    chat shows the summary of the article (or `scope`) in the interface language."""
    loaded = engine(request)
    first = loaded.sources()[0]
    ui = ui_lang(request)
    context: dict[str, Any] = {
        "q": q, "lang": lang, "messages": [], "error": None, "card": None,
        "title": (loaded.edition_document(first.id, ui) or first).title,
        "doc_langs": loaded.languages(),
        "groups": topic_groups(request, ui),
    }  # fmt: skip
    if not q.strip():
        context["card"] = summary_card(request, ui, scope, length)
        return render(request, "chat.html", context)
    try:
        body = Question.model_validate({"question": q, "lang": lang or None})
    except ValidationError as error:
        context["error"] = describe(error.errors())
        return render(request, "chat.html", context, 422)
    try:  # the previous question, for a follow-up: bounded like a question
        previous = TypeAdapter(Text).validate_python(prev) if prev.strip() else ""
    except ValidationError as error:
        context["error"] = f"prev: {describe(error.errors())}"
        return render(request, "chat.html", context, 422)
    history = [Turn("user", previous)] if previous else []
    answer = ask(request, body.question, history, body.lang)
    context["messages"] = [
        {"role": "user", "content": body.question},
        {"role": "assistant", "answer": answer},
    ]
    return render(request, "chat.html", context)


@pages.get("/docs")
def docs(request: Request) -> Response:
    """The API documentation (Swagger UI over /openapi.json), served from this server only."""
    return render(request, "docs.html", {})


@pages.get("/search")
def search_page(request: Request, q: str = "", k: int = 10, topic: str = "") -> Response:
    """Passage search (within a part or topic when given), the server-rendered twin of
    /api/search."""
    within = find_topic(request, topic, ui_lang(request)) if topic else None
    context: dict[str, Any] = {"q": q, "results": None, "error": None, "within": within}
    if q.strip():
        try:
            query = TypeAdapter(Text).validate_python(q)
        except ValidationError as error:
            context["error"] = "q: " + describe(error.errors())
            return render(request, "search.html", context, 422)
        found = search(request, query, max(1, min(k, 20)), topic=topic or None)
        context["results"] = found["results"]
        context["doc_langs"] = engine(request).languages()
    return render(request, "search.html", context)


@pages.get("/topics")
def topics_page(request: Request) -> Response:
    """The documents, their parts and their topics, each opening its passages: the
    server-rendered twin of /api/topics."""
    return render(request, "topics.html", {"groups": topic_groups(request, ui_lang(request))})


@pages.get("/topics/{topic_id}")
def topic_page(request: Request, topic_id: str) -> Response:
    """The passages of one document, part or topic, in the reader's language where an edition
    has them, each linking to the article view."""
    ui = ui_lang(request)
    topic = find_topic(request, topic_id, ui)
    context = {
        "topic": topic,
        "passages": topic_passages(request, topic, ui),
        "summary_link": topic["kind"] != "topic" and has_summary(request, topic["id"], ui),
        "document": find_topic(request, topic["doc_id"], ui),
    }
    return render(request, "topic.html", context)


@pages.get("/article")
def article(
    request: Request, doc: str = "", lang: str = "", passage: str = "", span: str = ""
) -> Response:
    """A whole document in one of its languages, the cited sentence highlighted (bot.pages)."""
    context = article_view(engine(request), doc, lang, passage, span, ui_lang(request))
    return render(request, "article.html", context)


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


def summary_points(answer: dict[str, Any]) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    """A summary answer (kind "summary") as its lead, if any, and its points (text, citation):
    one point a line, each ending with its marker " [n]"."""
    by_n = {c["n"]: c for c in answer["citations"]}
    lead, points = [], []
    for line in answer["answer"].splitlines():
        point = _POINT.fullmatch(line.strip())
        if point and int(point["n"]) in by_n:
            points.append((point["text"], by_n[int(point["n"])]))
        elif line.strip():
            lead.append(line.strip())
    return " ".join(lead), points


def columns(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """A comparison answer's sides (a city, or "verdict"), each with its label and its points
    (text, citation), from the answer's lines and its `sides`."""
    _, points = summary_points(answer)
    by_n = {citation["n"]: text for text, citation in points}
    cited = {citation["n"]: citation for _, citation in points}
    return [
        {
            "side": side["side"],
            "label": side["label"],
            "points": [(by_n[n], cited[n]) for n in side["citations"] if n in by_n],
        }
        for side in answer.get("sides") or ()
    ]


def comparison_lead(answer: dict[str, Any]) -> str:
    """What a comparison answer says before its columns ("According to the article…"): its
    lines that are neither points nor a column's label."""
    labels = {f"{side['label']}:" for side in answer.get("sides") or ()}
    lead, _ = summary_points({**answer, "answer": "\n".join(
        line for line in answer["answer"].splitlines() if line.strip() not in labels
    )})  # fmt: skip
    return lead


def numbered(summary: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The points of a /api/summary object (text, citation), their citations numbered 1..N as
    a summary in the chat has them."""
    cited = [point for point in summary["points"] if point["citations"]]
    return [
        (_MARKER.sub("", point["text"]), {**point["citations"][0], "n": n})
        for n, point in enumerate(cited, 1)
    ]


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
        summary_points=summary_points,
        columns=columns,
        comparison_lead=comparison_lead,
        numbered=numbered,
        marks=marks,
        cite_url=cite_url,
        passage_url=passage_url,
        lang_of=lang_of,
        lang_attrs=lang_attrs,
        examples=EXAMPLES,
        languages=LANGUAGES,
        language_names=LANGUAGE_NAMES,
    )
    app.state.strings = load_strings(WEB / "strings.json")
    app.state.templates = Jinja2Templates(env=env, context_processors=[ui_context])
    # Swagger UI for /docs from the fastapi-offline package (Swagger UI 5, which reads OpenAPI
    # 3.1): the docs work offline.
    app.mount("/static/swagger", StaticFiles(directory=SWAGGER), name="swagger")
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
