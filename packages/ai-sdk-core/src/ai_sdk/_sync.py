"""Run the async implementation from synchronous code: the one engine behind every `_sync` twin.

Two ways, one implementation:

- A call twin (`generate_text_sync`, `embed_sync`, ...) made by `sync_twin` runs its coroutine on
  an event loop of the calling thread (`run_here`): no thread hand-off, and HTTP that the call
  makes in sequence goes through a blocking client (see `sync_call` and
  `ai_sdk.provider_utils.HTTPClientHolder`), much cheaper per request than an async one.
- Where that cannot work, because a loop already runs in the calling thread (Jupyter, an async
  web handler), or for the streaming twins and their aggregates, the work runs on one event loop
  in a daemon thread (the "portal", `run_sync`), which also keeps the connection pools that
  providers own there bound to one loop between calls.
"""

from __future__ import annotations

import asyncio
import atexit
import collections
import contextlib
import contextvars
import functools
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from typing import Any, ParamSpec, TypeVar, cast

__all__ = [
    "SyncCall",
    "SyncStream",
    "dispatching",
    "forbid_blocking",
    "named_twin",
    "portal_loop",
    "run_here",
    "run_sync",
    "sync_call",
    "sync_twin",
]

T = TypeVar("T")
P = ParamSpec("P")

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
        _sync_call.set(None)  # the caller's context is copied: this is not its blocking call
        return await make()

    future = asyncio.run_coroutine_threadsafe(runner(), loop)
    try:
        return future.result()
    except BaseException:
        future.cancel()
        raise


class SyncCall:
    """A `_sync` call running on its calling thread's loop (see `sync_call`)."""

    __slots__ = ("blocking", "task")

    def __init__(self, task: asyncio.Task[Any] | None) -> None:
        self.task = task
        self.blocking = True

    def may_block(self) -> bool:
        """Whether the running code may do blocking I/O: it is the call's main task (the calling
        thread waits on it, nothing else runs on the loop), and no deadline has to fire while
        it waits (`forbid_blocking`)."""
        return self.blocking and asyncio.current_task() is self.task


_sync_call: contextvars.ContextVar[SyncCall | None] = contextvars.ContextVar(
    "ai_sdk_sync_call", default=None
)


def sync_call() -> SyncCall | None:
    """The `run_here` call the running code belongs to, or ``None`` (async code, the portal).

    Tasks the call starts (parallel tool calls, embedding batches) see it too, but are not its
    main task: they share the loop and must not block it.
    """
    return _sync_call.get()


def forbid_blocking() -> None:
    """No more blocking I/O in this `_sync` call (it has a deadline, which the loop enforces)."""
    call = _sync_call.get()
    if call is not None:
        call.blocking = False


class _LoopOwner:
    """Holds a thread's own loop for `run_here`; dropped with the thread's locals when the thread
    ends, which closes the loop."""

    __slots__ = ("loop",)

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()

    def close(self) -> None:
        if not self.loop.is_running():
            with contextlib.suppress(Exception):
                self.loop.close()

    def __del__(self) -> None:
        self.close()


_thread = threading.local()


def _thread_loop() -> asyncio.AbstractEventLoop:
    owner: _LoopOwner | None = getattr(_thread, "owner", None)
    if owner is None or owner.loop.is_closed():
        owner = _thread.owner = _LoopOwner()
    return owner.loop


def _close_main_thread_loop() -> None:
    owner: _LoopOwner | None = getattr(_thread, "owner", None)
    if owner is not None:
        owner.close()


atexit.register(_close_main_thread_loop)


def run_here(make: Callable[[], Awaitable[T]]) -> T:
    """Run the awaitable built by ``make`` on the calling thread's own event loop.

    The loop is created on first use and kept for the thread's later calls; the call is
    published through `sync_call`. Where a loop already runs in this thread (Jupyter, an async
    handler calling a sync function) this is `run_sync`. ``KeyboardInterrupt`` (delivered to the
    main thread while it waits on a socket) ends the call as it would a plain function.
    """
    if _loop_running_here():
        return run_sync(make)
    loop = _thread_loop()

    async def runner() -> T:
        _sync_call.set(SyncCall(asyncio.current_task()))
        return await make()

    task = loop.create_task(runner())
    try:
        return loop.run_until_complete(task)
    except BaseException:
        # Interrupted while the call waited (Ctrl-C): left pending, it would resume with the
        # thread's next call. Cancel it and let it unwind (closing its responses) now.
        if not task.done():
            task.cancel()
            with contextlib.suppress(BaseException):
                loop.run_until_complete(task)
        raise


def _loop_running_here() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def twin_doc(name: str) -> str:
    """The docstring of the sync twin of the function ``name``."""
    return (
        f"`{name}` for synchronous code: the same arguments and result, run on an event loop of "
        "the calling thread (where one already runs, e.g. in Jupyter, on the SDK's background "
        "loop). Async tools and callbacks run on that loop: an object bound to another loop (an "
        "`httpx.AsyncClient` made elsewhere) cannot be awaited there."
    )


