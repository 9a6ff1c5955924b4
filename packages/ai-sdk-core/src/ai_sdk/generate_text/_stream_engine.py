"""The `stream_text` tool loop as one async generator of user-facing stream parts.

It runs in the task of whoever reads the stream (no background task), so reading is what drives
the model: a reader that stops stops the model stream, and closing the generator closes the
model stream (its HTTP response) and cancels running tools. Errors never escape: they become a
`StreamErrorPart` that ends the stream, except cancellation, which propagates.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from ai_sdk._files import GeneratedFile
from ai_sdk.generate_text._config import CallConfig, generate_response_id, log_warnings, plan_step
from ai_sdk.generate_text._parts import (
    ContentPart,
    FinishPart,
    FinishStepPart,
    GeneratedFilePart,
    GeneratedReasoningFilePart,
    RawPart,
    ReasoningDeltaPart,
    ReasoningEndPart,
    ReasoningStartPart,
    StartPart,
    StartStepPart,
    StepPerformance,
    StepRequest,
    StepResponse,
    StreamErrorPart,
    TextDeltaPart,
    TextEndPart,
    TextStartPart,
    TextStreamPart,
    ToolCall,
    ToolError,
    ToolInputDeltaPart,
    ToolInputEndPart,
    ToolInputStartPart,
    ToolResult,
)
from ai_sdk.generate_text._result import GenerateTextResult, OutputParser
from ai_sdk.generate_text._step import ModelInfo, StepResult, is_stop_condition_met
from ai_sdk.generate_text._tool import Tool, ToolExecutionOptions
from ai_sdk.generate_text._tool_calls import (
    execute_tool_call,
    invalid_call_error,
    parse_tool_call,
    to_response_messages,
)
from ai_sdk.generate_text._usage import LanguageModelUsage
from ai_sdk.prompt import ModelMessage
from ai_sdk.provider import (
    CallWarning,
    CustomContent,
    DocumentSource,
    ErrorPart,
    FileContent,
    Finish,
    NoOutputGeneratedError,
    ProviderMetadata,
    Raw,
    ReasoningContent,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningFileContent,
    ReasoningStart,
    ResponseMetadata,
    StreamPart,
    StreamStart,
    TextContent,
    TextDelta,
    TextEnd,
    TextStart,
    ToolCallContent,
    ToolInputDelta,
    ToolInputEnd,
    ToolInputStart,
    ToolResultContent,
    UnifiedFinishReason,
    UrlSource,
)
from ai_sdk.provider_utils import generate_id, retry_with_backoff

__all__ = ["StreamCallbacks", "StreamEngine", "StreamState"]

_TOOL_FINISH_REASONS = frozenset({"stop", "tool-calls"})


@dataclass(slots=True)
class StreamCallbacks:
    """The callbacks of a `stream_text` call (each sync or async, or ``None``)."""

    on_chunk: Callable[[Any], Any] | None = None
    on_error: Callable[[object], Any] | None = None
    on_step_end: Callable[[StepResult], Any] | None = None
    on_end: Callable[[GenerateTextResult[Any]], Any] | None = None
    on_abort: Callable[[list[StepResult]], Any] | None = None


@dataclass(slots=True)
class StreamState:
    """What the engine has recorded so far, read by the result's aggregates."""

    steps: list[StepResult] = field(default_factory=list[StepResult])
    finish: FinishPart | None = None
    final: GenerateTextResult[Any] | None = None


async def notify(callback: Callable[[Any], Any] | None, event: object) -> None:
    """Call a sync or async callback."""
    if callback is not None:
        outcome = callback(event)
        if inspect.isawaitable(outcome):
            await outcome


class _Block:
    """A text or reasoning block being streamed."""

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


class _IdReserver:
    """Keeps text/reasoning ids unique across steps (providers restart them per call)."""

    __slots__ = ("_used",)

    def __init__(self) -> None:
        self._used: set[str] = set()

    def reserve(self, wanted: str) -> str:
        if wanted not in self._used:
            self._used.add(wanted)
            return wanted
        base = generate_id()
        candidate = base
        suffix = 0
        while candidate in self._used:
            suffix += 1
            candidate = f"{base}-{suffix}"
        self._used.add(candidate)
        return candidate


