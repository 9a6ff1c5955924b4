"""JSONEventStream.transform: events handed to an EventTransformer, against the loopback server."""

from __future__ import annotations

import gzip
from collections.abc import Iterable

import httpx
import pytest
from pydantic import BaseModel

from ai_sdk.provider._errors import APICallError
from ai_sdk.provider_utils import (
    JSONEventStream,
    JSONValue,
    ParseFailure,
    create_event_source_response_handler,
    create_status_code_error_response_handler,
    post_json,
)
from tests.core.provider_utils.test_http import wait_for_no_connections
from tests.servers import LoopbackServer, Reply, sse_body, sse_reply


class Answer(BaseModel):
    text: str


class Recorder:
    """Records every call as a tuple and emits it as the part."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.fail_on = fail_on

    def start(self) -> list[tuple[object, ...]]:
        return [("start",)]

    def transform(self, value: object, raw: JSONValue) -> list[tuple[object, ...]]:
        if isinstance(value, Answer) and value.text == self.fail_on:
            raise RuntimeError(f"transformer gave up on {value.text!r}")
        return [("event", value, raw)]

    def reject(self, failure: ParseFailure) -> Iterable[tuple[object, ...]]:
        return [("reject", type(failure.error).__name__, failure.raw_value)]

    def flush(self) -> tuple[tuple[object, ...], ...]:
        return (("flush",),)

    def abort(self, error: APICallError) -> list[tuple[object, ...]]:
        return [("abort", error.message.split(":")[0], error.is_retryable)]


async def open_stream(
    server: LoopbackServer, client: httpx.AsyncClient, reply: Reply, schema: object = None
) -> JSONEventStream[object]:
    server.route("/s", reply)
    result = await post_json(
        url=f"{server.url}/s",
        body={},
        success=create_event_source_response_handler(schema),
        failure=create_status_code_error_response_handler(),
        client=client,
    )
    return result.value


async def test_transform_hands_each_event_to_the_transformer_in_order(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    reply = sse_reply([{"text": "a"}, "{broken", {"wrong": 1}, {"text": "b"}])
    stream = await open_stream(server, client, reply, Answer)

    parts = [part async for part in stream.transform(Recorder())]

    assert parts == [
        ("start",),
        ("event", Answer(text="a"), {"text": "a"}),
        ("reject", "JSONParseError", None),
        ("reject", "TypeValidationError", {"wrong": 1}),
        ("event", Answer(text="b"), {"text": "b"}),
        ("flush",),
    ]
    assert stream.closed
    assert stream.response.is_closed


async def test_transform_without_schema_passes_the_json_as_value_and_raw(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    stream = await open_stream(server, client, sse_reply([[1, 2], {"a": None}]))

    parts = [part async for part in stream.transform(Recorder())]

    assert parts == [
        ("start",),
        ("event", [1, 2], [1, 2]),
        ("event", {"a": None}, {"a": None}),
        ("flush",),
    ]


async def test_a_broken_connection_ends_with_abort_instead_of_flush(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    reply = sse_reply([{"text": "a"}, {"text": "b"}, {"text": "c"}], disconnect_after=2)
    stream = await open_stream(server, client, reply, Answer)

    parts = [part async for part in stream.transform(Recorder())]

    assert parts[-1] == ("abort", "Connection lost while reading the response", True)
    assert [p[0] for p in parts] == ["start", "event", "event", "abort"]
    assert stream.response.is_closed


async def test_an_exception_from_the_transformer_ends_the_stream_and_closes_the_response(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    reply = sse_reply([{"text": str(i)} for i in range(40)], delay=0.01)
    stream = await open_stream(server, client, reply, Answer)
    seen: list[tuple[object, ...]] = []

    with pytest.raises(RuntimeError, match="transformer gave up on '3'"):
        async for part in stream.transform(Recorder(fail_on="3")):
            seen.append(part)

    assert len(seen) == 4  # start and events 0-2
    assert stream.response.is_closed
    assert await wait_for_no_connections(server) == 0


async def test_closing_the_parts_early_closes_the_response(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    reply = sse_reply([{"text": str(i)} for i in range(40)], delay=0.01)
    stream = await open_stream(server, client, reply, Answer)

    parts = stream.transform(Recorder())
    assert await anext(parts) == ("start",)
    assert (await anext(parts))[0] == "event"
    await parts.aclose()

    assert stream.closed
    assert await wait_for_no_connections(server) == 0


async def test_a_gzip_encoded_stream_is_decoded(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    # The raw-bytes fast path applies only without a content encoding.
    body = gzip.compress(sse_body([{"text": "zipped"}, {"text": "twice"}]))
    reply = Reply(
        headers={"content-type": "text/event-stream", "content-encoding": "gzip"},
        chunks=[body[:7], body[7:]],
    )
    stream = await open_stream(server, client, reply, Answer)

    parts = [part async for part in stream.transform(Recorder())]

    assert parts[1:3] == [
        ("event", Answer(text="zipped"), {"text": "zipped"}),
        ("event", Answer(text="twice"), {"text": "twice"}),
    ]
    assert parts[-1] == ("flush",)
