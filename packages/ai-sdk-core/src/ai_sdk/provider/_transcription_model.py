"""The transcription (speech-to-text) model interface, its call options and its result."""

from typing import Protocol, runtime_checkable

from pydantic import Field

from ai_sdk.provider._shared import CallWarning, ModelIdentity
from ai_sdk.provider._wire import (
    ProviderMetadata,
    ProviderOptions,
    RequestHeaders,
    WireBytes,
    WireDatetime,
    WireModel,
    WireUnknown,
)

__all__ = [
    "TranscriptionCallOptions",
    "TranscriptionModel",
    "TranscriptionRequestInfo",
    "TranscriptionResponseInfo",
    "TranscriptionResult",
    "TranscriptionSegment",
]


class TranscriptionCallOptions(WireModel):
    """What a transcription call receives."""

    audio: str | WireBytes
    """The audio: raw bytes, or base64 text (passed through unchanged)."""
    media_type: str
    """The IANA media type of the audio, e.g. ``audio/wav``."""
    provider_options: ProviderOptions | None = None
    headers: RequestHeaders | None = None
    """Extra HTTP headers; a `None` value removes a header."""


class TranscriptionSegment(WireModel):
    """A stretch of the transcript with its place in the audio."""

    text: str
    start_second: float
    end_second: float


class TranscriptionRequestInfo(WireModel):
    """What was sent, for debugging."""

    body: str | None = None


class TranscriptionResponseInfo(WireModel):
    """What the provider answered besides the transcript."""

    timestamp: WireDatetime
    model_id: str
    headers: dict[str, str] | None = None
    body: WireUnknown | None = None
    """The raw response body, for debugging."""


class TranscriptionResult(WireModel):
    """The result of `TranscriptionModel.do_generate`."""

    text: str
    """The whole transcript."""
    segments: list[TranscriptionSegment] = Field(default_factory=list[TranscriptionSegment])
    """Timed pieces of the transcript; empty when the model gives none."""
    language: str | None = None
    """The detected language (ISO 639-1, e.g. ``en``), when the model reports it."""
    duration_in_seconds: float | None = None
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])
    request: TranscriptionRequestInfo | None = None
    response: TranscriptionResponseInfo
    provider_metadata: ProviderMetadata | None = None


@runtime_checkable
class TranscriptionModel(ModelIdentity, Protocol):
    """A transcription model, as providers implement it (specification v4)."""

    async def do_generate(self, options: TranscriptionCallOptions) -> TranscriptionResult:
        """Transcribe the audio.

        Args:
            options: The audio, its media type and call settings.
        """
        ...
