"""Core's user functions through the Vercel AI Gateway provider, over HTTP to the loopback server.

A string model id with no provider configured must reach the gateway: core imports
``ai_sdk_gateway`` and uses its module-level ``gateway``. That instance always targets
``https://ai-gateway.vercel.sh`` (the gateway has no base-URL environment variable, as upstream),
so the fallback tests swap the module attribute for a gateway aimed at the loopback server; the
resolution path through core is the real one. The other tests set it as the default provider.
"""

from __future__ import annotations

import re
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

import ai_sdk_gateway
from ai_sdk import (
    FinishPart,
    FinishStepPart,
    LanguageModelUsage,
    Output,
    StartPart,
    StartStepPart,
    TextDeltaPart,
    TextEndPart,
    TextStartPart,
    ToolCall,
    ToolInputDeltaPart,
    ToolInputEndPart,
    ToolInputStartPart,
    ToolResult,
    embed,
    embed_many,
    generate_text,
    is_step_count,
    set_default_provider,
    stream_text,
)
from ai_sdk._version import __version__ as core_version
from ai_sdk.generate_text import InputTokenDetails, OutputTokenDetails
from ai_sdk.registry import resolve_embedding_model, resolve_language_model
from ai_sdk_gateway import (
    GatewayAuthenticationError,
    GatewayEmbeddingModel,
    GatewayLanguageModel,
    GatewayProvider,
    create_gateway,
)
from tests.integration.conftest import (
    CITY_SCHEMA,
    FORECAST_SCHEMA,
    City,
    Forecast,
    sent_headers,
    weather_tool,
)
from tests.servers import LoopbackServer, RecordedRequest, json_reply, sse_reply

MODEL = "anthropic/claude-sonnet-4"
LANGUAGE = "/v4/ai/language-model"
EMBEDDING = "/v4/ai/embedding-model"
USER_AGENT = (
    f"ai/{core_version} ai-sdk-python/{core_version} ai-sdk/gateway/{ai_sdk_gateway.__version__} "
    f"runtime/python/{sys.version_info.major}.{sys.version_info.minor}"
)
USAGE_WIRE = {
    "inputTokens": {"total": 12, "noCache": 12, "cacheRead": 0},
    "outputTokens": {"total": 5, "text": 5, "reasoning": 0},
}
STEP_USAGE = LanguageModelUsage(
    input_tokens=12,
    output_tokens=5,
    total_tokens=17,
    input_token_details=InputTokenDetails(no_cache_tokens=12, cache_read_tokens=0),
    output_token_details=OutputTokenDetails(text_tokens=5, reasoning_tokens=0),
)
WEATHER_WIRE = {
    "type": "function",
    "name": "weather",
    "description": "Get the weather in a city",
    "inputSchema": CITY_SCHEMA,
}
QUESTION = {"role": "user", "content": [{"type": "text", "text": "Weather in Paris?"}]}
TOOL_TURN = [
    {
        "role": "assistant",
        "content": [
            {
                "type": "tool-call",
                "toolCallId": "call_1",
                "toolName": "weather",
                "input": {"city": "Paris"},
            }
        ],
    },
    {
        "role": "tool",
        "content": [
            {
                "type": "tool-result",
                "toolCallId": "call_1",
                "toolName": "weather",
                "output": {
                    "type": "json",
                    "value": {"city": "Paris", "forecast": "sunny", "temperature_c": 21},
                },
            }
        ],
    },
]


def language_headers(*, streaming: bool, token: str = "test-key") -> dict[str, str]:
    return {
        "authorization": f"Bearer {token}",
        "ai-gateway-protocol-version": "0.0.1",
        "ai-gateway-auth-method": "api-key",
        "content-type": "application/json",
        # As upstream, stream_text passes only the user's headers: no `ai/<version>` token.
        "user-agent": USER_AGENT.removeprefix(f"ai/{core_version} ") if streaming else USER_AGENT,
        "ai-language-model-specification-version": "4",
        "ai-language-model-id": MODEL,
        "ai-language-model-streaming": "true" if streaming else "false",
    }


