"""What a sentence states: whether it holds an answer of the kind a question asks (bot.asked) —
a figure, a percentage, a sum with its currency, a date or a day, a person, a post's holder or an
organisation named — and the sentence as the reader would see it (`Reading`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.asked import Expected
from bot.headings import CAPTION, unnumbered
from bot.numbers import (
    MONTH_NAMES,
    ORDINAL_NUMBER,
    SENTENCE_DAY,
    YEAR,
    counts_in_characters,
    numbers,
)
from bot.people import (
    CAPITALISING,
    LATIN_CAPITALISING,
    names_a_head,
    names_an_organisation,
    names_someone,
    opens_with_a_group,
)
from bot.term import CODE, QUOTED_TITLE

# A percentage in a sentence: "38 %", "11,3 %", "百分之", "percentage points".
_PERCENT = re.compile(
    r"%|٪|\bper ?cent|pour ?cent|por ?ciento|por ?cento|prozent|per ?cento|процент|بالمئة|"
    r"في المئة|百分|成(?=[，。,.、])",
    re.IGNORECASE,
)
# A currency after a figure: "300 milliards de yuans", "3000亿元" (not 元宇宙, the metaverse).
_CURRENCY = re.compile(
    r"\d[^.;。；\n]{0,25}?(?:yuans?|юан\w*|يوان|위안|dollars?|euros?|rmb)|[$€]\s?\d|\d\s?[$€]|"
    r"[\d亿億万萬]\s*[元円](?!宇宙)",
    re.IGNORECASE,
)
# A month in a sentence: a Chinese/Japanese/Korean one, or a month's name; a date: a year too.
_SENTENCE_MONTH = re.compile(rf"\d+\s*[月월]|\b(?:{MONTH_NAMES})\b", re.IGNORECASE)
_SENTENCE_DATE = re.compile(rf"\b(?:19|20)\d\d\b|{_SENTENCE_MONTH.pattern}", re.IGNORECASE)


def states(sentence: str, lang: str, kind: Expected | None, english: str = "") -> bool:
    """Whether `sentence` (in `lang`) holds an answer of `kind`; a person's name is looked for in
    its English edition `english` when there is one (other scripts do not capitalise names)."""
    if kind in ("quantity", "share", "money"):
        # "1. Le nombre d'entreprises… : la plus grande à Shanghai" numbers a heading, and
        # "Figure 1 : …" a chart: neither states how many; nor, of money, a figure without its
        # currency.
        stated = unnumbered(sentence)
        if CAPTION.match(stated) or kind == "money" and not _CURRENCY.search(stated):
            return False
        if kind == "quantity":
            # A year or a day dates a count ("le 30 mai"), a code names something ("TOP50",
            # "Web3"), an ordinal ranks ("第14个五年规划", "14th Five-Year Plan"): none is one.
            stated = YEAR.sub(" ", CODE.sub(" ", ORDINAL_NUMBER.sub(" ", stated)))
            stated = SENTENCE_DAY.sub(" ", stated)
        if kind == "share" and not _PERCENT.search(stated):
            return False
        return bool(numbers(stated, lang)) or lang in ("zh", "ja") and counts_in_characters(stated)
    # A title's years name what it covers, not when it came out ("《…行动方案（2023-2025年）》").
    if kind == "date":
        return bool(_SENTENCE_DATE.search(QUOTED_TITLE.sub(" ", sentence)))
    if kind == "month":
        return bool(_SENTENCE_MONTH.search(QUOTED_TITLE.sub(" ", sentence)))
    if kind == "day":
        return bool(SENTENCE_DAY.search(QUOTED_TITLE.sub(" ", sentence)))
    if kind == "person" and (english or lang in CAPITALISING):
        return names_someone(english or sentence) or opens_with_a_group(english)
    if kind == "head" and (english or lang in CAPITALISING):
        return names_a_head(english or sentence)
    if kind == "organisation" and (english or lang in LATIN_CAPITALISING):
        return names_an_organisation(english or sentence)
    return True


@dataclass(frozen=True)
class Reading:
    """A candidate sentence as the reader would see it: in the question's edition when there is
    one (else the source), its English edition, and its context (passage, heading, the passage
    before) for the names a question binds: as (text, language) pairs, the reader's edition and
    the source, where the editions may translate a name the source keeps ("Beijing Big Data
    Center", "Centro big data di Pechino")."""

    text: str
    lang: str
    english: str  # the corpus's common words lowered ("Metaverse": bot.reading.common_lowered)
    context: tuple[tuple[str, str], ...] = ()
    about: frozenset[str] = frozenset()  # the one city its passage is about (bot.reading)
    # The lead-in that dates it, a goal with no year ("by 2025, …" before a list of goals):
    # (passage row, sentence), bot.reading.dated_by.
    dated: tuple[int, int] | None = None
    # The years its passage names before it, titles left out ("As of October 2022, … . Beijing
    # has more than 40,000 …": 2022), bot.reading.years_before, and its lead-in's.
    years: frozenset[str] = frozenset()
    # The heading over its passage, in the source: (passage row, text).
    heading: tuple[int, str] | None = None

    def states(self, kind: Expected | None) -> bool:
        """Whether it holds an answer of `kind` (see `states`); a date, by its lead-in too."""
        return states(self.text, self.lang, kind, self.english) or (
            kind == "date" and self.dated is not None
        )
