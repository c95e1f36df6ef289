"""The body limit: refuses oversized and stalled bodies, replays small ones untouched."""

from __future__ import annotations

import asyncio
import json

from bot.limits import BodyLimit


async def echo(scope, receive, send):
    message = await receive()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": message["body"]})


def run(messages, headers=(), timeout=5.0):
    """Send `messages` (None = the client stalls) through the limit; return status and body."""
    sent = []
    queue = list(messages)

    async def receive():
        if not queue or queue[0] is None:
            await asyncio.sleep(3600)
        return queue.pop(0)

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": list(headers)}
    asyncio.run(BodyLimit(echo, max_body=10, timeout=timeout)(scope, receive, send))
    status = sent[0]["status"]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return status, body


def chunk(body: bytes, more: bool) -> dict:
    return {"type": "http.request", "body": body, "more_body": more}


def test_small_chunked_body_is_replayed_whole():
    assert run([chunk(b"abc", True), chunk(b"def", False)]) == (200, b"abcdef")


def test_chunked_body_over_the_limit_is_413():
    status, body = run([chunk(b"123456", True), chunk(b"789012", True), None])
    assert status == 413
    assert json.loads(body) == {"error": "The request body is larger than 10 bytes.", "status": 413}


def test_declared_length_over_the_limit_is_413_without_reading():
    status, _ = run([None], headers=[(b"content-length", b"11")])
    assert status == 413


def test_bad_content_length_is_400():
    assert run([None], headers=[(b"content-length", b"ten")])[0] == 400


def test_stalled_body_is_408():
    status, body = run([chunk(b"abc", True), None], timeout=0.1)
    assert status == 408
    assert json.loads(body)["status"] == 408