def tool_call_reply() -> dict[str, Any]:
    return {
        "content": [
            {
                "type": "tool-call",
                "toolCallId": "call_1",
                "toolName": "weather",
                "input": '{"city":"Paris"}',
            }
        ],
        "finishReason": {"unified": "tool-calls", "raw": "tool_use"},
        "usage": USAGE_WIRE,
        "warnings": [],
    }


def text_reply(text: str) -> dict[str, Any]:
    return {
        "content": [{"type": "text", "text": text}],
        "finishReason": {"unified": "stop", "raw": "end_turn"},
        "usage": USAGE_WIRE,
        "warnings": [],
        "providerMetadata": {"gateway": {"generationId": "gen_2"}},
    }


def body(request: RecordedRequest) -> Any:
    return request.json()


@pytest.fixture
async def loopback_gateway(server: LoopbackServer) -> AsyncIterator[GatewayProvider]:
    """A gateway aimed at the loopback server with an explicit key, as the default provider."""
    async with create_gateway(api_key="test-key", base_url=f"{server.url}/v4/ai") as gw:
        set_default_provider(gw)
        yield gw


# -- the no-provider fallback ------------------------------------------------------------------


def test_string_ids_resolve_to_the_default_gateway_instance() -> None:
    language = resolve_language_model(MODEL)
    embedding = resolve_embedding_model("openai/text-embedding-3-small")

    assert isinstance(language, GatewayLanguageModel)
    assert (language.provider, language.model_id) == ("gateway", MODEL)
    assert isinstance(embedding, GatewayEmbeddingModel)
    assert ai_sdk_gateway.gateway.base_url == "https://ai-gateway.vercel.sh/v4/ai"


async def test_no_provider_and_no_credentials_fails_before_any_request() -> None:
    with pytest.raises(GatewayAuthenticationError) as caught:
        await generate_text(model=MODEL, prompt="Hi")

    # Both ways to fix it are named.
    message = caught.value.message
    assert "AI_GATEWAY_API_KEY" in message
    assert "VERCEL_OIDC_TOKEN" in message


