"""The HTTP app: `create_app(settings)`, one JSON error shape, and the JSON API routes."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from bot.config import Settings
from bot.engine import Engine
from bot.errors import error_body
from bot.followup import Turn
from bot.ingest import Passage
from bot.limits import BodyLimit
from bot.schema import (
    ERRORS,
    NOT_YET,
    SUMMARY_LANGS,
    SUMMARY_SCOPES,
    AnswerOut,
    Health,
    Lang,
    PassageOut,
    Question,
    SearchOut,
    Text,
)  # fmt: skip

# --- the functions the API and the page share -------------------------------------------------


def engine(request: Request) -> Engine:
    """The engine loaded by the lifespan."""
    return request.app.state.engine


def ask(
    request: Request,
    question: str,
    history: list[Turn] | None = None,
    lang: str | None = None,
    k: int | None = None,
) -> dict[str, Any]:
    """The answer object for `question`: what /api/answer returns and the chat page renders."""
    with request.app.state.lock:
        answer = engine(request).ask(question, history or (), lang, k)
    return asdict(answer)


def search(request: Request, query: str, k: int = 10, lang: str | None = None) -> dict[str, Any]:
    """Passages closest to `query`: what /api/search returns and the search panel renders."""
    with request.app.state.lock:
        hits = engine(request).search(query, k, lang)
    results = [
        {
            "passage_id": hit.passage.id,
            "doc_id": hit.passage.doc_id,
            "section": hit.passage.section,
            "text": hit.passage.text,
            "score": round(hit.score, 4),
            "highlights": [list(span) for span in hit.highlights],
        }
        for hit in hits
    ]
    return {"query": query, "results": results}


def passage(request: Request, passage_id: str) -> dict[str, Any]:
    """A passage with its section path and neighbours, or 404."""
    found = engine(request).passage(passage_id)
    if found is None:
        raise HTTPException(
            404, f"No passage with id {passage_id!r}; find ids with /api/search?q=..."
        )
    before, after = engine(request).neighbours(found)

    def brief(p: Passage | None) -> dict[str, str] | None:
        return None if p is None else {"passage_id": p.id, "section": p.section, "text": p.text}

    return {
        "passage_id": found.id,
        "doc_id": found.doc_id,
        "position": found.position,
        "section": found.section,
        "section_path": list(found.section_path),
        "text": found.text,
        "start": found.start,
        "end": found.end,
        "sentences": [list(span) for span in found.sentences],
        "before": brief(before),
        "after": brief(after),
    }


# --- JSON API ---------------------------------------------------------------------------------

api = APIRouter()


@api.get("/healthz", tags=["meta"], response_model=Health)
def healthz(request: Request) -> dict[str, Any]:
    """Liveness, and which index is being served."""
    manifest = engine(request).index.manifest
    return {
        "status": "ok",
        "passages": manifest.passages,
        "embedder": manifest.embedder,
        "index_built": manifest.built_at,
    }


@api.post("/api/answer", tags=["answer"], response_model=AnswerOut)
def answer(request: Request, body: Question) -> dict[str, Any]:
    """A cited answer (`answered: true`) or an explicit abstention with the nearest passages."""
    history = [Turn(m.role, m.content) for m in body.history]
    return ask(request, body.question, history, body.lang, body.k)


@api.get("/api/search", tags=["search"], response_model=SearchOut)
def search_route(
    request: Request,
    q: Annotated[Text, Query(description="topic or question")],
    k: Annotated[int, Query(ge=1, le=20)] = 10,
    lang: Annotated[Lang | None, Query(description="language of q (default: detected)")] = None,
) -> dict[str, Any]:
    """Passages closest to a topic, with the sentences that match it best."""
    return search(request, q, k, lang)


@api.get("/api/passages/{passage_id}", tags=["search"], response_model=PassageOut)
def passage_route(request: Request, passage_id: str) -> dict[str, Any]:
    """One passage, its section path, and the passages before and after it."""
    return passage(request, passage_id)


@api.get("/api/summary", tags=["summary"], responses=NOT_YET)
def summary(
    lang: Literal[SUMMARY_LANGS] = "en",  # type: ignore[valid-type]
    scope: Literal[SUMMARY_SCOPES] = "article",  # type: ignore[valid-type]
) -> Response:
    """Summary of the article or one of its parts (not implemented yet: 501)."""
    return _not_yet(f"Summaries ({scope}, {lang})")


@api.get("/api/topics", tags=["summary"], responses=NOT_YET)
def topics() -> Response:
    """The article's topics (not implemented yet: 501)."""
    return _not_yet("Topics")


def _not_yet(what: str) -> Response:
    return JSONResponse(error_body(501, f"{what} are not available yet."), status_code=501)


# --- errors -----------------------------------------------------------------------------------


def describe(errors: Any) -> str:
    """One sentence naming each invalid field and what was wrong with it."""
    parts = []
    for error in errors:
        loc = [str(x) for x in error["loc"]]
        if error["type"] == "json_invalid":
            return f"The request body is not valid JSON: {error['ctx']['error']}."
        if loc == ["body"] and isinstance(error.get("input"), bytes):
            return "Send the request body as JSON, with Content-Type: application/json."
        if loc == ["body"]:
            problem = "is missing" if error["type"] == "missing" else "must be a JSON object"
            return f'The request body {problem}: send JSON like {{"question": "..."}}.'
        where = ".".join(loc[1:] if len(loc) > 1 else loc)
        if error["type"] == "string_too_short" and error["ctx"]["min_length"] == 1:
            message = "must not be empty"
        elif error["type"] == "string_too_long":
            got = len(error["input"])
            message = f"must be at most {error['ctx']['max_length']} characters, not {got}"
        elif error["type"] == "extra_forbidden":
            message = "is not a known field"
        else:
            message = error["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) + "."


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    bad_json = any(error["type"] == "json_invalid" for error in exc.errors())
    return _error(request, 400 if bad_json else 422, describe(exc.errors()))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"Nothing at {request.url.path}; the API is described at /docs."
    elif exc.status_code == 400 and message == "There was an error parsing the body":
        message = "The request body is not valid JSON in UTF-8."
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}; see /docs."
    return _error(request, exc.status_code, message, exc.headers)


def _error(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    if wants_html(request):
        return request.app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def wants_html(request: Request) -> bool:
    """True for a browser asking for a page; API paths always get JSON."""
    path = request.url.path
    if path.startswith("/api/") or path in ("/healthz", "/openapi.json"):
        return False
    return "text/html" in request.headers.get("accept", "")


# --- the app ----------------------------------------------------------------------------------


def create_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    """The web app; the index and model load once, when it starts (or use a loaded `engine`)."""
    from bot.web import mount, pages  # bot.web imports this module's shared functions

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = engine or Engine.load(settings)
        yield

    app = FastAPI(
        title="bot",
        summary="Cited answers from the corpus, in the reader's language.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.lock = threading.Lock()  # one question at a time: the embedder uses every core
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_middleware(BodyLimit)
    app.include_router(api, responses=ERRORS)  # type: ignore[arg-type]
    app.include_router(pages)
    mount(app)
    return app
