"""`generate_text`: run the tool loop to completion and return every step (and its sync twin)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, nullcontext
from datetime import UTC, datetime
from typing import Any

from typing_extensions import TypeVar

from ai_sdk._files import GeneratedFile
from ai_sdk._sync import run_sync
from ai_sdk.generate_text._config import (
    CallConfig,
    Include,
    PrepareStep,
    StepPlan,
    generate_response_id,
    log_warnings,
    make_config,
    plan_step,
)
from ai_sdk.generate_text._output import Output
from ai_sdk.generate_text._parts import (
    ContentPart,
    GeneratedFilePart,
    GeneratedReasoningFilePart,
    StepPerformance,
    StepRequest,
    StepResponse,
    ToolCall,
    ToolError,
    ToolResult,
)
from ai_sdk.generate_text._result import GenerateTextResult, OutputParser
from ai_sdk.generate_text._step import (
    ModelInfo,
    StepResult,
    StopCondition,
    is_stop_condition_met,
)
from ai_sdk.generate_text._tool import ToolSet
from ai_sdk.generate_text._tool_calls import (
    RepairToolCall,
    execute_tool_call,
    invalid_call_error,
    parse_tool_call,
    to_response_messages,
)
from ai_sdk.generate_text._usage import LanguageModelUsage, sum_usage
from ai_sdk.prompt import (
    DownloadFunction,
    Instructions,
    ModelMessage,
    ResponseMessage,
    TimeoutConfig,
    ToolChoiceInput,
)
from ai_sdk.provider import (
    FileContent,
    GenerateResult,
    LanguageModel,
    ProviderOptions,
    ReasoningEffort,
    ReasoningFileContent,
    ToolCallContent,
    ToolResultContent,
    UnsupportedWarning,
)
from ai_sdk.provider_utils import retry_with_backoff
from ai_sdk.telemetry._hooks import (
    AbortEvent,
    ErrorEvent,
    ModelCallEndEvent,
    ModelCallStartEvent,
    StartEvent,
    StepStartEvent,
    TelemetrySettings,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
    make_hooks,
)

__all__ = ["generate_text", "generate_text_sync"]

OutputT = TypeVar("OutputT", default=str)
PartialT = TypeVar("PartialT", default=str)
ElementT = TypeVar("ElementT", default=Any)

_TOOL_FINISH_REASONS = frozenset({"stop", "tool-calls"})


def _deadline(limit: float | None, what: str) -> AbstractAsyncContextManager[object]:
    return nullcontext() if limit is None else _Limit(limit, what)


class _Limit:
    """``asyncio.timeout`` whose `TimeoutError` says which limit fired."""

    def __init__(self, limit: float, what: str) -> None:
        self._limit = limit
        self._what = what
        self._inner = asyncio.timeout(limit)

    async def __aenter__(self) -> object:
        return await self._inner.__aenter__()

    async def __aexit__(self, *exc: Any) -> bool | None:
        try:
            return await self._inner.__aexit__(*exc)
        except TimeoutError as error:
            raise TimeoutError(
                f"The {self._what} timeout of {self._limit} s was exceeded."
            ) from error


def _file(content: FileContent | ReasoningFileContent) -> GeneratedFile:
    data = content.data
    raw = data.data if data.type == "data" else data.url
    return GeneratedFile(data=raw, media_type=content.media_type)


async def _step_content(
    result: GenerateResult, plan: StepPlan, config: CallConfig
) -> tuple[list[ContentPart], list[ToolCall]]:
    """The step's content from the model result, with tool calls parsed (tool outputs later)."""
    content: list[ContentPart] = []
    calls: list[ToolCall] = []
    by_id: dict[str, ToolCall] = {}
    for item in result.content:
        if isinstance(item, ToolCallContent):
            call = await parse_tool_call(
                item,
                tools=plan.tools,
                repair_tool_call=config.repair_tool_call,
                messages=plan.messages,
                instructions=plan.instructions,
            )
            calls.append(call)
            by_id[call.tool_call_id] = call
            content.append(call)
        elif isinstance(item, ToolResultContent):
            call = by_id.get(item.tool_call_id)
            tool = plan.tools.get(item.tool_name) if plan.tools else None
            common: dict[str, Any] = {
                "tool_call_id": item.tool_call_id,
                "tool_name": item.tool_name,
                "input": call.input if call is not None else None,
                "provider_executed": True,
                "dynamic": bool(item.dynamic),
                "provider_metadata": item.provider_metadata,
                "tool_metadata": tool.metadata if tool is not None else None,
            }
            if item.is_error:
                content.append(ToolError(error=item.result, **common))
            else:
                content.append(ToolResult(output=item.result, **common))
        elif item.type == "file":
            content.append(GeneratedFilePart(_file(item), item.provider_metadata))
        elif item.type == "reasoning-file":
            content.append(GeneratedReasoningFilePart(_file(item), item.provider_metadata))
        elif item.type == "tool-approval-request":
            continue  # tool approval is not supported yet; provider requests are dropped
        else:
            content.append(item)
    return content, calls


