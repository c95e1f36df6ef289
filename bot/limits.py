"""Refuse oversized or stalled request bodies before any route reads them."""

from __future__ import annotations

import asyncio

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.errors import error_body

MAX_BODY = 64 * 1024
BODY_TIMEOUT = 10.0


class BodyLimit:
    """Read the whole body first (at most `max_body` bytes, chunked or not), then replay it.

    A declared Content-Length over the limit is refused without reading; a chunked body is
    refused as soon as it passes the limit; a body not whole within `timeout` seconds of its
    first read gets 408, not a hang.
    """

    def __init__(
        self, app: ASGIApp, max_body: int = MAX_BODY, timeout: float = BODY_TIMEOUT
    ) -> None:
        self.app, self.max_body, self.timeout = app, max_body, timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = f"The request body is larger than {_size(self.max_body)}."
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and not declared.isdigit():
            await _refuse(400, "The Content-Length header is not a number.", scope, send)
            return
        if declared is not None and int(declared) > self.max_body:
            await _refuse(413, too_large, scope, send)
            return
        chunks: list[bytes] = []
        size, more = 0, True
        # One deadline for the whole body: a client trickling a byte at a time cannot renew it.
        deadline = asyncio.get_running_loop().time() + self.timeout
        while more:
            try:
                left = deadline - asyncio.get_running_loop().time()
                message = await asyncio.wait_for(receive(), max(left, 0.0))
            except TimeoutError:
                await _refuse(408, "The request body did not arrive in time.", scope, send)
                return
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.max_body:
                await _refuse(413, too_large, scope, send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)


def _size(n: int) -> str:
    return f"{n // 1024} KiB" if n >= 1024 else f"{n} bytes"


async def _refuse(status: int, message: str, scope: Scope, send: Send) -> None:
    # Close the connection: the rest of the body is never read.
    response = JSONResponse(
        error_body(status, message), status_code=status, headers={"Connection": "close"}
    )
    await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
