"""429 and 503 with ``retry-after-ms``, ``retry-after`` (seconds or an HTTP date) and absurd
values: honoured within the caps, the waits observed through an injected sleep and clock.

The core functions (`generate_text`, `stream_text`) do not expose the retry sleep, so the waits
are checked through `retry_with_backoff`, the helper they call, over the real provider and real
sockets; one end-to-end test per function uses a short real ``retry-after-ms``.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from ai_sdk import generate_text, stream_text
from ai_sdk.provider import APICallError, CallOptions, RetryError, TextPart, UserMessage
from ai_sdk.provider_utils import retry_with_backoff
from tests.reliability._helpers import CHAT, completion, text_events
from tests.reliability.conftest import ProviderFactory
from tests.servers import LoopbackServer, json_reply, sse_reply

OPTIONS = CallOptions(prompt=[UserMessage(content=[TextPart(text="hi")])])
NOW = 1_800_000_000.0  # the injected wall clock
DAY = 86_400


def http_date(offset: float) -> str:
    return format_datetime(datetime.fromtimestamp(NOW + offset, UTC), usegmt=True)


def overloaded(status: int, headers: dict[str, str]):
    return json_reply({"error": {"message": "slow down", "type": "rate_limit"}}, status, headers)


class FakeSleep:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


# (status, headers, the wait before each of the two retries)
CASES = {
    "429 retry-after-ms": (429, {"retry-after-ms": "1500"}, [1.5, 1.5]),
    "503 retry-after seconds": (503, {"retry-after": "3"}, [3.0, 3.0]),
    "503 retry-after fractional": (503, {"retry-after": "0.25"}, [0.25, 0.25]),
    "429 retry-after HTTP date": (429, {"retry-after": http_date(7)}, [7.0, 7.0]),
    "both: retry-after-ms wins": (429, {"retry-after-ms": "500", "retry-after": "9"}, [0.5, 0.5]),
    "absurd retry-after (1 day)": (429, {"retry-after": str(DAY)}, [2.0, 4.0]),
    "absurd retry-after-ms (1 day)": (503, {"retry-after-ms": str(DAY * 1000)}, [2.0, 4.0]),
    "absurd HTTP date (1 day)": (503, {"retry-after": http_date(DAY)}, [2.0, 4.0]),
    "HTTP date in the past": (503, {"retry-after": http_date(-30)}, [2.0, 4.0]),
    "negative retry-after": (429, {"retry-after": "-5"}, [2.0, 4.0]),
    "garbage retry-after": (429, {"retry-after": "soon"}, [2.0, 4.0]),
    "NaN retry-after-ms": (429, {"retry-after-ms": "NaN"}, [2.0, 4.0]),
    "no header": (503, {}, [2.0, 4.0]),
}


@pytest.mark.parametrize("case", CASES)
async def test_retry_waits_follow_the_headers_within_the_caps(
    case: str, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    status, headers, expected = CASES[case]
    server.route(CHAT, overloaded(status, headers))
    model = make_provider()("test-model")
    sleep = FakeSleep()

    with pytest.raises(RetryError) as caught:
        await retry_with_backoff(lambda: model.do_generate(OPTIONS), sleep=sleep, clock=lambda: NOW)

    assert sleep.waits == pytest.approx(expected, abs=1e-3)
    assert sum(sleep.waits) == pytest.approx(sum(expected), abs=1e-3)  # the total wait
    assert caught.value.reason == "maxRetriesExceeded"
    assert [(e.status_code, e.is_retryable) for e in caught.value.errors] == [(status, True)] * 3
    assert len(server.requests) == 3


async def test_a_long_header_wait_is_honoured_when_shorter_than_the_backoff(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, overloaded(429, {"retry-after": "90"}))
    model = make_provider()("test-model")
    sleep = FakeSleep()
    with pytest.raises(RetryError):
        await retry_with_backoff(
            lambda: model.do_generate(OPTIONS), sleep=sleep, initial_delay=120.0, max_retries=1
        )
    assert sleep.waits == [90.0]


async def test_a_retry_that_succeeds_returns_the_result(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(
        CHAT,
        overloaded(429, {"retry-after-ms": "1500"}),
        overloaded(503, {"retry-after": "2"}),
        json_reply(completion("finally")),
    )
    model = make_provider()("test-model")
    sleep = FakeSleep()
    result = await retry_with_backoff(lambda: model.do_generate(OPTIONS), sleep=sleep)
    assert [c.text for c in result.content] == ["finally"]  # type: ignore[union-attr]
    assert sleep.waits == [1.5, 2.0]
    assert len(server.requests) == 3


async def test_a_non_retryable_error_after_retries_ends_them(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(
        CHAT,
        overloaded(503, {"retry-after-ms": "10"}),
        json_reply({"error": {"message": "bad request"}}, 400),
    )
    model = make_provider()("test-model")
    sleep = FakeSleep()
    with pytest.raises(RetryError) as caught:
        await retry_with_backoff(lambda: model.do_generate(OPTIONS), sleep=sleep)
    assert caught.value.reason == "errorNotRetryable"
    assert [e.status_code for e in caught.value.errors] == [503, 400]
    assert sleep.waits == [0.01]


async def test_a_first_non_retryable_error_is_raised_as_is(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, json_reply({"error": {"message": "no such model"}}, 404))
    model = make_provider()("test-model")
    with pytest.raises(APICallError, match="no such model") as caught:
        await generate_text(model=model, prompt="hi")
    assert (caught.value.status_code, caught.value.is_retryable) == (404, False)
    assert len(server.requests) == 1


async def test_generate_text_honours_a_short_retry_after_ms_for_real(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(
        CHAT,
        overloaded(429, {"retry-after-ms": "30"}),
        overloaded(503, {"retry-after-ms": "30"}),
        json_reply(completion("after two retries")),
    )
    started = time.perf_counter()
    result = await generate_text(model=make_provider()("test-model"), prompt="hi")
    elapsed = time.perf_counter() - started
    assert result.text == "after two retries"
    assert len(server.requests) == 3
    assert 0.06 <= elapsed < 1.5  # the header's 30 ms twice, not the 2 s + 4 s backoff


async def test_generate_text_gives_up_after_max_retries_with_every_attempt(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(CHAT, overloaded(429, {"retry-after-ms": "5"}))
    with pytest.raises(RetryError) as caught:
        await generate_text(model=make_provider()("test-model"), prompt="hi", max_retries=1)
    assert caught.value.reason == "maxRetriesExceeded"
    assert [e.status_code for e in caught.value.errors] == [429, 429]
    assert len(server.requests) == 2


async def test_stream_text_retries_the_start_of_the_stream(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    server.route(
        CHAT,
        overloaded(503, {"retry-after-ms": "20"}),
        sse_reply(text_events("Hello", ", world")),
    )
    result = stream_text(model=make_provider()("test-model"), prompt="hi")
    assert [delta async for delta in result.text_stream] == ["Hello", ", world"]
    assert await result.finish_reason == "stop"
    assert len(server.requests) == 2
