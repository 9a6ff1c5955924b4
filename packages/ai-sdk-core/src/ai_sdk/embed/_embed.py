"""`embed` and `embed_many`: turn text into vectors, batching and parallelising the model calls."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

from ai_sdk._parallel import run_bounded, validate_positive_int
from ai_sdk._sync import sync_twin
from ai_sdk._version import __version__
from ai_sdk.embed._result import EmbeddingModelUsage, EmbedManyResult, EmbedResult
from ai_sdk.provider import (
    CallWarning,
    EmbeddingCallOptions,
    EmbeddingModel,
    EmbeddingResponseInfo,
    EmbeddingResult,
    InvalidArgumentError,
    InvalidResponseDataError,
    ProviderMetadata,
    ProviderOptions,
)
from ai_sdk.provider_utils import (
    DEFAULT_MAX_RETRIES,
    retry_with_backoff,
    validate_max_retries,
    with_user_agent_suffix,
)
from ai_sdk.registry._resolve import resolve_embedding_model
from ai_sdk.telemetry._hooks import EmbedStartEvent, notify_callback

__all__ = ["embed", "embed_many", "embed_many_sync", "embed_sync"]


def _check_values(values: object) -> list[str]:
    # A lone string is a sequence of characters: embedding each one would cost a call per
    # character, so it is refused rather than silently split.
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidArgumentError(
            f"values must be a list of strings (use embed(value=...) for one), got {values!r:.100}",
            parameter="values",
            value=values,
        )
    items = list(cast("Iterable[object]", values))
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise InvalidArgumentError(
                f"values must be strings; the value at index {index} is {item!r:.100}",
                parameter="values",
                value=items,
            )
    return cast("list[str]", items)


def _check_dimensions(dimensions: object) -> int | None:
    if dimensions is None:
        return None
    if not isinstance(dimensions, int) or isinstance(dimensions, bool) or dimensions <= 0:
        raise InvalidArgumentError(
            "dimensions must be a positive integer", parameter="dimensions", value=dimensions
        )
    return dimensions


async def _embed_chunk(
    model: EmbeddingModel,
    values: list[str],
    *,
    dimensions: int | None,
    max_retries: int,
    headers: Mapping[str, str | None] | None,
    provider_options: ProviderOptions | None,
) -> EmbeddingResult:
    options = EmbeddingCallOptions(
        values=values,
        dimensions=dimensions,
        # As upstream: the SDK's `ai/<version>` token joins the user-agent of the call.
        headers=cast("dict[str, str | None]", with_user_agent_suffix(headers, f"ai/{__version__}")),
        provider_options=provider_options,
    )

    async def attempt() -> EmbeddingResult:
        result = await model.do_embed(options)
        if len(result.embeddings) != len(values):
            raise InvalidResponseDataError(
                data=result.embeddings,
                message=(
                    f"The {model.provider} model {model.model_id!r} returned "
                    f"{len(result.embeddings)} embeddings for {len(values)} values; "
                    "the provider's response does not match the request."
                ),
            )
        return result

    return await retry_with_backoff(attempt, max_retries=max_retries)


async def embed(
    *,
    model: EmbeddingModel | str,
    value: str,
    dimensions: int | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str | None] | None = None,
    provider_options: ProviderOptions | None = None,
    on_start: Callable[[EmbedStartEvent], Any] | None = None,
    on_end: Callable[[EmbedResult], Any] | None = None,
) -> EmbedResult:
    """Embed one value with an embedding model.

    Example::

        result = await embed(model=model, value="sunny day at the beach")
        vector = result.embedding

    Args:
        model: The embedding model, or a string id resolved through the default provider.
        value: The text to embed.
        dimensions: The number of dimensions the embedding should have (a positive integer;
            the model must support it). Sent as the provider's ``dimensions``.
        max_retries: Retries after the first attempt for retryable errors (0 disables).
        headers: Extra HTTP headers; a ``None`` value removes a header.
        provider_options: Provider-specific options, keyed by provider.
        on_start: Called with an `EmbedStartEvent` before the model call (sync or async).
        on_end: Called with the result (sync or async).

    Raises:
        RetryError: Every attempt failed with a retryable error.
        APICallError: The provider call failed with an error that is not retried.
        InvalidArgumentError: ``max_retries`` or ``dimensions`` is invalid.
    """
    validate_max_retries(max_retries)
    dimensions = _check_dimensions(dimensions)
    if not isinstance(cast("object", value), str):
        raise InvalidArgumentError(
            f"value must be a string, got {value!r:.100}", parameter="value", value=value
        )
    resolved = resolve_embedding_model(model)
    await notify_callback(
        on_start,
        EmbedStartEvent(
            operation="embed",
            provider=resolved.provider,
            model_id=resolved.model_id,
            values=[value],
            dimensions=dimensions,
        ),
    )
    result = await _embed_chunk(
        resolved,
        [value],
        dimensions=dimensions,
        max_retries=max_retries,
        headers=headers,
        provider_options=provider_options,
    )
    embedded = EmbedResult(
        value=value,
        embedding=result.embeddings[0],
        usage=EmbeddingModelUsage(tokens=result.usage.tokens if result.usage else None),
        warnings=list(result.warnings),
        provider_metadata=result.provider_metadata,
        response=result.response,
    )
    await notify_callback(on_end, embedded)
    return embedded


def _merge_metadata(
    merged: ProviderMetadata | None, metadata: ProviderMetadata | None
) -> ProviderMetadata | None:
    if not metadata:
        return merged
    merged = dict(merged) if merged else {}
    for provider, entry in metadata.items():
        merged[provider] = {**merged.get(provider, {}), **entry}
    return merged


async def embed_many(
    *,
    model: EmbeddingModel | str,
    values: Sequence[str],
    dimensions: int | None = None,
    max_parallel_calls: int | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str | None] | None = None,
    provider_options: ProviderOptions | None = None,
    on_start: Callable[[EmbedStartEvent], Any] | None = None,
    on_end: Callable[[EmbedManyResult], Any] | None = None,
) -> EmbedManyResult:
    """Embed many values, splitting them into as many model calls as the model needs.

    The values are split into batches of the model's `max_embeddings_per_call` (one call when
    it is ``None``). Batches run concurrently, at most ``max_parallel_calls`` at a time, when the
    model's `supports_parallel_calls` is true, and one after another otherwise. Each batch is
    retried on its own; the embeddings come back in the order of ``values``.

    Example::

        result = await embed_many(model=model, values=["sunny day", "rainy night"])
        similarity = cosine_similarity(*result.embeddings)

    Args:
        model: The embedding model, or a string id resolved through the default provider.
        values: The texts to embed. An empty sequence returns an empty result without a call.
        dimensions: The number of dimensions each embedding should have (a positive integer;
            the model must support it). Sent as the provider's ``dimensions``.
        max_parallel_calls: The most calls in flight at once; ``None`` means no limit.
        max_retries: Retries per call for retryable errors (0 disables).
        headers: Extra HTTP headers; a ``None`` value removes a header.
        provider_options: Provider-specific options, keyed by provider.
        on_start: Called with an `EmbedStartEvent` before the first model call (sync or async).
        on_end: Called with the result (sync or async).

    Raises:
        RetryError: Every attempt of a call failed with a retryable error.
        APICallError: A provider call failed with an error that is not retried.
        InvalidArgumentError: ``max_parallel_calls``, ``max_retries`` or ``dimensions`` is
            invalid.
    """
    validate_max_retries(max_retries)
    dimensions = _check_dimensions(dimensions)
    if max_parallel_calls is not None:
        validate_positive_int(max_parallel_calls, "max_parallel_calls")
    values = _check_values(values)
    resolved = resolve_embedding_model(model)
    await notify_callback(
        on_start,
        EmbedStartEvent(
            operation="embed_many",
            provider=resolved.provider,
            model_id=resolved.model_id,
            values=list(values),
            dimensions=dimensions,
        ),
    )
    if not values:
        empty = EmbedManyResult(values=[], embeddings=[], usage=EmbeddingModelUsage(tokens=0))
        await notify_callback(on_end, empty)
        return empty

    per_call = resolved.max_embeddings_per_call
    if per_call is None or per_call >= len(values):
        chunks = [values]
    else:
        size = validate_positive_int(per_call, "max_embeddings_per_call")
        chunks = [values[start : start + size] for start in range(0, len(values), size)]
    limit = max_parallel_calls if resolved.supports_parallel_calls else 1

    results = await run_bounded(
        [
            lambda chunk=chunk: _embed_chunk(
                resolved,
                chunk,
                dimensions=dimensions,
                max_retries=max_retries,
                headers=headers,
                provider_options=provider_options,
            )
            for chunk in chunks
        ],
        limit,
    )

    embeddings: list[list[float]] = []
    warnings: list[CallWarning] = []
    responses: list[EmbeddingResponseInfo | None] = []
    tokens: int | None = 0
    metadata: ProviderMetadata | None = None
    for result in results:
        embeddings.extend(result.embeddings)
        warnings.extend(result.warnings)
        responses.append(result.response)
        # One call without usage makes the total unknown: a partial sum would under-report.
        tokens = None if tokens is None or result.usage is None else tokens + result.usage.tokens
        metadata = _merge_metadata(metadata, result.provider_metadata)
    embedded = EmbedManyResult(
        values=values,
        embeddings=embeddings,
        usage=EmbeddingModelUsage(tokens=tokens),
        warnings=warnings,
        provider_metadata=metadata,
        responses=responses,
    )
    await notify_callback(on_end, embedded)
    return embedded


embed_sync = sync_twin(embed)
"""`embed` for synchronous code (works inside a running event loop too)."""


embed_many_sync = sync_twin(embed_many)
"""`embed_many` for synchronous code (works inside a running event loop too)."""
