"""`generate_text`: run the tool loop to completion and return every step (and its sync twin)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from typing_extensions import TypeVar, Unpack

from ai_sdk._sync import sync_twin
from ai_sdk.generate_text._config import CallArguments, CallConfig, log_warnings, make_config
from ai_sdk.generate_text._kernel import Step, StepLoop
from ai_sdk.generate_text._output import Output
from ai_sdk.generate_text._parts import ToolApprovalResponse, ToolResult
from ai_sdk.generate_text._result import GenerateTextResult
from ai_sdk.provider import (
    GenerateResult,
    LanguageModel,
    UnifiedFinishReason,
    UnsupportedWarning,
)
from ai_sdk.provider_utils import retry_with_backoff
from ai_sdk.telemetry._hooks import (
    AbortEvent,
    ErrorEvent,
)

__all__ = ["generate_text", "generate_text_sync"]

OutputT = TypeVar("OutputT", default=str)
PartialT = TypeVar("PartialT", default=str)
ElementT = TypeVar("ElementT", default=Any)


async def _call_model(step: Step) -> GenerateResult:
    model = step.plan.model
    options = step.plan.options
    return await retry_with_backoff(
        lambda: model.do_generate(options), max_retries=step.config.max_retries
    )


async def _run_tools(step: Step, finish_reason: UnifiedFinishReason) -> None:
    for call in list(step.calls):
        step.reject_invalid(call)
    approvals = [part for call in list(step.calls) for part in await step.approve(call)]
    # Outputs in call order, as the model listed the calls (streams report completion order).
    executed = [
        output
        async for output in step.run_tools(finish_reason)
        if not isinstance(output, ToolResult) or not output.preliminary
    ]
    order = {call.tool_call_id: index for index, call in enumerate(step.calls)}
    executed.sort(key=lambda output: order[output.tool_call_id])
    # As upstream: outputs of calls the configuration approved come after the approval parts.
    answered = {p.tool_call.tool_call_id for p in approvals if isinstance(p, ToolApprovalResponse)}
    for output in executed:
        if output.tool_call_id not in answered:
            step.add_output(output)
    for part in approvals:
        step.add_approval(part)
    for output in executed:
        if output.tool_call_id in answered:
            step.add_output(output)


async def _run(config: CallConfig) -> GenerateTextResult[Any]:
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
    loop = StepLoop(config)
    deadlines = loop.deadlines
    async with deadlines.scope("total"):
        await loop.start("generate_text")
        async for _ in loop.resume():
            pass  # the outputs of approved calls reach the model in the first step
        while True:
            deadlines.start_step()
            async with deadlines.scope("step"):
                step = await loop.begin_step()
                result = await _call_model(step)
                response_time = time.perf_counter() - step.started
                for item in result.content:
                    await step.add(item)
                info = result.response
                if config.hooks is not None:
                    await config.hooks.model_call_end(
                        step.model_call_end_event(
                            finish_reason=result.finish_reason.unified,
                            usage=result.usage,
                            response_id=info.id if info is not None else None,
                            response_model_id=info.model_id if info is not None else None,
                        )
                    )
                if step.calls:
                    await _run_tools(step, result.finish_reason.unified)
                step_result = await step.result(
                    finish_reason=result.finish_reason.unified,
                    raw_finish_reason=result.finish_reason.raw,
                    usage=result.usage,
                    provider_metadata=result.provider_metadata,
                    warnings=list(result.warnings),
                    request=step.request(result.request),
                    response_id=info.id if info is not None else None,
                    response_timestamp=info.timestamp if info is not None else None,
                    response_model_id=info.model_id if info is not None else None,
                    headers=info.headers if info is not None else None,
                    body=info.body if info is not None else None,
                    response_time=response_time,
                )
                loop.record_step(step, step_result)
            if not await loop.end_step(step, step_result):
                break
        final = loop.result()
        await loop.finish(final)
    if config.output is not None and final.finish_reason == "stop":
        final.output  # noqa: B018  (parse now: a bad structured output fails the call)
    return final


async def generate_text(
    *,
    model: LanguageModel | str,
    output: Output[OutputT, PartialT, ElementT] | None = None,
    on_end: Callable[[GenerateTextResult[OutputT]], Any] | None = None,
    **options: Unpack[CallArguments],
) -> GenerateTextResult[OutputT]:
    """Generate text (and call tools) with a language model, without streaming.

    With ``tools``, tool calls are parsed, validated and executed in parallel (sync ``execute``
    functions in worker threads); their results go back to the model in the next step while
    ``stop_when`` allows (default: one step). Failing tools and invalid calls do not raise: the
    model sees the error and may correct itself.

    Args:
        model: a language model, or a model id string such as ``"openai/gpt-5"`` (resolved via
            the default provider, else the Vercel AI Gateway).
        output: structured output, e.g. ``Output.object(schema=MyModel)``.
        on_end: called with the final result (sync or async).
        **options: the call's other options (`CallArguments`), listed below.

    Other Parameters:
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
        runtime_context: your own values for the call, passed to ``prepare_step``, approval
            functions, the tool input hooks and the step results.
        tool_approval: decides which tool calls wait for approval (`ToolApproval`): one
            function for every call, or a dict by tool name; before each tool's
            ``needs_approval``.
        tool_approval_secret: signs each approval request (HMAC) and checks the signature
            when the answer comes back, so a client cannot forge an approval or change a
            call's input.
        telemetry: telemetry settings (`ai_sdk.telemetry.TelemetrySettings`); registered
            integrations are used by default.
        on_start: called with a `StartEvent` when the call starts (sync or async).
        on_step_start: called with a `StepStartEvent` before each model call.
        on_tool_execution_start: called with a `ToolExecutionStartEvent` before a tool runs.
        on_tool_execution_end: called with a `ToolExecutionEndEvent` when a tool finished.
        on_step_end: called with each `StepResult` (sync or async).

    Returns:
        A `GenerateTextResult`; ``result.output`` is typed by ``output``.

    Raises:
        TypeError: an unknown option (the error suggests the closest name).
        InvalidArgumentError: a setting is invalid (the error names it).
        InvalidPromptError: the prompt is invalid (the error names the message index).
        MissingToolResultsError: the history has tool calls without results.
        NoObjectGeneratedError: the structured output could not be parsed or validated.
        APICallError: the provider failed and retries (if any) did not help; `RetryError` when
            several attempts failed.
        TimeoutError: a ``timeout`` limit was exceeded.
    """
    config = make_config(
        "generate_text", model=model, output=output, on_end=on_end, arguments=options
    )
    hooks = config.hooks
    if hooks is None:
        return await _run(config)
    try:
        return await _run(config)
    except asyncio.CancelledError:
        await hooks.abort(AbortEvent(call_id=config.call_id, steps=list(hooks.steps)))
        raise
    except Exception as error:
        await hooks.error(ErrorEvent(call_id=config.call_id, error=error))
        raise


generate_text_sync = sync_twin(generate_text)
"""`generate_text` for synchronous code (also works inside a running event loop).

Takes the same arguments and returns the same result; async tools and callbacks still run, on
the SDK's background event loop.
"""
