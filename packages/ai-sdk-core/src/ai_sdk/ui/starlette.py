"""Starlette (and so FastAPI) responses for UI message streams and text streams.

Needs the ``web`` extra (``pip install "ai-sdk-core[web]"``, i.e. starlette). Other frameworks
use the framework-free byte iterators of `ai_sdk.ui` with `UI_MESSAGE_STREAM_HEADERS`.

```python
@app.post("/api/chat")
async def chat(request: Request) -> Response:
    body = await request.json()
    messages = validate_ui_messages(body.get("messages"), tools=tools)
    result = stream_text(model=model, tools=tools,
                         messages=await convert_to_model_messages(messages, tools=tools))
    return result.to_ui_message_stream_response(original_messages=messages,
                                                generate_message_id=generate_id)
```
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Mapping

from starlette.concurrency import iterate_in_threadpool
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from ai_sdk.ui._chunks import UIMessageChunk
from ai_sdk.ui._sse import (
    TEXT_STREAM_HEADERS,
    UI_MESSAGE_STREAM_HEADERS,
    merge_headers,
    text_stream_to_bytes,
    ui_message_stream_to_sse_bytes,
)

__all__ = [
    "DisconnectAwareStreamingResponse",
    "UIMessageStreamResponse",
    "create_text_stream_response",
    "create_ui_message_stream_response",
]


class DisconnectAwareStreamingResponse(StreamingResponse):
    """A streaming response that stops its body as soon as the client disconnects.

    Starlette's own response notices a gone client only at its next write (with ASGI 2.4
    servers), so a slow model would run on for nobody. Here a disconnect cancels the body's
    task once (plain asyncio cancellation, not a level-triggered scope), so the body's cleanup
    (closing the model stream, ``on_finish``) runs to its end; the body is always closed.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = self.body_iterator

        async def pump() -> None:
            try:
                await self.stream_response(send)
            except OSError:  # the client went away while we wrote
                pass
            finally:
                aclose = getattr(body, "aclose", None)
                if aclose is not None:
                    await aclose()

        async def listen() -> None:
            await self.listen_for_disconnect(receive)

        pumping = asyncio.ensure_future(pump())
        listening = asyncio.ensure_future(listen())
        try:
            await asyncio.wait((pumping, listening), return_when=asyncio.FIRST_COMPLETED)
        finally:
            listening.cancel()
            if not pumping.done():
                pumping.cancel()
            # Shielded: even if this request is cancelled too, the body's cleanup completes.
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(asyncio.gather(pumping, listening, return_exceptions=True))
        if pumping.done() and not pumping.cancelled():
            error = pumping.exception()
            if error is not None:
                raise error
        if self.background is not None:
            await self.background()


class UIMessageStreamResponse(DisconnectAwareStreamingResponse):
    """A UI message stream as a response: SSE with the UI message stream headers."""


async def _in_threadpool(chunks: Iterable[UIMessageChunk]) -> AsyncIterator[UIMessageChunk]:
    iterator = iter(chunks)
    try:
        async for item in iterate_in_threadpool(iterator):
            yield item
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            close()


def create_ui_message_stream_response(
    stream: AsyncIterable[UIMessageChunk] | Iterable[UIMessageChunk],
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    keep_alive: float | None = None,
) -> UIMessageStreamResponse:
    """Send a UI message stream (from `StreamTextResult.to_ui_message_stream`,
    `create_ui_message_stream`, ...) to the TS client.

    Args:
        stream: the chunks; a plain iterable (a sync result's) is read in a worker thread.
        status: the HTTP status.
        headers: extra headers; yours win over the defaults (`UI_MESSAGE_STREAM_HEADERS`).
        keep_alive: seconds of idleness after which a ``: keep-alive`` comment is sent (async
            see `ui_message_stream_to_sse_bytes`).
    """
    chunks = stream if isinstance(stream, AsyncIterable) else _in_threadpool(stream)
    return UIMessageStreamResponse(
        ui_message_stream_to_sse_bytes(chunks, keep_alive=keep_alive),
        status_code=status,
        headers=merge_headers(UI_MESSAGE_STREAM_HEADERS, headers),
    )


def create_text_stream_response(
    text: AsyncIterable[str] | AsyncIterator[str],
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> DisconnectAwareStreamingResponse:
    """Send text deltas (``result.text_stream``) as plain UTF-8 text, for the TS
    ``TextStreamChatTransport`` or ``useCompletion`` with ``streamProtocol: 'text'``."""
    return DisconnectAwareStreamingResponse(
        text_stream_to_bytes(text),
        status_code=status,
        headers=merge_headers(TEXT_STREAM_HEADERS, headers),
    )
