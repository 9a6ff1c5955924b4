"""The completion model: prompt rendering, request body, generate and stream."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from ai_sdk.provider import (
    AssistantMessage,
    ErrorPart,
    FileDataUrl,
    FilePart,
    Finish,
    FinishReason,
    FunctionTool,
    InputTokens,
    InvalidPromptError,
    InvalidResponseDataError,
    JsonResponseFormat,
    Message,
    OutputTokens,
    RequiredToolChoice,
    ResponseMetadata,
    StreamStart,
    SystemMessage,
    TextContent,
    TextDelta,
    TextEnd,
    TextOutput,
    TextPart,
    TextStart,
    ToolCallPart,
    ToolMessage,
    ToolResultPart,
    UnsupportedFunctionalityError,
    UnsupportedWarning,
    Usage,
    UserMessage,
)
from ai_sdk_openai_compatible import OpenAICompatibleProvider
from tests.openai_compatible._helpers import COMPLETIONS, collect, options
from tests.openai_compatible.conftest import ProviderFactory
from tests.servers import LoopbackServer, json_reply, sse_reply

CREATED = 1_700_000_000
METADATA = ResponseMetadata(
    id="cmpl-1", model_id="test-model", timestamp=datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
)


def completion(text: str, finish_reason: str | None = "stop", **extra: Any) -> dict[str, Any]:
    return {
        "id": "cmpl-1",
        "object": "text_completion",
        "created": CREATED,
        "model": "test-model",
        "choices": [{"index": 0, "text": text, "finish_reason": finish_reason}],
        **extra,
    }


async def test_prompt_and_body(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    server.route(COMPLETIONS, json_reply(completion(" fine")))
    prompt: list[Message] = [
        SystemMessage(content="Be kind."),
        UserMessage(
            content=[
                TextPart(text="How "),
                FilePart(data=FileDataUrl(url="https://x/a.png"), media_type="image/png"),
                TextPart(text="are you?"),
            ]
        ),
        AssistantMessage(content=[TextPart(text="Good.")]),
        UserMessage(content=[TextPart(text="Sure?")]),
    ]

    result = await provider.completion_model("test-model").do_generate(
        options(
            prompt,
            max_output_tokens=20,
            temperature=0,
            top_p=0.5,
            frequency_penalty=0.1,
            presence_penalty=0.2,
            seed=1,
            stop_sequences=["###"],
            provider_options={
                "testProvider": {
                    "echo": True,
                    "logitBias": {"50256": -100},
                    "suffix": "!",
                    "user": "u",
                    "best_of": 2,
                }
            },
        )
    )

    assert server.requests[-1].json() == {
        "model": "test-model",
        "echo": True,
        "logit_bias": {"50256": -100},
        "suffix": "!",
        "user": "u",
        "max_tokens": 20,
        "temperature": 0,
        "top_p": 0.5,
        "frequency_penalty": 0.1,
        "presence_penalty": 0.2,
        "seed": 1,
        "best_of": 2,
        "prompt": (
            "Be kind.\n\nuser:\nHow are you?\n\nassistant:\nGood.\n\nuser:\nSure?\n\nassistant:\n"
        ),
        "stop": ["\nuser:", "###"],
    }
    assert result.content == [TextContent(text=" fine")]
    assert result.warnings == []


async def test_unsupported_settings_warn(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(COMPLETIONS, json_reply(completion("x")))

    result = await provider.completion_model("test-model").do_generate(
        options(
            top_k=5,
            tools=[FunctionTool(name="f", input_schema={"type": "object"})],
            tool_choice=RequiredToolChoice(),
            response_format=JsonResponseFormat(),
            reasoning="high",
        )
    )

    assert result.warnings == [
        UnsupportedWarning(feature="topK"),
        UnsupportedWarning(feature="tools"),
        UnsupportedWarning(feature="toolChoice"),
        UnsupportedWarning(
            feature="responseFormat", details="JSON response format is not supported."
        ),
        UnsupportedWarning(feature="reasoning"),
    ]
    assert server.requests[-1].json() == {
        "model": "test-model",
        "prompt": "user:\nHello\n\nassistant:\n",
        "stop": ["\nuser:"],
    }


@pytest.mark.parametrize(
    ("prompt", "error", "message"),
    [
        (
            [UserMessage(content=[TextPart(text="a")]), SystemMessage(content="late")],
            InvalidPromptError,
            "Unexpected system message in prompt: late",
        ),
        (
            [AssistantMessage(content=[ToolCallPart(tool_call_id="c", tool_name="f", input={})])],
            UnsupportedFunctionalityError,
            "tool-call messages",
        ),
        (
            [
                ToolMessage(
                    content=[
                        ToolResultPart(
                            tool_call_id="c", tool_name="f", output=TextOutput(value="x")
                        )
                    ]
                )
            ],
            UnsupportedFunctionalityError,
            "tool messages",
        ),
    ],
)
async def test_prompt_errors(
    server: LoopbackServer,
    provider: OpenAICompatibleProvider,
    prompt: list[Message],
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        await provider.completion_model("test-model").do_generate(options(prompt))
    assert server.requests == []


async def test_generate_result(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    usage = {"prompt_tokens": 4, "completion_tokens": 2}  # no total_tokens: still fine
    server.route(COMPLETIONS, json_reply(completion("Hi", "length", usage=usage)))

    result = await provider.completion_model("test-model").do_generate(options())

    assert (result.content, result.finish_reason, result.usage) == (
        [TextContent(text="Hi")],
        FinishReason(unified="length", raw="length"),
        Usage(
            input_tokens=InputTokens(total=4, no_cache=4),
            output_tokens=OutputTokens(total=2, text=2),
            raw=usage,
        ),
    )
    assert result.response is not None
    assert (result.response.id, result.response.model_id, result.response.timestamp) == (
        METADATA.id,
        METADATA.model_id,
        METADATA.timestamp,
    )
    assert result.provider_metadata is None


async def test_stream(server: LoopbackServer, make_provider: ProviderFactory) -> None:
    usage = {"prompt_tokens": 4, "completion_tokens": 2, "total_tokens": 6}
    server.route(
        COMPLETIONS,
        sse_reply(
            [
                completion("Hel", None),
                completion("", None),
                completion("lo", "stop"),
                {**completion("", None), "choices": [], "usage": usage},
            ]
        ),
    )
    provider = make_provider(include_usage=True)

    parts = await collect(await provider.completion_model("test-model").do_stream(options()))

    assert parts == [
        StreamStart(warnings=[]),
        METADATA,
        TextStart(id="0"),
        TextDelta(id="0", delta="Hel"),
        TextDelta(id="0", delta="lo"),
        TextEnd(id="0"),
        Finish(
            finish_reason=FinishReason(unified="stop", raw="stop"),
            usage=Usage(
                input_tokens=InputTokens(total=4, no_cache=4),
                output_tokens=OutputTokens(total=2, text=2),
                raw=usage,
            ),
        ),
    ]
    assert server.requests[-1].json() == {
        "model": "test-model",
        "prompt": "user:\nHello\n\nassistant:\n",
        "stop": ["\nuser:"],
        "stream": True,
        "stream_options": {"include_usage": True},
    }


async def test_stream_errors(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    server.route(
        COMPLETIONS,
        sse_reply(
            [completion("a", None), "not json", {"error": {"message": "oops"}}, [1]], done=False
        ),
    )

    parts = await collect(await provider.completion_model("test-model").do_stream(options()))

    error_values = [part.error for part in parts if isinstance(part, ErrorPart)]
    assert [type(error).__name__ for error in error_values] == [
        "JSONParseError",
        "dict",
        "InvalidResponseDataError",
        "InvalidResponseDataError",
    ]
    assert error_values[1] == {"message": "oops"}
    last = error_values[3]
    assert isinstance(last, InvalidResponseDataError)
    assert last.message == "Response stream ended without a finish reason."
    assert parts[-3:] == [
        TextEnd(id="0"),
        ErrorPart(error=last),
        Finish(finish_reason=FinishReason(unified="error"), usage=Usage()),
    ]


async def test_stream_disconnect(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(
        COMPLETIONS,
        sse_reply([completion("a", None), completion("b", "stop")], disconnect_after=1),
    )

    parts = await collect(await provider.completion_model("test-model").do_stream(options()))

    assert [part.type for part in parts] == [
        "stream-start",
        "response-metadata",
        "text-start",
        "text-delta",
        "text-end",
        "error",
        "finish",
    ]
    assert parts[-1] == Finish(finish_reason=FinishReason(unified="error"), usage=Usage())


@pytest.mark.parametrize(
    ("user_stops", "sent"),
    [
        ([], ["\nuser:"]),
        (["a", "b", "c"], ["\nuser:", "a", "b", "c"]),
        # OpenAI accepts at most 4: upstream would send 5 here; the user's own win.
        (["a", "b", "c", "d"], ["a", "b", "c", "d"]),
        (["a", "b", "c", "d", "e"], ["a", "b", "c", "d", "e"]),  # the user's choice, as given
    ],
)
async def test_stop_sequences_never_exceed_openais_limit_by_our_doing(
    server: LoopbackServer,
    provider: OpenAICompatibleProvider,
    user_stops: list[str],
    sent: list[str],
) -> None:
    server.route(COMPLETIONS, json_reply(completion("x")))

    await provider.completion_model("test-model").do_generate(options(stop_sequences=user_stops))

    assert server.requests[-1].json() == {
        "model": "test-model",
        "prompt": "user:\nHello\n\nassistant:\n",
        "stop": sent,
    }
