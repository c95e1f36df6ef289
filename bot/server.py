"""The HTTP server: uvicorn with deadlines on every connection and a cap on how many are open.

uvicorn alone waits forever for the headers of a request (a silent or trickling client holds a
connection open for good) and answers malformed requests in plain text. Here a request's headers
must arrive within HEADER_TIMEOUT of the connection (or of the previous response), the body within
bot.limits.BODY_TIMEOUT in total, an idle kept-alive connection closes after KEEP_ALIVE, and past
MAX_CONNECTIONS a new connection gets 503 at once; every such refusal is the one JSON error shape.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from bot.config import Settings
from bot.errors import error_body

HEADER_TIMEOUT = 10.0
KEEP_ALIVE = 5.0
# Far above what two cores answer at once (one question per core), far below the file limit.
MAX_CONNECTIONS = 256
_REASONS = {400: "Bad Request", 408: "Request Timeout", 503: "Service Unavailable"}


class DeadlineProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, with a deadline for each request's headers and a cap on
    open connections."""

    header_timeout = HEADER_TIMEOUT
    max_connections = MAX_CONNECTIONS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._header_deadline: asyncio.TimerHandle | None = None
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self._refuse(503, "The server has too many open connections; try again shortly.")
            return
        self._await_headers()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is not None and not self.cycle.response_complete:
            self._stop_waiting()  # the headers are in: the body has its own deadline
        elif self._header_deadline is None:
            self._await_headers()  # the start of the next request on a kept-alive connection

    def on_response_complete(self) -> None:
        self._stop_waiting()  # idle from here on: uvicorn's keep-alive timeout applies
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_waiting()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        self._refuse(400, "The request is not valid HTTP/1.1; check its request line and headers.")

    def _await_headers(self) -> None:
        self._header_deadline = self.loop.call_later(self.header_timeout, self._headers_late)

    def _stop_waiting(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_late(self) -> None:
        self._header_deadline = None
        self._refuse(408, "The request headers did not arrive in time.")

    def _refuse(self, status: int, message: str) -> None:
        """Answer `status` with the JSON error shape and close, whatever state HTTP is in."""
        if self.transport.is_closing():
            return
        body = json.dumps(error_body(status, message)).encode()
        head = (
            f"HTTP/1.1 {status} {_REASONS[status]}\r\ncontent-type: application/json\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
        )
        self.transport.write(head.encode() + body)
        self.transport.close()


def server_config(app: Any, host: str = "127.0.0.1", port: int = 8000, **options: Any) -> Any:
    """uvicorn's configuration for `app` with the deadlines above (`options` go to uvicorn)."""
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, **_DEADLINES, **options)


def serve(settings: Settings) -> None:
    """Serve the app of `settings` until interrupted: in this process, or in `settings.workers`
    processes sharing the port, each building its app from the same settings (passed to them
    as BOT_* variables)."""
    import uvicorn

    from bot.app import create_app

    if settings.workers == 1:
        uvicorn.Server(server_config(create_app(settings), settings.host, settings.port)).run()
        return
    os.environ.update(settings.as_environ())
    uvicorn.run(
        "bot.app:app_from_env", factory=True, workers=settings.workers, host=settings.host,
        port=settings.port, **_DEADLINES,
    )  # fmt: skip


_DEADLINES = {"http": DeadlineProtocol, "timeout_keep_alive": KEEP_ALIVE}
