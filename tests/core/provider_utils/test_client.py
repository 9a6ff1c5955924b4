"""HTTPClientHolder: lazily created, reused, closed only when owned."""

from __future__ import annotations

import asyncio
import importlib.util
import threading

import httpx
import pytest

from ai_sdk.provider import InvalidArgumentError
from ai_sdk.provider_utils import (
    DEFAULT_TIMEOUT,
    HTTPClientHolder,
    create_http_client,
    create_json_response_handler,
    create_status_code_error_response_handler,
    default_http_backend,
    post_json,
)
from tests.servers import LoopbackServer, json_reply


async def test_owned_client_is_created_once_and_closed() -> None:
    holder = HTTPClientHolder()
    first = holder.get()
    assert holder.get() is first
    assert holder.owns_client
    assert first.timeout.as_dict() == DEFAULT_TIMEOUT.as_dict()
    await holder.aclose()
    assert first.is_closed
    second = holder.get()  # usable again after closing: a fresh client
    assert second is not first
    await holder.aclose()
    assert second.is_closed


async def test_user_client_is_used_and_never_closed() -> None:
    async with httpx.AsyncClient() as mine:
        async with HTTPClientHolder(mine) as holder:
            assert holder.get() is mine
            assert not holder.owns_client
        assert not mine.is_closed


async def test_request_timeout() -> None:
    assert HTTPClientHolder().request_timeout is None
    assert HTTPClientHolder(timeout=3).request_timeout == httpx.Timeout(3)
    assert HTTPClientHolder(timeout=httpx.Timeout(1, read=9)).request_timeout == httpx.Timeout(
        1, read=9
    )


async def test_factory_builds_the_owned_client() -> None:
    made: list[httpx.AsyncClient] = []

    def factory() -> httpx.AsyncClient:
        made.append(httpx.AsyncClient(headers={"x-proxy": "1"}))
        return made[-1]

    holder = HTTPClientHolder(factory=factory)
    assert holder.get() is holder.get() is made[0]
    await holder.aclose()
    assert made[0].is_closed


async def test_one_client_per_event_loop(server: LoopbackServer) -> None:
    """A loop-bound pool must not be used from another loop (as the sync twins run one)."""
    server.route("/x", json_reply({"ok": True}))
    holder = HTTPClientHolder()
    here = holder.get()

    async def call() -> httpx.AsyncClient:
        client = holder.get()
        await post_json(
            url=f"{server.url}/x",
            body={},
            success=create_json_response_handler(),
            failure=create_status_code_error_response_handler(),
            client=client,
        )
        return client

    other_loop = asyncio.new_event_loop()
    thread = threading.Thread(target=other_loop.run_forever, daemon=True)
    thread.start()
    try:
        there = await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(call(), other_loop))
        assert there is not here
        assert await call() is here
        await holder.aclose()  # closes the other loop's client on its own loop
        assert here.is_closed
        assert there.is_closed
    finally:
        other_loop.call_soon_threadsafe(other_loop.stop)
        thread.join()
        other_loop.close()


# -- the client providers create -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("installed", "expected"), [(True, "aiohttp"), (False, "httpx")], ids=["extra", "plain"]
)
def test_default_backend_is_aiohttp_when_its_extra_is_installed(
    monkeypatch: pytest.MonkeyPatch, installed: bool, expected: str
) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, package: str | None = None) -> object:
        if name == "httpx_aiohttp":
            return real("httpx") if installed else None
        return real(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    assert default_http_backend() == expected


async def test_create_http_client_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    from httpx_aiohttp import HttpxAiohttpClient

    monkeypatch.delenv("AI_SDK_HTTP_BACKEND", raising=False)
    made = [
        create_http_client(),  # the aiohttp extra is installed in the test environments
        create_http_client("httpx"),
        create_http_client(" HTTPX2 "),
        create_http_client("aiohttp"),
    ]
    monkeypatch.setenv("AI_SDK_HTTP_BACKEND", "httpx")
    made.append(create_http_client())
    assert [type(c).__module__.partition(".")[0] + "." + type(c).__name__ for c in made] == [
        "httpx_aiohttp.HttpxAiohttpClient",
        "httpx.AsyncClient",
        "httpx2.AsyncClient",
        "httpx_aiohttp.HttpxAiohttpClient",
        "httpx.AsyncClient",
    ]
    assert isinstance(made[0], HttpxAiohttpClient)
    assert all(c.timeout.as_dict() == DEFAULT_TIMEOUT.as_dict() for c in made)
    for client in made:
        await client.aclose()


def test_create_http_client_unknown_backend() -> None:
    with pytest.raises(InvalidArgumentError, match="unknown HTTP backend 'curl'"):
        create_http_client("curl")
