"""A server streaming a ``data:`` line that never ends gets a typed error, not unbounded memory."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import httpx
import pytest

from ai_sdk.provider import EventTooLargeError, JSONParseError
from ai_sdk.provider_utils import (
    MAX_EVENT_SIZE_ENV,
    JSONEventStream,
    ParseFailure,
    ParseSuccess,
    create_event_source_response_handler,
    create_status_code_error_response_handler,
    post_json,
)
from ai_sdk.provider_utils._sse import default_max_event_size
from tests.servers import LoopbackServer, Reply

PIECE = b"x" * 65_536


def endless_line() -> Iterator[bytes]:
    """One good event, then a ``data:`` line that never ends (until the client hangs up)."""
    yield b'data: {"n":1}\n\n'
    yield b"data: " + PIECE
    while True:
        yield PIECE


def endless_reply() -> Reply:
    return Reply(headers={"content-type": "text/event-stream"}, chunks=endless_line())


async def open_stream(
    server: LoopbackServer, client: httpx.AsyncClient, **limit: int | None
) -> JSONEventStream[object]:
    result = await post_json(
        url=f"{server.url}/stream",
        body={},
        success=create_event_source_response_handler(**limit),
        failure=create_status_code_error_response_handler(),
        client=client,
    )
    return result.value


async def wait_for_no_connections(server: LoopbackServer) -> int:
    deadline = time.monotonic() + 2
    while server.open_connections and time.monotonic() < deadline:  # noqa: ASYNC110 - polling a count on another thread
        await asyncio.sleep(0.01)
    return server.open_connections


async def test_an_endless_line_ends_the_stream_at_the_limit(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/stream", endless_reply())
    stream = await open_stream(server, client, max_event_size=1_000_000)

    first = await anext(stream)
    with pytest.raises(EventTooLargeError) as caught:
        await anext(stream)

    assert first == ParseSuccess({"n": 1}, {"n": 1})
    error = caught.value
    assert (error.limit, error.status_code, error.is_retryable, error.url) == (
        1_000_000,
        200,
        False,
        f"{server.url}/stream",
    )
    assert error.message.startswith("A server-sent event grew past 1000000 bytes without ending")
    assert stream.closed
    assert await wait_for_no_connections(server) == 0  # the connection was dropped


async def test_the_environment_variable_sets_the_default_limit(
    server: LoopbackServer, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(MAX_EVENT_SIZE_ENV, "200000")
    server.route("/stream", endless_reply())
    stream = await open_stream(server, client)

    with pytest.raises(EventTooLargeError) as caught:
        async for _ in stream:
            pass

    assert caught.value.limit == 200_000


async def test_the_transformer_gets_the_error_as_an_abort(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/stream", endless_reply())
    stream = await open_stream(server, client, max_event_size=300_000)

    class Record:
        def start(self) -> list[str]:
            return ["start"]

        def transform(self, value: object, raw: object) -> list[object]:
            return [value]

        def reject(self, failure: ParseFailure) -> list[object]:
            return [failure.error]

        def flush(self) -> list[str]:
            return ["flush"]

        def abort(self, error: Exception) -> list[object]:
            return [error]

    parts = [part async for part in stream.transform(Record())]

    assert parts[:2] == ["start", {"n": 1}]
    [error] = parts[2:]
    assert isinstance(error, EventTooLargeError)
    assert not isinstance(error, JSONParseError)
    assert error.limit == 300_000
    assert stream.closed


@pytest.mark.parametrize(("value", "limit"), [("", 16 * 1024 * 1024), ("0", None), ("99", 99)])
def test_the_environment_variable(
    monkeypatch: pytest.MonkeyPatch, value: str, limit: int | None
) -> None:
    monkeypatch.setenv(MAX_EVENT_SIZE_ENV, value)
    assert default_max_event_size() == limit


def test_an_invalid_environment_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MAX_EVENT_SIZE_ENV, "lots")
    with pytest.raises(ValueError, match=MAX_EVENT_SIZE_ENV):
        default_max_event_size()
