"""A scripted HTTP/1.1 server on 127.0.0.1 that speaks the protocol over real sockets.

Tests drive the client libraries through it instead of patching httpx: each test scripts replies
per path (JSON, SSE, chunked bodies with delays, abrupt disconnects, raw bytes) and asserts on the
requests the server recorded. The server runs on its own event loop in a daemon thread, so sync
and async clients alike can talk to it.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "DISCONNECT",
    "Delay",
    "LoopbackServer",
    "RecordedRequest",
    "Reply",
    "json_reply",
    "raw_reply",
    "sse_body",
    "sse_reply",
]


class _Disconnect:
    """Marker in a reply's chunks: drop the connection here without finishing the body."""

    def __repr__(self) -> str:
        return "DISCONNECT"


DISCONNECT = _Disconnect()


@dataclass(frozen=True)
class Delay:
    """Marker in a reply's chunks: wait this many seconds before the next chunk."""

    seconds: float


Chunk = bytes | Delay | _Disconnect


@dataclass
class Reply:
    """One scripted response.

    ``body`` is sent with a Content-Length. ``chunks`` is sent with chunked transfer encoding, one
    HTTP chunk per item, honouring ``Delay`` and ``DISCONNECT`` markers (an endless iterator
    streams until the client hangs up). ``raw`` bypasses HTTP
    framing entirely: the bytes are written as they are and the connection is closed.
    """

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict[str, str])
    body: bytes = b""
    chunks: Iterable[Chunk] | None = None
    raw: bytes | None = None
    delay_before_headers: float = 0.0


