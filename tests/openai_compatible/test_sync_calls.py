"""The `_sync` twins over a real provider: they run on the calling thread's loop, send their
sequential requests through a blocking client, and behave as the async functions do."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from typing import Any

import httpx
import pytest

from ai_sdk import (
    APICallError,
    generate_text,
    generate_text_sync,
    is_step_count,
    tool,
)
from ai_sdk._sync import run_sync
from ai_sdk_openai_compatible import create_openai_compatible
from tests.openai_compatible._helpers import CHAT, chat_completion
from tests.servers import LoopbackServer, Reply, json_reply

OK = json_reply(chat_completion({"role": "assistant", "content": "ok"}))


def _text(content: str, delay: float = 0.0) -> Reply:
    reply = json_reply(chat_completion({"role": "assistant", "content": content}))
    reply.delay_before_headers = delay
    return reply


def _echo_from_threads(provider: Any, *, threads: int, calls: int) -> dict[int, list[str]]:
    """``calls`` sequential `generate_text_sync` calls on each of ``threads`` threads at once,
    each prompt ``"<thread>-<call>"``; what each thread got back."""
    results: dict[int, list[str]] = {}

    def work(n: int) -> None:
        results[n] = [
            generate_text_sync(model=provider("m"), prompt=f"{n}-{i}").text for i in range(calls)
        ]

    started = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join(30)
    return results


def test_calls_run_on_the_calling_thread_over_one_kept_connection(server: LoopbackServer) -> None:
    server.route(CHAT, OK)
    threads: list[threading.Thread] = []
    with create_openai_compatible(name="p", base_url=f"{server.url}/v1") as provider:
        texts = [
            generate_text_sync(
                model=provider("m"),
                prompt="Hi",
                on_step_end=lambda _step: threads.append(threading.current_thread()),
            ).text
            for _ in range(3)
        ]

    assert texts == ["ok", "ok", "ok"]
    assert threads == [threading.current_thread()] * 3  # no hand-off to another thread
    assert server.connections_opened == 1  # the blocking client's pool kept it


def test_calls_from_many_threads_at_once(server: LoopbackServer) -> None:
    server.route(CHAT, lambda request: _text(request.json()["messages"][0]["content"], delay=0.01))
    with create_openai_compatible(name="p", base_url=f"{server.url}/v1") as provider:
        results = _echo_from_threads(provider, threads=8, calls=5)

    assert results == {n: [f"{n}-{i}" for i in range(5)] for n in range(8)}
    assert server.peak_connections <= 8


def test_a_user_async_client_serves_calls_from_many_threads(server: LoopbackServer) -> None:
    # The client's connections belong to one loop; each thread has its own, so the exchange is
    # made on the SDK's background loop. Used directly from 4 loops, the pool would break.
    server.route(CHAT, lambda request: _text(request.json()["messages"][0]["content"], delay=0.01))
    sent: list[str] = []

    async def record(request: httpx.Request) -> None:
        sent.append(json.loads(request.content)["messages"][0]["content"])

    client = httpx.AsyncClient(event_hooks={"request": [record]})
    provider = create_openai_compatible(name="p", base_url=f"{server.url}/v1", http_client=client)
    results = _echo_from_threads(provider, threads=4, calls=4)
    run_sync(client.aclose)

    assert results == {n: [f"{n}-{i}" for i in range(4)] for n in range(4)}
    assert sorted(sent) == sorted(f"{n}-{i}" for n in range(4) for i in range(4))  # all through it


def test_user_clients_of_either_library_serve_sync_calls(server: LoopbackServer) -> None:
    # Each wrapped client keeps its own library (its timeout type, its sentinel): one after
    # the other in the same process, with a provider timeout that must be converted for httpx2.
    import httpx2

    server.route(CHAT, OK)
    texts: list[str] = []
    for client in (httpx2.AsyncClient(), httpx.AsyncClient(), httpx2.AsyncClient()):
        provider = create_openai_compatible(
            name="p", base_url=f"{server.url}/v1", http_client=client, timeout=5.0
        )
        texts.append(generate_text_sync(model=provider("m"), prompt="Hi").text)
        run_sync(client.aclose)

    assert texts == ["ok", "ok", "ok"]


def test_a_total_timeout_fires_while_the_server_is_still_silent(server: LoopbackServer) -> None:
    # A blocking read could not be interrupted: with a deadline the call keeps async HTTP.
    server.route(CHAT, _text("late", delay=3.0))
    with create_openai_compatible(name="p", base_url=f"{server.url}/v1") as provider:
        started = time.monotonic()
        with pytest.raises(TimeoutError, match=r"total timeout of 0\.3 s"):
            generate_text_sync(model=provider("m"), prompt="Hi", timeout=0.3, max_retries=0)
        elapsed = time.monotonic() - started

    assert elapsed < 2.0


def test_tools_of_a_sync_call_run_their_model_calls_concurrently(server: LoopbackServer) -> None:
    # The tools run in tasks of their own on the call's loop: their requests must not block it.
    calls = [
        {"id": f"c{n}", "type": "function", "function": {"name": "ask", "arguments": "{}"}}
        for n in range(2)
    ]
    server.route(
        CHAT,
        json_reply(
            chat_completion(
                {"role": "assistant", "content": None, "tool_calls": calls},
                finish_reason="tool_calls",
            )
        ),
        _text("slow", delay=0.6),
        _text("slow", delay=0.6),
        _text("done"),
    )
    with create_openai_compatible(name="p", base_url=f"{server.url}/v1") as provider:

        async def ask(_input: object) -> str:
            return (await generate_text(model=provider("inner"), prompt="?")).text

        started = time.monotonic()
        result = generate_text_sync(
            model=provider("m"),
            prompt="Hi",
            tools={"ask": tool(description="Ask another model.", execute=ask)},
            stop_when=is_step_count(2),
        )
        elapsed = time.monotonic() - started

    assert result.text == "done"
    assert [r.output for r in result.steps[0].tool_results] == ["slow", "slow"]
    assert elapsed < 1.1  # both 0.6 s answers were awaited together


async def _async_error(model: Any) -> BaseException:
    try:
        await generate_text(model=model, prompt="Hi", max_retries=0)
    except BaseException as error:
        return error
    raise AssertionError("no error")


def _sync_error(model: Any) -> BaseException:
    try:
        generate_text_sync(model=model, prompt="Hi", max_retries=0)
    except BaseException as error:
        return error
    raise AssertionError("no error")


def _gist(error: BaseException) -> str:
    return str(error).partition(":")[0].partition(" (")[0]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("failure", ["refused", "read timeout", "status 429"])
async def test_failures_are_the_errors_the_async_function_raises(
    server: LoopbackServer, failure: str
) -> None:
    base_url = f"{server.url}/v1"
    settings: dict[str, Any] = {}
    if failure == "refused":
        base_url = f"http://127.0.0.1:{_closed_port()}/v1"
    elif failure == "read timeout":
        server.route(CHAT, _text("late", delay=2.0))
        settings["timeout"] = 0.2
    else:
        server.route(CHAT, json_reply({"error": {"message": "slow down"}}, status=429))
    provider = create_openai_compatible(name="p", base_url=base_url, **settings)

    expected = await _async_error(provider("m"))
    got = await asyncio.to_thread(_sync_error, provider("m"))
    await asyncio.to_thread(provider.close)

    # The detail after the gist is the HTTP library's own text, which its sync and async
    # transports word differently (e.g. "[Errno 111] Connection refused").
    assert isinstance(got, APICallError)
    assert (type(got), _gist(got), got.is_retryable) == (
        type(expected),
        _gist(expected),
        expected.is_retryable,  # pyright: ignore[reportAttributeAccessIssue]
    )
    if failure == "status 429":
        assert got.status_code == 429
        assert json.loads(got.response_body or "{}") == {"error": {"message": "slow down"}}
