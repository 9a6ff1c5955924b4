"""Builders for scripted model answers used across the generate_text tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from ai_sdk.generate_text import FinishStepPart, StepPerformance, StepResult, TextStreamPart
from ai_sdk.provider import (
    Content,
    Finish,
    FinishReason,
    GenerateResult,
    ResponseInfo,
    ResponseMetadata,
    StreamPart,
    StreamStart,
    TextDelta,
    TextEnd,
    TextStart,
    ToolCallContent,
    ToolInputDelta,
    ToolInputEnd,
    ToolInputStart,
    UnifiedFinishReason,
    Usage,
)
from ai_sdk.testing import usage

T0 = datetime(2024, 1, 1, tzinfo=UTC)
PERF = StepPerformance(step_time=0.0, response_time=0.0)


def response(index: int = 0) -> ResponseInfo:
    """Deterministic response metadata for step ``index``."""
    return ResponseInfo(id=f"resp-{index}", timestamp=T0, model_id=f"model-{index}")


def calls_result(
    *calls: tuple[str, str, str],
    text: str | None = None,
    finish: UnifiedFinishReason = "tool-calls",
    step: int = 0,
    use: Usage | None = None,
) -> GenerateResult:
    """A generate result with optional text, then tool calls ``(id, name, input_json)``."""
    content: list[Content] = []
    if text is not None:
        from ai_sdk.provider import TextContent

        content.append(TextContent(text=text))
    content.extend(ToolCallContent(tool_call_id=i, tool_name=n, input=a) for i, n, a in calls)
    return GenerateResult(
        content=content,
        finish_reason=FinishReason(unified=finish, raw=finish),
        usage=use if use is not None else usage(10, 5),
        response=response(step),
    )


def text_answer(
    text: str, *, step: int = 0, finish: UnifiedFinishReason = "stop", use: Usage | None = None
) -> GenerateResult:
    """A generate result with one text part and deterministic response metadata."""
    from ai_sdk.provider import TextContent

    return GenerateResult(
        content=[TextContent(text=text)],
        finish_reason=FinishReason(unified=finish, raw=finish),
        usage=use if use is not None else usage(10, 5),
        response=response(step),
    )


def stream_parts(
    *deltas: str,
    calls: Sequence[tuple[str, str, str]] = (),
    step: int = 0,
    finish: UnifiedFinishReason = "stop",
    use: Usage | None = None,
    text_id: str = "t0",
) -> list[StreamPart]:
    """A model stream: metadata, a text block of ``deltas`` (if any), streamed tool calls."""
    parts: list[StreamPart] = [
        StreamStart(),
        ResponseMetadata(id=f"resp-{step}", timestamp=T0, model_id=f"model-{step}"),
    ]
    if deltas:
        parts.append(TextStart(id=text_id))
        parts.extend(TextDelta(id=text_id, delta=d) for d in deltas)
        parts.append(TextEnd(id=text_id))
    for call_id, name, arguments in calls:
        parts.append(ToolInputStart(id=call_id, tool_name=name))
        parts.append(ToolInputDelta(id=call_id, delta=arguments))
        parts.append(ToolInputEnd(id=call_id))
        parts.append(ToolCallContent(tool_call_id=call_id, tool_name=name, input=arguments))
    parts.append(
        Finish(
            usage=use if use is not None else usage(10, 5),
            finish_reason=FinishReason(unified=finish, raw=finish),
        )
    )
    return parts


def steady(part: TextStreamPart) -> TextStreamPart:
    """``part`` with its timings zeroed, for whole-object comparisons."""
    if isinstance(part, FinishStepPart):
        return dataclasses.replace(part, performance=PERF)
    return part


def steady_step(step: StepResult) -> StepResult:
    """``step`` with its timings zeroed."""
    return dataclasses.replace(step, performance=PERF)


def prompt_of(options: Any) -> list[Any]:
    """The prompt of recorded call options."""
    return list(options.prompt)
