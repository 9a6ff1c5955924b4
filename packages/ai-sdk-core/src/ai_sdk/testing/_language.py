"""A scripted language model for tests: answers what it is told to and records every call."""

from __future__ import annotations

import inspect
import re
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeAlias, cast

from ai_sdk.provider import (
    CallOptions,
    Finish,
    FinishReason,
    GenerateResult,
    InputTokens,
    OutputTokens,
    ResponseInfo,
    StreamPart,
    StreamResult,
    StreamStart,
    TextContent,
    TextDelta,
    TextEnd,
    TextStart,
    UnifiedFinishReason,
    Usage,
)
from ai_sdk.testing._script import Script, no_script

__all__ = [
    "GenerateScript",
    "MockLanguageModel",
    "MockStreamRecord",
    "StreamScript",
    "text_result",
    "text_stream_parts",
    "usage",
]

GenerateScript: TypeAlias = (
    GenerateResult
    | BaseException
    | Sequence[GenerateResult | BaseException]
    | Callable[[CallOptions], GenerateResult | Awaitable[GenerateResult]]
)
"""What `MockLanguageModel.do_generate` does: one result for every call, one per call in order
(an exception is raised by its call), or a function (sync or async) of the call options."""

_PartsOrError: TypeAlias = Sequence[StreamPart | BaseException] | BaseException
StreamScript: TypeAlias = (
    Sequence[StreamPart | BaseException]
    | Sequence[_PartsOrError]
    | StreamResult
    | Callable[..., Any]
)
"""What `MockLanguageModel.do_stream` does:

- a list of parts: the stream of every call (an exception in it is raised at that point);
- a list of such lists (or exceptions): one per call, in order;
- a `StreamResult`, or a function (sync or async) of the call options returning a
  `StreamResult`, a list of parts or an async iterable of parts.
"""


@dataclass(slots=True)
class MockStreamRecord:
    """What happened to one stream a `MockLanguageModel` returned."""

    options: CallOptions
    parts_read: int = 0
    """How many parts the reader took."""
    finished: bool = False
    """The reader read to the end."""
    closed: bool = False
    """The stream was closed (by reaching its end, or early by the reader)."""


def usage(input_tokens: int | None = None, output_tokens: int | None = None) -> Usage:
    """A `Usage` with just the input and output totals (``None`` = unknown)."""
    return Usage(
        input_tokens=InputTokens(total=input_tokens),
        output_tokens=OutputTokens(total=output_tokens),
    )


def text_result(
    text: str,
    *,
    finish_reason: UnifiedFinishReason = "stop",
    usage: Usage | None = None,
    response: ResponseInfo | None = None,
) -> GenerateResult:
    """A `GenerateResult` with one text part."""
    return GenerateResult(
        content=[TextContent(text=text)],
        finish_reason=FinishReason(unified=finish_reason, raw=finish_reason),
        usage=usage if usage is not None else Usage(),
        response=response,
    )


def text_stream_parts(
    *deltas: str,
    id: str = "0",
    finish_reason: UnifiedFinishReason = "stop",
    usage: Usage | None = None,
    response_id: str | None = None,
    timestamp: datetime | None = None,
    model_id: str | None = None,
) -> list[StreamPart]:
    """The parts of a stream that generates ``deltas`` as one text block, then finishes.

    ``stream-start``, ``response-metadata`` (when any of its fields is given), ``text-start``,
    one ``text-delta`` per delta, ``text-end`` and ``finish``.
    """
    from ai_sdk.provider import ResponseMetadata

    parts: list[StreamPart] = [StreamStart()]
    if response_id is not None or timestamp is not None or model_id is not None:
        parts.append(ResponseMetadata(id=response_id, timestamp=timestamp, model_id=model_id))
    parts.append(TextStart(id=id))
    parts.extend(TextDelta(id=id, delta=delta) for delta in deltas)
    parts.append(TextEnd(id=id))
    parts.append(
        Finish(
            usage=usage if usage is not None else Usage(),
            finish_reason=FinishReason(unified=finish_reason, raw=finish_reason),
        )
    )
    return parts


