"""The gateway language model against the loopback server: exact requests, parsed results."""

from __future__ import annotations

import asyncio
import base64
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from ai_sdk.provider import (
    AssistantMessage,
    AutoToolChoice,
    CallOptions,
    ContentOutput,
    ContentOutputFile,
    CustomContent,
    DocumentSource,
    ErrorPart,
    FileContent,
    FileDataBytes,
    FileDataUrl,
    FilePart,
    Finish,
    FinishReason,
    FunctionTool,
    GenerateResult,
    InputTokens,
    JSONParseError,
    OtherWarning,
    OutputTokens,
    Raw,
    ReasoningContent,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningFileContent,
    ReasoningFilePart,
    ReasoningStart,
    RequestInfo,
    ResponseInfo,
    ResponseMetadata,
    StreamPart,
    StreamResponseInfo,
    StreamStart,
    SystemMessage,
    TextContent,
    TextDelta,
    TextEnd,
    TextPart,
    TextStart,
    ToolApprovalRequestContent,
    ToolCallContent,
    ToolInputDelta,
    ToolInputEnd,
    ToolInputStart,
    ToolMessage,
    ToolResultContent,
    ToolResultPart,
    TypeValidationError,
    UrlSource,
    Usage,
    UserMessage,
    to_wire,
)
from ai_sdk_gateway import (
    GatewayInvalidRequestError,
    GatewayProvider,
    GatewayResponseError,
    GatewayTimeoutError,
    create_gateway,
    gateway_options,
)
from tests.gateway.conftest import common_headers, sent_headers
from tests.servers import Delay, LoopbackServer, Reply, json_reply, sse_reply

PATH = "/v4/ai/language-model"
PNG = b"\x89PNG\r\n\x1a\n\x00\x01"
PNG_B64 = base64.b64encode(PNG).decode()
GEN = {"gateway": {"generationId": "gen_01ABC"}}

USAGE_WIRE = {
    "inputTokens": {"total": 9, "noCache": 9, "cacheRead": 0, "cacheWrite": 0},
    "outputTokens": {"total": 11, "text": 11, "reasoning": 0},
}
USAGE = Usage(
    input_tokens=InputTokens(total=9, no_cache=9, cache_read=0, cache_write=0),
    output_tokens=OutputTokens(total=11, text=11, reasoning=0),
)


def rich_options() -> CallOptions:
    """Call options exercising every kind of field the gateway forwards."""
    return CallOptions(
        prompt=[
            SystemMessage(content="Be brief."),
            UserMessage(
                content=[
                    TextPart(text="Describe"),
                    FilePart(media_type="image/png", data=FileDataBytes(data=PNG)),
                    FilePart(media_type="image/jpeg", data=FileDataUrl(url="https://x.test/a.jpg")),
                ]
            ),
            AssistantMessage(
                content=[
                    ReasoningFilePart(media_type="image/png", data=FileDataBytes(data=PNG)),
                ]
            ),
            ToolMessage(
                content=[
                    ToolResultPart(
                        tool_call_id="call_1",
                        tool_name="render",
                        output=ContentOutput(
                            value=[
                                ContentOutputFile(
                                    media_type="image/png", data=FileDataBytes(data=PNG)
                                )
                            ]
                        ),
                    )
                ]
            ),
        ],
        max_output_tokens=256,
        temperature=0.2,
        seed=0,
        reasoning="low",
        tools=[
            FunctionTool(name="weather", input_schema={"type": "object", "properties": {}}),
        ],
        tool_choice=AutoToolChoice(),
        headers={"Custom-Header": "custom", "X-Dropped": None},
        provider_options={
            "gateway": gateway_options(order=["vertex", "anthropic"], user="u1", tags=["chat"]),
            "anthropic": {"thinking": {"type": "enabled", "budgetTokens": 1024}},
        },
    )


RICH_BODY: dict[str, Any] = {
    "prompt": [
        {"role": "system", "content": "Be brief."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Describe"},
                {
                    "type": "file",
                    "mediaType": "image/png",
                    "data": {"type": "data", "data": PNG_B64},
                },
                {
                    "type": "file",
                    "mediaType": "image/jpeg",
                    "data": {"type": "url", "url": "https://x.test/a.jpg"},
                },
            ],
        },
        {
            "role": "assistant",
            "content": [
                {
                    "type": "reasoning-file",
                    "mediaType": "image/png",
                    "data": {"type": "data", "data": PNG_B64},
                }
            ],
        },
        {
            "role": "tool",
            "content": [
                {
                    "type": "tool-result",
                    "toolCallId": "call_1",
                    "toolName": "render",
                    "output": {
                        "type": "content",
                        "value": [
                            {
                                "type": "file",
                                "mediaType": "image/png",
                                "data": {"type": "data", "data": PNG_B64},
                            }
                        ],
                    },
                }
            ],
        },
    ],
    "maxOutputTokens": 256,
    "temperature": 0.2,
    "seed": 0,
    "reasoning": "low",
    "tools": [
        {"type": "function", "name": "weather", "inputSchema": {"type": "object", "properties": {}}}
    ],
    "toolChoice": {"type": "auto"},
    "headers": {"Custom-Header": "custom"},
    "providerOptions": {
        "gateway": {"order": ["vertex", "anthropic"], "user": "u1", "tags": ["chat"]},
        "anthropic": {"thinking": {"type": "enabled", "budgetTokens": 1024}},
    },
}

