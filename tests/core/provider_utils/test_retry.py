"""retry_with_backoff: the upstream policy, with an injected sleep that records the waits."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest

from ai_sdk.provider._errors import (
    AISDKError,
    APICallError,
    InvalidArgumentError,
    RetryError,
)
from ai_sdk.provider_utils import (
    create_json_response_handler,
    create_status_code_error_response_handler,
    is_retryable_error,
    post_json,
    retry_delay,
    retry_with_backoff,
)
from tests.servers import LoopbackServer, json_reply

NOW = 1_700_000_000.0


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def failing(*outcomes: BaseException | str) -> Callable[[], Awaitable[str]]:
    """A callable raising (or returning) the given outcomes in order."""
    queue = list(outcomes)

    async def call() -> str:
        outcome = queue.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    return call


def api_error(status: int = 503, headers: dict[str, str] | None = None) -> APICallError:
    return APICallError(
        f"status {status}", url="http://x", status_code=status, response_headers=headers
    )


async def test_first_try_success_does_not_sleep() -> None:
    sleeps = Sleeps()
    assert await retry_with_backoff(failing("ok"), sleep=sleeps) == "ok"
    assert sleeps.delays == []


async def test_retryable_errors_back_off_exponentially() -> None:
    sleeps = Sleeps()
    result = await retry_with_backoff(failing(api_error(), api_error(429), "ok"), sleep=sleeps)
    assert (result, sleeps.delays) == ("ok", [2.0, 4.0])


async def test_max_retries_exceeded() -> None:
    sleeps = Sleeps()
    errors = [api_error(500), api_error(502), api_error(503)]

    with pytest.raises(RetryError) as info:
        await retry_with_backoff(failing(*errors), sleep=sleeps)

    error = info.value
    assert error.message == "Failed after 3 attempts. Last error: APICallError: status 503"
    assert (error.reason, error.errors, error.last_error) == (
        "maxRetriesExceeded",
        errors,
        errors[2],
    )
    assert error.__cause__ is errors[2]
    assert sleeps.delays == [2.0, 4.0]


async def test_custom_backoff_and_retry_count() -> None:
    sleeps = Sleeps()
    with pytest.raises(RetryError):
        await retry_with_backoff(
            failing(*[api_error()] * 5),
            max_retries=4,
            initial_delay=0.5,
            backoff_factor=3,
            sleep=sleeps,
        )
    assert sleeps.delays == [0.5, 1.5, 4.5, 13.5]


@pytest.mark.parametrize(
    ("headers", "initial_delay", "expected"),
    [
        ({"retry-after-ms": "1500"}, 2.0, 1.5),
        ({"retry-after-ms": "0"}, 2.0, 0.0),
        ({"retry-after": "3"}, 2.0, 3.0),
        ({"retry-after": "0.25"}, 2.0, 0.25),
        ({"Retry-After": "3"}, 2.0, 3.0),  # header names compared case-blind
        ({"retry-after-ms": "500", "retry-after": "30"}, 2.0, 0.5),  # -ms wins
        ({"retry-after-ms": "abc", "retry-after": "7"}, 2.0, 7.0),  # unparseable -ms ignored
        (
            {"retry-after": format_datetime(datetime.fromtimestamp(NOW + 5, UTC), usegmt=True)},
            2.0,
            5.0,
        ),
        ({"retry-after": "Wed, 99 Foo 2024"}, 2.0, 2.0),  # not a date: backoff
        ({"retry-after-ms": "-100"}, 2.0, 2.0),  # negative: backoff
        (
            {"retry-after": format_datetime(datetime.fromtimestamp(NOW - 5, UTC), usegmt=True)},
            2.0,
            2.0,
        ),
        ({"retry-after": "120"}, 2.0, 2.0),  # over 60 s and over the backoff: backoff
        ({"retry-after": "120"}, 200.0, 120.0),  # over 60 s but under the backoff: header
        ({"retry-after-ms": "59999"}, 2.0, 59.999),
        ({"retry-after-ms": "60000"}, 2.0, 2.0),
        ({"retry-after": "nan"}, 2.0, 2.0),
        ({"retry-after": "inf"}, 2.0, 2.0),
        ({}, 2.0, 2.0),
    ],
)
async def test_retry_after_headers(
    headers: dict[str, str], initial_delay: float, expected: float
) -> None:
    sleeps = Sleeps()
    await retry_with_backoff(
        failing(api_error(429, headers), "ok"),
        initial_delay=initial_delay,
        sleep=sleeps,
        clock=lambda: NOW,
    )
    assert sleeps.delays == [pytest.approx(expected)]


async def test_headers_are_read_from_the_cause() -> None:
    class ProviderError(AISDKError):
        is_retryable = True

    wrapped = ProviderError("rate limited", cause=api_error(429, {"retry-after-ms": "250"}))
    assert retry_delay(wrapped, 2.0) == 0.25
    sleeps = Sleeps()
    assert await retry_with_backoff(failing(wrapped, "ok"), sleep=sleeps) == "ok"
    assert sleeps.delays == [0.25]


async def test_non_retryable_first_error_is_raised_as_is() -> None:
    error = api_error(400)
    sleeps = Sleeps()
    with pytest.raises(APICallError) as info:
        await retry_with_backoff(failing(error), sleep=sleeps)
    assert info.value is error
    assert sleeps.delays == []


async def test_non_retryable_later_error_is_wrapped() -> None:
    errors = [api_error(503), api_error(401)]
    sleeps = Sleeps()
    with pytest.raises(RetryError) as info:
        await retry_with_backoff(failing(*errors), sleep=sleeps)
    error = info.value
    assert error.message == (
        "Failed after 2 attempts with non-retryable error: 'APICallError: status 401'"
    )
    assert (error.reason, error.errors, error.last_error) == (
        "errorNotRetryable",
        errors,
        errors[1],
    )
    assert sleeps.delays == [2.0]


async def test_plain_exceptions_are_not_retried() -> None:
    with pytest.raises(ValueError, match="bug"):
        await retry_with_backoff(failing(ValueError("bug")), sleep=Sleeps())


async def test_max_retries_zero_raises_the_raw_error() -> None:
    error = api_error(503)
    sleeps = Sleeps()
    with pytest.raises(APICallError) as info:
        await retry_with_backoff(failing(error), max_retries=0, sleep=sleeps)
    assert info.value is error
    assert sleeps.delays == []


async def test_cancellation_is_never_retried() -> None:
    sleeps = Sleeps()
    with pytest.raises(asyncio.CancelledError):
        await retry_with_backoff(failing(asyncio.CancelledError(), "ok"), sleep=sleeps)
    assert sleeps.delays == []


async def test_callers_timeout_error_is_never_retried() -> None:
    sleeps = Sleeps()
    with pytest.raises(TimeoutError):
        await retry_with_backoff(failing(TimeoutError(), "ok"), sleep=sleeps)
    assert sleeps.delays == []


async def test_cancellation_during_the_wait() -> None:
    calls = 0

    async def call() -> str:
        nonlocal calls
        calls += 1
        raise api_error(503)

    task = asyncio.create_task(retry_with_backoff(call, initial_delay=10))
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert calls == 1


@pytest.mark.parametrize("value", [-1, 1.5, True, "2", None])
async def test_invalid_max_retries(value: object) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        await retry_with_backoff(failing("ok"), max_retries=value)  # type: ignore[arg-type]
    assert (info.value.parameter, info.value.value) == ("max_retries", value)
    assert info.value.message.startswith("Invalid argument for parameter max_retries: ")


async def test_custom_policy_sync_or_async() -> None:
    async def async_policy(error: BaseException) -> bool:
        return isinstance(error, KeyError)

    sleeps = Sleeps()
    result = await retry_with_backoff(
        failing(KeyError("k"), "ok"),
        should_retry=async_policy,
        get_delay=lambda error, backoff: backoff / 4,
        sleep=sleeps,
    )
    assert (result, sleeps.delays) == ("ok", [0.5])


def test_is_retryable_error() -> None:
    class GatewayishError(AISDKError):
        def __init__(self, retryable: bool) -> None:
            super().__init__("gateway")
            self.is_retryable = retryable

    assert [
        is_retryable_error(e)
        for e in [
            api_error(429),
            api_error(400),
            APICallError("x", url="u", is_retryable=True),
            GatewayishError(True),
            GatewayishError(False),
            ValueError("x"),
        ]
    ] == [True, False, True, True, False, False]


async def test_retry_over_real_http_honours_retry_after_ms(server: LoopbackServer) -> None:
    server.route(
        "/x",
        json_reply({"error": "slow down"}, status=429, headers={"retry-after-ms": "10"}),
        json_reply({"error": "busy"}, status=503),
        json_reply({"ok": True}),
    )
    sleeps = Sleeps()
    async with httpx.AsyncClient() as client:

        async def attempt() -> object:
            result = await post_json(
                url=f"{server.url}/x",
                body={},
                success=create_json_response_handler(),
                failure=create_status_code_error_response_handler(),
                client=client,
            )
            return result.value

        assert await retry_with_backoff(attempt, sleep=sleeps) == {"ok": True}
    assert sleeps.delays == [0.01, 4.0]
    assert len(server.requests) == 3


async def test_retry_error_over_real_http_names_the_last_error_as_upstream(
    server: LoopbackServer,
) -> None:
    """Upstream renders the last error with its toString: ``<ErrorName>: <message>``."""
    server.route("/x", *[json_reply({"error": "busy"}, status=503)] * 3)
    async with httpx.AsyncClient() as client:

        async def attempt() -> object:
            return await post_json(
                url=f"{server.url}/x",
                body={},
                success=create_json_response_handler(),
                failure=create_status_code_error_response_handler(),
                client=client,
            )

        with pytest.raises(RetryError) as info:
            await retry_with_backoff(attempt, sleep=Sleeps())

    error = info.value
    assert (error.message, error.reason, len(error.errors)) == (
        "Failed after 3 attempts. Last error: APICallError: Service Unavailable",
        "maxRetriesExceeded",
        3,
    )
