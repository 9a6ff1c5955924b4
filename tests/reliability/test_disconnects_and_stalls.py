"""The server drops the connection mid-body or mid-stream, or stalls: typed errors within the
configured limits, no retry once content was streamed, and what arrived stays on the result."""

from __future__ import annotations

import json
import time

import pytest

from ai_sdk import TimeoutConfig, generate_text, stream_text, tool
from ai_sdk.generate_text import StreamErrorPart, TextDeltaPart
from ai_sdk.provider import APICallError, APITimeoutError, CallOptions, TextPart, UserMessage
from ai_sdk.provider_utils import retry_with_backoff
from tests.reliability._helpers import (
    CHAT,
    chunk,
    completion,
    event_bytes,
    sse_chunks,
    text_events,
)
from tests.reliability.conftest import ProviderFactory
from tests.servers import (
    DISCONNECT,
    Delay,
    LoopbackServer,
    Reply,
    http_library,
    json_reply,
    raw_reply,
    sse_reply,
)

OPTIONS = CallOptions(prompt=[UserMessage(content=[TextPart(text="hi")])])
PIECES = ("The ", "quick ", "brown ", "fox ", "jumps")


def half_json(status: int = 200) -> Reply:
    body = json.dumps(completion("never seen")).encode()
    return Reply(
        status=status,
        headers={"content-type": "application/json"},
        chunks=[body[: len(body) // 2], DISCONNECT],
    )


def short_body() -> Reply:
    body = json.dumps(completion("never seen")).encode()
    head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % (
        len(body) + 100
    )
    return raw_reply(head + body)


# -- mid-body (JSON) ---------------------------------------------------------------------------


@pytest.mark.parametrize("reply", [half_json, short_body], ids=["chunked", "content-length"])
async def test_json_body_cut_off_is_a_retryable_typed_error(
    reply, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, reply())
    with pytest.raises(APICallError) as caught:
        await generate_text(model=make_provider()("test-model"), prompt="hi", max_retries=0)
    error = caught.value
    assert str(error).startswith("Connection lost while reading the response: ")
    assert (error.status_code, error.is_retryable) == (200, True)
    library = http_library()  # aiohttp reports a cut body as a read error
    assert isinstance(error.cause, library.RemoteProtocolError | library.ReadError)


async def test_json_body_cut_off_is_retried_because_nothing_was_delivered(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, half_json(), json_reply(completion("second try")))
    model = make_provider()("test-model")
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    result = await retry_with_backoff(lambda: model.do_generate(OPTIONS), sleep=sleep)
    assert [c.text for c in result.content] == ["second try"]  # type: ignore[union-attr]
    assert (waits, len(server.requests)) == ([2.0], 2)


# -- mid-stream (SSE) --------------------------------------------------------------------------


async def test_stream_cut_after_n_chunks_raises_after_the_text_and_is_not_retried(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, sse_reply(text_events(*PIECES), disconnect_after=3))
    errors: list[object] = []
    result = stream_text(model=make_provider()("test-model"), prompt="hi", on_error=errors.append)

    received: list[str] = []
    with pytest.raises(APICallError) as caught:
        async for delta in result.text_stream:
            received.append(delta)

    assert received == ["The ", "quick ", "brown "]
    assert str(caught.value).startswith("Connection lost while reading the response: ")
    assert caught.value.is_retryable  # retryable in itself, yet not retried: content was sent
    assert len(server.requests) == 1
    assert errors == [caught.value]
    # Every part received is still there for a second reader.
    parts = [part async for part in result.stream]
    assert [p.text for p in parts if isinstance(p, TextDeltaPart)] == received
    assert [p.error for p in parts if isinstance(p, StreamErrorPart)] == [caught.value]


async def test_stream_cut_keeps_the_partial_step_on_the_result(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, sse_reply(text_events(*PIECES), disconnect_after=3))
    result = stream_text(model=make_provider()("test-model"), prompt="hi", raise_on_error=False)

    assert await result.text == "The quick brown "
    steps = await result.steps
    assert [(s.text, s.finish_reason) for s in steps] == [("The quick brown ", "error")]
    assert await result.finish_reason == "error"
    assert (await result.usage).output_tokens is None  # unknown, never a made-up zero
    assert len(server.requests) == 1


# -- stalls ------------------------------------------------------------------------------------


async def test_stall_before_the_first_byte_hits_the_http_read_timeout(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, Reply(delay_before_headers=2.0, body=b"{}"))
    model = make_provider(timeout=0.3)("test-model")
    started = time.perf_counter()
    with pytest.raises(APITimeoutError, match=r"Request timed out \(ReadTimeout") as caught:
        await generate_text(model=model, prompt="hi", max_retries=0)
    assert 0.3 <= time.perf_counter() - started < 1.2
    assert caught.value.is_retryable


async def test_stall_before_the_first_byte_hits_the_total_timeout(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, Reply(delay_before_headers=2.0, body=b"{}"))
    model = make_provider()("test-model")

    started = time.perf_counter()
    with pytest.raises(TimeoutError, match=r"total timeout of 0.3 s"):
        await generate_text(model=model, prompt="hi", timeout=0.3)
    assert time.perf_counter() - started < 1.2

    started = time.perf_counter()
    result = stream_text(model=model, prompt="hi", timeout=TimeoutConfig(total=0.3))
    with pytest.raises(TimeoutError, match=r"total timeout of 0.3 s"):
        await result.text
    assert time.perf_counter() - started < 1.2
    assert len(server.requests) <= 2  # at most one per call: a timeout is never retried


async def test_stall_after_the_headers_hits_the_first_chunk_timeout(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    events = [event_bytes(e) for e in text_events("late")]
    server.route(CHAT, sse_chunks(Delay(2.0), *events))
    result = stream_text(
        model=make_provider()("test-model"),
        prompt="hi",
        timeout=TimeoutConfig(first_chunk=0.3),
    )
    started = time.perf_counter()
    with pytest.raises(TimeoutError, match=r"first-chunk timeout of 0.3 s"):
        async for _ in result.text_stream:
            pytest.fail("nothing arrives in time")
    assert 0.3 <= time.perf_counter() - started < 1.2
    assert len(server.requests) == 1


async def test_slow_but_steady_stream_is_not_cut_by_first_chunk_or_chunk_limits(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, sse_reply(text_events(*PIECES), delay=0.05))
    result = stream_text(
        model=make_provider()("test-model"),
        prompt="hi",
        timeout=TimeoutConfig(first_chunk=0.25, chunk=0.25),
    )
    assert await result.text == "".join(PIECES)  # 0.3 s in all, no gap over 0.05 s


async def test_stall_between_chunks_hits_the_chunk_timeout_and_keeps_the_text(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    events = [event_bytes(e) for e in text_events(*PIECES)]
    server.route(CHAT, sse_chunks(*events[:2], Delay(2.0), *events[2:]))
    model = make_provider()("test-model")

    result = stream_text(model=model, prompt="hi", timeout=TimeoutConfig(chunk=0.3))
    received: list[str] = []
    started = time.perf_counter()
    with pytest.raises(TimeoutError, match=r"chunk timeout of 0.3 s"):
        async for delta in result.text_stream:
            received.append(delta)
    assert 0.3 <= time.perf_counter() - started < 1.2
    assert received == ["The ", "quick "]

    result = stream_text(
        model=model, prompt="hi", timeout=TimeoutConfig(chunk=0.3), raise_on_error=False
    )
    assert await result.text == "The quick "
    assert [(s.text, s.finish_reason) for s in await result.steps] == [("The quick ", "error")]
    assert len(server.requests) == 2  # one per call, never retried
    kinds = [type(part).__name__ async for part in result.stream]
    assert kinds[-6:] == [
        "TextDeltaPart",
        "TextDeltaPart",
        "TextEndPart",  # the open block is closed before the error, as on a broken connection
        "StreamErrorPart",
        "FinishStepPart",
        "FinishPart",
    ]


async def test_keep_alive_comments_do_not_keep_a_stalled_stream_alive(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    pings: list[bytes | Delay] = []
    for _ in range(80):
        pings += [Delay(0.025), b": ping\n\n"]
    first = event_bytes(text_events("only this")[0])
    server.route(CHAT, sse_chunks(first, *pings, b"data: [DONE]\n\n"))
    result = stream_text(
        model=make_provider()("test-model"),
        prompt="hi",
        timeout=TimeoutConfig(chunk=0.2),
        raise_on_error=False,
    )
    started = time.perf_counter()
    assert await result.text == "only this"
    assert time.perf_counter() - started < 1.2  # cut at 0.2 s, not after the 2 s of pings
    assert [s.finish_reason for s in await result.steps] == ["error"]


async def test_stream_slower_than_the_total_timeout_is_cut_and_keeps_the_text(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, sse_reply(text_events(*(f"{n} " for n in range(100))), delay=0.03))
    result = stream_text(
        model=make_provider()("test-model"),
        prompt="hi",
        timeout=TimeoutConfig(total=0.3),
        raise_on_error=False,
    )
    started = time.perf_counter()
    text = await result.text
    assert 0.3 <= time.perf_counter() - started < 1.5
    assert text.startswith("0 1 2 ")
    assert text != "".join(f"{n} " for n in range(100))
    errors = [p.error async for p in result.stream if isinstance(p, StreamErrorPart)]
    assert [str(e) for e in errors] == ["The total timeout of 0.3 s was exceeded."]


async def test_http_read_timeout_mid_stream_is_an_error_part_and_keeps_the_text(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    events = [event_bytes(e) for e in text_events(*PIECES)]
    server.route(CHAT, sse_chunks(*events[:3], Delay(2.0), *events[3:]))
    result = stream_text(
        model=make_provider(timeout=0.3)("test-model"), prompt="hi", raise_on_error=False
    )
    assert await result.text == "The quick brown "
    errors = [p.error async for p in result.stream if isinstance(p, StreamErrorPart)]
    assert [type(e) for e in errors] == [APITimeoutError]
    assert [s.finish_reason for s in await result.steps] == ["error"]
    assert len(server.requests) == 1


async def test_stream_cut_inside_tool_arguments_never_runs_the_tool(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    arguments = json.dumps({"city": "Oslo", "unit": "celsius"})
    first = {
        "index": 0,
        "id": "call_1",
        "type": "function",
        "function": {"name": "weather", "arguments": arguments[:9]},
    }
    rest = {"index": 0, "function": {"arguments": arguments[9:]}}
    events = [
        chunk({"role": "assistant", "tool_calls": [first]}),
        chunk({"tool_calls": [rest]}),
        chunk({}, "tool_calls"),
    ]
    server.route(CHAT, sse_reply(events, disconnect_after=1))
    executed: list[object] = []
    result = stream_text(
        model=make_provider()("test-model"),
        prompt="weather?",
        tools={"weather": tool(description="weather", execute=executed.append)},
        raise_on_error=False,
    )
    kinds = [type(part).__name__ async for part in result.stream]
    assert executed == []  # a call whose arguments were cut off is never made
    assert "ToolInputEndPart" in kinds
    assert "ToolCall" not in kinds
    assert [s.finish_reason for s in await result.steps] == ["error"]
    assert await result.tool_calls == []
    assert len(server.requests) == 1
