"""The UI message stream on the wire: Server-Sent Events of compact JSON, ending in ``[DONE]``.

Framework-free: async and sync iterators of bytes that any web framework can send (the Starlette
response in `ai_sdk.ui.starlette` is a thin shell over these), the headers to send with them,
and the reverse (`parse_ui_message_sse`) for Python clients and tests.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping

from pydantic_core import from_json, to_json

from ai_sdk.provider import TypeValidationError
from ai_sdk.provider_utils import SSEParser
from ai_sdk.ui._chunks import UIMessageChunk, chunk_to_json, parse_ui_message_chunk

__all__ = [
    "TEXT_STREAM_HEADERS",
    "UI_MESSAGE_STREAM_HEADERS",
    "merge_headers",
    "parse_ui_message_sse",
    "text_stream_to_bytes",
    "text_stream_to_bytes_sync",
    "ui_message_stream_to_sse_bytes",
    "ui_message_stream_to_sse_bytes_sync",
]

UI_MESSAGE_STREAM_HEADERS: Mapping[str, str] = {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    "connection": "keep-alive",
    "x-vercel-ai-ui-message-stream": "v1",
    "x-accel-buffering": "no",
}
"""The response headers of a UI message stream (``x-accel-buffering: no`` keeps nginx from
buffering the stream)."""

TEXT_STREAM_HEADERS: Mapping[str, str] = {"content-type": "text/plain; charset=utf-8"}
"""The response headers of a plain text stream."""

_DONE = b"data: [DONE]\n\n"
_STREAM_OPEN = b": stream-open\n\n"
_KEEP_ALIVE = b": keep-alive\n\n"


def merge_headers(
    defaults: Mapping[str, str], headers: Mapping[str, str] | None = None
) -> dict[str, str]:
    """``headers`` plus each default whose name (case-insensitive) they lack: yours win."""
    merged = dict(headers or {})
    present = {name.lower() for name in merged}
    for name, value in defaults.items():
        if name not in present:
            merged[name] = value
    return merged


def _event(chunk: UIMessageChunk) -> bytes:
    # Compact JSON in UTF-8 as `JSON.stringify` writes it (NaN and infinities as null); values
    # that are not JSON (a pydantic model in a data part) are dumped as pydantic would.
    body = to_json(chunk_to_json(chunk), inf_nan_mode="null", fallback=str)
    return b"data: " + body + b"\n\n"


async def ui_message_stream_to_sse_bytes(
    chunks: AsyncIterable[UIMessageChunk], *, keep_alive: float | None = None
) -> AsyncIterator[bytes]:
    """Each chunk as an SSE event (``data: {json}\\n\\n``), then ``data: [DONE]\\n\\n``, in UTF-8:
    the body of a streaming response.

    Send it with `UI_MESSAGE_STREAM_HEADERS`. Close it (``aclose()``) if the client goes away:
    that closes the chunk stream and, through it, the model call.

    Args:
        chunks: the chunks.
        keep_alive: seconds; if set, a ``: stream-open`` comment is sent at once and a
            ``: keep-alive`` comment whenever the stream was idle that long (a long tool run),
            so that proxies do not drop the connection. Clients ignore comments.
    """
    iterator = aiter(chunks)
    try:
        if keep_alive is None:
            async for chunk in iterator:
                yield _event(chunk)
        else:
            yield _STREAM_OPEN
            async for item in _with_keep_alive(iterator, keep_alive):
                yield item
        yield _DONE
    finally:
        aclose = getattr(iterator, "aclose", None)
        if aclose is not None:
            await aclose()


async def _with_keep_alive(
    iterator: AsyncIterator[UIMessageChunk], interval: float
) -> AsyncIterator[bytes]:
    # The next chunk is awaited in a task that outlives each timeout: cancelling it (as
    # `wait_for` would) would end the chunk stream itself.
    pending: asyncio.Task[UIMessageChunk] | None = None
    try:
        while True:
            if pending is None:
                pending = asyncio.ensure_future(anext(iterator))
            done, _ = await asyncio.wait((pending,), timeout=interval)
            if not done:
                yield _KEEP_ALIVE
                continue
            try:
                chunk = pending.result()
            except StopAsyncIteration:
                return
            finally:
                pending = None
            yield _event(chunk)
    finally:
        if pending is not None:
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                await pending


def ui_message_stream_to_sse_bytes_sync(chunks: Iterable[UIMessageChunk]) -> Iterator[bytes]:
    """`ui_message_stream_to_sse_bytes` for WSGI frameworks (Flask, Django): a plain iterator.

    Give it the chunks of a sync result (``stream_text_sync(...).to_ui_message_stream()``).
    Closing it (WSGI servers call ``close()`` when the client goes away) closes the chunks.
    """
    try:
        for chunk in chunks:
            yield _event(chunk)
        yield _DONE
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


async def text_stream_to_bytes(text: AsyncIterable[str]) -> AsyncIterator[bytes]:
    """The text deltas as raw UTF-8 (the text stream protocol: no framing, no errors or tools)."""
    try:
        async for delta in text:
            yield delta.encode()
    finally:
        aclose = getattr(text, "aclose", None)
        if aclose is not None:
            await aclose()


def text_stream_to_bytes_sync(text: Iterable[str]) -> Iterator[bytes]:
    """`text_stream_to_bytes` for WSGI frameworks."""
    try:
        for delta in text:
            yield delta.encode()
    finally:
        close = getattr(text, "close", None)
        if close is not None:
            close()


async def parse_ui_message_sse(
    body: AsyncIterable[bytes], *, max_event_size: int | None = 16 * 1024 * 1024
) -> AsyncIterator[UIMessageChunk]:
    """The chunks of a UI message stream body (e.g. ``httpx`` ``response.aiter_bytes()``).

    ``[DONE]``, comments and event names are skipped, as the TS client does.

    Raises:
        TypeValidationError: an event that is not a valid chunk (the TS client fails the same).
        EventSizeLimitExceeded: an event larger than ``max_event_size`` bytes.
    """
    parser = SSEParser(max_event_size=max_event_size)
    async for raw in body:
        for data in parser.feed_data(raw):
            if data == b"[DONE]":
                continue
            try:
                value = from_json(data)
            except ValueError as error:
                raise TypeValidationError(
                    value=data.decode(errors="replace"), cause=error
                ) from error
            yield parse_ui_message_chunk(value)
