"""The HTTP contract: request bodies (validated strictly) and response shapes (for /docs)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from bot.phrases import LANGUAGES

MAX_QUESTION = 2000
# A subject to summarise ("computing power", "Huang Zhaoying"): a few words, not a document.
MAX_ABOUT = 300
# "Holds a character str.strip() keeps" as a JSON Schema pattern, so /openapi.json states what
# _not_blank refuses (tests/test_schema.py checks that the two agree on every character).
NOT_BLANK = r"[^\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text.strip()


def _integral(value: object) -> object:
    # JSON Schema counts 1.0 as an integer; strict mode alone would refuse it (1.5, "1" still fail).
    return int(value) if isinstance(value, float) and value.is_integer() else value


Text = Annotated[
    str,
    Field(min_length=1, max_length=MAX_QUESTION, json_schema_extra={"pattern": NOT_BLANK}),
    AfterValidator(_not_blank),
]
About = Annotated[
    str,
    Field(min_length=1, max_length=MAX_ABOUT, json_schema_extra={"pattern": NOT_BLANK}),
    AfterValidator(_not_blank),
]
Lang = Literal[LANGUAGES]  # type: ignore[valid-type]
K = Annotated[int, Field(ge=1, le=20), BeforeValidator(_integral)]
Span = tuple[int, int]


class Message(BaseModel):
    """One earlier turn of the conversation."""

    model_config = ConfigDict(strict=True, extra="forbid")
    role: Literal["user", "assistant"]
    content: Annotated[str, Field(max_length=20_000)]


class Question(BaseModel):
    """The body of POST /api/answer."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        json_schema_extra={"examples": [{"question": "Combien de grands modèles à Pékin ?"}]},
    )
    question: Text
    history: Annotated[list[Message], Field(max_length=100)] = []
    lang: Lang | None = Field(None, description="answer in this language (default: the question's)")
    k: K | None = Field(None, description="passages to retrieve (default: BOT_TOP_K)")
    explain: bool = Field(False, description="also return why bot answered or abstained")


class EditionOut(BaseModel):
    """The cited sentence in a translation of the source: `span` is that sentence in `text`."""

    lang: str
    passage_id: str
    section: str
    text: str
    span: Span


class CitationOut(BaseModel):
    """The source passage behind [n]; `span` is the cited sentence in `text`; `edition`, when the
    answer quotes a translation, is where that sentence is in it."""

    n: int
    passage_id: str
    section: str
    text: str
    score: float
    span: Span
    edition: EditionOut | None = None


class TermsOut(BaseModel):
    """The question's key terms the corpus was checked for: found, and missing from it."""

    found: list[str]
    missing: list[str]
    missing_names: int
    checked_names: int
    missing_words: int
    checked_words: int


class ExplainOut(BaseModel):
    """Why bot answered or abstained: it abstains when `probability` < `threshold`."""

    probability: float
    threshold: float
    signals: dict[str, float]
    terms: TermsOut
    calibrated: bool = Field(description="false: no model was fitted for this embedder")


class SideOut(BaseModel):
    """A column of a comparison: `side` is a city or "verdict" (the sentences of the article
    that rank the two, lists of places among them), `citations` the numbers [n] of its
    points."""

    side: str
    label: str
    citations: list[int]


class AnswerOut(BaseModel):
    """A cited answer, or (answered: false) an abstention whose citations are nearest passages."""

    question: str
    lang: str
    answered: bool
    answer: str
    citations: list[CitationOut]
    answer_lang: str = Field(description="the language `answer` is written in")
    kind: Literal["answer", "not_found", "summary", "comparison", "smalltalk"] = Field(
        description="what the message asked for and got: a cited answer, none found, a cited "
        "summary (its points in `answer`, one per line), a comparison (each side's label on a "
        "line, then its points; `sides` says which citations are whose), or small talk (no "
        "citations)"
    )
    timings_ms: dict[str, float]
    explain: ExplainOut | None = Field(
        None, description='with "explain": true, why (absent for summaries and small talk)'
    )
    sides: list[SideOut] = Field(
        [], description="a comparison's columns: beijing, shanghai, and the article's rankings"
    )
    unsure: bool = Field(
        False,
        description="an answer bot finds more likely wrong than right (P(answerable) below 0.5): "
        "the closest the article comes, and `answer` starts by saying it may not answer",
    )


class SearchResult(BaseModel):
    """A passage close to the query; `highlights` are its best-matching sentences.

    Spans are [start, end) offsets in `text`, counted in Unicode code points.
    """

    passage_id: str
    doc_id: str
    section: str
    text: str
    score: float
    highlights: list[Span]
    edition: EditionOut | None = None


class SearchOut(BaseModel):
    query: str
    lang: str
    results: list[SearchResult]


class PassageBrief(BaseModel):
    passage_id: str
    section: str
    text: str


class PassageOut(BaseModel):
    """A passage with its place in the document and the passages around it."""

    passage_id: str
    doc_id: str
    position: int
    section: str
    section_path: list[str]
    text: str
    start: int
    end: int
    sentences: list[Span]
    before: PassageBrief | None
    after: PassageBrief | None


class PointOut(BaseModel):
    """One sentence of a summary with its citation (`citations` shaped as /api/answer's)."""

    text: str
    citations: list[CitationOut]


class SummaryOut(BaseModel):
    """A cited summary; `lead` labels points quoted from the source when no edition is in `lang`."""

    scope: str
    title: str
    lang: str
    answer_lang: str
    length: Literal["short", "medium", "long"]
    points: list[PointOut]
    lead: str
    timings_ms: dict[str, float]
    about: str | None = Field(None, description="the subject asked `about`, if one was")
    answered: bool = Field(
        True, description="false: the article says nothing about the subject (`lead` says so)"
    )


class PartOut(BaseModel):
    """A document or one of its top-level parts: a scope for /api/summary and /api/search."""

    id: str
    doc_id: str
    title: str
    passage_ids: list[str]


class TopicOut(BaseModel):
    """Passages of one document that belong together, labelled by key terms in `lang` (the
    reader's, or the document's own when no edition is in the reader's)."""

    id: str
    doc_id: str
    lang: str
    label: str
    terms: list[str]
    passage_ids: list[str]


class TopicsOut(BaseModel):
    lang: str
    parts: list[PartOut]
    topics: list[TopicOut]


class Health(BaseModel):
    status: Literal["ok"]
    passages: int
    embedder: str
    index_built: str


class ErrorOut(BaseModel):
    """Every error: a sentence saying what was wrong, and the HTTP status."""

    error: str
    status: int


_ERRORS = {
    400: "Malformed request: bad JSON, or a Content-Length that is not a number",
    404: "Unknown passage, part or topic",
    408: "Request body not received within 10 s",
    413: "Request body over 64 KiB",
    422: "Invalid field: empty or oversized text, wrong type, k out of range, unknown lang, "
    "both a scope and a subject",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` for these error statuses, each with the ErrorOut shape."""
    return {s: {"model": ErrorOut, "description": _ERRORS[s]} for s in statuses}


# What any route can answer: the body limit (bot/limits.py) runs before routing.
ERRORS = errors(400, 408, 413)