def _file(content: FileContent | ReasoningFileContent) -> GeneratedFile:
    data = content.data
    raw = data.data if data.type == "data" else data.url
    return GeneratedFile(data=raw, media_type=content.media_type)


_OUTPUT_CLASSES = (FileContent, ReasoningFileContent, ToolCallContent)


def _is_output(part: StreamPart) -> bool:
    cls = part.__class__
    if cls is TextDelta or cls is ReasoningDelta or cls is ToolInputDelta:
        return bool(cast(TextDelta, part).delta)
    return isinstance(part, _OUTPUT_CLASSES)


class _Limits:
    """The deadlines that bound the reads of one step (loop time, ``None`` = no limit)."""

    __slots__ = ("chunk", "first_chunk_deadline", "names", "outer")

    def __init__(self, config: CallConfig, total_deadline: float | None, step_deadline: float | None):
        loop = asyncio.get_running_loop()
        timeout = config.timeout
        outer: list[tuple[float, str]] = []
        if total_deadline is not None:
            outer.append((total_deadline, f"total timeout of {timeout.total} s"))
        if step_deadline is not None:
            outer.append((step_deadline, f"step timeout of {timeout.step} s"))
        self.outer = outer
        self.first_chunk_deadline = (
            loop.time() + timeout.first_chunk if timeout.first_chunk is not None else None
        )
        self.chunk = timeout.chunk
        self.names = (f"first-chunk timeout of {timeout.first_chunk} s", f"chunk timeout of {timeout.chunk} s")

    @property
    def active(self) -> bool:
        return bool(self.outer) or self.first_chunk_deadline is not None or self.chunk is not None

    def deadline(self, seen_output: bool) -> tuple[float, str] | None:
        candidates = list(self.outer)
        if not seen_output:
            if self.first_chunk_deadline is not None:
                candidates.append((self.first_chunk_deadline, self.names[0]))
        elif self.chunk is not None:
            candidates.append((asyncio.get_running_loop().time() + self.chunk, self.names[1]))
        return min(candidates) if candidates else None


async def _bounded(
    stream: AsyncIterator[StreamPart], limits: _Limits
) -> AsyncIterator[StreamPart]:
    """``stream`` with every read bounded by the step's deadlines."""
    seen_output = False
    while True:
        bound = limits.deadline(seen_output)
        try:
            if bound is None:
                part = await stream.__anext__()
            else:
                try:
                    async with asyncio.timeout_at(bound[0]):
                        part = await stream.__anext__()
                except TimeoutError as error:
                    raise TimeoutError(f"The {bound[1]} was exceeded.") from error
        except StopAsyncIteration:
            return
        if not seen_output and _is_output(part):
            seen_output = True
        yield part


async def _close(stream: object) -> None:
    aclose = getattr(stream, "aclose", None)
    if aclose is not None:
        await aclose()


class StreamEngine:
    """Runs the steps of one `stream_text` call; iterate `run()` once."""

    def __init__(self, config: CallConfig, callbacks: StreamCallbacks, state: StreamState) -> None:
        self._config = config
        self._callbacks = callbacks
        self._state = state
        self._text_ids = _IdReserver()
        self._reasoning_ids = _IdReserver()

    async def run(self) -> AsyncIterator[TextStreamPart]:
        """Every part of the call, from `StartPart` to `FinishPart` (or a final error part)."""
        config = self._config
        state = self._state
        loop = asyncio.get_running_loop()
        total_deadline = (
            loop.time() + config.timeout.total if config.timeout.total is not None else None
        )
        instructions = config.instructions
        messages = list(config.messages)
        yield StartPart()
        try:
            while True:
                step_deadline = (
                    loop.time() + config.timeout.step if config.timeout.step is not None else None
                )
                runner = _StepRunner(self, total_deadline, step_deadline)
                parts = runner.run(instructions, messages)
                try:
                    async for part in parts:
                        yield part
                finally:
                    await parts.aclose()
                if runner.step is None:
                    return  # the step failed; its error part ended the stream
                step = runner.step
                state.steps.append(step)
                instructions = runner.plan_instructions
                messages = [*runner.plan_messages, *step.response.messages]
                yield runner.finish_step_part()
                await notify(self._callbacks.on_step_end, step)
                client_calls = [c for c in runner.calls if not c.provider_executed]
                client_outputs = [o for o in runner.outputs if not o.provider_executed]
                if not (
                    client_calls
                    and len(client_outputs) == len(client_calls)
                    and not await is_stop_condition_met(config.stop_conditions, state.steps)
                ):
                    break
            usage = LanguageModelUsage()
            for step in state.steps:
                usage = usage + step.usage
            last = state.steps[-1]
            finish = FinishPart(
                finish_reason=last.finish_reason,
                raw_finish_reason=last.raw_finish_reason,
                total_usage=usage,
            )
            state.finish = finish
            state.final = GenerateTextResult(
                steps=list(state.steps), usage=usage, _parser=OutputParser(config.output, last)
            )
            yield finish
            await notify(self._callbacks.on_end, state.final)
        except Exception as error:
            yield StreamErrorPart(error)


