"""Comparisons: Beijing against Shanghai on what the reader asks, each city's facts cited in its
own column, and below them the article's sentences that rank the two ("How the article ranks
them": its verdict when it states one, never one it does not state)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bot.abstain import Abstainer
from bot.answer import weigh
from bot.candidates import SENTENCE_OVERLAP, Evidence, rank_sentences
from bot.facts import is_content, sentence_text
from bot.focus import SENTENCE_MARGIN, SentenceRows, content, near
from bot.index import Index
from bot.lang import detect_lang
from bot.phrases import not_mentioned, phrase
from bot.rankings import enumerates
from bot.refusal import refusal
from bot.request_refusal import attribute_unstated, measure_missing, says_nothing_about
from bot.retrieve import Retrieval, merge, retrieve
from bot.sections import heading_over, scored, section
from bot.sides import is_verdict, sides_of
from bot.summarize import choose
from bot.summary import Point, cited_points
from bot.target import ALIASES, PLACES, places, without_names
from bot.tokens import tokenize

VERDICT = "verdict"
# Lists of places among a city's best: each city's fact, shown with the verdict (which a doubted
# request does without).
LISTS = "lists"
# Passages retrieved for a comparison (both cities need finding: more than for an answer); points
# per city and verdict sentences (besides the headings that rank the two), at most (dev split
# of eval/subject_summaries.jsonl, `python bench/subject_summary_quality.py --sweep`: 15
# passages and 3 verdict points found
# both cities' facts in 0.783 of the requests, against 0.717 with 10 and 2, for 9.9 points a
# reply against 8.2; with the measure searched too, 5 points a city find them in 0.870 against
# 0.826 with 4, for 10.8 points a reply against 9.5).
PASSAGES = 15
SIDE_POINTS = 5
# How far below the best passage one may score and still be read: the rest is about something else.
PASSAGE_MARGIN = 0.05
VERDICT_POINTS = 3
# The passages of the best sentences are read for a verdict too, wherever the search ranks them:
# the article's overall verdict ("Pékin est légèrement meilleur…") was fifth among the sentences
# for "quem é mais forte no digital?", its passage below the fifteen read (dev: both cities'
# facts 0.82 → 0.83 with 10; 5: 0.82, 20: 0.83).
TOP_SENTENCES = 10
# A city's column is filled from its best sentences of the whole corpus that share a word with
# the measure, among its SIDE_SEARCH best, words shared counting as in the answer's ranking
# (dev: both cities' facts 0.83 → 0.85, for 15.4 points a reply against 14.1; the words not
# counted, 0.83; 100 sentences, the same for 15.6 points).
SIDE_SEARCH = 50
# What frames a comparison, not what it is on: the cities, "compare", "differ" (target.ALIASES).
FRAMING = (*PLACES, "comparison", "difference")


@dataclass(frozen=True)
class Comparison:
    """A comparison's points, city by city, then the verdict; or a refusal (no points)."""

    lang: str
    answer_lang: str
    sides: tuple[tuple[str, tuple[Point, ...]], ...]  # (side, its points), in PLACES order
    lead: str = ""  # "According to the article…" when quoted from the source, or the refusal
    answered: bool = True


@dataclass(frozen=True)
class Searched:
    """What a comparison reads: the request's search merged with its measure's (for the refusal
    and the verdict), and the measure's own (each city's facts first; None: no measure)."""

    merged: Retrieval
    measure: Retrieval | None = None


def near_rows(retrieval: Retrieval, depth: int) -> tuple[int, ...]:
    """The rows of the first `depth` passages of `retrieval` that score near the best."""
    best = retrieval.hits[0].score if retrieval.hits else 0.0
    return tuple(h.row for h in retrieval.hits[:depth] if h.score >= best - PASSAGE_MARGIN)


