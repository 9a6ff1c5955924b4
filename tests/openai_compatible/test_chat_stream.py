"""Streamed chat responses -> stream parts, including every quirk of almost-compatible servers."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from ai_sdk.provider import (
    APICallError,
    ErrorPart,
    Finish,
    FinishReason,
    InputTokens,
    InvalidResponseDataError,
    JSONParseError,
    OutputTokens,
    Raw,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningStart,
    ResponseMetadata,
    StreamPart,
    StreamStart,
    TextDelta,
    TextEnd,
    TextStart,
    ToolCallContent,
    ToolInputDelta,
    ToolInputEnd,
    ToolInputStart,
    UnsupportedWarning,
    Usage,
)
from ai_sdk_openai_compatible import OpenAICompatibleProvider
from tests.openai_compatible._helpers import CHAT, FIXTURES, chunk, collect, options, tool_delta
from tests.openai_compatible.conftest import ProviderFactory
from tests.servers import Delay, LoopbackServer, Reply, json_reply, sse_reply

METADATA = ResponseMetadata(
    id="chatcmpl-1", model_id="test-model", timestamp=datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
)
START = StreamStart(warnings=[])
STOP = FinishReason(unified="stop", raw="stop")
TOOL_CALLS = FinishReason(unified="tool-calls", raw="tool_calls")
META = {"test-provider": {}}


def finish(reason: FinishReason = STOP, usage: Usage | None = None) -> Finish:
    return Finish(finish_reason=reason, usage=usage or Usage(), provider_metadata=META)


def error_finish(raw: str | None = None) -> Finish:
    return finish(FinishReason(unified="error", raw=raw))


async def stream_parts(
    server: LoopbackServer,
    provider: OpenAICompatibleProvider,
    events: list[Any],
    *,
    done: bool = True,
    **settings: Any,
) -> list[StreamPart]:
    server.route(CHAT, sse_reply(events, done=done))
    return await collect(await provider("test-model").do_stream(options(**settings)))


def errors(parts: list[StreamPart]) -> list[object]:
    return [part.error for part in parts if isinstance(part, ErrorPart)]


def without_errors(parts: list[StreamPart]) -> list[StreamPart]:
    return [part for part in parts if not isinstance(part, ErrorPart)]


async def test_text_stream(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    parts = await stream_parts(
        server,
        provider,
        [
            chunk({"role": "assistant", "content": ""}),
            chunk({"content": "Hello"}),
            chunk({"content": ", world"}),
            chunk({}, finish_reason="stop"),
        ],
    )

    assert parts == [
        START,
        METADATA,
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="Hello"),
        TextDelta(id="txt-0", delta=", world"),
        TextEnd(id="txt-0"),
        finish(),
    ]
    body = server.requests[-1].json()
    assert body == {
        "model": "test-model",
        "messages": [{"role": "user", "content": "Hello"}],
        "stream": True,
    }


async def test_stream_start_carries_warnings(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(server, provider, [chunk(finish_reason="stop")], top_k=3)

    assert parts[0] == StreamStart(
        warnings=[
            UnsupportedWarning(
                feature="topK",
                details="Servers that accept top_k take it under providerOptions['test-provider'].",
            )
        ]
    )


async def test_usage_only_chunk_with_empty_choices(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    usage = {
        "prompt_tokens": 9,
        "completion_tokens": 4,
        "total_tokens": 13,
        "prompt_tokens_details": {"cached_tokens": 2},
        "completion_tokens_details": {"reasoning_tokens": 1, "rejected_prediction_tokens": 2},
    }
    provider = make_provider(include_usage=True)

    parts = await stream_parts(
        server,
        provider,
        [
            chunk({"content": "Hi"}),
            chunk({}, finish_reason="stop"),
            {**chunk(), "choices": [], "usage": usage},
        ],
    )

    assert server.requests[-1].json()["stream_options"] == {"include_usage": True}
    assert parts[-1] == Finish(
        finish_reason=STOP,
        usage=Usage(
            input_tokens=InputTokens(total=9, no_cache=7, cache_read=2),
            output_tokens=OutputTokens(total=4, text=3, reasoning=1),
            raw=usage,
        ),
        provider_metadata={"test-provider": {"rejectedPredictionTokens": 2}},
    )


async def test_usage_is_replaced_not_summed(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    first = {"prompt_tokens": 3, "completion_tokens": 1}
    last = {"prompt_tokens": 3, "completion_tokens": 5}
    parts = await stream_parts(
        server,
        provider,
        [
            {**chunk({"content": "a"}), "usage": first},
            {**chunk({}, finish_reason="stop"), "usage": last},
        ],
    )

    final = parts[-1]
    assert isinstance(final, Finish)
    assert final.usage.output_tokens == OutputTokens(total=5, text=5)


async def test_unknown_usage_is_none(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(server, provider, [chunk({"content": "a"}, finish_reason="stop")])

    assert parts[-1] == finish()
    assert parts[-1] == Finish(
        finish_reason=STOP,
        usage=Usage(input_tokens=InputTokens(), output_tokens=OutputTokens()),
        provider_metadata=META,
    )


async def test_reasoning_then_text(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server,
        provider,
        [
            chunk({"role": "assistant", "reasoning_content": "Let me"}),
            chunk({"reasoning": " think."}),
            chunk({"content": "Answer"}),
            chunk({"reasoning_content": "More."}),
            chunk({"content": "!"}, finish_reason="stop"),
        ],
    )

    assert parts == [
        START,
        METADATA,
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="Let me"),
        ReasoningDelta(id="reasoning-0", delta=" think."),
        ReasoningEnd(id="reasoning-0"),
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="Answer"),
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="More."),
        ReasoningEnd(id="reasoning-0"),
        TextDelta(id="txt-0", delta="!"),
        TextEnd(id="txt-0"),
        finish(),
    ]


async def test_reasoning_open_at_end(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server, provider, [chunk({"reasoning_content": "hmm"}, finish_reason="length")]
    )

    assert parts == [
        START,
        METADATA,
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="hmm"),
        ReasoningEnd(id="reasoning-0"),
        finish(FinishReason(unified="length", raw="length")),
    ]


def _call_parts(call_id: str, name: str, deltas: list[str]) -> list[StreamPart]:
    return [
        ToolInputStart(id=call_id, tool_name=name),
        *(ToolInputDelta(id=call_id, delta=delta) for delta in deltas),
    ]


def _call_end(call_id: str, name: str, arguments: str) -> list[StreamPart]:
    return [
        ToolInputEnd(id=call_id),
        ToolCallContent(tool_call_id=call_id, tool_name=name, input=arguments),
    ]


async def test_tool_call_openai_style(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server,
        provider,
        [
            chunk({"reasoning_content": "use a tool"}),
            tool_delta(0, id="call_1", name="weather", arguments=""),
            tool_delta(0, arguments='{"ci'),
            tool_delta(0, arguments='ty":"Paris"}'),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    assert parts == [
        START,
        METADATA,
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="use a tool"),
        ReasoningEnd(id="reasoning-0"),
        *_call_parts("call_1", "weather", ['{"ci', 'ty":"Paris"}']),
        *_call_end("call_1", "weather", '{"city":"Paris"}'),
        finish(TOOL_CALLS),
    ]


async def test_tool_call_is_not_finalized_on_a_parsable_prefix(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(0, id="call_1", name="f", arguments='{"a": 1}'),
            tool_delta(0, arguments=""),
            tool_delta(0, arguments=" "),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    assert parts[2:] == [
        *_call_parts("call_1", "f", ['{"a": 1}', " "]),
        *_call_end("call_1", "f", '{"a": 1} '),
        finish(TOOL_CALLS),
    ]


async def test_quirk_missing_index(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    """Gemini's OpenAI endpoint: whole calls in one delta each, without ``index``."""
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(None, id="call_a", name="weather", arguments='{"city":"Paris"}'),
            tool_delta(None, id="call_b", name="weather", arguments='{"city":"Rome"}'),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    assert parts[2:] == [
        *_call_parts("call_a", "weather", ['{"city":"Paris"}']),
        *_call_parts("call_b", "weather", ['{"city":"Rome"}']),
        *_call_end("call_a", "weather", '{"city":"Paris"}'),
        *_call_end("call_b", "weather", '{"city":"Rome"}'),
        finish(TOOL_CALLS),
    ]


