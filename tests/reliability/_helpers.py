"""Builders and probes the reliability tests share: chat replies, dead endpoints, socket counts."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from tests.servers import Delay, Reply

CHAT = "/v1/chat/completions"
EMBEDDINGS = "/v1/embeddings"
SECRET = "sk-reliability-7f3a9c1e5b2d4068a1c3e5f7b9d1f3a5"
"""The API key every provider in this suite uses; no error, repr or log may contain it."""


def chunk(delta: dict[str, Any] | None = None, finish_reason: str | None = None) -> dict[str, Any]:
    """One ``chat.completion.chunk``."""
    return {
        "id": "chatcmpl-rel",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": "test-model",
        "choices": [{"index": 0, "delta": delta or {}, "finish_reason": finish_reason}],
    }


def text_events(*pieces: str, finish: str | None = "stop") -> list[dict[str, Any]]:
    """Chunks streaming ``pieces`` as text, then a finish chunk (unless ``finish`` is None)."""
    events = [chunk({"role": "assistant", "content": pieces[0]})] if pieces else []
    events += [chunk({"content": piece}) for piece in pieces[1:]]
    if finish is not None:
        events.append(chunk({}, finish))
    return events


def event_bytes(event: dict[str, Any] | str) -> bytes:
    """One SSE ``data:`` event."""
    data = event if isinstance(event, str) else json.dumps(event)
    return b"data: " + data.encode() + b"\n\n"


def sse_chunks(*items: bytes | Delay, status: int = 200) -> Reply:
    """An event stream sent as the given HTTP chunks (raw SSE bytes and delays)."""
    return Reply(
        status=status,
        headers={"content-type": "text/event-stream", "cache-control": "no-cache"},
        chunks=list(items),
    )


def completion(text: str = "Hello!", finish_reason: str = "stop") -> dict[str, Any]:
    """A ``/chat/completions`` response body."""
    return {
        "id": "chatcmpl-rel",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    }


async def eventually(condition: Callable[[], bool], within: float = 2.0) -> None:
    """Wait until ``condition()`` holds, failing after ``within`` seconds."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.005)


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening (connecting is refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def blackhole() -> Iterator[int]:
    """A port on 127.0.0.1 that accepts no connection: connecting hangs until a timeout.

    A listening socket that never accepts, its backlog filled first: the kernel then drops
    further SYNs, as an unreachable host would, without DNS or a real network.
    """
    listener = socket.socket()
    fillers: list[socket.socket] = []
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        for _ in range(4):
            filler = socket.socket()
            filler.setblocking(False)
            with suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def rss_bytes() -> int:
    """This process's resident set size."""
    try:
        import psutil  # optional: only where it is installed
    except ImportError:
        pass
    else:
        return int(psutil.Process().memory_info().rss)
    if sys.platform.startswith("linux"):
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    import resource  # macOS: ru_maxrss is a peak, in bytes; good enough as an upper bound

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def client_sockets_to(port: int) -> int | None:
    """Established TCP connections from this process to ``port`` on 127.0.0.1, or ``None``
    where that cannot be counted (no psutil and no ``/proc``)."""
    try:
        import psutil
    except ImportError:
        pass
    else:
        return sum(
            1
            for conn in psutil.Process().net_connections(kind="tcp")
            if conn.raddr and conn.raddr.port == port and conn.status == psutil.CONN_ESTABLISHED
        )
    # /proc/net/tcp lists every socket of the network namespace; the loopback server runs in this
    # process too, so the client ends are those whose *remote* port is the server's.
    total = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as handle:
                lines = handle.readlines()[1:]
        except OSError:
            return None
        for line in lines:
            fields = line.split()
            remote, state = fields[2], fields[3]
            if state == "01" and int(remote.rsplit(":", 1)[1], 16) == port:
                total += 1
    return total
