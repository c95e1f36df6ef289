"""The example messages of each kind (bot/intents.jsonl), embedded at index time, and the linear
classifier fitted on them: what a message's vector is closest to. bot.intent reads it beside the
message's words."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.embed import Embedder

# "summary": of the article or a part it names; "subject": of what the article says on a subject
# ("sur la puissance de calcul"); "comparison": Beijing against Shanghai on something.
KINDS = ("summary", "subject", "comparison", "smalltalk", "question")
# What small talk does, so the reply fits: "Merci" is not answered with "Bonjour".
ACTS = ("greeting", "thanks", "farewell", "help")
EXAMPLES = Path(__file__).with_name("intents.jsonl")

# Ridge penalty of the linear classifier, and how far (in its ±1 target units) a kind must score
# above every other to win: unsure means question. Chosen by cross-validation
# on the examples, phrasings held out with their translations, never on eval/intents.jsonl
# (`python bench/intent_quality.py --sweep`).
RIDGE = 2.0
MARGIN = 0.4


@dataclass(frozen=True, eq=False)
class IntentExamples:
    """Example messages, their kinds and query vectors, and the classifier fitted on them."""

    vectors: np.ndarray
    kinds: tuple[str, ...]
    texts: tuple[str, ...]
    acts: tuple[str, ...] = ()  # of each small-talk example (ACTS); "" for the others
    ridge: float = RIDGE
    margin: float = MARGIN
    _weights: np.ndarray = field(init=False, repr=False)
    _mean: np.ndarray = field(init=False, repr=False)
    _exact: dict[str, str] = field(init=False, repr=False)
    _exact_act: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.vectors.ndim != 2 or not len(self.kinds) == len(self.texts) == len(self.vectors):
            raise ValueError("Intent examples need one vector, one kind and one text each.")
        if set(self.kinds) != set(KINDS):
            raise ValueError(f"Intent examples need each of the kinds {KINDS} and no other.")
        mean, weights = _fit(self.vectors, self.kinds, self.ridge)
        object.__setattr__(self, "_mean", mean)
        object.__setattr__(self, "_weights", weights)
        exact: dict[str, str] = {}
        for text, kind in zip(self.texts, self.kinds, strict=True):
            key = _normalise(text)
            # A text given two kinds is no evidence for either.
            exact[key] = kind if exact.get(key, kind) == kind else ""
        object.__setattr__(self, "_exact", {k: v for k, v in exact.items() if v})
        acts = {_normalise(t): a for t, a in zip(self.texts, self.acts, strict=False) if a}
        object.__setattr__(self, "_exact_act", acts)

    def to_arrays(self) -> tuple[np.ndarray, list[dict[str, str]]]:
        """The vectors (for a .npy file) and the labelled texts (for a JSON list)."""
        acts = self.acts or ("",) * len(self.texts)
        rows = [
            {"kind": k, "text": t, **({"act": a} if a else {})}
            for k, t, a in zip(self.kinds, self.texts, acts, strict=True)
        ]
        return self.vectors, rows

    @classmethod
    def from_arrays(cls, vectors: np.ndarray, rows: Sequence[Mapping[str, str]]) -> IntentExamples:
        """Rebuild from what `to_arrays` gave (the classifier is refitted: about 0.1 s)."""
        return cls(
            np.asarray(vectors, dtype=np.float32),
            tuple(r["kind"] for r in rows),
            tuple(r["text"] for r in rows),
            tuple(r.get("act", "") for r in rows),
        )

    def kind_of(self, text: str) -> str:
        """The kind of `text` when it is one of the examples (given one kind only), else ""."""
        return self._exact.get(_normalise(text), "")

    def act_of(self, text: str) -> str:
        """The act of `text` when it is one of the small-talk examples, else ""."""
        return self._exact_act.get(_normalise(text), "")

    def scores(self, vector: np.ndarray) -> np.ndarray:
        """The classifier's score for each of KINDS (targets were +1 for the kind, -1 otherwise)."""
        centred = np.asarray(vector, dtype=np.float64).reshape(-1) - self._mean
        return centred @ self._weights[:-1] + self._weights[-1]


def read_examples(path: Path = EXAMPLES) -> list[dict[str, str]]:
    """The labelled example messages: {"kind", "lang", "text"} per line."""
    try:
        lines = path.read_bytes().decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise ValueError(f"{path} is not UTF-8 ({error}); save it as UTF-8.") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number} is not JSON ({error}); fix that line.") from None
        if not isinstance(row, dict) or row.get("kind") not in KINDS or not row.get("text"):
            raise ValueError(f'{path}:{number} needs a "kind" in {KINDS} and a "text".')
        if row["kind"] == "smalltalk" and row.get("act") not in ACTS:
            raise ValueError(f'{path}:{number} is small talk: give it an "act" in {ACTS}.')
        rows.append(row)
    return rows


def embed_examples(embedder: Embedder, path: Path = EXAMPLES) -> IntentExamples:
    """Embed the examples as queries, as chat messages are (done once, at index time)."""
    rows = read_examples(path)
    vectors = embedder.embed_queries([r["text"] for r in rows])
    return IntentExamples.from_arrays(vectors, rows)


def _fit(vectors: np.ndarray, kinds: Sequence[str], ridge: float) -> tuple[np.ndarray, np.ndarray]:
    """Ridge regression from centred vectors to ±1 per kind, in closed form (deterministic)."""
    data = np.asarray(vectors, dtype=np.float64)
    mean = data.mean(axis=0)
    design = np.hstack([data - mean, np.ones((len(data), 1))])
    targets = np.where(np.array(kinds)[:, None] == np.array(KINDS)[None, :], 1.0, -1.0)
    penalty = ridge * np.eye(design.shape[1])
    penalty[-1, -1] = 0.0  # the bias is not shrunk
    weights = np.linalg.solve(design.T @ design + penalty, design.T @ targets)
    return mean, weights


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())
