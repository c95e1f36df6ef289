"""An exact figure asked ("exactly how many…?", "具体是多少", "genau", "정확히 몇") is not answered
by an approximate one ("more than 10,000 applications"): the reply says the article does not
give it, and shows the sentence among the nearest passages."""

from __future__ import annotations

import re

from bot.asked import expected
from bot.numbers import PERCENTAGE, YEAR
from bot.stated import Reading, states

# Words asking for the figure exactly, in the eleven languages ("具体" alone names "specific
# measures", "具体措施": only before a figure asked).
_EXACT = re.compile(
    r"\b(?:exact(?:ly|e|[ao]s?)?|exactement|exactamente|esatt(?:amente|[oa])|exat(?:amente|[oa])|"
    r"genaue?[nrs]?|именно|точн(?:о|ое|ая|ый|ую)|"
    r"بالضبط)\b|具体(?:是|有)?多少|确切|確切|正確に|具体的に何|具体的な\w{0,6}数|정확히|정확한",
    re.IGNORECASE,
)
# A figure given approximately, in the English edition ("more than 10,000", "about 12,000",
# "nearly half").
_APPROXIMATE = re.compile(
    r"\b(?:more than|over|about|around|nearly|almost|approximately|roughly|at least|close to|"
    r"up to)\s+[\d.,]+(?:\s*(?:thousand|million|billion|%))?",
    re.IGNORECASE,
)


def approximate_only(question: str, reading: Reading) -> bool:
    """Whether `question` asks a count exactly and every figure `reading`'s English edition
    states is approximate (False when it has none: nothing to read it in)."""
    if expected(question) != "quantity" or not _EXACT.search(question) or not reading.english:
        return False
    english = YEAR.sub(" ", reading.english)
    if not _APPROXIMATE.search(english):
        return False
    # A share beside it ("…, 60% of the national total") is no count either.
    return not states(PERCENTAGE.sub(" ", _APPROXIMATE.sub(" ", english)), "en", "quantity")
