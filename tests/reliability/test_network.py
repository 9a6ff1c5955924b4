"""Faults before any response: connection refused, an unreachable port, TLS against plain HTTP.

Each is a typed, retryable `APICallError` (an `APITimeoutError` when a connect timeout fires),
retried per policy with `RetryError` listing every attempt. Retry waits are injected (no real
sleep): `generate_text` has no hook for the retry sleep, so the policy is checked through the
retry helper the core functions use, with the real provider and real sockets underneath; the
core functions are checked with ``max_retries=0`` (one attempt, the error itself).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from ai_sdk import embed_many, generate_text, stream_text
from ai_sdk.provider import (
    APICallError,
    APITimeoutError,
    CallOptions,
    RetryError,
    TextPart,
    UserMessage,
)
from ai_sdk.provider_utils import retry_with_backoff
from tests.reliability._helpers import blackhole, closed_port
from tests.reliability.conftest import ProviderFactory
from tests.servers import LoopbackServer

OPTIONS = CallOptions(prompt=[UserMessage(content=[TextPart(text="hi")])])


@contextmanager
def refused(_server: LoopbackServer) -> Iterator[tuple[str, dict[str, object]]]:
    yield f"http://127.0.0.1:{closed_port()}/v1", {}


@contextmanager
def unreachable(_server: LoopbackServer) -> Iterator[tuple[str, dict[str, object]]]:
    with blackhole() as port:
        yield f"http://127.0.0.1:{port}/v1", {"timeout": httpx.Timeout(5.0, connect=0.1)}


@contextmanager
def tls_to_plain_http(server: LoopbackServer) -> Iterator[tuple[str, dict[str, object]]]:
    yield f"https://127.0.0.1:{server.port}/v1", {}


FAULTS = {
    "connection-refused": (refused, APICallError, "Cannot connect to API: "),
    "unreachable-port": (unreachable, APITimeoutError, "Request timed out (ConnectTimeout"),
    # The TLS error text is the backend's; the test below checks its reason.
    "tls-to-plain-http": (tls_to_plain_http, APICallError, "Cannot connect to API: "),
}


class FakeSleep:
    """Stands in for `asyncio.sleep` in the retry helper: records the waits, sleeps not."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.mark.parametrize("name", FAULTS)
async def test_fault_is_retried_per_policy_and_every_attempt_listed(
    name: str, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    fault, error_type, message = FAULTS[name]
    sleep = FakeSleep()
    with fault(server) as (url, settings):
        model = make_provider(base_url=url, **settings)("test-model")
        started = time.perf_counter()
        with pytest.raises(RetryError) as caught:
            await retry_with_backoff(lambda: model.do_generate(OPTIONS), sleep=sleep)
        elapsed = time.perf_counter() - started

    error = caught.value
    assert (error.reason, len(error.errors), sleep.waits) == ("maxRetriesExceeded", 3, [2.0, 4.0])
    assert error.last_error is error.errors[-1]
    for attempt in error.errors:
        assert type(attempt) is error_type
        assert isinstance(attempt, APICallError)
        assert str(attempt).startswith(message)
        assert (attempt.is_retryable, attempt.status_code, attempt.url) == (
            True,
            None,
            url + "/chat/completions",
        )
    assert str(error).startswith(
        f"Failed after 3 attempts. Last error: {error_type.__name__}: {message}"
    )
    assert elapsed < 5  # three attempts, no real backoff
    assert server.requests == []  # nothing ever reached the application layer


async def test_tls_against_plain_http_gets_the_servers_400_not_a_hang(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    model = make_provider(base_url=f"https://127.0.0.1:{server.port}/v1")("test-model")
    started = time.perf_counter()
    with pytest.raises(APICallError, match="WRONG_VERSION_NUMBER"):
        await generate_text(model=model, prompt="hi", max_retries=0)
    assert time.perf_counter() - started < 2
    assert server.rejected_non_http == 1


@pytest.mark.parametrize("name", FAULTS)
async def test_generate_text_without_retries_raises_the_typed_error(
    name: str, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    fault, error_type, message = FAULTS[name]
    with fault(server) as (url, settings):
        model = make_provider(base_url=url, **settings)("test-model")
        with pytest.raises(APICallError) as caught:
            await generate_text(model=model, prompt="hi", max_retries=0)
    assert type(caught.value) is error_type
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("name", FAULTS)
async def test_stream_text_reports_the_typed_error(
    name: str, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    fault, error_type, message = FAULTS[name]
    errors: list[object] = []
    with fault(server) as (url, settings):
        model = make_provider(base_url=url, **settings)("test-model")
        result = stream_text(model=model, prompt="hi", max_retries=0, on_error=errors.append)
        with pytest.raises(APICallError) as caught:
            async for _ in result.text_stream:
                pytest.fail("no text can arrive")
    assert type(caught.value) is error_type
    assert str(caught.value).startswith(message)
    assert errors == [caught.value]
    with pytest.raises(APICallError):
        await result.text


@pytest.mark.parametrize("name", FAULTS)
async def test_embed_many_without_retries_raises_the_typed_error(
    name: str, server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    fault, error_type, _message = FAULTS[name]
    with fault(server) as (url, settings):
        model = make_provider(base_url=url, **settings).embedding_model("embedder")
        with pytest.raises(APICallError) as caught:
            await embed_many(model=model, values=["a", "b"], max_retries=0)
    assert type(caught.value) is error_type
