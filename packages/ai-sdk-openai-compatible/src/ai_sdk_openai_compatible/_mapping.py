"""Finish reasons, token usage and response metadata, read leniently from what servers send.

Servers differ in small ways (floats for counts, missing detail objects, negative counts, null
ids); everything here tolerates that, keeps the server's own values (`FinishReason.raw`,
`Usage.raw`) and reports unknown counts as ``None``, never as a made-up zero.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from ai_sdk.provider import (
    FinishReason,
    InputTokens,
    JSONObject,
    OutputTokens,
    UnifiedFinishReason,
    Usage,
)
from ai_sdk.provider_utils import JSONValue, ParseFailure, ParseResult, Schema

__all__ = [
    "CHOICES_RESPONSE",
    "NO_USAGE",
    "as_list",
    "as_object",
    "convert_chat_usage",
    "convert_completion_usage",
    "count",
    "finish_reason",
    "raw_chunk",
    "response_fields",
]

NO_USAGE = Usage()
"""Usage when the server reported none: every count unknown."""


def _check_choices(value: JSONValue) -> JSONValue:
    if not isinstance(value, dict) or not isinstance(value.get("choices"), list):
        raise ValueError(f"expected a JSON object with a 'choices' list, got {value!r:.200}")
    return value


CHOICES_RESPONSE: Schema[JSONValue] = Schema(
    {"type": "object", "properties": {"choices": {"type": "array"}}, "required": ["choices"]},
    validate=_check_choices,
)
"""The one shape a complete chat or text completion must have; everything inside it is read
leniently, but a body without a ``choices`` list (``{}``, ``[]``, an error object sent with status
200) is an "Invalid JSON response" error rather than an empty answer."""

_UNIFIED: dict[str, UnifiedFinishReason] = {
    "stop": "stop",
    "length": "length",
    "content_filter": "content-filter",
    "tool_calls": "tool-calls",
    "function_call": "tool-calls",
}


def as_object(value: object) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty dict (servers omit or null fields)."""
    return cast("dict[str, Any]", value) if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    """``value`` if it is a JSON array, else an empty list."""
    return cast("list[Any]", value) if isinstance(value, list) else []


def finish_reason(raw: object) -> FinishReason:
    """The unified finish reason for the server's value, which is kept as ``raw``."""
    if not isinstance(raw, str):
        return FinishReason(unified="other", raw=None)
    return FinishReason(unified=_UNIFIED.get(raw, "other"), raw=raw)


def count(value: object) -> int | None:
    """A token count: ints as they are, whole floats as ints, negatives clamped to 0."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = int(value)
    return number if number > 0 else 0


def _detail(usage: dict[str, Any], key: str, field: str) -> int | None:
    details = usage.get(key)
    if isinstance(details, dict):
        return count(cast("dict[str, Any]", details).get(field))
    return None


def convert_chat_usage(usage: JSONObject | None) -> Usage:
    """Chat usage: cached prompt tokens and reasoning tokens split out where reported.

    ``outputTokens.text`` is the completion total minus reasoning, floored at 0, because some
    servers (xAI) report ``completion_tokens`` without the reasoning tokens.
    """
    if not isinstance(usage, dict):
        return NO_USAGE
    prompt = count(usage.get("prompt_tokens"))
    completion = count(usage.get("completion_tokens"))
    cached = _detail(usage, "prompt_tokens_details", "cached_tokens")
    reasoning = _detail(usage, "completion_tokens_details", "reasoning_tokens")
    return Usage(
        input_tokens=InputTokens(
            total=prompt,
            no_cache=None if prompt is None else max(0, prompt - (cached or 0)),
            cache_read=cached,
        ),
        output_tokens=OutputTokens(
            total=completion,
            text=None if completion is None else max(0, completion - (reasoning or 0)),
            reasoning=reasoning,
        ),
        raw=usage,
    )


def convert_completion_usage(usage: JSONObject | None) -> Usage:
    """Completion usage: prompt and completion totals only."""
    if not isinstance(usage, dict):
        return NO_USAGE
    prompt = count(usage.get("prompt_tokens"))
    completion = count(usage.get("completion_tokens"))
    return Usage(
        input_tokens=InputTokens(total=prompt, no_cache=prompt),
        output_tokens=OutputTokens(total=completion, text=completion),
        raw=usage,
    )


def response_fields(body: dict[str, Any]) -> dict[str, Any]:
    """``id``, ``model_id`` and ``timestamp`` (from ``created``, Unix seconds) of a response."""
    response_id = body.get("id")
    model = body.get("model")
    created = body.get("created")
    timestamp: datetime | None = None
    if isinstance(created, int | float) and not isinstance(created, bool):
        try:
            timestamp = datetime.fromtimestamp(created, UTC)
        except (OverflowError, OSError, ValueError):
            timestamp = None
    return {
        "id": response_id if isinstance(response_id, str) and response_id else None,
        "model_id": model if isinstance(model, str) and model else None,
        "timestamp": timestamp,
    }


def raw_chunk(event: ParseResult[JSONValue]) -> object:
    """What a `Raw` part carries for an SSE event: the decoded JSON, or the text if it was not
    JSON."""
    if isinstance(event, ParseFailure) and event.raw_value is None:
        return getattr(event.error, "text", None)
    return event.raw_value
