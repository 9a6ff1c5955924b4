"""A streamed response read as JSON server-sent events: the per-token hot path of every provider.

Two ways to read one. Iterating a `JSONEventStream` gives one `ParseResult` per event, which is
the simple, general interface. A provider turning events into stream parts instead passes an
`EventTransformer` to `JSONEventStream.transform`: the events are then handed to it from inside
the one generator that reads the HTTP body, so a streamed token crosses one generator instead of
two, and a successful parse is not wrapped in a `ParseSuccess` (bench/README.md, "Measured
design choices", has the figure).
"""

from __future__ import annotations

import collections
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable
from typing import Any, Generic, Literal, Protocol, Self, TypeVar, cast, overload

import httpx
from pydantic_core import from_json

from ai_sdk.provider._errors import APICallError, EventTooLargeError, JSONParseError
from ai_sdk.provider_utils._closing import AsyncClosing
from ai_sdk.provider_utils._handlers import (
    ResponseHandler,
    ResponseResult,
    response_headers_of,
    transport_error_to_api_error,
)
from ai_sdk.provider_utils._http_libraries import http_error_types
from ai_sdk.provider_utils._json import JSONValue
from ai_sdk.provider_utils._parse_result import ParseFailure, ParseResult, ParseSuccess
from ai_sdk.provider_utils._schema import Schema, SchemaLike, as_schema
from ai_sdk.provider_utils._sse import (
    DEFAULT_MAX_EVENT_SIZE,
    EventSizeLimitExceeded,
    SSEParser,
    default_max_event_size,
)

__all__ = ["EventTransformer", "JSONEventStream", "create_event_source_response_handler"]

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)
P = TypeVar("P")
P_co = TypeVar("P_co", covariant=True)

_DONE = b"[DONE]"


class EventTransformer(Protocol[T_contra, P_co]):
    """Turns the events of a `JSONEventStream` into parts (a TransformStream's start, transform
    and flush, plus what to do when the connection breaks).

    Each method returns the parts to emit, in order (an empty tuple for none). A method may also
    raise: the stream then ends with that exception, after closing the response.
    """

    def start(self) -> Iterable[P_co]:
        """The parts before the first event."""
        ...

    def transform(self, value: T_contra, raw: JSONValue) -> Iterable[P_co]:
        """The parts for one event that parsed (and validated); ``raw`` is its JSON."""
        ...

    def reject(self, failure: ParseFailure) -> Iterable[P_co]:
        """The parts for one event that was not JSON or did not match the schema."""
        ...

    def flush(self) -> Iterable[P_co]:
        """The parts after the last event, when the body was read to its end."""
        ...

    def abort(self, error: APICallError) -> Iterable[P_co]:
        """The parts after the connection broke or timed out mid-stream (``error`` says which)."""
        ...


def _body_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    # An event stream is rarely compressed; without a content encoding there is nothing to
    # decode, and `aiter_raw` saves `aiter_bytes`' decoder and re-chunking per read.
    encoding = response.headers.get("content-encoding")
    if encoding is None or encoding.strip().lower() == "identity":
        return response.aiter_raw()
    return response.aiter_bytes()


