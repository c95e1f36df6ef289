"""Pick the sentences that answer a question and cite them, or abstain."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from bot.abstain import Abstainer, Decision, Terms, assess, refusal
from bot.asked import Reading, expected, states
from bot.binding import Fit, bound
from bot.citations import Citation, nearest, translate
from bot.facts import is_question
from bot.index import Index
from bot.phrases import phrase
from bot.rankings import asks_ranking, enumerates
from bot.reading import doc_lang, quoted, read
from bot.retrieve import Retrieval
from bot.target import places
from bot.tokens import tokenize

# How close to the best sentence a second one must score to join the answer.
SECOND_SENTENCE_MARGIN = 0.02
MAX_SENTENCES = 2
# Sentence ranking: its own similarity, its passage's fused score, question words it holds.
# A sentence alone is a short, noisy match; its passage's score carries the context (dev split).
SENTENCE_OWN, SENTENCE_PASSAGE, SENTENCE_OVERLAP = 0.3, 0.7, 0.05
# How much closer than a sentence stating the kind of answer asked (a figure for "how many")
# another may be and still lose to it, among the first few candidates (dev split).
STATED_MARGIN = 0.03
STATED_CANDIDATES = 5
# How many fewer of the question's words (a share of them) the city's own figure may hold than
# the other city's it replaces (dev and the follow-ups bench).
OWN_VALUE_OVERLAP = 0.1
# A ranking asked: how far below the best the sentence that enumerates it may be (dev split).
RANKING_MARGIN = 0.04
RANKING_CANDIDATES = 8
# A sentence whose words are this much in the previous reply was said already.
SAID_SHARE = 0.7
# What a heading gives up against body sentences (dev: 0 and 0.01 tie, 0.02 loses a question;
# 0.01 puts "…the two main directions are immersive technology and Web3" before the part title
# "Shanghai clarifies the two main directions").
HEADING_PENALTY = 0.01


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
            if is_question(hit.passage.text[start:end]):
                continue
            overlap = len(query_tokens & words) / len(query_tokens) if query_tokens else 0.0
            score = SENTENCE_OWN * own + SENTENCE_PASSAGE * hit.score + SENTENCE_OVERLAP * overlap
            if hit.passage.heading:
                # A heading often restates the question ("Shanghai clarifies the two main
                # directions"): it answers only when clearly closer than the text under it.
                score -= HEADING_PENALTY
            ranked.append(Evidence(h, n, score, overlap))
    ranked.sort(key=lambda e: e.score, reverse=True)
    return ranked


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
    # "How many …?" is answered by a sentence with a figure: one that states the kind of answer
    # asked beats a slightly closer one that does not.
    reading = read(index, retrieval.hits[ranked[0].hit], ranked[0].sentence, retrieval.lang)
    kind = expected(question)
    if not states(reading.text, reading.lang, kind, reading.english):
        stating = _prefer(ranked, retrieval, index, STATED_CANDIDATES, STATED_MARGIN,
                          lambda r: states(r.text, r.lang, kind, r.english))  # fmt: skip
        reading = stating or reading
    found = assess(question, retrieval, index.vocabulary, ranked[0].overlap, reading)
    if found[2].held_by:
        own = _own_value(question, ranked, retrieval, index)
        if own:
            found = assess(question, retrieval, index.vocabulary, ranked[0].overlap, own)
    return ranked, *found


def _prefer(
    ranked: list[Evidence],
    retrieval: Retrieval,
    index: Index,
    depth: int,
    margin: float,
    fits: Callable[[Reading], bool],
) -> Reading | None:
    """The first of the next `depth` - 1 candidates, within `margin` of the best, whose reading
    `fits`, moved to the front of `ranked` (the closer ones are dropped); None when none fits."""
    for n, candidate in enumerate(ranked[1:depth], 1):
        if candidate.score < ranked[0].score - margin:
            return None
        other = read(index, retrieval.hits[candidate.hit], candidate.sentence, retrieval.lang)
        if fits(other):
            del ranked[:n]  # the closer ones do not fit
            return other
    return None


def _own_value(
    question: str, ranked: list[Evidence], retrieval: Retrieval, index: Index
) -> Reading | None:
    """When the best sentence's figure is the other city's ("And Beijing?" after Shanghai's
    813,000 software companies), the first of the next few candidates of the same passage,
    nearly as close and holding nearly as many of the question's words, that binds a figure to
    the city asked ("Pékin se classe au deuxième rang, avec … 683 000 entreprises"), moved to
    the front; None when there is none. The passage that gives one city's figure gives the
    other's on the same measure beside it, when it gives it; and not a figure of another
    attribute: "processor makers in Beijing?" holds fewer of the words of Beijing's software
    companies than of Shanghai's processor makers."""
    asked, kind = places(question), expected(question)
    if not asked:
        return None
    best = ranked[0]
    for n, candidate in enumerate(ranked[1:STATED_CANDIDATES], 1):
        if candidate.score < best.score - STATED_MARGIN:
            return None
        if candidate.hit != best.hit or candidate.overlap < best.overlap - OWN_VALUE_OVERLAP:
            continue
        other = read(index, retrieval.hits[candidate.hit], candidate.sentence, retrieval.lang)
        if (
            asked <= places(other.text)
            and states(other.text, other.lang, kind, other.english)
            and bound(question, other.text, other.lang)
        ):
            ranked.insert(0, ranked.pop(n))
            return other
    return None


