"""The server's deadlines and connection cap, probed over raw sockets against the real server.

Each probe waits for the server to act; the bounds are generous (a busy CI machine), and what is
asserted is that the server closes the connection with the JSON error shape, not when exactly.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.limits import BODY_TIMEOUT
from bot.server import HEADER_TIMEOUT, KEEP_ALIVE, DeadlineProtocol, server_config

SLACK = 15.0  # seconds past a deadline before a probe counts the server as hung


def connect(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=5)
    sock.settimeout(0.5)
    return sock


def read_until_closed(
    sock: socket.socket, seconds: float, trickle: bytes = b""
) -> tuple[bytes, float]:
    """Everything the server sends until it closes (sending `trickle` a byte a second), and
    how long that took; closes `sock`; fails when the server keeps it open past `seconds`."""
    start = time.monotonic()
    received, sent = b"", 0
    while time.monotonic() - start < seconds:
        if sent < len(trickle) and time.monotonic() - start >= sent:
            with contextlib.suppress(OSError):  # closed by the server meanwhile: read on
                sock.sendall(trickle[sent : sent + 1])
            sent += 1
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except OSError:  # reset: the server closed while bytes were still coming
            chunk = b""
        if not chunk:
            sock.close()
            return received, time.monotonic() - start
        received += chunk
    sock.close()
    pytest.fail(f"the server kept the connection open for {seconds:.0f} s: {received[:200]!r}")


def error_of(response: bytes) -> tuple[int, dict]:
    head, _, body = response.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    assert b"content-type: application/json" in head.lower()
    return status, json.loads(body)


def idle(base: str) -> tuple[bytes, float]:
    return read_until_closed(connect(base), HEADER_TIMEOUT + SLACK)


def partial_headers(base: str) -> tuple[bytes, float]:
    sock = connect(base)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    return read_until_closed(sock, HEADER_TIMEOUT + SLACK, trickle=b"X-Slow: " + b"a" * 60)


def trickled_body(base: str) -> tuple[bytes, float]:
    sock = connect(base)
    head = (
        b"POST /api/answer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 60\r\n\r\n"
    )
    sock.sendall(head)
    return read_until_closed(sock, BODY_TIMEOUT + SLACK, trickle=b'{"question": "' + b"a" * 45)


def kept_alive(base: str) -> tuple[bytes, float]:
    sock = connect(base)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    return read_until_closed(sock, KEEP_ALIVE + SLACK)


def test_slow_and_idle_clients_are_cut_off_by_deadlines_that_do_not_restart(server: str) -> None:
    with ThreadPoolExecutor(4) as pool:
        probes = {name: pool.submit(probe, server) for name, probe in (
            ("idle", idle), ("partial", partial_headers), ("body", trickled_body),
            ("keep-alive", kept_alive),
        )}  # fmt: skip
        results = {name: future.result() for name, future in probes.items()}
    for name in ("idle", "partial"):
        status, body = error_of(results[name][0])
        assert (status, body["status"]) == (408, 408), name
        assert "headers did not arrive in time" in body["error"]
    # A byte a second would renew a per-byte deadline forever; the deadline holds for the whole.
    assert results["partial"][1] < HEADER_TIMEOUT + SLACK
    status, body = error_of(results["body"][0])
    assert (status, body["error"]) == (408, "The request body did not arrive in time.")
    answered, seconds = results["keep-alive"]
    assert answered.startswith(b"HTTP/1.1 200") and seconds >= KEEP_ALIVE * 0.8


def test_a_malformed_request_gets_the_json_error_shape(server: str) -> None:
    sock = connect(server)
    sock.sendall(b"NOT AN HTTP REQUEST\r\n\r\n")
    status, body = error_of(read_until_closed(sock, SLACK)[0])
    assert status == body["status"] == 400 and "not valid HTTP/1.1" in body["error"]
    sock = connect(server)
    sock.sendall(b"POST /api/answer HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
    status, body = error_of(read_until_closed(sock, SLACK)[0])
    assert status == body["status"] == 400


class ThreeConnections(DeadlineProtocol):
    max_connections = 3


@pytest.fixture
def capped_server(settings, engine) -> Iterator[str]:  # noqa: ANN001
    import uvicorn

    from bot.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = server_config(create_app(settings, engine), log_level="warning", lifespan="on")
    config.http = ThreeConnections
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_past_the_connection_cap_a_new_client_is_refused_at_once(capped_server: str) -> None:
    held = [connect(capped_server) for _ in range(3)]
    time.sleep(0.5)  # the server has accepted them
    status, body = error_of(read_until_closed(connect(capped_server), SLACK)[0])
    assert status == body["status"] == 503 and "too many open connections" in body["error"]
    for sock in held:
        sock.close()  # the three held ones
    time.sleep(0.5)
    fresh = connect(capped_server)
    fresh.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert read_until_closed(fresh, SLACK)[0].startswith(b"HTTP/1.1 200")


def test_several_workers_share_the_port_and_each_answers(settings) -> None:
    # `bot serve --workers 2`: two processes behind one port (uvicorn's supervisor), each
    # loading the engine from the same settings; every request is answered, whichever serves it.
    import os
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "BOT_CORPUS": str(settings.corpus), "BOT_INDEX": str(settings.index)}
    command = [sys.executable, "-m", "bot", "serve", "--port", str(port), "--workers", "2"]
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as server:
        try:
            _several_workers_answer(server, port)
        finally:
            server.terminate()
            assert server.wait(timeout=30) == 0, server.stderr.read()


def _several_workers_answer(server, port: int) -> None:  # server: subprocess.Popen
    import httpx

    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, "no worker started"
        time.sleep(0.2)
    question = {"question": "Combien de grands modèles à Pékin ?"}
    for _ in range(6):  # fresh connections: the kernel spreads them over the workers
        reply = httpx.post(f"http://127.0.0.1:{port}/api/answer", json=question, timeout=60)
        assert reply.status_code == 200 and "38" in reply.json()["answer"]
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    commands = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in children]
    assert sum(b"spawn_main" in c for c in commands) == 2
