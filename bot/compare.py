"""Comparisons: Beijing against Shanghai on what the reader asks, each city's facts cited in its
own column, and the article's own verdict when one of its sentences ranks the two (never one it
does not state)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.abstain import Abstainer, refusal
from bot.answer import Answer, Side, weigh
from bot.asked import PLACES, places
from bot.citations import Citation
from bot.facts import is_content, is_question, refers_back, sentence_text
from bot.focus import SENTENCE_MARGIN, close, sentence_matrix
from bot.index import Index
from bot.ingest import Passage
from bot.phrases import phrase
from bot.retrieve import Retrieval
from bot.summarize import choose
from bot.summary import Point, cited_points
from bot.target import ALIASES
from bot.tokens import tokenize

VERDICT = "verdict"
# Passages retrieved for a comparison; points per city and for the verdict, at most (dev split of
# eval/subject_summaries.jsonl, `python bench/subject_summary_quality.py --sweep`).
PASSAGES = 5
SIDE_POINTS = 4
VERDICT_POINTS = 2
# A sentence that names both cities and ranks them ("n° 1 à Pékin, n° 4 à Shanghai", "Shanghai
# est juste derrière Pékin", "领先上海") states a verdict. Words of the sources' languages that
# rank or compare: the article is French; the test documents are Chinese, Spanish and Russian.
RANKING = re.compile(
    r"n\s?°\s?\d|\b(?:premi[eè]re?|deuxi[eè]me|troisi[eè]me|quatri[eè]me|derri[eè]re|devant|"
    r"en (?:t[eê]te|avance)|meilleure?|plus (?:d'avantages|fort|forte)|respectivement|"
    r"first|second|third|fourth|ahead|behind|leads?|ranks?|primer[oa]?|segund[oa]|tercer[oa]?|"
    r"delante|detr[aá]s|перв\w*|втор\w*|трет\w*|впереди|позади)\b|第[一二三四五]|领先|落后|排名|位居",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Comparison:
    """A comparison's points, city by city, then the verdict; or a refusal (no points)."""

    lang: str
    answer_lang: str
    sides: tuple[tuple[str, tuple[Point, ...]], ...]  # (side, its points), in PLACES order
    lead: str = ""  # "According to the article…" when quoted from the source, or the refusal
    answered: bool = True


def side_of(passage: Passage, n: int) -> str | None:
    """The city sentence `n` of `passage` is about: the one it names (the first, when it names
    both), else the one its passage or its nearest heading naming one city names; None when
    that is both or neither."""
    text = sentence_text(passage, n)
    named = places(text)
    if len(named) > 1:
        return min(named, key=lambda city: _first_mention(text, city))
    if not named and not refers_back(text):
        named = places(passage.text)
    for heading in reversed(passage.section_path):
        if named:
            break
        named = places(heading)
    return next(iter(named)) if len(named) == 1 else None


def _first_mention(text: str, city: str) -> int:
    """Where `text` first names `city` (len(text) when it does not)."""
    folded = text.casefold()
    found = [folded.find(name.rstrip("*")) for name in ALIASES[city]]
    return min((at for at in found if at >= 0), default=len(text))


def is_verdict(passage: Passage, n: int) -> bool:
    """Whether sentence `n` of `passage` (a heading too) names both cities and ranks them (a
    question, "qui est le plus fort ?", ranks nothing)."""
    text = sentence_text(passage, n)
    return (
        len(places(text)) == len(PLACES)
        and RANKING.search(text) is not None
        and not is_question(text)
    )


def choose_sides(
    index: Index, retrieval: Retrieval, asked: frozenset[str]
) -> dict[str, list[tuple[int, int]]]:
    """The (passage row, sentence number) pairs of each city and of the verdict, in text order:
    each city's chosen among the sentences close to the request (bot.focus) by the summaries'
    rules (bot.summarize); the verdict among the sentences of those passages and the headings
    over them that rank the two cities on something `asked` (search words of the request; a
    sentence's words include its translations'), closest first."""
    rows, candidates = close(index, retrieval, PASSAGES)
    around = set(rows) | {heading_over(index, row) for row in rows}
    # As close as a city's sentences must be: a ranking on another measure is no verdict here.
    floor = max((max(h.sentence_scores, default=-1.0) for h in retrieval.hits), default=0.0)
    floor -= SENTENCE_MARGIN
    verdicts = sorted(
        ((score, hit.row, n)
         for hit in retrieval.hits if hit.row in around
         for n, score in enumerate(hit.sentence_scores)
         if score >= floor and hit.sentence_words[n] & asked and is_verdict(hit.passage, n)),
        reverse=True,
    )  # fmt: skip
    chosen = {VERDICT: sorted((row, n) for _, row, n in verdicts[:VERDICT_POINTS])}
    vectors = sentence_matrix(index)
    for side in PLACES:
        own = [
            (row, n)
            for row, n in candidates
            if (row, n) not in chosen[VERDICT] and side_of(index.passages[row], n) == side
        ]
        total = min(SIDE_POINTS, len(own))
        chosen[side] = (
            choose(index.passages, vectors, own, total, rows, index.passage_first_sentence)
            if own
            else []
        )
        if not own:  # nothing close on this city: its closest statement among the passages
            chosen[side] = _closest(retrieval, side, chosen[VERDICT])
    return chosen


