"""The embedding model interface, its call options and its result."""

from typing import Protocol, runtime_checkable

from pydantic import Field

from ai_sdk.provider._shared import CallWarning, ModelIdentity
from ai_sdk.provider._wire import (
    ProviderMetadata,
    ProviderOptions,
    RequestHeaders,
    WireModel,
    WireUnknown,
)

__all__ = [
    "EmbeddingCallOptions",
    "EmbeddingModel",
    "EmbeddingResponseInfo",
    "EmbeddingResult",
    "EmbeddingUsage",
]


class EmbeddingCallOptions(WireModel):
    """What an embedding call receives."""

    values: list[str]
    """The texts to embed, at most `max_embeddings_per_call` of them."""
    dimensions: int | None = None
    """The number of dimensions each embedding should have, for models that support it."""
    provider_options: ProviderOptions | None = None
    headers: RequestHeaders | None = None
    """Extra HTTP headers; a `None` value removes a header."""


class EmbeddingUsage(WireModel):
    """Token usage of an embedding call."""

    tokens: int


class EmbeddingResponseInfo(WireModel):
    """What the provider answered besides the embeddings."""

    headers: dict[str, str] | None = None
    body: WireUnknown | None = None
    """The raw response body, for debugging."""


class EmbeddingResult(WireModel):
    """The result of `EmbeddingModel.do_embed`."""

    embeddings: list[list[float]]
    """One vector per value, in the order of the values."""
    usage: EmbeddingUsage | None = None
    provider_metadata: ProviderMetadata | None = None
    response: EmbeddingResponseInfo | None = None
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])


@runtime_checkable
class EmbeddingModel(ModelIdentity, Protocol):
    """An embedding model, as providers implement it (specification v4).

    Too many values for one call raise `TooManyEmbeddingValuesForCallError`.
    """

    @property
    def max_embeddings_per_call(self) -> int | None:
        """The most values one call accepts; `None` means no limit."""
        ...

    @property
    def supports_parallel_calls(self) -> bool:
        """Whether several calls may run at the same time."""
        ...

    async def do_embed(self, options: EmbeddingCallOptions) -> EmbeddingResult:
        """Embed the values.

        Args:
            options: The values and call settings.
        """
        ...
