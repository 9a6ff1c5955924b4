"""`StreamTextResultSync`: a `StreamTextResult` for synchronous code, driven on the portal loop.

Streams become plain iterators (`SyncStream`) and aggregates blocking properties; nothing here
re-implements streaming, it only hands the async result's work to `ai_sdk._sync`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Never, ParamSpec, cast, overload

from typing_extensions import TypeVar, Unpack

from ai_sdk._files import GeneratedFile
from ai_sdk._sync import SyncStream, dispatching, named_twin, run_sync
from ai_sdk.generate_text._parts import (
    ContentPart,
    GeneratedReasoningFilePart,
    Source,
    StepRequest,
    StepResponse,
    TextStreamPart,
    ToolCall,
    ToolResult,
)
from ai_sdk.generate_text._result import GenerateTextResult
from ai_sdk.generate_text._step import StepResult
from ai_sdk.generate_text._stream_result import StreamTextResult
from ai_sdk.generate_text._tool import Tool
from ai_sdk.generate_text._usage import LanguageModelUsage
from ai_sdk.prompt import ResponseMessage
from ai_sdk.provider import CallWarning, ProviderMetadata, ReasoningContent, UnifiedFinishReason

if TYPE_CHECKING:
    from ai_sdk.ui import UIMessageChunk, UIMessageStreamOptions
    from ai_sdk.ui.starlette import UIMessageStreamResponse

__all__ = ["StreamTextResultSync", "sync_stream_twin"]

OutputT = TypeVar("OutputT", default=str)
PartialT = TypeVar("PartialT", default=str)
ElementT = TypeVar("ElementT", default=Never)
T = TypeVar("T")
P = ParamSpec("P")


class StreamTextResultSync(Generic[OutputT, PartialT, ElementT]):
    """The result of `stream_text_sync`: plain iterators and blocking properties.

    It drives a `StreamTextResult` on the SDK's background event loop. Use it as a context
    manager (``with stream_text_sync(...) as result:``) to close the model stream on early exit.
    """

    def __init__(self, inner: StreamTextResult[OutputT, PartialT, ElementT]) -> None:
        self._inner = inner
        self._streams: list[SyncStream[Any]] = []

    def _iterate(self, make: Callable[[], AsyncIterator[T]]) -> Iterator[T]:
        stream = SyncStream(make)
        self._streams.append(stream)
        return stream

    def _get(self, aggregate: Callable[[], Awaitable[T]]) -> T:
        return run_sync(aggregate)

    @property
    def stream(self) -> Iterator[TextStreamPart]:
        """Every part (see `StreamTextResult.stream`)."""
        return self._iterate(lambda: self._inner.stream)

    @property
    def text_stream(self) -> Iterator[str]:
        """The text deltas (see `StreamTextResult.text_stream`)."""
        return self._iterate(lambda: self._inner.text_stream)

    @property
    def partial_output_stream(self) -> Iterator[PartialT]:
        """The partial outputs (see `StreamTextResult.partial_output_stream`)."""
        return self._iterate(lambda: self._inner.partial_output_stream)

    @property
    def element_stream(self) -> Iterator[ElementT]:
        """The array elements (see `StreamTextResult.element_stream`)."""
        return self._iterate(lambda: self._inner.element_stream)

    def to_ui_message_stream(
        self, **options: Unpack[UIMessageStreamOptions]
    ) -> Iterator[UIMessageChunk]:
        """The UI message chunks (see `StreamTextResult.to_ui_message_stream`); for WSGI, frame
        them with `ai_sdk.ui.ui_message_stream_to_sse_bytes_sync`. Callbacks run on the SDK's
        background loop."""
        return self._iterate(lambda: self._inner.to_ui_message_stream(**options))

    def to_ui_message_stream_response(
        self,
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        keep_alive: float | None = None,
        **options: Unpack[UIMessageStreamOptions],
    ) -> UIMessageStreamResponse:
        """`to_ui_message_stream` as a Starlette response (for sync Starlette endpoints)."""
        from ai_sdk.ui.starlette import create_ui_message_stream_response

        return create_ui_message_stream_response(
            self.to_ui_message_stream(**options),
            status=status,
            headers=headers,
            keep_alive=keep_alive,
        )

    @property
    def tools(self) -> Mapping[str, Tool[Any]]:
        """The tools of the call."""
        return self._inner.tools

    def consume_stream(self) -> None:
        """Read the stream to its end without raising."""
        run_sync(self._inner.consume_stream)

    @property
    def steps(self) -> list[StepResult]:
        """Every step. Blocks until the stream ends."""
        return self._get(lambda: self._inner.steps)

    @property
    def final_step(self) -> StepResult:
        """The last step. Blocks until the stream ends."""
        return self._get(lambda: self._inner.final_step)

    @property
    def text(self) -> str:
        """The text of the last step. Blocks until the stream ends."""
        return self._get(lambda: self._inner.text)

    @property
    def content(self) -> list[ContentPart]:
        """The content of all steps. Blocks until the stream ends."""
        return self._get(lambda: self._inner.content)

    @property
    def reasoning(self) -> list[ReasoningContent | GeneratedReasoningFilePart]:
        """The reasoning of the last step. Blocks until the stream ends."""
        return self._get(lambda: self._inner.reasoning)

    @property
    def reasoning_text(self) -> str | None:
        """The reasoning text of the last step, or ``None``. Blocks until the stream ends."""
        return self._get(lambda: self._inner.reasoning_text)

    @property
    def files(self) -> list[GeneratedFile]:
        """The files generated in all steps. Blocks until the stream ends."""
        return self._get(lambda: self._inner.files)

    @property
    def sources(self) -> list[Source]:
        """The sources cited in all steps. Blocks until the stream ends."""
        return self._get(lambda: self._inner.sources)

    @property
    def tool_calls(self) -> list[ToolCall]:
        """The tool calls of all steps. Blocks until the stream ends."""
        return self._get(lambda: self._inner.tool_calls)

    @property
    def tool_results(self) -> list[ToolResult]:
        """The tool results of all steps. Blocks until the stream ends."""
        return self._get(lambda: self._inner.tool_results)

    @property
    def finish_reason(self) -> UnifiedFinishReason:
        """Why the last step stopped. Blocks until the stream ends."""
        return self._get(lambda: self._inner.finish_reason)

    @property
    def raw_finish_reason(self) -> str | None:
        """The provider's own finish reason of the last step. Blocks until the stream ends."""
        return self._get(lambda: self._inner.raw_finish_reason)

    @property
    def usage(self) -> LanguageModelUsage:
        """Token usage summed over all steps. Blocks until the stream ends."""
        return self._get(lambda: self._inner.usage)

    @property
    def total_usage(self) -> LanguageModelUsage:
        """Same as ``usage``. Blocks until the stream ends."""
        return self._get(lambda: self._inner.total_usage)

    @property
    def warnings(self) -> list[CallWarning]:
        """The warnings of all steps. Blocks until the stream ends."""
        return self._get(lambda: self._inner.warnings)

    @property
    def request(self) -> StepRequest:
        """The request of the last step. Blocks until the stream ends."""
        return self._get(lambda: self._inner.request)

    @property
    def response(self) -> StepResponse:
        """The response of the last step. Blocks until the stream ends."""
        return self._get(lambda: self._inner.response)

    @property
    def response_messages(self) -> list[ResponseMessage]:
        """The assistant and tool messages of all steps. Blocks until the stream ends."""
        return self._get(lambda: self._inner.response_messages)

    @property
    def provider_metadata(self) -> ProviderMetadata | None:
        """The provider metadata of the last step. Blocks until the stream ends."""
        return self._get(lambda: self._inner.provider_metadata)

    @property
    def output(self) -> OutputT:
        """The parsed output (see `GenerateTextResult.output`). Blocks until the stream ends."""
        return self._get(lambda: self._inner.output)

    @property
    def result(self) -> GenerateTextResult[OutputT]:
        """Everything at once, as a `GenerateTextResult`. Blocks until the stream ends."""
        return self._get(lambda: self._inner.result)

    def close(self) -> None:
        """Close the streams and the model stream (idempotent)."""
        for stream in self._streams:
            stream.close()
        self._streams.clear()
        run_sync(self._inner.aclose)

    def __enter__(self) -> StreamTextResultSync[OutputT, PartialT, ElementT]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@overload
