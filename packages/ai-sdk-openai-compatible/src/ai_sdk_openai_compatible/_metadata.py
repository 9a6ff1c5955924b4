"""The hook that lifts server-specific response fields into provider metadata.

Servers add their own fields to OpenAI's responses (citations, cost, routing details). A
`MetadataExtractor` reads them from the raw response body (or from each streamed chunk) and
returns provider metadata, which the chat model merges into its results.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Protocol, runtime_checkable

from ai_sdk.provider import ProviderMetadata

__all__ = ["MetadataExtractor", "StreamMetadataExtractor"]


@runtime_checkable
class StreamMetadataExtractor(Protocol):
    """Collects metadata over one streamed response."""

    def process_chunk(self, chunk: object) -> None:
        """Look at one parsed chunk (a JSON value, before any validation)."""
        ...

    def build_metadata(self) -> ProviderMetadata | None:
        """The metadata gathered, called once when the stream ends."""
        ...


@runtime_checkable
class MetadataExtractor(Protocol):
    """Extracts provider metadata from chat responses.

    Example:
        >>> class Cost:
        ...     def extract_metadata(self, parsed_body):
        ...         return {"myServer": {"cost": parsed_body.get("cost")}}
        ...
        ...     def create_stream_extractor(self):
        ...         ...
    """

    def extract_metadata(
        self, parsed_body: object
    ) -> ProviderMetadata | Awaitable[ProviderMetadata | None] | None:
        """Metadata from a complete (non-streamed) response body; may be a coroutine."""
        ...

    def create_stream_extractor(self) -> StreamMetadataExtractor:
        """A fresh extractor for one streamed response."""
        ...