async def test_quirk_missing_index_with_argument_pieces(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    """Without index or id, later pieces belong to the latest call."""
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(None, id="call_a", name="f", arguments='{"x"'),
            tool_delta(None, arguments=":1}"),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    assert parts[2:] == [
        *_call_parts("call_a", "f", ['{"x"', ":1}"]),
        *_call_end("call_a", "f", '{"x":1}'),
        finish(TOOL_CALLS),
    ]


async def test_quirk_name_arriving_late(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    """vLLM / LM Studio / proxies: the first delta has the id (and arguments) but no name."""
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(0, id="call_1", arguments=""),
            tool_delta(0, arguments='{"city":'),
            tool_delta(0, name="weather"),
            tool_delta(0, arguments='"Paris"}'),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    assert parts[2:] == [
        *_call_parts("call_1", "weather", ['{"city":', '"Paris"}']),
        *_call_end("call_1", "weather", '{"city":"Paris"}'),
        finish(TOOL_CALLS),
    ]


async def test_quirk_name_and_id_arriving_late(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(0, arguments='{"a":'),
            tool_delta(0, id="call_9"),
            tool_delta(0, name="f", arguments="1}"),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    assert parts[2:] == [
        *_call_parts("call_9", "f", ['{"a":1}']),
        *_call_end("call_9", "f", '{"a":1}'),
        finish(TOOL_CALLS),
    ]


async def test_quirk_arguments_split_inside_a_unicode_escape(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(0, id="call_1", name="cafe", arguments='{"name":"Caf\\u00'),
            tool_delta(0, arguments="e9 \\ud83d"),
            tool_delta(0, arguments='\\ude00"}'),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    arguments = '{"name":"Caf\\u00e9 \\ud83d\\ude00"}'
    assert parts[-3:] == [*_call_end("call_1", "cafe", arguments), finish(TOOL_CALLS)]
    assert json.loads(arguments) == {"name": "Café 😀"}


async def test_quirk_multibyte_text_split_across_network_chunks(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    first = json.dumps(tool_delta(0, id="c", name="f", arguments='{"t":"é😀"}'), ensure_ascii=False)
    payload = f"data: {first}\n\n".encode()
    cut = payload.index("😀".encode()) + 2  # inside the 4-byte emoji
    text = json.dumps(chunk({"content": "ü"}, finish_reason="tool_calls"), ensure_ascii=False)
    second = f"data: {text}\n\ndata: [DONE]\n\n".encode()
    server.route(
        CHAT,
        Reply(
            headers={"content-type": "text/event-stream"},
            chunks=[payload[:cut], Delay(0.01), payload[cut:], second[:-3], second[-3:]],
        ),
    )

    parts = await collect(await provider("test-model").do_stream(options()))

    assert parts[2:] == [
        *_call_parts("c", "f", ['{"t":"é😀"}']),
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="ü"),
        TextEnd(id="txt-0"),
        *_call_end("c", "f", '{"t":"é😀"}'),
        finish(TOOL_CALLS),
    ]


async def test_quirk_several_parallel_calls(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(0, id="call_a", name="weather", arguments='{"city":'),
            tool_delta(1, id="call_b", name="time", arguments='{"zone":'),
            tool_delta(0, arguments='"Paris"}'),
            tool_delta(1, arguments='"UTC"}'),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    assert parts[2:] == [
        ToolInputStart(id="call_a", tool_name="weather"),
        ToolInputDelta(id="call_a", delta='{"city":'),
        ToolInputStart(id="call_b", tool_name="time"),
        ToolInputDelta(id="call_b", delta='{"zone":'),
        ToolInputDelta(id="call_a", delta='"Paris"}'),
        ToolInputDelta(id="call_b", delta='"UTC"}'),
        *_call_end("call_a", "weather", '{"city":"Paris"}'),
        *_call_end("call_b", "time", '{"zone":"UTC"}'),
        finish(TOOL_CALLS),
    ]


async def test_quirk_index_always_zero(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    """Ollama: every call arrives whole with index 0 and its own id."""
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(0, id="call_a", name="f", arguments='{"n":1}'),
            tool_delta(0, id="call_b", name="f", arguments='{"n":2}'),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    assert parts[2:] == [
        *_call_parts("call_a", "f", ['{"n":1}']),
        *_call_parts("call_b", "f", ['{"n":2}']),
        *_call_end("call_a", "f", '{"n":1}'),
        *_call_end("call_b", "f", '{"n":2}'),
        finish(TOOL_CALLS),
    ]


async def test_quirk_fresh_id_on_every_delta(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    """Some proxies stamp each delta with a new id: the index keeps the call together."""
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(0, id="call_1", name="f", arguments='{"a"'),
            tool_delta(0, id="call_2", arguments=":1}"),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    assert parts[2:] == [
        *_call_parts("call_1", "f", ['{"a"', ":1}"]),
        *_call_end("call_1", "f", '{"a":1}'),
        finish(TOOL_CALLS),
    ]


async def test_quirk_index_starting_at_one(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    """An Anthropic-compatible fallback stream: index 1 and empty argument pieces."""
    server.route(
        CHAT,
        Reply(
            headers={"content-type": "text/event-stream"},
            body=(FIXTURES / "anthropic-fallback-tool-call.sse").read_bytes(),
        ),
    )

    parts = await collect(await provider("claude").do_stream(options()))

    assert parts == [
        START,
        ResponseMetadata(
            id="msg_sanitized",
            model_id="claude-haiku-4-5-20251001",
            timestamp=datetime(1970, 1, 1, tzinfo=UTC),
        ),
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="Reading"),
        TextDelta(id="txt-0", delta=" it."),
        *_call_parts("toolu_sanitized", "read_file", ['{"pa', 'th": "a.txt"}']),
        TextEnd(id="txt-0"),
        *_call_end("toolu_sanitized", "read_file", '{"path": "a.txt"}'),
        finish(TOOL_CALLS),
    ]


async def test_quirk_empty_or_missing_id_is_generated(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server,
        provider,
        [
            tool_delta(0, id="", name="f", arguments="{}"),
            tool_delta(1, name="g", arguments=""),
            chunk({}, finish_reason="tool_calls"),
        ],
    )

    starts = [part for part in parts if isinstance(part, ToolInputStart)]
    first, second = (start.id for start in starts)
    assert len(first) == len(second) == 16
    assert first != second
    assert parts[2:] == [
        *_call_parts(first, "f", ["{}"]),
        ToolInputStart(id=second, tool_name="g"),
        *_call_end(first, "f", "{}"),
        *_call_end(second, "g", ""),
        finish(TOOL_CALLS),
    ]


async def test_quirk_tool_call_without_name_is_reported(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server,
        provider,
        [tool_delta(0, id="call_1", arguments='{"a":1}'), chunk({}, finish_reason="tool_calls")],
    )

    [error] = errors(parts)
    assert isinstance(error, InvalidResponseDataError)
    assert error.message == (
        "A streamed tool call never received its function name, so it was dropped: "
        '{"index":0,"id":"call_1","arguments":"{\\"a\\":1}"}.'
    )
    assert without_errors(parts) == [START, METADATA, error_finish("tool_calls")]


async def test_thought_signature_in_stream(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    delta = tool_delta(0, id="call_1", name="f", arguments="{}")
    delta["choices"][0]["delta"]["tool_calls"][0]["extra_content"] = {
        "google": {"thought_signature": "sig"}
    }
    parts = await stream_parts(server, provider, [delta, chunk({}, finish_reason="tool_calls")])

    assert parts[-2] == ToolCallContent(
        tool_call_id="call_1",
        tool_name="f",
        input="{}",
        provider_metadata={"test-provider": {"thoughtSignature": "sig"}},
    )


async def test_no_finish_reason(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    parts = await stream_parts(
        server,
        provider,
        [chunk({"content": "Hi"}), tool_delta(0, id="c", name="f", arguments="{}")],
    )

    [error] = errors(parts)
    assert isinstance(error, InvalidResponseDataError)
    assert error.message == "Response stream ended without a finish reason."
    assert parts == [
        START,
        METADATA,
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="Hi"),
        *_call_parts("c", "f", ["{}"]),
        TextEnd(id="txt-0"),
        *_call_end("c", "f", "{}"),
        ErrorPart(error=error),
        error_finish(),
    ]


async def test_no_done_marker(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    parts = await stream_parts(
        server, provider, [chunk({"content": "Hi"}, finish_reason="stop")], done=False
    )

    assert parts == [
        START,
        METADATA,
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="Hi"),
        TextEnd(id="txt-0"),
        finish(),
    ]


async def test_neither_finish_reason_nor_done(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(server, provider, [chunk({"content": "Hi"})], done=False)

    assert without_errors(parts)[-2:] == [TextEnd(id="txt-0"), error_finish()]
    assert len(errors(parts)) == 1


async def test_empty_stream(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    parts = await stream_parts(server, provider, [], done=True)

    assert without_errors(parts) == [START, error_finish()]


async def test_bad_chunk_mid_stream(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    parts = await stream_parts(
        server,
        provider,
        [chunk({"content": "a"}), "{not json", chunk({"content": "b"}, finish_reason="stop")],
    )

    [error] = errors(parts)
    assert isinstance(error, JSONParseError)
    assert error.text == "{not json"
    assert parts == [
        START,
        METADATA,
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="a"),
        ErrorPart(error=error),
        TextDelta(id="txt-0", delta="b"),
        TextEnd(id="txt-0"),
        error_finish("stop"),
    ]


@pytest.mark.parametrize(
    "bad",
    [
        [1, 2],
        {"choices": {"0": "not a list"}},
        {"choices": [{"delta": {"content": 42}}]},
        {"choices": ["not an object"]},
        {"choices": [{"delta": {"tool_calls": ["x"]}}]},
    ],
)
async def test_wrongly_shaped_chunk(
    server: LoopbackServer, provider: OpenAICompatibleProvider, bad: Any
) -> None:
    parts = await stream_parts(
        server, provider, [bad, chunk({"content": "ok"}, finish_reason="stop")]
    )

    [error] = errors(parts)
    assert isinstance(error, InvalidResponseDataError)
    assert [p for p in without_errors(parts) if isinstance(p, TextDelta | Finish)][-2:] == [
        TextDelta(id="txt-0", delta="ok"),
        error_finish("stop"),
    ]


@pytest.mark.parametrize("ends_with_a_finish_reason", [True, False])
async def test_error_object_mid_stream_is_one_error_part_as_sent(
    server: LoopbackServer, provider: OpenAICompatibleProvider, ends_with_a_finish_reason: bool
) -> None:
    """As upstream: the object as sent (core's stream_text reads it as a StreamProviderError),
    once; when no finish reason follows, the error explains it and no second error is added."""
    server_error = {"message": "overloaded", "type": "server_error", "code": 529}
    tail = [chunk({}, finish_reason="stop")] if ends_with_a_finish_reason else []
    parts = await stream_parts(
        server, provider, [chunk({"content": "a"}), {"error": server_error}, *tail]
    )

    assert parts == [
        START,
        METADATA,
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="a"),
        ErrorPart(error=server_error),
        TextEnd(id="txt-0"),
        error_finish("stop") if ends_with_a_finish_reason else error_finish(),
    ]


@pytest.mark.parametrize(
    "server_error",
    [
        {"message": "bad key"},
        "model is loading",  # Ollama's {"error": "<text>"}
        {"code": 5},
    ],
)
async def test_error_object_as_only_event(
    server: LoopbackServer, provider: OpenAICompatibleProvider, server_error: Any
) -> None:
    parts = await stream_parts(server, provider, [{"error": server_error}])

    assert parts == [START, ErrorPart(error=server_error), error_finish()]


async def test_disconnect_mid_stream(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(
        CHAT,
        sse_reply(
            [
                chunk({"content": "Hi"}),
                tool_delta(0, id="call_1", name="f", arguments='{"a":'),
                chunk({}, finish_reason="tool_calls"),
            ],
            disconnect_after=2,
        ),
    )

    parts = await collect(await provider("test-model").do_stream(options()))

    [error] = errors(parts)
    assert isinstance(error, APICallError)
    assert error.is_retryable
    assert "Connection lost while reading the response" in error.message
    assert parts == [
        START,
        METADATA,
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="Hi"),
        *_call_parts("call_1", "f", ['{"a":']),
        TextEnd(id="txt-0"),
        ToolInputEnd(id="call_1"),  # closed, but no tool call from cut-off arguments
        ErrorPart(error=error),
        error_finish(),
    ]


async def test_early_close_releases_the_connection(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    events = [chunk({"content": f"t{i}"}) for i in range(50)]
    server.route(CHAT, sse_reply(events, delay=0.01), json_reply({"choices": []}))

    result = await provider("test-model").do_stream(options())
    received = []
    async for part in result.stream:
        received.append(part)
        if isinstance(part, TextDelta):
            break
    await result.stream.aclose()  # type: ignore[attr-defined]

    for _ in range(100):
        if server.open_connections == 0:
            break
        await asyncio.sleep(0.01)
    assert server.open_connections == 0
    assert received[-1] == TextDelta(id="txt-0", delta="t0")
    await provider("test-model").do_generate(options())  # the client still works
    assert len(server.requests) == 2


async def test_status_error_on_stream_start(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(CHAT, json_reply({"error": {"message": "Invalid key"}}, status=401))

    with pytest.raises(APICallError) as caught:
        await provider("test-model").do_stream(options())

    assert (caught.value.status_code, caught.value.message) == (401, "Invalid key")


async def test_include_raw_chunks(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    first = chunk({"content": "a"})
    last = chunk({}, finish_reason="stop")

    parts = await stream_parts(server, provider, [first, "oops", last], include_raw_chunks=True)

    [error] = errors(parts)
    assert parts == [
        START,
        Raw(raw_value=first),
        METADATA,
        TextStart(id="txt-0"),
        TextDelta(id="txt-0", delta="a"),
        Raw(raw_value="oops"),
        ErrorPart(error=error),
        Raw(raw_value=last),
        TextEnd(id="txt-0"),
        error_finish("stop"),
    ]


class _StreamExtractor:
    def __init__(self) -> None:
        self.costs: list[float] = []

    def process_chunk(self, chunk: Any) -> None:
        if "cost" in chunk:
            self.costs.append(chunk["cost"])

    def build_metadata(self) -> Any:
        return {"myServer": {"cost": sum(self.costs)}}


class _Extractor:
    def extract_metadata(self, parsed_body: Any) -> Any:
        return None

    def create_stream_extractor(self) -> _StreamExtractor:
        return _StreamExtractor()


async def test_stream_metadata_extractor(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    provider = make_provider(metadata_extractor=_Extractor())

    parts = await stream_parts(
        server,
        provider,
        [{**chunk({"content": "a"}), "cost": 0.5}, {**chunk({}, finish_reason="stop"), "cost": 1}],
    )

    assert parts[-1] == Finish(
        finish_reason=STOP,
        usage=Usage(),
        provider_metadata={"test-provider": {}, "myServer": {"cost": 1.5}},
    )


async def test_response_headers_and_request_body(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(CHAT, sse_reply([chunk(finish_reason="stop")], headers={"x-request-id": "r1"}))

    result = await provider("test-model").do_stream(options(temperature=0))
    await collect(result)

    assert result.response is not None
    assert result.response.headers is not None
    assert result.response.headers["x-request-id"] == "r1"
    assert result.request is not None
    assert result.request.body == {
        "model": "test-model",
        "temperature": 0,
        "messages": [{"role": "user", "content": "Hello"}],
        "stream": True,
    }


@pytest.mark.parametrize("fixture", ["xai-text", "xai-tool-call"])
async def test_xai_fixture_streams(
    server: LoopbackServer, provider: OpenAICompatibleProvider, fixture: str
) -> None:
    lines = (FIXTURES / f"{fixture}.chunks.txt").read_text().splitlines()
    events = [json.loads(line) for line in lines if line.strip()]

    parts = await stream_parts(server, provider, events)

    reasoning = "".join(
        e["choices"][0]["delta"].get("reasoning_content", "") for e in events if e["choices"]
    )
    text = "".join(
        e["choices"][0]["delta"].get("content", "") or "" for e in events if e["choices"]
    )
    assert "".join(p.delta for p in parts if isinstance(p, ReasoningDelta)) == reasoning
    assert "".join(p.delta for p in parts if isinstance(p, TextDelta)) == text
    kinds = [part.type for part in parts]
    assert kinds.count("reasoning-start") == kinds.count("reasoning-end") == 1
    assert errors(parts) == []
    usage = events[-1]["usage"]
    final = parts[-1]
    assert isinstance(final, Finish)
    assert final.usage.model_copy(update={"raw": None}) == Usage(
        input_tokens=InputTokens(
            total=usage["prompt_tokens"],
            no_cache=usage["prompt_tokens"] - usage["prompt_tokens_details"]["cached_tokens"],
            cache_read=usage["prompt_tokens_details"]["cached_tokens"],
        ),
        output_tokens=OutputTokens(
            total=usage["completion_tokens"],
            text=0,
            reasoning=usage["completion_tokens_details"]["reasoning_tokens"],
        ),
    )
    if fixture == "xai-tool-call":
        assert parts[-4:-1] == [
            ToolInputDelta(id="call_79382389", delta='{"location":"San Francisco"}'),
            *_call_end("call_79382389", "weather", '{"location":"San Francisco"}'),
        ]
        assert final.finish_reason == TOOL_CALLS
    else:
        assert final.finish_reason == STOP
