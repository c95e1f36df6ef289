"""Whose fact a sentence is in a comparison (Beijing's, Shanghai's, both, neither), and whether
it ranks the two cities (the article's verdict)."""

from __future__ import annotations

import re

from bot.facts import is_question, refers_back, sentence_text
from bot.ingest import Passage
from bot.reading import city_of
from bot.target import ALIASES, PLACES, places

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


# Commas of an enumeration ("Pékin, Shanghai, Shenzhen, Ningbo et Chongqing") or of clauses,
# in every script.
_LIST_SEPARATOR = re.compile(r"[,、،，]")


def sides_of(passage: Passage, n: int) -> frozenset[str]:
    """The cities sentence `n` of `passage` is a fact of: the one it names (when it names both:
    each, when two commas or more split it, as a list of places or a clause per city does;
    else the first, when it gives a figure or a ranking), else the one its passage or its
    nearest heading naming one city names; none when that is both or neither."""
    text = sentence_text(passage, n)
    named = places(text)
    if len(named) > 1:
        # A list ("Pékin, Shanghai, Shenzhen, Ningbo et Chongqing.") places each by its order;
        # "Pékin compte 596 entreprises…, et le nombre détenu par Shanghai est…" counts each.
        if len(_LIST_SEPARATOR.findall(text)) >= 2:
            return frozenset(named)
        # Both, with no figure and no ranking ("Pékin et Shanghai ont une force numérique
        # considérable"): neither city's fact.
        if not (RANKING.search(text) or any(c.isdigit() for c in text)):
            return frozenset()
        return frozenset({min(named, key=lambda city: _first_mention(text, city))})
    if named:
        return frozenset(named)
    return city_of(passage, by_text=not refers_back(text))


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