@dataclass
class RecordedRequest:
    """A request as the server received it (header names lower-cased)."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        """The path without the query string."""
        return urlsplit(self.target).path

    @property
    def query(self) -> dict[str, list[str]]:
        """The parsed query string."""
        return parse_qs(urlsplit(self.target).query)

    def json(self) -> Any:
        """The body decoded as JSON."""
        return json.loads(self.body)


Handler = Callable[[RecordedRequest], Reply]


def json_reply(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    """A JSON response with ``application/json`` content type."""
    return Reply(
        status=status,
        headers={"content-type": "application/json", **(headers or {})},
        body=json.dumps(value).encode(),
    )


def sse_body(events: Iterable[str | dict[str, Any] | list[Any]], done: bool = True) -> bytes:
    """Render ``data:`` events (dicts/lists as JSON) into an SSE body, optionally with [DONE]."""
    out: list[bytes] = []
    for event in events:
        data = event if isinstance(event, str) else json.dumps(event)
        out.append(b"data: " + data.encode() + b"\n\n")
    if done:
        out.append(b"data: [DONE]\n\n")
    return b"".join(out)


def sse_reply(
    events: Iterable[str | dict[str, Any] | list[Any]],
    *,
    done: bool = True,
    status: int = 200,
    headers: dict[str, str] | None = None,
    delay: float = 0.0,
    disconnect_after: int | None = None,
) -> Reply:
    """A ``text/event-stream`` response sent one event per HTTP chunk.

    Args:
        events: the ``data:`` payloads.
        done: append ``data: [DONE]``.
        status: the HTTP status.
        headers: extra response headers.
        delay: seconds to wait before each event.
        disconnect_after: drop the connection after this many events.
    """
    chunks: list[Chunk] = []
    rendered = [sse_body([e], done=False) for e in events]
    if done:
        rendered.append(b"data: [DONE]\n\n")
    for index, chunk in enumerate(rendered):
        if disconnect_after is not None and index == disconnect_after:
            chunks.append(DISCONNECT)
            break
        if delay:
            chunks.append(Delay(delay))
        chunks.append(chunk)
    return Reply(
        status=status,
        headers={
            "content-type": "text/event-stream",
            "cache-control": "no-cache",
            **(headers or {}),
        },
        chunks=chunks,
    )


def raw_reply(data: bytes) -> Reply:
    """Write ``data`` verbatim (status line included) and close the connection."""
    return Reply(raw=data)


_REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    408: "Request Timeout",
    409: "Conflict",
    422: "Unprocessable Entity",
    424: "Failed Dependency",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


_TLS_HANDSHAKE = b"\x16"  # the first byte of a TLS ClientHello record
_PLAIN_HTTP_TO_TLS = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class _LoopThread:
    """One event loop in a daemon thread, shared by every server of the process."""

    _instance: _LoopThread | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        thread = threading.Thread(target=self.loop.run_forever, name="loopback-server", daemon=True)
        thread.start()

    @classmethod
    def get(cls) -> _LoopThread:
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance


class LoopbackServer:
    """A scripted HTTP server on 127.0.0.1 and a free port.

    Use as a context manager (or call ``start``/``stop``). Script replies with ``route``; every
    request is kept in ``requests``. Unrouted paths get a 404 JSON error.
    """

    def __init__(self) -> None:
        self._loop = _LoopThread.get().loop
        self._server: asyncio.Server | None = None
        self._routes: dict[tuple[str, str], list[Reply | Handler]] = {}
        self._lock = threading.Lock()
        self._writers: set[asyncio.StreamWriter] = set()
        self.requests: list[RecordedRequest] = []
        self.connections_opened = 0
        self.peak_connections = 0
        """The most connections that were open at the same time."""
        self.rejected_non_http = 0
        """Connections that began with a TLS handshake and got a plain-HTTP 400."""
        self.port = 0

    # lifecycle -----------------------------------------------------------------------------
    def start(self) -> LoopbackServer:
        """Bind and start serving."""
        future = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        future.result(timeout=10)
        return self

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        """Close the listening socket and every open connection."""
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        if self._server is not None:
            await self._server.wait_closed()

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def open_connections(self) -> int:
        """Connections currently open from clients."""
        return len(self._writers)

    def wait_for_open_connections(self, most: int = 0, timeout: float = 5.0) -> int:
        """Block until at most ``most`` client connections are open, or ``timeout`` passed; the
        number open then. (A client's close reaches the server a moment after it returns.)"""
        deadline = time.monotonic() + timeout
        while self.open_connections > most and time.monotonic() < deadline:
            time.sleep(0.005)
        return self.open_connections

    # scripting -----------------------------------------------------------------------------
    def route(self, path: str, *replies: Reply | Handler, method: str = "POST") -> None:
        """Script the replies to ``method path``: one per call, the last one repeating.

        A reply may be a callable that receives the ``RecordedRequest`` and returns a ``Reply``.
        """
        if not replies:
            raise ValueError("route() needs at least one reply")
        with self._lock:
            self._routes[(method.upper(), path)] = list(replies)

    def _next_reply(self, request: RecordedRequest) -> Reply:
        with self._lock:
            queue = self._routes.get((request.method, request.path))
            if not queue:
                return json_reply(
                    {"error": {"message": f"no route for {request.method} {request.path}"}}, 404
                )
            item = queue.pop(0) if len(queue) > 1 else queue[0]
        return item(request) if callable(item) else item

    # protocol ------------------------------------------------------------------------------
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        self.connections_opened += 1
        self.peak_connections = max(self.peak_connections, len(self._writers))
        try:
            while True:
                request = await self._read_request(reader, writer)
                if request is None:
                    return
                self.requests.append(request)
                keep_open = await self._write_reply(writer, self._next_reply(request))
                if not keep_open or request.headers.get("connection", "").lower() == "close":
                    return
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _read_request(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> RecordedRequest | None:
        try:
            first = await reader.readexactly(1)
            if first == _TLS_HANDSHAKE:
                # An https client talking to this plain-HTTP server: answer as real servers do
                # (nginx, uvicorn) instead of waiting for a request line that never comes.
                self.rejected_non_http += 1
                writer.write(_PLAIN_HTTP_TO_TLS)
                await writer.drain()
                return None
            head = first + await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            return None
        lines = head.decode("latin-1").split("\r\n")
        method, target, _version = lines[0].split(" ", 2)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._read_chunked(reader)
        else:
            body = await reader.readexactly(int(headers.get("content-length", "0")))
        return RecordedRequest(method=method.upper(), target=target, headers=headers, body=body)

    @staticmethod
    async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
        parts: list[bytes] = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)

    async def _write_reply(self, writer: asyncio.StreamWriter, reply: Reply) -> bool:
        """Send ``reply``; return whether the connection may serve another request."""
        if reply.delay_before_headers:
            await asyncio.sleep(reply.delay_before_headers)
        if reply.raw is not None:
            writer.write(reply.raw)
            await writer.drain()
            return False
        headers = {k.lower(): v for k, v in reply.headers.items()}
        if reply.chunks is None:
            headers.setdefault("content-length", str(len(reply.body)))
        else:
            headers["transfer-encoding"] = "chunked"
        head = f"HTTP/1.1 {reply.status} {_REASONS.get(reply.status, 'Status')}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        writer.write(head.encode("latin-1"))
        if reply.chunks is None:
            writer.write(reply.body)
            await writer.drain()
            return True
        for chunk in reply.chunks:
            if isinstance(chunk, Delay):
                await writer.drain()
                await asyncio.sleep(chunk.seconds)
            elif isinstance(chunk, _Disconnect):
                await writer.drain()
                writer.transport.abort()
                return False
            elif chunk:
                writer.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                await writer.drain()
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return True
