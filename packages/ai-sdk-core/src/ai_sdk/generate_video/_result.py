"""What `generate_video` returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ai_sdk._files import GeneratedFile
from ai_sdk.provider import CallWarning, JSONObject, ProviderMetadata

__all__ = ["GenerateVideoResult", "VideoModelResponseMetadata"]


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoModelResponseMetadata:
    """What one video model call answered besides its videos."""

    timestamp: datetime
    model_id: str
    headers: dict[str, str] | None = None
    provider_metadata: ProviderMetadata | None = None
    """This call's provider metadata (`GenerateVideoResult.provider_metadata` merges them)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerateVideoResult:
    """The result of `generate_video`."""

    videos: list[GeneratedFile]
    """The videos of every call, in call order; never empty."""
    warnings: list[CallWarning] = field(default_factory=list[CallWarning])
    """Warnings about the inputs, then those of every call, in call order."""
    responses: list[VideoModelResponseMetadata] = field(
        default_factory=list[VideoModelResponseMetadata]
    )
    """The response metadata of each call, in call order."""
    provider_metadata: ProviderMetadata = field(default_factory=dict[str, JSONObject])
    """Provider-specific metadata; each provider's ``videos`` lists are joined across calls."""

    @property
    def video(self) -> GeneratedFile:
        """The first video."""
        return self.videos[0]