def sync_twin(original: Callable[P, Awaitable[T]]) -> Callable[P, T]:
    """The ``_sync`` twin of an async function: its exact signature, run through `run_here`.

    Every twin is made this way, so a twin cannot drift from its original
    (``tests/core/test_sync_twins.py`` holds them to it). A twin made in a class body
    (``generate_sync = sync_twin(generate)``) calls the method on the instance, so a subclass's
    override runs in both.
    """
    call = dispatching(original)

    @functools.wraps(original)
    def twin(*args: P.args, **kwargs: P.kwargs) -> T:
        return run_here(lambda: call(*args, **kwargs))

    return named_twin(twin, original)


def dispatching(original: Callable[..., Any]) -> Callable[..., Any]:
    """``original``, or for a method (defined in a class body) a call of the instance's own."""
    if "<locals>" in original.__qualname__ or "." not in original.__qualname__:
        return original
    name = original.__name__

    def method(instance: object, *args: Any, **kwargs: Any) -> Any:
        return getattr(instance, name)(*args, **kwargs)

    return method


def named_twin(twin: Callable[P, T], original: Callable[..., Any]) -> Callable[P, T]:
    twin.__name__ = f"{original.__name__}_sync"
    twin.__qualname__ = f"{original.__qualname__}_sync"
    twin.__doc__ = twin_doc(original.__name__)
    return twin


def _in_portal(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


class SyncStream(Iterator[T]):
    """A plain iterator over an async iterator that is driven on the portal loop.

    The async side runs ahead by up to ``buffer`` items. Items cross threads through a deque
    (its ``append``/``popleft`` are atomic), and a thread is woken only when it is waiting: a
    `queue.Queue` takes a lock and notifies a condition for every item, which the stream
    benchmark (W6) showed as the largest cost per part. ``close()`` (or leaving a ``with``
    block, or garbage collection) cancels the producer and closes the async iterator.
    """

    def __init__(self, make: Callable[[], AsyncIterator[T]], buffer: int = 256) -> None:
        self._items: collections.deque[object] = collections.deque()
        self._buffer = buffer
        self._closed = False
        # The consumer waits on `_ready` and the producer on `_space`; each raises its flag
        # before its last emptiness (fullness) check, so a wake-up is never lost in between.
        # `_ready` is a lock used as a binary semaphore (held = nothing to report): acquiring and
        # releasing a bare lock costs a fraction of `threading.Event`'s condition variable.
        self._ready = threading.Lock()
        self._ready.acquire()
        self._consumer_waiting = False
        self._wake_scheduled = False  # touched on the portal thread only
        self._space = asyncio.Event()
        self._producer_waiting = False
        self._loop = portal_loop()
        self._future = asyncio.run_coroutine_threadsafe(self._produce(make), self._loop)

    async def _produce(self, make: Callable[[], AsyncIterator[T]]) -> None:
        iterator = make()
        try:
            async for item in iterator:
                self._put(item)
                if len(self._items) >= self._buffer:
                    await self._wait_for_space()
        except BaseException as exc:  # handed to the consumer, raised there
            self._put(_End(exc))
            if isinstance(exc, asyncio.CancelledError):
                raise
        else:
            self._put(_End(None))
        finally:
            aclose = getattr(iterator, "aclose", None)
            if aclose is not None:
                await cast("Callable[[], Coroutine[Any, Any, None]]", aclose)()

    def _put(self, item: object) -> None:
        self._items.append(item)
        if self._consumer_waiting and not self._wake_scheduled:
            # Wake the consumer when the producer next yields to the loop (it has nothing more
            # for now), not per item: a consumer woken for every item of a fast producer drains
            # one and sleeps again: a thread switch per item.
            self._wake_scheduled = True
            self._loop.call_soon(self._wake)

    def _wake(self) -> None:
        self._wake_scheduled = False
        with contextlib.suppress(RuntimeError):  # already released: the wake-up is pending
            self._ready.release()

    async def _wait_for_space(self) -> None:
        # Back-pressure: the consumer fell behind; wait until it has taken half the buffer.
        while not self._closed and len(self._items) >= self._buffer:
            self._space.clear()
            self._producer_waiting = True
            if len(self._items) >= self._buffer:
                await self._space.wait()
            self._producer_waiting = False

    def __next__(self) -> T:
        if self._closed:
            raise StopIteration
        items = self._items
        try:
            item = items.popleft()
        except IndexError:
            item = self._wait_for_item()
        if self._producer_waiting and len(items) <= self._buffer // 2:
            self._producer_waiting = False
            self._loop.call_soon_threadsafe(self._space.set)
        if item.__class__ is _End:
            self._closed = True
            error = cast("_End", item).error
            if error is None:
                raise StopIteration
            raise error
        return cast("T", item)

    def _wait_for_item(self) -> object:
        items = self._items
        while True:
            self._consumer_waiting = True
            if not items:
                self._ready.acquire()  # a stale release only makes this loop once more
            self._consumer_waiting = False
            try:
                return items.popleft()
            except IndexError:
                continue

    def close(self) -> None:
        """Stop the producer and release the underlying stream (idempotent)."""
        if not self._closed:
            self._closed = True
            self._future.cancel()
            if self._producer_waiting:
                self._loop.call_soon_threadsafe(self._space.set)

    def __enter__(self) -> SyncStream[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()


class _End:
    """The last item of a `SyncStream`: how the async iterator ended."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException | None) -> None:
        self.error = error
