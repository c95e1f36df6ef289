"""The JSON API: the functions the API and the pages share, and the routes."""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from starlette.exceptions import HTTPException

from bot.answer import answer_object
from bot.engine import Engine
from bot.errors import UnknownScope
from bot.followup import Turn
from bot.ingest import Passage
from bot.schema import (
    About,
    AnswerOut,
    Health,
    Lang,
    PassageOut,
    Question,
    SearchOut,
    SummaryOut,
    Text,
    TopicsOut,
    errors,
)  # fmt: skip

# --- the functions the API and the page share -------------------------------------------------


def engine(request: Request) -> Engine:
    """The engine to answer with: the lifespan's, or the one over a rebuilt index (bot.live)."""
    return request.app.state.live.get()


def ask(
    request: Request,
    question: str,
    history: list[Turn] | None = None,
    lang: str | None = None,
    k: int | None = None,
    explain: bool = False,
) -> dict[str, Any]:
    """The answer object for `question`: what /api/answer returns and the chat page renders;
    with `explain`, also why bot answered or abstained."""
    with request.app.state.embedding:
        answer = engine(request).ask(question, history or (), lang, k)
    return answer_object(answer, explain)


def search(
    request: Request, query: str, k: int = 10, lang: str | None = None, topic: str | None = None
) -> dict[str, Any]:
    """Passages closest to `query` (within a part or topic when given): what /api/search returns
    and the search panel renders."""
    current = engine(request)  # one engine for the whole request, even if a new index goes live
    lang = lang or current.query_lang(query)
    try:
        within = current.within(topic)
    except UnknownScope:
        raise HTTPException(
            404, f"No part or topic {topic!r}; list their ids with /api/topics."
        ) from None
    with request.app.state.embedding:
        hits = current.search(query, k, lang, within)
    results = [
        {
            "passage_id": hit.passage.id,
            "doc_id": hit.passage.doc_id,
            "section": hit.passage.section,
            "text": hit.passage.text,
            "score": round(hit.score, 4),
            "highlights": [list(span) for span in hit.highlights],
            "edition": _plain(current.edition(hit, lang)),
        }
        for hit in hits
    ]
    return {"query": query, "lang": lang, "results": results}


def _plain(value: object) -> Any:
    """A dataclass as a dict (None stays None)."""
    return None if value is None else asdict(value)


def passage(request: Request, passage_id: str) -> dict[str, Any]:
    """A passage with its section path and neighbours, or 404."""
    current = engine(request)
    found = current.passage(passage_id)
    if found is None:
        raise HTTPException(
            404, f"No passage with id {passage_id!r}; find ids with /api/search?q=..."
        )
    before, after = current.neighbours(found)

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


def summary(
    request: Request, scope: str, lang: str, length: str, about: str | None = None
) -> dict[str, Any]:
    """The cited summary of `scope`, or of what the corpus says `about` a subject (a refusal's
    words when nothing), or 404 naming where the scopes are listed."""
    started = time.perf_counter()
    if about is not None:
        with request.app.state.embedding:
            found = engine(request).focused_summary(about, lang, length, scope=scope)
    else:
        found = engine(request).summary(scope, lang, length)
    if found is None:
        raise HTTPException(
            404, f"No part {scope!r} to summarise; use `article` or a part id from /api/topics."
        )
    return {
        **asdict(found),
        "timings_ms": {"summary": round(1000 * (time.perf_counter() - started), 2)},
    }


def topics(request: Request, lang: str) -> dict[str, Any]:
    """The parts and topics of the corpus, titled in `lang` where an edition allows (else in the
    document's own language)."""
    found, parts = engine(request).topics(lang)
    return {"lang": lang, "parts": [asdict(part) for part in parts], "topics": found}


# --- JSON API ---------------------------------------------------------------------------------

api = APIRouter()


@api.get("/healthz", tags=["meta"], response_model=Health)
def healthz(request: Request) -> dict[str, Any]:
    """Liveness, and which index is being served."""
    manifest = engine(request).manifest
    return {
        "status": "ok",
        "passages": manifest.passages,
        "embedder": manifest.embedder,
        "index_built": manifest.built_at,
    }


@api.post("/api/answer", tags=["answer"], response_model=AnswerOut, responses=errors(422))
def answer(request: Request, body: Question) -> dict[str, Any]:
    """A cited answer (`answered: true`) or an explicit abstention with the nearest passages."""
    history = [Turn(m.role, m.content) for m in body.history]
    return ask(request, body.question, history, body.lang, body.k, body.explain)


@api.get("/api/search", tags=["search"], response_model=SearchOut, responses=errors(404, 422))
def search_route(
    request: Request,
    q: Annotated[Text, Query(description="topic or question")],
    k: Annotated[int, Query(ge=1, le=20)] = 10,
    lang: Annotated[Lang | None, Query(description="language of q (default: detected)")] = None,
    topic: Annotated[str | None, Query(description="a part or topic id (/api/topics)")] = None,
) -> dict[str, Any]:
    """Passages closest to a topic, with the sentences that match it best."""
    return search(request, q, k, lang, topic)


# 422 in our shape, else FastAPI declares its own (though any path segment is a valid str).
@api.get(
    "/api/passages/{passage_id}",
    tags=["search"],
    response_model=PassageOut,
    responses=errors(404, 422),
)
def passage_route(request: Request, passage_id: str) -> dict[str, Any]:
    """One passage, its section path, and the passages before and after it."""
    return passage(request, passage_id)


@api.get("/api/summary", tags=["summary"], response_model=SummaryOut, responses=errors(404, 422))
def summary_route(
    request: Request,
    lang: Annotated[Lang, Query(description="language of the points")] = "en",
    scope: Annotated[
        str, Query(description="`article`, or a part id from /api/topics")
    ] = "article",
    length: Literal["short", "medium", "long"] = "medium",
    about: Annotated[
        About | None, Query(description="a subject: the points the article holds on it")
    ] = None,
) -> dict[str, Any]:
    """Cited summary of the article, of one part, or of what it (or that part) says `about` a
    subject, in the reader's language where an edition allows (else quoted from the source,
    under `lead`); on a subject it says nothing about, no points and `answered: false`."""
    return summary(request, scope, lang, length, about)


@api.get("/api/topics", tags=["summary"], response_model=TopicsOut, responses=errors(422))
def topics_route(
    request: Request,
    lang: Annotated[Lang, Query(description="language of titles and labels")] = "en",
) -> dict[str, Any]:
    """The corpus's documents and parts (from headings) and the topics found in its passages."""
    return topics(request, lang)


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
