"""Whose value a sentence gives: the city, place, country or year a figure is bound to.

A figure, a share, a sum, a date or a place in a ranking stated in a clause is bound to the city
or place that clause names, else to the one named before it, or to the whole country ("… à
travers le pays"); the first clause naming none speaks of the city its passage is about. It
answers a question only when it may be bound to the place, and the year, the question asks
about. "Combien d'universités à Shanghai ?" finds "Pékin en compte 34, loin devant le Jiangsu,
Shanghai": the place is there, but the number is Beijing's.
"""

from __future__ import annotations

import re

from bot.asked import Expected, expected
from bot.numbers import YEAR
from bot.premise import asks_a_part
from bot.rankings import asks_a_rank, asks_ranking, enumerates
from bot.stated import states
from bot.target import PLACES, places
from bot.term import QUOTED_TITLE, years_untitled
from bot.tokens import CJK

# Clauses: what a figure in one is bound to is in that clause.
CLAUSE = re.compile(r"[,;:，；：、،؛]|\s[-–—]\s")
# A clause about the whole country ("147 … à travers le pays", "全国共有147所", "landesweit 18
# Einheiten"): its figure is the country's, not the city named before it. Not "全国领先",
# "landesweit den ersten Platz", "전국 1위", "первое место в стране": there the country is where
# a city ranks.
_NATIONWIDE = re.compile(
    r"à travers le pays|dans tout le pays|across the country|(?:en|de) todo el país|"
    r"im ganzen land|(?:in|di) tutto il paese|(?:em|de) todo o país|по всей стране|"
    r"全国共|全國共|全国には|전국에|أنحاء البلاد|"
    r"landesweit\s+\d|landesweit gibt es|gibt es landesweit|"
    r"(?:全[国國]の?|전국)\s*\d+(?![\d\s]*[位위])",
    re.IGNORECASE,
)
COUNTRY = "country"
# The country named in a question ("…في الصين، وما موقع شنغهاي منها؟", "in all of China"): its
# figure is asked too.
_COUNTRY_ASKED = re.compile(
    r"\bchin(?:a|e|as|a's)\b|\bcina\b|китай\w*|китае|الصين|中国|中國|全国|全國|중국|전국",
    re.IGNORECASE,
)
# A year in brackets, as a report's edition is written: "(2022)", "（2022）".
_BRACKETED_YEAR = re.compile(r"[(（]((?:19|20)\d\d)[)）]")
# A title's name, this far before a year the question names, asks that edition.
_EDITION_REACH = 30
# The word right before a year: "rapport 2022", "Weißbuch 2022", "白皮书2022".
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s\"'»”“„」』》]*$")
_CJK_PAIR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]{2}")
# A city's part of the country's whole: "全国の…のうち", "全国…中", "전국 … 가운데".
_COUNTRYS = re.compile(r"(?:全国|全國|전국)[^？?]*?(?:のうち|の中で|之中|中|가운데|중에)")
# The kinds of answer a clause binds to a city or a year.
VALUES = ("quantity", "share", "money", "date", "day", "month")
# A place in a ranking stated in a clause, in the eleven languages ("se classe au premier rang",
# "No. 3 Beijing", "位居第三", "3위"): bound to the city the clause names, as a figure is.
_RANK_STATED = re.compile(
    r"\b(?:first|second|third|fourth|fifth|top|no\.\s?\d|ranks?|ranked|ranking|"
    r"premi[eè]re?|deuxi[eè]me|troisi[eè]me|quatri[eè]me|rang|n\s?°\s?\d|"
    r"primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|puesto|lugar|"
    r"erste[nmrs]?|zweite[nmrs]?|dritte[nmrs]?|vierte[nmrs]?|platz|"
    r"prim[oa]|terz[oa]|posto|posizione|primeir[oa]|terceir[oa]|posi[çc][ãa]o|"
    r"перв\w*|втор\w*|трет\w*|четв[её]рт\w*|мест\w*|"
    # The first place as a superlative: "the highest in the country", "il più alto del Paese".
    r"highest|largest|plus [ée]lev[ée]e?|le plus|più alt[oa]|il più|la più|m[aá]s alt[oa]|"
    r"h[öo]chste\w*|gr[öo](?:ß|ss)te\w*|meiste\w*|mais alt[oa]|наибольш\w*|самы[йея]\w*)\b|"
    r"最多|最高|最大|가장|أعلى|أكبر|الأكثر|"
    # A place numbered: "n.º 1" (es), "n. 1" (it), "1º" (pt), "№ 1" (ru), "رقم 1" (ar).
    r"\bn\.º?\s?\d|\d+º|№\s?\d|رقم\s?\d|"
    r"المرتبة|المركز|第[一二三四五六七八九十\d]|[一二三四五\d]位|\d\s?위|번째|순위|番目|順位|首位|榜首|居首",
    re.IGNORECASE,
)


