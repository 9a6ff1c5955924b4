"""embed / embed_many: batching, ordering, bounded parallelism, retries per batch, usage, sync."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from ai_sdk._version import __version__
from ai_sdk.embed import (
    EmbeddingModelUsage,
    EmbedManyResult,
    EmbedResult,
    embed,
    embed_many,
    embed_many_sync,
    embed_sync,
)
from ai_sdk.provider import (
    APICallError,
    EmbeddingCallOptions,
    EmbeddingResponseInfo,
    EmbeddingResult,
    EmbeddingUsage,
    InvalidArgumentError,
    InvalidResponseDataError,
    OtherWarning,
    RetryError,
    UnsupportedWarning,
)
from ai_sdk.provider_utils import (
    create_json_response_handler,
    create_status_code_error_response_handler,
    post_json,
)
from ai_sdk.registry import custom_provider, set_default_provider
from ai_sdk.testing._embedding import MockEmbeddingModel
from tests.servers import LoopbackServer, json_reply


def vectors(options: EmbeddingCallOptions) -> EmbeddingResult:
    """One vector per value: [length, first letter code]; usage = number of values."""
    return EmbeddingResult(
        embeddings=[[float(len(v)), float(ord(v[0]))] for v in options.values],
        usage=EmbeddingUsage(tokens=len(options.values)),
    )


def retryable(status: int = 429) -> APICallError:
    # retry-after-ms: 0 makes the retry policy wait 0 s instead of the 2 s backoff.
    return APICallError(
        "rate limited",
        url="http://x",
        status_code=status,
        response_headers={"retry-after-ms": "0"},
    )


class Concurrency:
    """Counts calls in flight; each call waits a little so that calls can overlap."""

    def __init__(self, delay: float = 0.02) -> None:
        self.current = 0
        self.peak = 0
        self.delay = delay

    async def __call__(self, options: EmbeddingCallOptions) -> EmbeddingResult:
        self.current += 1
        self.peak = max(self.peak, self.current)
        try:
            await asyncio.sleep(self.delay)
        finally:
            self.current -= 1
        return vectors(options)


@pytest.fixture
def no_default_provider() -> Iterator[None]:
    set_default_provider(None)
    yield
    set_default_provider(None)


async def test_embed_returns_the_vector_usage_and_metadata() -> None:
    model = MockEmbeddingModel(
        do_embed=EmbeddingResult(
            embeddings=[[0.1, 0.2]],
            usage=EmbeddingUsage(tokens=3),
            provider_metadata={"mock": {"id": "e1"}},
            response=EmbeddingResponseInfo(headers={"x-id": "1"}),
            warnings=[OtherWarning(message="note")],
        )
    )
    result = await embed(
        model=model,
        value="hello",
        headers={"x-test": "1"},
        provider_options={"mock": {"dims": 2}},
    )
    assert result == EmbedResult(
        value="hello",
        embedding=[0.1, 0.2],
        usage=EmbeddingModelUsage(tokens=3),
        warnings=[OtherWarning(message="note")],
        provider_metadata={"mock": {"id": "e1"}},
        response=EmbeddingResponseInfo(headers={"x-id": "1"}),
    )
    assert model.calls == [
        EmbeddingCallOptions(
            values=["hello"],
            # As upstream, the SDK's token joins the user-agent.
            headers={"x-test": "1", "user-agent": f"ai/{__version__}"},
            provider_options={"mock": {"dims": 2}},
        )
    ]


async def test_embed_without_usage_reports_none_tokens() -> None:
    model = MockEmbeddingModel(do_embed=EmbeddingResult(embeddings=[[1.0]]))
    result = await embed(model=model, value="x")
    assert result.usage == EmbeddingModelUsage(tokens=None)


async def test_embed_many_batches_by_max_embeddings_per_call_in_order() -> None:
    model = MockEmbeddingModel(max_embeddings_per_call=2, do_embed=vectors)
    values = ["a", "bb", "ccc", "dddd", "eeeee"]
    result = await embed_many(model=model, values=values)
    assert [call.values for call in model.calls] == [["a", "bb"], ["ccc", "dddd"], ["eeeee"]]
    assert result == EmbedManyResult(
        values=values,
        embeddings=[[1.0, 97.0], [2.0, 98.0], [3.0, 99.0], [4.0, 100.0], [5.0, 101.0]],
        usage=EmbeddingModelUsage(tokens=5),
        warnings=[],
        provider_metadata=None,
        responses=[None, None, None],
    )


async def test_embed_many_without_a_limit_makes_one_call() -> None:
    model = MockEmbeddingModel(max_embeddings_per_call=None, do_embed=vectors)
    result = await embed_many(model=model, values=["a", "b", "c"])
    assert [call.values for call in model.calls] == [["a", "b", "c"]]
    assert len(result.embeddings) == 3


async def test_embed_many_keeps_order_when_later_batches_finish_first() -> None:
    async def slow_first(options: EmbeddingCallOptions) -> EmbeddingResult:
        # The first batch takes longest, so completion order is the reverse of value order.
        await asyncio.sleep({"a": 0.06, "b": 0.03}.get(options.values[0], 0.0))
        return vectors(options)

    model = MockEmbeddingModel(
        max_embeddings_per_call=1, supports_parallel_calls=True, do_embed=slow_first
    )
    result = await embed_many(model=model, values=["a", "b", "c"])
    assert result.embeddings == [[1.0, 97.0], [1.0, 98.0], [1.0, 99.0]]


async def test_embed_many_parallelism_is_bounded_by_max_parallel_calls() -> None:
    tracker = Concurrency()
    model = MockEmbeddingModel(
        max_embeddings_per_call=1, supports_parallel_calls=True, do_embed=tracker
    )
    result = await embed_many(model=model, values=list("abcdefg"), max_parallel_calls=3)
    assert tracker.peak == 3  # reached (so calls did overlap) and never exceeded
    assert len(model.calls) == 7
    assert [e[1] for e in result.embeddings] == [float(ord(c)) for c in "abcdefg"]


async def test_embed_many_without_max_parallel_calls_runs_every_batch_at_once() -> None:
    tracker = Concurrency()
    model = MockEmbeddingModel(
        max_embeddings_per_call=2, supports_parallel_calls=True, do_embed=tracker
    )
    await embed_many(model=model, values=list("abcdefgh"))
    assert tracker.peak == 4


async def test_embed_many_runs_batches_one_at_a_time_without_parallel_support() -> None:
    tracker = Concurrency(delay=0.005)
    model = MockEmbeddingModel(
        max_embeddings_per_call=1, supports_parallel_calls=False, do_embed=tracker
    )
    await embed_many(model=model, values=list("abcd"), max_parallel_calls=10)
    assert tracker.peak == 1
    assert len(model.calls) == 4


async def test_embed_many_retries_only_the_failing_batch() -> None:
    failed: set[str] = set()

    def flaky(options: EmbeddingCallOptions) -> EmbeddingResult:
        first = options.values[0]
        if first == "c" and first not in failed:
            failed.add(first)
            raise retryable()
        return vectors(options)

    model = MockEmbeddingModel(max_embeddings_per_call=2, do_embed=flaky)
    result = await embed_many(model=model, values=["a", "b", "c", "d", "e"])
    assert [call.values for call in model.calls] == [["a", "b"], ["c", "d"], ["c", "d"], ["e"]]
    assert [e[1] for e in result.embeddings] == [float(ord(c)) for c in "abcde"]


async def test_embed_many_gives_up_after_max_retries_with_every_error() -> None:
    errors = [retryable(), retryable(503), retryable()]
    model = MockEmbeddingModel(max_embeddings_per_call=None, do_embed=errors)
    with pytest.raises(RetryError) as info:
        await embed_many(model=model, values=["a"], max_retries=2)
    assert info.value.reason == "maxRetriesExceeded"
    assert info.value.errors == errors
    assert len(model.calls) == 3


async def test_embed_many_raises_a_non_retryable_error_unwrapped() -> None:
    error = APICallError("bad request", url="http://x", status_code=400)
    model = MockEmbeddingModel(do_embed=error)
    with pytest.raises(APICallError) as info:
        await embed_many(model=model, values=["a"])
    assert info.value is error
    assert len(model.calls) == 1


async def test_a_failing_parallel_batch_cancels_the_others() -> None:
    cancelled: list[str] = []

    async def fail_b(options: EmbeddingCallOptions) -> EmbeddingResult:
        if options.values == ["b"]:
            raise APICallError("boom", url="http://x", status_code=400)
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled.append(options.values[0])
            raise
        return vectors(options)

    model = MockEmbeddingModel(
        max_embeddings_per_call=1, supports_parallel_calls=True, do_embed=fail_b
    )
    with pytest.raises(APICallError, match="boom"):
        await embed_many(model=model, values=["a", "b", "c"])
    assert sorted(cancelled) == ["a", "c"]


async def test_embed_many_usage_is_none_when_any_batch_lacks_usage() -> None:
    model = MockEmbeddingModel(
        max_embeddings_per_call=1,
        do_embed=[
            EmbeddingResult(embeddings=[[1.0]], usage=EmbeddingUsage(tokens=4)),
            EmbeddingResult(embeddings=[[2.0]]),
            EmbeddingResult(embeddings=[[3.0]], usage=EmbeddingUsage(tokens=5)),
        ],
    )
    result = await embed_many(model=model, values=["a", "b", "c"])
    assert result.usage == EmbeddingModelUsage(tokens=None)


async def test_embed_many_merges_metadata_and_collects_warnings_and_responses() -> None:
    model = MockEmbeddingModel(
        max_embeddings_per_call=1,
        do_embed=[
            EmbeddingResult(
                embeddings=[[1.0]],
                usage=EmbeddingUsage(tokens=1),
                provider_metadata={"p": {"a": 1, "shared": "first"}},
                warnings=[UnsupportedWarning(feature="dims")],
                response=EmbeddingResponseInfo(headers={"n": "1"}),
            ),
            EmbeddingResult(
                embeddings=[[2.0]],
                usage=EmbeddingUsage(tokens=2),
                provider_metadata={"p": {"b": 2, "shared": "second"}, "q": {"c": 3}},
                warnings=[OtherWarning(message="w2")],
                response=EmbeddingResponseInfo(headers={"n": "2"}),
            ),
        ],
    )
    result = await embed_many(model=model, values=["a", "b"])
    assert result == EmbedManyResult(
        values=["a", "b"],
        embeddings=[[1.0], [2.0]],
        usage=EmbeddingModelUsage(tokens=3),
        warnings=[UnsupportedWarning(feature="dims"), OtherWarning(message="w2")],
        provider_metadata={"p": {"a": 1, "b": 2, "shared": "second"}, "q": {"c": 3}},
        responses=[
            EmbeddingResponseInfo(headers={"n": "1"}),
            EmbeddingResponseInfo(headers={"n": "2"}),
        ],
    )


async def test_embed_many_of_nothing_makes_no_call() -> None:
    model = MockEmbeddingModel(do_embed=vectors)
    result = await embed_many(model=model, values=[])
    assert result == EmbedManyResult(values=[], embeddings=[], usage=EmbeddingModelUsage(0))
    assert model.calls == []


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
async def test_invalid_max_parallel_calls_is_rejected_before_any_call(bad: object) -> None:
    model = MockEmbeddingModel(do_embed=vectors)
    with pytest.raises(InvalidArgumentError) as info:
        await embed_many(model=model, values=["a"], max_parallel_calls=bad)  # type: ignore[arg-type]
    assert info.value.parameter == "max_parallel_calls"
    assert model.calls == []


@pytest.mark.parametrize("bad", [-1, 1.0, None])
async def test_invalid_max_retries_is_rejected(bad: object) -> None:
    model = MockEmbeddingModel(do_embed=vectors)
    with pytest.raises(InvalidArgumentError) as info:
        await embed(model=model, value="a", max_retries=bad)  # type: ignore[arg-type]
    assert info.value.parameter == "max_retries"
    assert model.calls == []


async def test_a_wrong_number_of_embeddings_is_an_error() -> None:
    model = MockEmbeddingModel(
        max_embeddings_per_call=None,
        do_embed=EmbeddingResult(embeddings=[[1.0]]),
    )
    with pytest.raises(InvalidResponseDataError, match="returned 1 embeddings for 2 values"):
        await embed_many(model=model, values=["a", "b"], max_retries=0)


async def test_string_model_ids_resolve_through_the_default_provider(
    no_default_provider: None,
) -> None:
    model = MockEmbeddingModel(do_embed=vectors)
    set_default_provider(custom_provider(embedding_models={"small": model}))
    result = await embed(model="small", value="hi")
    assert result.embedding == [2.0, 104.0]


def test_sync_twins() -> None:
    model = MockEmbeddingModel(max_embeddings_per_call=1, do_embed=vectors)
    assert embed_sync(model=model, value="ab").embedding == [2.0, 97.0]
    result = embed_many_sync(model=model, values=["a", "bb"])
    assert result.embeddings == [[1.0, 97.0], [2.0, 98.0]]


async def test_sync_twins_work_inside_a_running_event_loop() -> None:
    model = MockEmbeddingModel(max_embeddings_per_call=1, do_embed=vectors)
    assert asyncio.get_running_loop().is_running()
    result = embed_many_sync(model=model, values=["a", "bb"])
    assert result.embeddings == [[1.0, 97.0], [2.0, 98.0]]
    assert embed_sync(model=model, value="c").embedding == [1.0, 99.0]


class HTTPEmbeddingModel:
    """A minimal provider-style embedding model over real HTTP (the loopback server)."""

    specification_version = "v4"
    provider = "loopback"
    model_id = "embed-1"
    max_embeddings_per_call = 2
    supports_parallel_calls = False

    def __init__(self, url: str, client: httpx.AsyncClient) -> None:
        self.url = url
        self.client = client

    async def do_embed(self, options: EmbeddingCallOptions) -> EmbeddingResult:
        response = await post_json(
            url=self.url,
            body={"input": options.values},
            success=create_json_response_handler(),
            failure=create_status_code_error_response_handler(),
            client=self.client,
        )
        data = response.value
        assert isinstance(data, dict)
        return EmbeddingResult.model_validate(data)


async def test_embed_many_retries_a_batch_after_an_http_429(server: LoopbackServer) -> None:
    def ok(request_values: list[str]) -> dict[str, object]:
        return {"embeddings": [[float(len(v))] for v in request_values], "usage": {"tokens": 1}}

    server.route(
        "/embed",
        lambda r: json_reply(ok(r.json()["input"])),
        json_reply({"error": "slow down"}, status=429, headers={"retry-after-ms": "0"}),
        lambda r: json_reply(ok(r.json()["input"])),
    )
    async with httpx.AsyncClient(timeout=5.0) as client:
        model = HTTPEmbeddingModel(f"{server.url}/embed", client)
        result = await embed_many(model=model, values=["a", "bb", "ccc"])
    assert [r.json()["input"] for r in server.requests] == [["a", "bb"], ["ccc"], ["ccc"]]
    assert result.embeddings == [[1.0], [2.0], [3.0]]
    assert result.usage == EmbeddingModelUsage(tokens=2)


async def test_cancelling_embed_many_cancels_every_call_in_flight() -> None:
    started = asyncio.Event()
    cancelled: list[str] = []

    async def hang(options: EmbeddingCallOptions) -> EmbeddingResult:
        started.set()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled.append(options.values[0])
            raise
        return vectors(options)

    model = MockEmbeddingModel(
        max_embeddings_per_call=1, supports_parallel_calls=True, do_embed=hang
    )
    task = asyncio.create_task(embed_many(model=model, values=["a", "b"]))
    await started.wait()
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert sorted(cancelled) == ["a", "b"]
