"""Where a non-streamed call's CPU goes, layer by layer, in one process (no sockets).

`httpx.MockTransport` answers every request with the same chat completion, through a sync
``httpx.Client``, so each row pays the same HTTP work and the differences are our own code:

- ``loop``: one `run_until_complete` of a coroutine that returns at once (what a sync twin's
  call costs in event-loop machinery);
- ``floor``: ``client.post``, ``from_json``, the message's text;
- ``provider``: ``do_generate`` of the OpenAI-compatible chat model;
- ``generate_text``: ``generate_text(model=..., prompt=...)`` over that model.

The provider's client is the blocking adapter the ``_sync`` twins use
(`ai_sdk.provider_utils._sync_http.BlockingClient`), so ``generate_text`` here is what
``generate_text_sync`` does per call on the calling thread. Run: ``python bench/per_call.py
[--calls N]``; prints the best of five rounds in CPU microseconds per call.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx
import pydantic_core

from ai_sdk import generate_text
from ai_sdk.provider import CallOptions, TextPart, UserMessage
from ai_sdk.provider_utils._sync_http import BlockingClient
from ai_sdk_openai_compatible import create_openai_compatible

TEXT = "alpha bravo charlie delta echo foxtrot golf hotel " * 3
BODY = pydantic_core.to_json(
    {
        "id": "chatcmpl-bench",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": TEXT},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30},
    }
)


def layers() -> dict[str, Callable[[], Any]]:
    """Each layer as a function returning the reply's text."""
    client = httpx.Client(
        transport=httpx.MockTransport(
            lambda _request: httpx.Response(
                200, content=BODY, headers={"content-type": "application/json"}
            )
        )
    )
    provider = create_openai_compatible(
        name="bench", base_url="http://bench/v1", api_key="k", http_client=BlockingClient(client)
    )
    loop = asyncio.new_event_loop()
    headers = {"authorization": "Bearer k", "content-type": "application/json"}

    async def nothing() -> str:
        return TEXT

    def floor() -> str:
        message = {"role": "user", "content": "hi"}
        body = pydantic_core.to_json({"model": "m", "messages": [message]})
        response = client.post("http://bench/v1/chat/completions", content=body, headers=headers)
        return pydantic_core.from_json(response.content)["choices"][0]["message"]["content"]

    def provider_layer() -> str:
        options = CallOptions(prompt=[UserMessage(content=[TextPart(text="hi")])])
        result = loop.run_until_complete(provider("m").do_generate(options))
        return "".join(part.text for part in result.content if part.type == "text")

    def core() -> str:
        return loop.run_until_complete(generate_text(model=provider("m"), prompt="hi")).text

    return {
        "loop": lambda: loop.run_until_complete(nothing()),
        "floor": floor,
        "provider": provider_layer,
        "generate_text": core,
    }


def main() -> None:
    """Entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=3_000)
    args = parser.parse_args()
    rows = layers()
    for layer in rows.values():  # warm up: connections, caches, lazy imports, schema builds
        for _ in range(200):
            layer()
    best: dict[str, float] = {}
    for _ in range(5):
        for name, layer in rows.items():
            started = time.process_time()
            for _ in range(args.calls):
                text = layer()
            seconds = time.process_time() - started
            if text != TEXT:
                raise SystemExit(f"{name} returned the wrong text")
            best[name] = min(best.get(name, seconds), seconds)
    floor = best["floor"]
    for name, seconds in best.items():
        print(
            f"{name:14s} {seconds / args.calls * 1e6:7.1f} us/call  {seconds / floor:5.2f}x floor"
        )


if __name__ == "__main__":
    main()
