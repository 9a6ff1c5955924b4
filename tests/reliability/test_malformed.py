"""Malformed bodies: clear errors or correct parsing, never a hang, never unbounded memory."""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc

import pytest

from ai_sdk import generate_text, stream_text
from ai_sdk.generate_text import StreamErrorPart
from ai_sdk.provider import (
    APICallError,
    InvalidResponseDataError,
    JSONParseError,
    TypeValidationError,
)
from tests.reliability._helpers import (
    CHAT,
    chunk,
    completion,
    event_bytes,
    sse_chunks,
    text_events,
)
from tests.reliability.conftest import ProviderFactory
from tests.servers import LoopbackServer, Reply, http_backend, raw_reply, sse_reply

UNICODE = "héllo wörld — 你好 🌍🚀 ∑ ok"


def body_reply(body: bytes, content_type: str = "application/json") -> Reply:
    return Reply(headers={"content-type": content_type}, body=body)


# -- complete (JSON) responses -----------------------------------------------------------------


@pytest.mark.parametrize(
    "body", [b"{nope", b"", b"<html>502 Bad Gateway</html>", b'{"choices": [}'], ids=repr
)
async def test_invalid_json_is_a_clear_non_retryable_error(
    body: bytes, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, body_reply(body))
    with pytest.raises(APICallError, match=r"^Invalid JSON response$") as caught:
        await generate_text(model=make_provider()("test-model"), prompt="hi")
    error = caught.value
    assert (error.status_code, error.is_retryable, error.response_body) == (
        200,
        False,
        body.decode(),
    )
    assert isinstance(error.cause, JSONParseError)
    assert len(server.requests) == 1  # not retried: the same body would come back


@pytest.mark.parametrize(
    "value",
    [[1, 2], {}, None, "text", 42, {"choices": "nope"}, {"choices": None}, {"error": "oops"}],
    ids=repr,
)
async def test_json_of_the_wrong_shape_is_a_clear_error(
    value: object, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, body_reply(json.dumps(value).encode()))
    with pytest.raises(APICallError, match=r"^Invalid JSON response$") as caught:
        await generate_text(model=make_provider()("test-model"), prompt="hi")
    assert isinstance(caught.value.cause, TypeValidationError)
    assert "choices" in str(caught.value.cause)
    assert caught.value.is_retryable is False
    assert len(server.requests) == 1