async def _execute(
    plan: StepPlan, call: ToolCall, config: CallConfig, step_number: int
) -> tuple[ToolResult | ToolError, float]:
    tool = (plan.tools or {})[call.tool_name]
    hooks = config.hooks
    if hooks is not None:
        await hooks.tool_start(
            ToolExecutionStartEvent(call_id=config.call_id, step_number=step_number, tool_call=call)
        )
    output, seconds = await execute_tool_call(
        tool,
        call,
        messages=plan.messages,
        context=plan.tools_context.get(call.tool_name),
        timeout=config.timeout.for_tool(call.tool_name),
    )
    if hooks is not None:
        await hooks.tool_end(
            ToolExecutionEndEvent(
                call_id=config.call_id,
                step_number=step_number,
                tool_call=call,
                output=output,
                duration=seconds,
            )
        )
    return output, seconds


async def _run_tools(
    plan: StepPlan, calls: list[ToolCall], config: CallConfig, step_number: int
) -> tuple[list[ToolResult | ToolError], dict[str, float]]:
    tools = plan.tools or {}
    runnable = [
        call
        for call in calls
        if not call.invalid
        and not call.provider_executed
        and call.tool_name in tools
        and tools[call.tool_name].execute is not None
    ]
    if not runnable:
        return [], {}
    outcomes = await asyncio.gather(
        *(_execute(plan, call, config, step_number) for call in runnable)
    )
    return [output for output, _ in outcomes], {
        output.tool_call_id: seconds for output, seconds in outcomes
    }


async def _run_step(
    config: CallConfig,
    steps: list[StepResult],
    instructions: Any,
    messages: list[ModelMessage],
    response_messages: list[ResponseMessage],
) -> tuple[StepResult, StepPlan, list[ToolCall], list[ToolResult | ToolError]]:
    plan = await plan_step(
        config,
        steps=steps,
        instructions=instructions,
        messages=messages,
        response_messages=response_messages,
    )
    model: LanguageModel = plan.model
    hooks = config.hooks
    step_number = len(steps)
    if hooks is not None:
        await hooks.step_start(
            StepStartEvent(
                call_id=config.call_id,
                step_number=step_number,
                provider=model.provider,
                model_id=model.model_id,
                instructions=plan.instructions,
                messages=list(plan.messages),
            )
        )
        await hooks.model_call_start(
            ModelCallStartEvent(
                call_id=config.call_id,
                step_number=step_number,
                provider=model.provider,
                model_id=model.model_id,
                options=plan.options,
            )
        )
    started = time.perf_counter()
    result = await retry_with_backoff(
        lambda: model.do_generate(plan.options), max_retries=config.max_retries
    )
    response_time = time.perf_counter() - started
    content, calls = await _step_content(result, plan, config)
    if hooks is not None:
        info = result.response
        await hooks.model_call_end(
            ModelCallEndEvent(
                call_id=config.call_id,
                step_number=step_number,
                provider=model.provider,
                model_id=model.model_id,
                response_id=info.id if info is not None else None,
                response_model_id=info.model_id if info is not None else None,
                finish_reason=result.finish_reason.unified,
                usage=LanguageModelUsage.from_spec(result.usage),
                text="".join(item.text for item in result.content if item.type == "text"),
                tool_calls=calls,
            )
        )
    outputs: list[ToolResult | ToolError] = [
        invalid_call_error(call) for call in calls if call.invalid and not call.provider_executed
    ]
    tool_times: dict[str, float] = {}
    if plan.tools and result.finish_reason.unified in _TOOL_FINISH_REASONS:
        executed, tool_times = await _run_tools(plan, calls, config, step_number)
        outputs.extend(executed)
    content.extend(outputs)
    usage = LanguageModelUsage.from_spec(result.usage)
    info = result.response
    response_messages_of_step = await to_response_messages(content, config.tools)
    step = StepResult(
        call_id=config.call_id,
        step_number=step_number,
        model=ModelInfo(provider=model.provider, model_id=model.model_id),
        content=content,
        finish_reason=result.finish_reason.unified,
        raw_finish_reason=result.finish_reason.raw,
        usage=usage,
        performance=StepPerformance(
            step_time=time.perf_counter() - started,
            response_time=response_time,
            tool_execution_time=tool_times,
            output_tokens_per_second=usage.output_tokens / response_time
            if usage.output_tokens is not None and response_time > 0
            else None,
        ),
        warnings=list(result.warnings),
        request=StepRequest(
            body=result.request.body
            if config.include.request_body and result.request is not None
            else None,
            messages=list(plan.messages) if config.include.request_messages else None,
        ),
        response=StepResponse(
            id=info.id if info is not None and info.id is not None else generate_response_id(),
            timestamp=info.timestamp
            if info is not None and info.timestamp is not None
            else datetime.now(UTC),
            model_id=info.model_id
            if info is not None and info.model_id is not None
            else model.model_id,
            headers=info.headers if info is not None else None,
            body=info.body if info is not None and config.include.response_body else None,
            messages=response_messages_of_step,
        ),
        provider_metadata=result.provider_metadata,
    )
    log_warnings(step.warnings, provider=model.provider, model_id=model.model_id)
    return step, plan, calls, outputs