async def test_no_provider_runs_a_two_step_tool_loop_through_the_gateway(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 5's acceptance: the key comes from ``AI_GATEWAY_API_KEY``, nothing is configured."""
    monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")
    async with create_gateway(base_url=f"{server.url}/v4/ai") as default:
        monkeypatch.setattr(ai_sdk_gateway, "gateway", default)
        server.route(
            LANGUAGE, json_reply(tool_call_reply()), json_reply(text_reply("Sunny, 21 °C."))
        )
        seen: list[City] = []

        result = await generate_text(
            model=MODEL,
            prompt="Weather in Paris?",
            tools={"weather": weather_tool(seen)},
            stop_when=is_step_count(2),
        )

    first, second = server.requests
    assert (first.target, second.target) == (LANGUAGE, LANGUAGE)
    assert sent_headers(first.headers) == language_headers(streaming=False, token="env-key")
    assert sent_headers(second.headers) == language_headers(streaming=False, token="env-key")
    assert body(first) == {
        "prompt": [QUESTION],
        "tools": [WEATHER_WIRE],
        "toolChoice": {"type": "auto"},
        "headers": {"user-agent": f"ai/{core_version}"},
    }
    assert body(second) == {
        "prompt": [QUESTION, *TOOL_TURN],
        "tools": [WEATHER_WIRE],
        "toolChoice": {"type": "auto"},
        "headers": {"user-agent": f"ai/{core_version}"},
    }
    assert seen == [City(city="Paris")]
    assert result.text == "Sunny, 21 °C."
    assert [step.finish_reason for step in result.steps] == ["tool-calls", "stop"]
    assert result.steps[0].tool_calls == [
        ToolCall(tool_call_id="call_1", tool_name="weather", input=City(city="Paris"))
    ]
    assert result.steps[0].tool_results == [
        ToolResult(
            tool_call_id="call_1",
            tool_name="weather",
            input=City(city="Paris"),
            output={"city": "Paris", "forecast": "sunny", "temperature_c": 21},
        )
    ]
    assert result.usage == STEP_USAGE + STEP_USAGE
    assert result.provider_metadata == {"gateway": {"generationId": "gen_2"}}


async def test_no_provider_structured_output(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")
    async with create_gateway(base_url=f"{server.url}/v4/ai") as default:
        monkeypatch.setattr(ai_sdk_gateway, "gateway", default)
        server.route(
            LANGUAGE,
            json_reply(text_reply('{"city":"Paris","temperature_c":21,"summary":"Sunny"}')),
        )

        result = await generate_text(
            model=MODEL,
            prompt="Forecast for Paris as JSON.",
            output=Output.object(schema=Forecast),
        )

    [request] = server.requests
    assert body(request) == {
        "prompt": [
            {"role": "user", "content": [{"type": "text", "text": "Forecast for Paris as JSON."}]}
        ],
        "responseFormat": {"type": "json", "schema": FORECAST_SCHEMA},
        "toolChoice": {"type": "auto"},  # upstream sends it without tools too
        "headers": {"user-agent": f"ai/{core_version}"},
    }
    assert result.output == Forecast(city="Paris", temperature_c=21, summary="Sunny")


# -- streaming -----------------------------------------------------------------------------


def tool_call_events() -> list[dict[str, Any]]:
    return [
        {"type": "stream-start", "warnings": []},
        {"type": "tool-input-start", "id": "call_1", "toolName": "weather"},
        {"type": "tool-input-delta", "id": "call_1", "delta": '{"city":'},
        {"type": "tool-input-delta", "id": "call_1", "delta": '"Paris"}'},
        {"type": "tool-input-end", "id": "call_1"},
        {
            "type": "tool-call",
            "toolCallId": "call_1",
            "toolName": "weather",
            "input": '{"city":"Paris"}',
        },
        {
            "type": "finish",
            "finishReason": {"unified": "tool-calls", "raw": "tool_use"},
            "usage": USAGE_WIRE,
        },
    ]


def text_events(*deltas: str) -> list[dict[str, Any]]:
    return [
        {"type": "stream-start", "warnings": []},
        {"type": "text-start", "id": "t0"},
        *({"type": "text-delta", "id": "t0", "delta": delta} for delta in deltas),
        {"type": "text-end", "id": "t0"},
        {
            "type": "finish",
            "finishReason": {"unified": "stop", "raw": "end_turn"},
            "usage": USAGE_WIRE,
        },
    ]


async def test_stream_text_runs_the_tool_loop_across_steps(
    server: LoopbackServer, loopback_gateway: GatewayProvider
) -> None:
    server.route(
        LANGUAGE,
        sse_reply(tool_call_events(), done=False),
        sse_reply(text_events("Sunny, ", "21 °C."), done=False),
    )

    async with stream_text(
        model=MODEL,
        prompt="Weather in Paris?",
        tools={"weather": weather_tool()},
        stop_when=is_step_count(2),
    ) as result:
        parts = [part async for part in result.stream]
        text = await result.text

    first, second = server.requests
    assert sent_headers(first.headers) == language_headers(streaming=True)
    assert sent_headers(second.headers) == language_headers(streaming=True)
    assert body(first) == {
        "prompt": [QUESTION],
        "tools": [WEATHER_WIRE],
        "toolChoice": {"type": "auto"},
        "includeRawChunks": False,
    }
    assert body(second) == {
        "prompt": [QUESTION, *TOOL_TURN],
        "tools": [WEATHER_WIRE],
        "toolChoice": {"type": "auto"},
        "includeRawChunks": False,
    }
    assert text == "Sunny, 21 °C."
    assert [type(part) for part in parts] == [
        StartPart,
        StartStepPart,
        ToolInputStartPart,
        ToolInputDeltaPart,
        ToolInputDeltaPart,
        ToolInputEndPart,
        ToolCall,
        ToolResult,
        FinishStepPart,
        StartStepPart,
        TextStartPart,
        TextDeltaPart,
        TextDeltaPart,
        TextEndPart,
        FinishStepPart,
        FinishPart,
    ]
    tool_parts = [part for part in parts if isinstance(part, ToolCall | ToolResult)]
    assert tool_parts == [
        ToolCall(tool_call_id="call_1", tool_name="weather", input=City(city="Paris")),
        ToolResult(
            tool_call_id="call_1",
            tool_name="weather",
            input=City(city="Paris"),
            output={"city": "Paris", "forecast": "sunny", "temperature_c": 21},
        ),
    ]
    assert parts[-1] == FinishPart(
        finish_reason="stop", raw_finish_reason="end_turn", total_usage=STEP_USAGE + STEP_USAGE
    )


async def test_generate_text_reports_its_own_response_metadata_as_typescript_does(
    server: LoopbackServer, loopback_gateway: GatewayProvider
) -> None:
    """The gateway's response id, model id and timestamp are not surfaced (as in the TS SDK)."""
    reply = {
        **text_reply("Hi."),
        "response": {"id": "resp_gw", "modelId": "x/y", "timestamp": "2020-01-01T00:00:00Z"},
    }
    server.route(LANGUAGE, json_reply(reply))
    before = datetime.now(UTC)

    result = await generate_text(model=MODEL, prompt="Hi")

    response = result.response
    assert re.fullmatch(r"aitxt-[0-9A-Za-z]{24}", response.id)
    assert response.model_id == MODEL
    assert before <= response.timestamp <= datetime.now(UTC)


async def test_stream_text_body_is_the_typescript_streaming_body(
    server: LoopbackServer, loopback_gateway: GatewayProvider
) -> None:
    """TS streamText passes the user's headers only (no user-agent), always includeRawChunks, and
    toolChoice auto even without tools (recorded from the TS SDK)."""
    server.route(LANGUAGE, sse_reply(text_events("Hi"), done=False))

    async with stream_text(model=MODEL, prompt="Weather in Paris?") as result:
        await result.text

    [request] = server.requests
    assert body(request) == {
        "prompt": [QUESTION],
        "toolChoice": {"type": "auto"},
        "includeRawChunks": False,
    }


# -- embeddings ----------------------------------------------------------------------------


async def test_embed_many_splits_into_gateway_sized_batches(
    server: LoopbackServer, loopback_gateway: GatewayProvider
) -> None:
    values = [f"value {i}" for i in range(2050)]

    def embed(request: RecordedRequest) -> Any:
        batch = request.json()["values"]
        return json_reply(
            {
                "embeddings": [[float(value.split()[1]), 1.0] for value in batch],
                "usage": {"tokens": len(batch)},
            }
        )

    server.route(EMBEDDING, embed)

    result = await embed_many(model="openai/text-embedding-3-small", values=values)

    batches = sorted((request.json()["values"] for request in server.requests), key=len)
    assert batches == [values[2048:], values[:2048]]
    assert {
        key: value
        for key, value in sent_headers(server.requests[0].headers).items()
        if key.startswith("ai-")
    } == {
        "ai-gateway-protocol-version": "0.0.1",
        "ai-gateway-auth-method": "api-key",
        "ai-embedding-model-specification-version": "4",
        "ai-model-id": "openai/text-embedding-3-small",
    }
    assert result.values == values
    assert result.embeddings == [[float(i), 1.0] for i in range(2050)]
    assert result.usage.tokens == 2050


async def test_embed_and_embed_many_send_dimensions_as_typescript_does(
    server: LoopbackServer, loopback_gateway: GatewayProvider
) -> None:
    reply = {"embeddings": [[0.5, 0.25]], "usage": {"tokens": 1}}
    server.route(EMBEDDING, json_reply(reply), json_reply(reply), json_reply(reply))

    one = await embed(model="openai/text-embedding-3-small", value="a", dimensions=2)
    many = await embed_many(model="openai/text-embedding-3-small", values=["b"], dimensions=2)
    await embed(model="openai/text-embedding-3-small", value="c")

    assert [request.json() for request in server.requests] == [
        {"values": ["a"], "dimensions": 2},
        {"values": ["b"], "dimensions": 2},
        {"values": ["c"]},
    ]
    assert (one.embedding, many.embeddings) == ([0.5, 0.25], [[0.5, 0.25]])
    # As upstream's embed/embedMany, the SDK's `ai/<version>` token leads the user-agent.
    agents = {sent_headers(request.headers)["user-agent"] for request in server.requests}
    assert agents == {USER_AGENT}
