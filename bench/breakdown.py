"""Where a streamed chunk's CPU goes, layer by layer, in one process (no sockets).

`httpx.MockTransport` serves a pre-rendered chat stream, so every layer reads the same bytes
through the same httpx client and the differences between rows are our own code:

- ``floor``: ``aiter_bytes()``, a blank-line split, ``from_json``, the text appended;
- ``provider``: ``do_stream`` of the OpenAI-compatible chat model, text deltas collected;
- ``stream_text``: ``stream_text(...).text_stream`` over that model;
- ``stream_text_sync``: the same through the sync twin.

Run: ``python bench/breakdown.py [--chunks N]``. Prints the best of five rounds in CPU
microseconds per chunk. Over real sockets (``run.py``, W2) every figure is larger; compare rows,
not absolute numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pydantic_core

import ai_sdk
from ai_sdk.provider import CallOptions, TextPart, UserMessage
from ai_sdk_openai_compatible import create_openai_compatible

TOKEN = "tok "


def render(chunks: int) -> list[bytes]:
    """One SSE event per HTTP chunk, as servers send them: role, tokens, finish, usage, DONE."""

    def event(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return {"id": "c", "object": "chat.completion.chunk", "model": "m", "choices": [choice]}

    usage = {"prompt_tokens": 5, "completion_tokens": chunks, "total_tokens": chunks + 5}
    events = [event({"role": "assistant", "content": ""})]
    events += [event({"content": TOKEN}) for _ in range(chunks)]
    events += [event({}, "stop"), {"id": "c", "choices": [], "usage": usage}]
    body = [b"data: " + pydantic_core.to_json(e) + b"\n\n" for e in events]
    return [*body, b"data: [DONE]\n\n"]


def make_client(body: list[bytes]) -> httpx.AsyncClient:
    """A client whose every request gets the rendered stream."""

    async def stream() -> AsyncIterator[bytes]:
        for piece in body:
            yield piece

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=stream())

    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


def layers(client: httpx.AsyncClient) -> dict[str, Callable[[], Any]]:
    """Each layer as a function returning the streamed text (a coroutine for async layers)."""
    model = create_openai_compatible(
        name="bench", base_url="http://bench/v1", api_key="k", http_client=client
    )("m")
    options = CallOptions(prompt=[UserMessage(content=[TextPart(text="hi")])])

    async def floor() -> str:
        texts: list[str] = []
        async with client.stream("POST", "http://bench/v1/chat/completions", content=b"{}") as r:
            buffer = b""
            async for data in r.aiter_bytes():
                *events, buffer = (buffer + data).split(b"\n\n")
                for event in events:
                    if event[6:] == b"[DONE]":
                        continue
                    choices = pydantic_core.from_json(event[6:])["choices"]
                    if choices and choices[0]["delta"].get("content"):
                        texts.append(choices[0]["delta"]["content"])
        return "".join(texts)

    async def provider() -> str:
        result = await model.do_stream(options)
        return "".join([p.delta async for p in result.stream if p.type == "text-delta"])

    async def stream_text() -> str:
        result = ai_sdk.stream_text(model=model, prompt="hi")
        return "".join([text async for text in result.text_stream])

    def stream_text_sync() -> str:
        return "".join(ai_sdk.stream_text_sync(model=model, prompt="hi").text_stream)

    return {
        "floor": floor,
        "provider": provider,
        "stream_text": stream_text,
        "stream_text_sync": stream_text_sync,
    }


def main() -> None:
    """Entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=20_000)
    args = parser.parse_args()
    client = make_client(render(args.chunks))
    loop = asyncio.new_event_loop()
    best: dict[str, float] = {}
    for _ in range(5):
        for name, layer in layers(client).items():
            started = time.process_time()
            outcome = layer()
            text = loop.run_until_complete(outcome) if asyncio.iscoroutine(outcome) else outcome
            seconds = time.process_time() - started
            if text != TOKEN * args.chunks:
                raise SystemExit(f"{name} streamed the wrong text ({len(text)} characters)")
            best[name] = min(best.get(name, seconds), seconds)
    floor = best["floor"]
    for name, seconds in best.items():
        per_chunk = seconds / args.chunks * 1e6
        print(f"{name:18s} {per_chunk:6.2f} us/chunk  {seconds / floor:5.2f}x floor")
    loop.run_until_complete(client.aclose())
    loop.close()


if __name__ == "__main__":
    main()