async def _notify(callback: Callable[[Any], Any] | None, event: object) -> None:
    if callback is None:
        return
    outcome = callback(event)
    if isinstance(outcome, Awaitable):
        await outcome


async def _generate(
    config: CallConfig,
    on_step_end: Callable[[StepResult], Any] | None,
    on_end: Callable[[GenerateTextResult[Any]], Any] | None,
) -> GenerateTextResult[Any]:
    if config.timeout.first_chunk is not None or config.timeout.chunk is not None:
        log_warnings(
            [
                UnsupportedWarning(
                    feature="timeout.first_chunk/chunk",
                    details="chunk timeouts only apply to streaming (stream_text)",
                )
            ],
            provider=config.model.provider,
            model_id=config.model.model_id,
        )
    steps: list[StepResult] = []
    instructions = config.instructions
    messages = list(config.messages)
    if config.hooks is not None:
        config.hooks.steps = steps
        await config.hooks.start(config.start_event("generate_text"))
    while True:
        async with _deadline(config.timeout.step, "step"):
            step, plan, calls, outputs = await _run_step(
                config,
                steps,
                instructions,
                messages,
                [m for s in steps for m in s.response.messages],
            )
        steps.append(step)
        instructions = plan.instructions
        messages = [*plan.messages, *step.response.messages]
        await _notify(on_step_end, step)
        if config.hooks is not None:
            await config.hooks.step_end(step)
        client_calls = [call for call in calls if not call.provider_executed]
        client_outputs = [o for o in outputs if not o.provider_executed]
        if not (
            client_calls
            and len(client_outputs) == len(client_calls)
            and not await is_stop_condition_met(config.stop_conditions, steps)
        ):
            break
    usage = sum_usage(step.usage for step in steps)
    result: GenerateTextResult[Any] = GenerateTextResult(
        steps=steps, usage=usage, _parser=OutputParser(config.output, steps[-1])
    )
    await _notify(on_end, result)
    if config.hooks is not None:
        await config.hooks.end(result)
    if config.output is not None and steps[-1].finish_reason == "stop":
        result.output  # noqa: B018  (parse now: a bad structured output fails the call)
    return result


