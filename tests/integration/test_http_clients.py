"""A user's own HTTP client works with every provider, whichever library it comes from: httpx,
httpx2, or httpx on aiohttp's transport. Calls, streams, error statuses and timeouts end the
same way, and the provider never closes a client it did not create."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import httpx2
import pytest
from httpx_aiohttp import HttpxAiohttpClient

from ai_sdk import APICallError, APITimeoutError, generate_text, generate_text_sync, stream_text
from ai_sdk.provider import LanguageModel
from ai_sdk_gateway import create_gateway
from ai_sdk_openai_compatible import create_openai_compatible
from tests.servers import LoopbackServer, Reply, json_reply, sse_reply

CLIENTS: dict[str, Callable[[], Any]] = {
    "httpx": lambda: httpx.AsyncClient(timeout=5.0),
    "httpx2": lambda: httpx2.AsyncClient(timeout=5.0),
    "aiohttp": lambda: HttpxAiohttpClient(timeout=5.0),
}

CHAT = "/v1/chat/completions"
GATEWAY = "/v4/ai/language-model"


def chat_reply(text: str) -> Reply:
    return json_reply(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": "m",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
        }
    )


def chat_stream(*pieces: str) -> Reply:
    events: list[dict[str, Any]] = [
        {
            "id": "c",
            "created": 1_700_000_000,
            "model": "m",
            "choices": [{"index": 0, "delta": {"content": p}}],
        }
        for p in pieces
    ]
    events.append({"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    return sse_reply(events)


def gateway_reply(text: str) -> Reply:
    return json_reply(
        {
            "content": [{"type": "text", "text": text}],
            "finishReason": {"unified": "stop", "raw": "stop"},
            "usage": {"inputTokens": {"total": 3}, "outputTokens": {"total": 2}},
            "warnings": [],
        }
    )


def providers(server: LoopbackServer, client: Any, **settings: Any) -> tuple[Any, Any]:
    local = create_openai_compatible(
        name="local", base_url=f"{server.url}/v1", http_client=client, **settings
    )
    gateway = create_gateway(
        api_key="key", base_url=f"{server.url}/v4/ai", http_client=client, **settings
    )
    return local, gateway


def chat_model(server: LoopbackServer, client: Any, **settings: Any) -> LanguageModel:
    return providers(server, client, **settings)[0]("m")


@pytest.mark.parametrize("kind", CLIENTS)
async def test_calls_and_streams_over_the_users_client(server: LoopbackServer, kind: str) -> None:
    server.route(CHAT, chat_reply("Hello"), chat_stream("Hel", "lo"))
    server.route(GATEWAY, gateway_reply("Hi there"))
    client = CLIENTS[kind]()
    async with client:
        local, gateway = providers(server, client)
        generated = await generate_text(model=local("m"), prompt="hi")
        streamed = stream_text(model=local("m"), prompt="hi")
        text = "".join([delta async for delta in streamed.text_stream])
        through_gateway = await generate_text(model=gateway("openai/gpt-5"), prompt="hi")
        await local.aclose()
        await gateway.aclose()
        assert not client.is_closed  # the user's client stays the user's
    assert generated.text == "Hello"
    assert text == "Hello"
    assert through_gateway.text == "Hi there"
    assert [r.path for r in server.requests] == [CHAT, CHAT, GATEWAY]


@pytest.mark.parametrize("kind", CLIENTS)
async def test_an_error_status_is_a_typed_error(server: LoopbackServer, kind: str) -> None:
    server.route(CHAT, json_reply({"error": {"message": "overloaded"}}, status=503))
    async with CLIENTS[kind]() as client:
        model = chat_model(server, client)
        with pytest.raises(APICallError) as caught:
            await generate_text(model=model, prompt="hi", max_retries=0)
    assert caught.value.status_code == 503
    assert caught.value.is_retryable
    assert "overloaded" in caught.value.message


@pytest.mark.parametrize("kind", CLIENTS)
async def test_a_stalled_server_is_a_timeout(server: LoopbackServer, kind: str) -> None:
    server.route(CHAT, Reply(delay_before_headers=2.0, body=b"{}"))
    async with CLIENTS[kind]() as client:
        model = chat_model(server, client, timeout=0.2)
        with pytest.raises(APITimeoutError):
            await generate_text(model=model, prompt="hi", max_retries=0)


@pytest.mark.parametrize("kind", CLIENTS)
async def test_cancelling_the_call_frees_the_connection(server: LoopbackServer, kind: str) -> None:
    server.route(CHAT, Reply(delay_before_headers=5.0, body=b"{}"), chat_reply("after"))
    async with CLIENTS[kind]() as client:
        model = chat_model(server, client)
        task = asyncio.create_task(generate_text(model=model, prompt="hi"))
        await asyncio.sleep(0.2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # The client is still usable: the cancelled request did not poison its pool.
        result = await generate_text(model=model, prompt="again")
    assert result.text == "after"


async def test_the_clients_providers_create_keep_no_cookies(server: LoopbackServer) -> None:
    """As fetch in Node: a provider's ``Set-Cookie`` is not sent back on the next call, from
    async and sync calls alike, while a user's own client keeps its cookies."""
    with_cookie = chat_reply("one")
    with_cookie.headers["set-cookie"] = "session=abc; Path=/"
    server.route(CHAT, *[with_cookie, chat_reply("two")] * 3)

    async def twice(model: LanguageModel) -> list[str]:
        return [(await generate_text(model=model, prompt="hi")).text for _ in range(2)]

    def twice_sync(model: LanguageModel) -> list[str]:
        return [generate_text_sync(model=model, prompt="hi").text for _ in range(2)]

    async with create_openai_compatible(name="local", base_url=f"{server.url}/v1") as provider:
        assert await twice(provider("m")) == ["one", "two"]
        assert await asyncio.to_thread(twice_sync, provider("m")) == ["one", "two"]
    async with httpx.AsyncClient() as client:
        assert await twice(chat_model(server, client)) == ["one", "two"]

    cookies = [request.headers.get("cookie") for request in server.requests]
    assert cookies == [None, None, None, None, None, "session=abc"]
