"""One step of `stream_text`: a model stream mapped to user parts, then the step's tools.

`StepRunner` keeps the step's state (blocks being streamed, tool calls, finish, metadata) and turns
each model part into user parts; the engine inlines only the per-token text path around it.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable
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
    StartStepPart,
    StepPerformance,
    StepRequest,
    StepResponse,
    StreamErrorPart,
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
from ai_sdk.generate_text._result import GenerateTextResult
from ai_sdk.generate_text._step import ModelInfo, StepResult
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
from ai_sdk.telemetry._hooks import (
    ModelCallEndEvent,
    ModelCallStartEvent,
    StepStartEvent,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
)

__all__ = ["IdReserver", "StepRunner", "StreamState", "notify"]

_TOOL_FINISH_REASONS = frozenset({"stop", "tool-calls"})


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


class IdReserver:
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
        return bool(cast("TextDelta", part).delta)
    return isinstance(part, _OUTPUT_CLASSES)


class _Limits:
    """The deadlines that bound the reads of one step (loop time, ``None`` = no limit)."""

    __slots__ = ("chunk", "first_chunk_deadline", "names", "outer")

    def __init__(
        self, config: CallConfig, total_deadline: float | None, step_deadline: float | None
    ):
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
        self.names = (
            f"first-chunk timeout of {timeout.first_chunk} s",
            f"chunk timeout of {timeout.chunk} s",
        )

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


async def _bounded(stream: AsyncIterator[StreamPart], limits: _Limits) -> AsyncIterator[StreamPart]:
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


class StepRunner:
    """The state of one step: the model stream mapped to user parts, then the tools."""

    def __init__(
        self,
        config: CallConfig,
        state: StreamState,
        reservers: tuple[IdReserver, IdReserver],
        total_deadline: float | None,
        step_deadline: float | None,
    ) -> None:
        self.config = config
        self.state = state
        self._text_reserver, self._reasoning_reserver = reservers
        self.total_deadline = total_deadline
        self.step_deadline = step_deadline
        self.calls: list[ToolCall] = []
        self.outputs: list[ToolResult | ToolError] = []
        self.plan_instructions: Any = None
        self.plan_messages: list[ModelMessage] = []
        self.started_step = False
        self.first_output: float | None = None
        self.blocks: dict[str, _Block] = {}
        self.text_ids: dict[str, str] = {}
        self.reasoning_ids: dict[str, str] = {}
        self.content: list[ContentPart | _Block] = []
        self.warnings: list[CallWarning] = []
        self.request = StepRequest()
        self.finish: Finish | None = None
        self.finish_reason: UnifiedFinishReason = "other"
        self.errored = False
        self.response_id: str | None = None
        self.response_timestamp: datetime | None = None
        self.response_model_id: str | None = None
        self.tool_times: dict[str, float] = {}
        self._calls_by_id: dict[str, ToolCall] = {}
        self._input_hooks: dict[str, tuple[Tool[Any], ToolExecutionOptions]] = {}
        self._started = 0.0
        self._response_time = 0.0
        self._streams: list[object] = []
        self._tools: dict[str, Tool[Any]] = {}

    # -- deadlines --

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

    # -- the model stream --

    async def start(
        self, instructions: Any, messages: list[ModelMessage]
    ) -> AsyncIterator[StreamPart]:
        """Plan the step and open the model stream (retried until it starts)."""
        config = self.config
        state = self.state
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
        self.plan = plan
        self.plan_instructions = plan.instructions
        self.plan_messages = plan.messages
        self._tools = plan.tools or {}
        model = plan.model
        hooks = config.hooks
        if hooks is not None:
            await hooks.step_start(
                StepStartEvent(
                    call_id=config.call_id,
                    step_number=len(state.steps),
                    provider=model.provider,
                    model_id=model.model_id,
                    instructions=plan.instructions,
                    messages=list(plan.messages),
                )
            )
            await hooks.model_call_start(
                ModelCallStartEvent(
                    call_id=config.call_id,
                    step_number=len(state.steps),
                    provider=model.provider,
                    model_id=model.model_id,
                    options=plan.options,
                )
            )
        self._started = time.perf_counter()
        stream_result = await self._bounded_call(
            lambda: retry_with_backoff(
                lambda: model.do_stream(plan.options), max_retries=config.max_retries
            )
        )
        self.stream_result = stream_result
        self.request = StepRequest(
            body=stream_result.request.body
            if config.include.request_body and stream_result.request is not None
            else None,
            messages=list(plan.messages) if config.include.request_messages else None,
        )
        model_stream: AsyncIterator[StreamPart] = stream_result.stream
        self._streams.append(model_stream)
        limits = _Limits(config, self.total_deadline, self.step_deadline)
        if not limits.active:
            return model_stream
        bounded = _bounded(model_stream, limits)
        self._streams.insert(0, bounded)
        return bounded

    async def close(self) -> None:
        """Close the model stream (and its timeout wrapper)."""
        self._response_time = time.perf_counter() - self._started
        streams, self._streams = self._streams, []
        for stream in streams:
            await _close(stream)

    def start_step_part(self) -> StartStepPart:
        return StartStepPart(self.request, self.warnings)

    def open_block(
        self, wanted_id: str, reasoning: bool, metadata: ProviderMetadata | None
    ) -> _Block:
        """Start a text or reasoning block (``wanted_id`` as the provider sent it)."""
        block = _Block(reasoning, metadata)
        self.content.append(block)
        if reasoning:
            self.blocks["r:" + wanted_id] = block
            self.reasoning_ids[wanted_id] = self._reasoning_reserver.reserve(wanted_id)
        else:
            self.blocks[wanted_id] = block
            self.text_ids[wanted_id] = self._text_reserver.reserve(wanted_id)
        return block

    def _output_seen(self) -> None:
        if self.first_output is None:
            self.first_output = time.perf_counter()

    async def handle(self, part: StreamPart) -> list[TextStreamPart]:
        """The user parts for one model part (text deltas are handled by the engine)."""
        cls = part.__class__
        if cls is StreamStart:
            self.warnings = list(cast("StreamStart", part).warnings)
            return []
        out: list[TextStreamPart] = []
        if not self.started_step:
            self.started_step = True
            out.append(self.start_step_part())
        if cls is ReasoningDelta:
            delta = cast("ReasoningDelta", part)
            block = self.blocks.get("r:" + delta.id)
            if block is None:
                block = self.open_block(delta.id, True, delta.provider_metadata)
            block.chunks.append(delta.delta)
            if delta.provider_metadata is not None:
                block.provider_metadata = delta.provider_metadata
            if delta.delta:
                self._output_seen()
            out.append(
                ReasoningDeltaPart(
                    self.reasoning_ids[delta.id], delta.delta, delta.provider_metadata
                )
            )
        elif cls is TextStart:
            start = cast("TextStart", part)
            self.open_block(start.id, False, start.provider_metadata)
            out.append(TextStartPart(self.text_ids[start.id], start.provider_metadata))
        elif cls is TextEnd:
            end = cast("TextEnd", part)
            block = self.blocks.pop(end.id, None)
            if block is not None and end.provider_metadata is not None:
                block.provider_metadata = end.provider_metadata
            out.append(TextEndPart(self.text_ids.pop(end.id, end.id), end.provider_metadata))
        elif cls is ReasoningStart:
            rstart = cast("ReasoningStart", part)
            self.open_block(rstart.id, True, rstart.provider_metadata)
            out.append(ReasoningStartPart(self.reasoning_ids[rstart.id], rstart.provider_metadata))
        elif cls is ReasoningEnd:
            rend = cast("ReasoningEnd", part)
            block = self.blocks.pop("r:" + rend.id, None)
            if block is not None and rend.provider_metadata is not None:
                block.provider_metadata = rend.provider_metadata
            out.append(
                ReasoningEndPart(self.reasoning_ids.pop(rend.id, rend.id), rend.provider_metadata)
            )
        elif cls is ToolInputStart:
            out.append(await self._tool_input_start(cast("ToolInputStart", part)))
        elif cls is ToolInputDelta:
            tdelta = cast("ToolInputDelta", part)
            if tdelta.delta:
                self._output_seen()
            hooked = self._input_hooks.get(tdelta.id)
            if hooked is not None and hooked[0].on_input_delta is not None:
                outcome = hooked[0].on_input_delta(tdelta.delta, hooked[1])
                if inspect.isawaitable(outcome):
                    await outcome
            out.append(ToolInputDeltaPart(tdelta.id, tdelta.delta, tdelta.provider_metadata))
        elif cls is ToolInputEnd:
            tend = cast("ToolInputEnd", part)
            out.append(ToolInputEndPart(tend.id, tend.provider_metadata))
        elif cls is ToolCallContent:
            self._output_seen()
            out.extend(await self._tool_call(cast("ToolCallContent", part)))
        elif cls is ToolResultContent:
            out.append(self._provider_tool_result(cast("ToolResultContent", part)))
        elif cls is FileContent:
            self._output_seen()
            file = cast("FileContent", part)
            file_part = GeneratedFilePart(_file(file), file.provider_metadata)
            self.content.append(file_part)
            out.append(file_part)
        elif cls is ReasoningFileContent:
            self._output_seen()
            rfile = cast("ReasoningFileContent", part)
            rfile_part = GeneratedReasoningFilePart(_file(rfile), rfile.provider_metadata)
            self.content.append(rfile_part)
            out.append(rfile_part)
        elif cls is UrlSource or cls is DocumentSource or cls is CustomContent:
            self.content.append(cast("ContentPart", part))
            out.append(cast("TextStreamPart", part))
        elif cls is ResponseMetadata:
            meta = cast("ResponseMetadata", part)
            self.response_id = meta.id or self.response_id
            self.response_timestamp = meta.timestamp or self.response_timestamp
            self.response_model_id = meta.model_id or self.response_model_id
        elif cls is Finish:
            self.finish = cast("Finish", part)
            self.finish_reason = self.finish.finish_reason.unified
        elif cls is ErrorPart:
            self.errored = True
            self.finish_reason = "error"
            out.append(StreamErrorPart(cast("ErrorPart", part).error))
        elif cls is Raw and self.config.include.raw_chunks:
            out.append(RawPart(cast("Raw", part).raw_value))
        # anything else (tool approval requests) is not supported yet and dropped
        return out

    async def _tool_input_start(self, part: ToolInputStart) -> ToolInputStartPart:
        tool = self._tools.get(part.tool_name)
        if tool is not None and (
            tool.on_input_start is not None or tool.on_input_delta is not None
        ):
            options = ToolExecutionOptions(
                tool_call_id=part.id,
                messages=self.plan.messages,
                context=self.plan.tools_context.get(part.tool_name),
            )
            self._input_hooks[part.id] = (tool, options)
            await notify(tool.on_input_start, options)
        return ToolInputStartPart(
            id=part.id,
            tool_name=part.tool_name,
            provider_executed=part.provider_executed,
            dynamic=bool(part.dynamic) or (tool is not None and tool.type == "dynamic"),
            title=tool.title if tool is not None else part.title,
            provider_metadata=part.provider_metadata,
            tool_metadata=tool.metadata if tool is not None else None,
        )

    async def _tool_call(self, part: ToolCallContent) -> list[TextStreamPart]:
        call = await parse_tool_call(
            part,
            tools=self.plan.tools,
            repair_tool_call=self.config.repair_tool_call,
            messages=self.plan.messages,
            instructions=self.plan.instructions,
        )
        self.calls.append(call)
        self._calls_by_id[call.tool_call_id] = call
        self.content.append(call)
        if call.invalid and not call.provider_executed:
            error = invalid_call_error(call)
            self.outputs.append(error)
            self.content.append(error)
            return [call, error]
        return [call]

    def _provider_tool_result(self, part: ToolResultContent) -> ToolResult | ToolError:
        known = self._calls_by_id.get(part.tool_call_id)
        tool = self._tools.get(part.tool_name)
        common: dict[str, Any] = {
            "tool_call_id": part.tool_call_id,
            "tool_name": part.tool_name,
            "input": known.input if known is not None else None,
            "provider_executed": True,
            "dynamic": bool(part.dynamic),
            "provider_metadata": part.provider_metadata,
            "tool_metadata": tool.metadata if tool is not None else None,
        }
        output: ToolResult | ToolError = (
            ToolError(error=part.result, **common)
            if part.is_error
            else ToolResult(output=part.result, **common)
        )
        self.content.append(output)
        return output

    async def interrupt(self, error: BaseException) -> list[TextStreamPart]:
        """A time limit cut the model stream: close the open text and reasoning blocks and end
        the step with ``error``, keeping what arrived (as a provider does when its connection
        breaks), so the text already paid for stays on the result."""
        out: list[TextStreamPart] = []
        for key in list(self.blocks):
            if key.startswith("r:"):
                out.extend(await self.handle(ReasoningEnd(id=key[2:])))
            else:
                out.extend(await self.handle(TextEnd(id=key)))
        out.extend(await self.handle(ErrorPart(error=error)))
        return out

    def end_of_stream(self) -> StreamErrorPart | None:
        """The error that ends the call when the model stream produced nothing at all."""
        nothing = not self.calls and not self.content and self.first_output is None
        if self.finish is None and not self.errored and nothing:
            return StreamErrorPart(
                NoOutputGeneratedError(
                    "No output generated. The model stream ended without a finish chunk."
                )
            )
        if self.finish is not None:
            self.finish_reason = self.finish.finish_reason.unified
        return None

    def model_call_end_event(self) -> ModelCallEndEvent:
        """What the model stream of this step produced (for telemetry)."""
        model = self.plan.model
        finish = self.finish
        return ModelCallEndEvent(
            call_id=self.config.call_id,
            step_number=len(self.state.steps),
            provider=model.provider,
            model_id=model.model_id,
            response_id=self.response_id,
            response_model_id=self.response_model_id,
            finish_reason=self.finish_reason,
            usage=LanguageModelUsage.from_spec(finish.usage)
            if finish is not None
            else LanguageModelUsage(),
            text="".join(
                "".join(item.chunks)
                for item in self.content
                if isinstance(item, _Block) and not item.reasoning
            ),
            tool_calls=list(self.calls),
        )

    # -- tools and the step result --

    async def run_tools(self) -> AsyncGenerator[ToolResult | ToolError, None]:
        """Execute the client tool calls in parallel (when the finish reason allows it);
        yield results (preliminary ones too) as they complete."""
        tools = self._tools
        if not tools or self.finish_reason not in _TOOL_FINISH_REASONS:
            return
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
        plan = self.plan

        hooks = self.config.hooks
        call_id = self.config.call_id
        step_number = len(self.state.steps)

        async def run(call: ToolCall) -> None:
            try:
                if hooks is not None:
                    await hooks.tool_start(
                        ToolExecutionStartEvent(
                            call_id=call_id, step_number=step_number, tool_call=call
                        )
                    )
                outcome = await execute_tool_call(
                    tools[call.tool_name],
                    call,
                    messages=plan.messages,
                    context=plan.tools_context.get(call.tool_name),
                    timeout=timeout.for_tool(call.tool_name),
                    on_preliminary=lambda result: queue.put_nowait(("preliminary", result)),
                )
                if hooks is not None:
                    await hooks.tool_end(
                        ToolExecutionEndEvent(
                            call_id=call_id,
                            step_number=step_number,
                            tool_call=call,
                            output=outcome[0],
                            duration=outcome[1],
                        )
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
                    self.tool_times[output.tool_call_id] = seconds
                    self.outputs.append(output)
                    self.content.append(output)
                    yield output
                else:
                    raise cast("BaseException", item)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def build_step(self) -> StepResult:
        """The `StepResult` of the finished step."""
        config = self.config
        model = self.plan.model
        finish = self.finish
        content: list[ContentPart] = [
            item.content() if isinstance(item, _Block) else item for item in self.content
        ]
        usage = (
            LanguageModelUsage.from_spec(finish.usage)
            if finish is not None
            else LanguageModelUsage()
        )
        stream_response = self.stream_result.response
        response = StepResponse(
            id=self.response_id or generate_response_id(),
            timestamp=self.response_timestamp or datetime.now(UTC),
            model_id=self.response_model_id or model.model_id,
            headers=stream_response.headers if stream_response is not None else None,
            messages=await to_response_messages(content, config.tools),
        )
        response_time = self._response_time
        performance = StepPerformance(
            step_time=time.perf_counter() - self._started,
            response_time=response_time,
            tool_execution_time=self.tool_times,
            time_to_first_output=self.first_output - self._started
            if self.first_output is not None
            else None,
            output_tokens_per_second=usage.output_tokens / response_time
            if usage.output_tokens is not None and response_time > 0
            else None,
        )
        log_warnings(self.warnings, provider=model.provider, model_id=model.model_id)
        return StepResult(
            call_id=config.call_id,
            step_number=len(self.state.steps),
            model=ModelInfo(provider=model.provider, model_id=model.model_id),
            content=content,
            finish_reason=self.finish_reason,
            raw_finish_reason=finish.finish_reason.raw if finish is not None else None,
            usage=usage,
            performance=performance,
            warnings=self.warnings,
            request=self.request,
            response=response,
            provider_metadata=finish.provider_metadata if finish is not None else None,
        )

    def finish_step_part(self, step: StepResult) -> FinishStepPart:
        response = step.response
        return FinishStepPart(
            response=StepResponse(
                id=response.id,
                timestamp=response.timestamp,
                model_id=response.model_id,
                headers=response.headers,
            ),
            usage=step.usage,
            performance=step.performance,
            finish_reason=step.finish_reason,
            raw_finish_reason=step.raw_finish_reason,
            provider_metadata=step.provider_metadata,
        )
