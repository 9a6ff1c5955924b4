"""``/chat/completions`` responses -> `GenerateResult`: content, finish reason, usage, metadata."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from ai_sdk.provider import (
    FinishReason,
    GenerateResult,
    InputTokens,
    OutputTokens,
    ReasoningContent,
    RequestInfo,
    ResponseInfo,
    TextContent,
    ToolCallContent,
    Usage,
)
from ai_sdk_openai_compatible import OpenAICompatibleProvider
from tests.openai_compatible._helpers import CHAT, FIXTURES, chat_completion, options
from tests.openai_compatible.conftest import ProviderFactory
from tests.servers import LoopbackServer, json_reply


def _headers(body: dict[str, Any]) -> dict[str, str]:
    return {"content-type": "application/json", "content-length": str(len(json.dumps(body)))}


async def test_text_result_whole(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    body = chat_completion(
        {"role": "assistant", "content": "Hi there"},
        usage={"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7},
        system_fingerprint="fp_1",
    )
    server.route(CHAT, json_reply(body))

    result = await provider("test-model").do_generate(options())

    assert result == GenerateResult(
        content=[TextContent(text="Hi there")],
        finish_reason=FinishReason(unified="stop", raw="stop"),
        usage=Usage(
            input_tokens=InputTokens(total=5, no_cache=5),
            output_tokens=OutputTokens(total=2, text=2),
            raw={"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7},
        ),
        provider_metadata={"test-provider": {}},
        request=RequestInfo(
            body={"model": "test-model", "messages": [{"role": "user", "content": "Hello"}]}
        ),
        response=ResponseInfo(
            id="chatcmpl-1",
            timestamp=datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC),
            model_id="test-model",
            headers=_headers(body),
            body=body,
        ),
        warnings=[],
    )


async def test_xai_text_fixture(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    body = json.loads((FIXTURES / "xai-text.json").read_text())
    server.route(CHAT, json_reply(body))

    result = await provider("grok-3").do_generate(options())

    message = body["choices"][0]["message"]
    assert result.content == [  # reasoning first, as upstream
        ReasoningContent(text=message["reasoning_content"]),
        TextContent(text="Grok"),
    ]
    assert result.usage == Usage(
        input_tokens=InputTokens(total=12, no_cache=10, cache_read=2),
        output_tokens=OutputTokens(total=2, text=0, reasoning=320),
        raw=body["usage"],
    )
    assert result.provider_metadata == {
        "test-provider": {"acceptedPredictionTokens": 0, "rejectedPredictionTokens": 0}
    }
    assert result.response is not None
    assert (result.response.id, result.response.model_id, result.response.timestamp) == (
        "edea4703-19aa-6d74-fedb-dc1c213543e0",
        "grok-3-mini",
        datetime(2026, 2, 11, 1, 8, 10, tzinfo=UTC),
    )


async def test_xai_tool_call_fixture(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    body = json.loads((FIXTURES / "xai-tool-call.json").read_text())
    server.route(CHAT, json_reply(body))

    result = await provider("grok-3").do_generate(options())

    assert result.content == [
        ReasoningContent(text=body["choices"][0]["message"]["reasoning_content"]),
        ToolCallContent(
            tool_call_id="call_46427107",
            tool_name="weather",
            input='{"location":"San Francisco"}',
        ),
    ]
    assert result.finish_reason == FinishReason(unified="tool-calls", raw="tool_calls")
    assert result.usage.output_tokens == OutputTokens(total=26, text=0, reasoning=255)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ({"content": "a", "reasoning_content": "r1", "reasoning": "r2"}, ["a", "r1"]),
        ({"content": "a", "reasoning": "r2"}, ["a", "r2"]),
        ({"content": "a", "reasoning_content": "", "reasoning": "r2"}, ["a", "r2"]),
        ({"content": "", "reasoning_content": None}, []),
        ({"content": None, "role": ""}, []),
    ],
)
async def test_reasoning_fields(
    server: LoopbackServer,
    provider: OpenAICompatibleProvider,
    message: dict[str, Any],
    expected: list[str],
) -> None:
    server.route(CHAT, json_reply(chat_completion(message)))

    result = await provider("test-model").do_generate(options())

    wanted: list[Any] = []
    if expected:
        # Reasoning first, as upstream.
        wanted = [ReasoningContent(text=expected[1]), TextContent(text=expected[0])]
    assert result.content == wanted


async def test_tool_calls(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    message = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "weather", "arguments": '{"city":"Paris"}'},
                "extra_content": {"google": {"thought_signature": "sig"}},
            },
            {"id": "", "type": "function", "function": {"name": "time", "arguments": ""}},
            {"function": {"name": "lookup", "arguments": {"q": "x"}}},
        ],
    }
    server.route(CHAT, json_reply(chat_completion(message, finish_reason="tool_calls")))

    result = await provider("test-model").do_generate(options())

    generated = [c.tool_call_id for c in result.content if isinstance(c, ToolCallContent)][1:]
    assert all(len(call_id) == 16 and call_id.isalnum() for call_id in generated)
    assert generated[0] != generated[1]
    assert result.content == [
        ToolCallContent(
            tool_call_id="call_1",
            tool_name="weather",
            input='{"city":"Paris"}',
            provider_metadata={"test-provider": {"thoughtSignature": "sig"}},
        ),
        ToolCallContent(tool_call_id=generated[0], tool_name="time", input=""),
        ToolCallContent(tool_call_id=generated[1], tool_name="lookup", input='{"q":"x"}'),
    ]
    assert result.finish_reason == FinishReason(unified="tool-calls", raw="tool_calls")


@pytest.mark.parametrize(
    ("raw", "unified"),
    [
        ("stop", "stop"),
        ("length", "length"),
        ("content_filter", "content-filter"),
        ("tool_calls", "tool-calls"),
        ("function_call", "tool-calls"),
        ("eos", "other"),
        (None, "other"),
    ],
)
async def test_finish_reasons(
    server: LoopbackServer, provider: OpenAICompatibleProvider, raw: str | None, unified: Any
) -> None:
    server.route(CHAT, json_reply(chat_completion(finish_reason=raw)))

    result = await provider("test-model").do_generate(options())

    assert result.finish_reason == FinishReason(unified=unified, raw=raw)


@pytest.mark.parametrize(
    ("usage", "expected"),
    [
        (None, Usage()),
        (
            {
                "prompt_tokens": 100,
                "completion_tokens": 50,
                "prompt_tokens_details": {"cached_tokens": 80},
                "completion_tokens_details": {"reasoning_tokens": 30},
            },
            Usage(
                input_tokens=InputTokens(total=100, no_cache=20, cache_read=80),
                output_tokens=OutputTokens(total=50, text=20, reasoning=30),
            ),
        ),
        (
            {"prompt_tokens": 10.0, "completion_tokens": -3, "prompt_tokens_details": None},
            Usage(
                input_tokens=InputTokens(total=10, no_cache=10),
                output_tokens=OutputTokens(total=0, text=0),
            ),
        ),
        (
            {"total_tokens": 9, "unknown_field": {"x": 1}},
            Usage(),
        ),
    ],
)
async def test_usage(
    server: LoopbackServer,
    provider: OpenAICompatibleProvider,
    usage: dict[str, Any] | None,
    expected: Usage,
) -> None:
    server.route(CHAT, json_reply(chat_completion(usage=usage)))

    result = await provider("test-model").do_generate(options())

    assert result.usage == expected.model_copy(update={"raw": usage})


async def test_custom_usage_conversion(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, json_reply(chat_completion(usage={"input": 3})))
    seen: list[object] = []

    def convert(usage: Any) -> Usage:
        seen.append(usage)
        return Usage(input_tokens=InputTokens(total=usage["input"]))

    result = await make_provider(convert_usage=convert)("test-model").do_generate(options())

    assert (seen, result.usage) == ([{"input": 3}], Usage(input_tokens=InputTokens(total=3)))


class _Extractor:
    def __init__(self, asynchronous: bool) -> None:
        self.asynchronous = asynchronous

    def extract_metadata(self, parsed_body: Any) -> Any:
        found = {"myServer": {"cost": parsed_body["cost"]}}
        if not self.asynchronous:
            return found

        async def later() -> Any:
            return found

        return later()

    def create_stream_extractor(self) -> Any:
        raise AssertionError("not streaming")


@pytest.mark.parametrize("asynchronous", [False, True])
async def test_metadata_extractor(
    server: LoopbackServer, make_provider: ProviderFactory, asynchronous: bool
) -> None:
    usage = {
        "prompt_tokens": 1,
        "completion_tokens": 1,
        "completion_tokens_details": {"accepted_prediction_tokens": 4},
    }
    server.route(CHAT, json_reply(chat_completion(usage=usage, cost=0.25)))
    provider = make_provider(metadata_extractor=_Extractor(asynchronous))

    result = await provider("test-model").do_generate(
        options(provider_options={"testProvider": {}})
    )

    assert result.provider_metadata == {
        "testProvider": {"acceptedPredictionTokens": 4},
        "myServer": {"cost": 0.25},
    }


async def test_response_without_choices(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(CHAT, json_reply({"id": "", "choices": [], "created": "not a number"}))

    result = await provider("test-model").do_generate(options())

    assert (result.content, result.finish_reason, result.usage) == (
        [],
        FinishReason(unified="other"),
        Usage(),
    )
    assert result.response is not None
    assert (result.response.id, result.response.timestamp, result.response.model_id) == (
        None,
        None,
        None,
    )
