"""`create_ui_message_stream`: a UI message stream you write yourself, with a writer.

Your ``execute`` writes chunks (custom ``data-*`` parts, transient notices) and merges other
chunk streams (`StreamTextResult.to_ui_message_stream`, several at once); the stream ends when
``execute`` and every merged stream have ended, including merges started after ``execute``
returned. An error in any of them becomes an ``error`` chunk (masked by ``on_error``), never a
broken response.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import Any

from ai_sdk.provider_utils import generate_id as default_generate_id
from ai_sdk.ui._chunks import ErrorChunk, UIMessageChunk, parse_ui_message_chunk
from ai_sdk.ui._messages import UIMessage
from ai_sdk.ui._stream import (
    ErrorHandler,
    UIMessageStreamFinish,
    UIMessageStreamStepFinish,
    handle_ui_message_stream_finish,
    safe_error_text,
)

__all__ = ["UIMessageStreamWriter", "create_ui_message_stream"]

logger = logging.getLogger("ai_sdk")


class UIMessageStreamWriter:
    """What ``execute`` gets: write chunks, merge chunk streams."""

    __slots__ = ("_closed", "_on_error", "_queue", "_spawn")

    def __init__(
        self,
        queue: asyncio.Queue[UIMessageChunk],
        spawn: Callable[[AsyncIterable[UIMessageChunk]], None],
        on_error: ErrorHandler | None,
    ) -> None:
        self._queue = queue
        self._spawn = spawn
        self._on_error = on_error
        self._closed = False

    def write(self, chunk: UIMessageChunk | Mapping[str, Any]) -> None:
        """Send one chunk (a chunk object, or its JSON form as a dict, which is validated).

        Writes after the stream ended are ignored.

        Raises:
            TypeValidationError: a dict that is not a valid chunk.
        """
        if isinstance(chunk, Mapping):
            chunk = parse_ui_message_chunk(dict(chunk))
        if not self._closed:
            self._queue.put_nowait(chunk)

    def merge(self, stream: AsyncIterable[UIMessageChunk]) -> None:
        """Send every chunk of ``stream`` as it arrives, alongside anything else written.

        If ``stream`` fails, the client gets an ``error`` chunk (text from ``on_error``).
        """
        if not self._closed:
            self._spawn(stream)

    def on_error(self, error: object) -> str:
        """The stream's error text for ``error``: pass it as ``on_error=`` to the streams you
        merge so that their errors are masked once, the same way."""
        return safe_error_text(self._on_error, error)


def create_ui_message_stream(
    *,
    execute: Callable[[UIMessageStreamWriter], Awaitable[None] | None],
    on_error: ErrorHandler | None = None,
    original_messages: Sequence[UIMessage] | None = None,
    on_finish: Callable[[UIMessageStreamFinish], Any] | None = None,
    on_step_finish: Callable[[UIMessageStreamStepFinish], Any] | None = None,
    generate_id: Callable[[], str] = default_generate_id,
) -> AsyncIterator[UIMessageChunk]:
    """A UI message stream produced by ``execute``.

    ```python
    async def execute(writer):
        writer.write(DataChunk(type="data-status", id="s", data={"state": "searching"}))
        result = stream_text(model=model, messages=model_messages)
        writer.merge(result.to_ui_message_stream(on_error=writer.on_error))

    return create_ui_message_stream_response(create_ui_message_stream(execute=execute))
    ```

    No ``start``/``finish`` chunk is added for you (merged `stream_text` streams bring theirs);
    a ``start`` without ``message_id`` gets a generated one (the continued message's on a
    continuation).

    Args:
        execute: writes and merges chunks (sync or async). Exceptions become ``error`` chunks.
        on_error: ``(error) -> text`` for the client; by default "An error occurred.".
        original_messages: the request's UI messages, for continuation ids and ``on_finish``.
        on_finish: called once when the stream ends, completed or cut off, with the assembled
            response message and the whole history (to persist it).
        on_step_finish: called at each ``finish-step`` chunk with copies of the messages.
        generate_id: makes the response message id.
    """
    return handle_ui_message_stream_finish(
        _run(execute, on_error),
        message_id=generate_id(),
        original_messages=original_messages,
        on_finish=on_finish,
        on_step_finish=on_step_finish,
        on_error=on_error,
    )


async def _run(
    execute: Callable[[UIMessageStreamWriter], Awaitable[None] | None],
    on_error: ErrorHandler | None,
) -> AsyncIterator[UIMessageChunk]:
    queue: asyncio.Queue[UIMessageChunk] = asyncio.Queue()
    tasks: set[asyncio.Task[None]] = set()
    wake = asyncio.Event()

    def report(error: BaseException) -> None:
        queue.put_nowait(ErrorChunk(safe_error_text(on_error, error)))

    async def pump(stream: AsyncIterable[UIMessageChunk]) -> None:
        iterator = aiter(stream)
        try:
            async for chunk in iterator:
                queue.put_nowait(chunk)
        except Exception as error:
            report(error)
        finally:
            aclose = getattr(iterator, "aclose", None)
            if aclose is not None:
                await aclose()

    def spawn(coroutine: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coroutine)
        tasks.add(task)

        def done(finished: asyncio.Task[None]) -> None:
            tasks.discard(finished)
            wake.set()

        task.add_done_callback(done)

    writer = UIMessageStreamWriter(queue, lambda stream: spawn(pump(stream)), on_error)

    async def run_execute() -> None:
        try:
            outcome = execute(writer)
            if inspect.isawaitable(outcome):
                await outcome
        except Exception as error:
            report(error)

    spawn(run_execute())
    try:
        while True:
            while not queue.empty():
                yield queue.get_nowait()
            if not tasks:
                break
            # Wait for the next chunk or for a task to end, whichever comes first.
            wake.clear()
            getter = asyncio.ensure_future(queue.get())
            waiter = asyncio.ensure_future(wake.wait())
            try:
                await asyncio.wait((getter, waiter), return_when=asyncio.FIRST_COMPLETED)
            finally:
                waiter.cancel()
                if not getter.done():
                    getter.cancel()
            if getter.done() and not getter.cancelled():
                yield getter.result()
    finally:
        writer._closed = True  # pyright: ignore[reportPrivateUsage]
        pending = list(tasks)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
