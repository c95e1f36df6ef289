"""A running server switches to a rebuilt index between requests, never to a broken one."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.build import build
from bot.config import Settings
from bot.engine import Engine
from bot.live import LiveEngine

LAKE = "Le lac Baïkal\n\nLe Baïkal est le lac le plus profond du monde : 1 642 mètres.\n"
OLIVE = "El aceite\n\nEspaña produce cerca del 45 % del aceite de oliva del mundo.\n"


@pytest.fixture
def tiny(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "baikal.txt").write_text(LAKE, encoding="utf-8")
    settings = Settings(corpus=corpus, index=tmp_path / "index")
    build(settings)
    return settings


def wait_for(condition, seconds: float = 60) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def rebuild_in_another_process(settings: Settings) -> subprocess.Popen:
    env = {**os.environ, "BOT_CORPUS": str(settings.corpus), "BOT_INDEX": str(settings.index)}
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "index"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def test_a_rebuilt_index_goes_live(tiny: Settings) -> None:
    live = LiveEngine(Engine.load(tiny), check_every=0)
    assert live.get().index.manifest.documents == 1
    (tiny.corpus / "aceite.txt").write_text(OLIVE, encoding="utf-8")
    assert rebuild_in_another_process(tiny).wait(timeout=300) == 0
    assert wait_for(lambda: live.get().index.manifest.documents == 2)
    answer = live.get().ask("¿Cuánto aceite de oliva produce España?")
    assert answer.answered and answer.citations[0].passage_id.startswith("aceite-")


def test_an_index_that_cannot_serve_is_refused_and_the_old_one_kept(
    tiny: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    live = LiveEngine(Engine.load(tiny), check_every=0)
    manifest = tiny.index / "manifest.json"
    other = {**json.loads(manifest.read_text()), "embedder": "someone-elses-model"}
    time.sleep(0.01)  # a new modification time
    manifest.write_text(json.dumps(other))
    with caplog.at_level(logging.WARNING, logger="bot"):
        first = live.get()
        assert wait_for(lambda: "Kept the current index" in caplog.text)
    assert "someone-elses-model" in caplog.text and "bot index" in caplog.text
    assert live.get() is first and first.ask("Quelle est la profondeur du Baïkal ?").answered


def test_a_damaged_index_is_refused_once_not_retried_every_check(
    tiny: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    live = LiveEngine(Engine.load(tiny), check_every=0)
    first = live.get()
    faiss_file = tiny.index / "passages.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])
    time.sleep(0.01)
    (tiny.index / "manifest.json").touch()  # what a reload watches
    with caplog.at_level(logging.WARNING, logger="bot"):
        live.get()
        assert wait_for(lambda: "Kept the current index" in caplog.text)
        for _ in range(20):
            assert live.get() is first
            time.sleep(0.01)
    assert caplog.text.count("Kept the current index") == 1
    assert "passages.faiss" in caplog.text and "bot index" in caplog.text


@pytest.fixture
def tiny_server(tiny: Settings) -> Iterator[str]:
    import uvicorn

    from bot.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    app = create_app(tiny)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    assert wait_for(lambda: server.started, 60)
    app.state.live._check_every = 0.05
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_answers_keep_coming_while_another_process_rebuilds(
    tiny: Settings, tiny_server: str
) -> None:
    (tiny.corpus / "aceite.txt").write_text(OLIVE, encoding="utf-8")
    rebuild = rebuild_in_another_process(tiny)
    statuses, documents = [], set()
    with httpx.Client(base_url=tiny_server, timeout=60) as client:
        while rebuild.poll() is None or len(documents) < 2:
            response = client.post("/api/answer", json={"question": "Profondeur du Baïkal ?"})
            statuses.append(response.status_code)
            documents.add(client.get("/healthz").json()["passages"])
            if len(statuses) > 2000:
                break
    assert rebuild.returncode == 0
    assert set(statuses) == {200}
    assert len(documents) == 2  # passage counts: the old index answered, then the new one
