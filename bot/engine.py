"""The loaded engine: index + embedder, and the functions the CLI, the API and the page share."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from bot import smalltalk
from bot.abstain import Abstainer
from bot.answer import Answer, compose, weigh
from bot.compare import Comparison
from bot.compare import search as search_sides
from bot.config import Settings
from bot.embed import Embedder, make_embedder
from bot.errors import UnknownScope
from bot.focus import PASSAGES, focused
from bot.followup import (
    Remembered,
    Turn,
    continued,
    follow_up_kind,
    reader_lang,
    search_text,
    what_is_asked,
)
from bot.index import Index, Manifest, load
from bot.ingest import Passage
from bot.intent import classify
from bot.lang import detect_lang, load_identifier
from bot.lengths import asked_length
from bot.library import Library
from bot.overview import compare_cities, comparison_answer
from bot.respell import Spellings
from bot.retrieve import Hit, Retrieval, paragraph_baseline, retrieve, retrieve_within
from bot.summary import (
    ARTICLE,
    Scope,
    Summary,
    find_scope,
    named_scope,
    summarize_scope,
    summary_answer,
    titled_scopes,
)
from bot.topics import in_language


@dataclass
class Engine(Library):
    """Everything a question needs, loaded once per process."""

    settings: Settings
    index: Index
    embedder: Embedder
    abstainer: Abstainer
    asked_before: Remembered = field(default_factory=Remembered, repr=False)

    @classmethod
    def load(cls, settings: Settings, abstainer: Abstainer | None = None) -> Engine:
        """Load the index (checking it is fresh), the embedder that built it and the language
        identifier. Word lists and jieba load at the first question that reads them."""
        index = load(settings)
        load_identifier(settings.cache)
        return cls(
            settings,
            index,
            make_embedder(settings),
            abstainer or Abstainer.load(index.manifest.embedder),
        )

    @property
    def corpus_langs(self) -> tuple[str, ...]:
        return self.index.lexical.langs

    @property
    def manifest(self) -> Manifest:
        """What the build of the index being served recorded."""
        return self.index.manifest

    def summary(self, scope: str, lang: str, length: str) -> Summary | None:
        """The cited summary of a document or part (`article` for the article), or None."""
        return summarize_scope(self.index, scope, lang, length)

    def scope(self, name: str) -> str | None:
        """The id of the document or part `name` stands for (`article`: the article), or None."""
        return find_scope(self.index, name)

    def topics(self, lang: str) -> tuple[list[dict[str, object]], list[Scope]]:
        """The topics and the parts (documents and their top-level sections), labelled and
        titled in `lang` where an edition allows."""
        return in_language(self.index.topics, lang, self.languages()), titled_scopes(
            self.index, lang
        )

    def signals(
        self, question: str, retrieval: Retrieval, history: Sequence[Turn] = ()
    ) -> dict[str, float]:
        """What the refusal reads for `question` and its retrieval (for calibration)."""
        asked, said = what_is_asked(question, history)
        return weigh(asked, retrieval, self.index, said)[1]

    def deeper(self, retrieval: Retrieval, vector: np.ndarray, depth: int) -> Retrieval:
        """The search behind `retrieval` (its query and language, embedded as `vector`), `depth`
        passages deep: where `bot eval` ranks the gold passage past the `top_k` that answer."""
        return retrieve(self.index, vector, retrieval.query, retrieval.lang, depth)

    def baseline(self, vector: np.ndarray, depth: int) -> tuple[list[Passage], float, str]:
        """What `bot eval` compares with: dense search over source paragraphs alone."""
        return paragraph_baseline(self.index, vector, depth)

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
        written = question
        lang = lang or reader_lang(question, history)
        question = self.respelled(question)  # "アップル" read as the corpus's "Apple"
        query = search_text(question, history)
        if query == question:
            vector = message_vector = self.embedder.embed_query(query)
        else:
            # A follow-up is searched joined to the previous question, but what it asks ("Merci !",
            # "Et en résumé ?") is read from its own words: both vectors, one call.
            message_vector, vector = self.embedder.embed_queries([question, query])
        own = classify(question, message_vector, self.index.intents)
        self.asked_before.add(question, own)
        kind = own
        if query != question:  # a follow-up: to a summary or comparison, it may ask the same
            previous = continued(history)
            kind = follow_up_kind(question, own, previous, self.kind_of)
        # What it asks: "Et Shanghai ?" after "Résume la partie sur Pékin" asks "Résume la partie
        # sur Shanghai", after "Combien … Pékin ?" asks "Combien … Shanghai ?".
        asked, said = what_is_asked(question, history)
        embedded = time.perf_counter()
        retrieval = retrieve(
            self.index, vector, query, detect_lang(query), k or self.settings.top_k
        )
        searched = time.perf_counter()
        if kind == "smalltalk":
            act = smalltalk.smalltalk_act(question, message_vector, self.index.intents)
            answer = smalltalk.reply(self.index, question, lang, act)
        elif kind in ("summary", "subject"):
            answer = self._summary(asked, lang, kind, self._vector(asked, question, message_vector))
        elif kind == "comparison" and kind != own:  # "那小巨人企业呢？": on its own measure
            found, _ = self.comparison(
                asked, lang, asked, self._vector(asked, question, message_vector)
            )
            answer = comparison_answer(question, found)
        elif kind == "comparison":
            found, _ = self.comparison(question, lang, query, vector)
            answer = comparison_answer(question, found)
        else:
            answer = compose(asked, lang, retrieval, self.index, self.abstainer, said)
        timings = {
            "embed": _ms(embedded - started),
            "search": _ms(searched - embedded),
            "answer": _ms(time.perf_counter() - searched),
        }
        answer = Answer(**{**answer.__dict__, "question": written, "timings_ms": timings})
        return answer, retrieval, vector

    def kind_of(self, message: str) -> str:
        """What an earlier message asked (bot.intent_examples.KINDS): remembered from when it was
        asked, else classified anew."""
        kind = self.asked_before.get(message)
        if kind is None:
            kind = classify(message, self.embedder.embed_query(message), self.index.intents)
            self.asked_before.add(message, kind)
        return kind

    def _vector(self, asked: str, question: str, vector: np.ndarray) -> np.ndarray:
        """The query vector of `asked`: `question`'s (`vector`) when it is the same text."""
        return vector if asked == question else self.embedder.embed_query(asked)

    def comparison(
        self, question: str, lang: str, query: str, vector: np.ndarray
    ) -> tuple[Comparison, Retrieval]:
        """`question`'s comparison (searched as `query`, embedded as `vector`) and its search."""
        searched = search_sides(self.index, vector, query, self.embedder.embed_query)
        return compare_cities(self.index, self.abstainer, question, searched, lang), searched.merged

    def _summary(self, question: str, lang: str, kind: str, vector: np.ndarray) -> Answer:
        """The summary of the part the message names (else the article), as an answer; of the
        subject it names, for a request about one ("subject"); as long as it asks."""
        length, most = asked_length(question)  # "en 3 points", "briefly", "in detail"
        if kind == "subject":
            found = self.focused_summary(question, lang, length, vector)
        else:
            found = summarize_scope(self.index, named_scope(self.index, question), lang, length)
        return summary_answer(question, found, most)

    def focused_summary(
        self,
        about: str,
        lang: str,
        length: str,
        vector: np.ndarray | None = None,
        scope: str = ARTICLE,
    ) -> Summary | None:
        """The cited points the corpus holds on `about` (vector: its own), within one part when
        `scope` names one, or a refusal; None when there is no such part."""
        part = None if scope == ARTICLE else self.index.summaries.get(scope)
        if scope != ARTICLE and part is None:
            return None
        about = self.respelled(about)
        vector = self.embedder.embed_query(about) if vector is None else vector
        inside = frozenset(part["passage_ids"]) if part else None
        retrieval = retrieve_within(self.index, vector, about, detect_lang(about), PASSAGES, inside)
        return focused(self.index, self.abstainer, about, retrieval, lang, length)

    def search(
        self,
        query: str,
        k: int = 10,
        lang: str | None = None,
        within: frozenset[str] | None = None,
    ) -> list[Hit]:
        """The k passages closest to `query`, best first; only passages `within` when given."""
        query = self.respelled(query)
        vector = self.embedder.embed_query(query)
        lang = lang or detect_lang(query)
        return list(retrieve_within(self.index, vector, query, lang, k, within).hits)

    @cached_property
    def spellings(self) -> Spellings:
        """The names the editions in other scripts write in Latin letters, read once."""
        langs = [str(lang) for lang in self.index.editions.passage_lang]
        return Spellings.build([p.text for p in self.index.passages], langs)

    def respelled(self, text: str) -> str:
        """`text` with the names it writes in another script as the corpus writes them."""
        lang = detect_lang(text)
        edition = self.index.vocabulary.editions.get(lang)
        return self.spellings.respelled(text, lang, edition.text if edition else "")

    def query_lang(self, text: str) -> str:
        """The language `text` is written in: the edition its results are shown in."""
        return detect_lang(text)

    def within(self, scope: str | None) -> frozenset[str] | None:
        """The passage ids of a document, part or topic (by id), None for no scope; an unknown id
        is an UnknownScope error."""
        if scope is None:
            return None
        found = self.index.summaries.get(scope)
        if found is not None:
            return frozenset(found["passage_ids"])
        topic = next((t for t in self.index.topics if t.id == scope), None)
        if topic is None:
            raise UnknownScope(f"No part or topic {scope!r}; list the ids with `bot topics`.")
        return frozenset(topic.passage_ids)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)
