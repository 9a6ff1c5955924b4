"""`stream_text` and `stream_text_sync`: start a streaming call and return its result at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Never

from typing_extensions import TypeVar

from ai_sdk.generate_text._config import Include, PrepareStep, make_config
from ai_sdk.generate_text._output import Output
from ai_sdk.generate_text._parts import TextStreamPart
from ai_sdk.generate_text._result import GenerateTextResult
from ai_sdk.generate_text._step import StepResult, StopCondition
from ai_sdk.generate_text._stream_engine import StreamCallbacks
from ai_sdk.generate_text._stream_result import StreamTextResult, StreamTransform
from ai_sdk.generate_text._stream_sync import sync_stream_twin
from ai_sdk.generate_text._tool import ToolSet
from ai_sdk.generate_text._tool_calls import RepairToolCall
from ai_sdk.prompt import (
    DownloadFunction,
    Instructions,
    ModelMessage,
    TimeoutConfig,
    ToolChoiceInput,
)
from ai_sdk.provider import LanguageModel, ProviderOptions, ReasoningEffort
from ai_sdk.telemetry._hooks import (
    StartEvent,
    StepStartEvent,
    TelemetrySettings,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
    make_hooks,
)

__all__ = ["stream_text", "stream_text_sync"]

OutputT = TypeVar("OutputT", default=str)
PartialT = TypeVar("PartialT", default=str)
ElementT = TypeVar("ElementT", default=Never)


def stream_text(
    *,
    model: LanguageModel | str,
    prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    instructions: Instructions | Mapping[str, Any] | None = None,
    system: Instructions | Mapping[str, Any] | None = None,
    allow_system_in_messages: bool = False,
    tools: ToolSet | None = None,
    tool_choice: ToolChoiceInput | None = None,
    active_tools: Sequence[str] | None = None,
    tool_order: Sequence[str] | None = None,
    stop_when: StopCondition | Sequence[StopCondition] | None = None,
    prepare_step: PrepareStep | None = None,
    repair_tool_call: RepairToolCall | None = None,
    output: Output[OutputT, PartialT, ElementT] | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    top_k: int | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    stop_sequences: Sequence[str] | None = None,
    seed: int | None = None,
    reasoning: ReasoningEffort | None = None,
    provider_options: ProviderOptions | None = None,
    max_retries: int = 2,
    headers: Mapping[str, str | None] | None = None,
    timeout: float | TimeoutConfig | None = None,
    include: Include | Mapping[str, bool] | None = None,
    download: DownloadFunction | None = None,
    tools_context: Mapping[str, object] | None = None,
    transform: StreamTransform | Sequence[StreamTransform] | None = None,
    raise_on_error: bool = True,
    telemetry: TelemetrySettings | None = None,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
    on_chunk: Callable[[TextStreamPart], Any] | None = None,
    on_error: Callable[[object], Any] | None = None,
    on_step_end: Callable[[StepResult], Any] | None = None,
    on_end: Callable[[GenerateTextResult[OutputT]], Any] | None = None,
    on_abort: Callable[[list[StepResult]], Any] | None = None,
) -> StreamTextResult[OutputT, PartialT, ElementT]:
    """Stream text (and call tools) with a language model; returns immediately.

    Nothing is sent until the result is read (``async for delta in result.text_stream``, or
    ``await result.text``), and the model is read only as fast as the result is. Multi-step tool
    loops stream across steps: tool results appear as parts, then the next step's parts follow.

    Errors do not raise from this call: they become error parts (and go to ``on_error``). By
    default iterating ``text_stream`` raises the first error after yielding the text before it,
    and awaiting an aggregate raises it; ``raise_on_error=False`` restores upstream's behaviour
    (errors only in ``stream`` and ``on_error``).

    Takes every argument of `generate_text` (the ``timeout`` config's ``first_chunk`` and
    ``chunk`` limits apply here, around each read of the model stream), plus:

    Args:
        transform: one or more stream transforms, e.g. ``smooth_stream()``, applied in order.
        raise_on_error: raise stream errors from ``text_stream``, ``partial_output_stream``,
            ``element_stream`` and the aggregates (default), or only report them.
        telemetry: telemetry settings (`ai_sdk.telemetry.TelemetrySettings`).
        on_start: called with a `StartEvent` when the stream starts (on first read).
        on_step_start: called with a `StepStartEvent` before each model call.
        on_tool_execution_start: called with a `ToolExecutionStartEvent` before a tool runs.
        on_tool_execution_end: called with a `ToolExecutionEndEvent` when a tool finished.
        on_chunk: called with every part (sync or async).
        on_error: called with every error.
        on_step_end: called with each `StepResult`.
        on_end: called with the final result, as a `GenerateTextResult`.
        on_abort: called with the steps so far when the reading task is cancelled.

    Returns:
        A `StreamTextResult`; use it as ``async with`` to release the connection on early exit.

    Raises:
        InvalidArgumentError: a setting is invalid (raised immediately).
        InvalidPromptError: the prompt is invalid (raised immediately).
    """
    config = make_config(
        model=model,
        prompt=prompt,
        messages=messages,
        instructions=instructions,
        system=system,
        allow_system_in_messages=allow_system_in_messages,
        tools=tools,
        tool_choice=tool_choice,
        active_tools=active_tools,
        tool_order=tool_order,
        stop_when=stop_when,
        prepare_step=prepare_step,
        repair_tool_call=repair_tool_call,
        output=output,
        provider_options=provider_options,
        max_retries=max_retries,
        headers=headers,
        timeout=timeout,
        include=include,
        download=download,
        tools_context=tools_context,
        settings={
            "max_output_tokens": max_output_tokens,
            "temperature": temperature,
            "top_p": top_p,
            "top_k": top_k,
            "presence_penalty": presence_penalty,
            "frequency_penalty": frequency_penalty,
            "stop_sequences": stop_sequences,
            "seed": seed,
            "reasoning": reasoning,
        },
    )
    config.hooks = make_hooks(
        telemetry,
        on_start=on_start,
        on_step_start=on_step_start,
        on_tool_execution_start=on_tool_execution_start,
        on_tool_execution_end=on_tool_execution_end,
    )
    if transform is None:
        transforms: list[StreamTransform] = []
    elif callable(transform):
        transforms = [transform]
    else:
        transforms = list(transform)
    return StreamTextResult(
        config,
        StreamCallbacks(
            on_chunk=on_chunk,
            on_error=on_error,
            on_step_end=on_step_end,
            on_end=on_end,
            on_abort=on_abort,
        ),
        transforms,
        raise_on_error,
    )


stream_text_sync = sync_stream_twin(stream_text)
"""`stream_text` for synchronous code: plain iterators and blocking properties.

``for delta in result.text_stream: ...``; ``result.text`` blocks until the stream ends. Use
``with stream_text_sync(...) as result:`` to release the connection on early exit. Works inside a
running event loop too (the stream runs on the SDK's background loop).
"""
