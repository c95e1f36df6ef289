"""Each sentence's search words — its own BM25 tokens with its translations' — computed by
`bot index` and kept compact: every distinct word once, and per sentence a run of word numbers.
As one Python set per sentence they took 315 MB at a thousand documents, half of the engine's
memory (bench/corpus_scale.py); a question reads the few dozen sentences it retrieves."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

# The three files in the index folder: the words, each word's number per sentence, and where
# each sentence's run starts.
WORDS, IDS, OFFSETS = "sentence_words.json", "sentence_word_ids.npy", "sentence_word_offsets.npy"


class SentenceWords(Sequence[frozenset[str]]):
    """Sentence n's words are `words[i]` for i in `ids[offsets[n]:offsets[n + 1]]`."""

    def __init__(self, words: Sequence[str], ids: np.ndarray, offsets: np.ndarray) -> None:
        self.words, self.ids, self.offsets = tuple(words), ids, offsets

    @classmethod
    def build(cls, per_sentence: Iterable[Iterable[str]]) -> SentenceWords:
        """From each sentence's words, in sentence order."""
        sentences = [sorted(set(words)) for words in per_sentence]
        words = sorted({w for sentence in sentences for w in sentence})
        number = {w: i for i, w in enumerate(words)}
        ids = np.array([number[w] for s in sentences for w in s], dtype=np.int32)
        offsets = np.cumsum([0, *(len(s) for s in sentences)], dtype=np.int64)
        return cls(words, ids, offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def _at(self, n: int) -> frozenset[str]:
        start, end = self.offsets[n], self.offsets[n + 1]
        return frozenset(self.words[i] for i in self.ids[start:end].tolist())

    def __getitem__(self, key):  # noqa: ANN001, ANN204 - an int or a slice, as a tuple does
        if isinstance(key, slice):
            return tuple(self._at(n) for n in range(*key.indices(len(self))))
        if not -len(self) <= key < len(self):
            raise IndexError(f"sentence {key} of {len(self)}")
        return self._at(key % len(self))

    def __iter__(self) -> Iterator[frozenset[str]]:
        return (self._at(n) for n in range(len(self)))

    def save(self, folder: Path) -> None:
        """Write the three files into `folder` (deterministic: the same words, the same bytes)."""
        (folder / WORDS).write_text(json.dumps(self.words, ensure_ascii=False), encoding="utf-8")
        np.save(folder / IDS, self.ids, allow_pickle=False)
        np.save(folder / OFFSETS, self.offsets, allow_pickle=False)

    @classmethod
    def load(cls, folder: Path) -> SentenceWords:
        """Read what `save` wrote; the arrays are memory-mapped (workers share them)."""
        words = json.loads((folder / WORDS).read_text(encoding="utf-8"))
        ids = np.load(folder / IDS, mmap_mode="r", allow_pickle=False)
        offsets = np.load(folder / OFFSETS, mmap_mode="r", allow_pickle=False)
        return cls(words, ids, offsets)
