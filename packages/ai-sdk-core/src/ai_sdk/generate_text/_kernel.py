"""The step kernel: what a step of `generate_text` and `stream_text` means, written once.

`StepLoop` is one call: it plans each step (`prepare_step`, telemetry), records finished steps,
runs the step callbacks and decides whether the tool loop goes on, and builds the final result.
`Step` is one step: the model's content turned into user content (tool calls parsed, provider
tool results and files converted), the client tools executed, and the `StepResult` assembled.
`generate_text` feeds a `Step` the content of one `do_generate`; `stream_text` feeds it the
parts of `do_stream` as they arrive and adds only what is about streaming (blocks, ids, chunk
deadlines) around it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager, nullcontext
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

from ai_sdk._approval_signature import sign_tool_approval
from ai_sdk._files import GeneratedFile
from ai_sdk._sync import forbid_blocking
from ai_sdk.generate_text._approval import (
    collect_tool_approvals,
    resolve_tool_approval,
    validate_approved,
)
from ai_sdk.generate_text._config import (
    CallConfig,
    StepPlan,
    generate_response_id,
    log_warnings,
    plan_step,
)
from ai_sdk.generate_text._parts import (
    ContentPart,
    GeneratedFilePart,
    GeneratedReasoningFilePart,
    StepPerformance,
    StepRequest,
    StepResponse,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolCall,
    ToolError,
    ToolOutputDenied,
    ToolResult,
)
from ai_sdk.generate_text._result import GenerateTextResult, result_of
from ai_sdk.generate_text._step import ModelInfo, StepResult, is_stop_condition_met
from ai_sdk.generate_text._tool import Tool
from ai_sdk.generate_text._tool_calls import (
    execute_tool_call,
    invalid_call_error,
    parse_tool_call,
    to_json_value,
    to_response_messages,
    tool_result_part,
)
from ai_sdk.generate_text._usage import LanguageModelUsage
from ai_sdk.prompt import ModelMessage, ResponseMessage, SystemModelMessage, ToolModelMessage
from ai_sdk.provider import (
    CallWarning,
    Content,
    ExecutionDeniedOutput,
    FileContent,
    ProviderMetadata,
    ReasoningContent,
    ReasoningFileContent,
    RequestInfo,
    TextContent,
    ToolApprovalRequestContent,
    ToolCallContent,
    ToolCallNotFoundForApprovalError,
    ToolContentPart,
    ToolResultContent,
    ToolResultPart,
    UnifiedFinishReason,
    Usage,
)
from ai_sdk.telemetry._hooks import (
    ModelCallEndEvent,
    ModelCallStartEvent,
    StepStartEvent,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
    notify_callback,
)

__all__ = ["Block", "Deadlines", "Scope", "Step", "StepLoop"]

T = TypeVar("T")

_TOOL_FINISH_REASONS = frozenset({"stop", "tool-calls"})


class Deadlines:
    """The call's ``total`` and the current step's ``step`` deadline (loop time; ``None`` =
    no limit).

    `generate_text` runs the whole call inside `scope("total")` and each step inside
    `scope("step")`; a stream cannot (its steps pause at every ``yield``, in the reader's task),
    so each of its waits goes through `bounded` instead. Either way a `TimeoutError` names the
    limit that fired, and one raised by the awaited code itself passes through unchanged.
    """

    __slots__ = ("_config", "step", "total")

    def __init__(self, config: CallConfig) -> None:
        self._config = config
        total = config.timeout.total
        self.total = asyncio.get_running_loop().time() + total if total is not None else None
        self.step: float | None = None
        if total is not None or config.timeout.step is not None:
            forbid_blocking()  # the loop must stay free to enforce them

    def start_step(self) -> None:
        """Start the step deadline (called before each step is planned)."""
        step = self._config.timeout.step
        self.step = asyncio.get_running_loop().time() + step if step is not None else None

    def named(self) -> list[tuple[float, str]]:
        """The active deadlines with the name each reports when it fires."""
        timeout = self._config.timeout
        named: list[tuple[float, str]] = []
        if self.total is not None:
            named.append((self.total, f"total timeout of {timeout.total} s"))
        if self.step is not None:
            named.append((self.step, f"step timeout of {timeout.step} s"))
        return named

    def scope(self, which: Literal["total", "step"]) -> AbstractAsyncContextManager[None]:
        """A block bounded by the ``total`` or the current ``step`` deadline."""
        deadline = self.total if which == "total" else self.step
        if deadline is None:
            return nullcontext()
        timeout = self._config.timeout
        limit = timeout.total if which == "total" else timeout.step
        return Scope(deadline, f"{which} timeout of {limit} s")

    async def bounded(self, make: Callable[[], Awaitable[T]]) -> T:
        """``await make()`` within the deadlines."""
        if self.total is None and self.step is None:
            return await make()
        async with Scope(*min(self.named())):
            return await make()


class Scope:
    """``asyncio.timeout_at`` whose `TimeoutError` says which limit fired (only when it did)."""

    __slots__ = ("_inner", "_name")

    def __init__(self, deadline: float, name: str) -> None:
        self._inner = asyncio.timeout_at(deadline)
        self._name = name

    async def __aenter__(self) -> None:
        await self._inner.__aenter__()

    async def __aexit__(self, *exc: Any) -> bool | None:
        try:
            return await self._inner.__aexit__(*exc)
        except TimeoutError as error:
            if self._inner.expired():
                raise TimeoutError(f"The {self._name} was exceeded.") from error
            raise


class Block:
    """A text or reasoning block being streamed (its content is built when the step ends)."""

    __slots__ = ("chunks", "provider_metadata", "reasoning")

    def __init__(self, reasoning: bool, provider_metadata: ProviderMetadata | None) -> None:
        self.reasoning = reasoning
        self.chunks: list[str] = []
        self.provider_metadata = provider_metadata

    def content(self) -> TextContent | ReasoningContent:
        text = "".join(self.chunks)
        if self.reasoning:
            return ReasoningContent(text=text, provider_metadata=self.provider_metadata)
        return TextContent(text=text, provider_metadata=self.provider_metadata)


def _file(content: FileContent | ReasoningFileContent) -> GeneratedFile:
    data = content.data
    raw = data.data if data.type == "data" else data.url
    return GeneratedFile(data=raw, media_type=content.media_type)


async def execute_calls(
    config: CallConfig,
    calls: list[ToolCall],
    *,
    tools: Mapping[str, Tool[Any]],
    messages: list[ModelMessage],
    tools_context: Mapping[str, object],
    runtime_context: Mapping[str, object],
    step_number: int,
    deadlines: Deadlines,
) -> AsyncGenerator[tuple[ToolResult | ToolError, float | None]]:
    """Run ``calls`` in parallel; yield each output as it completes with its duration in
    seconds (``None`` for preliminary results). Closing the generator cancels the calls."""
    if not calls:
        return
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
    hooks = config.hooks

    async def run(call: ToolCall) -> None:
        try:
            if hooks is not None:
                await hooks.tool_start(
                    ToolExecutionStartEvent(
                        call_id=config.call_id, step_number=step_number, tool_call=call
                    )
                )
            output, seconds = await execute_tool_call(
                tools[call.tool_name],
                call,
                messages=messages,
                context=tools_context.get(call.tool_name),
                runtime_context=runtime_context,
                timeout=config.timeout.for_tool(call.tool_name),
                on_preliminary=lambda result: queue.put_nowait(("preliminary", result)),
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
            queue.put_nowait(("final", (output, seconds)))
        except BaseException as error:  # cancellation is reported, then re-raised
            queue.put_nowait(("failed", error))
            raise

    tasks = [asyncio.create_task(run(call)) for call in calls]
    remaining = len(tasks)
    try:
        while remaining:
            kind, item = await deadlines.bounded(queue.get)
            if kind == "preliminary":
                yield item, None
            elif kind == "final":
                remaining -= 1
                yield item
            else:
                raise item
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class Step:
    """One step: the model's content as user content, then the client tools.

    Content is recorded in generation order; a streamed text or reasoning block is a `Block`
    until the step ends.
    """

    def __init__(
        self, config: CallConfig, plan: StepPlan, number: int, deadlines: Deadlines
    ) -> None:
        self.config = config
        self.plan = plan
        self.number = number
        self.deadlines = deadlines
        self.tools = plan.tools or {}
        self.content: list[ContentPart | Block] = []
        self.calls: list[ToolCall] = []
        self.outputs: list[ToolResult | ToolError] = []
        self.tool_times: dict[str, float] = {}
        self.started = time.perf_counter()
        self._calls_by_id: dict[str, ToolCall] = {}
        # Calls that must not run (waiting for approval, or denied), and how many client calls
        # were denied: those count as answered when deciding whether the loop goes on.
        self._blocked: set[str] = set()
        self._denied = 0

    # -- content --

    async def add(self, item: Content) -> ContentPart:
        """Record one content item of the model; returns the user part.

        A tool call is parsed and validated (see `reject_invalid` for its error output).
        """
        match item:
            case ToolCallContent():
                call = await parse_tool_call(
                    item,
                    tools=self.plan.tools,
                    repair_tool_call=self.config.repair_tool_call,
                    messages=self.plan.messages,
                    instructions=self.plan.instructions,
                )
                self.calls.append(call)
                self._calls_by_id[call.tool_call_id] = call
                part: ContentPart = call
            case ToolResultContent():
                part = self._provider_result(item)
            case FileContent():
                part = GeneratedFilePart(_file(item), item.provider_metadata)
            case ReasoningFileContent():
                part = GeneratedReasoningFilePart(_file(item), item.provider_metadata)
            case ToolApprovalRequestContent():
                call = self._calls_by_id.get(item.tool_call_id)
                if call is None:
                    raise ToolCallNotFoundForApprovalError(
                        tool_call_id=item.tool_call_id, approval_id=item.approval_id
                    )
                part = ToolApprovalRequest(approval_id=item.approval_id, tool_call=call)
            case _:
                part = item
        self.content.append(part)
        return part

    def _provider_result(self, item: ToolResultContent) -> ToolResult | ToolError:
        known = self._calls_by_id.get(item.tool_call_id)
        tool = self.tools.get(item.tool_name)
        common: dict[str, Any] = {
            "tool_call_id": item.tool_call_id,
            "tool_name": item.tool_name,
            "input": known.input if known is not None else None,
            "provider_executed": True,
            "dynamic": bool(item.dynamic),
            "provider_metadata": item.provider_metadata,
            "tool_metadata": tool.metadata if tool is not None else None,
        }
        if item.is_error:
            return ToolError(error=item.result, **common)
        return ToolResult(output=item.result, **common)

    def open_block(self, reasoning: bool, provider_metadata: ProviderMetadata | None) -> Block:
        """Start a streamed text or reasoning block at this point of the content."""
        block = Block(reasoning, provider_metadata)
        self.content.append(block)
        return block

    def reject_invalid(self, call: ToolCall) -> ToolError | None:
        """The error output of a client call that failed to parse or validate (recorded)."""
        if not call.invalid or call.provider_executed:
            return None
        error = invalid_call_error(call)
        self.add_output(error)
        return error

    def add_output(self, output: ToolResult | ToolError) -> None:
        """Record the output of a client tool call."""
        self.outputs.append(output)
        self.content.append(output)

    async def approve(self, call: ToolCall) -> list[ToolApprovalRequest | ToolApprovalResponse]:
        """Resolve the approval of a parsed call: the parts to report (not recorded; see
        `add_approval`). A call waiting for approval, or denied, will not run."""
        tool = self.tools.get(call.tool_name)
        if call.invalid or tool is None:
            return []
        config = self.config
        plan = self.plan
        status = await resolve_tool_approval(
            call,
            tools=self.tools,
            approval=config.tool_approval,
            messages=plan.messages,
            tools_context=plan.tools_context,
            runtime_context=plan.runtime_context,
        )
        if status.type == "not-applicable":
            return []  # no approval id is used up, so id sequences stay as without approval
        approval_id = generate_response_id()
        signature = (
            sign_tool_approval(
                config.tool_approval_secret,
                approval_id=approval_id,
                tool_call_id=call.tool_call_id,
                tool_name=call.tool_name,
                tool_input=to_json_value(call.input),
            )
            if config.tool_approval_secret is not None
            else None
        )
        automatic = status.type != "user-approval"
        request = ToolApprovalRequest(
            approval_id=approval_id,
            tool_call=call,
            reason=None if automatic else status.reason,
            is_automatic=True if automatic else None,
            signature=signature,
        )
        if status.type != "approved":
            self._blocked.add(call.tool_call_id)
        if not automatic:
            return [request]
        if status.type == "denied" and not call.provider_executed:
            self._denied += 1
        response = ToolApprovalResponse(
            approval_id=approval_id,
            tool_call=call,
            approved=status.type == "approved",
            reason=status.reason,
            provider_executed=call.provider_executed,
        )
        return [request, response]

    def add_approval(self, part: ToolApprovalRequest | ToolApprovalResponse) -> None:
        """Record an approval part of this step."""
        self.content.append(part)

    def text(self) -> str:
        """The text generated so far."""
        return "".join(
            item.text if isinstance(item, TextContent) else "".join(item.chunks)
            for item in self.content
            if isinstance(item, TextContent) or (isinstance(item, Block) and not item.reasoning)
        )

    # -- tools --

    async def run_tools(
        self, finish_reason: UnifiedFinishReason
    ) -> AsyncGenerator[ToolResult | ToolError]:
        """Execute the runnable client calls in parallel (only after a ``stop``/``tool-calls``
        finish); yield each output as it completes, preliminary ones (``preliminary=True``)
        included. Final outputs are not recorded here: see `add_output`."""
        tools = self.tools
        if not tools or finish_reason not in _TOOL_FINISH_REASONS:
            return
        runnable = [
            call
            for call in self.calls
            if not call.invalid
            and not call.provider_executed
            and call.tool_call_id not in self._blocked
            and call.tool_name in tools
            and tools[call.tool_name].execute is not None
        ]
        plan = self.plan
        outputs = execute_calls(
            self.config,
            runnable,
            tools=tools,
            messages=plan.messages,
            tools_context=plan.tools_context,
            runtime_context=plan.runtime_context,
            step_number=self.number,
            deadlines=self.deadlines,
        )
        try:
            async for output, seconds in outputs:
                if seconds is not None:
                    self.tool_times[output.tool_call_id] = seconds
                yield output
        finally:
            await outputs.aclose()

    def answered(self) -> bool:
        """Whether every client call has an output or was denied (the loop may go on)."""
        client_calls = sum(1 for call in self.calls if not call.provider_executed)
        client_outputs = sum(1 for output in self.outputs if not output.provider_executed)
        return client_calls > 0 and client_outputs + self._denied == client_calls

    # -- the end of the step --

    def request(self, info: RequestInfo | None) -> StepRequest:
        """What the step sent, as far as ``include`` keeps it."""
        include = self.config.include
        return StepRequest(
            body=info.body if include.request_body and info is not None else None,
            messages=list(self.plan.messages) if include.request_messages else None,
        )

    def model_call_end_event(
        self,
        *,
        finish_reason: UnifiedFinishReason,
        usage: Usage | None,
        response_id: str | None,
        response_model_id: str | None,
    ) -> ModelCallEndEvent:
        """What the model call of this step produced (for telemetry)."""
        model = self.plan.model
        return ModelCallEndEvent(
            call_id=self.config.call_id,
            step_number=self.number,
            provider=model.provider,
            model_id=model.model_id,
            response_id=response_id,
            response_model_id=response_model_id,
            finish_reason=finish_reason,
            usage=LanguageModelUsage.from_spec(usage)
            if usage is not None
            else LanguageModelUsage(),
            text=self.text(),
            tool_calls=list(self.calls),
        )

    async def result(
        self,
        *,
        finish_reason: UnifiedFinishReason,
        raw_finish_reason: str | None,
        usage: Usage | None,
        provider_metadata: ProviderMetadata | None,
        warnings: list[CallWarning],
        request: StepRequest,
        response_id: str | None,
        response_timestamp: datetime | None,
        response_model_id: str | None,
        headers: dict[str, str] | None,
        body: object,
        response_time: float,
        first_output: float | None = None,
    ) -> StepResult:
        """The `StepResult` of the finished step (``first_output``: perf-counter time)."""
        model = self.plan.model
        content: list[ContentPart] = [
            item.content() if isinstance(item, Block) else item for item in self.content
        ]
        step_usage = (
            LanguageModelUsage.from_spec(usage) if usage is not None else LanguageModelUsage()
        )
        response = StepResponse(
            id=response_id or generate_response_id(),
            timestamp=response_timestamp or datetime.now(UTC),
            model_id=response_model_id or model.model_id,
            headers=headers,
            body=body if self.config.include.response_body else None,
            messages=await to_response_messages(content, self.config.tools),
        )
        performance = StepPerformance(
            step_time=time.perf_counter() - self.started,
            response_time=response_time,
            tool_execution_time=self.tool_times,
            time_to_first_output=first_output - self.started if first_output is not None else None,
            output_tokens_per_second=step_usage.output_tokens / response_time
            if step_usage.output_tokens is not None and response_time > 0
            else None,
        )
        log_warnings(warnings, provider=model.provider, model_id=model.model_id)
        return StepResult(
            call_id=self.config.call_id,
            step_number=self.number,
            model=ModelInfo(provider=model.provider, model_id=model.model_id),
            content=content,
            finish_reason=finish_reason,
            raw_finish_reason=raw_finish_reason,
            usage=step_usage,
            performance=performance,
            warnings=warnings,
            request=request,
            response=response,
            provider_metadata=provider_metadata,
            runtime_context=self.plan.runtime_context,
            tools_context=self.plan.tools_context,
        )


class StepLoop:
    """One call's tool loop: plans steps, records them, decides when to stop, ends the call."""

    def __init__(self, config: CallConfig, steps: list[StepResult] | None = None) -> None:
        self.config = config
        self.steps: list[StepResult] = steps if steps is not None else []
        self.deadlines = Deadlines(config)
        # What carries forward from step to step (prepare_step may replace each).
        self._instructions: str | list[SystemModelMessage] | None = config.instructions
        self._messages: list[ModelMessage] = list(config.messages)
        self._runtime_context: Mapping[str, object] = config.runtime_context
        self._tools_context: Mapping[str, object] = config.tools_context
        self.initial_response_messages: list[ResponseMessage] = []
        """The tool message of the calls `resume` ran (or denied) before the first step."""

    async def start(self, operation: str) -> None:
        """Report the start of the call."""
        hooks = self.config.hooks
        if hooks is not None:
            hooks.steps = self.steps
            await hooks.start(self.config.start_event(operation))

    async def resume(self) -> AsyncGenerator[ToolOutputDenied | ToolResult | ToolError]:
        """Act on the approval answers at the end of the history, before the first step: run
        the approved calls (in parallel) and deny the others; yield what happened.

        Their results go to the model in one tool message (`initial_response_messages`).
        Raises before anything runs when an answer is invalid (see `collect_tool_approvals`
        and `validate_approved`).
        """
        config = self.config
        approved, denied = collect_tool_approvals(config.messages)
        if not approved and not denied:
            return
        tools = config.tools or {}
        checked = await validate_approved(
            [a for a in approved if not a.call.provider_executed],
            tools=tools,
            approval=config.tool_approval,
            secret=config.tool_approval_secret,
            messages=config.messages,
            tools_context=config.tools_context,
            runtime_context=config.runtime_context,
        )
        local_denied = [d for d in denied if not d.call.provider_executed] + checked.denied
        for answer in [*local_denied, *(d for d in denied if d.call.provider_executed)]:
            yield ToolOutputDenied(
                tool_call_id=answer.call.tool_call_id, tool_name=answer.call.tool_name
            )
        for error in checked.invalid:
            yield error
        # An approved call of a tool without ``execute`` gets no result: the prompt check
        # reports it (MissingToolResultsError), as upstream.
        calls = [
            call
            for call in checked.runnable
            if (tool := tools.get(call.tool_name)) is not None and tool.execute is not None
        ]
        finals: list[ToolResult | ToolError] = []
        outputs = execute_calls(
            config,
            calls,
            tools=tools,
            messages=config.messages,
            tools_context=config.tools_context,
            runtime_context=config.runtime_context,
            step_number=0,
            deadlines=self.deadlines,
        )
        try:
            async for output, seconds in outputs:
                if seconds is not None:
                    finals.append(output)
                yield output
        finally:
            await outputs.aclose()
        order = {call.tool_call_id: index for index, call in enumerate(calls)}
        finals.sort(key=lambda output: order[output.tool_call_id])
        content: list[ToolContentPart] = []
        # As upstream: results, then the calls whose approved input failed, then denials.
        for output in [*finals, *checked.invalid]:
            content.append(await tool_result_part(output, tools, error_mode="text"))
        content.extend(
            ToolResultPart(
                tool_call_id=answer.call.tool_call_id,
                tool_name=answer.call.tool_name,
                output=ExecutionDeniedOutput(reason=answer.response.reason),
            )
            for answer in local_denied
            if answer.existing_result is None
        )
        if content:
            message = ToolModelMessage(content=content)
            self.initial_response_messages.append(message)
            self._messages.append(message)

    async def begin_step(self, *, include_raw_chunks: bool | None = None) -> Step:
        """Plan the next step (runs `prepare_step`) and report its start; the step deadline
        must have been started (`Deadlines.start_step`)."""
        config = self.config
        steps = self.steps
        plan = await self.deadlines.bounded(
            lambda: plan_step(
                config,
                steps=steps,
                instructions=self._instructions,
                messages=self._messages,
                response_messages=[
                    *self.initial_response_messages,
                    *(m for s in steps for m in s.response.messages),
                ],
                runtime_context=self._runtime_context,
                tools_context=self._tools_context,
                include_raw_chunks=include_raw_chunks,
            )
        )
        self._runtime_context = plan.runtime_context
        self._tools_context = plan.tools_context
        step = Step(config, plan, len(steps), self.deadlines)
        hooks = config.hooks
        if hooks is not None:
            which: dict[str, Any] = {
                "call_id": config.call_id,
                "step_number": step.number,
                "provider": plan.model.provider,
                "model_id": plan.model.model_id,
            }
            await hooks.step_start(
                StepStartEvent(
                    **which,
                    instructions=plan.instructions,
                    messages=list(plan.messages),
                    runtime_context=plan.runtime_context,
                    tools_context=plan.tools_context,
                )
            )
            await hooks.model_call_start(ModelCallStartEvent(**which, options=plan.options))
        step.started = time.perf_counter()
        return step

    def record_step(self, step: Step, result: StepResult) -> None:
        """Record a finished step: its result and what carries forward to the next one."""
        self.steps.append(result)
        self._instructions = step.plan.instructions
        self._messages = [*step.plan.messages, *result.response.messages]

    async def end_step(self, step: Step, result: StepResult) -> bool:
        """Run a recorded step's callbacks; whether the loop goes on.

        It goes on while every client tool call of the step has an output and no stop
        condition holds.
        """
        await notify_callback(self.config.on_step_end, result)
        if self.config.hooks is not None:
            await self.config.hooks.step_end(result)
        return step.answered() and not await is_stop_condition_met(
            self.config.stop_conditions, self.steps
        )

    def result(self) -> GenerateTextResult[Any]:
        """The result of the steps so far."""
        return result_of(self.steps, self.config.output, self.initial_response_messages)

    async def finish(self, result: GenerateTextResult[Any]) -> None:
        """Report the end of the call."""
        await notify_callback(self.config.on_end, result)
        if self.config.hooks is not None:
            await self.config.hooks.end(result)
