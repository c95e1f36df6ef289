"""Lexical index: BM25 (bm25s) over the tokens of bot.tokens, one index per language.

bm25s computes the scores at build time; they are kept as bm25s would save them, and a query
sums them itself (`_Scores`): importing bm25s, and the SciPy it brings, would cost a one-shot
`bot ask` a sixth of a second."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.tokens import tokenize


@dataclass(frozen=True)
class _Scores:
    """One language's BM25 as bm25s saves it: each word's score in every text holding it (a
    compressed sparse column matrix, word by word)."""

    vocab: dict[str, int]  # word → column
    data: np.ndarray  # the scores, column after column
    indices: np.ndarray  # the text of each score
    indptr: np.ndarray  # column c is data[indptr[c] : indptr[c + 1]]
    texts: int

    @classmethod
    def build(cls, texts: Sequence[Sequence[str]]) -> _Scores:
        """bm25s's scores (Lucene's BM25) of the tokenized `texts`."""
        import bm25s

        retriever = bm25s.BM25()
        retriever.index(texts, show_progress=False)
        matrix = retriever.scores
        return cls(dict(retriever.vocab_dict), matrix["data"], matrix["indices"],
                   matrix["indptr"], int(matrix["num_docs"]))  # fmt: skip

    def save(self, folder: Path) -> None:
        """The files bm25s's own `save` writes (its default method, Lucene)."""
        folder.mkdir(parents=True, exist_ok=True)
        params = {"method": "lucene", "num_docs": self.texts}
        (folder / "params.index.json").write_text(json.dumps(params), encoding="utf-8")
        (folder / "vocab.index.json").write_text(
            json.dumps(self.vocab, ensure_ascii=False), encoding="utf-8"
        )
        for name, array in (
            ("data", self.data),
            ("indices", self.indices),
            ("indptr", self.indptr),
        ):
            np.save(folder / f"{name}.csc.index.npy", array, allow_pickle=False)

    @classmethod
    def load(cls, folder: Path) -> _Scores:
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        if params["method"] not in ("lucene", "robertson", "atire"):  # no non-occurrence term
            raise ValueError(f"{folder}: BM25 variant {params['method']!r} is not supported")
        return cls(
            json.loads((folder / "vocab.index.json").read_text(encoding="utf-8")),
            np.load(folder / "data.csc.index.npy", allow_pickle=False),
            np.load(folder / "indices.csc.index.npy", allow_pickle=False),
            np.load(folder / "indptr.csc.index.npy", allow_pickle=False),
            int(params["num_docs"]),
        )

    def scores(self, words: Sequence[str]) -> np.ndarray:
        """The sum of each word's scores, per text (a repeated word counts again, as in bm25s)."""
        total = np.zeros(self.texts, dtype=np.float32)
        for column in (self.vocab[w] for w in words if w in self.vocab):
            start, end = self.indptr[column], self.indptr[column + 1]
            np.add.at(total, self.indices[start:end], self.data[start:end])
        return total


class LexicalIndex:
    """BM25 scores for every indexed text, one BM25 per language, saved as plain files (no pickle).

    Each language has its own: a word's rarity is measured among the texts of its language, so
    adding an edition in another language changes no score of this one."""

    def __init__(self, parts: dict[str, tuple[_Scores, np.ndarray]], size: int) -> None:
        self._parts = parts  # language → (its BM25 scores, the rows of its texts)
        self._size = size
        self.langs = tuple(sorted(parts))

    @classmethod
    def build(cls, texts: Sequence[str], text_langs: Sequence[str]) -> LexicalIndex:
        """Index each text with its own language's stemmer, in its language's BM25."""
        parts = {}
        for lang in sorted(set(text_langs)):
            rows = np.array([n for n, t in enumerate(text_langs) if t == lang], dtype=np.int64)
            tokens = [tokenize(texts[n], [lang]) or ["\u2205"] for n in rows]
            parts[lang] = (_Scores.build(tokens), rows)
        return cls(parts, len(texts))

    def save(self, folder: Path) -> None:
        for lang, (matrix, rows) in self._parts.items():
            matrix.save(folder / lang)
            np.save(folder / lang / "rows.npy", rows, allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, langs: Sequence[str]) -> LexicalIndex:
        parts = {
            lang: (
                _Scores.load(folder / lang),
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
            matrix, rows = self._parts[lang]
            scores[rows] = matrix.scores(tokens)
        return scores