GENERATE_RESPONSE: dict[str, Any] = {
    "content": [
        {"type": "text", "text": "A cat.", "providerMetadata": GEN},
        {
            "type": "tool-call",
            "toolCallId": "call_2",
            "toolName": "weather",
            "input": '{"city":"Paris"}',
        },
    ],
    "finishReason": {"unified": "tool-calls", "raw": "tool_use"},
    "usage": USAGE_WIRE,
    "providerMetadata": GEN,
    "response": {
        "id": "resp_1",
        "modelId": "anthropic/claude-sonnet-4.6",
        "timestamp": "2026-08-01T10:00:00.000Z",
    },
    "warnings": [{"type": "other", "message": "routing changed"}],
}


def model_headers(model_id: str, *, streaming: bool) -> dict[str, str]:
    return {
        "ai-language-model-specification-version": "4",
        "ai-language-model-id": model_id,
        "ai-language-model-streaming": "true" if streaming else "false",
    }


async def collect(stream: Any) -> list[StreamPart]:
    return [part async for part in stream]


# -- generate ---------------------------------------------------------------------------------


async def test_generate_sends_the_call_options_as_the_typescript_client_does(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, json_reply(GENERATE_RESPONSE))

    result = await provider("anthropic/claude-sonnet-4").do_generate(rich_options())

    [request] = server.requests
    assert (request.method, request.target) == ("POST", PATH)
    assert sent_headers(request) == {
        **common_headers(),
        "custom-header": "custom",
        **model_headers("anthropic/claude-sonnet-4", streaming=False),
    }
    assert request.json() == RICH_BODY
    assert result == GenerateResult(
        content=[
            TextContent(text="A cat.", provider_metadata=GEN),
            ToolCallContent(tool_call_id="call_2", tool_name="weather", input='{"city":"Paris"}'),
        ],
        finish_reason=FinishReason(unified="tool-calls", raw="tool_use"),
        usage=USAGE,
        provider_metadata=GEN,
        request=RequestInfo(body=RICH_BODY),
        # The server's id, model id and timestamp are not surfaced (as in the TS client).
        response=ResponseInfo(
            headers={
                "content-type": "application/json",
                "content-length": str(len(json.dumps(GENERATE_RESPONSE))),
            },
            body=GENERATE_RESPONSE,
        ),
        warnings=[OtherWarning(message="routing changed")],
    )


async def test_generate_minimal_body_is_just_the_prompt(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, json_reply(GENERATE_RESPONSE))

    await provider.language_model("openai/gpt-5").do_generate(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )

    [request] = server.requests
    assert request.json() == {
        "prompt": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]
    }
    assert sent_headers(request) == {
        **common_headers(),
        **model_headers("openai/gpt-5", streaming=False),
    }


async def test_call_headers_override_and_remove_provider_headers(
    server: LoopbackServer, base_url: str
) -> None:
    server.route(PATH, json_reply(GENERATE_RESPONSE))
    async with create_gateway(
        api_key="k", base_url=base_url, headers={"X-Team-Tag": "a", "X-Remove": "r"}
    ) as gw:
        await gw("openai/gpt-5").do_generate(
            CallOptions(
                prompt=[UserMessage(content=[TextPart(text="Hi")])],
                headers={"x-team-tag": "b", "x-remove": None},
            )
        )

    headers = sent_headers(server.requests[0])
    assert headers["x-team-tag"] == "b"
    assert "x-remove" not in headers
    assert server.requests[0].json()["headers"] == {"x-team-tag": "b"}


