"""What streaming adds to a kernel `Step`: the model stream read part by part.

`StreamStep` opens the model stream, bounds each read with the chunk deadlines, keeps the blocks
being streamed and the ids users see, and maps each model part to user parts; content, tool calls
and the step result are the kernel's (`_kernel.Step`). The engine inlines only the per-token
text path around it.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from ai_sdk.generate_text._config import CallConfig
from ai_sdk.generate_text._kernel import Block, Deadlines, Scope, Step
from ai_sdk.generate_text._parts import (
    FinishPart,
    FinishStepPart,
    LanguageModelResponseMetadata,
    RawPart,
    ReasoningDeltaPart,
    ReasoningEndPart,
    ReasoningStartPart,
    StartStepPart,
    StepRequest,
    StreamErrorPart,
    TextEndPart,
    TextStartPart,
    TextStreamPart,
    ToolApprovalResponse,
    ToolInputDeltaPart,
    ToolInputEndPart,
    ToolInputStartPart,
    ToolOutputDenied,
)
from ai_sdk.generate_text._result import GenerateTextResult
from ai_sdk.generate_text._step import StepResult
from ai_sdk.generate_text._tool import Tool, ToolExecutionOptions
from ai_sdk.provider import (
    CallWarning,
    Content,
    CustomContent,
    DocumentSource,
    ErrorPart,
    FileContent,
    Finish,
    NoOutputGeneratedError,
    ProviderMetadata,
    Raw,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningFileContent,
    ReasoningStart,
    ResponseMetadata,
    StreamPart,
    StreamProviderError,
    StreamResult,
    StreamStart,
    TextDelta,
    TextEnd,
    TextStart,
    ToolApprovalRequestContent,
    ToolCallContent,
    ToolInputDelta,
    ToolInputEnd,
    ToolInputStart,
    ToolResultContent,
    UnifiedFinishReason,
    UrlSource,
)
from ai_sdk.provider_utils import generate_id, retry_with_backoff
from ai_sdk.telemetry._hooks import ModelCallEndEvent, notify_callback

__all__ = ["IdReserver", "StreamState", "StreamStep"]


@dataclass(slots=True)
class StreamState:
    """What the engine has recorded so far, read by the result's aggregates."""

    steps: list[StepResult] = field(default_factory=list[StepResult])
    finish: FinishPart | None = None
    final: GenerateTextResult[Any] | None = None


class IdReserver:
    """Keeps text/reasoning ids unique across steps (providers restart them per call)."""

    __slots__ = ("_used",)

    def __init__(self) -> None:
        self._used: set[str] = set()

    def reserve(self, wanted: str) -> str:
        if wanted not in self._used:
            self._used.add(wanted)
            return wanted
        candidate = generate_id()
        while candidate in self._used:
            candidate = generate_id()
        self._used.add(candidate)
        return candidate


_OUTPUT_CLASSES = (FileContent, ReasoningFileContent, ToolCallContent)


def _is_output(part: StreamPart) -> bool:
    if isinstance(part, TextDelta | ReasoningDelta | ToolInputDelta):
        return bool(part.delta)
    return isinstance(part, _OUTPUT_CLASSES)


