"""How common a word is in general language: wordfreq's frequencies, by word and by word family.

A question's terms are its rare words (bot.keyterms), and a name is looked for in an edition
only when that edition's language would spell it alike (bot.coverage); both ask here. Word
frequencies come from wordfreq (its lists ship in the wheel, read directly), stems from
PyStemmer through bot.tokens's choice of stemmer, Chinese simplification from wordfreq's jieba.
"""

from __future__ import annotations

import importlib.util
import math
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path

from bot.tokens import STEMMERS, unaccented

# A word is salient when its family (the words sharing its stem: "commented" is "comment") is
# not among the 2,000 commonest of its language, as many as the General Service List's word
# families, the everyday core that covers most running text. In English: "mayor", "headset",
# "patent" are salient; "population", "receive", "commented" and every function word are not.
COMMON_FAMILIES = 2000
# A word is a language's own spelling ("Tokio", "Peking", "Pechino") when that language writes
# it this much more often (in Zipf units) than another does: a name the question's language
# writes so is not looked for in an edition in another language ("Python", "HTC", "Chongqing"
# are), and a German capital English writes about as often is a name, not a noun.
LOCAL_MARGIN = 0.5
# An imperative with its pronouns written on ("Mettili a confronto", "Explícame el plan") is as
# common as its verb. Spanish marks the stress the pronouns move with an accent ("explica" →
# "explícame"); Italian marks nothing, so there the verb's infinitive must be common too.
_ENCLITIC = {
    "es": re.compile(r"(\w*[áéíóú]\w*?)(?:[mts]e|nos|l[oa]s?|les?)"),
    "it": re.compile(r"(\w+[aie])(?:gli|[mtcv]i|l[oaie]|ne)"),
}
_INFINITIVES = ("are", "ere", "ire")


def is_common(word: str, lang: str, families: int = COMMON_FAMILIES) -> bool:
    """Whether `word`'s family is among the `families` commonest of `lang`, or `word` is an
    imperative with its pronouns written on, of a verb that is."""
    if _in_common_family(word, lang, families):
        return True
    imperative = _ENCLITIC[lang].fullmatch(word.casefold()) if lang in _ENCLITIC else None
    if imperative is None:
        return False
    verb = unaccented(imperative[1])
    return _in_common_family(verb, lang, families) and (
        lang != "it" or any(_in_common_family(verb[:-1] + e, lang, families) for e in _INFINITIVES)
    )


def _in_common_family(word: str, lang: str, families: int) -> bool:
    counts, stem, ranked = _families(lang)
    least = ranked[min(families, len(ranked)) - 1] if ranked else 0.0
    return bool(counts) and counts.get(stem(word.casefold()), 0.0) >= least


@cache
def _families(lang: str) -> tuple[Mapping[str, float], Callable[[str], str], tuple[float, ...]]:
    """The frequency of each word family of `lang` (the words of one stem; each word its own
    family where bot has no stemmer for `lang`), the function from a word to its family, and
    the families' frequencies, commonest first."""
    import Stemmer

    stemmer = Stemmer.Stemmer(STEMMERS[lang]) if lang in STEMMERS else None
    stem: Callable[[str], str] = stemmer.stemWord if stemmer else str
    counts: dict[str, float] = {}
    for word, frequency in frequencies(lang).items():
        key = stem(word)
        counts[key] = counts.get(key, 0.0) + frequency
    return counts, stem, tuple(sorted(counts.values(), reverse=True))


def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of `word` in `lang` (0 when rarer than its short list holds)."""
    # wordfreq keys are casefolded: "τησ" for "της", "strasse" for "Straße".
    frequency = frequencies(lang).get(word.casefold())
    return math.log10(frequency) + 9 if frequency else 0.0


@cache
def frequencies(lang: str) -> Mapping[str, float]:
    """wordfreq's short list for `lang`: each casefolded word and its frequency ({} if none).

    The short lists (words used at least once per million) hold every common word. They are
    read from the files wordfreq ships, in its "cBpack" format (a gzipped msgpack list: a
    header, then the words of each centibel of frequency): importing wordfreq itself (ftfy,
    langcodes, regex) would cost a one-shot `bot ask` a fifth of a second."""
    import gzip

    import msgpack

    name = {"no": "nb"}.get(lang, lang)  # wordfreq names Norwegian Bokmål so
    path = _wordfreq_data() / f"small_{name}.msgpack.gz"
    if not path.is_file():
        return {}
    with gzip.open(path, "rb") as packed:
        header, *centibels = msgpack.load(packed, raw=False)
    if header != {"format": "cB", "version": 1}:
        raise ValueError(f"{path}: not a word list of the format bot reads ({header!r})")
    return {word: 10 ** (-cb / 100) for cb, words in enumerate(centibels) for word in words}


@cache
def _wordfreq_data() -> Path:
    """The folder of wordfreq's word lists (found without importing wordfreq)."""
    package = importlib.util.find_spec("wordfreq")
    if package is None or not package.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed: run `make run` (or pip install -e .)")
    return Path(package.submodule_search_locations[0]) / "data"


