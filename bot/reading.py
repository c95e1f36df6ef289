"""How a candidate sentence reads: in the reader's edition when there is one (else the source),
in English (for the names a question asks for), what is around it (its heading, passage and
the passage before), the city its passage is about (whose figure a clause naming none gives)
and, for a goal with no year, the lead-in that dates it ("by 2025, …"), for the answer's checks,
the comparisons and the focused summaries."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.attributes import BY_YEAR, states_a_target
from bot.citations import translate
from bot.commonness import zipf
from bot.facts import sentence_text
from bot.index import Index
from bot.ingest import Passage
from bot.numbers import YEAR
from bot.people import RARE_NAME_ZIPF
from bot.retrieve import Hit
from bot.sections import heading_over
from bot.stated import Reading
from bot.target import places
from bot.term import years_untitled

_CAPITALISED = re.compile(r"\b[A-Z](?:[a-z]{2,}|[A-Z]{2,})\b")
# A first clause referring back to the sentence before ("in these scenarios", "To this end",
# "Ces mesures"); not "this year", "such as".
_BACK_REFERENCE = re.compile(
    r"\b(?:these|this|those|ces|cette|cet)\b(?!\s+(?:years?|months?|time|année|mois|fois)\b)",
    re.IGNORECASE,
)
_FIRST_CLAUSE = re.compile(r"[,;:，；：]")
# How many sentences back a lead-in may date a goal ("By 2025, … will enter a new stage." then,
# two paragraphs on, "The core industry will reach 300 billion yuan."): within its section.
LEAD_IN_REACH = 8


def doc_lang(index: Index, hit: Hit) -> str:
    """The language of the passage `hit` found (of its edition)."""
    return str(index.editions.passage_lang[hit.row])


def quoted(index: Index, hit: Hit, sentence: int, lang: str) -> tuple[int, str, str]:
    """Sentence `sentence` of `hit` in its edition in `lang` if there is one, else in the source:
    (the row of the passage holding it, its text, its language)."""
    own = translate(index, hit.row, (sentence,), lang)
    if own:
        return index.rows_by_id[own.passage_id], own.text[slice(*own.span)], lang
    start, end = hit.passage.sentences[sentence]
    return hit.row, hit.passage.text[start:end], doc_lang(index, hit)


def read(index: Index, hit: Hit, sentence: int, lang: str) -> Reading:
    """Sentence `sentence` of `hit` as read in `lang` (see Reading)."""
    _, text, read_lang = quoted(index, hit, sentence, lang)
    english = translate(index, hit.row, (sentence,), "en")
    context = context_of(index, hit, sentence, lang)
    english_text = english.text[slice(*english.span)] if english else ""
    dated = dated_by(index, hit.row, sentence, english_text)
    # A goal's year is its lead-in's, in the passage before too ("by 2025, …": not 2022's size).
    lead_in = (
        years_untitled(sentence_text(index.passages[dated[0]], dated[1])) if dated else frozenset()
    )
    over = heading_over(index, hit.row)
    heading = (over, index.passages[over].text) if over != hit.row else None
    return Reading(
        text, read_lang, common_lowered(english_text, index.lowercase_english), context,
        city_of(hit.passage), dated, years_before(hit.passage, sentence) | lead_in, heading,
    )  # fmt: skip


def years_before(passage: Passage, sentence: int) -> frozenset[str]:
    """The years `passage` names before its sentence `sentence`, outside titles: a figure with
    no year of its own is of theirs."""
    return years_untitled(passage.text[: passage.sentences[sentence][0]])


def dated_by(index: Index, row: int, n: int, english: str = "") -> tuple[int, int] | None:
    """The lead-in that dates sentence `n` of passage `row` (`english`: its English edition),
    a goal stated with no year ("The core industry will reach 300 billion yuan"): the closest
    sentence before it in its section that names a year, when it names it as the one things
    are to happen by ("The document points out that by 2025, …"); as (passage row, sentence).
    None when the goal names a year itself, or another year comes first."""
    text = sentence_text(index.passages[row], n)
    if YEAR.search(text) or YEAR.search(english) or not states_a_target(text, english):
        return None
    for at in _before(index, row, n):
        source = sentence_text(index.passages[at[0]], at[1])
        edition = translate(index, at[0], (at[1],), "en")
        said = (source, edition.text[slice(*edition.span)] if edition else "")
        if any(YEAR.search(t) for t in said):
            return at if any(BY_YEAR.search(t) for t in said) else None
    return None


def refers_back(index: Index, row: int, n: int) -> tuple[int, int] | None:
    """The sentence before sentence `n` of passage `row` in its section, when that one refers
    back to it in its first clause, in the source or its English edition ("Innovative
    applications … are realized in these scenarios, …" after the scenarios are listed; "To this
    end, …"): (passage row, sentence), for the answer to quote first. None otherwise."""
    edition = translate(index, row, (n,), "en")
    said = [sentence_text(index.passages[row], n)]
    said += [edition.text[slice(*edition.span)]] if edition else []
    if not any(_BACK_REFERENCE.search(_FIRST_CLAUSE.split(text, maxsplit=1)[0]) for text in said):
        return None
    before = _before(index, row, n)
    return before[0] if before else None


def _before(index: Index, row: int, n: int) -> list[tuple[int, int]]:
    """The LEAD_IN_REACH sentences before sentence `n` of passage `row` in its section, closest
    first: (passage row, sentence)."""
    passage = index.passages[row]
    found = [(row, m) for m in range(n - 1, -1, -1)]
    while len(found) < LEAD_IN_REACH and row > 0:
        row -= 1
        earlier = index.passages[row]
        if earlier.doc_id != passage.doc_id or earlier.section_path != passage.section_path:
            break
        found += [(row, m) for m in range(len(earlier.sentences) - 1, -1, -1)]
    return found[:LEAD_IN_REACH]


def common_lowered(text: str, lowercase: frozenset[str]) -> str:
    """`text` with the capitalised words and acronyms rare in English that the corpus also
    writes in lowercase (`lowercase`) lowered: "The Shanghai "Metaverse" Key Technology…"
    names no organisation "Metaverse", nor does "AIGC" (common words, as in "Institute of
    Scientific and Technical Information", are not read as names alone anyway)."""

    def lowered(word: re.Match) -> str:
        low = word.group().lower()
        rare = zipf(word.group(), "en") < RARE_NAME_ZIPF
        return low if rare and low in lowercase else word.group()

    return _CAPITALISED.sub(lowered, text)


def city_of(passage: Passage, by_text: bool = True) -> frozenset[str]:
    """The one city `passage` is about: the one its text names (unless not `by_text`), else
    the one its nearest heading naming any names; none when that is both."""
    return _city_of(passage.text if by_text else "", tuple(passage.section_path))


@lru_cache(maxsize=4096)
def _city_of(text: str, headings: tuple[str, ...]) -> frozenset[str]:
    # Cached: reading a passage's names costs 0.17 ms, and an answer reads a few candidates.
    named = places(text)
    for heading in reversed(headings):
        if named:
            break
        named = places(heading)
    return frozenset(named) if len(named) == 1 else frozenset()


def context_of(index: Index, hit: Hit, sentence: int, lang: str) -> tuple[tuple[str, str], ...]:
    """What is around sentence `sentence` of `hit` (its passage under its heading, after the
    passage before), in its edition in `lang` and in the source: (text, language) pairs."""
    row = quoted(index, hit, sentence, lang)[0]
    rows = dict.fromkeys((row, hit.row))
    return tuple((_around(index, r), str(index.editions.passage_lang[r])) for r in rows)


def _around(index: Index, row: int) -> str:
    """Passage `row` under its heading, after the passage before it in the same document."""
    passage = index.passages[row]
    before = index.passages[row - 1] if row else None
    return "\n".join(
        [
            passage.section,
            passage.text,
            before.text if before and before.doc_id == passage.doc_id else "",
        ]
    )
