"""How the best sentence fits what a question asks, gathered for the refusal (bot.abstain): the
kind of answer asked and whether the sentence states one (bot.asked, bot.stated), of the
attribute asked (bot.attributes), exact when an exact figure is asked (bot.exactness), not the
figure the question gives (bot.premise), not new ones for how many there are (bot.additions), a
title for a title (bot.titles), the counter asked (bot.counters), bound to the city and year
asked (bot.binding); and the heading that ranks the city asked when the sentence does not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.additions import counts_new_ones
from bot.asked import Expected, expected
from bot.attributes import BY_YEAR, unnamed
from bot.binding import (
    CLAUSE,
    asked_places,
    bound,
    held_by,
    named_places,
    other_year,
    states_a_rank,
)
from bot.counters import counts_other_things
from bot.exactness import approximate_only
from bot.numbers import YEAR
from bot.people import names_someone_else, opens_with_a_group, post_asked
from bot.premise import (
    FIGURES,
    answers_nothing_asked,
    asks_a_part,
    figures_left,
    names_nothing_asked,
    sets_aside_all_given,
    whole_unstated,
)
from bot.rankings import asks_a_rank, asks_ranking, position_asked, reaches
from bot.stated import Reading, states
from bot.target import places
from bot.titles import title_unstated
from bot.tokens import CJK

# A count of cities ("dans les 50 premières villes", "50个主要城市", "상위 50개 도시"): the scope
# of a ranking, no answer to how many of something else.
_CITY_WORD = r"villes?|cit(?:y|ies)|ciudad(?:es)?|städte\w*|stadt|città|cidades?|город\w*|مدن|مدينة"
_CITY_COUNT = re.compile(
    rf"\d+(?:\s*(?:\w+\s+){{0,2}}?|\S{{0,4}}?)(?:{_CITY_WORD}|城市|都市|도시)", re.IGNORECASE
)
# A deputy's post: "vice president", "副总裁", "부사장", "نائب الرئيس" (the word before the post).
_DEPUTY = re.compile(r"(?:vice|vize|вице)[- ]?$|نائب\s+$|[副부]$")
# By what year asked: "by what year", "¿para qué año?", "bis wann", "몇 년까지", "何年までに".
_DEADLINE = re.compile(
    r"\b(?:by what year|by when|d'ici quelle année|para qu[eé] año|hasta qu[eé] año|bis wann|"
    r"bis zu welchem jahr|zu welchem jahr|entro (?:che|quale) anno|entro quando|at[ée] que ano|"
    r"at[ée] quando|к какому году|до какого года|بحلول أي عام)\b|到哪一年|哪年之前|何年まで|"
    r"몇\s?년까지",
    re.IGNORECASE,
)
# A period, its end year after a dash: "(2023-2025)", "2023～2025年", "2023—2025年".
_PERIOD = re.compile(r"20\d\d\s*[-–—~～]\s*20\d\d")
_CITIES_ASKED = re.compile(rf"\b(?:{_CITY_WORD})\b|城市|都市|도시", re.IGNORECASE)
# Which place asked: "which region", "quelles autres villes", "哪个省", "どの地域", "어느 지역".
_WHICH_PLACE = re.compile(
    r"\b(?:which|what|quel(?:le)?s?|qu[eé]|cu[aá]l(?:es)?|welche[mnrs]?|quale?|quali|que|quais?|"
    r"как(?:ой|ая|ие|их|ом)|أي)\s+(?:\w+\s+)?(?:cit(?:y|ies)|regions?|provinces?|villes?|"
    r"r[ée]gions?|ciudad(?:es)?|regi[oó]n(?:es)?|provincias?|st[äa]dte?|provinz(?:en)?|città|"
    r"region[ei]|regi[ãa]o|regi[õo]es|cidades?|prov[ií]ncias?|город\w*|регион\w*|провинц\w*|"
    r"مدينة|منطقة|مقاطعة)\b|哪(?:个|些|座)?(?:城市|地区|省)|どの(?:都市|地域|省)|"
    r"어느 (?:도시|지역|성)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Fit:
    """How the best sentence fits what the question asks: the kind of answer expected (or a
    place in a ranking), whether the sentence states one (and names the attribute asked),
    whether its value is bound to the city and year asked about, and which of the two cities
    the question names (for the refusal's wording)."""

    expected: Expected | None = None
    stated: bool = True
    bound: bool = True
    places: tuple[str, ...] = ()
    held_by: str | None = None  # the other city, when the value found is bound to it
    rank: bool = False  # a place in a ranking is asked
    year: str | None = None  # the year asked, when the sentence gives others and not it
    attribute: str | None = None  # an attribute asked the sentence does not name (headquarters…)
    # A date asked that the sentence's lead-in states ("by 2025, …" before a list of goals):
    # where that lead-in is (passage row, sentence), for the answer to quote it too.
    dated_by: tuple[int, int] | None = None
    approximate: bool = False  # an exact count asked, approximate ones given (bot.exactness)
    part: bool = False  # a part of a counted whole asked, and only the whole given (bot.premise)
    # A place in a ranking asked that the sentence does not state and the heading over it does
    # for the city asked ("2. Densité : Pékin et Shanghai se classent deuxième et troisième"):
    # the heading, (passage row, sentence), for the answer to quote first.
    ranked_by: tuple[int, int] | None = None

    @property
    def date_unstated(self) -> bool:
        """A date, day or month asked and none stated: refused at any odds (bot.abstain)."""
        return self.expected in ("date", "day", "month") and not self.stated


def check(question: str, reading: Reading, listed: frozenset[str] = frozenset()) -> Fit:
    """How the sentence `reading` fits what `question` asks (`listed`: the other places the
    corpus lists in the reading's language)."""
    kind = expected(question)
    attribute = unnamed(question, reading.text, reading.english)
    is_bound = bound(question, reading.text, reading.lang, listed, reading.about, reading.years)
    # A value that may be the asked city's is held by no other: its clauses are read once.
    other = (
        None if is_bound else held_by(question, reading.text, reading.lang, listed, reading.about)
    )
    # "When will the core industry reach 300 billion?": its lead-in says by when, when the
    # sentence names no date of its own (read only when a date is asked).
    undated = kind == "date" and not states(reading.text, reading.lang, kind, reading.english)
    # Checked here only: an exact count asked is better refused, the approximate one shown among
    # the nearest passages, than answered by another sentence's exact count.
    approximate = approximate_only(question, reading)
    restated = (
        answers_nothing_asked(question, reading)
        or names_nothing_asked(question, reading)
        or sets_aside_all_given(question, reading)
        or whole_unstated(question, reading)
        or _a_places_share(question, reading, listed)
        or _beyond_the_list(question, reading)
        or _no_place_named(question, reading, listed)
        or _no_deadline(question, reading)
        or counts_new_ones(question, reading)
        or title_unstated(question, reading)
        or counts_other_things(question, reading)
    )
    return Fit(
        kind,
        states_asked(question, reading)
        and not approximate
        and not restated
        and attribute is None
        and (
            kind not in ("person", "head")
            or names_someone_else(question, reading.text, reading.lang, reading.english)
            or kind == "person"
            and opens_with_a_group(reading.english)
        )
        and (kind != "head" or states_the_post(question, reading.text)),
        is_bound,
        tuple(sorted(places(question))),
        other,
        kind is None and asks_a_rank(question),
        year_asked(question)
        if not is_bound and other_year(question, reading.text, reading.years)
        else None,
        attribute,
        reading.dated if undated else None,
        approximate,
        restated and asks_a_part(question, reading.lang),
        _ranked_by(question, reading, listed),
    )


def _ranked_by(question: str, reading: Reading, listed: frozenset[str]) -> tuple[int, int] | None:
    """The heading over `reading` when `question` asks one city's place in a ranking that the
    sentence does not state and the heading does, naming that city (see Fit.ranked_by)."""
    if reading.heading is None or expected(question) is not None or not asks_a_rank(question):
        return None
    asked = named_places(question, listed)
    row, heading = reading.heading
    if len(asked) != 1 or states_a_rank(reading.text) or not states_a_rank(heading):
        return None
    return (row, 0) if asked <= named_places(heading, listed) else None


def _no_place_named(question: str, reading: Reading, listed: frozenset[str]) -> bool:
    """Whether `question` asks which city or region, naming one city at most, and `reading`
    names no place but those it names: "After Shanghai, which region has issued the most…?" and
    "As one of the first regions to…, Shanghai has…". Not of a ranking asked: the ranking
    follows the sentence saying how it was made (bot.candidates.ranking_first)."""
    if not _WHICH_PLACE.search(question) or len(places(question)) > 1 or asks_ranking(question):
        return False
    return not named_places(reading.text, listed) - named_places(question, listed)


def _no_deadline(question: str, reading: Reading) -> bool:
    """Whether `question` asks by or until what year and `reading` names no year things are to
    happen by, nor a period's end (in its text or English edition, or its lead-in's): "¿Para
    qué año quiere Shanghái…?" is not answered by "entre 2013 y 2021, …"; "(2023-2025)" ends a
    plan's period."""
    return bool(
        _DEADLINE.search(question)
        and not any(
            p.search(t) for p in (BY_YEAR, _PERIOD) for t in (reading.text, reading.english)
        )
        and reading.dated is None
    )


def _a_places_share(question: str, reading: Reading, listed: frozenset[str]) -> bool:
    """Whether `question` asks a part of a counted whole and names no place, and each clause of
    `reading` giving a smaller figure names one: "其中北京占38个" is Beijing's share of the 79
    models, not how many of them are open source."""
    figure = expected(question) in FIGURES
    part = asks_a_part(question, reading.lang)
    if not figure or not part or asked_places(question, listed, reading.lang):
        return False
    parts = [
        clause
        for clause in CLAUSE.split(reading.text)
        if figures_left(question, clause, reading.lang)
    ]
    return bool(parts) and all(named_places(clause, listed) for clause in parts)


def _beyond_the_list(question: str, reading: Reading) -> bool:
    """Whether `question` asks who holds a place beyond the fifth that no sentence around
    `reading` (its passage, heading and the passage before) reaches: "Welche Stadt belegt Platz
    sechs…?" and "Die 5 führenden Städte sind …"."""
    position = position_asked(question)
    if position is None or not asks_ranking(question):
        return False
    return not any(reaches(text, position) for text, _ in reading.context)


def states_the_post(question: str, sentence: str) -> bool:
    """Whether `sentence` names the post `question` asks who holds, in the question's words (a
    word's first five letters: "presidente", "presidenta"), a deputy's only when a deputy is
    asked: "Wer leitet TF Securities?" is not answered by its analyst, "¿Quién es el consejero
    delegado de HTC?" nor "من هو الرئيس التنفيذي لشركة HTC؟" by its vice president."""
    question, sentence = question.casefold(), sentence.casefold()
    post = post_asked(question) or ""
    stem = post if CJK.search(post) or " " in post else post[:5]
    deputy = bool(_DEPUTY.search(question[: question.find(post)]))
    return any(
        bool(_DEPUTY.search(sentence[: at.start()])) == deputy
        for at in re.finditer(re.escape(stem), sentence)
    )


def states_asked(question: str, reading: Reading) -> bool:
    """Whether `reading` states an answer of the kind `question` asks (Reading.states), not only
    counts of the cities a ranking covers."""
    return reading.states(expected(question)) and not counts_only_cities(question, reading)


def counts_only_cities(question: str, reading: Reading) -> bool:
    """Whether every figure `reading` states counts cities, when `question` asks how many of
    something else ("深圳的软件和信息硬件企业数量具体是多少家？" and "我们统计了50个主要城市的
    软硬件企业数量")."""
    if expected(question) != "quantity" or _CITIES_ASKED.search(question):
        return False
    if not _CITY_COUNT.search(reading.text):
        return False
    return not states(_CITY_COUNT.sub(" ", reading.text), reading.lang, "quantity")


def year_asked(question: str) -> str | None:
    """The year `question` names, when it names one."""
    years = set(YEAR.findall(question))
    return years.pop() if len(years) == 1 else None