async def test_generate_accepts_spec_v2_flat_usage_and_string_finish_reason(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    flat = {
        "inputTokens": 10,
        "outputTokens": 7,
        "totalTokens": 17,
        "reasoningTokens": 2,
        "cachedInputTokens": 4,
    }
    server.route(
        PATH,
        json_reply(
            {"content": [{"type": "text", "text": "x"}], "finishReason": "unknown", "usage": flat}
        ),
    )

    result = await provider("openai/gpt-5").do_generate(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )

    assert (result.finish_reason, result.usage) == (
        FinishReason(unified="other", raw="unknown"),
        Usage(
            input_tokens=InputTokens(total=10, no_cache=6, cache_read=4),
            output_tokens=OutputTokens(total=7, text=5, reasoning=2),
            raw=flat,
        ),
    )


async def test_generate_result_that_is_not_spec_v4_is_a_response_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, json_reply({"content": [{"type": "text"}], "usage": {}}))

    with pytest.raises(GatewayResponseError) as caught:
        await provider("openai/gpt-5").do_generate(
            CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
        )

    error = caught.value
    assert (error.status_code, error.is_retryable) == (200, False)
    assert isinstance(error.validation_error, TypeValidationError)
    assert error.response == {"content": [{"type": "text"}], "usage": {}}
    assert "content.0.text" in error.message


ALL_CONTENT_WIRE: list[dict[str, Any]] = [
    {"type": "reasoning", "text": "Let me think", "providerMetadata": GEN},
    {"type": "text", "text": "A cat."},
    {"type": "custom", "kind": "openai.compaction"},
    {"type": "file", "mediaType": "image/png", "data": {"type": "data", "data": PNG_B64}},
    {"type": "reasoning-file", "mediaType": "image/png", "data": {"type": "url", "url": "https://x"}},
    {"type": "tool-approval-request", "approvalId": "ap_1", "toolCallId": "call_1"},
    {"type": "source", "sourceType": "url", "id": "s1", "url": "https://example.com"},
    {
        "type": "source",
        "sourceType": "document",
        "id": "s2",
        "mediaType": "application/pdf",
        "title": "Paper",
        "filename": "paper.pdf",
    },
    {"type": "tool-call", "toolCallId": "ws_1", "toolName": "web_search", "input": "{}",
     "providerExecuted": True},
    {"type": "tool-result", "toolCallId": "ws_1", "toolName": "web_search",
     "result": [{"url": "u", "title": None}], "isError": False},
]  # fmt: skip


