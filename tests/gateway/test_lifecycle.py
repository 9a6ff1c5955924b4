"""Client ownership: lazy creation, per-loop clients, user clients left open, no eager I/O."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ai_sdk import generate_text_sync
from ai_sdk._sync import run_sync
from ai_sdk.provider import CallOptions, TextPart, UserMessage
from ai_sdk_gateway import create_gateway
from tests.servers import LoopbackServer, json_reply

PATH = "/v4/ai/language-model"
OK = {
    "content": [{"type": "text", "text": "ok"}],
    "finishReason": {"unified": "stop", "raw": "stop"},
    "usage": {"inputTokens": {}, "outputTokens": {}},
}
OPTIONS = CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])


class RecordingEnviron(dict[str, str]):
    """An os.environ stand-in that records every variable read."""

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__(values)
        self.reads: list[str] = []

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.reads.append(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self.reads.append(key)
        return super().__getitem__(key)

    def __iter__(self) -> Iterator[str]:
        self.reads.append("*")
        return super().__iter__()


def test_creating_a_provider_reads_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    environ = RecordingEnviron({"AI_GATEWAY_API_KEY": "k"})
    monkeypatch.setattr(os, "environ", environ)

    create_gateway()

    assert environ.reads == []


async def test_user_client_is_used_and_left_open(server: LoopbackServer, base_url: str) -> None:
    server.route(PATH, json_reply(OK))
    seen: list[str] = []

    async def log_request(request: httpx.Request) -> None:
        seen.append(str(request.url))

    async with httpx.AsyncClient(event_hooks={"request": [log_request]}) as client:
        async with create_gateway(api_key="k", base_url=base_url, http_client=client) as gw:
            await gw("a/b").do_generate(OPTIONS)
        assert not client.is_closed

    assert seen == [f"{base_url}/language-model"]


async def test_owned_client_is_reused_and_closed(server: LoopbackServer, base_url: str) -> None:
    server.route(PATH, json_reply(OK))

    async with create_gateway(api_key="k", base_url=base_url) as gw:
        for _ in range(3):
            await gw("a/b").do_generate(OPTIONS)

    assert server.connections_opened == 1


def test_one_provider_serves_the_sync_portal_loop_too(
    server: LoopbackServer, base_url: str
) -> None:
    server.route(PATH, json_reply(OK))
    gw = create_gateway(api_key="k", base_url=base_url)
    model = gw("a/b")

    first = run_sync(lambda: model.do_generate(OPTIONS))
    second = run_sync(lambda: model.do_generate(OPTIONS))
    run_sync(gw.aclose)

    assert first.content == second.content
    assert len(server.requests) == 2
    assert server.connections_opened == 1


def test_close_after_a_sync_call_closes_the_owned_client(
    server: LoopbackServer, base_url: str
) -> None:
    server.route(PATH, json_reply(OK))

    with create_gateway(api_key="k", base_url=base_url) as gw:
        result = generate_text_sync(model=gw("a/b"), prompt="Hi")
        open_before_close = server.open_connections

    assert (result.text, open_before_close, server.wait_for_open_connections()) == ("ok", 1, 0)


async def test_close_inside_a_running_loop_closes_once_the_loop_runs(
    server: LoopbackServer, base_url: str
) -> None:
    server.route(PATH, json_reply(OK))
    gw = create_gateway(api_key="k", base_url=base_url)
    await gw("a/b").do_generate(OPTIONS)
    open_before_close = server.open_connections

    gw.close()  # returns at once: this loop's client can only be closed on this loop

    assert (open_before_close, await asyncio.to_thread(server.wait_for_open_connections)) == (1, 0)
