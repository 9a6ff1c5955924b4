"""SSE parsing throughput: the per-token hot path of every streamed generation.

A 20,000-event OpenAI chat-completions stream, fed in 4 KiB reads, parsed and JSON-decoded by:

- naive ``split(b"\\n\\n")`` + ``json.loads`` / + ``pydantic_core.from_json`` (not spec-conformant:
  the ceiling to compare against),
- ``httpx-sse``'s decoders + ``from_json``, when installed (what we would use instead),
- ours: ``SSEParser.feed`` (event objects), ``SSEParser.feed_data`` (the JSON-stream path),
  the same on a CRLF body (the general path), and the full ``JSONEventStream`` over an
  ``httpx.Response`` (async iteration and ``ParseResult`` objects), without and with a lenient
  pydantic chunk model.

Run: ``python bench/sse_parse.py [--quick]``. Prints events/s (best of several runs) and ratios.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import random
import sys
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict
from pydantic_core import from_json

from ai_sdk.provider_utils import JSONEventStream, SSEParser, as_schema

EVENTS = 20_000
READ_SIZE = 4096


def make_body(events: int = EVENTS, line_end: bytes = b"\n") -> bytes:
    """A realistic stream: role chunk, content deltas, a finish chunk, a usage chunk, [DONE]."""
    rnd = random.Random(0)
    words = [" the", " quick", " brown", " fox", " jumps", " over", " lazy", " dog", "é", " 你好"]
    base = {
        "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
        "object": "chat.completion.chunk",
        "created": 1741570283,
        "model": "gpt-4o-2024-08-06",
        "service_tier": "default",
        "system_fingerprint": "fp_eb9dce56a8",
    }
    chunks: list[dict[str, Any]] = []
    for index in range(events):
        if index == 0:
            delta: dict[str, Any] = {"role": "assistant", "content": "", "refusal": None}
            finish = None
        elif index == events - 2:
            delta, finish = {}, "stop"
        else:
            delta, finish = {"content": rnd.choice(words)}, None
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        chunks.append({**base, "choices": [choice], "usage": None})
    chunks[-1] = {
        **base,
        "choices": [],
        "usage": {"prompt_tokens": 12, "completion_tokens": events, "total_tokens": events + 12},
    }
    end = line_end + line_end
    parts = [b"data: " + json.dumps(c, ensure_ascii=False).encode() + end for c in chunks]
    parts.append(b"data: [DONE]" + end)
    return b"".join(parts)


def reads(body: bytes) -> list[bytes]:
    return [body[i : i + READ_SIZE] for i in range(0, len(body), READ_SIZE)]


# -- contenders -------------------------------------------------------------------------------


def naive(loads: Callable[[bytes], Any]) -> Callable[[list[bytes]], int]:
    def run(chunks: list[bytes]) -> int:
        count, buffer = 0, b""
        for chunk in chunks:
            buffer += chunk
            *events, buffer = buffer.split(b"\n\n")
            for event in events:
                data = event[6:]
                if data != b"[DONE]":
                    loads(data)
                    count += 1
        return count

    return run


def httpx_sse_run(chunks: list[bytes]) -> int:
    from httpx_sse._decoders import SSEDecoder, SSELineDecoder  # what aiter_sse() runs

    text = codecs.getincrementaldecoder("utf-8")(errors="replace")
    lines, events, count = SSELineDecoder(), SSEDecoder(), 0
    for chunk in chunks:
        for line in lines.decode(text.decode(chunk)):
            event = events.decode(line.rstrip("\n"))
            if event is not None and event.data != "[DONE]":
                from_json(event.data)
                count += 1
    return count


def ours_events(chunks: list[bytes]) -> int:
    parser, count = SSEParser(), 0
    for chunk in chunks:
        for event in parser.feed(chunk):
            if event.data != "[DONE]":
                from_json(event.data)
                count += 1
    return count


def ours_data(chunks: list[bytes]) -> int:
    parser, count = SSEParser(), 0
    for chunk in chunks:
        for data in parser.feed_data(chunk):
            if data != b"[DONE]":
                from_json(data)
                count += 1
    return count


class Chunk(BaseModel):
    """A lenient chat-completions chunk, as a provider would declare it."""

    model_config = ConfigDict(extra="allow")

    class Choice(BaseModel):
        model_config = ConfigDict(extra="allow")

        class Delta(BaseModel):
            model_config = ConfigDict(extra="allow")
            role: str | None = None
            content: str | None = None

        index: int
        delta: Delta
        finish_reason: str | None = None

    id: str | None = None
    choices: list[Choice] = []
    usage: dict[str, int] | None = None


def stream_run(schema: object) -> Callable[[list[bytes]], int]:
    resolved = as_schema(schema) if schema is not None else None

    async def consume(chunks: list[bytes]) -> int:
        async def body() -> AsyncIterator[bytes]:
            for chunk in chunks:
                yield chunk

        response = httpx.Response(200, content=body())
        stream = JSONEventStream(response, resolved, url="bench", request_body_values=None)
        count = 0
        async for result in stream:
            assert result.success
            count += 1
        return count

    return lambda chunks: asyncio.run(consume(chunks))


def best(run: Callable[[list[bytes]], int], chunks: list[bytes], repeat: int) -> tuple[float, int]:
    fastest, count = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = run(chunks)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, count


def main() -> None:
    quick = "--quick" in sys.argv
    repeat = 2 if quick else 7
    events = 5_000 if quick else EVENTS
    lf, crlf = reads(make_body(events)), reads(make_body(events, b"\r\n"))
    try:
        import httpx_sse  # noqa: F401  # pyright: ignore[reportUnusedImport]

        have_httpx_sse = True
    except ImportError:
        have_httpx_sse = False

    contenders: list[tuple[str, Callable[[list[bytes]], int], list[bytes]]] = [
        ("naive split + json.loads", naive(json.loads), lf),
        ("naive split + from_json", naive(from_json), lf),
    ]
    if have_httpx_sse:
        contenders.append(("httpx-sse + from_json", httpx_sse_run, lf))
    contenders += [
        ("ours: feed() events + from_json", ours_events, lf),
        ("ours: feed_data() + from_json", ours_data, lf),
        ("ours: feed_data(), CRLF body", ours_data, crlf),
        ("ours: JSONEventStream, no schema", stream_run(None), lf),
        ("ours: JSONEventStream, pydantic chunk", stream_run(Chunk), lf),
    ]

    print(f"{events:,} events, {len(lf)} reads of {READ_SIZE} bytes, best of {repeat}")
    rates: dict[str, float] = {}
    for name, run, chunks in contenders:
        seconds, count = best(run, chunks, repeat)
        if count != events:
            raise SystemExit(f"{name}: decoded {count} events, expected {events}")
        rates[name] = events / seconds
        print(f"  {name:40} {rates[name]:>11,.0f} events/s")

    ours = rates["ours: feed() events + from_json"]
    ours_fast = rates["ours: feed_data() + from_json"]
    ceiling = rates["naive split + from_json"]
    print(f"ours feed() / naive from_json:      {ours / ceiling:.2f}x")
    print(f"ours feed_data() / naive from_json: {ours_fast / ceiling:.2f}x")
    if have_httpx_sse:
        reference = rates["httpx-sse + from_json"]
        print(f"ours feed() / httpx-sse:            {ours / reference:.2f}x")
        print(f"ours feed_data() / httpx-sse:       {ours_fast / reference:.2f}x")
    else:
        print("httpx-sse not installed: `uv pip install httpx-sse` to compare")


if __name__ == "__main__":
    main()
