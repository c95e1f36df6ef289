"""Whose value a sentence gives, and how the best sentence fits what a question asks.

A figure, a share, a sum, a date or a place in a ranking stated in a clause is bound to the city
or place that clause names, else to the one named before it, or to the whole country ("… à
travers le pays"); the first clause naming none speaks of the city its passage is about. It
answers a question only when it may be bound to the place, and the year, the question asks
about. "Combien d'universités à Shanghai ?" finds "Pékin en compte 34, loin devant le Jiangsu,
Shanghai": the place is there, but the number is Beijing's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.asked import Expected, Reading, expected, states
from bot.attributes import unnamed
from bot.exactness import approximate_only
from bot.numbers import YEAR
from bot.people import names_someone_else
from bot.premise import FIGURES, answers_nothing_asked, asks_a_part, figures_left
from bot.rankings import asks_a_rank, asks_ranking, enumerates
from bot.target import PLACES, places
from bot.term import QUOTED_TITLE
from bot.tokens import CJK

# Clauses: what a figure in one is bound to is in that clause.
_CLAUSE = re.compile(r"[,;:，；：、،؛]|\s[-–—]\s")
# A clause about the whole country ("147 … à travers le pays", "全国共有147所", "landesweit 18
# Einheiten"): its figure is the country's, not the city named before it. Not "全国领先",
# "landesweit den ersten Platz", "전국 1위", "первое место в стране": there the country is where
# a city ranks.
_NATIONWIDE = re.compile(
    r"à travers le pays|dans tout le pays|across the country|en todo el país|im ganzen land|"
    r"in tutto il paese|em todo o país|по всей стране|全国共|全國共|全国には|전국에|أنحاء البلاد|"
    r"landesweit\s+\d|(?:全[国國]の?|전국)\s*\d+(?![\d\s]*[位위])",
    re.IGNORECASE,
)
COUNTRY = "country"
# The country named in a question ("…في الصين، وما موقع شنغهاي منها؟", "in all of China"): its
# figure is asked too.
_COUNTRY_ASKED = re.compile(
    r"\bchin(?:a|e|as|a's)\b|\bcina\b|китай\w*|китае|الصين|中国|中國|全国|全國|중국|전국",
    re.IGNORECASE,
)
# The kinds of answer a clause binds to a city or a year.
VALUES = ("quantity", "share", "money", "date", "day")
# A place in a ranking stated in a clause, in the eleven languages ("se classe au premier rang",
# "No. 3 Beijing", "位居第三", "3위"): bound to the city the clause names, as a figure is.
_RANK_STATED = re.compile(
    r"\b(?:first|second|third|fourth|fifth|top|no\.\s?\d|ranks?|ranked|ranking|"
    r"premi[eè]re?|deuxi[eè]me|troisi[eè]me|quatri[eè]me|rang|n\s?°\s?\d|"
    r"primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|puesto|lugar|"
    r"erste[nmrs]?|zweite[nmrs]?|dritte[nmrs]?|vierte[nmrs]?|platz|"
    r"prim[oa]|terz[oa]|posto|posizione|primeir[oa]|terceir[oa]|posi[çc][ãa]o|"
    r"перв\w*|втор\w*|трет\w*|четв[её]рт\w*|мест\w*)\b|"
    r"المرتبة|المركز|第[一二三四五六七八九十\d]|[一二三四五\d]位|\d\s?위|번째|순위|番目|順位|首位|榜首|居首",
    re.IGNORECASE,
)

# A count of cities ("dans les 50 premières villes", "50个主要城市", "상위 50개 도시"): the scope
# of a ranking, no answer to how many of something else.
_CITY_WORD = r"villes?|cit(?:y|ies)|ciudad(?:es)?|städte\w*|stadt|città|cidades?|город\w*|مدن|مدينة"
_CITY_COUNT = re.compile(
    rf"\d+(?:\s*(?:\w+\s+){{0,2}}?|\S{{0,4}}?)(?:{_CITY_WORD}|城市|都市|도시)", re.IGNORECASE
)
_CITIES_ASKED = re.compile(rf"\b(?:{_CITY_WORD})\b|城市|都市|도시", re.IGNORECASE)


def bound(
    question: str,
    sentence: str,
    lang: str,
    listed: frozenset[str] = frozenset(),
    about: frozenset[str] = frozenset(),
) -> bool:
    """False when the value `sentence` gives belongs to another year or city than the question
    asks about: the question names a year, the sentence others and not it ("… in 2022?" — "In
    2021, Shanghai had …"); or every clause holding an answer of the expected kind names the
    other city and not the one asked ("Pékin en compte 34, loin devant le Jiangsu, Shanghai").
    A place in a ranking is bound as a figure is ("Quel rang occupe Shanghai… ?" and "Pékin se
    classe au premier rang"). True when that cannot be told (no year or one city asked, no
    figure, date or rank asked).
    `listed`: the other places the corpus lists in `lang` ("南京", "Tianjin"), asked too."""
    kind = expected(question)
    ranks = kind is None and (asks_a_rank(question) or asks_ranking(question))
    # A value or a ranking of another year is not the one asked ("¿Qué ciudad fue segunda … en
    # 2022?" and "en 2021, las 5 primeras ciudades…"); what a plan does by 2025 may be said
    # beside a count of 2022.
    if (kind in VALUES or ranks) and _other_year(question, sentence):
        return False
    if kind is None and asks_a_rank(question):
        # "Quel rang occupe Shanghai… ?" and "Pékin se classe au premier rang": Beijing's rank.
        # A list of places ranks those it names ("Auf welchem Platz liegt Tianjin…?" and a top
        # ten without it).
        asked = _asked(question, listed)
        if len(asked) != 1:
            return True
        if enumerates(sentence):
            return asked <= named_places(sentence, listed)
        return _may_be_of(asked, _ranked(sentence, listed, about))
    if kind not in VALUES:
        return True
    asked = _asked(question, listed)
    if len(asked) != 1:
        return True
    return _may_be_of(asked, _valued(sentence, lang, kind, listed, about))


def _ranked(sentence: str, listed: frozenset[str], about: frozenset[str]) -> list[set[str]]:
    """The places named by each clause of `sentence` that states a place in a ranking (a clause
    naming none speaks of the last one named before it, or of `about`, the city of its
    passage: "Il numero di articoli… si colloca al primo posto nel paese" is Beijing's)."""
    subject: set[str] = set(about)
    ranked = []
    for clause in _CLAUSE.split(sentence):
        subject = named_places(clause, listed) or subject
        if _RANK_STATED.search(clause):
            ranked.append(subject)
    return ranked


def held_by(
    question: str,
    sentence: str,
    lang: str,
    listed: frozenset[str] = frozenset(),
    about: frozenset[str] = frozenset(),
) -> str | None:
    """The other city, when the figure or date `sentence` gives is bound to it and not to the
    one `question` asks about ("… à Shanghai ?" — "Pékin en compte 34"): a refusal can say
    whose figure the article gives."""
    kind = expected(question)
    asked = _asked(question, listed)
    if kind not in VALUES or len(asked) != 1 or _other_year(question, sentence):
        return None
    valued = _valued(sentence, lang, kind, listed, about)
    if _may_be_of(asked, valued):
        return None
    others = set().union(*valued) & set(PLACES) - asked  # a city the refusal can name
    return others.pop() if len(others) == 1 else None


def nationwide(question: str, sentence: str, lang: str, about: frozenset[str]) -> bool:
    """Whether every value of the kind `question` asks that `sentence` states is the whole
    country's ("18 provincial-level units … across the country had issued about 114 policies"),
    in the year asked (the sentences after it speak of that year too)."""
    kind = expected(question)
    if kind not in VALUES or _other_year(question, sentence):
        return False
    valued = _valued(sentence, lang, kind, about=about)
    return bool(valued) and all(named == {COUNTRY} for named in valued)


def _asked(question: str, listed: frozenset[str]) -> set[str]:
    """The places `question` asks a value of: the cities and listed places it names, and the
    country when it names it beside them (the country alone is no city to bind a value to:
    "Сколько университетов первого класса в Китае?" reads "Из 147 … вузов страны 34 … в
    Пекине" as one clause)."""
    named = named_places(question, listed)
    # Not one named in a title ("《中国元宇宙产业政策汇编》").
    country = _COUNTRY_ASKED.search(QUOTED_TITLE.sub(" ", question))
    return named | {COUNTRY} if named and country else named


def _may_be_of(asked: set[str], valued: list[set[str]]) -> bool:
    """Whether a value may be the city `asked`'s: no clause states one, or one names that city
    or no city at all (`valued`: the cities each clause stating a value names)."""
    return not valued or any(asked <= named or not named for named in valued)


def _other_year(question: str, sentence: str) -> bool:
    """The question names a year (or years: "from 2013 to 2022"), the sentence others and not
    it (not all of them; titles left out)."""
    asked, stated = set(YEAR.findall(question)), set(YEAR.findall(QUOTED_TITLE.sub(" ", sentence)))
    return bool(asked and stated and not asked <= stated)


def _year_asked(question: str) -> str | None:
    """The year `question` names, when it names one."""
    years = set(YEAR.findall(question))
    return years.pop() if len(years) == 1 else None


def named_places(text: str, listed: frozenset[str] = frozenset()) -> set[str]:
    """The two cities `text` names, and the other places of `listed` it names as words."""
    folded = text.casefold()
    return places(text) | {
        item for item in listed
        if (item in folded if CJK.search(item) else re.search(rf"\b{re.escape(item)}\b", folded))
    }  # fmt: skip


def _valued(
    sentence: str,
    lang: str,
    kind: Expected,
    listed: frozenset[str] = frozenset(),
    about: frozenset[str] = frozenset(),
) -> list[set[str]]:
    """The places named by each clause of `sentence` that states an answer of `kind`. A clause
    naming none speaks of the last one named before it ("北京拥有…40000余人，占全国总数的60%":
    the 60 % is Beijing's too), or of `about`, the city of its passage."""
    subject: set[str] = set(about)
    valued = []
    for clause in _CLAUSE.split(sentence):
        named = named_places(clause, listed)
        subject = named or ({COUNTRY} if _NATIONWIDE.search(clause) else subject)
        # A year dates a figure; it is no figure ("as of the end of March 2023, … 114 policies").
        if states(clause if kind in ("date", "day") else YEAR.sub(" ", clause), lang, kind):
            valued.append(subject)
    return valued


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


def check(question: str, reading: Reading, listed: frozenset[str] = frozenset()) -> Fit:
    """How the sentence `reading` fits what `question` asks (`listed`: the other places the
    corpus lists in the reading's language)."""
    kind = expected(question)
    attribute = unnamed(question, reading.text, reading.english)
    is_bound = bound(question, reading.text, reading.lang, listed, reading.about)
    # A value that may be the asked city's is held by no other: its clauses are read once.
    other = (
        None if is_bound else held_by(question, reading.text, reading.lang, listed, reading.about)
    )
    # "When will the core industry reach 300 billion?": its lead-in says by when, when the
    # sentence names no date of its own.
    own = states(reading.text, reading.lang, kind, reading.english)
    # Checked here only: an exact count asked is better refused, the approximate one shown among
    # the nearest passages, than answered by another sentence's exact count.
    approximate = approximate_only(question, reading)
    restated = answers_nothing_asked(question, reading) or _a_places_share(
        question, reading, listed
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
        ),
        is_bound,
        tuple(sorted(places(question))),
        other,
        kind is None and asks_a_rank(question),
        _year_asked(question) if not is_bound and _other_year(question, reading.text) else None,
        attribute,
        reading.dated if kind == "date" and not own else None,
        approximate,
        restated and asks_a_part(question, reading.lang),
    )


def _a_places_share(question: str, reading: Reading, listed: frozenset[str]) -> bool:
    """Whether `question` asks a part of a counted whole and names no place, and each clause of
    `reading` giving a smaller figure names one: "其中北京占38个" is Beijing's share of the 79
    models, not how many of them are open source."""
    figure = expected(question) in FIGURES
    if not figure or not asks_a_part(question, reading.lang) or _asked(question, listed):
        return False
    parts = [
        clause
        for clause in _CLAUSE.split(reading.text)
        if figures_left(question, clause, reading.lang)
    ]
    return bool(parts) and all(named_places(clause, listed) for clause in parts)


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
