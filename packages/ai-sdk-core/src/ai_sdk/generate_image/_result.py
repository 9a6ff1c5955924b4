"""What `generate_image` returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from ai_sdk._files import GeneratedFile
from ai_sdk.provider import (
    CallWarning,
    ImageResponseInfo,
    ImageUsage,
    JSONObject,
    ProviderMetadata,
)

__all__ = ["GenerateImageResult"]


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerateImageResult:
    """The result of `generate_image`."""

    images: list[GeneratedFile]
    """The images of every call, in call order; never empty."""
    warnings: list[CallWarning] = field(default_factory=list[CallWarning])
    """Warnings of every call (e.g. unsupported settings), in call order."""
    responses: list[ImageResponseInfo] = field(default_factory=list[ImageResponseInfo])
    """The response metadata of each call, in call order."""
    provider_metadata: ProviderMetadata = field(default_factory=dict[str, JSONObject])
    """Provider-specific metadata; each provider's ``images`` lists are joined across calls."""
    usage: ImageUsage = field(default_factory=ImageUsage)
    """Token usage summed over the calls; a count is ``None`` when no call reported it."""

    @property
    def image(self) -> GeneratedFile:
        """The first image."""
        return self.images[0]