def _closest(
    retrieval: Retrieval, side: str, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The retrieved content sentence about `side` closest to the request, if any."""
    found = [
        (score, hit.row, n)
        for hit in retrieval.hits
        for n, score in enumerate(hit.sentence_scores)
        if (hit.row, n) not in taken
        and is_content(hit.passage, n)
        and side_of(hit.passage, n) == side
    ]
    return [max(found)[1:]] if found else []


def measure(question: str, langs: tuple[str, ...]) -> frozenset[str]:
    """The search words of `question` (in `langs`) that say what it compares on: not the cities,
    not "compare", not a number (headings are numbered)."""
    names = (name.rstrip("*") for concept in (*PLACES, "comparison") for name in ALIASES[concept])
    generic = set(tokenize(" ".join(names), langs))
    return frozenset(t for t in tokenize(question, langs) if not t.isdigit() and t not in generic)


def heading_over(index: Index, row: int) -> int:
    """The row of the heading the passage at `row` comes under (itself if none)."""
    doc_id = index.passages[row].doc_id
    for before in range(row - 1, -1, -1):
        passage = index.passages[before]
        if passage.doc_id != doc_id:
            break
        if passage.heading:
            return before
    return row


def compare(
    index: Index, abstainer: Abstainer, question: str, retrieval: Retrieval, lang: str
) -> Comparison:
    """The cited comparison `question` asks for (retrieved as `retrieval`), in `lang` where the
    editions allow; a refusal when the article says nothing of it."""
    _, signals, terms, fit = weigh(question, retrieval, index)
    decision = abstainer.decide(signals, terms, fit)
    chosen = choose_sides(index, retrieval, measure(question, (lang, *index.lexical.langs)))
    # Two cities named make any comparison look answerable, or not: the refusal is believed when
    # the request also names something the article never writes ("housing prices").
    if (decision.abstains and terms.missing) or not any(chosen.values()):
        return Comparison(lang, lang, (), refusal(decision, lang), answered=False)
    if decision.abstains:  # where bot would not answer "which is ahead?", it states no verdict
        chosen[VERDICT] = []
    order = [(side, where) for side in (*PLACES, VERDICT) for where in sorted(chosen[side])]
    points, answer_lang = cited_points(index, [where for _, where in order], lang)
    sides = tuple(
        (side, tuple(p for (s, _), p in zip(order, points, strict=True) if s == side))
        for side in (*PLACES, VERDICT)
        if chosen[side]
    )
    lead = "" if answer_lang == lang else phrase("according_to", lang)
    return Comparison(lang, answer_lang, sides, lead)


def comparison_answer(question: str, comparison: Comparison) -> Answer:
    """A comparison as an answer object: each side's label on a line, then its points, numbered
    [1], [2]… as citations; `sides` says which numbers are whose."""
    lang = comparison.lang
    if not comparison.answered:
        return Answer(question, lang, False, comparison.lead, (), lang, "not_found")
    lines = [comparison.lead] if comparison.lead else []
    citations: list[Citation] = []
    sides = []
    for side, points in comparison.sides:
        label = phrase(side, lang)
        lines.append(f"{label}:")
        numbers = []
        for point in points:
            n = len(citations) + 1
            citations.append(Citation(**{**point.citations[0].__dict__, "n": n}))
            lines.append(point.text.removesuffix(" [1]") + f" [{n}]")
            numbers.append(n)
        sides.append(Side(side, label, tuple(numbers)))
    return Answer(
        question, lang, True, "\n".join(lines), tuple(citations), comparison.answer_lang,
        "comparison", sides=tuple(sides),
    )  # fmt: skip
