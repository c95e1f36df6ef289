"""Every vector a build embedded, kept in one SQLite file by embedder, role and exact text, so the
next build embeds only texts no build embedded before. It is a cache: deleting it costs time,
never correctness, and a damaged file is logged and started afresh; it never fails a build."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np

from bot.config import Settings
from bot.embed import Embedder

log = logging.getLogger("bot")
ROLES = ("passage", "query")
# Vectors per transaction: a killed build keeps what it embedded but the last few (each row is
# whole: SQLite writes a transaction entirely or not at all), and the next build resumes there.
COMMIT_EVERY = 64
LOOKUP = 500  # keys per SELECT; old SQLite builds allow 999 parameters
# A rowid table: vectors of 1.5 KB would overflow the pages of a WITHOUT ROWID one (2.2× the file).
SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"


def key(embedder: str, role: str, text: str) -> bytes:
    """The store's key of a text: SHA-256 of the embedder id, the role and the exact text."""
    if role not in ROLES:
        raise ValueError(f"role {role!r} is not one of {ROLES}")
    return hashlib.sha256(f"{embedder}\0{role}\0{text}".encode()).digest()


class Vectors:
    """The SQLite file of vectors. Any failure to use it is logged and the build goes on: a
    damaged file is replaced by an empty one, an unwritable one is left alone and unused."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except sqlite3.OperationalError as error:  # locked, unwritable folder, full disk
            log.warning("Cannot use the vector store %s (%s): embedding every text.", path, error)
        except sqlite3.DatabaseError as error:  # not a database, or a malformed one
            self._forget(error)
            try:
                self._db = self._open()
            except sqlite3.Error as again:
                log.warning("Cannot recreate %s (%s): embedding every text.", path, again)

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise sqlite3.OperationalError(str(error)) from None
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute(SCHEMA)
            (status,) = db.execute("PRAGMA quick_check").fetchone()
            if status != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {status}")
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _forget(self, error: sqlite3.Error) -> None:
        """Delete the damaged file (and its journal): it is a cache."""
        log.warning("The vector store %s is damaged (%s): starting it afresh.", self.path, error)
        if self._db is not None:
            self._db.close()
            self._db = None
        try:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        except OSError as error:  # then opening it again fails too, and is logged
            log.warning("Cannot delete %s (%s).", self.path, error)

    def get(self, keys: Sequence[bytes], dim: int) -> dict[bytes, np.ndarray]:
        """The stored vectors of these keys; a row that is not `dim` float32s is ignored."""
        found: dict[bytes, np.ndarray] = {}
        if self._db is None:
            return found
        try:
            for start in range(0, len(keys), LOOKUP):
                chunk = list(keys[start : start + LOOKUP])
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, vector FROM vectors WHERE key IN ({marks})"
                for row_key, blob in self._db.execute(query, chunk):
                    if isinstance(blob, bytes) and len(blob) == dim * 4:
                        found[row_key] = np.frombuffer(blob, dtype="<f4").astype(np.float32)
        except sqlite3.OperationalError as error:  # locked too long by another build
            log.warning("Cannot read the vector store %s (%s): not using it.", self.path, error)
            self.close()
            return {}
        except sqlite3.DatabaseError as error:
            self._forget(error)
            return {}
        return found

    def put(self, rows: Sequence[tuple[bytes, np.ndarray]]) -> None:
        """Store these vectors in one transaction: all of them or none."""
        if self._db is None or not rows:
            return
        values = [(k, np.asarray(v, dtype="<f4").tobytes()) for k, v in rows]
        try:
            with self._db:  # commits, or rolls back on an error
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", values)
        except sqlite3.Error as error:
            log.warning("Cannot write to the vector store %s (%s): not saving.", self.path, error)
            self._db.close()
            self._db = None

    def close(self) -> None:
        """Close the file."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Vectors:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def cached(
    embedder: Embedder,
    store: Vectors,
    texts: Sequence[tuple[str, str]],
    progress: Callable[[int, int], None] | None = None,
    workers: int = 1,
) -> np.ndarray:
    """The vectors of (role, text) pairs in order, shape (len(texts), dim): from the store when it
    has them, else embedded (each distinct text once, one text per call, `workers` at a time) and
    stored. `progress(done, total)` counts the texts embedded."""
    keys = [key(embedder.id, role, text) for role, text in texts]
    vectors = store.get(keys, embedder.dim)
    missing = {k: pair for k, pair in zip(keys, texts, strict=True) if k not in vectors}
    pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="embed")
    try:
        futures: list[Future[np.ndarray]] = [
            pool.submit(_embed_one, embedder, role, text) for role, text in missing.values()
        ]
        fresh: list[tuple[bytes, np.ndarray]] = []
        for done, (k, future) in enumerate(zip(missing, futures, strict=True), 1):
            vectors[k] = future.result()
            fresh.append((k, vectors[k]))
            if len(fresh) == COMMIT_EVERY:
                store.put(fresh)
                fresh = []
            if progress:
                progress(done, len(missing))
        store.put(fresh)
    finally:
        pool.shutdown(cancel_futures=True)  # a failed or interrupted build stops embedding now
    if not keys:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.ascontiguousarray(np.vstack([vectors[k] for k in keys]), dtype=np.float32)


def _embed_one(embedder: Embedder, role: str, text: str) -> np.ndarray:
    embed = embedder.embed_passages if role == "passage" else embedder.embed_queries
    return embed([text])[0]


def build_workers(settings: Settings) -> int:
    """Texts a build embeds at once: one per core, each on a one-thread engine (docs/BENCHMARKS.md,
    "Building the index"); one for sentence-transformers, whose tokenizer fails from two threads."""
    if settings.embedder == "sentence-transformers":
        return 1
    cores = os.cpu_count() or 1
    # An engine with its own OpenMP threads (BOT_THREADS) already uses that many cores.
    return max(1, cores // settings.threads) if settings.threads else 1
