"""The benchmark's mock OpenAI-compatible server: a raw asyncio protocol on 127.0.0.1.

It runs in its own process so that its CPU never counts against a client, and it must never be the
bottleneck: every response body is rendered once per shape and cached, request bodies are only
parsed for the few fields that choose the shape, and no web framework sits in the way.

The shape of a reply is chosen by the model name, so that every client library can ask for it
without custom headers:

- chat: ``bench-c<chunks>-s<chars>[-g<events per write>]``. A stream sends a role chunk,
  ``<chunks>`` content chunks of ``<chars>`` characters, a finish chunk, a usage chunk and
  ``[DONE]``, each SSE event in its own HTTP chunk; ``-g`` groups several events per socket write
  (default 1). A non-streamed reply carries the same text in one message.
- embeddings: ``embed-d<dims>``: one vector of ``<dims>`` floats per input (``encoding_format``
  ``float`` or ``base64`` honoured).

Run it as ``python bench/server.py``: it prints ``PORT <n>`` on stdout and serves until stdin
closes (so it dies with the runner that started it) or it gets SIGTERM/SIGINT.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import signal
import struct
import sys
from dataclasses import dataclass

__all__ = ["chat_model", "embedding_model", "main"]

_CREATED = 1_700_000_000
_ID = "chatcmpl-bench0000000000000000000000"
_FINGERPRINT = "fp_bench00000"
_CHAT_MODEL = re.compile(r"bench-c(\d+)-s(\d+)(?:-g(\d+))?$")
_EMBED_MODEL = re.compile(r"embed-d(\d+)$")
_WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")


def chat_model(chunks: int, chars: int = 4, group: int = 1) -> str:
    """The model name that asks the server for this stream shape."""
    return f"bench-c{chunks}-s{chars}" + (f"-g{group}" if group != 1 else "")


def embedding_model(dims: int) -> str:
    """The model name that asks the server for vectors of ``dims`` floats."""
    return f"embed-d{dims}"


def token(i: int, chars: int) -> str:
    """The text of content chunk ``i``: a word cut or padded to ``chars`` characters."""
    word = (" " + _WORDS[i % len(_WORDS)]) * (chars // 6 + 1)
    return word[:chars]


def _dumps(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def _usage(completion: int) -> dict[str, object]:
    return {
        "prompt_tokens": 12,
        "completion_tokens": completion,
        "total_tokens": 12 + completion,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0},
    }


def _chunk(model: str, delta: dict[str, object], finish: str | None) -> dict[str, object]:
    return {
        "id": _ID,
        "object": "chat.completion.chunk",
        "created": _CREATED,
        "model": model,
        "system_fingerprint": _FINGERPRINT,
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }


def _http_head(status: str, content_type: str, length: int | None) -> bytes:
    framing = f"content-length: {length}" if length is not None else "transfer-encoding: chunked"
    return (
        f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\n{framing}\r\n"
        "connection: keep-alive\r\n\r\n"
    ).encode()


def _http_chunk(payload: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(payload), payload)


def render_stream(model: str, chunks: int, chars: int, group: int) -> list[bytes]:
    """The whole streamed reply as the list of socket writes the server makes."""
    events = [_chunk(model, {"role": "assistant", "content": ""}, None)]
    events += [_chunk(model, {"content": token(i, chars)}, None) for i in range(chunks)]
    events.append(_chunk(model, {}, "stop"))
    usage = _chunk(model, {}, None)
    usage["choices"] = []
    usage["usage"] = _usage(chunks)
    events.append(usage)
    frames = [_http_chunk(b"data: " + _dumps(event) + b"\n\n") for event in events]
    frames.append(_http_chunk(b"data: [DONE]\n\n"))
    frames.append(b"0\r\n\r\n")
    writes = [b"".join(frames[i : i + group]) for i in range(0, len(frames), group)]
    writes[0] = _http_head("200 OK", "text/event-stream", None) + writes[0]
    return writes


def render_completion(model: str, chunks: int, chars: int) -> bytes:
    """A non-streamed chat completion with the same text the stream would carry."""
    body = _dumps(
        {
            "id": _ID,
            "object": "chat.completion",
            "created": _CREATED,
            "model": model,
            "system_fingerprint": _FINGERPRINT,
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": "".join(token(i, chars) for i in range(chunks)),
                        "refusal": None,
                        "annotations": [],
                    },
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": _usage(chunks),
        }
    )
    return _http_head("200 OK", "application/json", len(body)) + body


def vector(row: int, dims: int) -> list[float]:
    """A deterministic embedding with realistic-looking digits (8 distinct rows, cycled)."""
    return [round(((row * 7919 + j * 104729) % 20011) / 20011 - 0.5, 9) for j in range(dims)]


def render_embeddings(model: str, count: int, dims: int, fmt: str) -> bytes:
    """An embeddings response for ``count`` inputs."""
    rows: list[bytes] = []
    for k in range(8):
        values = vector(k, dims)
        if fmt == "base64":
            encoded = base64.b64encode(struct.pack(f"<{dims}f", *values)).decode()
            rows.append(_dumps(encoded))
        else:
            rows.append(_dumps(values))
    data = b",".join(
        b'{"object":"embedding","index":%d,"embedding":%s}' % (i, rows[i % 8]) for i in range(count)
    )
    usage = {"prompt_tokens": 8 * count, "total_tokens": 8 * count}
    tail = _dumps({"model": model, "usage": usage})
    body = b'{"object":"list","data":[' + data + b"]," + tail[1:]
    return _http_head("200 OK", "application/json", len(body)) + body


def _error(status: str, message: str) -> bytes:
    body = _dumps({"error": {"message": message, "type": "invalid_request_error"}})
    return _http_head(status, "application/json", len(body)) + body


@dataclass
class _Cache:
    streams: dict[tuple[str, int, int, int], list[bytes]]
    replies: dict[tuple[object, ...], bytes]


_cache = _Cache({}, {})


def respond(path: str, body: bytes) -> list[bytes]:
    """The writes that answer a request to ``path`` with ``body``."""
    try:
        request = json.loads(body)
        model = str(request["model"])
    except (ValueError, KeyError, TypeError):
        return [_error("400 Bad Request", "the body must be JSON with a model")]
    if path.endswith("/chat/completions"):
        match = _CHAT_MODEL.match(model)
        if match is None:
            return [_error("404 Not Found", f"unknown model {model!r}: use bench-c<N>-s<S>")]
        chunks, chars = int(match[1]), int(match[2])
        group = int(match[3] or 1)
        if request.get("stream"):
            key = (model, chunks, chars, group)
            writes = _cache.streams.get(key)
            if writes is None:
                writes = _cache.streams[key] = render_stream(model, chunks, chars, group)
            return writes
        ckey: tuple[object, ...] = ("chat", model)
        reply = _cache.replies.get(ckey)
        if reply is None:
            reply = _cache.replies[ckey] = render_completion(model, chunks, chars)
        return [reply]
    if path.endswith("/embeddings"):
        match = _EMBED_MODEL.match(model)
        inputs = request.get("input")
        if match is None or not isinstance(inputs, list):
            return [_error("404 Not Found", f"unknown model {model!r} or input not a list")]
        fmt = "base64" if request.get("encoding_format") == "base64" else "float"
        ekey: tuple[object, ...] = ("embed", model, len(inputs), fmt)
        reply = _cache.replies.get(ekey)
        if reply is None:
            count = len(inputs)
            reply = _cache.replies[ekey] = render_embeddings(model, count, int(match[1]), fmt)
        return [reply]
    return [_error("404 Not Found", f"no route for {path}")]


class _Connection(asyncio.Protocol):
    """One keep-alive HTTP/1.1 connection; requests on it are answered in order."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._transport: asyncio.Transport | None = None
        self._writable = asyncio.Event()
        self._writable.set()
        self._queue: asyncio.Queue[list[bytes] | None] = asyncio.Queue()
        self._sender: asyncio.Task[None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self._sender = asyncio.get_running_loop().create_task(self._send_loop())

    def connection_lost(self, exc: Exception | None) -> None:
        self._writable.set()
        self._queue.put_nowait(None)

    def pause_writing(self) -> None:
        self._writable.clear()

    def resume_writing(self) -> None:
        self._writable.set()

    def data_received(self, data: bytes) -> None:
        buffer = self._buffer
        buffer += data
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(buffer[:end]).decode("latin-1")
            lines = head.split("\r\n")
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if len(buffer) < end + 4 + length:
                return
            body = bytes(buffer[end + 4 : end + 4 + length])
            del buffer[: end + 4 + length]
            parts = lines[0].split(" ")
            path = parts[1].partition("?")[0] if len(parts) > 1 else "/"
            self._queue.put_nowait(respond(path, body))

    async def _send_loop(self) -> None:
        transport = self._transport
        assert transport is not None
        while (writes := await self._queue.get()) is not None:
            for i, data in enumerate(writes):
                if transport.is_closing():
                    return
                transport.write(data)
                # Let other connections' streams interleave, as a real server's would.
                if i % 16 == 15:
                    await asyncio.sleep(0)
                if not self._writable.is_set():
                    await self._writable.wait()


async def serve(port: int = 0) -> None:
    """Serve on 127.0.0.1 until stdin closes or a signal arrives."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Connection, "127.0.0.1", port, backlog=1024)
    sock = server.sockets[0]
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    stdin = sys.stdin.fileno()
    loop.add_reader(stdin, lambda: None if os.read(stdin, 4096) else stop.set())
    async with server:
        await stop.wait()


def main() -> None:
    """Entry point: ``python bench/server.py [--port N]``."""
    port = int(sys.argv[sys.argv.index("--port") + 1]) if "--port" in sys.argv else 0
    asyncio.run(serve(port))


if __name__ == "__main__":
    main()
