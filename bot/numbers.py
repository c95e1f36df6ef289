"""The numbers a sentence states, as values, so a translation can be checked against its source.

"813 000", "813,000", "81.3万" and "81.3만" are one value; "5,72" (French) and "5.72" (English)
too, and Arabic-Indic digits ("٥٫٧٢") read as their Western twins. Months are numbers in
Chinese, Japanese and Korean ("5月28日", "5월 28일") but words elsewhere ("28 mai"), so they are
not compared, nor Korean's "5개년" (five-year: "quinquennal").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from bot.tokens import CJK_LANGS

# The months' names in the eleven languages' Latin, Cyrillic and Arabic scripts.
MONTH_NAMES = (
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"januar|februar|märz|juni|juli|oktober|dezember|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|"
    r"ноябр\w*|декабр\w*|"
    r"يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
)
# A day stated: its number beside a month ("le 19 mai", "May 28", "5月19日", "5월 19일").
SENTENCE_DAY = re.compile(
    rf"\b\d{{1,2}}(?:er|st|nd|rd|th|\.)?\s+(?:de\s+)?(?:{MONTH_NAMES})\b|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+\d{1,2}\b|\d+\s*月\s*\d+\s*[日号]|\d+월\s*\d+일",
    re.IGNORECASE,
)

# Languages whose decimal mark is a comma (and whose thousands are grouped by spaces or dots).
_DECIMAL_COMMA = frozenset(
    ("fr", "es", "de", "it", "pt", "ru", "uk", "pl", "cs", "nl", "sv", "da", "no", "fi", "tr",
     "id", "vi", "ro", "hu", "ca")
)  # fmt: skip
_SPACES = "  \u202f"
_GROUPED = {
    ",": re.compile(rf"\d{{1,3}}(?:[{_SPACES}.]\d{{3}})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?"),
    ".": re.compile(rf"\d{{1,3}}(?:[{_SPACES},]\d{{3}})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"),
}
# Scale words after a number, longest first so "万亿" wins over "万".
_SCALES = {
    "万亿": 1e12, "兆": 1e12, "조": 1e12, "trillion": 1e12, "триллион": 1e12, "трлн": 1e12,
    "تريليون": 1e12,
    "billion": 1e9, "milliards": 1e9, "milliard": 1e9, "milliarden": 1e9, "milliarde": 1e9,
    "mil millones": 1e9, "miliardi": 1e9, "miliardo": 1e9, "mil milhões": 1e9, "bilhões": 1e9,
    "bilhão": 1e9, "млрд": 1e9, "миллиард": 1e9, "مليار": 1e9,
    "millions": 1e6, "million": 1e6, "millones": 1e6, "millón": 1e6, "millionen": 1e6,
    "milioni": 1e6, "milione": 1e6, "milhões": 1e6, "milhão": 1e6, "млн": 1e6, "миллион": 1e6,
    "مليون": 1e6, "thousand": 1e3, "mil": 1e3, "mila": 1e3, "tausend": 1e3, "тыс": 1e3,
    "ألف": 1e3, "k": 1e3, "bn": 1e9,
    "亿": 1e8, "億": 1e8, "억": 1e8, "万": 1e4, "萬": 1e4, "만": 1e4,
}  # fmt: skip
# The scale words written in Latin letters ("k", "bn", "mila", "million"), longest first: glued to
# digits they make a number ("683k", "10mila"), not a code (bot.term.CODE).
LATIN_SCALES = tuple(
    sorted((w for w in _SCALES if w.isascii() and w.isalpha()), key=len, reverse=True)
)
# Arabic-Indic and Persian digits, and the Arabic decimal and thousands marks.
_ARABIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_SCALE = re.compile(
    r"\s*(" + "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True)) + r")(?![a-z])",
    re.IGNORECASE,
)
# A percentage ("29 %", "11,3%"): a share, no count.
PERCENTAGE = re.compile(r"[\d.,]+\s*[%％]")
# A year ("2021", not "20215"): it dates a figure (bot.binding, bot.followup) and is none.
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# An ordinal in digits ("14th", "14e", "14.º", "14°", "第14个", "제14차", "14-му", "14.
# Fünfjahresplan") and a plan's length ("5개년"): a rank or an edition, no count.
ORDINAL_NUMBER = re.compile(
    r"第\s?\d+|제\s?\d+\s?차|\d+\s?개년|\d+\.(?=\s+[A-ZÄÖÜ])"
    r"|\d+(?:st|nd|rd|th|e|ème|er|ère|\.?[ºª°]|-?(?:й|го|му|м|ой|ом))(?!\w)"
)
_MONTH = re.compile(r"\d{1,2}\s*月(?=\s*\d{1,2}\s*[日号])|\d{1,2}\s*月份?|\d{1,2}\s*월|\d+\s*개년")


def numbers(text: str, lang: str) -> Counter[float]:
    """Every number `text` states, as values (scale words applied), counted."""
    text = unicodedata.normalize("NFKC", text).translate(_ARABIC)
    if lang in CJK_LANGS:
        text = _MONTH.sub(" ", text)
    decimal = "," if lang in _DECIMAL_COMMA else "."
    found: Counter[float] = Counter()
    for match in _GROUPED[decimal].finditer(text):
        digits = re.sub(rf"[{_SPACES}{'.' if decimal == ',' else ','}]", "", match.group())
        value = float(digits.replace(",", "."))
        scale = _SCALE.match(text, match.end())
        if scale:
            value *= _SCALES[scale.group(1).lower()]
        found[_rounded(value)] += 1
    return found


# A Chinese or Japanese number written in characters with its scale ("十亿", "三千億", "二十五万"):
# the editions write "十億を超える" where a question writes "10億". Only where a question's
# numbers meet the corpus (bot.coverage, bot.keyterms): the source writes such numbers in words
# ("plus d'un milliard"), which the editions' number check does not read either.
CHARACTER_NUMBER = re.compile(
    r"([一二两兩三四五六七八九十][一二两兩三四五六七八九十百千]*)(万亿|[万萬亿億])"
)
_DIGIT_CHARACTERS = dict(
    zip("一二两兩三四五六七八九", (1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True)
)
_UNIT_CHARACTERS = {"十": 10, "百": 100, "千": 1000}


def scaled(text: str, end: int) -> bool:
    """Whether the number ending at `end` in `text` has a scale word after it ("1만", "10 mil",
    "3 milliards"): "1만 건" is ten thousand, not one."""
    return _SCALE.match(text, end) is not None


def numbers_written(text: str, lang: str) -> Counter[float]:
    """Every number `text` states, in digits or, in Chinese and Japanese, in characters."""
    if lang in ("zh", "ja"):
        return numbers(text, lang) + numbers_in_characters(text)
    return numbers(text, lang)


def numbers_in_characters(text: str) -> Counter[float]:
    """Every number `text` writes in Chinese characters before 万 or 亿 (億), as values."""
    found: Counter[float] = Counter()
    for match in CHARACTER_NUMBER.finditer(text):
        count, scale = match.groups()
        total, digit = 0, 0
        for character in count:
            if character in _UNIT_CHARACTERS:
                total += (digit or 1) * _UNIT_CHARACTERS[character]
                digit = 0
            else:
                digit = _DIGIT_CHARACTERS[character]
        found[_rounded((total + digit) * _SCALES[scale])] += 1
    return found


def _rounded(value: float) -> float:
    """Six significant digits: 81.3万 and 813 000 meet despite float arithmetic."""
    return float(f"{value:.6g}")


# A count written in characters: numerals and a counter ("三家", "两个", "五つ", "38万"), or a
# number with its scale ("十亿"); not "one of" ("地区之一", "地域の一つ"), an ordinal ("第一"),
# nor a word holding a numeral ("一流", "一些", "进一步", "统一"), nor "a" ("一个城市", "一批关键
# 技术", "一种"): a lone "一" with such a counter is the article; with a scale it counts ("一万"),
# and with a place or a person ("较上年上升一位", "順位を一つ上げた", "一人").
NUMERAL = "[一二两兩三四五六七八九十百千]"
_ARTICLE_COUNTER = "[个個家项項所名件款种種条條批座类類张張部]"
_COUNTER = f"(?:{_ARTICLE_COUNTER}|[位社校つ人倍])"
_COUNT_IN_CHARACTERS = re.compile(
    rf"(?<![第之の])(?:{NUMERAL}+[万萬亿億]|(?!一{_ARTICLE_COUNTER}){NUMERAL}+{_COUNTER})"
)


def counts_in_characters(text: str) -> bool:
    """Whether Chinese or Japanese `text` states a count in characters ("三项", "四万")."""
    return _COUNT_IN_CHARACTERS.search(text) is not None
