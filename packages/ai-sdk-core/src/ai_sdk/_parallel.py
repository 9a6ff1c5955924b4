"""Run a batch of model calls concurrently, at most N at a time, keeping the results in order.

`embed_many` and `generate_image` split work into calls; this is the one place that runs them.
A sliding window (not fixed groups) keeps N calls in flight until the work runs out. The first
failure cancels the calls still running and is raised as is (not as an `ExceptionGroup`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from ai_sdk.provider import InvalidArgumentError

__all__ = ["run_bounded", "validate_positive_int"]

T = TypeVar("T")


def validate_positive_int(value: object, parameter: str) -> int:
    """Return ``value`` if it is an ``int >= 1``, else raise `InvalidArgumentError`."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidArgumentError(
            f"{parameter} must be an integer >= 1, got {value!r}",
            parameter=parameter,
            value=value,
        )
    return value


async def run_bounded(calls: Sequence[Callable[[], Awaitable[T]]], limit: int | None) -> list[T]:
    """Await every call, at most ``limit`` at a time (``None``: all at once); results in order."""
    if not calls:
        return []
    if len(calls) == 1:
        return [await calls[0]()]
    semaphore = asyncio.Semaphore(limit if limit is not None else len(calls))

    async def run(call: Callable[[], Awaitable[T]]) -> T:
        async with semaphore:
            return await call()

    tasks = [asyncio.ensure_future(run(call)) for call in calls]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        # Let the cancelled calls finish unwinding (closing their HTTP responses) before raising.
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
