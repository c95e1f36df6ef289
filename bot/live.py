"""The engine a running server answers with, switched to a rebuilt index between requests.

`bot index` swaps a new index folder in atomically; the server notices its manifest changed, loads
it in the background (the old engine keeps answering meanwhile) and switches in one assignment.
An index that cannot serve (another embedder, a corpus that changed again, a half-swapped folder)
is refused with a logged reason, and the old one keeps serving.
"""

from __future__ import annotations

import logging
import threading
import time

from bot.engine import Engine
from bot.errors import BotError
from bot.index import load, read_manifest

log = logging.getLogger("bot")
# How often (seconds) a request may look at the manifest: one stat() call.
CHECK_EVERY = 1.0


class LiveEngine:
    """Holds the current engine; `get()` returns it and starts a reload when the index changed."""

    def __init__(self, engine: Engine, check_every: float = CHECK_EVERY) -> None:
        self._engine = engine
        self._check_every = check_every
        self._checked = time.monotonic()
        self._seen = self._stamp()
        self._reloading = threading.Lock()

    def get(self) -> Engine:
        """The engine to answer this request with."""
        now = time.monotonic()
        if now - self._checked >= self._check_every:
            self._checked = now
            stamp = self._stamp()
            if stamp != self._seen and self._reloading.acquire(blocking=False):
                threading.Thread(target=self._reload, args=(stamp,), daemon=True).start()
        return self._engine

    def _stamp(self) -> int | None:
        """When the manifest was last written (None while no index is in place)."""
        try:
            return (self._engine.settings.index / "manifest.json").stat().st_mtime_ns
        except OSError:
            return None

    def _reload(self, stamp: int | None) -> None:
        try:
            self._engine = self._load()
            self._seen = stamp
            log.info("Switched to the index built at %s.", self._engine.index.manifest.built_at)
        except (BotError, OSError, ValueError, KeyError, RuntimeError) as error:
            # Remember the stamp: the same broken index is not retried on every request.
            self._seen = stamp
            log.warning("Kept the current index; the new one cannot serve: %s", error)
        finally:
            self._reloading.release()

    def _load(self) -> Engine:
        """The engine over the new index, sharing the loaded embedder."""
        old = self._engine
        settings = old.settings
        before = read_manifest(settings.index)
        index = load(settings)
        # A rebuild that finished while we read would mix two builds: check nothing moved.
        if read_manifest(settings.index) != before or index.manifest != before:
            raise BotError("the index changed while it was being loaded; the next check retries")
        # load() refused an index built with another embedder: the loaded one still fits.
        return Engine(settings, index, old.embedder, old.abstainer)
