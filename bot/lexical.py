"""Lexical index: BM25 (bm25s) over language-aware tokens, with numbers kept whole."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

STEMMERS = {
    "ar": "arabic", "da": "danish", "de": "german", "en": "english", "es": "spanish",
    "fi": "finnish", "fr": "french", "it": "italian", "nl": "dutch", "pt": "portuguese",
    "ru": "russian", "sv": "swedish", "tr": "turkish",
}  # fmt: skip

# A number written with blank or comma thousands separators ("813 000", "813,000") or a decimal
# comma ("5,72"). A comma before exactly three digits groups thousands in every edition.
_NUMBER = re.compile(r"\d{1,3}(?:[,  \u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def _stemmer(lang: str):  # noqa: ANN202 - PyStemmer has no type hints
    import Stemmer

    name = STEMMERS.get(lang)
    return Stemmer.Stemmer(name) if name else None


@cache
def _stopwords(lang: str) -> frozenset[str]:
    import bm25s.stopwords as lists

    names = {"en": "EN", "fr": "FRENCH", "de": "GERMAN", "es": "SPANISH", "it": "ITALIAN",
             "pt": "PORTUGUESE", "ru": "RUSSIAN", "nl": "DUTCH", "zh": "CHINESE"}  # fmt: skip
    words = getattr(lists, f"STOPWORDS_{names[lang]}", ()) if lang in names else ()
    return frozenset(w.lower() for w in words)


def normalize_number(text: str) -> str:
    """'813 000' and '813,000' → '813000', '5,72' → '5.72': one spelling for every way of
    writing a number."""
    text = re.sub(r"[  \u202f]|,(?=\d{3}(?!\d))", "", text)
    return text.replace(",", ".")


def tokenize(text: str, langs: Iterable[str]) -> list[str]:
    """Numbers whole, CJK as character bigrams, other words lowercased, unstopped and stemmed
    in each of `langs` (the union, so one query can match documents in several languages)."""
    text = unicodedata.normalize("NFKC", text).lower()
    langs = tuple(dict.fromkeys(langs))
    tokens = [normalize_number(m.group()) for m in _NUMBER.finditer(text)]
    text = _NUMBER.sub(" ", text)
    for run in _CJK.findall(text):
        tokens.extend(run[i : i + 2] for i in range(max(len(run) - 1, 1)))
    words = [w for w in _WORD.findall(_CJK.sub(" ", text)) if len(w) > 1]
    stop = frozenset().union(*(_stopwords(lang) for lang in langs)) if langs else frozenset()
    words = [w for w in words if w not in stop]
    stems: set[str] = set()
    for lang in langs or ("",):
        stemmer = _stemmer(lang)
        stems.update(stemmer.stemWords(words) if stemmer else words)
    return tokens + sorted(stems)


class LexicalIndex:
    """BM25 scores for every indexed text, saved as plain files (no pickle)."""

    def __init__(self, retriever, langs: Sequence[str]) -> None:  # noqa: ANN001
        self._bm25 = retriever
        self.langs = tuple(langs)

    @classmethod
    def build(cls, texts: Sequence[str], text_langs: Sequence[str]) -> LexicalIndex:
        """Index each text with its own language's stemmer."""
        import bm25s

        corpus = [
            tokenize(t, [lang]) or ["\u2205"] for t, lang in zip(texts, text_langs, strict=True)
        ]
        retriever = bm25s.BM25()
        retriever.index(corpus, show_progress=False)
        return cls(retriever, sorted(set(text_langs)))

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, langs: Sequence[str]) -> LexicalIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), show_progress=False), langs)

    def scores(self, query: str, query_lang: str) -> np.ndarray:
        """BM25 score of every text for the query (zeros where nothing matches)."""
        vocab = self._bm25.vocab_dict
        tokens = [t for t in tokenize(query, (query_lang, *self.langs)) if t in vocab]
        if not tokens:
            return np.zeros(self._bm25.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
