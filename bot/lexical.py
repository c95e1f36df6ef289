"""Lexical index: BM25 (bm25s) over the tokens of bot.tokens, one index per language."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bot.tokens import tokenize


class LexicalIndex:
    """BM25 scores for every indexed text, one BM25 per language, saved as plain files (no pickle).

    Each language has its own: a word's rarity is measured among the texts of its language, so
    adding an edition in another language changes no score of this one."""

    def __init__(self, parts: dict[str, tuple[object, np.ndarray]], size: int) -> None:
        self._parts = parts  # language → (its bm25s retriever, the rows of its texts)
        self._size = size
        self.langs = tuple(sorted(parts))

    @classmethod
    def build(cls, texts: Sequence[str], text_langs: Sequence[str]) -> LexicalIndex:
        """Index each text with its own language's stemmer, in its language's BM25."""
        import bm25s

        parts = {}
        for lang in sorted(set(text_langs)):
            rows = np.array([n for n, t in enumerate(text_langs) if t == lang], dtype=np.int64)
            retriever = bm25s.BM25()
            retriever.index(
                [tokenize(texts[n], [lang]) or ["\u2205"] for n in rows], show_progress=False
            )
            parts[lang] = (retriever, rows)
        return cls(parts, len(texts))

    def save(self, folder: Path) -> None:
        for lang, (retriever, rows) in self._parts.items():
            retriever.save(str(folder / lang), show_progress=False)
            np.save(folder / lang / "rows.npy", rows, allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, langs: Sequence[str]) -> LexicalIndex:
        import bm25s

        parts = {
            lang: (
                bm25s.BM25.load(str(folder / lang), show_progress=False),
                np.load(folder / lang / "rows.npy", allow_pickle=False),
            )
            for lang in langs
        }
        return cls(parts, sum(len(rows) for _, rows in parts.values()))

    def scores(self, query: str, query_lang: str) -> np.ndarray:
        """BM25 score of every text for the query (zeros where nothing matches): from the texts
        in the query's language when there are any, else from every language's."""
        scores = np.zeros(self._size, dtype=np.float32)
        tokens = tokenize(query, (query_lang, *self.langs))
        langs = (query_lang,) if query_lang in self._parts else self.langs
        for lang in langs:
            retriever, rows = self._parts[lang]
            vocab = retriever.vocab_dict
            known = [t for t in tokens if t in vocab]
            if known:
                scores[rows] = np.asarray(retriever.get_scores(known), dtype=np.float32)
        return scores