def best_sentence_rows(index: Index, retrieval: Retrieval, k: int) -> set[int]:
    """The passage rows of the `k` sentences that score best for the request, wherever their
    passages rank."""
    return {int(index.sentence_passage[i]) for i in _best_sentences(retrieval, k)}


def _best_sentences(retrieval: Retrieval, k: int) -> np.ndarray:
    """The rows of the `k` sentences of the whole corpus that score best for `retrieval`."""
    pool = retrieval.sentence_pool
    k = min(k, pool.size)
    return np.argpartition(-pool, k - 1)[:k] if k > 0 else np.empty(0, dtype=np.int64)


def choose_sides(
    index: Index,
    retrieval: Retrieval,
    ranked: list[Evidence],
    asked: frozenset[str],
    measure: Retrieval | None = None,
) -> dict[str, list[tuple[int, int]]]:
    """The (passage row, sentence number) pairs of each city, of the verdict and of LISTS.
    The verdict: among the sentences of the passages near the best, of those holding the
    TOP_SENTENCES best sentences, and of the headings over them, those that rank the two cities
    on something `asked` (search words of the request; a sentence's words include its
    translations'), most shared words first, then closest. Each
    city: its own sentences that fit the measure best (`measure`, its search without the
    cities' names, ranked by its words), then those that fit the request (`ranked`, the answer
    path's ranking), then those of the section a verdict heading heads ("2. Densité : Pékin et
    Shanghai se classent deuxième et troisième" heads "les 10 premières villes sont Shenzhen,
    Pékin, Shanghai…"), then its best of the whole corpus; within SENTENCE_MARGIN of its
    closest one: one city's facts often score below the other's. A list of places among a
    city's best goes to LISTS."""
    rows = near_rows(retrieval, PASSAGES)
    read = set(rows) | best_sentence_rows(index, retrieval, TOP_SENTENCES)
    around = sorted(read | {heading_over(index, row) for row in read})
    # As close as a city's sentences must be: a ranking on another measure is no verdict here.
    # Among those, the one sharing most words with the request ranks on what it asks: e5 puts
    # "Part du numérique", "Densité" and "Quantité totale" within 0.01 of "proporción de
    # patentes digitales"; the words (a sentence's include its translations') tell them apart.
    floor = retrieval.closest_hit_sentence - SENTENCE_MARGIN
    verdicts = sorted(
        ((len(shared), score, row, n) for row, n, score in scored(index, retrieval, around)
         if score >= floor
         and (shared := index.sentence_words[index.passage_first_sentence[row] + n] & asked)
         and is_verdict(index.passages[row], n)),
        reverse=True,
    )  # fmt: skip
    # The headings that rank the two ("3. Part du numérique : n° 1 à Shanghai, n° 3 à Pékin")
    # are the article's scorecard, each a line: all are shown; sentences, VERDICT_POINTS (dev:
    # both cities' facts 0.78 → 0.81, for 13.6 points a reply against 12.0).
    ranked_by = [(row, n) for _, _, row, n in verdicts]
    headings = [where for where in ranked_by if index.passages[where[0]].heading]
    sentences = [where for where in ranked_by if where not in headings][:VERDICT_POINTS]
    chosen = {VERDICT: [w for w in ranked_by if w in headings or w in sentences], LISTS: []}
    headed = headings[0][0] if headings else None
    measured = [] if headed is None else section(index, headed)
    shown = set(chosen[VERDICT])
    found = [(score, where) for score, where in _by_measure(index, measure)
             if where not in shown]  # fmt: skip
    have = shown | {where for _, where in found}
    found += [(score, where) for score, where in content(index, retrieval, ranked)
              if where not in have]  # fmt: skip
    # After them, the rest of the measure's section, closest first: the figures under the
    # heading that ranks the two cities on it, when the search did not reach them.
    have = shown | {where for _, where in found}
    found += sorted(
        ((score, (row, n)) for row, n, score in scored(index, retrieval, measured)
         if (row, n) not in have and is_content(index.passages[row], n)),
        reverse=True,
    )  # fmt: skip
    cities = {where: sides_of(index.passages[where[0]], where[1]) for _, where in found}
    # Lists of places ("Pékin, Shanghai, Shenzhen, Ningbo et Chongqing."), not a clause per city.
    listed = {where for where, named in cities.items() if len(named) > 1
              and enumerates(sentence_text(index.passages[where[0]], where[1]))}  # fmt: skip
    best_of = _by_city(index, measure or retrieval)
    for side in PLACES:
        own = [(score, where) for score, where in found
               if side in cities[where] and where not in shown]  # fmt: skip
        # After them, the city's best sentences of the whole corpus: a short column is filled
        # (for "Große KI-Modelle und generative KI" most passages read were Beijing's).
        have = shown | {where for _, where in own}
        own += [(score, where) for score, where in best_of[side] if where not in have][:SIDE_POINTS]
        close = near(own, max((score for score, _ in own), default=0.0))
        # A sentence naming the city leads its column, before those that are its facts only by
        # their passage: how the patents were counted had crowded out "30 institutions ont leur
        # siège à Pékin" (dev: both cities' facts 0.77 → 0.78).
        named = next((where for where in close if side in places(sentence_text(
            index.passages[where[0]], where[1]))), None)  # fmt: skip
        close.sort(key=lambda where: where != named)
        # A list ranks both: shown once, with the rankings, it leaves the city its points.
        lists = [where for where in close[:SIDE_POINTS] if where in listed]
        best = [where for where in close if where not in listed][:SIDE_POINTS]
        # The summaries' rules drop repeats and bring the sentence a point leans on.
        read = sorted({row for row, _ in best} | set(rows))
        chosen[side] = choose(
            index.passages, SentenceRows(index), best, len(best), read,
            index.passage_first_sentence,
        ) if best else []  # fmt: skip
        chosen[LISTS] += lists
        shown |= set(chosen[side]) | set(lists)
    return chosen