def _ranking_after(ranked: list[Evidence], retrieval: Retrieval, index: Index) -> bool:
    """Moves to the front the first sentence of the best one's passage that lists places, when
    one does: "We counted … in 50 cities and ranked them." is followed by "The top 5 cities
    are …", further from the question than other rankings' lists."""
    best = ranked[0].hit
    for n, candidate in enumerate(ranked[1:], 1):
        if candidate.hit == best:
            other = read(index, retrieval.hits[best], candidate.sentence, retrieval.lang)
            if enumerates(other.text):
                ranked.insert(0, ranked.pop(n))
                return True
    return False


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
    if ranked and asks_ranking(question):
        # "Top five cities?", "じゃあ2位は？": the ranking itself ("… sont Shenzhen, Pékin,
        # Shanghai, Hangzhou, Nanjing") beats the closer sentence saying how it was made. The
        # refusal has read the closer one, as for any question.
        first = read(index, retrieval.hits[ranked[0].hit], ranked[0].sentence, retrieval.lang)
        if not enumerates(first.text) and not _ranking_after(ranked, retrieval, index):
            _prefer(ranked, retrieval, index, RANKING_CANDIDATES, RANKING_MARGIN,
                    lambda r: enumerates(r.text))  # fmt: skip
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
    hits = [retrieval.hits[e.hit] for e in chosen]
    editions = [
        None if doc_lang(index, hit) == lang else translate(index, hit.row, (e.sentence,), lang)
        for hit, e in zip(hits, chosen, strict=True)
    ]
    # Every quote in the reader's language, or every quote from the source with a label: never
    # a silently mixed answer.
    in_lang = all(
        doc_lang(index, hit) == lang or edition for hit, edition in zip(hits, editions, strict=True)
    )
    if not in_lang:
        editions = [None] * len(chosen)
    # Best first: [1] is always the sentence that fits the question best.
    citations, quotes, quoted = [], [], []
    for n, (evidence, hit, edition) in enumerate(zip(chosen, hits, editions, strict=True), 1):
        start, end = hit.passage.sentences[evidence.sentence]
        citations.append(
            Citation(n, hit.passage.id, hit.passage.section, hit.passage.text,
                     round(evidence.score, 4), (start, end), edition)
        )  # fmt: skip
        where = (edition.passage_id, edition.span) if edition else (hit.passage.id, (start, end))
        if where in quoted:  # one edition sentence translates both source sentences
            quotes[quoted.index(where)] += f" [{n}]"
            continue
        text = edition.text[slice(*edition.span)] if edition else hit.passage.text[start:end]
        # A quoted "[2]" (a reference list, a footnote) would read as one of our markers.
        quotes.append(re.sub(r"\[(\d+)\]", r"(\1)", text) + f" [{n}]")
        quoted.append(where)
    body = " ".join(quotes)
    answer_lang = lang if in_lang else doc_lang(index, hits[0])
    if not in_lang:
        body = f"{phrase('according_to', lang)} {body}"
    if decision.unsure:
        body = f"{phrase('unsure', lang)} {body}"
    return Answer(
        question, lang, True, body, tuple(citations), answer_lang, decision=decision,
        unsure=decision.unsure,
    )  # fmt: skip