class _ChunkLimits:
    """The deadlines of each read of the model stream: the call's and the step's, and the
    first-chunk and chunk timeouts (loop time)."""

    __slots__ = ("chunk", "first_chunk_deadline", "names", "outer")

    def __init__(self, config: CallConfig, deadlines: Deadlines) -> None:
        timeout = config.timeout
        self.outer = deadlines.named()
        self.first_chunk_deadline = (
            asyncio.get_running_loop().time() + timeout.first_chunk
            if timeout.first_chunk is not None
            else None
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


async def _bounded(
    stream: AsyncIterator[StreamPart], limits: _ChunkLimits
) -> AsyncIterator[StreamPart]:
    """``stream`` with every read bounded by the step's deadlines."""
    seen_output = False
    while True:
        bound = limits.deadline(seen_output)
        try:
            if bound is None:
                part = await stream.__anext__()
            else:
                async with Scope(*bound):
                    part = await stream.__anext__()
        except StopAsyncIteration:
            return
        if not seen_output and _is_output(part):
            seen_output = True
        yield part


async def _close(stream: object) -> None:
    aclose = getattr(stream, "aclose", None)
    if aclose is not None:
        await aclose()


class StreamStep:
    """One streamed step: reads the model stream into a kernel `Step`, emitting user parts."""

    def __init__(self, step: Step, reservers: tuple[IdReserver, IdReserver]) -> None:
        self.step = step
        self.config = step.config
        self.deadlines = step.deadlines
        self._text_reserver, self._reasoning_reserver = reservers
        self.started_step = False
        self.first_output: float | None = None
        self.blocks: dict[str, Block] = {}
        self.text_ids: dict[str, str] = {}
        self.reasoning_ids: dict[str, str] = {}
        self.warnings: list[CallWarning] = []
        self.request = StepRequest()
        self.finish: Finish | None = None
        self.finish_reason: UnifiedFinishReason = "other"
        self.errored = False
        self.response_id: str | None = None
        self.response_timestamp: datetime | None = None
        self.response_model_id: str | None = None
        self._input_hooks: dict[str, tuple[Tool[Any], ToolExecutionOptions]] = {}
        self._response_time = 0.0
        self._streams: list[object] = []
        self._stream_result: StreamResult | None = None

    # -- the model stream --

    async def open(self) -> AsyncIterator[StreamPart]:
        """Open the model stream (retried until it starts), its reads bounded."""
        config = self.config
        model = self.step.plan.model
        options = self.step.plan.options
        stream_result = await self.deadlines.bounded(
            lambda: retry_with_backoff(
                lambda: model.do_stream(options), max_retries=config.max_retries
            )
        )
        self._stream_result = stream_result
        self.request = self.step.request(stream_result.request)
        model_stream: AsyncIterator[StreamPart] = stream_result.stream
        self._streams.append(model_stream)
        limits = _ChunkLimits(config, self.deadlines)
        if not limits.active:
            return model_stream
        bounded = _bounded(model_stream, limits)
        self._streams.insert(0, bounded)
        return bounded

    async def close(self) -> None:
        """Close the model stream (and its timeout wrapper)."""
        self._response_time = time.perf_counter() - self.step.started
        streams, self._streams = self._streams, []
        for stream in streams:
            await _close(stream)

    def start_step_part(self) -> StartStepPart:
        return StartStepPart(self.request, self.warnings)

    def open_block(
        self, wanted_id: str, reasoning: bool, metadata: ProviderMetadata | None
    ) -> Block:
        """Start a text or reasoning block (``wanted_id`` as the provider sent it)."""
        block = self.step.open_block(reasoning, metadata)
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

    def _end_block(self, key: str, metadata: ProviderMetadata | None) -> None:
        block = self.blocks.pop(key, None)
        if block is not None and metadata is not None:
            block.provider_metadata = metadata

    async def handle(self, part: StreamPart) -> list[TextStreamPart]:
        """The user parts for one model part (text deltas are handled by the engine)."""
        if isinstance(part, StreamStart):
            self.warnings = list(part.warnings)
            return []
        out: list[TextStreamPart] = []
        if not self.started_step:
            self.started_step = True
            out.append(self.start_step_part())
        match part:
            case ReasoningDelta():
                block = self.blocks.get("r:" + part.id)
                if block is None:
                    block = self.open_block(part.id, True, part.provider_metadata)
                block.chunks.append(part.delta)
                if part.provider_metadata is not None:
                    block.provider_metadata = part.provider_metadata
                if part.delta:
                    self._output_seen()
                out.append(
                    ReasoningDeltaPart(
                        self.reasoning_ids[part.id], part.delta, part.provider_metadata
                    )
                )
            case TextStart():
                self.open_block(part.id, False, part.provider_metadata)
                out.append(TextStartPart(self.text_ids[part.id], part.provider_metadata))
            case TextEnd():
                self._end_block(part.id, part.provider_metadata)
                out.append(TextEndPart(self.text_ids.pop(part.id, part.id), part.provider_metadata))
            case ReasoningStart():
                self.open_block(part.id, True, part.provider_metadata)
                out.append(ReasoningStartPart(self.reasoning_ids[part.id], part.provider_metadata))
            case ReasoningEnd():
                self._end_block("r:" + part.id, part.provider_metadata)
                out.append(
                    ReasoningEndPart(
                        self.reasoning_ids.pop(part.id, part.id), part.provider_metadata
                    )
                )
            case ToolInputStart():
                out.append(await self._tool_input_start(part))
            case ToolInputDelta():
                if part.delta:
                    self._output_seen()
                hooked = self._input_hooks.get(part.id)
                if hooked is not None and hooked[0].on_input_delta is not None:
                    outcome = hooked[0].on_input_delta(part.delta, hooked[1])
                    if inspect.isawaitable(outcome):
                        await outcome
                out.append(ToolInputDeltaPart(part.id, part.delta, part.provider_metadata))
            case ToolInputEnd():
                out.append(ToolInputEndPart(part.id, part.provider_metadata))
            case ResponseMetadata():
                self.response_id = part.id or self.response_id
                self.response_timestamp = part.timestamp or self.response_timestamp
                self.response_model_id = part.model_id or self.response_model_id
            case Finish():
                self.finish = part
                self.finish_reason = part.finish_reason.unified
            case ErrorPart():
                self.errored = True
                self.finish_reason = "error"
                out.append(StreamErrorPart(StreamProviderError.from_stream_error(part.error)))
            case Raw():
                if self.config.include.raw_chunks:
                    out.append(RawPart(part.raw_value))
            case FileContent() | ReasoningFileContent() | ToolCallContent():
                self._output_seen()
                out.append(await self._add(part))
                if isinstance(part, ToolCallContent):
                    call = self.step.calls[-1]
                    error = self.step.reject_invalid(call)
                    if error is not None:
                        out.append(error)
                    for approval in await self.step.approve(call):
                        self.step.add_approval(approval)
                        out.append(approval)
                        if isinstance(approval, ToolApprovalResponse) and not approval.approved:
                            out.append(
                                ToolOutputDenied(
                                    tool_call_id=call.tool_call_id, tool_name=call.tool_name
                                )
                            )
            case (
                ToolResultContent()
                | UrlSource()
                | DocumentSource()
                | CustomContent()
                | ToolApprovalRequestContent()
            ):
                out.append(await self._add(part))
            case _:  # text deltas: the engine's
                pass
        return out

    async def _add(self, part: Content) -> TextStreamPart:
        return cast("TextStreamPart", await self.step.add(part))

    async def _tool_input_start(self, part: ToolInputStart) -> ToolInputStartPart:
        plan = self.step.plan
        tool = self.step.tools.get(part.tool_name)
        if tool is not None and (
            tool.on_input_start is not None or tool.on_input_delta is not None
        ):
            options = ToolExecutionOptions(
                tool_call_id=part.id, messages=plan.messages, context=plan.runtime_context
            )
            self._input_hooks[part.id] = (tool, options)
            await notify_callback(tool.on_input_start, options)
        return ToolInputStartPart(
            id=part.id,
            tool_name=part.tool_name,
            provider_executed=part.provider_executed,
            dynamic=bool(part.dynamic) or (tool is not None and tool.type == "dynamic"),
            title=tool.title if tool is not None else part.title,
            provider_metadata=part.provider_metadata,
            tool_metadata=tool.metadata if tool is not None else None,
        )

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
        step = self.step
        nothing = not step.calls and not step.content and self.first_output is None
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
        return self.step.model_call_end_event(
            finish_reason=self.finish_reason,
            usage=self.finish.usage if self.finish is not None else None,
            response_id=self.response_id,
            response_model_id=self.response_model_id,
        )

    async def result(self) -> StepResult:
        """The `StepResult` of the finished step."""
        finish = self.finish
        stream_result = self._stream_result
        response = stream_result.response if stream_result is not None else None
        return await self.step.result(
            finish_reason=self.finish_reason,
            raw_finish_reason=finish.finish_reason.raw if finish is not None else None,
            usage=finish.usage if finish is not None else None,
            provider_metadata=finish.provider_metadata if finish is not None else None,
            warnings=self.warnings,
            request=self.request,
            response_id=self.response_id,
            response_timestamp=self.response_timestamp,
            response_model_id=self.response_model_id,
            headers=response.headers if response is not None else None,
            body=None,
            response_time=self._response_time,
            first_output=self.first_output,
        )

    @staticmethod
    def finish_step_part(step: StepResult) -> FinishStepPart:
        return FinishStepPart(
            response=LanguageModelResponseMetadata.of(step.response),
            usage=step.usage,
            performance=step.performance,
            finish_reason=step.finish_reason,
            raw_finish_reason=step.raw_finish_reason,
            provider_metadata=step.provider_metadata,
        )
