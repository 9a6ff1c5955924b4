"""The speech (text-to-speech) model interface, its call options and its result."""

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
    "SpeechCallOptions",
    "SpeechModel",
    "SpeechRequestInfo",
    "SpeechResponseInfo",
    "SpeechResult",
]


class SpeechCallOptions(WireModel):
    """What a speech generation call receives."""

    text: str
    """The text to speak."""
    voice: str | None = None
    """A provider-specific voice id or name."""
    output_format: str | None = None
    """The audio format, e.g. ``mp3`` or ``wav``."""
    instructions: str | None = None
    """How to speak, e.g. ``"Speak in a slow and steady tone"``."""
    speed: float | None = None
    language: str | None = None
    """An ISO 639-1 code (``en``, ``es``) or ``auto``; provider support varies."""
    provider_options: ProviderOptions | None = None
    headers: RequestHeaders | None = None
    """Extra HTTP headers; a `None` value removes a header."""


class SpeechRequestInfo(WireModel):
    """What was sent, for debugging."""

    body: WireUnknown | None = None


class SpeechResponseInfo(WireModel):
    """What the provider answered besides the audio."""

    timestamp: WireDatetime
    model_id: str
    headers: dict[str, str] | None = None
    body: WireUnknown | None = None
    """The raw response body (for binary audio responses, usually left out)."""


class SpeechResult(WireModel):
    """The result of `SpeechModel.do_generate`."""

    audio: str | WireBytes
    """The audio as the API returned it: base64 text or raw bytes, unconverted."""
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])
    request: SpeechRequestInfo | None = None
    response: SpeechResponseInfo
    provider_metadata: ProviderMetadata | None = None


@runtime_checkable
class SpeechModel(ModelIdentity, Protocol):
    """A speech model, as providers implement it (specification v4)."""

    async def do_generate(self, options: SpeechCallOptions) -> SpeechResult:
        """Speak the text.

        Args:
            options: The text, voice, format and call settings.
        """
        ...
