"""Tokens: how every module splits text into words — scripts, numbers kept whole, stopwords and
stemmers per language. BM25 (bot.lexical), key terms, coverage and labels all read text this way."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

# One character class per script (the ranges bot.lang counts too).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3040-\u30ff"
HANGUL = "\uac00-\ud7af"
# Chinese and Japanese: no spaces between words, a character carries about a word's meaning.
UNSPACED = re.compile(f"[{HAN}{KANA}]")
# Those and Korean: read as character runs, not as space-separated words.
CJK = re.compile(f"[{HAN}{KANA}{HANGUL}]")
# The languages written in them.
CJK_LANGS = ("zh", "ja", "ko")

STEMMERS = {
    "ar": "arabic", "da": "danish", "de": "german", "en": "english", "es": "spanish",
    "fi": "finnish", "fr": "french", "it": "italian", "nl": "dutch", "pt": "portuguese",
    "ru": "russian", "sv": "swedish", "tr": "turkish",
}  # fmt: skip

# A number written with blank or comma thousands separators ("813 000", "813,000") or a decimal
# comma ("5,72"). A comma before exactly three digits groups thousands in every edition.
_NUMBER = re.compile(r"\d{1,3}(?:[,  \u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")
# Kana, ideographs and Hangul syllables are read as character bigrams: Chinese and Japanese have
# no spaces, and a Korean word carries its particle ("베이징은", "베이징의" share "베이", "이징").
_CJK_RUN = re.compile(f"[{HAN}{KANA}{HANGUL}]+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Arabic's optional marks (short vowels, tanwin, shadda, the dagger alif) and the tatweel: a text
# writes them now and then ("يُستخدم", "شريكاً"), and a mark splits a word for \w.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")


@cache
def _stemmer(lang: str):  # noqa: ANN202 - PyStemmer has no type hints
    import Stemmer

    name = STEMMERS.get(lang)
    return Stemmer.Stemmer(name) if name else None


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The stopwords of `lang` (bm25s's lists; none for a language it has no list for)."""
    names = {"en": "EN", "fr": "FRENCH", "de": "GERMAN", "es": "SPANISH", "it": "ITALIAN",
             "pt": "PORTUGUESE", "ru": "RUSSIAN", "nl": "DUTCH", "zh": "CHINESE"}  # fmt: skip
    words = _bm25s_stopwords().get(f"STOPWORDS_{names[lang]}", ()) if lang in names else ()
    return frozenset(w.lower() for w in words)


@cache
def _bm25s_stopwords() -> dict[str, object]:
    """bm25s's stopword lists, read from their file: importing `bm25s.stopwords` would import
    the bm25s package, and SciPy with it (a sixth of a second a start)."""
    import importlib.util
    import runpy

    package = importlib.util.find_spec("bm25s")
    if package is None or not package.submodule_search_locations:
        raise ModuleNotFoundError("bm25s is not installed: run `make run` (or pip install -e .)")
    return runpy.run_path(str(Path(package.submodule_search_locations[0]) / "stopwords.py"))


def normalize_number(text: str) -> str:
    """'813 000' and '813,000' → '813000', '5,72' → '5.72': one spelling for every way of
    writing a number."""
    text = re.sub(r"[  \u202f]|,(?=\d{3}(?!\d))", "", text)
    return text.replace(",", ".")


def plain(text: str) -> str:
    """`text` in NFKC, without the marks Arabic writes only now and then: "يُستخدم" → "يستخدم"."""
    return _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text))


def unaccented(text: str) -> str:
    """`text` without its accents and other combining marks: "Pékin" → "Pekin"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def stem_words(text: str, lang: str) -> list[str]:
    """The words of `text` in order, lowercased and stemmed in `lang`, none dropped: a phrase
    whose endings may differ ("хуан чжаоине" and "хуан чжаоина" → "хуа чжаоин")."""
    words = _WORD.findall(plain(text).lower())
    stemmer = _stemmer(lang)
    return stemmer.stemWords(words) if stemmer else words


def tokenize(text: str, langs: Iterable[str]) -> list[str]:
    """Numbers whole, CJK and Hangul as character bigrams, other words lowercased, unstopped
    and stemmed in each of `langs` (the union: one query can match texts in several languages)."""
    text = plain(text).lower()
    langs = tuple(dict.fromkeys(langs))
    tokens = [normalize_number(m.group()) for m in _NUMBER.finditer(text)]
    text = _NUMBER.sub(" ", text)
    for run in _CJK_RUN.findall(text):
        tokens.extend(run[i : i + 2] for i in range(max(len(run) - 1, 1)))
    words = [w for w in _WORD.findall(_CJK_RUN.sub(" ", text)) if len(w) > 1]
    stop = frozenset().union(*(stopwords(lang) for lang in langs)) if langs else frozenset()
    words = [w for w in words if w not in stop]
    stems: set[str] = set()
    for lang in langs or ("",):
        stemmer = _stemmer(lang)
        stems.update(stemmer.stemWords(words) if stemmer else words)
    return tokens + sorted(stems)
