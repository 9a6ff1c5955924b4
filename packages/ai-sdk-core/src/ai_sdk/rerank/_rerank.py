"""`rerank`: order documents by relevance to a query, with one retried model call."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from pydantic import TypeAdapter, ValidationError

from ai_sdk._model_warnings import log_warnings
from ai_sdk._parallel import validate_positive_int
from ai_sdk._sync import sync_twin
from ai_sdk.provider import (
    InvalidArgumentError,
    InvalidResponseDataError,
    JSONObject,
    ProviderOptions,
    RerankDocuments,
    RerankingCallOptions,
    RerankingModel,
    RerankingResult,
    RerankObjectDocuments,
    RerankTextDocuments,
)
from ai_sdk.provider_utils import DEFAULT_MAX_RETRIES, retry_with_backoff, validate_max_retries
from ai_sdk.registry._resolve import resolve_reranking_model
from ai_sdk.rerank._result import RankedItem, RerankResponse, RerankResult
from ai_sdk.telemetry._hooks import RerankStartEvent, notify_callback

__all__ = ["rerank", "rerank_sync"]

D = TypeVar("D")

_JSON_OBJECT: TypeAdapter[JSONObject] = TypeAdapter(JSONObject)


def _wire_documents(documents: list[object]) -> RerankDocuments:
    # As upstream, the first document decides the kind; unlike upstream, a mixed or non-JSON
    # list is refused here instead of reaching the provider.
    if isinstance(documents[0], str):
        for index, document in enumerate(documents):
            if not isinstance(document, str):
                raise InvalidArgumentError(
                    f"documents must be all strings or all JSON objects; document {index} is "
                    f"{document!r:.100} but document 0 is a string",
                    parameter="documents",
                    value=documents,
                )
        return RerankTextDocuments(values=cast("list[str]", documents))
    values: list[JSONObject] = []
    for index, document in enumerate(documents):
        try:
            if not isinstance(document, dict):
                raise TypeError("not a dict")
            values.append(_JSON_OBJECT.validate_python(document))
        except (TypeError, ValidationError):
            raise InvalidArgumentError(
                f"documents must be all strings or all JSON objects (dicts of JSON values); "
                f"document {index} is {document!r:.100}",
                parameter="documents",
                value=documents,
            ) from None
    return RerankObjectDocuments(values=values)


def _check_documents(documents: object) -> list[object]:
    # A string is a sequence of characters and a dict one document: neither is a list of them.
    if not isinstance(documents, Sequence) or isinstance(documents, str | bytes):
        raise InvalidArgumentError(
            f"documents must be a list of strings or of JSON objects, got {documents!r:.100}",
            parameter="documents",
            value=documents,
        )
    return list(cast("Sequence[object]", documents))


async def rerank(
    *,
    model: RerankingModel | str,
    documents: Sequence[D],
    query: str,
    top_n: int | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str | None] | None = None,
    provider_options: ProviderOptions | None = None,
    on_start: Callable[[RerankStartEvent], Any] | None = None,
    on_end: Callable[[RerankResult[D]], Any] | None = None,
) -> RerankResult[D]:
    """Rank documents by their relevance to a query with a reranking model.

    Documents are all strings or all JSON objects (dicts); the first one decides which the model
    is told. The ranking comes back most relevant first, each item with its ``original_index``
    in ``documents``. No documents: no model call, an empty ranking.

    Example::

        result = await rerank(
            model="cohere/rerank-v3.5",
            documents=["sunny day at the beach", "rainy afternoon in the city"],
            query="talk about rain",
            top_n=1,
        )
        print(result.ranking[0].original_index, result.reranked_documents[0])

    Args:
        model: The reranking model, or a string id resolved through the default provider.
        documents: The documents to rank.
        query: What to rank them against.
        top_n: Return only the ``top_n`` most relevant documents (a positive integer).
        max_retries: Retries after the first attempt for retryable errors (0 disables).
        headers: Extra HTTP headers; a ``None`` value removes a header.
        provider_options: Provider-specific options, keyed by provider.
        on_start: Called with a `RerankStartEvent` before the model call (sync or async).
        on_end: Called with the result (sync or async).

    Raises:
        RetryError: Every attempt failed with a retryable error.
        APICallError: The provider call failed with an error that is not retried.
        InvalidResponseDataError: The model ranked a document index that does not exist.
        InvalidArgumentError: ``documents``, ``query``, ``top_n`` or ``max_retries`` is invalid.
    """
    validate_max_retries(max_retries)
    if top_n is not None:
        validate_positive_int(top_n, "top_n")
    if not isinstance(cast("object", query), str):
        raise InvalidArgumentError(
            f"query must be a string, got {query!r:.100}", parameter="query", value=query
        )
    items = _check_documents(documents)
    resolved = resolve_reranking_model(model)
    await notify_callback(
        on_start,
        RerankStartEvent(
            provider=resolved.provider,
            model_id=resolved.model_id,
            documents=items,
            query=query,
            top_n=top_n,
            max_retries=max_retries,
        ),
    )
    originals = cast("list[D]", items)
    if not items:
        empty: RerankResult[D] = RerankResult(
            original_documents=[],
            ranking=[],
            response=RerankResponse(timestamp=datetime.now(UTC), model_id=resolved.model_id),
        )
        await notify_callback(on_end, empty)
        return empty

    options = RerankingCallOptions(
        documents=_wire_documents(items),
        query=query,
        top_n=top_n,
        provider_options=provider_options,
        headers=dict(headers) if headers is not None else None,
    )

    async def attempt() -> RerankingResult:
        result = await resolved.do_rerank(options)
        for entry in result.ranking:
            if not 0 <= entry.index < len(items):
                raise InvalidResponseDataError(
                    data=[entry.index for entry in result.ranking],
                    message=(
                        f"The {resolved.provider} model {resolved.model_id!r} ranked document "
                        f"{entry.index}, but only {len(items)} documents were sent."
                    ),
                )
        return result

    result = await retry_with_backoff(attempt, max_retries=max_retries)
    log_warnings(result.warnings, provider=resolved.provider, model_id=resolved.model_id)
    # The spec asks providers for descending scores; a stable sort keeps equal scores in the
    # provider's order and makes the promise hold for providers that forget.
    ordered = sorted(result.ranking, key=lambda entry: -entry.relevance_score)
    response = result.response
    reranked: RerankResult[D] = RerankResult(
        original_documents=originals,
        ranking=[
            RankedItem(
                original_index=entry.index,
                score=entry.relevance_score,
                document=originals[entry.index],
            )
            for entry in ordered
        ],
        response=RerankResponse(
            id=response.id if response else None,
            timestamp=(response.timestamp if response else None) or datetime.now(UTC),
            model_id=(response.model_id if response else None) or resolved.model_id,
            headers=response.headers if response else None,
            body=response.body if response else None,
        ),
        provider_metadata=result.provider_metadata,
        warnings=list(result.warnings),
    )
    await notify_callback(on_end, reranked)
    return reranked


rerank_sync = sync_twin(rerank)
"""`rerank` for synchronous code (works inside a running event loop too)."""