def sync_stream_twin(
    original: Callable[P, Awaitable[StreamTextResult[OutputT, PartialT, ElementT]]],
) -> Callable[P, StreamTextResultSync[OutputT, PartialT, ElementT]]: ...
@overload
def sync_stream_twin(
    original: Callable[P, StreamTextResult[OutputT, PartialT, ElementT]],
) -> Callable[P, StreamTextResultSync[OutputT, PartialT, ElementT]]: ...
def sync_stream_twin(
    original: Callable[P, Any],
) -> Callable[P, StreamTextResultSync[Any, Any, Any]]:
    """The ``_sync`` twin of a function that starts a stream (returning a `StreamTextResult`,
    or an awaitable of one): its exact signature; the stream is started on the portal loop and
    wrapped in a `StreamTextResultSync`."""

    call = dispatching(original)

    @functools.wraps(original)
    def twin(*args: P.args, **kwargs: P.kwargs) -> StreamTextResultSync[Any, Any, Any]:
        async def start() -> StreamTextResult[Any, Any, Any]:
            started = call(*args, **kwargs)
            if inspect.isawaitable(started):
                started = await started
            return cast("StreamTextResult[Any, Any, Any]", started)

        return StreamTextResultSync(run_sync(start))

    return named_twin(twin, original)
