"""Run the async implementation from synchronous code: the one engine behind every `_sync` twin.

All sync calls share one event loop in a daemon thread (the "portal"). Running there rather than
in the caller's thread means a `_sync` function works the same in a plain script, inside a running
event loop (Jupyter, an async web handler) and from many threads at once, and that httpx
connection pools owned by providers stay bound to one loop between calls.
"""

from __future__ import annotations

import asyncio
import atexit
import queue
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from typing import Any, TypeVar, cast

__all__ = ["SyncStream", "portal_loop", "run_sync"]

T = TypeVar("T")

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None


def portal_loop() -> asyncio.AbstractEventLoop:
    """The event loop that sync twins run on, started on first use."""
    global _loop
    with _lock:
        if _loop is None or _loop.is_closed():
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="ai-sdk-sync", daemon=True)
            thread.start()
            _loop = loop
        return _loop


def _stop_portal() -> None:
    loop = _loop
    if loop is not None and loop.is_running():
        loop.call_soon_threadsafe(loop.stop)


atexit.register(_stop_portal)


def run_sync(make: Callable[[], Awaitable[T]]) -> T:
    """Run the awaitable built by ``make`` on the portal loop and block for its result.

    ``make`` is called on the portal thread so that anything it creates (tasks, futures,
    contextvars) belongs to that loop. ``KeyboardInterrupt`` in the caller cancels the work.
    """
    loop = portal_loop()
    if _in_portal(loop):
        raise RuntimeError(
            "A `_sync` function was called from inside the ai-sdk sync portal (for example from "
            "a sync tool executed by a sync call). Use the async function there instead."
        )

    async def runner() -> T:
        return await make()

    future = asyncio.run_coroutine_threadsafe(runner(), loop)
    try:
        return future.result()
    except BaseException:
        future.cancel()
        raise


def _in_portal(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


_DONE = object()


class SyncStream(Iterator[T]):
    """A plain iterator over an async iterator that is driven on the portal loop.

    The async side runs ahead by up to ``buffer`` items so the caller's thread and the portal
    hand items over in batches rather than one round trip per item. ``close()`` (or leaving a
    ``with`` block, or garbage collection) cancels the producer and closes the async iterator.
    """

    def __init__(self, make: Callable[[], AsyncIterator[T]], buffer: int = 256) -> None:
        self._queue: queue.Queue[object] = queue.Queue(maxsize=buffer)
        self._closed = False
        self._space = asyncio.Event()
        self._producer_waiting = False
        self._loop = portal_loop()
        self._future = asyncio.run_coroutine_threadsafe(self._produce(make), self._loop)

    async def _produce(self, make: Callable[[], AsyncIterator[T]]) -> None:
        iterator = make()
        try:
            async for item in iterator:
                await self._put(item)
        except BaseException as exc:  # handed to the consumer, raised there
            await self._put(_Failure(exc))
            if isinstance(exc, asyncio.CancelledError):
                raise
        else:
            await self._put(_DONE)
        finally:
            aclose = getattr(iterator, "aclose", None)
            if aclose is not None:
                await cast(Callable[[], Coroutine[Any, Any, None]], aclose)()

    async def _put(self, item: object) -> None:
        # Back-pressure: when the consumer falls behind, wait for it to take an item. The flag is
        # raised before the second fullness check so a wake-up cannot be lost between the two.
        while not self._closed:
            try:
                self._queue.put_nowait(item)
                return
            except queue.Full:
                self._space.clear()
                self._producer_waiting = True
                if self._queue.full():
                    await self._space.wait()

    def __next__(self) -> T:
        if self._closed:
            raise StopIteration
        item = self._queue.get()
        if self._producer_waiting:
            self._producer_waiting = False
            self._loop.call_soon_threadsafe(self._space.set)
        if item is _DONE:
            self._closed = True
            raise StopIteration
        if isinstance(item, _Failure):
            self._closed = True
            raise item.error
        return cast(T, item)

    def close(self) -> None:
        """Stop the producer and release the underlying stream (idempotent)."""
        if not self._closed:
            self._closed = True
            self._future.cancel()

    def __enter__(self) -> SyncStream[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()


class _Failure:
    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error