def bound(
    question: str,
    sentence: str,
    lang: str,
    listed: frozenset[str] = frozenset(),
    about: frozenset[str] = frozenset(),
    before: frozenset[str] = frozenset(),
) -> bool:
    """False when the value `sentence` gives belongs to another year or city than the question
    asks about: the question names a year, the sentence others and not it ("… in 2022?" — "In
    2021, Shanghai had …"), or, naming none, its passage before it (`before`); or every clause
    holding an answer of the expected kind names the other city and not the one asked ("Pékin
    en compte 34, loin devant le Jiangsu, Shanghai").
    A place in a ranking is bound as a figure is ("Quel rang occupe Shanghai… ?" and "Pékin se
    classe au premier rang"). True when that cannot be told (no year or one city asked, no
    figure, date or rank asked).
    `listed`: the other places the corpus lists in `lang` ("南京", "Tianjin"), asked too."""
    kind = expected(question)
    ranks = kind is None and (asks_a_rank(question) or asks_ranking(question))
    # A value or a ranking of another year is not the one asked ("¿Qué ciudad fue segunda … en
    # 2022?" and "en 2021, las 5 primeras ciudades…"); what a plan does by 2025 may be said
    # beside a count of 2022.
    if (kind in VALUES or ranks) and other_year(question, sentence, before):
        return False
    if kind is None and asks_a_rank(question):
        # "Quel rang occupe Shanghai… ?" and "Pékin se classe au premier rang": Beijing's rank.
        # A list of places ranks those it names ("Auf welchem Platz liegt Tianjin…?" and a top
        # ten without it).
        # "In che posizione si colloca Shanghai in Cina…?": the country is where it ranks.
        asked = asked_places(question, listed, lang) - {COUNTRY}
        if len(asked) != 1:
            return True
        if enumerates(sentence):
            return asked <= named_places(sentence, listed)
        return _may_be_of(asked, _ranked(sentence, listed, about))
    if kind not in VALUES:
        return True
    asked = asked_places(question, listed, lang)
    if len(asked) != 1:
        return True
    return _may_be_of(asked, _valued(sentence, lang, kind, listed, about))


def _ranked(sentence: str, listed: frozenset[str], about: frozenset[str]) -> list[set[str]]:
    """The places named by each clause of `sentence` that states a place in a ranking (a clause
    naming none speaks of the last one named before it, or of `about`, the city of its
    passage: "Il numero di articoli… si colloca al primo posto nel paese" is Beijing's)."""
    subject: set[str] = set(about)
    ranked = []
    for clause in CLAUSE.split(sentence):
        subject = named_places(clause, listed) or subject
        if _RANK_STATED.search(clause):
            ranked.append(subject)
    return ranked


def states_a_rank(text: str) -> bool:
    """Whether `text` states a place in a ranking ("se classe au premier rang", "n.º 3")."""
    return _RANK_STATED.search(text) is not None


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
    asked = asked_places(question, listed, lang)
    if kind not in VALUES or len(asked) != 1 or other_year(question, sentence):
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
    if kind not in VALUES or other_year(question, sentence):
        return False
    valued = _valued(sentence, lang, kind, about=about)
    return bool(valued) and all(named == {COUNTRY} for named in valued)


def asked_places(question: str, listed: frozenset[str], lang: str) -> set[str]:
    """The places `question` (in `lang`) asks a value of: the cities and listed places it names,
    and the country when it names it beside them (the country alone is no city to bind a value
    to: "Сколько университетов первого класса в Китае?" reads "Из 147 … вузов страны 34 … в
    Пекине" as one clause), unless the country's figure is the whole a part is asked of ("How
    many of China's 147 top universities are in Shanghai?")."""
    named = named_places(question, listed)
    # Not one named in a title ("《中国元宇宙产业政策汇编》").
    country = _COUNTRY_ASKED.search(QUOTED_TITLE.sub(" ", question))
    # Nor the whole of the city's share asked ("上海…占全国的比例是多少？", "全国の一流大学の
    # うち、上海には…").
    whole = country and (
        asks_a_part(question, lang) or expected(question) == "share" or _COUNTRYS.search(question)
    )
    return named | {COUNTRY} if named and country and not whole else named


