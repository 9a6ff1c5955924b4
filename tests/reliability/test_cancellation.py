"""Cancellation during the request, the stream, a tool and a retry sleep: the response is closed,
tools are cancelled, ``on_abort`` runs, and no connection or task is left behind."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk import TimeoutConfig, generate_text, stream_text, stream_text_sync, tool
from ai_sdk.generate_text import AbortPart
from tests.reliability._helpers import (
    CHAT,
    chunk,
    client_sockets_to,
    completion,
    eventually,
    text_events,
)
from tests.reliability.conftest import ProviderFactory
from tests.servers import LoopbackServer, Reply, json_reply, sse_reply


def client_sockets(server: LoopbackServer) -> int:
    """Open client sockets to the server (the server's own count where they cannot be seen: a
    server handler asleep in a scripted delay notices a closed socket only when it wakes)."""
    count = client_sockets_to(server.port)
    return server.open_connections if count is None else count


async def assert_nothing_left(server: LoopbackServer, *, pooled: int = 0) -> None:
    """No task but the test's own, and no connection but ``pooled`` idle keep-alive ones (a
    response read to its end returns its connection to the pool)."""
    await eventually(lambda: client_sockets(server) <= pooled)
    # An iterator left by `break` is finalized by a task the loop starts when it is collected.
    await eventually(lambda: asyncio.all_tasks() == {asyncio.current_task()}, within=0.5)


class City(BaseModel):
    city: str


def tool_call_stream() -> Reply:
    call = {
        "index": 0,
        "id": "call_1",
        "type": "function",
        "function": {"name": "weather", "arguments": json.dumps({"city": "Oslo"})},
    }
    return sse_reply([chunk({"role": "assistant", "tool_calls": [call]}), chunk({}, "tool_calls")])


def tool_call_completion() -> dict[str, Any]:
    body = completion("", "tool_calls")
    body["choices"][0]["message"] = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "weather", "arguments": json.dumps({"city": "Oslo"})},
            }
        ],
    }
    return body


class BlockingTool:
    """A tool that starts, then waits until it is cancelled."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.cancelled = False

    async def __call__(self, value: City) -> str:
        self.started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        return "never"


async def test_cancel_during_the_request_closes_the_connection(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, Reply(delay_before_headers=0.8, body=b"{}"))
    task = asyncio.create_task(generate_text(model=make_provider()("test-model"), prompt="hi"))
    await eventually(lambda: len(server.requests) == 1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await assert_nothing_left(server)


async def test_cancel_during_streaming_runs_on_abort_and_closes_the_response(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, sse_reply(text_events(*(f"{n} " for n in range(40))), delay=0.02))
    aborted: list[list[Any]] = []
    result = stream_text(model=make_provider()("test-model"), prompt="hi", on_abort=aborted.append)
    received: list[str] = []

    async def read() -> None:
        async for delta in result.text_stream:
            received.append(delta)

    task = asyncio.create_task(read())
    await eventually(lambda: len(received) >= 3)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert aborted == [[]]  # no step had finished
    parts = [part async for part in result.stream]
    assert isinstance(parts[-1], AbortPart)
    assert len(received) < 40
    await assert_nothing_left(server)


async def test_cancel_during_tool_execution_cancels_the_tool(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, tool_call_stream())
    blocking = BlockingTool()
    aborted: list[list[Any]] = []
    result = stream_text(
        model=make_provider()("test-model"),
        prompt="weather?",
        tools={"weather": tool(description="weather", input_schema=City, execute=blocking)},
        on_abort=aborted.append,
    )
    task = asyncio.create_task(result.consume_stream())
    await asyncio.wait_for(blocking.started.wait(), 2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert blocking.cancelled
    assert aborted == [[]]
    await assert_nothing_left(server, pooled=1)  # the stream had ended before the tool ran


async def test_cancel_generate_text_during_tool_execution_cancels_the_tool(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, json_reply(tool_call_completion()))
    blocking = BlockingTool()
    task = asyncio.create_task(
        generate_text(
            model=make_provider()("test-model"),
            prompt="weather?",
            tools={"weather": tool(description="weather", input_schema=City, execute=blocking)},
        )
    )
    await asyncio.wait_for(blocking.started.wait(), 2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert blocking.cancelled
    await assert_nothing_left(server, pooled=1)


async def test_tool_timeout_cancels_the_tool_and_the_model_sees_the_error(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, json_reply(tool_call_completion()))
    blocking = BlockingTool()
    started = time.perf_counter()
    result = await generate_text(
        model=make_provider()("test-model"),
        prompt="weather?",
        tools={"weather": tool(description="weather", input_schema=City, execute=blocking)},
        timeout=TimeoutConfig(tool=0.1),
    )
    assert time.perf_counter() - started < 2
    assert blocking.cancelled
    errors = [p for p in result.content if p.type == "tool-error"]
    assert len(errors) == 1
    assert "0.1" in str(errors[0].error)  # type: ignore[union-attr]


@pytest.mark.parametrize("streaming", [False, True], ids=["generate_text", "stream_text"])
async def test_cancel_during_a_retry_sleep_stops_at_once(
    streaming: bool, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    # A 10 s retry-after-ms is honoured (under the 60 s cap): the call sleeps, and is cancelled.
    server.route(CHAT, json_reply({"error": {"message": "busy"}}, 503, {"retry-after-ms": "10000"}))
    model = make_provider()("test-model")
    aborted: list[list[Any]] = []
    if streaming:
        result = stream_text(model=model, prompt="hi", on_abort=aborted.append)
        task = asyncio.create_task(result.consume_stream())
    else:
        task = asyncio.create_task(generate_text(model=model, prompt="hi"))
    await eventually(lambda: len(server.requests) == 1)
    await asyncio.sleep(0.05)  # well into the sleep
    started = time.perf_counter()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.perf_counter() - started < 1.5  # the sleep was 10 s
    assert len(server.requests) == 1  # no further attempt
    assert aborted == ([[]] if streaming else [])
    await assert_nothing_left(server, pooled=1)  # the 503 was read to its end


async def test_a_callers_own_deadline_is_not_retried_and_closes_the_connection(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, Reply(delay_before_headers=0.8, body=b"{}"))
    model = make_provider()("test-model")
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.4):
            await generate_text(model=model, prompt="hi")
    assert len(server.requests) == 1
    await assert_nothing_left(server)


async def test_leaving_async_with_early_closes_the_response(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, sse_reply(text_events(*(f"{n} " for n in range(40))), delay=0.02))
    async with stream_text(model=make_provider()("test-model"), prompt="hi") as result:
        async for delta in result.text_stream:
            assert delta == "0 "
            break
    await assert_nothing_left(server)


def test_leaving_a_sync_stream_early_closes_the_response(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, sse_reply(text_events(*(f"{n} " for n in range(40))), delay=0.02))
    with stream_text_sync(model=make_provider()("test-model"), prompt="hi") as result:
        for delta in result.text_stream:
            assert delta == "0 "
            break
    deadline = time.monotonic() + 2
    while server.open_connections and time.monotonic() < deadline:
        time.sleep(0.005)
    assert server.open_connections == 0
