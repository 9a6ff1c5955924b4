"""`stream_text`'s result: one lazy stream, recorded once and replayed to any number of readers.

Parts are recorded as they are pulled and replayed to every reader (``text_stream``, ``stream``,
the aggregates...), so several readers never run the model twice. Nothing runs until something
reads, and the model is read only when a reader needs the next part: there is no read-ahead
buffer (the record of parts already read is what lets late readers start from the beginning).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Generator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Never, TypeAlias, cast

from typing_extensions import TypeVar, Unpack

from ai_sdk._files import GeneratedFile
from ai_sdk.generate_text._config import CallConfig
from ai_sdk.generate_text._output import Output
from ai_sdk.generate_text._parts import (
    AbortPart,
    ContentPart,
    GeneratedReasoningFilePart,
    Source,
    StartStepPart,
    StepRequest,
    StepResponse,
    StreamErrorPart,
    TextDeltaPart,
    TextStreamPart,
    ToolCall,
    ToolResult,
)
from ai_sdk.generate_text._result import GenerateTextResult, result_of
from ai_sdk.generate_text._step import StepResult
from ai_sdk.generate_text._stream_engine import StreamCallbacks, StreamEngine, StreamState
from ai_sdk.generate_text._tool import Tool
from ai_sdk.generate_text._usage import LanguageModelUsage
from ai_sdk.prompt import ResponseMessage
from ai_sdk.provider import (
    CallWarning,
    NoOutputGeneratedError,
    ProviderMetadata,
    ReasoningContent,
    UnifiedFinishReason,
    get_error_message,
)
from ai_sdk.provider_utils._closing import AsyncClosing
from ai_sdk.telemetry._hooks import AbortEvent, notify_callback

if TYPE_CHECKING:
    from ai_sdk.ui import UIMessageChunk, UIMessageStreamOptions
    from ai_sdk.ui.starlette import UIMessageStreamResponse

__all__ = ["Aggregate", "StreamTextResult", "StreamTransform"]

OutputT = TypeVar("OutputT", default=str)
PartialT = TypeVar("PartialT", default=str)
ElementT = TypeVar("ElementT", default=Never)
T = TypeVar("T")

StreamTransform: TypeAlias = Callable[
    [AsyncIterator[TextStreamPart]], AsyncIterator[TextStreamPart]
]
"""Rewrites the stream of parts (e.g. `smooth_stream()`): an async generator function that takes
the parts and yields parts. Stopping early stops the model stream."""


def _as_exception(error: object) -> BaseException:
    if isinstance(error, BaseException):
        return error
    return NoOutputGeneratedError(
        f"The stream reported an error: {get_error_message(error)}", cause=error
    )


class Aggregate(Generic[T]):
    """A value of a stream result, available once the stream ends: ``await result.text``.

    Awaiting it reads the stream to its end if nobody else is reading it.
    """

    __slots__ = ("_get", "_result")

    def __init__(self, result: StreamTextResult[Any, Any, Any], get: Callable[[], T]) -> None:
        self._result = result
        self._get = get

    async def _value(self) -> T:
        await self._result._finish()  # pyright: ignore[reportPrivateUsage]
        return self._get()

    def __await__(self) -> Generator[Any, None, T]:
        return self._value().__await__()


class StreamTextResult(AsyncClosing, Generic[OutputT, PartialT, ElementT]):
    """The result of `stream_text`: streams to iterate and values to await.

    Iterate ``text_stream`` (text deltas), ``stream`` (every `TextStreamPart`),
    ``partial_output_stream`` or ``element_stream``, as often as you like, at the same time or one
    after the other; each starts from the first part. Await the aggregates (``await
    result.text``, ``.usage``, ``.steps``, ``.output``, ...) for the final values; awaiting reads
    the stream to its end if nobody else does.

    Use ``async with stream_text(...) as result:`` so that leaving the block early closes the
    model stream (the HTTP response) and cancels running tools.
    """

    def __init__(
        self,
        config: CallConfig,
        callbacks: StreamCallbacks,
        transforms: Sequence[StreamTransform],
        raise_on_error: bool,
    ) -> None:
        self._config = config
        self._callbacks = callbacks
        self._transforms = list(transforms)
        self._raise_on_error = raise_on_error
        self._state = StreamState()
        self._parts: list[TextStreamPart] = []
        self._errors: list[object] = []
        self._source: AsyncIterator[TextStreamPart] | None = None
        self._stages: list[AsyncIterator[TextStreamPart]] = []
        self._done = False
        self._busy = False
        self._close_requested = False
        self._aborted = False
        self._waiters: list[asyncio.Future[None]] = []
        self._failure: BaseException | None = None
        self._observe_all = callbacks.on_chunk is not None

    # -- pulling and recording ------------------------------------------------------------------

    def _start(self) -> AsyncIterator[TextStreamPart]:
        source: AsyncIterator[TextStreamPart] = StreamEngine(
            self._config, self._callbacks, self._state
        ).run()
        self._stages.append(source)
        for transform in self._transforms:
            source = transform(source)
            self._stages.append(source)
        self._source = source
        return source

    async def _pull(self, seen: int) -> None:
        """Record the next part, unless another reader already did (``seen`` parts known)."""
        while self._busy:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
            if len(self._parts) > seen or self._done:
                return
        if self._done:
            return
        source = self._source if self._source is not None else self._start()
        self._busy = True
        try:
            part = await source.__anext__()
        except BaseException as error:
            self._busy = False
            await self._failed(error)
            return
        self._busy = False
        self._parts.append(part)
        self._wake()
        await self._observe(part)

    async def _failed(self, error: BaseException) -> None:
        """The source ended (``StopAsyncIteration``), was cancelled, or failed."""
        self._wake()
        if isinstance(error, StopAsyncIteration):
            self._done = True
            # A transform may stop before the engine did: release the model stream now.
            await self._close_stages()
            return
        if isinstance(error, asyncio.CancelledError):
            await self._abort()
            raise error
        self._done = True
        if not isinstance(error, Exception):  # KeyboardInterrupt and the like
            await self._close_stages()
            raise error
        # Only a transform can fail here (the engine reports its errors as parts).
        part = StreamErrorPart(error)
        self._parts.append(part)
        await self._after_error(part)
        await self._close_stages()

    def _wake(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    async def _observe(self, part: TextStreamPart) -> None:
        """The callbacks of a freshly pulled part (errors, ``on_chunk``)."""
        if part.__class__ is StreamErrorPart:
            await self._after_error(part)
        if self._callbacks.on_chunk is not None:
            await notify_callback(self._callbacks.on_chunk, part)
        if self._close_requested:
            await self.aclose()

    async def _after_error(self, part: TextStreamPart) -> None:
        error = cast("StreamErrorPart", part).error
        self._errors.append(error)
        await notify_callback(self._callbacks.on_error, error)

    async def _abort(self) -> None:
        self._done = True
        self._aborted = True
        self._parts.append(AbortPart(reason="cancelled"))
        await self._close_stages()
        await notify_callback(self._callbacks.on_abort, list(self._state.steps))
        hooks = self._config.hooks
        if hooks is not None:
            await hooks.abort(
                AbortEvent(call_id=self._config.call_id, steps=list(self._state.steps))
            )

    async def _close_stages(self) -> None:
        stages, self._stages = self._stages, []
        for stage in reversed(stages):
            aclose = getattr(stage, "aclose", None)
            if aclose is not None:
                # A stage running in another task cannot be closed here; it ends with the loop.
                with contextlib.suppress(RuntimeError):
                    await aclose()

    async def _parts_from_start(self) -> AsyncIterator[TextStreamPart]:
        """Every part, recorded ones first, pulling more as needed."""
        index = 0
        parts = self._parts
        observe = self._observe_all
        while True:
            if index < len(parts):
                yield parts[index]
                index += 1
                continue
            if self._done:
                return
            source = self._source
            if source is None or self._busy:
                await self._pull(index)
                continue
            # The common case, inlined (it runs once per token): this reader pulls the next
            # part itself; `_pull` handles the rest (start, contention, end, failures).
            self._busy = True
            try:
                part = await source.__anext__()
            except BaseException as error:
                self._busy = False
                await self._failed(error)
                continue
            self._busy = False
            parts.append(part)
            if self._waiters:
                self._wake()
            if observe or part.__class__ is StreamErrorPart:
                await self._observe(part)

    async def _finish(self) -> None:
        """Read to the end (if needed) and raise the stream's error in raising mode."""
        index = len(self._parts)
        while not self._done:
            await self._pull(index)
            index = len(self._parts)
        state = self._state
        if self._errors and (self._raise_on_error or not state.steps):
            first = self._errors[0]
            if self._raise_on_error:
                raise _as_exception(first)
            raise NoOutputGeneratedError(
                "No output generated. Check the stream for errors.", cause=first
            )
        if not state.steps:
            raise NoOutputGeneratedError(
                "No output generated: the stream was cancelled or closed before a step finished."
            )
        if state.final is None:  # cancelled or closed after some steps: report those
            state.final = result_of(state.steps, self._config.output)

    def _final(self) -> GenerateTextResult[OutputT]:
        final = self._state.final
        assert final is not None
        return final

    # -- streams --------------------------------------------------------------------------------

    def _raise(self, error: object) -> Never:
        raise _as_exception(error)

    @property
    def stream(self) -> AsyncIterator[TextStreamPart]:
        """Every part: steps, text and reasoning deltas, tool calls and results, errors, finish.

        Error parts are yielded, never raised.
        """
        return self._parts_from_start()

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """The text deltas. Raises the stream's first error where it occurred (unless the call
        was made with ``raise_on_error=False``, which skips errors as upstream does)."""
        return self._text_stream()

    async def _text_stream(self) -> AsyncIterator[str]:
        index = 0
        parts = self._parts
        raising = self._raise_on_error
        observe = self._observe_all
        while True:
            if index < len(parts):
                part = parts[index]
            elif self._done:
                return
            else:
                source = self._source
                if source is None or self._busy:
                    await self._pull(index)
                    continue
                # The fast path of `_parts_from_start`, repeated to save a generator hop per
                # token.
                self._busy = True
                try:
                    part = await source.__anext__()
                except BaseException as error:
                    self._busy = False
                    await self._failed(error)
                    continue
                self._busy = False
                parts.append(part)
                if self._waiters:
                    self._wake()
                if observe or part.__class__ is StreamErrorPart:
                    await self._observe(part)
            index += 1
            cls = part.__class__
            if cls is TextDeltaPart:
                delta: TextDeltaPart = part  # pyright: ignore[reportAssignmentType]
                yield delta.text
            elif cls is StreamErrorPart and raising:
                self._raise(cast("StreamErrorPart", part).error)

    @property
    def partial_output_stream(self) -> AsyncIterator[PartialT]:
        """The output parsed so far, each time it changes (repaired JSON, never validated, for
        ``Output.object``; the complete elements so far for ``Output.array``). Reset at each
        step. Raises errors like ``text_stream``."""
        return self._partial_outputs()

    async def _partial_outputs(self) -> AsyncIterator[PartialT]:
        output: Output[Any, Any, Any] = self._config.output or Output.text()
        text = ""
        last: object = _NOTHING
        async for part in self._parts_from_start():
            cls = part.__class__
            if cls is TextDeltaPart:
                text += cast("TextDeltaPart", part).text
                parsed = output.parse_partial(text)
                if parsed is not None and parsed[0] != last:
                    last = parsed[0]
                    yield cast("PartialT", last)
            elif cls is StartStepPart:
                text = ""
                last = _NOTHING
            elif cls is StreamErrorPart and self._raise_on_error:
                self._raise(cast("StreamErrorPart", part).error)

    @property
    def element_stream(self) -> AsyncIterator[ElementT]:
        """``Output.array`` only: each complete, validated element once, as soon as it is
        complete. Raises errors like ``text_stream``."""
        return self._elements()

    async def _elements(self) -> AsyncIterator[ElementT]:
        output: Output[Any, Any, Any] = self._config.output or Output.text()
        published = 0
        async for partial in self._partial_outputs():
            elements = output.elements(partial)
            while published < len(elements):
                yield cast("ElementT", elements[published])
                published += 1

    async def consume_stream(self) -> None:
        """Read the stream to its end without raising (errors still reach ``on_error``)."""
        index = len(self._parts)
        while not self._done:
            await self._pull(index)
            index = len(self._parts)

    # -- UI message streams (ai_sdk.ui; imported on use) ---------------------------------------

    @property
    def tools(self) -> Mapping[str, Tool[Any]]:
        """The tools of the call."""
        return self._config.tools or {}

    def to_ui_message_stream(
        self, **options: Unpack[UIMessageStreamOptions]
    ) -> AsyncIterator[UIMessageChunk]:
        """The stream as UI message chunks, for the TS `useChat` (see `ai_sdk.ui`).

        Errors are masked ("An error occurred.") unless ``on_error`` says otherwise. Closing
        the returned iterator early (a client that went away) closes this result.
        """
        from ai_sdk.ui._stream import ui_message_stream_of

        return ui_message_stream_of(self, options)

    def to_ui_message_stream_response(
        self,
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        keep_alive: float | None = None,
        **options: Unpack[UIMessageStreamOptions],
    ) -> UIMessageStreamResponse:
        """`to_ui_message_stream` as a Starlette/FastAPI response (the ``web`` extra: starlette)
        that stops the model when the client disconnects."""
        from ai_sdk.ui.starlette import create_ui_message_stream_response

        return create_ui_message_stream_response(
            self.to_ui_message_stream(**options),
            status=status,
            headers=headers,
            keep_alive=keep_alive,
        )

    # -- aggregates -----------------------------------------------------------------------------

    @property
    def steps(self) -> Aggregate[list[StepResult]]:
        """Every step."""
        return Aggregate(self, lambda: self._final().steps)

    @property
    def final_step(self) -> Aggregate[StepResult]:
        """The last step."""
        return Aggregate(self, lambda: self._final().final_step)

    @property
    def text(self) -> Aggregate[str]:
        """The text of the last step."""
        return Aggregate(self, lambda: self._final().text)

    @property
    def content(self) -> Aggregate[list[ContentPart]]:
        """The content of all steps."""
        return Aggregate(self, lambda: self._final().content)

    @property
    def reasoning(self) -> Aggregate[list[ReasoningContent | GeneratedReasoningFilePart]]:
        """The reasoning of the last step."""
        return Aggregate(self, lambda: self._final().reasoning)

    @property
    def reasoning_text(self) -> Aggregate[str | None]:
        """The reasoning text of the last step, or ``None``."""
        return Aggregate(self, lambda: self._final().reasoning_text)

    @property
    def files(self) -> Aggregate[list[GeneratedFile]]:
        """The files generated in all steps."""
        return Aggregate(self, lambda: self._final().files)

    @property
    def sources(self) -> Aggregate[list[Source]]:
        """The sources cited in all steps."""
        return Aggregate(self, lambda: self._final().sources)

    @property
    def tool_calls(self) -> Aggregate[list[ToolCall]]:
        """The tool calls of all steps."""
        return Aggregate(self, lambda: self._final().tool_calls)

    @property
    def tool_results(self) -> Aggregate[list[ToolResult]]:
        """The tool results of all steps."""
        return Aggregate(self, lambda: self._final().tool_results)

    @property
    def finish_reason(self) -> Aggregate[UnifiedFinishReason]:
        """Why the last step stopped."""
        return Aggregate(self, lambda: self._final().finish_reason)

    @property
    def raw_finish_reason(self) -> Aggregate[str | None]:
        """The provider's own finish reason of the last step."""
        return Aggregate(self, lambda: self._final().raw_finish_reason)

    @property
    def usage(self) -> Aggregate[LanguageModelUsage]:
        """Token usage summed over all steps."""
        return Aggregate(self, lambda: self._final().usage)

    @property
    def total_usage(self) -> Aggregate[LanguageModelUsage]:
        """Same as ``usage``."""
        return self.usage

    @property
    def warnings(self) -> Aggregate[list[CallWarning]]:
        """The warnings of all steps."""
        return Aggregate(self, lambda: self._final().warnings)

    @property
    def request(self) -> Aggregate[StepRequest]:
        """The request of the last step."""
        return Aggregate(self, lambda: self._final().request)

    @property
    def response(self) -> Aggregate[StepResponse]:
        """The response of the last step, with the messages of all steps."""
        return Aggregate(self, lambda: self._final().response)

    @property
    def response_messages(self) -> Aggregate[list[ResponseMessage]]:
        """The assistant and tool messages of all steps."""
        return Aggregate(self, lambda: self._final().response_messages)

    @property
    def provider_metadata(self) -> Aggregate[ProviderMetadata | None]:
        """The provider metadata of the last step."""
        return Aggregate(self, lambda: self._final().provider_metadata)

    @property
    def output(self) -> Aggregate[OutputT]:
        """The parsed output (see `GenerateTextResult.output` for the errors)."""
        return Aggregate(self, lambda: self._final().output)

    @property
    def result(self) -> Aggregate[GenerateTextResult[OutputT]]:
        """Everything at once, as a `GenerateTextResult`."""
        return Aggregate(self, self._final)

    # -- lifetime -------------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Stop: close the model stream (releasing the HTTP response) and cancel running tools.

        Readers then see the stream end. Safe to call more than once.
        """
        if self._busy:
            self._close_requested = True
            return
        self._close_requested = False
        if not self._done:
            self._done = True
        await self._close_stages()


_NOTHING: Any = object()