class JSONEventStream(AsyncClosing, Generic[T]):
    """An async iterator of `ParseResult` per SSE event of a response, ``[DONE]`` skipped.

    A malformed or mismatching event yields a `ParseFailure` and the stream goes on (one bad
    chunk must not end a generation). A network failure mid-stream raises `APICallError`
    ("Connection lost while reading the response", retryable) or `APITimeoutError` when the read
    timeout elapses between two chunks. The HTTP response is closed when the stream is exhausted,
    fails, is cancelled, or is closed early with `aclose` or by leaving ``async with``.

    One event may hold at most ``max_event_size`` bytes (``None``: no limit; by default
    `DEFAULT_MAX_EVENT_SIZE`, 16 MiB): a longer one ends the stream with
    `EventTooLargeError`, raised or handed to the transformer's ``abort`` like a lost connection.
    """

    def __init__(
        self,
        response: httpx.Response,
        schema: Schema[T] | None,
        *,
        url: str,
        request_body_values: object,
        max_event_size: int | None = DEFAULT_MAX_EVENT_SIZE,
    ) -> None:
        self._response = response
        self._url = url
        self._request_body_values = request_body_values
        self._chunks = _body_chunks(response)
        self._parser = SSEParser(max_event_size=max_event_size)
        self._pending: collections.deque[bytes] = collections.deque()
        self._closed = False
        self._validate: Callable[[JSONValue], ParseResult[T]] | None = (
            schema.safe_validate if schema is not None else None
        )

    @property
    def response(self) -> httpx.Response:
        """The underlying httpx response (status, headers)."""
        return self._response

    @property
    def closed(self) -> bool:
        """Whether the stream ended or was closed (and with it the response)."""
        return self._closed

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> ParseResult[T]:
        pending = self._pending
        while not pending:
            if self._closed:
                raise StopAsyncIteration
            try:
                chunk = await anext(self._chunks)
            except StopAsyncIteration:
                self._parser.close()
                await self.aclose()
                raise
            except http_error_types() as error:
                await self.aclose()
                raise self._transport_error(error) from error
            except BaseException:  # cancellation included: the response must not leak
                await self.aclose()
                raise
            try:
                events = self._parser.feed_data(chunk)
            except EventSizeLimitExceeded as error:
                await self.aclose()
                raise self._too_large(error) from error
            for data in events:
                if data != _DONE:
                    pending.append(data)
        data = pending.popleft()
        try:
            value: JSONValue = from_json(data, allow_inf_nan=False)
        except ValueError as error:
            return _not_json(data, error)
        if self._validate is None:
            return ParseSuccess(cast("T", value), value)
        return self._validate(value)

    def transform(self, transformer: EventTransformer[T, P]) -> AsyncGenerator[P, None]:
        """The parts ``transformer`` makes of this stream's events (read it instead of iterating
        the stream itself, not as well).

        The response is closed when the parts are exhausted, when ``transformer`` raises, and
        when the returned generator is closed or cancelled.
        """
        return self._transform(transformer)

    async def _transform(self, transformer: EventTransformer[T, P]) -> AsyncGenerator[P, None]:
        validate = self._validate
        parser = self._parser
        try:
            for part in transformer.start():
                yield part
            try:
                async for chunk in self._chunks:
                    for data in parser.feed_data(chunk):
                        if data == _DONE:
                            continue
                        try:
                            value: JSONValue = from_json(data, allow_inf_nan=False)
                        except ValueError as error:
                            parts = transformer.reject(_not_json(data, error))
                        else:
                            if validate is None:
                                parts = transformer.transform(cast("T", value), value)
                            else:
                                result = validate(value)
                                if isinstance(result, ParseFailure):
                                    parts = transformer.reject(result)
                                else:
                                    parts = transformer.transform(result.value, value)
                        for part in parts:
                            yield part
            except http_error_types() as error:
                ending = transformer.abort(self._transport_error(error))
            except EventSizeLimitExceeded as error:
                ending = transformer.abort(self._too_large(error))
            else:
                parser.close()
                ending = transformer.flush()
            for part in ending:
                yield part
        finally:
            await self.aclose()

    def _transport_error(self, error: BaseException) -> APICallError:
        return transport_error_to_api_error(
            error,
            url=self._url,
            request_body_values=self._request_body_values,
            response=self._response,
        )

    def _too_large(self, error: EventSizeLimitExceeded) -> EventTooLargeError:
        response = self._response
        return EventTooLargeError(
            str(error),
            url=self._url,
            limit=error.limit,
            request_body_values=self._request_body_values,
            status_code=response.status_code,
            response_headers=response_headers_of(response),
            cause=error,
        )

    async def aclose(self) -> None:
        """Stop reading and close the HTTP response (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._pending.clear()
        aclose: Callable[[], Any] | None = getattr(self._chunks, "aclose", None)
        try:
            if aclose is not None:
                await aclose()
        finally:
            await self._response.aclose()


def _not_json(data: bytes, error: ValueError) -> ParseFailure:
    return ParseFailure(JSONParseError(text=data.decode("utf-8", "replace"), cause=error), None)


@overload
def create_event_source_response_handler(
    chunk_schema: Schema[T] | type[T],
    *,
    max_event_size: int | Literal["default"] | None = "default",
) -> ResponseHandler[JSONEventStream[T]]: ...
@overload
def create_event_source_response_handler(
    chunk_schema: None = None,
    *,
    max_event_size: int | Literal["default"] | None = "default",
) -> ResponseHandler[JSONEventStream[JSONValue]]: ...
@overload
def create_event_source_response_handler(
    chunk_schema: SchemaLike,
    *,
    max_event_size: int | Literal["default"] | None = "default",
) -> ResponseHandler[JSONEventStream[Any]]: ...
def create_event_source_response_handler(
    chunk_schema: object = None,
    *,
    max_event_size: int | Literal["default"] | None = "default",
) -> ResponseHandler[JSONEventStream[Any]]:
    """Hand the response to a `JSONEventStream` that validates each event into ``chunk_schema``.

    Args:
        chunk_schema: the schema of each event's JSON (``None``: no validation).
        max_event_size: the most bytes one event may hold before the stream ends with
            `EventTooLargeError`; ``None`` for no limit. By default the
            ``AI_SDK_MAX_SSE_EVENT_SIZE`` environment variable (bytes, ``0`` for no limit) or
            `DEFAULT_MAX_EVENT_SIZE` (16 MiB), read for each response.
    """
    resolved = as_schema(chunk_schema) if chunk_schema is not None else None

    async def handle(
        response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[JSONEventStream[Any]]:
        stream = JSONEventStream(
            response,
            resolved,
            url=url,
            request_body_values=request_body_values,
            max_event_size=(
                default_max_event_size() if max_event_size == "default" else max_event_size
            ),
        )
        return ResponseResult(stream, response_headers_of(response))

    return handle
