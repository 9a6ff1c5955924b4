"""Call options -> the ``/chat/completions`` request body, headers and warnings."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from ai_sdk.provider import (
    AutoToolChoice,
    DeprecatedWarning,
    FunctionTool,
    InvalidArgumentError,
    JsonResponseFormat,
    NoneToolChoice,
    ProviderTool,
    RequiredToolChoice,
    SpecificToolChoice,
    TextResponseFormat,
    ToolChoice,
    UnsupportedWarning,
)
from ai_sdk_openai_compatible import OpenAICompatibleProvider, __version__
from tests.openai_compatible._helpers import CHAT, chat_completion, chunk, collect, options
from tests.openai_compatible.conftest import ProviderFactory
from tests.servers import LoopbackServer, json_reply, sse_reply

HELLO = [{"role": "user", "content": "Hello"}]
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"name": {"type": "string"}},
    "required": ["name"],
    "additionalProperties": False,
}
WEATHER = FunctionTool(
    name="weather",
    description="Get the weather",
    input_schema={"type": "object", "properties": {"city": {"type": "string"}}},
)


@pytest.fixture(autouse=True)
def _reply(server: LoopbackServer) -> None:
    server.route(CHAT, json_reply(chat_completion({"role": "assistant", "content": "Hi"})))


async def test_minimal_request(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    result = await provider("test-model").do_generate(options())

    request = server.requests[-1]
    assert request.path == CHAT
    assert request.json() == {"model": "test-model", "messages": HELLO}
    runtime = f"runtime/python/{sys.version_info.major}.{sys.version_info.minor}"
    assert request.headers["user-agent"].endswith(
        f"ai-sdk-openai-compatible/{__version__} {runtime}"
    )
    assert request.headers["authorization"] == "Bearer test-key"
    assert request.headers["content-type"] == "application/json"
    assert result.warnings == []
    assert result.request is not None
    assert result.request.body == {"model": "test-model", "messages": HELLO}


async def test_standard_settings(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    result = await provider("test-model").do_generate(
        options(
            max_output_tokens=100,
            temperature=0.5,
            top_p=0.9,
            frequency_penalty=0.1,
            presence_penalty=0.2,
            stop_sequences=["END"],
            seed=7,
            top_k=40,
        )
    )

    assert server.requests[-1].json() == {
        "model": "test-model",
        "max_tokens": 100,
        "temperature": 0.5,
        "top_p": 0.9,
        "frequency_penalty": 0.1,
        "presence_penalty": 0.2,
        "stop": ["END"],
        "seed": 7,
        "messages": HELLO,
    }
    assert result.warnings == [
        UnsupportedWarning(
            feature="topK",
            details="Servers that accept top_k take it under providerOptions['test-provider'].",
        )
    ]


@pytest.mark.parametrize(
    ("reasoning", "expected"),
    [("high", {"reasoning_effort": "high"}), ("none", {}), ("provider-default", {})],
)
async def test_reasoning_setting(
    server: LoopbackServer,
    provider: OpenAICompatibleProvider,
    reasoning: Any,
    expected: dict[str, Any],
) -> None:
    await provider("test-model").do_generate(options(reasoning=reasoning))

    assert server.requests[-1].json() == {"model": "test-model", **expected, "messages": HELLO}


async def test_known_provider_options(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    result = await provider("test-model").do_generate(
        options(
            reasoning="low",
            provider_options={
                "testProvider": {
                    "user": "user-1",
                    "reasoningEffort": "medium",
                    "textVerbosity": "low",
                    "strictJsonSchema": False,
                }
            },
        )
    )

    assert server.requests[-1].json() == {
        "model": "test-model",
        "user": "user-1",
        "reasoning_effort": "medium",
        "verbosity": "low",
        "messages": HELLO,
    }
    assert result.warnings == []


async def test_snake_case_provider_options(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    await provider("test-model").do_generate(
        options(
            provider_options={
                "testProvider": {"reasoning_effort": "high", "text_verbosity": "medium"}
            }
        )
    )

    assert server.requests[-1].json() == {
        "model": "test-model",
        "reasoning_effort": "high",
        "verbosity": "medium",
        "messages": HELLO,
    }


async def test_explicit_null_reasoning_effort(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    await provider("test-model").do_generate(
        options(reasoning="high", provider_options={"testProvider": {"reasoningEffort": None}})
    )

    assert server.requests[-1].json() == {
        "model": "test-model",
        "reasoning_effort": None,
        "messages": HELLO,
    }


async def test_unknown_options_are_passed_through(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    await provider("test-model").do_generate(
        options(
            temperature=0.5,
            provider_options={
                "testProvider": {
                    "top_k": 40,
                    "chat_template_kwargs": {"enable_thinking": False},
                    "temperature": 0.1,
                    "messages": "cannot override the prompt",
                },
                "otherProvider": {"ignored": True},
            },
        )
    )

    assert server.requests[-1].json() == {
        "model": "test-model",
        "temperature": 0.1,
        "top_k": 40,
        "chat_template_kwargs": {"enable_thinking": False},
        "messages": HELLO,
    }


async def test_deprecated_option_keys_warn(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    result = await provider("test-model").do_generate(
        options(
            provider_options={
                "openai-compatible": {"user": "old"},
                "test-provider": {"top_k": 3},
            }
        )
    )

    assert server.requests[-1].json() == {
        "model": "test-model",
        "user": "old",
        "top_k": 3,
        "messages": HELLO,
    }
    assert result.warnings == [
        DeprecatedWarning(
            setting="providerOptions key 'openai-compatible'",
            message="Use 'openaiCompatible' instead.",
        ),
        DeprecatedWarning(
            setting="providerOptions key 'test-provider'", message="Use 'testProvider' instead."
        ),
    ]
    assert result.provider_metadata == {"test-provider": {}}


async def test_option_precedence(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    result = await provider("test-model").do_generate(
        options(
            provider_options={
                "openaiCompatible": {"user": "generic", "textVerbosity": "high"},
                "testProvider": {"user": "named"},
            }
        )
    )

    assert server.requests[-1].json() == {
        "model": "test-model",
        "user": "named",
        "verbosity": "high",
        "messages": HELLO,
    }
    assert result.provider_metadata == {"testProvider": {}}


async def test_wrongly_typed_option_is_rejected_before_sending(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    with pytest.raises(InvalidArgumentError, match="'user' must be a string, got int"):
        await provider("test-model").do_generate(
            options(provider_options={"testProvider": {"user": 42}})
        )
    assert server.requests == []


@pytest.mark.parametrize(
    ("settings", "response_format", "expected", "warned"),
    [
        ({}, TextResponseFormat(), None, False),
        ({}, JsonResponseFormat(), {"type": "json_object"}, False),
        ({}, JsonResponseFormat(schema=SCHEMA), {"type": "json_object"}, True),
        (
            {"json_object_schema": True},
            JsonResponseFormat(schema=SCHEMA),
            {"type": "json_object", "schema": SCHEMA},
            False,
        ),
        (
            {"supports_structured_outputs": True},
            JsonResponseFormat(schema=SCHEMA),
            {
                "type": "json_schema",
                "json_schema": {"schema": SCHEMA, "strict": True, "name": "response"},
            },
            False,
        ),
        (
            {"supports_structured_outputs": True, "json_object_schema": True},
            JsonResponseFormat(schema=SCHEMA, name="person", description="A person."),
            {
                "type": "json_schema",
                "json_schema": {
                    "schema": SCHEMA,
                    "strict": True,
                    "name": "person",
                    "description": "A person.",
                },
            },
            False,
        ),
        (
            {"supports_structured_outputs": True},
            JsonResponseFormat(),
            {"type": "json_object"},
            False,
        ),
    ],
)
async def test_response_format(
    server: LoopbackServer,
    make_provider: ProviderFactory,
    settings: dict[str, Any],
    response_format: Any,
    expected: dict[str, Any] | None,
    warned: bool,
) -> None:
    provider = make_provider(**settings)

    result = await provider("test-model").do_generate(options(response_format=response_format))

    body = server.requests[-1].json()
    assert body == {
        "model": "test-model",
        **({"response_format": expected} if expected else {}),
        "messages": HELLO,
    }
    warnings = [
        UnsupportedWarning(
            feature="responseFormat",
            details=(
                "JSON response format schema is only supported with structuredOutputs (set "
                "supports_structured_outputs=True, or json_object_schema=True for servers such "
                "as llama.cpp)."
            ),
        )
    ]
    assert result.warnings == (warnings if warned else [])


async def test_strict_json_schema_option(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    provider = make_provider(supports_structured_outputs=True)

    await provider("test-model").do_generate(
        options(
            response_format=JsonResponseFormat(schema=SCHEMA),
            provider_options={"testProvider": {"strictJsonSchema": False}},
        )
    )

    assert server.requests[-1].json()["response_format"] == {
        "type": "json_schema",
        "json_schema": {"schema": SCHEMA, "strict": False, "name": "response"},
    }


async def test_tools(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    strict_tool = FunctionTool(name="lookup", input_schema={"type": "object"}, strict=True)
    result = await provider("test-model").do_generate(
        options(
            tools=[
                WEATHER,
                strict_tool,
                ProviderTool(id="test.web_search", name="web_search"),
            ],
        )
    )

    assert server.requests[-1].json() == {
        "model": "test-model",
        "messages": HELLO,
        "tools": [
            {
                "type": "function",
                "function": {
                    "name": "weather",
                    "description": "Get the weather",
                    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
                },
            },
            {
                "type": "function",
                "function": {"name": "lookup", "parameters": {"type": "object"}, "strict": True},
            },
        ],
    }
    assert result.warnings == [UnsupportedWarning(feature="provider-defined tool test.web_search")]


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (AutoToolChoice(), "auto"),
        (NoneToolChoice(), "none"),
        (RequiredToolChoice(), "required"),
        (
            SpecificToolChoice(tool_name="weather"),
            {"type": "function", "function": {"name": "weather"}},
        ),
    ],
)
async def test_tool_choice(
    server: LoopbackServer, provider: OpenAICompatibleProvider, choice: ToolChoice, expected: Any
) -> None:
    await provider("test-model").do_generate(options(tools=[WEATHER], tool_choice=choice))

    assert server.requests[-1].json()["tool_choice"] == expected


async def test_tool_choice_without_tools_is_dropped(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    await provider("test-model").do_generate(options(tools=[], tool_choice=RequiredToolChoice()))

    assert server.requests[-1].json() == {"model": "test-model", "messages": HELLO}


async def test_call_headers(server: LoopbackServer, make_provider: ProviderFactory) -> None:
    provider = make_provider(headers={"X-Team": "a", "X-Drop": "me"})

    await provider("test-model").do_generate(
        options(headers={"X-Call": "1", "x-drop": None, "X-Team": "b"})
    )

    headers = server.requests[-1].headers
    assert (headers["x-team"], headers["x-call"], "x-drop" in headers) == ("b", "1", False)


async def test_transform_request_body(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    seen: list[dict[str, Any]] = []

    def transform(body: dict[str, Any]) -> dict[str, Any]:
        seen.append(dict(body))
        return {**body, "messages": [{"role": "user", "content": "rewritten"}], "extra": 1}

    provider = make_provider(transform_request_body=transform, include_usage=True)
    server.route(CHAT, json_reply(chat_completion()), sse_reply([chunk(finish_reason="stop")]))

    result = await provider("test-model").do_generate(options())
    stream = await provider("test-model").do_stream(options())
    await collect(stream)

    rewritten = [{"role": "user", "content": "rewritten"}]
    assert [request.json() for request in server.requests] == [
        {"model": "test-model", "messages": rewritten, "extra": 1},
        {
            "model": "test-model",
            "messages": rewritten,
            "stream": True,
            "stream_options": {"include_usage": True},
            "extra": 1,
        },
    ]
    assert seen[1] == {
        "model": "test-model",
        "messages": HELLO,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    assert result.request is not None
    assert result.request.body == {"model": "test-model", "messages": rewritten, "extra": 1}
    assert stream.request is not None
    assert stream.request.body == server.requests[1].json()


@pytest.mark.parametrize(
    ("include_usage", "passthrough", "expected"),
    [
        (False, None, None),
        (True, None, {"include_usage": True}),
        (
            True,
            {"continuous_usage_stats": True},
            {"continuous_usage_stats": True, "include_usage": True},
        ),
        (False, {"include_usage": True}, {"include_usage": True}),
    ],
)
async def test_stream_options(
    server: LoopbackServer,
    make_provider: ProviderFactory,
    include_usage: bool,
    passthrough: dict[str, Any] | None,
    expected: dict[str, Any] | None,
) -> None:
    server.route(CHAT, sse_reply([chunk(finish_reason="stop")]))
    provider = make_provider(include_usage=include_usage)
    provider_options = {"testProvider": {"stream_options": passthrough}} if passthrough else None

    await collect(
        await provider("test-model").do_stream(options(provider_options=provider_options))
    )

    body = server.requests[-1].json()
    assert body == {
        "model": "test-model",
        "messages": HELLO,
        "stream": True,
        **({"stream_options": expected} if expected else {}),
    }
