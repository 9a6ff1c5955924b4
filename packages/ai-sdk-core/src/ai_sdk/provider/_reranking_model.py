"""The reranking model interface, its call options and its result."""

from typing import Annotated, Literal, Protocol, TypeAlias, runtime_checkable

from pydantic import Field

from ai_sdk.provider._shared import CallWarning, ModelIdentity
from ai_sdk.provider._wire import (
    JSONObject,
    ProviderMetadata,
    ProviderOptions,
    RequestHeaders,
    WireDatetime,
    WireModel,
    WireUnknown,
)

__all__ = [
    "RankedDocument",
    "RerankDocuments",
    "RerankObjectDocuments",
    "RerankTextDocuments",
    "RerankingCallOptions",
    "RerankingModel",
    "RerankingResponseInfo",
    "RerankingResult",
]


class RerankTextDocuments(WireModel):
    """Documents to rerank, given as plain texts."""

    type: Literal["text"] = "text"
    values: list[str]


class RerankObjectDocuments(WireModel):
    """Documents to rerank, given as JSON objects (e.g. records with several fields)."""

    type: Literal["object"] = "object"
    values: list[JSONObject]


RerankDocuments: TypeAlias = Annotated[
    RerankTextDocuments | RerankObjectDocuments, Field(discriminator="type")
]
"""The documents of a reranking call, tagged by `type`."""


class RerankingCallOptions(WireModel):
    """What a reranking call receives."""

    documents: RerankDocuments
    query: str
    """What the documents are ranked against."""
    top_n: int | None = None
    """Return only the best ``top_n`` documents."""
    provider_options: ProviderOptions | None = None
    headers: RequestHeaders | None = None
    """Extra HTTP headers; a `None` value removes a header."""


class RankedDocument(WireModel):
    """One entry of a ranking: which document, and how relevant it is."""

    index: int
    """The position of the document in the call's ``documents.values``."""
    relevance_score: float
    """Higher is more relevant; the scale is the model's."""


class RerankingResponseInfo(WireModel):
    """What the provider answered besides the ranking."""

    id: str | None = None
    timestamp: WireDatetime | None = None
    model_id: str | None = None
    headers: dict[str, str] | None = None
    body: WireUnknown | None = None
    """The raw response body, for debugging."""


class RerankingResult(WireModel):
    """The result of `RerankingModel.do_rerank`."""

    ranking: list[RankedDocument]
    """Sorted by descending relevance; at most ``top_n`` entries when it was given."""
    provider_metadata: ProviderMetadata | None = None
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])
    response: RerankingResponseInfo | None = None


@runtime_checkable
class RerankingModel(ModelIdentity, Protocol):
    """A reranking model, as providers implement it (specification v4)."""

    async def do_rerank(self, options: RerankingCallOptions) -> RerankingResult:
        """Rank the documents by relevance to the query.

        Args:
            options: The documents, the query and call settings.
        """
        ...