def is_hangul(word: str) -> bool:
    """Whether `word` starts with a Hangul syllable."""
    return "\uac00" <= word[:1] <= "\ud7af"


# Korean particles, longest first: written on to the word they follow ("총량과", "상하이에서").
_KOREAN_PARTICLES = (
    "에서", "에게", "까지", "부터", "보다", "처럼", "이며", "이고", "이나", "으로",
    "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "만",
)  # fmt: skip
# What a noun may carry besides a particle: the plural ("도시들을"), the copula ("결과예요").
_KOREAN_NOUN_ENDINGS = ("들", "이다", "입니다", "이에요", "예요", "인가요", "인지", "인데", "이란")
# Endings of a predicate, a verb or an adjective ("말했다", "많았고", "대표적인"): it says how a
# sentence says something, never what it is about.
KOREAN_PREDICATE = re.compile(r"(?:다|고|며|면|서|지만|는데|한|된|적인)$")
# And the polite and question endings of a question's predicate ("있나요", "알려 주세요", "했을까").
_KOREAN_ASKING = re.compile(r"(?:요|까|죠)$")
# Verb-making suffixes: "말하는" is "say", "발표된" "announced".
_KOREAN_VERB_SUFFIXES = ("하", "되")


def korean_stem(word: str) -> str:
    """The noun a Korean word writes: its longest start that wordfreq knows, when a particle,
    the plural or the copula follows ("상하이의" → "상하이", "도시들을" → "도시"), else the word
    without its particle ("총량과" → "총량"); "" for a predicate ("있나요", "연달아", "내놓은"):
    particles and endings are written on to words."""
    known = frequencies("ko")
    if word in known:
        # "건가요", "주세요": wordfreq knows them too; a noun in 요 has two syllables ("필요").
        return "" if len(word) > 2 and _KOREAN_ASKING.search(word) else word
    for n in range(len(word) - 1, 1, -1):
        if word[:n] in known:
            stem, rest = word[:n], word[n:]
            noun = noun_ending(rest) and not stem.endswith(_KOREAN_VERB_SUFFIXES)
            return stem if noun else ""
    if KOREAN_PREDICATE.search(word) or _KOREAN_ASKING.search(word):
        return ""
    particle = next((p for p in _KOREAN_PARTICLES if word.endswith(p)), "")
    stem = word[: len(word) - len(particle)]
    return "" if particle and stem.endswith(_KOREAN_VERB_SUFFIXES) else stem


def noun_ending(rest: str) -> bool:
    """Whether `rest`, written after a noun, is a particle (two may stack: "에서는", "에도"), the
    plural or the copula."""
    rest = rest.removeprefix("들")
    if rest in ("", *_KOREAN_PARTICLES, *_KOREAN_NOUN_ENDINGS):
        return True
    return any(
        rest.startswith(first) and rest[len(first) :] in _KOREAN_PARTICLES
        for first in _KOREAN_PARTICLES
    )


def simplified(text: str) -> str:
    """Traditional characters as simplified ones, so "東京" finds "东京"."""
    return _chinese().simplify_chinese(text)


@cache
def _chinese():  # noqa: ANN202 - wordfreq.chinese imports jieba, which has no type hints
    load_jieba()
    import wordfreq.chinese

    return wordfreq.chinese


@cache
def load_jieba():  # noqa: ANN202 - jieba has no type hints
    """jieba with its part-of-speech tagger, imported quietly (wordfreq.chinese imports it too)."""
    import logging

    with warnings.catch_warnings():
        # jieba 0.42 has "\." in regex literals that are not raw strings: Python warns when it
        # compiles them (no .pyc yet), and pytest's warnings-as-errors would turn that into an
        # import failure.
        warnings.filterwarnings("ignore", "invalid escape sequence", DeprecationWarning)
        warnings.filterwarnings("ignore", "invalid escape sequence", SyntaxWarning)
        import jieba
        import jieba.posseg  # noqa: F401
    jieba.setLogLevel(logging.WARNING)
    return jieba


_LOWERCASE = re.compile(r"\b[a-z]{3,}\b")
# An acronym after the lowercase words it stands for: "artificial intelligence generated content
# (AIGC)" names a thing, not an organisation.
_DEFINED = re.compile(r"((?:\b[a-z][\w-]*\s+){2,8})\(([A-Z]{2,8})\)")


def lowercase_words(texts: Iterable[str]) -> frozenset[str]:
    """The words `texts` write in lowercase, and the acronyms they spell out in lowercase words
    ("aigc"), lowered."""
    words: set[str] = set()
    for text in texts:
        words.update(_LOWERCASE.findall(text))
        for spelled, acronym in _DEFINED.findall(text):
            initials = "".join(word[0] for word in spelled.split()[-len(acronym) :])
            if initials == acronym.lower():
                words.add(initials)
    return frozenset(words)
