"""Shared fixtures: one real index per session (corpus/ + tests/data/), the engine, the app."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.abstain import FEATURES, Abstainer
from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# Test documents and their metadata; other files in tests/data are fixtures, not corpus.
DOCUMENT_PATTERNS = ("*.txt", "*.md", "*.meta.json")
# The vectors embedded by earlier runs (and by `bot index` in this checkout), so a second run
# embeds nothing; CI starts without the file and so builds cold (bot/vectors.py).
CACHE = ROOT / ".cache"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--screenshots",
        metavar="DIR",
        default=None,
        help="save the browser tests' screenshots in DIR (`--screenshots docs` for the README)",
    )


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of corpus/ plus the multilingual test documents of tests/data/."""
    folder = tmp_path_factory.mktemp("bot") / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    for pattern in DOCUMENT_PATTERNS:
        for path in DATA.glob(pattern):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def cache() -> Path:
    """The cache folder (vector store, language model) that test builds share across runs."""
    return CACHE


@pytest.fixture(scope="session")
def settings(corpus: Path, cache: Path) -> Settings:
    """Settings pointing at the session corpus, with its index built once."""
    from bot.build import build

    settings = Settings(corpus=corpus, index=corpus.parent / "index", cache=cache)
    build(settings)
    return settings


@pytest.fixture(scope="session")
def always_abstains() -> Abstainer:
    """A model that doubts everything: P(answerable) is 0.5 for every question, below its
    threshold of 1.0."""
    zeros, ones = tuple(0.0 for _ in FEATURES), tuple(1.0 for _ in FEATURES)
    return Abstainer(zeros, 0.0, 1.0, zeros, ones, "")


@pytest.fixture(scope="session")
def engine(settings: Settings):  # -> bot.engine.Engine
    """The engine over the session index, loaded once."""
    from bot.engine import Engine

    return Engine.load(settings)


@pytest.fixture(scope="session")
def article_sentences(engine):  # -> Callable[[str], list[tuple[Passage, int]]]
    """(passage, sentence number) of the article's French sentences holding a needle."""
    from bot.facts import sentence_text

    def holding(needle: str) -> list[tuple]:
        return [
            (p, n)
            for p in engine.passages_of("000_bab5460f06c5e48c")
            for n in range(len(p.sentences))
            if needle in sentence_text(p, n)
        ]

    return holding


@pytest.fixture(scope="session")
def app(settings: Settings, engine):  # -> fastapi.FastAPI
    """The web app, sharing the session engine instead of loading its own."""
    from bot.app import create_app

    return create_app(settings, engine)


@pytest.fixture(scope="session")
def client(app) -> Iterator:  # -> starlette.testclient.TestClient
    """An in-process client for the app, lifespan started."""
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="session")
def server(settings: Settings, engine) -> Iterator[str]:
    """The real server (bot.server: uvicorn with its deadlines) on a free local port, in a
    background thread; yields its base URL."""
    import uvicorn

    from bot.app import create_app
    from bot.server import server_config

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = server_config(
        create_app(settings, engine), log_level="warning", ws="none", lifespan="on"
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("The test server did not start.")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    sock.close()
