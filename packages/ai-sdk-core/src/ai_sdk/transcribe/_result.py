"""What `transcribe` returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from ai_sdk.provider import (
    CallWarning,
    JSONObject,
    ProviderMetadata,
    TranscriptionResponseInfo,
    TranscriptionSegment,
)

__all__ = ["TranscribeResult"]


@dataclass(frozen=True, slots=True, kw_only=True)
class TranscribeResult:
    """The result of `transcribe`."""

    text: str
    """The whole transcript; never empty."""
    segments: list[TranscriptionSegment] = field(default_factory=list[TranscriptionSegment])
    """Timed pieces of the transcript (``text``, ``start_second``, ``end_second``); empty when
    the model gives none."""
    language: str | None = None
    """The detected language (ISO 639-1, e.g. ``en``), when the model reports it."""
    duration_in_seconds: float | None = None
    """The length of the audio, when the model reports it."""
    warnings: list[CallWarning] = field(default_factory=list[CallWarning])
    """Warnings the provider reported (e.g. unsupported settings)."""
    responses: list[TranscriptionResponseInfo] = field(
        default_factory=list[TranscriptionResponseInfo]
    )
    """The response metadata of the call (one entry)."""
    provider_metadata: ProviderMetadata = field(default_factory=dict[str, JSONObject])
    """Provider-specific metadata, keyed by provider; empty when there is none."""
