"""Core's user functions through the OpenAI-compatible provider, over loopback HTTP."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import pytest
from pydantic import BaseModel

import ai_sdk_openai_compatible
from ai_sdk import (
    LanguageModelUsage,
    Output,
    RetryError,
    StreamProviderError,
    ToolCall,
    ToolResult,
    embed,
    embed_many,
    generate_text,
    is_step_count,
    stream_text,
    stream_text_sync,
)
from ai_sdk._version import __version__ as core_version
from ai_sdk.generate_text import InputTokenDetails, OutputTokenDetails
from ai_sdk.provider import APICallError, EventTooLargeError, InvalidArgumentError
from ai_sdk_openai_compatible import (
    OpenAICompatibleProvider,
    create_openai_compatible,
)
from tests.integration.conftest import (
    CITY_SCHEMA,
    FORECAST_SCHEMA,
    City,
    Forecast,
    sent_headers,
    weather_tool,
)
from tests.servers import LoopbackServer, RecordedRequest, Reply, json_reply, sse_reply

CHAT = "/v1/chat/completions"
EMBEDDINGS = "/v1/embeddings"
USER_AGENT = (
    f"ai/{core_version} ai-sdk-python/{core_version} "
    f"ai-sdk-openai-compatible/{ai_sdk_openai_compatible.__version__} "
    f"runtime/python/{sys.version_info.major}.{sys.version_info.minor}"
)
WEATHER_WIRE = {
    "type": "function",
    "function": {
        "name": "weather",
        "description": "Get the weather in a city",
        "parameters": CITY_SCHEMA,
    },
}
QUESTION = {"role": "user", "content": "Weather in Paris?"}
TOOL_TURN = [
    {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "weather", "arguments": '{"city":"Paris"}'},
            }
        ],
    },
    {
        "role": "tool",
        "tool_call_id": "call_1",
        "content": '{"city":"Paris","forecast":"sunny","temperature_c":21}',
    },
]
CALL = ToolCall(tool_call_id="call_1", tool_name="weather", input=City(city="Paris"))
RESULT = ToolResult(
    tool_call_id="call_1",
    tool_name="weather",
    input=City(city="Paris"),
    output={"city": "Paris", "forecast": "sunny", "temperature_c": 21},
)


def usage(prompt: int, completion: int) -> dict[str, int]:
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def step_usage(prompt: int, completion: int) -> LanguageModelUsage:
    return LanguageModelUsage(
        input_tokens=prompt,
        input_token_details=InputTokenDetails(no_cache_tokens=prompt),
        output_tokens=completion,
        output_token_details=OutputTokenDetails(text_tokens=completion),
        total_tokens=prompt + completion,
    )


def completion(message: dict[str, Any], finish_reason: str, tokens: tuple[int, int]) -> Reply:
    return json_reply(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": "local-model",
            "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
            "usage": usage(*tokens),
        }
    )


def tool_call_completion() -> Reply:
    return completion(
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "weather", "arguments": '{"city":"Paris"}'},
                }
            ],
        },
        "tool_calls",
        (20, 7),
    )


def chunk(delta: dict[str, Any], finish_reason: str | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": "local-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
        **extra,
    }


def usage_chunk(prompt: int, completion: int) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": "local-model",
        "choices": [],
        "usage": usage(prompt, completion),
    }


def text_chunks(*deltas: str) -> list[dict[str, Any]]:
    return [
        chunk({"role": "assistant", "content": ""}),
        *(chunk({"content": delta}) for delta in deltas),
        chunk({}, "stop"),
    ]


@pytest.fixture
async def local(server: LoopbackServer) -> AsyncIterator[OpenAICompatibleProvider]:
    async with create_openai_compatible(
        name="local", base_url=f"{server.url}/v1", api_key="test-key", include_usage=True
    ) as provider:
        yield provider


def chat_headers() -> dict[str, str]:
    return {
        "authorization": "Bearer test-key",
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


# -- the tool loop -----------------------------------------------------------------------------


async def test_generate_text_two_step_tool_loop(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    server.route(
        CHAT,
        tool_call_completion(),
        completion({"role": "assistant", "content": "Sunny, 21 °C."}, "stop", (40, 6)),
    )
    seen: list[City] = []

    result = await generate_text(
        model=local("local-model"),
        prompt="Weather in Paris?",
        tools={"weather": weather_tool(seen)},
        stop_when=is_step_count(2),
    )

    first, second = server.requests
    assert (first.target, second.target) == (CHAT, CHAT)
    assert sent_headers(first.headers) == chat_headers()
    assert first.json() == {
        "model": "local-model",
        "messages": [QUESTION],
        "tools": [WEATHER_WIRE],
        "tool_choice": "auto",
    }
    assert second.json() == {
        "model": "local-model",
        "messages": [QUESTION, *TOOL_TURN],
        "tools": [WEATHER_WIRE],
        "tool_choice": "auto",
    }
    assert seen == [City(city="Paris")]
    assert result.text == "Sunny, 21 °C."
    assert [(s.finish_reason, s.raw_finish_reason) for s in result.steps] == [
        ("tool-calls", "tool_calls"),
        ("stop", "stop"),
    ]
    assert (result.steps[0].tool_calls, result.steps[0].tool_results) == ([CALL], [RESULT])
    assert result.usage == step_usage(20, 7) + step_usage(40, 6)


async def test_stream_text_two_step_tool_loop(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    tool_call_events = [
        chunk(
            {
                "role": "assistant",
                "tool_calls": [
                    {
                        "index": 0,
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "weather", "arguments": ""},
                    }
                ],
            }
        ),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": '{"city":'}}]}),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": '"Paris"}'}}]}),
        chunk({}, "tool_calls"),
        usage_chunk(20, 7),
    ]
    server.route(
        CHAT,
        sse_reply(tool_call_events),
        sse_reply([*text_chunks("Sunny, ", "21 °C."), usage_chunk(40, 6)]),
    )

    async with stream_text(
        model=local("local-model"),
        prompt="Weather in Paris?",
        tools={"weather": weather_tool()},
        stop_when=is_step_count(2),
    ) as result:
        deltas = [delta async for delta in result.text_stream]
        steps = await result.steps
        total = await result.usage

    first, second = server.requests
    streaming = {"stream": True, "stream_options": {"include_usage": True}}
    assert first.json() == {
        "model": "local-model",
        "messages": [QUESTION],
        "tools": [WEATHER_WIRE],
        "tool_choice": "auto",
        **streaming,
    }
    assert second.json() == {
        "model": "local-model",
        "messages": [QUESTION, *TOOL_TURN],
        "tools": [WEATHER_WIRE],
        "tool_choice": "auto",
        **streaming,
    }
    assert deltas == ["Sunny, ", "21 °C."]
    assert (steps[0].tool_calls, steps[0].tool_results) == ([CALL], [RESULT])
    assert [step.finish_reason for step in steps] == ["tool-calls", "stop"]
    assert total == step_usage(20, 7) + step_usage(40, 6)


# -- structured output ---------------------------------------------------------------------


async def test_structured_output_with_json_schema(server: LoopbackServer) -> None:
    server.route(
        CHAT,
        completion(
            {
                "role": "assistant",
                "content": '{"city":"Paris","temperature_c":21,"summary":"Sunny"}',
            },
            "stop",
            (15, 12),
        ),
    )
    async with create_openai_compatible(
        name="local", base_url=f"{server.url}/v1", supports_structured_outputs=True
    ) as provider:
        result = await generate_text(
            model=provider("local-model"),
            prompt="Forecast for Paris as JSON.",
            output=Output.object(schema=Forecast),
        )

    [request] = server.requests
    assert "authorization" not in request.headers  # no api_key: no Authorization header
    assert request.json() == {
        "model": "local-model",
        "messages": [{"role": "user", "content": "Forecast for Paris as JSON."}],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"schema": FORECAST_SCHEMA, "strict": True, "name": "response"},
        },
    }
    assert result.output == Forecast(city="Paris", temperature_c=21, summary="Sunny")


class Reading(BaseModel):
    city: str
    unit: str = "celsius"
    note: str | None = None
    tags: list[str] = []


READING_STRICT = {
    "properties": {
        "city": {"title": "City", "type": "string"},
        "unit": {"title": "Unit", "type": ["string", "null"]},
        "note": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Note"},
        "tags": {
            "anyOf": [
                {"items": {"type": "string"}, "title": "Tags", "type": "array"},
                {"type": "null"},
            ]
        },
    },
    "required": ["city", "unit", "note", "tags"],
    "title": "Reading",
    "type": "object",
    "additionalProperties": False,
}


async def test_strict_structured_output_sends_a_strict_valid_schema_and_reads_nulls_back(
    server: LoopbackServer,
) -> None:
    """OpenAI strict mode rejects a partial ``required``: optional fields are sent nullable."""
    answer = '{"city":"Paris","unit":null,"note":null,"tags":null}'
    server.route(
        CHAT,
        completion({"role": "assistant", "content": answer}, "stop", (15, 12)),
        completion({"role": "assistant", "content": answer}, "stop", (15, 12)),
    )
    async with create_openai_compatible(
        name="local", base_url=f"{server.url}/v1", supports_structured_outputs=True
    ) as provider:
        result = await generate_text(
            model=provider("local-model"), prompt="Paris?", output=Output.object(schema=Reading)
        )
        listed = await generate_text(
            model=provider("local-model"),
            prompt="Paris?",
            output=Output.object(schema=Reading),
            provider_options={"local": {"strictJsonSchema": False}},
        )

    strict, loose = server.requests
    assert strict.json()["response_format"] == {
        "type": "json_schema",
        "json_schema": {"schema": READING_STRICT, "strict": True, "name": "response"},
    }
    # Not strict: the schema as pydantic made it (optional fields not required).
    assert loose.json()["response_format"]["json_schema"]["schema"]["required"] == ["city"]
    assert result.output == Reading(city="Paris")  # the nulls became the defaults
    assert listed.output == Reading(city="Paris")


# -- sync from async code, early close -----------------------------------------------------


async def test_stream_text_sync_inside_a_running_event_loop(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    server.route(CHAT, sse_reply([*text_chunks("Hello", ", ", "world"), usage_chunk(3, 3)]))
    asyncio.get_running_loop()  # this test body runs on a live loop, as in Jupyter

    with stream_text_sync(model=local("local-model"), prompt="Hi") as result:
        deltas = list(result.text_stream)
        finish_reason = result.finish_reason
        total = result.usage

    assert deltas == ["Hello", ", ", "world"]
    # One step: the total is that step's usage, the provider's raw usage included (as in TS).
    raw = {"prompt_tokens": 3, "completion_tokens": 3, "total_tokens": 6}
    assert (finish_reason, total) == ("stop", replace(step_usage(3, 3), raw=raw))
    assert server.requests[0].json()["stream"] is True


async def test_break_out_of_text_stream_closes_the_http_connection(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    # 50 deltas, 0.1 s apart: the server would need five seconds to finish the body.
    server.route(CHAT, sse_reply(text_chunks(*(f"w{i} " for i in range(50))), delay=0.1))
    started = time.monotonic()

    async with stream_text(model=local("local-model"), prompt="Tell a long story") as result:
        async for delta in result.text_stream:
            assert delta == "w0 "
            break

    # The server notices the closed socket at its next write; poll a count kept on its thread.
    while server.open_connections and time.monotonic() - started < 3:  # noqa: ASYNC110
        await asyncio.sleep(0.02)
    assert server.open_connections == 0
    assert server.connections_opened == 1
    assert time.monotonic() - started < 3


async def test_stream_keeps_the_connection_when_read_to_the_end(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    """The contrast to the test above: a finished stream returns its connection to the pool."""
    server.route(CHAT, sse_reply(text_chunks("a", "b")))

    for _ in range(2):
        async with stream_text(model=local("local-model"), prompt="Hi") as result:
            assert [delta async for delta in result.text_stream] == ["a", "b"]

    assert (server.connections_opened, server.open_connections) == (1, 1)


# -- embeddings ----------------------------------------------------------------------------


async def test_embed_many_batches_by_max_embeddings_per_call(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    def embed(request: RecordedRequest) -> Reply:
        batch: list[str] = request.json()["input"]
        return json_reply(
            {
                "object": "list",
                "data": [
                    {"object": "embedding", "index": i, "embedding": [float(v[1:]), 0.5]}
                    for i, v in enumerate(batch)
                ],
                "model": "embed-model",
                "usage": {"prompt_tokens": len(batch), "total_tokens": len(batch)},
            }
        )

    server.route(EMBEDDINGS, embed)
    values = [f"v{i}" for i in range(7)]
    model = local.embedding_model("embed-model", max_embeddings_per_call=3)

    result = await embed_many(model=model, values=values, max_parallel_calls=1)

    assert [request.json() for request in server.requests] == [
        {"model": "embed-model", "input": ["v0", "v1", "v2"], "encoding_format": "float"},
        {"model": "embed-model", "input": ["v3", "v4", "v5"], "encoding_format": "float"},
        {"model": "embed-model", "input": ["v6"], "encoding_format": "float"},
    ]
    assert result.embeddings == [[float(i), 0.5] for i in range(7)]
    assert result.usage.tokens == 7


async def test_embed_sends_dimensions_unless_a_provider_option_sets_them(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    reply = json_reply(
        {
            "object": "list",
            "data": [{"object": "embedding", "index": 0, "embedding": [0.5, 0.25]}],
            "model": "embed-model",
        }
    )
    server.route(EMBEDDINGS, reply, reply, reply)
    model = local.embedding_model("embed-model")

    result = await embed(model=model, value="a", dimensions=2)
    await embed_many(model=model, values=["b"], dimensions=2)
    await embed(model=model, value="c", dimensions=2, provider_options={"local": {"dimensions": 8}})

    base = {"model": "embed-model", "encoding_format": "float"}
    assert [request.json() for request in server.requests] == [
        {**base, "input": ["a"], "dimensions": 2},
        {**base, "input": ["b"], "dimensions": 2},
        {**base, "input": ["c"], "dimensions": 8},
    ]
    assert result.embedding == [0.5, 0.25]


@pytest.mark.parametrize("dimensions", [0, -1, 1.5, True, "8"])
async def test_embed_refuses_a_dimensions_that_is_not_a_positive_integer(
    server: LoopbackServer, local: OpenAICompatibleProvider, dimensions: Any
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        await embed(model=local.embedding_model("embed-model"), value="a", dimensions=dimensions)

    assert (caught.value.parameter, caught.value.value) == ("dimensions", dimensions)
    assert server.requests == []


# -- retries -------------------------------------------------------------------------------


def rate_limited() -> Reply:
    return json_reply(
        {"error": {"message": "Rate limit reached", "type": "rate_limit_error"}},
        status=429,
        headers={"retry-after-ms": "10"},
    )


async def test_generate_text_retries_a_429_after_retry_after_ms(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    server.route(
        CHAT,
        rate_limited(),
        rate_limited(),
        completion({"role": "assistant", "content": "Finally."}, "stop", (3, 2)),
    )
    started = time.monotonic()

    result = await generate_text(model=local("local-model"), prompt="Hi")

    # The default backoff would wait 2 s and then 4 s; the server asked for 10 ms.
    assert time.monotonic() - started < 1.5
    assert len(server.requests) == 3
    assert all(request.json() == server.requests[0].json() for request in server.requests)
    assert result.text == "Finally."


async def test_generate_text_gives_up_after_max_retries(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    server.route(CHAT, rate_limited())

    with pytest.raises(RetryError) as caught:
        await generate_text(model=local("local-model"), prompt="Hi", max_retries=1)

    assert len(server.requests) == 2
    error = caught.value
    assert error.reason == "maxRetriesExceeded"
    assert [type(e) for e in error.errors] == [APICallError, APICallError]
    last = error.errors[-1]
    assert isinstance(last, APICallError)
    assert (last.status_code, last.message, last.is_retryable) == (
        429,
        "Rate limit reached",
        True,
    )
    assert json.loads(last.response_body or "") == {
        "error": {"message": "Rate limit reached", "type": "rate_limit_error"}
    }


# -- errors inside a stream ----------------------------------------------------------------


async def test_stream_text_reports_a_streamed_error_object_once(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    """As the TS SDK: one error part, then text-end, finish-step and finish ``error``."""
    server_error = {"message": "upstream timeout", "type": "server_error", "code": None}
    server.route(
        CHAT, sse_reply([chunk({"role": "assistant", "content": "Hel"}), {"error": server_error}])
    )
    reported: list[object] = []

    async with stream_text(
        model=local("local-model"),
        prompt="Hi",
        raise_on_error=False,
        on_error=lambda event: reported.append(event),
    ) as result:
        parts = [part async for part in result.stream]

    assert [part.type for part in parts] == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
        "error",
        "text-end",
        "finish-step",
        "finish",
    ]
    error = parts[4].error  # type: ignore[union-attr]
    assert isinstance(error, StreamProviderError)  # core reads the object the server sent
    assert (error.message, error.data, error.type, error.is_retryable) == (
        "upstream timeout",
        server_error,
        "server_error",
        False,
    )
    assert reported == [error]  # on_error runs once
    assert parts[-1].finish_reason == "error"  # type: ignore[union-attr]


async def test_stream_text_ends_with_a_typed_error_when_one_event_never_ends(
    server: LoopbackServer, local: OpenAICompatibleProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server streaming one endless ``data:`` line: an error at the limit, not memory growth."""
    monkeypatch.setenv("AI_SDK_MAX_SSE_EVENT_SIZE", "500000")

    def endless() -> Iterator[bytes]:
        yield b"data: " + json.dumps(chunk({"content": "Hi"})).encode() + b"\n\n"
        yield b'data: {"choices": "'
        while True:
            yield b"x" * 65_536

    server.route(CHAT, Reply(headers={"content-type": "text/event-stream"}, chunks=endless()))

    async with stream_text(model=local("local-model"), prompt="Hi", raise_on_error=False) as result:
        parts = [part async for part in result.stream]

    errors = [part.error for part in parts if part.type == "error"]  # type: ignore[union-attr]
    assert [type(error) for error in errors] == [EventTooLargeError]
    assert errors[0].limit == 500_000  # type: ignore[union-attr]
    assert await result.text == "Hi"
    assert parts[-1].finish_reason == "error"  # type: ignore[union-attr]
