"""The sync portal behind every `_sync` twin."""

import asyncio
import contextvars
import signal
import threading
import time
from collections.abc import AsyncIterator

import pytest

from ai_sdk._sync import (
    SyncStream,
    forbid_blocking,
    portal_loop,
    run_here,
    run_sync,
    sync_call,
)

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="unset")


async def _current() -> str:
    await asyncio.sleep(0)
    return request_id.get()


def test_run_sync_returns_and_sees_the_callers_context_vars() -> None:
    token = request_id.set("req-1")
    try:
        assert run_sync(_current) == "req-1"
    finally:
        request_id.reset(token)


async def test_run_sync_works_inside_a_running_event_loop() -> None:
    # A sync call from async code (Jupyter, an async web handler) must not nest loops.
    assert asyncio.get_running_loop() is not portal_loop()
    assert run_sync(_current) == "unset"


def test_run_sync_raises_the_original_error() -> None:
    async def fail() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        run_sync(fail)


def test_sync_stream_yields_in_order_then_raises_at_the_failure_point() -> None:
    async def parts() -> AsyncIterator[int]:
        for i in range(1000):
            yield i
        raise RuntimeError("stream broke")

    seen: list[int] = []
    with pytest.raises(RuntimeError, match="stream broke"):
        for item in SyncStream(parts, buffer=8):
            seen.append(item)
    assert seen == list(range(1000))


def test_sync_stream_close_stops_the_producer_and_closes_the_async_iterator() -> None:
    closed = threading.Event()

    async def endless() -> AsyncIterator[int]:
        try:
            i = 0
            while True:
                yield i
                i += 1
        finally:
            closed.set()

    with SyncStream(endless, buffer=4) as stream:
        assert [next(stream) for _ in range(3)] == [0, 1, 2]
    assert closed.wait(5)
    assert list(stream) == []


def test_sync_stream_producer_runs_ahead_by_at_most_the_buffer() -> None:
    produced: list[int] = []

    async def counting() -> AsyncIterator[int]:
        for i in range(2000):
            produced.append(i)
            yield i

    stream = SyncStream(counting, buffer=16)
    assert next(stream) == 0
    # Give the producer time to fill the buffer and stop.
    deadline = time.monotonic() + 2
    while len(produced) < 16 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.05)
    assert 16 <= len(produced) <= 18  # the buffer, the item taken, one in flight
    assert [next(stream) for _ in range(1999)] == list(range(1, 2000))
    assert list(stream) == []


def test_sync_stream_wakes_a_waiting_consumer_for_each_slow_item() -> None:
    async def slow() -> AsyncIterator[str]:
        for word in ("one", "two", "three"):
            await asyncio.sleep(0.02)
            yield word

    started = time.monotonic()
    assert list(SyncStream(slow)) == ["one", "two", "three"]
    assert time.monotonic() - started >= 0.05  # really waited for the producer


def test_sync_stream_from_many_threads_at_once() -> None:
    async def numbers(start: int) -> AsyncIterator[int]:
        for i in range(start, start + 500):
            if i % 50 == 0:
                await asyncio.sleep(0)
            yield i

    results: dict[int, list[int]] = {}

    def consume(start: int) -> None:
        results[start] = list(SyncStream(lambda: numbers(start), buffer=8))

    threads = [threading.Thread(target=consume, args=(n * 1000,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results == {n * 1000: list(range(n * 1000, n * 1000 + 500)) for n in range(8)}


async def _where() -> tuple[threading.Thread, asyncio.AbstractEventLoop, str]:
    await asyncio.sleep(0)
    return threading.current_thread(), asyncio.get_running_loop(), request_id.get()


def test_run_here_runs_on_the_calling_threads_own_loop_and_keeps_it() -> None:
    token = request_id.set("req-2")
    try:
        first = run_here(_where)
        second = run_here(_where)
    finally:
        request_id.reset(token)

    assert first[0] is threading.current_thread()
    assert first[1] is second[1]  # one loop per thread, kept between calls
    assert first[1] is not portal_loop()
    assert first[2] == second[2] == "req-2"  # the caller's context vars


def test_run_here_gives_each_thread_its_own_loop_and_closes_it_with_the_thread() -> None:
    seen: list[asyncio.AbstractEventLoop] = []

    def call() -> None:
        seen.append(run_here(_where)[1])

    threads = [threading.Thread(target=call) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)

    assert len({id(loop) for loop in seen}) == 2
    deadline = time.monotonic() + 5
    while not all(loop.is_closed() for loop in seen) and time.monotonic() < deadline:
        time.sleep(0.01)  # the threads' locals are released just after join returns
    assert all(loop.is_closed() for loop in seen)


async def test_run_here_inside_a_running_loop_uses_the_portal() -> None:
    thread, loop, _ = run_here(_where)

    assert loop is portal_loop()
    assert thread is not threading.current_thread()


def test_only_the_main_task_of_a_sync_call_may_block() -> None:
    async def probe() -> tuple[bool, bool, bool]:
        call = sync_call()
        assert call is not None
        main = call.may_block()
        child = await asyncio.create_task(_may_block())
        forbid_blocking()  # a deadline: the loop must stay free
        return main, child, call.may_block()

    assert run_here(probe) == (True, False, False)
    assert sync_call() is None  # nothing leaks into the caller's context
    assert run_sync(_may_block) is False  # the portal never blocks


async def _may_block() -> bool:
    call = sync_call()
    return call is not None and call.may_block()


def test_an_interrupted_run_here_call_is_cancelled_not_left_to_resume() -> None:
    unwound = threading.Event()

    async def waits() -> None:
        try:
            await asyncio.sleep(30)
        finally:
            unwound.set()

    # SIGINT reaches the main thread while its loop waits in select(): as Ctrl-C would.
    main = threading.main_thread().ident
    assert main == threading.get_ident()
    timer = threading.Timer(0.1, signal.pthread_kill, (main, signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        run_here(waits)
    timer.join()

    assert unwound.is_set()  # cancelled and unwound before run_here raised
    assert run_here(_where)[0] is threading.current_thread()  # the thread's loop still works
