"""Errors a user can act on: each message says what went wrong and the next command to run."""


class BotError(Exception):
    """A failure the user can fix; the message names the next step."""


class ConfigError(BotError):
    """A BOT_* setting has a bad value."""


class CorpusError(BotError):
    """The corpus folder is missing, empty, or holds a file that cannot be read."""


class IndexMissing(BotError):
    """No usable index on disk."""


class IndexStale(BotError):
    """The index was built from another corpus or with another embedder."""


class UnknownScope(BotError):
    """No part, document or topic has this id."""


class DependencyMissing(BotError):
    """An optional dependency is not installed."""


def error_body(status: int, message: str) -> dict[str, object]:
    """The one JSON shape of every HTTP error: what was wrong, and the status code."""
    return {"error": message, "status": status}
