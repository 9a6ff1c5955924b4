"""The one retry policy: exponential backoff that honours the server's retry-after headers.

Defaults (upstream AI SDK 7): ``max_retries=2`` (three attempts), waits of 2 s then 4 s, no jitter.
A ``retry-after-ms`` header, else ``retry-after`` (seconds or an HTTP date), replaces the backoff
wait when it is between 0 and 60 s, or longer than 60 s but shorter than the backoff wait.
Only errors with ``is_retryable=True`` are retried; cancellation never is.
"""

from __future__ import annotations

import asyncio
import inspect
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from email.utils import parsedate_to_datetime
from typing import TypeVar

from ai_sdk.provider._errors import (
    AISDKError,
    APICallError,
    InvalidArgumentError,
    RetryError,
    get_error_message,
)

__all__ = [
    "DEFAULT_BACKOFF_FACTOR",
    "DEFAULT_INITIAL_DELAY",
    "DEFAULT_MAX_RETRIES",
    "is_retryable_error",
    "retry_delay",
    "retry_with_backoff",
    "validate_max_retries",
]

T = TypeVar("T")

DEFAULT_MAX_RETRIES = 2
"""Retries after the first attempt, so three attempts in all."""
DEFAULT_INITIAL_DELAY = 2.0
"""Seconds to wait before the first retry."""
DEFAULT_BACKOFF_FACTOR = 2.0
"""Each wait is this many times the previous one."""

_MAX_HEADER_DELAY_MS = 60_000.0


def is_retryable_error(error: BaseException) -> bool:
    """The default retry policy: any SDK error whose ``is_retryable`` is ``True``.

    That covers `APICallError` (408, 409, 429, 5xx, network failures and timeouts by default,
    or whatever the provider's error handler decided) and provider errors such as the gateway's
    that carry the same flag.
    """
    return isinstance(error, AISDKError) and getattr(error, "is_retryable", False) is True


def validate_max_retries(max_retries: object) -> int:
    """Return ``max_retries`` if it is an ``int >= 0``, else raise `InvalidArgumentError`."""
    if not isinstance(max_retries, int) or isinstance(max_retries, bool):
        raise InvalidArgumentError(
            f"max_retries must be an integer, got {max_retries!r}",
            parameter="max_retries",
            value=max_retries,
        )
    if max_retries < 0:
        raise InvalidArgumentError(
            f"max_retries must be >= 0, got {max_retries}",
            parameter="max_retries",
            value=max_retries,
        )
    return max_retries


def _headers_of(error: BaseException) -> Mapping[str, str] | None:
    for candidate in (error, getattr(error, "cause", None) or error.__cause__):
        if isinstance(candidate, APICallError) and candidate.response_headers:
            return candidate.response_headers
    return None


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        for key, candidate in headers.items():
            if key.lower() == name:
                return candidate
    return value


def _parse_float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return None if math.isnan(value) else value


def retry_delay(
    error: BaseException, backoff_delay: float, *, now: Callable[[], float] = time.time
) -> float:
    """Seconds to wait before retrying after ``error``.

    Reads ``retry-after-ms`` (milliseconds), else ``retry-after`` (seconds or an HTTP date), from
    the response headers of the error or of its cause. The header's wait is used when it is
    ``>= 0`` and either under 60 s or under ``backoff_delay``; otherwise ``backoff_delay`` is.

    Args:
        error: the failed attempt's error.
        backoff_delay: the exponential backoff wait for this attempt, in seconds.
        now: the clock for HTTP dates (seconds since the epoch).
    """
    headers = _headers_of(error)
    if not headers:
        return backoff_delay
    ms: float | None = None
    retry_after_ms = _header(headers, "retry-after-ms")
    if retry_after_ms:
        ms = _parse_float(retry_after_ms)
    retry_after = _header(headers, "retry-after")
    if ms is None and retry_after:
        seconds = _parse_float(retry_after)
        if seconds is not None:
            ms = seconds * 1000
        else:
            try:
                ms = (parsedate_to_datetime(retry_after).timestamp() - now()) * 1000
            except (TypeError, ValueError, IndexError, OverflowError):
                ms = None
    if (
        ms is not None
        and math.isfinite(ms)
        and ms >= 0
        and (ms < _MAX_HEADER_DELAY_MS or ms < backoff_delay * 1000)
    ):
        return ms / 1000
    return backoff_delay


def _is_abort(error: BaseException) -> bool:
    # A TimeoutError raised by the callable itself comes from a caller's own deadline
    # (asyncio.timeout, wait_for): like an abort upstream, it is passed on, never retried.
    # httpx timeouts arrive as APITimeoutError, which is retryable.
    return isinstance(error, TimeoutError | asyncio.CancelledError)


async def retry_with_backoff(
    fn: Callable[[], Awaitable[T]],
    *,
    max_retries: int = DEFAULT_MAX_RETRIES,
    initial_delay: float = DEFAULT_INITIAL_DELAY,
    backoff_factor: float = DEFAULT_BACKOFF_FACTOR,
    should_retry: Callable[[BaseException], bool | Awaitable[bool]] = is_retryable_error,
    get_delay: Callable[[BaseException, float], float] | None = None,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    clock: Callable[[], float] = time.time,
) -> T:
    """Call ``fn`` until it succeeds, retrying retryable errors with exponential backoff.

    Args:
        fn: starts one attempt (e.g. ``lambda: model.do_generate(options)``).
        max_retries: retries after the first attempt; ``0`` disables retrying and lets the
            error through unwrapped.
        initial_delay: seconds before the first retry.
        backoff_factor: multiplies the wait after each retry.
        should_retry: the policy; `is_retryable_error` by default.
        get_delay: ``(error, backoff_delay) -> seconds``; by default `retry_delay`, which honours
            ``retry-after-ms`` / ``retry-after``.
        sleep: awaited with each wait in seconds; inject a fake in tests.
        clock: the wall clock used for HTTP-date ``retry-after`` values.

    Raises:
        RetryError: ``reason="maxRetriesExceeded"`` when every attempt failed ("Failed after N
            attempts. Last error: ..."), or ``"errorNotRetryable"`` when a later attempt failed
            with an error the policy does not retry. ``errors`` holds every attempt's error.
        Exception: the first attempt's error itself when it is not retryable, or any error when
            ``max_retries`` is 0.
        InvalidArgumentError: ``max_retries`` is not an integer >= 0.
    """
    validate_max_retries(max_retries)
    errors: list[BaseException] = []
    delay = initial_delay
    while True:
        try:
            return await fn()
        except Exception as error:
            if _is_abort(error) or max_retries == 0:
                raise
            errors.append(error)
            attempts = len(errors)
            message = _error_text(error)
            if attempts > max_retries:
                raise RetryError(
                    f"Failed after {attempts} attempts. Last error: {message}",
                    reason="maxRetriesExceeded",
                    errors=errors,
                ) from error
            retry = should_retry(error)
            if inspect.isawaitable(retry):
                retry = await retry
            if retry:
                wait = (
                    get_delay(error, delay)
                    if get_delay is not None
                    else retry_delay(error, delay, now=clock)
                )
                await sleep(wait)
                delay *= backoff_factor
                continue
            if attempts == 1:
                raise
            raise RetryError(
                f"Failed after {attempts} attempts with non-retryable error: '{message}'",
                reason="errorNotRetryable",
                errors=errors,
            ) from error


def _error_text(error: BaseException) -> str:
    """``<ErrorName>: <message>``, as upstream's getErrorMessage renders an Error (its toString)."""
    message = get_error_message(error)
    name = type(error).__name__
    return f"{name}: {message}" if message and message != name else name
