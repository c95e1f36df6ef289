"""What a request names: the article's cities and parts, in the editions' languages, and the part
a summary request names (by number or shared names); whether it names a subject instead is
bot.about's."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from bot.closed_words import asks_which, has_request_word

# Names and words the article's part titles use, across languages and scripts. Entries in
# Chinese, Japanese or Arabic script match anywhere (no spaces; Arabic attaches prepositions:
# "ببكين"); others match whole words, or word starts when they end in "*" ("compar*": comparison,
# comparaison; "пекин*": Пекина; "상하이*": 상하이는).
ALIASES: dict[str, tuple[str, ...]] = {
    "beijing": (
        "beijing", "pékin", "pekin", "peking*", "pekín", "pechino", "pequim", "北京", "京沪",
        "пекин*", "بكين", "ペキン", "ベイジン", "베이징*",
    ),
    # "沪" is Shanghai's one-character name, "京沪" the two cities' ("京沪两地").
    "shanghai": (
        "shanghai*", "shanghái", "xangai", "schanghai*", "上海", "沪", "шанха*", "شنغهاي",
        "シャンハイ", "상하이*",
    ),
    "comparison": (
        "vs", "versus", "compar*", "vergleich*", "verglich*", "confront*", "contro", "contra",
        "gegen", "对比", "比较", "相比", "比較", "比べ", "сравн*", "против", "قارن", "비교*",
    ),
    # Words that ask how two things differ: they frame a comparison, as "compare" does.
    "difference": (
        "differ", "differs", "differed", "difference*", "distingu*", "diffèrent", "diffère",
        "différence*", "diferenc*", "difieren", "unterscheid*", "unterschied*", "differisc*",
        "differenz*", "diferem", "difere", "diferença*", "отлича*", "отличи*", "различи*",
        "الفرق", "يختلف", "تختلف", "区别", "差异", "差別", "違い", "違う", "차이*",
    ),
    "china": (
        "china", "china's", "chine", "cina", "кита*", "الصين", "中国", "中國", "중국*",
    ),
    "metaverse": (
        "metavers*", "métavers*", "元宇宙", "метавселен*", "ميتافيرس", "メタバース", "메타버스*",
    ),
    "ai": (
        "ai", "ia", "ki", "ии", "intelligence artificielle", "artificial intelligence",
        "人工智能", "人工知能", "인공지능*", "الذكاء الاصطناعي",
    ),
}  # fmt: skip
# The article's two cities and its two subjects (ALIASES keys).
PLACES = ("beijing", "shanghai")
SUBJECTS = frozenset({"ai", "metaverse"})
# "Which city…?", "les deux villes", "哪个城市": a comparison may name neither city.
CITY_WORDS = (
    "city", "cities", "ville", "villes", "ciudad", "ciudades", "stadt", "städte", "città",
    "cidade", "cidades", "город*", "مدينة", "المدينتين", "城市", "两座", "两地", "都市", "도시",
)  # fmt: skip
# Which city asked ("which of the two cities", "quelle ville", "哪个城市"): a city word named
# otherwise ("Which five technologies were compared across cities?") asks which of something else.
_WHICH_CITY = re.compile(
    r"\b(?:which|quel(?:le)?s?|cu[aá]l(?:es)?|qu[eé]|welche[mnrs]?|qual[ei]?|quais|"
    r"как\w*|أي|أية)\s+(?:\w+\s+){0,3}?(?:"
    + "|".join(
        name.replace("*", r"\w*") for name in CITY_WORDS if name[0].isalpha() and name[0] < "\u0600"
    )
    + r")\b|哪\S{0,2}城市|(?:城市|两座|两地)\S{0,4}哪|どの都市|어느 도시|أي مدينة|أي المدينتين",
    re.IGNORECASE,
)
# Italian "compare" is "appears" before a preposition ("quale ente compare tra i partner").
_APPEARS = re.compile(r"\bcompar(?:e|s[oaie])\s+(?:tra|fra|nel\w*|nei|anche|come|al|alla|sul\w*)\b")
# "Part 2", "la troisième partie", "第二部分", "الجزء الأول": a part word, then a number or ordinal.
PART_WORDS = (
    "part", "parts", "section", "chapter", "partie", "chapitre", "parte", "sección", "sezione",
    "seção", "secção", "capítulo", "capitolo", "teil", "abschnitt", "kapitel", "част*", "раздел*",
    "جزء", "قسم", "部分", "部", "节", "章", "パート", "부분*", "섹션*",
)  # fmt: skip
ORDINALS: dict[int, tuple[str, ...]] = {
    1: ("first", "1st", "premi*", "primer*", "prima", "primeira", "erste*", "перв*", "الأول",
        "첫*", "第一"),
    2: ("second*", "2nd", "deuxi*", "segund*", "zweite*", "втор*", "الثاني", "두 번째", "둘째",
        "第二"),
    3: ("third", "3rd", "troisi*", "tercer*", "terz*", "terceir*", "dritte*", "трет*", "الثالث",
        "세 번째", "셋째", "第三"),
}  # fmt: skip
# Common words holding a one-character part word ("the article", "all", "details", "department").
_NOT_PARTS = ("文章", "全部", "细节", "細節", "部门", "部門", "内部", "外部")
_LEADING_NUMBER = re.compile(r"\W*0*([1-9]|[一二三四五六七八九])\s*[,，、.．:：]")
_CJK_NUMERALS = "一二三四五六七八九"
# Scripts written without spaces between words, or with prepositions attached (Arabic).
UNSPACED_SCRIPT = re.compile(r"[\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff]")
_LETTER = r"[a-zß-öø-ÿа-яё가-힣]"


def summary_target(text: str, part_titles: Mapping[str, Sequence[str]]) -> str | None:
    """The part a summary request names (by number or by shared names), or None: the whole."""
    message = text.casefold()
    number = _part_number(message)
    if number is not None:
        for part, titles in part_titles.items():
            if number in {_title_number(t) for t in titles}:
                return part
    asked = concepts(message)
    if not asked:
        return None
    ranked = []
    for part, titles in part_titles.items():
        offered = set().union(*(concepts(t.casefold()) for t in titles)) if titles else set()
        # Most shared names first; then the part that names least besides (Beijing alone: part 1,
        # not "Beijing VS Shanghai").
        ranked.append((len(asked & offered), -len(offered - asked), part))
    ranked.sort(reverse=True)
    if not ranked or ranked[0][0] == 0 or (len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]):
        return None
    return ranked[0][2]


def compares(text: str) -> bool:
    """Whether a message could ask to compare the two cities: it names both, one and a comparison
    ("vs", "对比"; alone, "비교에 사용된" is how it compared), or cities ("which city"); no part."""
    message = text.casefold()
    if names_part(message):
        return False  # "the section that compares the two cities": a part to summarise
    named = concepts(message)
    return (
        {"beijing", "shanghai"} <= named
        or ("comparison" in named and bool(named & set(PLACES)))
        or any(has_name(message, word) for word in CITY_WORDS)
        and not (asks_which(message) and _WHICH_CITY.search(message) is None)
    )


def compares_explicitly(text: str) -> bool:
    """Whether a message asks in so many words to compare the two cities: a comparison word
    ("compare", "vs", "对比", "비교") and both cities named, no part, no summary word ("Regulação
    e segurança de conteúdo de IA: compare Pequim e Xangai"; not "Résume le passage qui compare
    Pékin et Shanghai")."""
    return (
        compares(text)
        and {"comparison", *PLACES} <= concepts(text.casefold())
        and not has_request_word(text)
    )


def places(text: str) -> set[str]:
    """Which of the article's two cities (PLACES) `text` names, in any of the editions'
    languages."""
    message = text.casefold()
    return {city for city in PLACES if _any_name(city).search(message)}


def without_names(text: str, named: Sequence[str]) -> str:
    """Casefolded `text` with every name of the `named` ALIASES keys taken out (a word start
    with the rest of its word: "compar*" takes "comparez"), spaces squeezed."""
    text = text.casefold()
    for concept in named:
        for name in ALIASES[concept]:
            text = re.sub(pattern(name) + (r"\w*" if name.endswith("*") else ""), " ", text)
    return " ".join(text.split())


def concepts(text: str) -> set[str]:
    """The ALIASES keys whose names occur in casefolded `text` (Italian "compare tra…",
    "appears among…", compares nothing)."""
    text = _APPEARS.sub(" ", text)
    return {concept for concept in ALIASES if _any_name(concept).search(text)}


@cache
def _any_name(concept: str) -> re.Pattern:
    """One expression for every name of `concept` (an ALIASES key): comparisons read the cities
    of a few hundred sentences, one expression a name had cost them a third of their time."""
    return re.compile("|".join(f"(?:{pattern(name)})" for name in ALIASES[concept]))


def has_name(text: str, name: str) -> bool:
    """Whether casefolded `text` holds `name`, an ALIASES entry (as a word, a word start when it
    ends in "*", anywhere when it is in an unspaced script)."""
    return re.search(pattern(name), text) is not None


@cache
def pattern(name: str) -> str:
    """The regular expression of an ALIASES entry, for casefolded text."""
    if UNSPACED_SCRIPT.search(name):
        return re.escape(name.rstrip("*"))
    stem = name.endswith("*")
    name = re.escape(name.rstrip("*"))
    return rf"(?<!{_LETTER}){name}" + ("" if stem else f"(?!{_LETTER})")


def names_part(message: str) -> bool:
    """Whether casefolded `message` names a part of the article ("第二章", "北京についての章").
    A one-character Chinese part word inside a common word is none: "文章" is "the article"."""
    for word in _NOT_PARTS:
        message = message.replace(word, " ")
    return any(has_name(message, word) for word in PART_WORDS)


def _part_number(message: str) -> int | None:
    """The part number a message names ("partie 2", "第二部分", "the third part"), if any."""
    if not names_part(message):
        return None
    digits = re.findall(r"(?<!\d)([1-9])(?!\d)", message)
    if len(set(digits)) == 1:
        return int(digits[0])
    found = {n for n, words in ORDINALS.items() if any(has_name(message, w) for w in words)}
    return found.pop() if len(found) == 1 else None


def _title_number(title: str) -> int | None:
    match = _LEADING_NUMBER.match(title)
    if not match:
        return None
    value = match.group(1)
    return int(value) if value.isdigit() else _CJK_NUMERALS.index(value) + 1
