"""What a count counts, by its counter, in Chinese, Japanese and Korean: "北京人均数字技术专利申请量
具体是多少件？" (how many applications) is not answered by "五类数字技术" (five kinds), nor "몇 명"
(how many people) by "1,048곳" (places, companies)."""

from __future__ import annotations

import re

from bot.asked import expected
from bot.numbers import NUMERAL, ORDINAL_NUMBER, SENTENCE_DAY, YEAR
from bot.stated import Reading

# Counters by what they count; any other ("个", "個", "つ", "개") counts anything.
_GROUPS = {
    "people": "名人位명",
    "bodies": "家社所校곳",
    "items": "件项項条條款건",
    "kinds": "类類种種",
    "times": "倍배",
}
_GROUP_OF = {counter: group for group, counters in _GROUPS.items() for counter in counters}
_SPECIFIC = "".join(_GROUPS.values())
# The counter a question asks with: "多少家", "几所", "何社", "몇 명".
_ASKED = re.compile(rf"(?:多少|[几幾何])\s*([{_SPECIFIC}])|몇\s*([{_SPECIFIC}])")
# A number, its scale and "more than", and what follows it: a counter, a percent sign or else.
_COUNTED = re.compile(
    rf"(?:\d[\d,.]*|{NUMERAL}+)\s*(?:[万萬亿億만억])?\s*(?:余|多|以上|여)?\s*(.?)"
)
_PERCENT = "%％"


def asked_counter(question: str) -> str | None:
    """What `question` asks how many of, by its counter (a group of _GROUPS), or None."""
    found = _ASKED.search(question)
    return _GROUP_OF[next(c for c in found.groups() if c)] if found else None


def counts_other_things(question: str, reading: Reading) -> bool:
    """Whether `question` asks how many of something by its counter and every count `reading`
    states counts something else (another counter, or a percentage): none may be a count of it.
    A number with no counter, or a general one, may count anything."""
    asked = asked_counter(question)
    if asked is None or expected(question) != "quantity":
        return False
    text = SENTENCE_DAY.sub(" ", YEAR.sub(" ", ORDINAL_NUMBER.sub(" ", reading.text)))
    after = [found.group(1) for found in _COUNTED.finditer(text)]
    if not after:
        return False
    kinds = {"share" if c and c in _PERCENT else _GROUP_OF.get(c) for c in after}
    return None not in kinds and asked not in kinds
