"""Pick the sentences that answer a question and cite them, or abstain."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from bot.abstain import Abstainer, Decision, Terms, assess
from bot.candidates import (
    Evidence,
    own_value_first,
    rank_sentences,
    ranking_first,
    stated_first,
)
from bot.citations import Citation, nearest, translate
from bot.fit import Fit
from bot.index import Index
from bot.phrases import phrase
from bot.rankings import asks_next_to, asks_ranking
from bot.reading import quoted, refers_back
from bot.refusal import refusal
from bot.retrieve import Retrieval
from bot.target import places
from bot.tokens import tokenize

# How close to the best sentence a second one must score to join the answer.
SECOND_SENTENCE_MARGIN = 0.02
MAX_SENTENCES = 2
# A sentence whose words are this much in the previous reply was said already.
SAID_SHARE = 0.7


@dataclass(frozen=True)
class Side:
    """One column of a comparison: a city (or "verdict", the article's own ranking of the two),
    its label in the reader's language, and the numbers of its citations."""

    side: str
    label: str
    citations: tuple[int, ...]


@dataclass(frozen=True)
class Answer:
    """What `bot ask`, the API and the chat page return."""

    question: str
    lang: str
    answered: bool
    answer: str
    citations: tuple[Citation, ...]
    answer_lang: str = ""  # the language the answer text is in
    # What the message asked for and got: "answer", "not_found", "summary", "comparison" or
    # "smalltalk".
    kind: str = "answer"
    timings_ms: dict[str, float] = field(default_factory=dict)
    # Why it answered or abstained (None for summaries and small talk).
    decision: Decision | None = None
    # A comparison's columns (bot.compare); empty for every other kind.
    sides: tuple[Side, ...] = ()
    # Answered below even odds: the closest the article comes, and the answer says so first.
    unsure: bool = False


def choose(ranked: list[Evidence]) -> list[Evidence]:
    """The best sentence, plus the runner-up when it fits almost as well."""
    chosen = ranked[:1]
    for candidate in ranked[1:MAX_SENTENCES]:
        if candidate.score >= ranked[0].score - SECOND_SENTENCE_MARGIN:
            chosen.append(candidate)
    return chosen


def answer_object(answer: Answer, explain: bool = False) -> dict:
    """The answer as the API and `bot ask --json` give it: plain data, with the reasons for
    answering or abstaining under "explain" only when asked."""
    body = asdict(answer)
    decision = body.pop("decision")
    if explain:
        body["explain"] = decision
    return body


def _not_repeated(
    question: str, ranked: list[Evidence], retrieval: Retrieval, index: Index, said: str
) -> list[Evidence]:
    """`ranked` without the sentences of the previous reply `said` ("And Shanghai?" must move
    on), except those naming a city the follow-up asks about, which may answer it too."""
    asked = places(question)
    said_words = set(tokenize(said, (retrieval.lang,)))
    kept = []
    for evidence in ranked:
        _, text, lang = quoted(
            index, retrieval.hits[evidence.hit], evidence.sentence, retrieval.lang
        )
        words = set(tokenize(text, (lang,)))
        # Quoted, or retold in other words: most of its words are in the reply.
        repeated = len(words & said_words) >= SAID_SHARE * len(words) > 0
        if not repeated or asked and asked <= places(text):
            kept.append(evidence)
    return kept


def weigh(
    question: str, retrieval: Retrieval, index: Index, said: str = ""
) -> tuple[list[Evidence], dict[str, float], Terms, Fit]:
    """The candidate sentences, best first, and what the refusal reads about them (its signals,
    the question's key terms and how the best sentence fits what it asks); `compose` and the
    calibration read the same. `said` is the reply a follow-up follows: its sentences are not
    candidates, unless they name the city the follow-up asks about."""
    # A follow-up ("Et Pékin ?") was searched joined to the previous question; its own words
    # name what changed, so they pick the sentence.
    ranked = rank_sentences(retrieval, index.lexical.langs, focus=question)
    if said:
        ranked = _not_repeated(question, ranked, retrieval, index, said)
    if not ranked:
        return ranked, *assess(question, retrieval, index.vocabulary, 0.0, None)
    if asks_next_to(question):
        # "Which city comes right after Hangzhou?": the ranking names it, the closer sentence
        # saying how the ranking was made may not; the refusal reads the ranking.
        ranking_first(question, ranked, retrieval, index)
    reading = stated_first(question, ranked, retrieval, index)
    found = assess(question, retrieval, index.vocabulary, ranked[0].overlap, reading)
    if not found[2].bound:
        own = own_value_first(question, ranked, retrieval, index, reading)
        if own:
            found = assess(question, retrieval, index.vocabulary, ranked[0].overlap, own)
    return ranked, *found


def compose(
    question: str,
    lang: str,
    retrieval: Retrieval,
    index: Index,
    abstainer: Abstainer,
    said: str = "",
) -> Answer:
    """The cited answer for `question` from `retrieval`, in `lang` where the source or one of its
    editions is written in it, or an explicit abstention."""
    ranked, signals, terms, fit = weigh(question, retrieval, index, said)
    if ranked and asks_ranking(question) and not asks_next_to(question):
        # The refusal has read the closer sentence, as for any question.
        ranking_first(question, ranked, retrieval, index)
    chosen = choose(ranked)
    decision = abstainer.decide(signals, terms, fit)
    if not chosen or decision.abstains:
        # The sentence found gives the other city's figure: it comes first, and the refusal says
        # whose figure that is ("… for Shanghai; the one it gives is for Beijing [1]").
        first = (ranked[0].hit, ranked[0].sentence) if ranked and fit.held_by else None
        return Answer(
            question, lang, False, refusal(decision, lang, first_cited=first is not None),
            nearest(index, retrieval, lang, first), lang, "not_found",
            decision=decision,
        )  # fmt: skip
    # (passage row, sentence, score) of each quote: the chosen sentences, then the lead-in
    # that dates the first when it is what states the date asked ("by 2025, …").
    spots = [(retrieval.hits[e.hit].row, e.sentence, e.score) for e in chosen]
    _quote_too(spots, fit.dated_by, chosen[0].score, first=False)
    # The sentence the first quote refers back to ("… in these scenarios"): quoted before it.
    _quote_too(spots, refers_back(index, *spots[0][:2]), chosen[0].score, first=True)
    # A place in a ranking the heading over the sentence states: it answers, first.
    _quote_too(spots, fit.ranked_by, chosen[0].score, first=True)
    langs = [str(index.editions.passage_lang[row]) for row, _, _ in spots]
    editions = [
        None if own == lang else translate(index, row, (n,), lang)
        for (row, n, _), own in zip(spots, langs, strict=True)
    ]
    # Every quote in the reader's language, or every quote from the source with a label: never
    # a silently mixed answer.
    in_lang = all(own == lang or edition for own, edition in zip(langs, editions, strict=True))
    if not in_lang:
        editions = [None] * len(spots)
    # Best first: [1] is the sentence that fits the question best, unless the heading stating
    # its rank or the sentence it refers back to comes before it.
    citations, quotes, quoted = [], [], []
    for n, ((row, sentence, score), edition) in enumerate(zip(spots, editions, strict=True), 1):
        passage = index.passages[row]
        start, end = passage.sentences[sentence]
        citations.append(
            Citation(n, passage.id, passage.section, passage.text, round(score, 4), (start, end),
                     edition)
        )  # fmt: skip
        where = (edition.passage_id, edition.span) if edition else (passage.id, (start, end))
        if where in quoted:  # one edition sentence translates both source sentences
            quotes[quoted.index(where)] += f" [{n}]"
            continue
        text = edition.text[slice(*edition.span)] if edition else passage.text[start:end]
        # A quoted "[2]" (a reference list, a footnote) would read as one of our markers.
        quotes.append(re.sub(r"\[(\d+)\]", r"(\1)", text) + f" [{n}]")
        quoted.append(where)
    body = " ".join(quotes)
    answer_lang = lang if in_lang else langs[0]
    if not in_lang:
        body = f"{phrase('according_to', lang)} {body}"
    if decision.unsure:
        body = f"{phrase('unsure', lang)} {body}"
    return Answer(
        question, lang, True, body, tuple(citations), answer_lang, decision=decision,
        unsure=decision.unsure,
    )  # fmt: skip


def _quote_too(
    spots: list[tuple[int, int, float]], where: tuple[int, int] | None, score: float, first: bool
) -> None:
    """Adds sentence `where` (passage row, sentence) to the quotes `spots`, first or last,
    unless it is none or quoted already."""
    if where and where not in [(row, n) for row, n, _ in spots]:
        spots.insert(0 if first else len(spots), (*where, score))