async def test_generate_parses_every_content_kind_and_dumps_it_back_byte_for_byte(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    reply = {"content": ALL_CONTENT_WIRE, "finishReason": "stop", "usage": USAGE_WIRE}
    server.route(PATH, json_reply(reply))

    result = await provider("openai/gpt-5").do_generate(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )

    assert result.content == [
        ReasoningContent(text="Let me think", provider_metadata=GEN),
        TextContent(text="A cat."),
        CustomContent(kind="openai.compaction"),
        FileContent(media_type="image/png", data=FileDataBytes(data=PNG_B64)),
        ReasoningFileContent(media_type="image/png", data=FileDataUrl(url="https://x")),
        ToolApprovalRequestContent(approval_id="ap_1", tool_call_id="call_1"),
        UrlSource(id="s1", url="https://example.com"),
        DocumentSource(id="s2", media_type="application/pdf", title="Paper", filename="paper.pdf"),
        ToolCallContent(
            tool_call_id="ws_1", tool_name="web_search", input="{}", provider_executed=True
        ),
        ToolResultContent(
            tool_call_id="ws_1",
            tool_name="web_search",
            result=[{"url": "u", "title": None}],
            is_error=False,
        ),
    ]
    assert [to_wire(item) for item in result.content] == ALL_CONTENT_WIRE
    assert json.dumps(to_wire(result)["content"]) == json.dumps(ALL_CONTENT_WIRE)


# -- stream -----------------------------------------------------------------------------------

STREAM_EVENTS: list[dict[str, Any]] = [
    {"type": "stream-start", "warnings": []},
    {"type": "raw", "rawValue": {"provider": "chunk", "n": 1}},
    {
        "type": "response-metadata",
        "id": "resp_2",
        "modelId": "anthropic/claude-sonnet-4.6",
        "timestamp": "2026-08-01T10:00:00.000Z",
    },
    {"type": "reasoning-start", "id": "r0", "providerMetadata": GEN},
    {"type": "reasoning-delta", "id": "r0", "delta": "Thinking"},
    {"type": "reasoning-end", "id": "r0"},
    {"type": "text-start", "id": "0", "providerMetadata": GEN},
    {"type": "text-delta", "id": "0", "delta": "Hello, "},
    {"type": "text-delta", "id": "0", "delta": "wörld"},
    {"type": "text-end", "id": "0"},
    {"type": "tool-input-start", "id": "call_3", "toolName": "weather"},
    {"type": "tool-input-delta", "id": "call_3", "delta": '{"city":'},
    {"type": "tool-input-delta", "id": "call_3", "delta": '"Paris"}'},
    {"type": "tool-input-end", "id": "call_3"},
    {
        "type": "tool-call",
        "toolCallId": "call_3",
        "toolName": "weather",
        "input": '{"city":"Paris"}',
    },
    {"type": "file", "mediaType": "image/png", "data": {"type": "data", "data": PNG_B64}},
    {
        "type": "source",
        "sourceType": "url",
        "id": "s1",
        "url": "https://example.com",
        "title": "Ex",
    },
    {"type": "error", "error": {"message": "upstream hiccup", "type": "overloaded"}},
    {
        "type": "finish",
        "finishReason": {"unified": "tool-calls", "raw": "tool_use"},
        "usage": USAGE_WIRE,
        "providerMetadata": GEN,
    },
]

EXPECTED_PARTS: list[StreamPart] = [
    StreamStart(warnings=[]),
    ResponseMetadata(
        id="resp_2",
        model_id="anthropic/claude-sonnet-4.6",
        timestamp=datetime(2026, 8, 1, 10, tzinfo=UTC),
    ),
    ReasoningStart(id="r0", provider_metadata=GEN),
    ReasoningDelta(id="r0", delta="Thinking"),
    ReasoningEnd(id="r0"),
    TextStart(id="0", provider_metadata=GEN),
    TextDelta(id="0", delta="Hello, "),
    TextDelta(id="0", delta="wörld"),
    TextEnd(id="0"),
    ToolInputStart(id="call_3", tool_name="weather"),
    ToolInputDelta(id="call_3", delta='{"city":'),
    ToolInputDelta(id="call_3", delta='"Paris"}'),
    ToolInputEnd(id="call_3"),
    ToolCallContent(tool_call_id="call_3", tool_name="weather", input='{"city":"Paris"}'),
    FileContent(media_type="image/png", data=FileDataBytes(data=PNG_B64)),
    UrlSource(id="s1", url="https://example.com", title="Ex"),
    ErrorPart(error={"message": "upstream hiccup", "type": "overloaded"}),
    Finish(
        finish_reason=FinishReason(unified="tool-calls", raw="tool_use"),
        usage=USAGE,
        provider_metadata=GEN,
    ),
]


async def test_stream_sends_the_same_body_with_the_streaming_header(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, sse_reply(STREAM_EVENTS))

    result = await provider("anthropic/claude-sonnet-4").do_stream(rich_options())
    parts = await collect(result.stream)

    [request] = server.requests
    assert request.json() == RICH_BODY
    assert sent_headers(request) == {
        **common_headers(),
        "custom-header": "custom",
        **model_headers("anthropic/claude-sonnet-4", streaming=True),
    }
    assert parts == EXPECTED_PARTS  # raw parts dropped: include_raw_chunks was not set
    assert result.request == RequestInfo(body=RICH_BODY)
    assert result.response == StreamResponseInfo(
        headers={
            "content-type": "text/event-stream",
            "cache-control": "no-cache",
            "transfer-encoding": "chunked",
        }
    )


async def test_stream_keeps_raw_chunks_when_asked(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, sse_reply(STREAM_EVENTS))

    result = await provider("openai/gpt-5").do_stream(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])], include_raw_chunks=True)
    )
    parts = await collect(result.stream)

    assert server.requests[0].json()["includeRawChunks"] is True
    assert parts == [
        EXPECTED_PARTS[0],
        Raw(raw_value={"provider": "chunk", "n": 1}),
        *EXPECTED_PARTS[1:],
    ]


async def test_streamed_parts_dump_back_to_the_exact_events_sent(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    # The wire both ways: camelCase keys, ISO timestamps, JSON null in `rawValue`/`error`, and
    # keys a newer gateway adds (ignored, so absent from the dump).
    extra_events: list[dict[str, Any]] = [
        {"type": "raw", "rawValue": None},
        {"type": "error", "error": None},
        {"type": "text-delta", "id": "0", "delta": "x", "logprobs": [1], "newField": {"a": 1}},
    ]
    server.route(PATH, sse_reply([*STREAM_EVENTS[:-1], *extra_events, STREAM_EVENTS[-1]]))

    result = await provider("openai/gpt-5").do_stream(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])], include_raw_chunks=True)
    )
    parts = await collect(result.stream)

    assert parts[-4:-1] == [
        Raw(raw_value=None),
        ErrorPart(error=None),
        TextDelta(id="0", delta="x"),
    ]
    assert [to_wire(part) for part in parts] == [
        *STREAM_EVENTS[:-1],
        {"type": "raw", "rawValue": None},
        {"type": "error", "error": None},
        {"type": "text-delta", "id": "0", "delta": "x"},
        STREAM_EVENTS[-1],
    ]