async def generate_text(
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
    timeout: float | TimeoutConfig | None = None,  # noqa: ASYNC109 - a config, not a deadline
    include: Include | Mapping[str, bool] | None = None,
    download: DownloadFunction | None = None,
    tools_context: Mapping[str, object] | None = None,
    telemetry: TelemetrySettings | None = None,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
    on_step_end: Callable[[StepResult], Any] | None = None,
    on_end: Callable[[GenerateTextResult[OutputT]], Any] | None = None,
) -> GenerateTextResult[OutputT]:
    """Generate text (and call tools) with a language model, without streaming.

    With ``tools``, tool calls are parsed, validated and executed in parallel (sync ``execute``
    functions in worker threads); their results go back to the model in the next step while
    ``stop_when`` allows (default: one step). Failing tools and invalid calls do not raise: the
    model sees the error and may correct itself.

    Args:
        model: a language model, or a model id string such as ``"openai/gpt-5"`` (resolved via
            the default provider, else the Vercel AI Gateway).
        prompt: a user text, or a list of messages.
        messages: the conversation (give ``prompt`` or ``messages``, not both).
        instructions: system instructions (text, a system message or a list of them).
        system: the same as ``instructions``.
        allow_system_in_messages: accept system messages inside ``messages``.
        tools: the tools the model may call (a dict by name, or a list of named tools).
        tool_choice: ``"auto"`` (default), ``"none"``, ``"required"``, or
            ``{"type": "tool", "tool_name": ...}``.
        active_tools: names of the tools the model sees (default: all).
        tool_order: tools to list first; the others follow alphabetically.
        stop_when: when to stop the tool loop: a condition or a list (any one stops); default
            ``is_step_count(1)``.
        prepare_step: changes model, tools, messages or settings before each step.
        repair_tool_call: tries to fix a tool call the model got wrong.
        output: structured output, e.g. ``Output.object(schema=MyModel)``.
        max_output_tokens: the most tokens to generate.
        temperature: sampling temperature (provider-specific range).
        top_p: nucleus sampling.
        top_k: sample from the top K tokens only.
        presence_penalty: penalty on repeating information.
        frequency_penalty: penalty on repeating words.
        stop_sequences: stop generating at any of these.
        seed: a seed for deterministic sampling, where supported.
        reasoning: reasoning effort (``"low"``, ``"high"``, ...).
        provider_options: provider-specific options by provider name.
        max_retries: retries of each model call on retryable errors (default 2).
        headers: extra HTTP headers; a ``None`` value removes a header.
        timeout: seconds for the whole call, or a `TimeoutConfig` (``total``, ``step``,
            ``tool``).
        include: keep request/response bodies or request messages on the steps.
        download: fetches prompt file URLs the model cannot read itself.
        tools_context: per-tool context values, passed to ``execute`` as ``options.context``.
        telemetry: telemetry settings (`ai_sdk.telemetry.TelemetrySettings`); registered
            integrations are used by default.
        on_start: called with a `StartEvent` when the call starts (sync or async).
        on_step_start: called with a `StepStartEvent` before each model call.
        on_tool_execution_start: called with a `ToolExecutionStartEvent` before a tool runs.
        on_tool_execution_end: called with a `ToolExecutionEndEvent` when a tool finished.
        on_step_end: called with each `StepResult` (sync or async).
        on_end: called with the final result (sync or async).

    Returns:
        A `GenerateTextResult`; ``result.output`` is typed by ``output``.

    Raises:
        InvalidArgumentError: a setting is invalid (the error names it).
        InvalidPromptError: the prompt is invalid (the error names the message index).
        MissingToolResultsError: the history has tool calls without results.
        NoObjectGeneratedError: the structured output could not be parsed or validated.
        APICallError: the provider failed and retries (if any) did not help; `RetryError` when
            several attempts failed.
        TimeoutError: a ``timeout`` limit was exceeded.
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
    hooks = config.hooks
    if hooks is None:
        async with _deadline(config.timeout.total, "total"):
            return await _generate(config, on_step_end, on_end)
    try:
        async with _deadline(config.timeout.total, "total"):
            return await _generate(config, on_step_end, on_end)
    except asyncio.CancelledError:
        await hooks.abort(AbortEvent(call_id=config.call_id, steps=list(hooks.steps)))
        raise
    except Exception as error:
        await hooks.error(ErrorEvent(call_id=config.call_id, error=error))
        raise


def generate_text_sync(
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
    telemetry: TelemetrySettings | None = None,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
    on_step_end: Callable[[StepResult], Any] | None = None,
    on_end: Callable[[GenerateTextResult[OutputT]], Any] | None = None,
) -> GenerateTextResult[OutputT]:
    """`generate_text` for synchronous code (also works inside a running event loop).

    Takes the same arguments and returns the same result; async tools and callbacks still run,
    on the SDK's background event loop.
    """
    arguments = dict(locals())
    return run_sync(lambda: generate_text(**arguments))
