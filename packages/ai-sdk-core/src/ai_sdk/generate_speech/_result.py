"""What `generate_speech` returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from ai_sdk._files import GeneratedAudioFile
from ai_sdk.provider import CallWarning, JSONObject, ProviderMetadata, SpeechResponseInfo

__all__ = ["GenerateSpeechResult"]


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerateSpeechResult:
    """The result of `generate_speech`."""

    audio: GeneratedAudioFile
    """The spoken audio, with its media type and format."""
    warnings: list[CallWarning] = field(default_factory=list[CallWarning])
    """Warnings the provider reported (e.g. unsupported settings)."""
    responses: list[SpeechResponseInfo] = field(default_factory=list[SpeechResponseInfo])
    """The response metadata of the call (one entry)."""
    provider_metadata: ProviderMetadata = field(default_factory=dict[str, JSONObject])
    """Provider-specific metadata, keyed by provider; empty when there is none."""