def _by_city(index: Index, retrieval: Retrieval) -> dict[str, list[tuple[float, tuple[int, int]]]]:
    """Each city's own content sentences among the SIDE_SEARCH that score best for `retrieval`
    in the whole corpus, words shared counting as in the answer's ranking, best first."""
    words = set(tokenize(retrieval.query, (retrieval.lang, *index.lexical.langs)))
    found: dict[str, list[tuple[float, tuple[int, int]]]] = {side: [] for side in PLACES}
    for i in _best_sentences(retrieval, SIDE_SEARCH):
        row = int(index.sentence_passage[i])
        n = int(i - index.passage_first_sentence[row])
        passage = index.passages[row]
        # A list of places is both cities' fact: the rankings show it, not a column.
        cities = sides_of(passage, n)
        if len(cities) != 1 or not is_content(passage, n):
            continue
        # One sharing no word with the measure is about something else: Huang Zhaoying's quotes
        # were among Shanghai's best for "little giants".
        shared = len(words & index.sentence_words[i])
        if shared:
            score = float(retrieval.sentence_pool[i]) + SENTENCE_OVERLAP * shared / len(words)
            found[next(iter(cities))].append((score, (row, n)))
    return {side: sorted(scored, reverse=True) for side, scored in found.items()}


def _by_measure(index: Index, measure: Retrieval | None) -> list[tuple[float, tuple[int, int]]]:
    """The content sentences of the measure's search near its best, ranked by its words (the
    cities' names lift any sentence naming a city; further down, "little giants" met quotes)."""
    if measure is None:
        return []
    near_best = set(near_rows(measure, PASSAGES))
    ranked = content(index, measure, rank_sentences(measure, index.lexical.langs))
    return [(score, where) for score, where in ranked if where[0] in near_best]


