"""Small builders the OpenAI-compatible tests share: prompts, call options, server replies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ai_sdk.provider import CallOptions, Message, StreamPart, StreamResult, TextPart, UserMessage

CHAT = "/v1/chat/completions"
COMPLETIONS = "/v1/completions"
EMBEDDINGS = "/v1/embeddings"
IMAGES = "/v1/images/generations"
FIXTURES = Path(__file__).parent / "fixtures"


def user(text: str = "Hello") -> list[Message]:
    """A one-message prompt."""
    return [UserMessage(content=[TextPart(text=text)])]


def options(prompt: str | list[Message] = "Hello", **settings: Any) -> CallOptions:
    """Call options with a user prompt (text or messages)."""
    messages = user(prompt) if isinstance(prompt, str) else prompt
    return CallOptions(prompt=messages, **settings)


def chat_completion(
    message: dict[str, Any] | None = None,
    *,
    finish_reason: str | None = "stop",
    usage: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A ``/chat/completions`` response body."""
    body: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": message if message is not None else {"role": "assistant", "content": ""},
                "finish_reason": finish_reason,
            }
        ],
    }
    if usage is not None:
        body["usage"] = usage
    body.update(extra)
    return body


def chunk(
    delta: dict[str, Any] | None = None,
    *,
    finish_reason: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One ``chat.completion.chunk``."""
    body: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": "test-model",
        "choices": [{"index": 0, "delta": delta or {}, "finish_reason": finish_reason}],
    }
    body.update(extra)
    return body


def tool_delta(
    index: int | None = 0,
    *,
    id: str | None = None,
    name: str | None = None,
    arguments: str | None = None,
) -> dict[str, Any]:
    """A chunk whose delta carries one ``tool_calls`` entry (absent fields left out)."""
    call: dict[str, Any] = {}
    if index is not None:
        call["index"] = index
    if id is not None:
        call["id"] = id
        call["type"] = "function"
    function: dict[str, Any] = {}
    if name is not None:
        function["name"] = name
    if arguments is not None:
        function["arguments"] = arguments
    call["function"] = function
    return chunk({"tool_calls": [call]})


async def collect(result: StreamResult) -> list[StreamPart]:
    """Every part of a stream."""
    return [part async for part in result.stream]
