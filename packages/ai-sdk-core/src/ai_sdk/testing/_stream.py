"""`simulate_readable_stream`: an async iterator over given items, with optional delays."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import TypeVar

__all__ = ["simulate_readable_stream"]

T = TypeVar("T")


async def simulate_readable_stream(
    chunks: Iterable[T],
    *,
    initial_delay: float | None = None,
    chunk_delay: float | None = None,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> AsyncIterator[T]:
    """Yield ``chunks`` one by one, as a network stream would.

    Use it for a `MockLanguageModel` stream that takes time
    (``do_stream=lambda options: simulate_readable_stream(parts, chunk_delay=0.01)``), or to test
    timeouts and cancellation.

    Args:
        chunks: the items to yield.
        initial_delay: seconds before the first item.
        chunk_delay: seconds before each following item.
        sleep: the sleep function (inject a fake one in tests).
    """
    first = True
    for chunk in chunks:
        delay = initial_delay if first else chunk_delay
        first = False
        if delay is not None:
            await sleep(delay)
        yield chunk