class MockLanguageModel:
    """A `LanguageModel` whose answers are scripted; use it in your own tests.

    Example::

        model = MockLanguageModel(
            do_generate=text_result("Hello!"),
            do_stream=text_stream_parts("Hel", "lo!"),
        )
        result = await generate_text(model=model, prompt="Hi")
        assert result.text == "Hello!"
        assert model.calls[0].prompt[0].content[0].text == "Hi"

    Args:
        provider: the provider name it reports.
        model_id: the model id it reports.
        supported_urls: URL patterns by media type that the model fetches itself.
        do_generate: the `GenerateScript`; without one, ``do_generate`` raises.
        do_stream: the `StreamScript`; without one, ``do_stream`` raises.
    """

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        supported_urls: Mapping[str, Sequence[re.Pattern[str]]] | None = None,
        do_generate: GenerateScript | None = None,
        do_stream: StreamScript | None = None,
    ) -> None:
        self.provider = provider
        self.model_id = model_id
        self.supported_urls: Mapping[str, Sequence[re.Pattern[str]]] = supported_urls or {}
        self._generate = Script(do_generate, GenerateResult, "MockLanguageModel.do_generate")
        self._stream = do_stream
        self.calls: list[CallOptions] = []
        """The options of every call (generate and stream), in call order."""
        self.generate_calls: list[CallOptions] = []
        """The options of every ``do_generate`` call."""
        self.stream_calls: list[CallOptions] = []
        """The options of every ``do_stream`` call."""
        self.streams: list[MockStreamRecord] = []
        """What happened to each returned stream (parts read, closed)."""

    async def do_generate(self, options: CallOptions) -> GenerateResult:
        """Record the call and answer from the script."""
        self.calls.append(options)
        self.generate_calls.append(options)
        return await self._generate.answer(options, len(self.generate_calls) - 1)

    async def do_stream(self, options: CallOptions) -> StreamResult:
        """Record the call and stream from the script."""
        self.calls.append(options)
        self.stream_calls.append(options)
        script = self._stream
        if script is None:
            raise no_script("MockLanguageModel.do_stream")
        record = MockStreamRecord(options=options)
        self.streams.append(record)
        if isinstance(script, StreamResult):
            return StreamResult(
                stream=self._tracked(script.stream, record),
                request=script.request,
                response=script.response,
            )
        if callable(script):
            produced: Any = script(options)
            if inspect.isawaitable(produced) and not isinstance(produced, AsyncIterable):
                produced = await produced
            if isinstance(produced, StreamResult):
                return StreamResult(
                    stream=self._tracked(produced.stream, record),
                    request=produced.request,
                    response=produced.response,
                )
            return StreamResult(stream=self._tracked(produced, record))
        items = list(script)
        if (
            items
            and isinstance(items[0], Sequence | BaseException)
            and not isinstance(items[0], str)
        ):
            index = len(self.stream_calls) - 1
            if index >= len(items):
                raise AssertionError(
                    f"MockLanguageModel.do_stream was called {index + 1} times but scripted for "
                    f"{len(items)}."
                )
            selected = items[index]
            if isinstance(selected, BaseException):
                raise selected
            parts: Any = selected
        else:
            parts = items
        return StreamResult(stream=self._tracked(parts, record))

    async def _tracked(self, source: Any, record: MockStreamRecord) -> AsyncIterator[StreamPart]:
        try:
            if isinstance(source, AsyncIterable):
                async for part in cast("AsyncIterable[Any]", source):
                    if isinstance(part, BaseException):
                        raise part
                    record.parts_read += 1
                    yield part
            else:
                for part in cast("Sequence[Any]", source):
                    if isinstance(part, BaseException):
                        raise part
                    record.parts_read += 1
                    yield part
            record.finished = True
        finally:
            record.closed = True
            aclose = getattr(cast("object", source), "aclose", None)
            if aclose is not None:
                await aclose()