async def test_unusable_events_become_error_parts_and_the_stream_goes_on(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    finish = STREAM_EVENTS[-1]
    server.route(
        PATH,
        sse_reply(
            [
                {"type": "text-start", "id": "0"},
                "{not json",
                {"type": "text-delta", "id": "0"},
                {"type": "future-part", "x": 1},
                {"type": "text-delta", "id": "0", "delta": "ok"},
                finish,
            ]
        ),
    )

    result = await provider("openai/gpt-5").do_stream(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )
    parts = await collect(result.stream)

    assert [type(part) for part in parts] == [
        TextStart,
        ErrorPart,
        ErrorPart,
        ErrorPart,
        TextDelta,
        Finish,
    ]
    errors = [part.error for part in parts if isinstance(part, ErrorPart)]
    assert isinstance(errors[0], JSONParseError)
    assert isinstance(errors[1], TypeValidationError)
    assert errors[1].value == {"type": "text-delta", "id": "0"}
    assert isinstance(errors[2], TypeValidationError)


async def test_stream_cut_midway_raises_a_typed_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, sse_reply(STREAM_EVENTS, disconnect_after=8))

    result = await provider("openai/gpt-5").do_stream(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )
    received: list[StreamPart] = []
    with pytest.raises(GatewayResponseError) as caught:
        async for part in result.stream:
            received.append(part)

    assert received == EXPECTED_PARTS[:7]  # the 8 events sent, minus the raw one
    assert "Connection lost while reading the response" in caught.value.message
    assert caught.value.is_retryable is True


async def test_stream_cut_after_finish_is_not_an_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, sse_reply(STREAM_EVENTS, disconnect_after=len(STREAM_EVENTS)))

    result = await provider("openai/gpt-5").do_stream(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )

    assert await collect(result.stream) == EXPECTED_PARTS


async def test_stream_that_ends_without_finish_raises(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, sse_reply(STREAM_EVENTS[:9]))

    result = await provider("openai/gpt-5").do_stream(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )
    with pytest.raises(GatewayResponseError, match="ended before its finish part"):
        await collect(result.stream)


async def test_stalled_stream_raises_a_timeout_error_instead_of_hanging(
    server: LoopbackServer, base_url: str
) -> None:
    first = sse_reply(STREAM_EVENTS[:2], done=False)
    server.route(PATH, Reply(headers=first.headers, chunks=[*(first.chunks or []), Delay(5.0)]))

    async with create_gateway(api_key="k", base_url=base_url, timeout=0.3) as gw:
        result = await gw("openai/gpt-5").do_stream(
            CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
        )
        with pytest.raises(GatewayTimeoutError) as caught:
            await collect(result.stream)

    assert caught.value.status_code == 408
    assert "timeout=" in caught.value.message


async def test_closing_a_stream_early_releases_the_connection(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, sse_reply(STREAM_EVENTS, delay=0.05))

    result = await provider("openai/gpt-5").do_stream(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )
    stream = result.stream
    assert await anext(stream) == EXPECTED_PARTS[0]
    await stream.aclose()  # type: ignore[attr-defined]

    for _ in range(100):
        if server.open_connections == 0:
            break
        await asyncio.sleep(0.01)
    assert server.open_connections == 0


async def test_stream_start_errors_are_mapped_before_any_part(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        PATH,
        json_reply(
            {"error": {"message": "bad tools", "type": "invalid_request_error"}}, status=400
        ),
    )

    with pytest.raises(GatewayInvalidRequestError, match="bad tools"):
        await provider("openai/gpt-5").do_stream(
            CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
        )


async def test_server_error_part_then_clean_end_is_not_reported_twice(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    error_event = {"type": "error", "error": {"message": "provider failed"}}
    server.route(PATH, sse_reply([STREAM_EVENTS[6], error_event]))

    result = await provider("openai/gpt-5").do_stream(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )

    assert await collect(result.stream) == [
        TextStart(id="0", provider_metadata=GEN),
        ErrorPart(error={"message": "provider failed"}),
    ]


async def test_connection_lost_after_a_server_error_part_still_raises(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    error_event = {"type": "error", "error": {"message": "transient"}}
    server.route(PATH, sse_reply([error_event, *STREAM_EVENTS[6:9]], disconnect_after=3))

    result = await provider("openai/gpt-5").do_stream(
        CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
    )

    with pytest.raises(GatewayResponseError, match="Connection lost"):
        await collect(result.stream)
