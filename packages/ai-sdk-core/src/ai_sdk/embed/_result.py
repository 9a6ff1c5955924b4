"""What `embed` and `embed_many` return."""

from __future__ import annotations

from dataclasses import dataclass, field

from ai_sdk.provider import CallWarning, EmbeddingResponseInfo, ProviderMetadata

__all__ = ["EmbedManyResult", "EmbedResult", "EmbeddingModelUsage"]

Embedding = list[float]


@dataclass(frozen=True, slots=True)
class EmbeddingModelUsage:
    """Token usage of embedding calls."""

    tokens: int | None = None
    """Input tokens used; ``None`` when the provider did not report usage for every call."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbedResult:
    """The result of `embed`."""

    value: str
    """The value that was embedded."""
    embedding: Embedding
    """Its embedding vector."""
    usage: EmbeddingModelUsage
    """Token usage."""
    warnings: list[CallWarning] = field(default_factory=list[CallWarning])
    """Warnings the provider reported (e.g. unsupported settings)."""
    provider_metadata: ProviderMetadata | None = None
    """Provider-specific metadata, keyed by provider."""
    response: EmbeddingResponseInfo | None = None
    """The response headers and raw body, for debugging."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbedManyResult:
    """The result of `embed_many`."""

    values: list[str]
    """The values that were embedded."""
    embeddings: list[Embedding]
    """One embedding per value, in the order of `values`."""
    usage: EmbeddingModelUsage
    """Token usage summed over every call; ``None`` tokens if any call did not report usage."""
    warnings: list[CallWarning] = field(default_factory=list[CallWarning])
    """Warnings of every call, in call order."""
    provider_metadata: ProviderMetadata | None = None
    """Provider-specific metadata of every call, merged per provider (later calls win)."""
    responses: list[EmbeddingResponseInfo | None] = field(
        default_factory=list[EmbeddingResponseInfo | None]
    )
    """The response of each call, in call order."""
