"""rerank: document kinds, ordering, events, retries, bad input, resolution, the sync twin."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ai_sdk import custom_provider, rerank, rerank_sync
from ai_sdk.provider import (
    APICallError,
    InvalidArgumentError,
    InvalidResponseDataError,
    NoSuchModelError,
    OtherWarning,
    RankedDocument,
    RerankingCallOptions,
    RerankingResponseInfo,
    RerankingResult,
    RerankObjectDocuments,
    RerankTextDocuments,
)
from ai_sdk.registry import create_provider_registry
from ai_sdk.rerank import RankedItem, RerankResponse, RerankResult
from ai_sdk.telemetry import RerankStartEvent
from ai_sdk.testing import MockRerankingModel
from tests.core.registry._models import EchoProvider

WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def ranked(*pairs: tuple[int, float], **kwargs: object) -> RerankingResult:
    return RerankingResult(
        ranking=[RankedDocument(index=i, relevance_score=s) for i, s in pairs],
        **kwargs,  # type: ignore[arg-type]
    )


async def test_string_documents_are_sent_as_text_and_mapped_back() -> None:
    model = MockRerankingModel(
        do_rerank=ranked(
            (1, 0.9),
            (0, 0.2),
            response=RerankingResponseInfo(
                id="r1", timestamp=WHEN, model_id="rerank-2", headers={"x": "1"}, body={"b": 1}
            ),
            provider_metadata={"p": {"k": "v"}},
            warnings=[OtherWarning(message="note")],
        )
    )

    result = await rerank(
        model=model,
        documents=["sunny", "rainy", "snowy"],
        query="rain",
        top_n=2,
        headers={"x-h": "1"},
        provider_options={"p": {"o": True}},
    )

    assert model.calls == [
        RerankingCallOptions(
            documents=RerankTextDocuments(values=["sunny", "rainy", "snowy"]),
            query="rain",
            top_n=2,
            headers={"x-h": "1"},
            provider_options={"p": {"o": True}},
        )
    ]
    assert result == RerankResult(
        original_documents=["sunny", "rainy", "snowy"],
        ranking=[
            RankedItem(original_index=1, score=0.9, document="rainy"),
            RankedItem(original_index=0, score=0.2, document="sunny"),
        ],
        response=RerankResponse(
            id="r1", timestamp=WHEN, model_id="rerank-2", headers={"x": "1"}, body={"b": 1}
        ),
        provider_metadata={"p": {"k": "v"}},
        warnings=[OtherWarning(message="note")],
    )
    assert result.reranked_documents == ["rainy", "sunny"]


async def test_object_documents_are_sent_as_objects() -> None:
    model = MockRerankingModel(do_rerank=ranked((0, 1.0)))
    documents = [{"title": "a", "tags": ["x"]}, {"title": "b", "tags": []}]

    result = await rerank(model=model, documents=documents, query="a")

    assert model.calls[0].documents == RerankObjectDocuments(values=documents)
    assert result.reranked_documents == [{"title": "a", "tags": ["x"]}]
    # Without a response from the provider: the requested id and the time of receipt.
    assert result.response.model_id == "mock-model-id"
    assert result.response.timestamp.tzinfo is UTC


async def test_the_ranking_is_ordered_by_descending_score_stably() -> None:
    model = MockRerankingModel(do_rerank=ranked((0, 0.1), (2, 0.7), (1, 0.7), (3, 0.9)))

    result = await rerank(model=model, documents=["a", "b", "c", "d"], query="q")

    assert [item.original_index for item in result.ranking] == [3, 2, 1, 0]


async def test_no_documents_means_no_call_but_both_events() -> None:
    model = MockRerankingModel()
    events: list[object] = []

    result = await rerank(
        model=model, documents=[], query="q", on_start=events.append, on_end=events.append
    )

    assert model.calls == []
    assert (result.ranking, result.original_documents) == ([], [])
    assert events == [
        RerankStartEvent(
            provider="mock-provider", model_id="mock-model-id", documents=[], query="q"
        ),
        result,
    ]


async def test_async_callbacks_see_the_start_event_and_the_result() -> None:
    seen: list[object] = []

    async def record(event: object) -> None:
        seen.append(event)

    model = MockRerankingModel(do_rerank=ranked((0, 0.5)))
    result = await rerank(
        model=model,
        documents=["a"],
        query="q",
        top_n=1,
        max_retries=0,
        on_start=record,
        on_end=record,
    )

    assert seen == [
        RerankStartEvent(
            provider="mock-provider",
            model_id="mock-model-id",
            documents=["a"],
            query="q",
            top_n=1,
            max_retries=0,
        ),
        result,
    ]


async def test_retryable_errors_are_retried() -> None:
    overloaded = APICallError(
        "overloaded", url="u", status_code=529, response_headers={"retry-after-ms": "0"}
    )
    model = MockRerankingModel(do_rerank=[overloaded, ranked((0, 0.5))])

    result = await rerank(model=model, documents=["a"], query="q")

    assert len(model.calls) == 2
    assert result.reranked_documents == ["a"]


async def test_an_index_outside_the_documents_is_invalid_response_data() -> None:
    model = MockRerankingModel(do_rerank=ranked((0, 0.5), (5, 0.4)))

    with pytest.raises(InvalidResponseDataError, match="ranked document 5, but only 2"):
        await rerank(model=model, documents=["a", "b"], query="q", max_retries=0)


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"documents": ["a", {"b": 1}]}, "documents"),
        ({"documents": [{"b": 1}, "a"]}, "documents"),
        ({"documents": [{"b": object()}]}, "documents"),
        ({"documents": "abc"}, "documents"),
        ({"query": 3}, "query"),
        ({"top_n": 0}, "top_n"),
        ({"max_retries": -1}, "max_retries"),
    ],
)
async def test_bad_input_is_an_invalid_argument_error_before_any_call(
    kwargs: dict[str, object], parameter: str
) -> None:
    model = MockRerankingModel(do_rerank=ranked((0, 0.5)))
    arguments: dict[str, object] = {"documents": ["a"], "query": "q", **kwargs}

    with pytest.raises(InvalidArgumentError) as caught:
        await rerank(model=model, **arguments)  # type: ignore[arg-type]

    assert caught.value.parameter == parameter
    assert model.calls == []


def test_the_sync_twin_works() -> None:
    model = MockRerankingModel(do_rerank=ranked((1, 0.5)))
    assert rerank_sync(model=model, documents=["a", "b"], query="q").reranked_documents == ["b"]


async def test_string_ids_resolve_through_custom_providers_and_registries() -> None:
    model = MockRerankingModel(model_id="fast", do_rerank=ranked((0, 0.5)))
    provider = custom_provider(reranking_models={"fast": model})
    registry = create_provider_registry({"mine": provider})

    assert registry.reranking_model("mine:fast") is model
    result = await rerank(model=provider.reranking_model("fast"), documents=["a"], query="q")
    assert result.response.model_id == "fast"
    with pytest.raises(NoSuchModelError) as caught:
        provider.reranking_model("slow")
    assert (caught.value.model_id, caught.value.model_type) == ("slow", "rerankingModel")


def test_a_provider_without_reranking_models_is_no_such_model() -> None:
    # EchoProvider has only the three required kinds, like most providers.
    registry = create_provider_registry({"echo": EchoProvider("e")})
    fallback = custom_provider(fallback_provider=EchoProvider("e"))

    for lookup in (
        lambda: registry.reranking_model("echo:r"),
        lambda: fallback.reranking_model("r"),
    ):
        with pytest.raises(NoSuchModelError) as caught:
            lookup()
        assert caught.value.model_type == "rerankingModel"
        assert "has no reranking_model() method" in caught.value.message