class _StepRunner:
    """One step: the model stream mapped to user parts, then the tools."""

    def __init__(
        self, engine: StreamEngine, total_deadline: float | None, step_deadline: float | None
    ) -> None:
        self.engine = engine
        self.config = engine._config  # pyright: ignore[reportPrivateUsage]
        self.total_deadline = total_deadline
        self.step_deadline = step_deadline
        self.step: StepResult | None = None
        self.calls: list[ToolCall] = []
        self.outputs: list[ToolResult | ToolError] = []
        self.plan_instructions: Any = None
        self.plan_messages: list[ModelMessage] = []
        self._finish_part: FinishStepPart | None = None

    def finish_step_part(self) -> FinishStepPart:
        assert self._finish_part is not None
        return self._finish_part

    def _deadline(self) -> float | None:
        deadlines = [d for d in (self.total_deadline, self.step_deadline) if d is not None]
        return min(deadlines) if deadlines else None

    def _limit_name(self, deadline: float) -> str:
        timeout = self.config.timeout
        if deadline == self.total_deadline:
            return f"total timeout of {timeout.total} s"
        return f"step timeout of {timeout.step} s"

    async def _bounded_call(self, make: Callable[[], Any]) -> Any:
        deadline = self._deadline()
        if deadline is None:
            return await make()
        try:
            async with asyncio.timeout_at(deadline):
                return await make()
        except TimeoutError as error:
            raise TimeoutError(f"The {self._limit_name(deadline)} was exceeded.") from error

    async def run(self, instructions: Any, messages: list[ModelMessage]) -> AsyncIterator[Any]:
        engine = self.engine
        config = self.config
        state = engine._state  # pyright: ignore[reportPrivateUsage]
        plan = await self._bounded_call(
            lambda: plan_step(
                config,
                steps=state.steps,
                instructions=instructions,
                messages=messages,
                response_messages=[m for s in state.steps for m in s.response.messages],
                include_raw_chunks=config.include.raw_chunks or None,
            )
        )
        self.plan_instructions = plan.instructions
        self.plan_messages = plan.messages
        model = plan.model
        tools: dict[str, Tool[Any]] = plan.tools or {}
        started = time.perf_counter()
        stream_result = await self._bounded_call(
            lambda: retry_with_backoff(
                lambda: model.do_stream(plan.options), max_retries=config.max_retries
            )
        )
        model_stream: AsyncIterator[StreamPart] = stream_result.stream
        limits = _Limits(config, self.total_deadline, self.step_deadline)
        source = _bounded(model_stream, limits) if limits.active else model_stream

        warnings: list[CallWarning] = []
        started_step = False
        request = StepRequest(
            body=stream_result.request.body
            if config.include.request_body and stream_result.request is not None
            else None,
            messages=list(plan.messages) if config.include.request_messages else None,
        )
        content: list[ContentPart | _Block] = []
        blocks: dict[str, _Block] = {}
        text_ids: dict[str, str] = {}
        reasoning_ids: dict[str, str] = {}
        calls_by_id: dict[str, ToolCall] = {}
        finish: Finish | None = None
        finish_reason: UnifiedFinishReason = "other"
        first_output: float | None = None
        response_id: str | None = None
        response_timestamp: datetime | None = None
        response_model_id: str | None = None
        errored = False
        emit_raw = config.include.raw_chunks
        text_reserver = engine._text_ids  # pyright: ignore[reportPrivateUsage]
        reasoning_reserver = engine._reasoning_ids  # pyright: ignore[reportPrivateUsage]
        input_hooks: dict[str, tuple[Tool[Any], ToolExecutionOptions]] = {}

        try:
            async for part in source:
                cls = part.__class__
                if cls is TextDelta:
                    delta = cast(TextDelta, part)
                    if not started_step:
                        started_step = True
                        yield StartStepPart(request, warnings)
                    text = delta.delta
                    if text or delta.provider_metadata is not None:
                        block = blocks.get(delta.id)
                        if block is None:  # lenient: a delta without text-start
                            block = blocks[delta.id] = _Block(False, delta.provider_metadata)
                            text_ids[delta.id] = text_reserver.reserve(delta.id)
                            content.append(block)
                        block.chunks.append(text)
                        if delta.provider_metadata is not None:
                            block.provider_metadata = delta.provider_metadata
                        if text and first_output is None:
                            first_output = time.perf_counter()
                        yield TextDeltaPart(text_ids[delta.id], text, delta.provider_metadata)
                    continue
                if cls is StreamStart:
                    warnings = list(cast(StreamStart, part).warnings)
                    continue
                if not started_step:
                    started_step = True
                    yield StartStepPart(request, warnings)
                if cls is ReasoningDelta:
                    rdelta = cast(ReasoningDelta, part)
                    block = blocks.get("r:" + rdelta.id)
                    if block is None:
                        block = blocks["r:" + rdelta.id] = _Block(True, rdelta.provider_metadata)
                        reasoning_ids[rdelta.id] = reasoning_reserver.reserve(rdelta.id)
                        content.append(block)
                    block.chunks.append(rdelta.delta)
                    if rdelta.provider_metadata is not None:
                        block.provider_metadata = rdelta.provider_metadata
                    if rdelta.delta and first_output is None:
                        first_output = time.perf_counter()
                    yield ReasoningDeltaPart(
                        reasoning_ids[rdelta.id], rdelta.delta, rdelta.provider_metadata
                    )
                elif cls is TextStart:
                    start = cast(TextStart, part)
                    block = blocks[start.id] = _Block(False, start.provider_metadata)
                    content.append(block)
                    text_ids[start.id] = text_reserver.reserve(start.id)
                    yield TextStartPart(text_ids[start.id], start.provider_metadata)
                elif cls is TextEnd:
                    end = cast(TextEnd, part)
                    block = blocks.pop(end.id, None)
                    if block is not None and end.provider_metadata is not None:
                        block.provider_metadata = end.provider_metadata
                    yield TextEndPart(text_ids.pop(end.id, end.id), end.provider_metadata)
                elif cls is ReasoningStart:
                    rstart = cast(ReasoningStart, part)
                    block = blocks["r:" + rstart.id] = _Block(True, rstart.provider_metadata)
                    content.append(block)
                    reasoning_ids[rstart.id] = reasoning_reserver.reserve(rstart.id)
                    yield ReasoningStartPart(reasoning_ids[rstart.id], rstart.provider_metadata)
                elif cls is ReasoningEnd:
                    rend = cast(ReasoningEnd, part)
                    block = blocks.pop("r:" + rend.id, None)
                    if block is not None and rend.provider_metadata is not None:
                        block.provider_metadata = rend.provider_metadata
                    yield ReasoningEndPart(
                        reasoning_ids.pop(rend.id, rend.id), rend.provider_metadata
                    )
                elif cls is ToolInputStart:
                    tstart = cast(ToolInputStart, part)
                    tool = tools.get(tstart.tool_name)
                    if tool is not None and (
                        tool.on_input_start is not None or tool.on_input_delta is not None
                    ):
                        hook_options = ToolExecutionOptions(
                            tool_call_id=tstart.id,
                            messages=plan.messages,
                            context=plan.tools_context.get(tstart.tool_name),
                        )
                        input_hooks[tstart.id] = (tool, hook_options)
                        await notify(tool.on_input_start, hook_options)
                    yield ToolInputStartPart(
                        id=tstart.id,
                        tool_name=tstart.tool_name,
                        provider_executed=tstart.provider_executed,
                        dynamic=bool(tstart.dynamic)
                        or (tool is not None and tool.type == "dynamic"),
                        title=tool.title if tool is not None else tstart.title,
                        provider_metadata=tstart.provider_metadata,
                        tool_metadata=tool.metadata if tool is not None else None,
                    )
                elif cls is ToolInputDelta:
                    tdelta = cast(ToolInputDelta, part)
                    if first_output is None and tdelta.delta:
                        first_output = time.perf_counter()
                    hooked = input_hooks.get(tdelta.id)
                    if hooked is not None and hooked[0].on_input_delta is not None:
                        outcome = hooked[0].on_input_delta(tdelta.delta, hooked[1])
                        if inspect.isawaitable(outcome):
                            await outcome
                    yield ToolInputDeltaPart(tdelta.id, tdelta.delta, tdelta.provider_metadata)
                elif cls is ToolInputEnd:
                    tend = cast(ToolInputEnd, part)
                    yield ToolInputEndPart(tend.id, tend.provider_metadata)
                elif cls is ToolCallContent:
                    if first_output is None:
                        first_output = time.perf_counter()
                    call = await parse_tool_call(
                        cast(ToolCallContent, part),
                        tools=plan.tools,
                        repair_tool_call=config.repair_tool_call,
                        messages=plan.messages,
                        instructions=plan.instructions,
                    )
                    self.calls.append(call)
                    calls_by_id[call.tool_call_id] = call
                    content.append(call)
                    yield call
                    if call.invalid and not call.provider_executed:
                        error = invalid_call_error(call)
                        self.outputs.append(error)
                        yield error
                elif cls is ToolResultContent:
                    result = cast(ToolResultContent, part)
                    known = calls_by_id.get(result.tool_call_id)
                    tool = tools.get(result.tool_name)
                    common: dict[str, Any] = {
                        "tool_call_id": result.tool_call_id,
                        "tool_name": result.tool_name,
                        "input": known.input if known is not None else None,
                        "provider_executed": True,
                        "dynamic": bool(result.dynamic),
                        "provider_metadata": result.provider_metadata,
                        "tool_metadata": tool.metadata if tool is not None else None,
                    }
                    output: ToolResult | ToolError = (
                        ToolError(error=result.result, **common)
                        if result.is_error
                        else ToolResult(output=result.result, **common)
                    )
                    content.append(output)
                    yield output
                elif cls is FileContent:
                    if first_output is None:
                        first_output = time.perf_counter()
                    file = cast(FileContent, part)
                    file_part = GeneratedFilePart(_file(file), file.provider_metadata)
                    content.append(file_part)
                    yield file_part
                elif cls is ReasoningFileContent:
                    if first_output is None:
                        first_output = time.perf_counter()
                    rfile = cast(ReasoningFileContent, part)
                    rfile_part = GeneratedReasoningFilePart(_file(rfile), rfile.provider_metadata)
                    content.append(rfile_part)
                    yield rfile_part
                elif cls is UrlSource or cls is DocumentSource or cls is CustomContent:
                    content.append(cast(ContentPart, part))
                    yield cast(TextStreamPart, part)
                elif cls is ResponseMetadata:
                    meta = cast(ResponseMetadata, part)
                    response_id = meta.id or response_id
                    response_timestamp = meta.timestamp or response_timestamp
                    response_model_id = meta.model_id or response_model_id
                elif cls is Finish:
                    finish = cast(Finish, part)
                    finish_reason = finish.finish_reason.unified
                elif cls is ErrorPart:
                    errored = True
                    finish_reason = "error"
                    yield StreamErrorPart(cast(ErrorPart, part).error)
                elif cls is Raw:
                    if emit_raw:
                        yield RawPart(cast(Raw, part).raw_value)
                # anything else (tool approval requests) is not supported yet and dropped
        finally:
            if source is not model_stream:
                await _close(source)
            await _close(model_stream)
        response_time = time.perf_counter() - started
        if finish is None and not errored and first_output is None and not self.calls:
            yield StreamErrorPart(
                NoOutputGeneratedError(
                    "No output generated. The model stream ended without a finish chunk."
                )
            )
            return
        if finish is not None:
            finish_reason = finish.finish_reason.unified
        tool_times: dict[str, float] = {}
        if tools and finish_reason in _TOOL_FINISH_REASONS:
            results = self._run_tools(plan, tools, tool_times)
            try:
                async for output in results:
                    if not (isinstance(output, ToolResult) and output.preliminary):
                        content.append(output)
                    yield output
            finally:
                await results.aclose()
        final_content: list[ContentPart] = [
            item.content() if isinstance(item, _Block) else item for item in content
        ]
        usage = (
            LanguageModelUsage.from_spec(finish.usage) if finish is not None else LanguageModelUsage()
        )
        response = StepResponse(
            id=response_id or generate_response_id(),
            timestamp=response_timestamp or datetime.now(UTC),
            model_id=response_model_id or model.model_id,
            headers=stream_result.response.headers if stream_result.response is not None else None,
            messages=await to_response_messages(final_content, config.tools),
        )
        performance = StepPerformance(
            step_time=time.perf_counter() - started,
            response_time=response_time,
            tool_execution_time=tool_times,
            time_to_first_output=first_output - started if first_output is not None else None,
            output_tokens_per_second=usage.output_tokens / response_time
            if usage.output_tokens is not None and response_time > 0
            else None,
        )
        self.step = StepResult(
            call_id=config.call_id,
            step_number=len(state.steps),
            model=ModelInfo(provider=model.provider, model_id=model.model_id),
            content=final_content,
            finish_reason=finish_reason,
            raw_finish_reason=finish.finish_reason.raw if finish is not None else None,
            usage=usage,
            performance=performance,
            warnings=warnings,
            request=request,
            response=response,
            provider_metadata=finish.provider_metadata if finish is not None else None,
        )
        self._finish_part = FinishStepPart(
            response=StepResponse(
                id=response.id,
                timestamp=response.timestamp,
                model_id=response.model_id,
                headers=response.headers,
            ),
            usage=usage,
            performance=performance,
            finish_reason=finish_reason,
            raw_finish_reason=self.step.raw_finish_reason,
            provider_metadata=self.step.provider_metadata,
        )
        log_warnings(warnings, provider=model.provider, model_id=model.model_id)

    async def _run_tools(
        self, plan: Any, tools: dict[str, Tool[Any]], tool_times: dict[str, float]
    ) -> AsyncIterator[ToolResult | ToolError]:
        """Execute the step's client tool calls in parallel; yield results as they complete."""
        runnable = [
            call
            for call in self.calls
            if not call.invalid
            and not call.provider_executed
            and call.tool_name in tools
            and tools[call.tool_name].execute is not None
        ]
        if not runnable:
            return
        queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        timeout = self.config.timeout

        async def run(call: ToolCall) -> None:
            try:
                outcome = await execute_tool_call(
                    tools[call.tool_name],
                    call,
                    messages=plan.messages,
                    context=plan.tools_context.get(call.tool_name),
                    timeout=timeout.for_tool(call.tool_name),
                    on_preliminary=lambda result: queue.put_nowait(("preliminary", result)),
                )
                queue.put_nowait(("final", outcome))
            except BaseException as error:  # cancellation is reported, then re-raised
                queue.put_nowait(("failed", error))
                raise

        tasks = [asyncio.create_task(run(call)) for call in runnable]
        remaining = len(tasks)
        try:
            while remaining:
                kind, item = await self._bounded_call(queue.get)
                if kind == "preliminary":
                    yield item
                elif kind == "final":
                    remaining -= 1
                    output, seconds = item
                    tool_times[output.tool_call_id] = seconds
                    self.outputs.append(output)
                    yield output
                else:
                    raise cast(BaseException, item)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
