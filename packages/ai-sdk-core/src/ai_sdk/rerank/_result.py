"""What `rerank` returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from ai_sdk.provider import CallWarning, ProviderMetadata

__all__ = ["RankedItem", "RerankResponse", "RerankResult"]

D = TypeVar("D")


@dataclass(frozen=True, slots=True, kw_only=True)
class RankedItem(Generic[D]):
    """One document of a ranking."""

    original_index: int
    """Its position in the documents that were passed to `rerank`."""
    score: float
    """The model's relevance score (higher is more relevant)."""
    document: D
    """The document itself."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RerankResponse:
    """What the provider answered besides the ranking."""

    timestamp: datetime
    """The provider's timestamp, else when the answer arrived."""
    model_id: str
    """The provider's model id, else the requested one."""
    id: str | None = None
    headers: dict[str, str] | None = None
    body: object = None
    """The raw response body, for debugging."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RerankResult(Generic[D]):
    """The result of `rerank`."""

    original_documents: list[D]
    """The documents that were passed in, in their order."""
    ranking: list[RankedItem[D]]
    """The ranked documents, most relevant first; at most ``top_n`` of them."""
    response: RerankResponse
    provider_metadata: ProviderMetadata | None = None
    """Provider-specific metadata, keyed by provider."""
    warnings: list[CallWarning] = field(default_factory=list[CallWarning])
    """Warnings the provider reported (e.g. unsupported settings)."""

    @property
    def reranked_documents(self) -> list[D]:
        """The documents of `ranking`, most relevant first."""
        return [item.document for item in self.ranking]
