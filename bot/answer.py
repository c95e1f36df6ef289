"""Pick the sentences that answer a question and cite them, or abstain."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.abstain import Abstainer, features
from bot.lexical import tokenize
from bot.phrases import phrase
from bot.retrieve import Retrieval

# How close to the best sentence a second one must score to join the answer.
SECOND_SENTENCE_MARGIN = 0.02
MAX_SENTENCES = 2
# Sentence ranking: its own similarity, its passage's fused score, question words it holds.
# A sentence alone is a short, noisy match; its passage's score carries the context (dev split).
SENTENCE_OWN, SENTENCE_PASSAGE, SENTENCE_OVERLAP = 0.3, 0.7, 0.05


@dataclass(frozen=True)
class Citation:
    """The passage behind an [n] marker, with the span of the cited sentence in its text."""

    n: int
    passage_id: str
    section: str
    text: str
    score: float
    span: tuple[int, int]


@dataclass(frozen=True)
class Answer:
    """What `bot ask`, the API and the chat page return."""

    question: str
    lang: str
    answered: bool
    answer: str
    citations: tuple[Citation, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Evidence:
    """A candidate sentence: which hit, which of its sentences, how well it fits, its words."""

    hit: int
    sentence: int
    score: float
    overlap: float


def rank_sentences(
    retrieval: Retrieval, corpus_langs: tuple[str, ...], focus: str | None = None
) -> list[Evidence]:
    """The sentences of the retrieved passages, best fit to the query first. Words shared with
    `focus` (the question as asked, when a follow-up was searched with the one before) count."""
    query_tokens = set(tokenize(focus or retrieval.query, (retrieval.lang, *corpus_langs)))
    ranked = []
    for h, hit in enumerate(retrieval.hits):
        spans = zip(hit.passage.sentences, hit.sentence_scores, hit.sentence_words, strict=True)
        for n, ((start, end), own, words) in enumerate(spans):
            if _is_question(hit.passage.text[start:end]):
                continue
            overlap = len(query_tokens & words) / len(query_tokens) if query_tokens else 0.0
            score = SENTENCE_OWN * own + SENTENCE_PASSAGE * hit.score + SENTENCE_OVERLAP * overlap
            ranked.append(Evidence(h, n, score, overlap))
    ranked.sort(key=lambda e: e.score, reverse=True)
    return ranked


def _is_question(sentence: str) -> bool:
    """A sentence that asks (a rhetorical question, a title in a reference list) answers nothing,
    yet e5 rates it close to any question."""
    last = max(sentence.rfind(mark) for mark in "?？؟")
    # Whatever follows the last question mark (closing quotes, an attribution) ends no statement.
    return last >= 0 and not any(stop in sentence[last:] for stop in ".。!！")


def choose(ranked: list[Evidence]) -> list[Evidence]:
    """The best sentence, plus the runner-up when it fits almost as well."""
    chosen = ranked[:1]
    for candidate in ranked[1:MAX_SENTENCES]:
        if candidate.score >= ranked[0].score - SECOND_SENTENCE_MARGIN:
            chosen.append(candidate)
    return chosen


def compose(
    question: str,
    lang: str,
    retrieval: Retrieval,
    corpus_langs: tuple[str, ...],
    abstainer: Abstainer,
) -> Answer:
    """The cited answer for `question` from `retrieval`, or an explicit abstention."""
    # A follow-up ("Et Pékin ?") was searched joined to the previous question; its own words
    # name what changed, so they pick the sentence.
    ranked = rank_sentences(retrieval, corpus_langs, focus=question)
    chosen = choose(ranked)
    if not chosen or abstainer.abstains(features(retrieval, ranked)):
        nearest = tuple(
            Citation(n, hit.passage.id, hit.passage.section, hit.passage.text, round(hit.score, 4),
                     hit.passage.sentences[hit.best_sentence] if hit.passage.sentences else (0, 0))
            for n, hit in enumerate(retrieval.hits, 1)
        )  # fmt: skip
        return Answer(question, lang, False, phrase("not_found", lang), nearest)
    # Best first: [1] is always the sentence that fits the question best.
    citations, quotes = [], []
    for n, evidence in enumerate(chosen, 1):
        hit = retrieval.hits[evidence.hit]
        start, end = hit.passage.sentences[evidence.sentence]
        citations.append(
            Citation(n, hit.passage.id, hit.passage.section, hit.passage.text,
                     round(evidence.score, 4), (start, end))
        )  # fmt: skip
        # A quoted "[2]" (a reference list, a footnote) would read as one of our markers.
        quote = re.sub(r"\[(\d+)\]", r"(\1)", hit.passage.text[start:end])
        quotes.append(f"{quote} [{n}]")
    body = " ".join(quotes)
    if lang not in corpus_langs:
        body = f"{phrase('according_to', lang)} {body}"
    return Answer(question, lang, True, body, tuple(citations))