def _may_be_of(asked: set[str], valued: list[set[str]]) -> bool:
    """Whether a value may be the city `asked`'s: no clause states one, or one names that city
    or no city at all (`valued`: the cities each clause stating a value names)."""
    return not valued or any(asked <= named or not named for named in valued)


def other_year(question: str, sentence: str, before: frozenset[str] = frozenset()) -> bool:
    """The question names a year (or years: "from 2013 to 2022"), the sentence others and not
    it (not all of them; titles left out); a sentence naming none, the years of a title the
    question names with its year (the edition asked: "…インデックス2022年版では北京は何位…？"
    and "「…インデックス報告2021」によると、北京は…第三位"), or else those its passage names
    before it (`before`: "Combien … en 2020 ?" and "As of October 2022, … . Beijing has more
    than 40,000 …"). A year in brackets after the title's words is the edition asked, no year
    of the figure ("Según el informe del índice de economía digital (2022), ¿qué ciudad quedó
    segunda…?" and "«…(2022)» muestra que, en 2021, …"), as is one right after a word of the
    title ("Selon le rapport 2022 …, à quelle valeur l'indice est-il monté en 2021 ?"); not
    "… en 2022 ?"."""
    editions = _editions(question, sentence)
    asked = {
        at.group() for at in YEAR.finditer(question)
        if at.group() not in editions or not _names_an_edition(question, at, sentence)
    }  # fmt: skip
    stated = years_untitled(sentence) or editions or before
    return bool(asked and stated and not asked <= stated)


def _names_an_edition(question: str, year: re.Match[str], sentence: str) -> bool:
    """Whether `year`, in `question`, is bracketed or follows a word of a title of `sentence`
    that holds it: the report's edition, no year of its figures."""
    if _BRACKETED_YEAR.fullmatch(question[max(0, year.start() - 1) : year.end() + 1]):
        return True
    word = _WORD_BEFORE.search(question[: year.start()])
    titles = [t for t in QUOTED_TITLE.findall(sentence) if year.group() in t]
    return bool(word) and any(_title_words(word.group(1)) & _title_words(t) for t in titles)


def _editions(question: str, sentence: str) -> set[str]:
    """The years of the titles in `sentence` whose words `question` writes before a year."""
    before_years = " ".join(question[max(0, at.start() - _EDITION_REACH) : at.start()]
                            for at in YEAR.finditer(question))  # fmt: skip
    asked = _title_words(before_years)
    return {
        year for title in QUOTED_TITLE.findall(sentence) if asked & _title_words(title)
        for year in YEAR.findall(title)
    }  # fmt: skip


def _title_words(text: str) -> set[str]:
    """The words of four letters or more in `text`, and its pairs of CJK characters."""
    folded = text.casefold()
    pairs = {folded[n : n + 2] for n in range(len(folded) - 1)}
    return set(re.findall(r"[^\W\d_]{4,}", folded)) | {p for p in pairs if _CJK_PAIR.fullmatch(p)}


def named_places(text: str, listed: frozenset[str] = frozenset()) -> set[str]:
    """The two cities `text` names, and the other places of `listed` it names as words."""
    folded = text.casefold()
    found = {
        item for item in listed
        if (item in folded if CJK.search(item) else re.search(rf"\b{re.escape(item)}\b", folded))
    }  # fmt: skip
    # One city by two names: "杭州市" is "杭州".
    return places(text) | {item for item in found if not any(o in item for o in found - {item})}


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
    for clause in CLAUSE.split(sentence):
        named = named_places(clause, listed)
        subject = named or ({COUNTRY} if _NATIONWIDE.search(clause) else subject)
        # A year dates a figure; it is no figure ("as of the end of March 2023, … 114 policies").
        dated = kind in ("date", "day", "month")
        if states(clause if dated else YEAR.sub(" ", clause), lang, kind):
            valued.append(subject)
    return valued
