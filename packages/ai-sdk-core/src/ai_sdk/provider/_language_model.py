"""The language model interface and what its two calls return."""

import re
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from pydantic import Field

from ai_sdk.provider._call_options import CallOptions
from ai_sdk.provider._content import Content
from ai_sdk.provider._shared import CallWarning, ModelIdentity
from ai_sdk.provider._stream import StreamPart
from ai_sdk.provider._usage import FinishReason, Usage
from ai_sdk.provider._wire import ProviderMetadata, WireDatetime, WireModel, WireUnknown

__all__ = [
    "GenerateResult",
    "LanguageModel",
    "RequestInfo",
    "ResponseInfo",
    "StreamResponseInfo",
    "StreamResult",
]


class RequestInfo(WireModel):
    """What was sent to the provider, for debugging."""

    body: WireUnknown | None = None
    """The request body, as sent (usually a JSON dict)."""


class ResponseInfo(WireModel):
    """What the provider answered besides the content."""

    id: str | None = None
    """The provider's response id."""
    timestamp: WireDatetime | None = None
    """When the response was created."""
    model_id: str | None = None
    """The model that actually answered (may differ from the requested id)."""
    headers: dict[str, str] | None = None
    """The HTTP response headers."""
    body: WireUnknown | None = None
    """The raw response body, for debugging."""


class GenerateResult(WireModel):
    """The result of `LanguageModel.do_generate`."""

    content: list[Content]
    """The generated content, in order."""
    finish_reason: FinishReason
    usage: Usage
    provider_metadata: ProviderMetadata | None = None
    request: RequestInfo | None = None
    response: ResponseInfo | None = None
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])
    """Warnings about the call, e.g. unsupported settings."""


class StreamResponseInfo(WireModel):
    """What is known about the response when a stream starts."""

    headers: dict[str, str] | None = None
    """The HTTP response headers."""


@dataclass(frozen=True, slots=True)
class StreamResult:
    """The result of `LanguageModel.do_stream`: the parts, and request/response information.

    Args:
        stream: The stream parts. Stopping early should close it (`aclose()` on async
            generators) so the HTTP response is released.
        request: What was sent to the provider.
        response: The response headers.
    """

    stream: AsyncIterator[StreamPart]
    request: RequestInfo | None = None
    response: StreamResponseInfo | None = None


@runtime_checkable
class LanguageModel(ModelIdentity, Protocol):
    """A language model, as providers implement it (specification v4).

    Any object with these members is a language model; no base class is needed. Properties
    may be plain attributes (annotate `specification_version: Literal["v4"] = "v4"` so type
    checkers see the literal). Cancel a call by cancelling its task.
    """

    @property
    def supported_urls(self) -> Mapping[str, Sequence[re.Pattern[str]]]:
        """URLs the model fetches itself, by media type pattern (`image/*`, `*/*`).

        File URLs that match (compared in lower case) are passed through; others are
        downloaded by the SDK and sent inline.
        """
        ...

    async def do_generate(self, options: CallOptions) -> GenerateResult:
        """Generate a complete response.

        Args:
            options: The prompt and call settings.
        """
        ...

    async def do_stream(self, options: CallOptions) -> StreamResult:
        """Start a streaming response.

        Args:
            options: The prompt and call settings.
        """
        ...
