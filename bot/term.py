"""A key term of a question (bot.keyterms) and how it is looked up in the corpus
(bot.coverage): numbers by value, names folded, words by their stems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.numbers import LATIN_SCALES, YEAR
from bot.tokens import unaccented

_ALNUM = re.compile(r"[^\W_]+")

Kind = Literal["number", "name", "word"]
# Letters and digits in one word name something ("Web3", "TOP50", "A100", "3D-Modelle"): a
# question's name, and no figure a sentence states; a number and its scale word ("683k", "300bn",
# "10mila": bot.numbers reads them) are numbers.
CODE = re.compile(
    rf"(?<![A-Za-z\d-])(?!\d+(?:{'|'.join(LATIN_SCALES)})\b)"
    r"(?=[A-Za-z\d-]*\d)(?=[A-Za-z\d-]*[A-Za-z])[A-Za-z\d]+(?:-[A-Za-z\d]+)*"
    r"(?![A-Za-z\d-])"
)

# A title, quoted ("le « Rapport … (2022) »", "《…（2022）》", "「…」", "'몇 가지 조치'"): its words
# name a document, they ask nothing and date no figure. ASCII single quotes only around Chinese,
# Japanese or Korean, where they never mark an elision ("l'article").
QUOTED_TITLE = re.compile(
    r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"|《[^》]*》|「[^」]*」|『[^』]*』|‘[^’]*’|"
    r"'[^'\n]*[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3][^'\n]*'"
)


def years_untitled(text: str) -> frozenset[str]:
    """The years `text` names outside its titles: those that date what it says."""
    return frozenset(YEAR.findall(QUOTED_TITLE.sub(" ", text)))


@dataclass(frozen=True)
class Term:
    """A salient term: its `surface` as the question writes it, its `kind` and the `keys` it is
    looked up by (number values, a folded name, stems, or CJK words that must all be found)."""

    surface: str
    kind: Kind
    keys: tuple[str, ...]


def value_key(value: float) -> str:
    """The key a number is looked up by: one spelling per value ("813 000", "81.3万" alike)."""
    return format(value, "g")


def fold(text: str) -> str:
    """Lowercase, without accents or punctuation: "Pékin" → "pekin", "Beijing's" stays one word."""
    return " ".join(_ALNUM.findall(unaccented(text.lower())))
