"""The provider against a real OpenAI-compatible server: llama-cpp-python with a tiny model.

The model has random weights, so its text is gibberish, but with temperature 0 and seed 0 it is
deterministic, and grammar-constrained output (forced tool calls, JSON with a schema) is valid.
Every call sends ``max_tokens``: without it this server generates until the context is full.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from ai_sdk.provider import (
    APICallError,
    AssistantMessage,
    CallOptions,
    EmbeddingCallOptions,
    ErrorPart,
    Finish,
    FinishReason,
    FunctionTool,
    JsonOutput,
    JsonResponseFormat,
    SpecificToolChoice,
    StreamPart,
    TextContent,
    TextDelta,
    TextPart,
    ToolCallContent,
    ToolCallPart,
    ToolInputDelta,
    ToolInputStart,
    ToolMessage,
    ToolResultPart,
    Usage,
    UserMessage,
)
from ai_sdk_openai_compatible import (
    OpenAICompatibleErrorData,
    OpenAICompatibleProvider,
    create_openai_compatible,
)
from tests.servers.llama_server import LlamaServer

pytestmark = pytest.mark.real_server

WEATHER = FunctionTool(
    name="weather",
    description="Get the weather in a city",
    input_schema={
        "type": "object",
        "properties": {"city": {"type": "string", "enum": ["Paris", "Rome", "Oslo"]}},
        "required": ["city"],
    },
)
PERSON = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "maxLength": 8},
        "mood": {"type": "string", "enum": ["happy", "sad"]},
    },
    "required": ["name", "mood"],
}


def call(text: str = "Hello there", max_tokens: int = 8, **settings: Any) -> CallOptions:
    return CallOptions(
        prompt=[UserMessage(content=[TextPart(text=text)])],
        max_output_tokens=max_tokens,
        temperature=0,
        seed=0,
        **settings,
    )


async def collect(parts: AsyncIterator[StreamPart]) -> list[StreamPart]:
    return [part async for part in parts]


@pytest.fixture
async def llama(llama_server: LlamaServer) -> AsyncIterator[OpenAICompatibleProvider]:
    provider = create_openai_compatible(
        name="llama",
        base_url=llama_server.base_url,
        api_key=llama_server.api_key,
        include_usage=True,
        json_object_schema=True,
        null_content_with_tool_calls=False,
    )
    async with provider:
        yield provider


async def test_generate(llama: OpenAICompatibleProvider, llama_server: LlamaServer) -> None:
    model = llama(llama_server.chat_model)

    first = await model.do_generate(call())
    second = await model.do_generate(call())

    assert [type(part) for part in first.content] == [TextContent]
    assert first.content == second.content  # temperature 0 and a seed: deterministic
    assert first.finish_reason == FinishReason(unified="length", raw="length")
    usage = first.usage
    assert usage.input_tokens.total is not None
    assert usage.input_tokens.total > 0
    # This server may overshoot max_tokens by a token or two.
    assert usage.output_tokens.total is not None
    assert 8 <= usage.output_tokens.total <= 10
    assert first.response is not None
    assert first.response.model_id == llama_server.chat_model


async def test_stream(llama: OpenAICompatibleProvider, llama_server: LlamaServer) -> None:
    model = llama(llama_server.chat_model)
    generated = await model.do_generate(call())

    parts = await collect((await model.do_stream(call())).stream)

    [first_text] = generated.content
    assert isinstance(first_text, TextContent)
    assert "".join(p.delta for p in parts if isinstance(p, TextDelta)) == first_text.text
    assert [p.type for p in parts][:3] == ["stream-start", "response-metadata", "text-start"]
    assert [p.type for p in parts][-2:] == ["text-end", "finish"]
    assert not [p for p in parts if isinstance(p, ErrorPart)]
    # The server ignores stream_options.include_usage: usage stays unknown, never zero.
    assert parts[-1] == Finish(
        finish_reason=FinishReason(unified="length", raw="length"),
        usage=Usage(),
        provider_metadata={"llama": {}},
    )


async def test_forced_tool_call(llama: OpenAICompatibleProvider, llama_server: LlamaServer) -> None:
    model = llama(llama_server.tools_model)
    forced = call(
        "What is the weather?",
        40,
        tools=[WEATHER],
        tool_choice=SpecificToolChoice(tool_name="weather"),
    )

    result = await model.do_generate(forced)
    parts = await collect((await model.do_stream(forced)).stream)

    [tool_call] = result.content
    assert isinstance(tool_call, ToolCallContent)
    assert tool_call.tool_name == "weather"
    assert json.loads(tool_call.input)["city"] in ("Paris", "Rome", "Oslo")
    assert result.finish_reason == FinishReason(unified="tool-calls", raw="tool_calls")
    [streamed] = [p for p in parts if isinstance(p, ToolCallContent)]
    [start] = [p for p in parts if isinstance(p, ToolInputStart)]
    deltas = "".join(p.delta for p in parts if isinstance(p, ToolInputDelta))
    assert (start.id, start.tool_name) == (streamed.tool_call_id, "weather")
    assert deltas == streamed.input
    assert json.loads(streamed.input) == json.loads(tool_call.input)
    final = parts[-1]
    assert isinstance(final, Finish)
    assert final.finish_reason == FinishReason(unified="tool-calls", raw="tool_calls")


async def test_tool_round_trip(llama: OpenAICompatibleProvider, llama_server: LlamaServer) -> None:
    """Step 1 calls the tool; step 2 sends the call and its result back and gets an answer."""
    model = llama(llama_server.tools_model)
    question = UserMessage(content=[TextPart(text="What is the weather?")])
    first = await model.do_generate(
        call(
            "What is the weather?",
            40,
            tools=[WEATHER],
            tool_choice=SpecificToolChoice(tool_name="weather"),
        )
    )
    [tool_call] = first.content
    assert isinstance(tool_call, ToolCallContent)

    second = await model.do_generate(
        CallOptions(
            prompt=[
                question,
                AssistantMessage(
                    content=[
                        ToolCallPart(
                            tool_call_id=tool_call.tool_call_id,
                            tool_name="weather",
                            input=json.loads(tool_call.input),
                        )
                    ]
                ),
                ToolMessage(
                    content=[
                        ToolResultPart(
                            tool_call_id=tool_call.tool_call_id,
                            tool_name="weather",
                            output=JsonOutput(value={"forecast": "sunny"}),
                        )
                    ]
                ),
            ],
            tools=[WEATHER],
            max_output_tokens=8,
            temperature=0,
            seed=0,
        )
    )

    assert second.finish_reason.unified in ("stop", "length")
    assert all(isinstance(part, TextContent) for part in second.content)


async def test_structured_output_as_json_object_with_schema(
    llama: OpenAICompatibleProvider, llama_server: LlamaServer
) -> None:
    result = await llama(llama_server.chat_model).do_generate(
        call("Describe a person.", 60, response_format=JsonResponseFormat(schema=PERSON))
    )

    [text] = result.content
    assert isinstance(text, TextContent)
    value = json.loads(text.text)
    assert set(value) == {"name", "mood"}
    assert value["mood"] in ("happy", "sad")
    assert len(value["name"]) <= 8
    assert result.warnings == []
    assert result.finish_reason.unified == "stop"


async def test_json_schema_response_format_fails_on_this_server(
    llama_server: LlamaServer,
) -> None:
    """Why llama.cpp needs ``json_object_schema=True``: its ``json_schema`` form is an error."""
    provider = create_openai_compatible(
        name="llama",
        base_url=llama_server.base_url,
        api_key=llama_server.api_key,
        supports_structured_outputs=True,
    )
    async with provider:
        with pytest.raises(APICallError) as caught:
            await provider(llama_server.chat_model).do_generate(
                call(response_format=JsonResponseFormat(schema=PERSON))
            )
    assert caught.value.status_code == 500
    assert "json_object" in caught.value.message


async def test_completion(llama: OpenAICompatibleProvider, llama_server: LlamaServer) -> None:
    model = llama.completion_model(llama_server.chat_model)

    result = await model.do_generate(call(max_tokens=6))
    parts = await collect((await model.do_stream(call(max_tokens=6))).stream)

    [text] = result.content
    assert isinstance(text, TextContent)
    assert "".join(p.delta for p in parts if isinstance(p, TextDelta)) == text.text
    assert result.finish_reason.unified in ("length", "stop")
    final = parts[-1]
    assert isinstance(final, Finish)
    assert final.finish_reason == result.finish_reason


async def test_embed_several_values(
    llama: OpenAICompatibleProvider, llama_server: LlamaServer
) -> None:
    values = ["sunny day", "rainy night", "sunny day"]

    result = await llama.embedding_model(llama_server.embedding_model).do_embed(
        EmbeddingCallOptions(values=values)
    )

    assert [len(vector) for vector in result.embeddings] == [64, 64, 64]
    # Same text, same vector (up to float noise from batching); different text, different vector.
    assert result.embeddings[0] == pytest.approx(result.embeddings[2], abs=1e-4)
    assert result.embeddings[0] != pytest.approx(result.embeddings[1], abs=1e-2)
    assert result.usage is not None
    assert result.usage.tokens > 0


async def test_wrong_api_key(llama_server: LlamaServer) -> None:
    provider = create_openai_compatible(
        name="llama", base_url=llama_server.base_url, api_key="wrong-key"
    )
    async with provider:
        with pytest.raises(APICallError) as caught:
            await provider(llama_server.chat_model).do_generate(call())

    error = caught.value
    assert (error.status_code, error.message, error.is_retryable) == (401, "Invalid API key", False)
    assert error.data == {"detail": "Invalid API key"}
    assert error.response_body == '{"detail":"Invalid API key"}'


async def test_context_overflow(llama: OpenAICompatibleProvider, llama_server: LlamaServer) -> None:
    with pytest.raises(APICallError) as caught:
        await llama(llama_server.chat_model).do_generate(call("hello world " * 400))

    error = caught.value
    assert error.status_code == 400
    assert error.is_retryable is False
    assert "maximum context length is 512 tokens" in error.message
    assert isinstance(error.data, OpenAICompatibleErrorData)
    assert (error.data.error.type, error.data.error.code) == (
        "invalid_request_error",
        "context_length_exceeded",
    )
