"""The loaded engine: index + embedder, and the functions the CLI, the API and the page share."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from bot.abstain import Abstainer
from bot.answer import Answer, compose
from bot.config import Settings
from bot.embed import Embedder, make_embedder
from bot.followup import Turn, resolve
from bot.index import Index, load
from bot.ingest import Document, Passage
from bot.lang import detect_lang
from bot.retrieve import Hit, Retrieval, retrieve


@dataclass
class Engine:
    """Everything a question needs, loaded once per process."""

    settings: Settings
    index: Index
    embedder: Embedder
    abstainer: Abstainer
    rows_by_id: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.rows_by_id = {p.id: row for row, p in enumerate(self.index.passages)}

    @classmethod
    def load(cls, settings: Settings, abstainer: Abstainer | None = None) -> Engine:
        """Load the index (checking it is fresh) and the embedder that built it."""
        index = load(settings)
        return cls(
            settings,
            index,
            make_embedder(settings),
            abstainer or Abstainer.load(index.manifest.embedder),
        )

    @property
    def corpus_langs(self) -> tuple[str, ...]:
        return self.index.lexical.langs

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        lang: str | None = None,
        k: int | None = None,
    ) -> Answer:
        """A cited answer to `question`, or an explicit abstention, in the reader's language."""
        return self.ask_with_evidence(question, history, lang, k)[0]

    def ask_with_evidence(
        self,
        question: str,
        history: Sequence[Turn] = (),
        lang: str | None = None,
        k: int | None = None,
    ) -> tuple[Answer, Retrieval, np.ndarray]:
        """The answer, the retrieval behind it and the query vector (for evaluation)."""
        started = time.perf_counter()
        query = resolve(question, history)
        vector = self.embedder.embed_query(query)
        embedded = time.perf_counter()
        retrieval = retrieve(
            self.index, vector, query, detect_lang(query), k or self.settings.top_k
        )
        searched = time.perf_counter()
        answer = compose(
            question, lang or detect_lang(question), retrieval, self.corpus_langs, self.abstainer
        )
        timings = {
            "embed": _ms(embedded - started),
            "search": _ms(searched - embedded),
            "answer": _ms(time.perf_counter() - searched),
        }
        return Answer(**{**answer.__dict__, "timings_ms": timings}), retrieval, vector

    def search(self, query: str, k: int = 10, lang: str | None = None) -> list[Hit]:
        """The k passages closest to `query`, best first."""
        vector = self.embedder.embed_query(query)
        return list(retrieve(self.index, vector, query, lang or detect_lang(query), k).hits)

    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id, or None."""
        row = self.rows_by_id.get(passage_id)
        return None if row is None else self.index.passages[row]

    def neighbours(self, passage: Passage) -> tuple[Passage | None, Passage | None]:
        """The passages just before and after, in the same document."""
        row = self.rows_by_id[passage.id]
        before = self.index.passages[row - 1] if row > 0 else None
        after = self.index.passages[row + 1] if row + 1 < len(self.index.passages) else None
        same_doc = [p if p and p.doc_id == passage.doc_id else None for p in (before, after)]
        return same_doc[0], same_doc[1]

    def document(self, doc_id: str) -> Document | None:
        """The document with this id, or None."""
        return next((d for d in self.index.documents if d.id == doc_id), None)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)