async def test_completion_model_rejects_the_wrong_shape_too(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route("/v1/completions", body_reply(b'{"object": "text_completion"}'))
    model = make_provider().completion_model("test-model")
    with pytest.raises(APICallError, match=r"^Invalid JSON response$"):
        await generate_text(model=model, prompt="hi")


async def test_utf8_split_across_reads_of_a_json_body_decodes_exactly(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    body = json.dumps(completion(UNICODE), ensure_ascii=False).encode()
    server.route(
        CHAT,
        Reply(headers={"content-type": "application/json"}, chunks=[bytes([b]) for b in body]),
    )
    result = await generate_text(model=make_provider()("test-model"), prompt="hi")
    assert result.text == UNICODE


def gzip_reply(body: bytes, content_length: int) -> Reply:
    head = (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\n"
        b"content-length: %d\r\n\r\n" % content_length
    )
    return raw_reply(head + body)


async def test_gzip_body_decodes(server: LoopbackServer, make_provider: ProviderFactory) -> None:
    body = gzip.compress(json.dumps(completion(UNICODE)).encode())
    server.route(CHAT, gzip_reply(body, len(body)))
    result = await generate_text(model=make_provider()("test-model"), prompt="hi")
    assert result.text == UNICODE


async def test_gzip_body_shorter_than_its_length_is_a_retryable_connection_error(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    body = gzip.compress(json.dumps(completion()).encode())
    server.route(CHAT, gzip_reply(body, len(body) + 64))
    started = time.perf_counter()
    with pytest.raises(
        APICallError, match=r"^Connection lost while reading the response"
    ) as caught:
        await generate_text(model=make_provider()("test-model"), prompt="hi", max_retries=0)
    assert caught.value.is_retryable
    assert time.perf_counter() - started < 3  # the close ends the read, no waiting for bytes


async def test_gzip_body_longer_than_its_length_is_truncated_and_rejected(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    body = gzip.compress(json.dumps(completion()).encode())
    server.route(CHAT, gzip_reply(body, len(body) - 12))
    with pytest.raises(APICallError) as caught:
        await generate_text(model=make_provider()("test-model"), prompt="hi", max_retries=0)
    if http_backend() == "aiohttp":
        # aiohttp reads the bytes past the length as the next response: a broken connection.
        assert "Bad status line" in str(caught.value)
        assert caught.value.is_retryable is True
    else:
        assert str(caught.value) == "Invalid JSON response"
        assert caught.value.is_retryable is False


async def test_body_that_is_not_gzip_despite_its_header_is_a_clear_error(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    body = json.dumps(completion()).encode()
    server.route(CHAT, gzip_reply(body, len(body)))
    with pytest.raises(APICallError, match=r"^Request failed: ") as caught:
        await generate_text(model=make_provider()("test-model"), prompt="hi")
    assert caught.value.is_retryable is False
    assert len(server.requests) == 1


# -- streams (SSE) -----------------------------------------------------------------------------


async def test_a_bad_event_becomes_an_error_part_and_the_stream_goes_on(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    events = text_events("one ", "two")
    server.route(CHAT, sse_reply([events[0], "{not json", [1, 2], {"choices": "x"}, *events[1:]]))
    result = stream_text(model=make_provider()("test-model"), prompt="hi", raise_on_error=False)
    assert await result.text == "one two"
    errors = [p.error async for p in result.stream if isinstance(p, StreamErrorPart)]
    assert [type(e) for e in errors] == [
        JSONParseError,
        InvalidResponseDataError,
        InvalidResponseDataError,
    ]
    assert await result.finish_reason == "error"  # any error makes the unified reason "error"
    assert (await result.steps)[0].raw_finish_reason == "stop"


async def test_utf8_split_across_reads_of_a_stream_decodes_exactly(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    raw = b"".join(
        event_bytes(json.dumps(e, ensure_ascii=False)) for e in text_events(*UNICODE.split(" "))
    )
    server.route(CHAT, sse_chunks(*(raw[i : i + 3] for i in range(0, len(raw), 3))))
    result = stream_text(model=make_provider()("test-model"), prompt="hi")
    assert await result.text == UNICODE.replace(" ", "")


async def test_an_event_larger_than_one_mib_parses_in_bounded_memory(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    big = ("αβγ 0123456789 " * 80_000)[:1_300_000]  # about 1.5 MiB of UTF-8
    raw = event_bytes(json.dumps(chunk({"role": "assistant", "content": big}), ensure_ascii=False))
    assert len(raw) > 1024 * 1024
    tail = b"".join(event_bytes(e) for e in [chunk({}, "stop")]) + b"data: [DONE]\n\n"
    pieces = [raw[i : i + 65_536] for i in range(0, len(raw), 65_536)]
    server.route(CHAT, sse_chunks(*pieces, tail))

    tracemalloc.start()
    try:
        result = stream_text(model=make_provider()("test-model"), prompt="hi")
        text = await result.text
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert text == big
    assert peak < 24 * len(raw)  # a few copies of the event, not a leak per chunk


async def test_ten_thousand_keep_alive_comments_are_skipped_quickly(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    comments = [b": keep-alive\n\n" * 5 + b":\n\n" * 5 for _ in range(1_000)]  # 10,000
    events = [event_bytes(e) for e in text_events("still ", "here")]
    server.route(CHAT, sse_chunks(events[0], *comments, *events[1:], b"data: [DONE]\n\n"))
    started = time.perf_counter()
    result = stream_text(model=make_provider()("test-model"), prompt="hi")
    assert await result.text == "still here"
    assert time.perf_counter() - started < 3
    assert [p async for p in result.stream if isinstance(p, StreamErrorPart)] == []


async def test_missing_done_marker_is_fine_when_the_finish_reason_came(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, sse_reply(text_events("no ", "done"), done=False))
    result = stream_text(model=make_provider()("test-model"), prompt="hi")
    assert (await result.text, await result.finish_reason) == ("no done", "stop")


async def test_stream_ending_without_finish_or_done_is_a_clear_error_and_keeps_the_text(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, sse_reply(text_events("cut ", "short", finish=None), done=False))
    result = stream_text(model=make_provider()("test-model"), prompt="hi")
    received: list[str] = []
    with pytest.raises(InvalidResponseDataError, match=r"ended without a finish reason"):
        async for delta in result.text_stream:
            received.append(delta)
    assert received == ["cut ", "short"]

    server.route(CHAT, sse_reply(text_events("cut ", "short", finish=None), done=False))
    result = stream_text(model=make_provider()("test-model"), prompt="hi", raise_on_error=False)
    assert (await result.text, await result.finish_reason) == ("cut short", "error")


async def test_json_answer_to_a_stream_request_is_a_clear_error(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, body_reply(json.dumps(completion("not streamed")).encode()))
    result = stream_text(model=make_provider()("test-model"), prompt="hi")
    with pytest.raises(InvalidResponseDataError, match=r"ended without a finish reason"):
        await result.text