def measure(question: str, langs: tuple[str, ...]) -> frozenset[str]:
    """The search words of `question` (in `langs`) that say what it compares on: not the cities,
    not "compare" or "differ", not a number (headings are numbered)."""
    names = (name.rstrip("*") for concept in FRAMING for name in ALIASES[concept])
    generic = set(tokenize(" ".join(names), langs))
    return frozenset(t for t in tokenize(question, langs) if not t.isdigit() and t not in generic)


def measure_text(query: str) -> str:
    """What `query` compares on: its words without the cities and the words that ask to compare
    or how they differ ("Compare as políticas de Pequim e de Xangai" → "as políticas de e de");
    "" when nothing else is left."""
    left = without_names(query, FRAMING)
    return left if any(c.isalnum() for c in left) else ""


def search(
    index: Index, vector: np.ndarray, query: str, embed: Callable[[str], np.ndarray]
) -> Searched:
    """What a comparison reads for `query` (embedded as `vector`; `embed` embeds its
    `measure_text`): both cities need finding, so more passages than an answer, and the
    passages close to the measure alone. A request naming both cities is closest to the
    sentences that name both (the rankings part), which crowd out each city's own facts:
    Beijing's policies for "Compare as políticas de Pequim e de Xangai" (dev: both cities'
    facts 0.783 → 0.826)."""
    lang = detect_lang(query)
    found = retrieve(index, vector, query, lang, PASSAGES)
    text = measure_text(query)
    if not text:
        return Searched(found)
    alone = retrieve(index, embed(text), text, lang, PASSAGES)
    return Searched(merge(found, alone, PASSAGES), alone)


def compare(
    index: Index, abstainer: Abstainer, question: str, searched: Searched, lang: str
) -> Comparison:
    """The cited comparison `question` asks for (searched as `searched`), in `lang` where the
    editions allow; a refusal when the article says nothing of it."""
    retrieval = searched.merged
    ranked, signals, terms, fit = weigh(question, retrieval, index)
    decision = abstainer.decide(signals, terms, fit)
    unknown = measure_missing(measure_text(question), retrieval.lang, index.vocabulary, decision)
    if unknown:  # "¿Qué ciudad tiene más aeropuertos?": nothing in the article to compare
        return Comparison(lang, lang, (), not_mentioned(list(unknown), lang), answered=False)
    asked = measure(question, (lang, *index.lexical.langs))
    chosen = choose_sides(index, retrieval, ranked, asked, searched.measure)
    # Two cities named make any comparison look answerable, or not: a request, not a question.
    if says_nothing_about(decision, question, comparison=True) or not any(chosen.values()):
        return Comparison(lang, lang, (), refusal(decision, lang), answered=False)
    said = [sentence_text(index.passages[row], n) for where in chosen.values() for row, n in where]
    attribute = attribute_unstated(question, said)
    if attribute:  # "Which has more inhabitants?" and no sentence on population
        return Comparison(lang, lang, (), phrase(f"no_{attribute}", lang), answered=False)
    if decision.abstains:  # where bot would not answer "which is ahead?", it states no verdict
        chosen[VERDICT] = []
    chosen[VERDICT] += chosen.pop(LISTS)
    return cited_comparison(index, chosen, lang)


def cited_comparison(
    index: Index, chosen: dict[str, list[tuple[int, int]]], lang: str
) -> Comparison:
    """The comparison of the (passage row, sentence number) pairs `chosen` for each city (in
    text order) and the verdict (as chosen: what ranks the two on the request first), cited in
    `lang` where the editions allow."""
    order = [(side, where) for side in (*PLACES, VERDICT)
             for where in (chosen[side] if side == VERDICT else sorted(chosen[side]))]  # fmt: skip
    points, answer_lang = cited_points(index, [where for _, where in order], lang)
    sides = tuple(
        (side, tuple(p for (s, _), p in zip(order, points, strict=True) if s == side))
        for side in (*PLACES, VERDICT)
        if chosen[side]
    )
    lead = "" if answer_lang == lang else phrase("according_to", lang)
    return Comparison(lang, answer_lang, sides, lead)
