"""Invalid arguments are rejected before anything is sent: the server must see no request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk import (
    Output,
    TimeoutConfig,
    embed_many,
    embed_many_sync,
    generate_text,
    generate_text_sync,
    stream_text,
    stream_text_sync,
    tool,
)
from ai_sdk.provider import AISDKError, InvalidArgumentError, InvalidPromptError
from tests.reliability.conftest import ProviderFactory
from tests.servers import LoopbackServer

USER = {"role": "user", "content": "hi"}
CALL = {
    "role": "assistant",
    "content": [
        {"type": "tool-call", "tool_call_id": "call_1", "tool_name": "weather", "input": {}}
    ],
}


def result_for(call_id: str) -> dict[str, Any]:
    return {
        "role": "tool",
        "content": [
            {
                "type": "tool-result",
                "tool_call_id": call_id,
                "tool_name": "weather",
                "output": {"type": "text", "value": "sunny"},
            }
        ],
    }


class City(BaseModel):
    city: str


# Arguments of generate_text/stream_text (besides model) -> the error expected.
TEXT_CASES: dict[str, tuple[dict[str, Any], type[AISDKError], str]] = {
    "no prompt": ({}, InvalidPromptError, "prompt or messages must be defined"),
    "empty messages": ({"messages": []}, InvalidPromptError, "must not be empty"),
    "empty prompt list": ({"prompt": []}, InvalidPromptError, "must not be empty"),
    "prompt and messages": (
        {"prompt": "hi", "messages": [USER]},
        InvalidPromptError,
        "cannot be defined at the same time",
    ),
    "system message in messages": (
        {"messages": [{"role": "system", "content": "be nice"}, USER]},
        InvalidPromptError,
        "index 0 is a system message",
    ),
    "unknown role": ({"messages": [{"role": "robot", "content": "x"}]}, InvalidPromptError, "role"),
    "malformed message": ({"messages": [{"role": "user"}]}, InvalidPromptError, "index 0"),
    "messages as a string": ({"messages": "hi"}, InvalidPromptError, "list of messages"),
    "tool result without a call": (
        {"messages": [USER, result_for("call_404")]},
        InvalidPromptError,
        "call_404",
    ),
    "tool result for another call": (
        {"messages": [USER, CALL, result_for("call_1"), USER, result_for("call_2")]},
        InvalidPromptError,
        "call_2",
    ),
    "tool call without a result": (
        {"messages": [USER, CALL, USER]},
        AISDKError,  # MissingToolResultsError
        "call_1",
    ),
    "instructions and system": (
        {"prompt": "hi", "instructions": "a", "system": "b"},
        InvalidArgumentError,
        "not both",
    ),
    "negative max_output_tokens": (
        {"prompt": "hi", "max_output_tokens": -1},
        InvalidArgumentError,
        "max_output_tokens",
    ),
    "zero max_output_tokens": (
        {"prompt": "hi", "max_output_tokens": 0},
        InvalidArgumentError,
        "max_output_tokens",
    ),
    "fractional max_output_tokens": (
        {"prompt": "hi", "max_output_tokens": 1.5},
        InvalidArgumentError,
        "max_output_tokens",
    ),
    "temperature as text": (
        {"prompt": "hi", "temperature": "hot"},
        InvalidArgumentError,
        "temperature",
    ),
    "NaN top_p": ({"prompt": "hi", "top_p": float("nan")}, InvalidArgumentError, "top_p"),
    "fractional seed": ({"prompt": "hi", "seed": 1.5}, InvalidArgumentError, "seed"),
    "stop_sequences as a string": (
        {"prompt": "hi", "stop_sequences": "STOP"},
        InvalidArgumentError,
        "stop_sequences",
    ),
    "unknown reasoning": (
        {"prompt": "hi", "reasoning": "maximal"},
        InvalidArgumentError,
        "reasoning",
    ),
    "negative max_retries": ({"prompt": "hi", "max_retries": -1}, InvalidArgumentError, "retries"),
    "fractional max_retries": (
        {"prompt": "hi", "max_retries": 1.5},
        InvalidArgumentError,
        "max_retries",
    ),
    "negative timeout": ({"prompt": "hi", "timeout": -1}, InvalidArgumentError, "timeout"),
    "zero chunk timeout": (
        {"prompt": "hi", "timeout": TimeoutConfig(chunk=0)},
        InvalidArgumentError,
        "timeout.chunk",
    ),
    "timeout as text": ({"prompt": "hi", "timeout": "10s"}, InvalidArgumentError, "timeout"),
    "unknown include": (
        {"prompt": "hi", "include": {"everything": True}},
        InvalidArgumentError,
        "include",
    ),
    "unnamed tool in a list": (
        {"prompt": "hi", "tools": [tool(description="x", input_schema=City)]},
        InvalidArgumentError,
        "names",
    ),
}

TEXT_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "generate_text": generate_text,
    "stream_text": stream_text,
    "generate_text_sync": generate_text_sync,
    "stream_text_sync": stream_text_sync,
}


async def call(function: Callable[..., Any], **kwargs: Any) -> object:
    """Call ``function``; for a stream, also read it (checks that need the converted prompt,
    such as missing tool results, are reported by the stream, still before any request)."""
    outcome = function(**kwargs)
    if hasattr(outcome, "__await__"):
        outcome = await outcome
    text = getattr(outcome, "text", None)
    if text is not None:
        return await text if hasattr(text, "__await__") else text
    return outcome


def assert_untouched(server: LoopbackServer) -> None:
    assert server.requests == []
    assert server.connections_opened == 0


@pytest.mark.parametrize("function", TEXT_FUNCTIONS)
@pytest.mark.parametrize("case", TEXT_CASES)
async def test_invalid_text_arguments_fail_before_any_request(
    case: str, function: str, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    arguments, error_type, fragment = TEXT_CASES[case]
    model = make_provider()("test-model")
    with pytest.raises(error_type, match=fragment.replace("(", r"\(")) as caught:
        await call(TEXT_FUNCTIONS[function], model=model, **arguments)
    if error_type is InvalidPromptError:
        assert str(caught.value).startswith("Invalid prompt: ")
    assert_untouched(server)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Output.object(schema=42),
        lambda: Output.object(schema={"type": "object"}),
        lambda: Output.array(element=3.5),
        lambda: Output.choice(options=[]),
        lambda: Output.choice(options="abc"),
        lambda: tool(description="x", input_schema=42, execute=lambda value: value),
        lambda: tool(description="x", input_schema={"type": "object"}),
    ],
    ids=[
        "object schema 42",
        "object schema raw dict",
        "array element 3.5",
        "choice without options",
        "choice options as a string",
        "tool schema 42",
        "tool schema raw dict",
    ],
)
async def test_a_wrong_schema_type_is_an_invalid_argument(
    make: Callable[[], object], server: LoopbackServer
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        make()
    assert caught.value.parameter in {"schema", "element", "options", "input_schema"}
    assert_untouched(server)


EMBED_CASES: dict[str, tuple[dict[str, Any], str]] = {
    "values as a string": ({"values": "hello"}, "values"),
    "a value that is not text": ({"values": ["a", None]}, "values"),
    "zero max_parallel_calls": ({"values": ["a"], "max_parallel_calls": 0}, "max_parallel_calls"),
    "negative max_retries": ({"values": ["a"], "max_retries": -1}, "max_retries"),
    "fractional max_retries": ({"values": ["a"], "max_retries": 0.5}, "max_retries"),
}


@pytest.mark.parametrize("function", [embed_many, embed_many_sync], ids=lambda f: f.__name__)
@pytest.mark.parametrize("case", EMBED_CASES)
async def test_invalid_embed_many_arguments_fail_before_any_request(
    case: str,
    function: Callable[..., Any],
    server: LoopbackServer,
    make_provider: ProviderFactory,
) -> None:
    arguments, parameter = EMBED_CASES[case]
    model = make_provider().embedding_model("embedder")
    with pytest.raises(InvalidArgumentError) as caught:
        await call(function, model=model, **arguments)
    assert caught.value.parameter == parameter
    assert_untouched(server)
