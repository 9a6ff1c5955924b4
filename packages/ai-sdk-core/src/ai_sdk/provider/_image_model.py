"""The image model interface, its call options and its result."""

from typing import Annotated, Literal, Protocol, TypeAlias, runtime_checkable

from pydantic import Field

from ai_sdk.provider._shared import CallWarning, ModelIdentity
from ai_sdk.provider._wire import (
    ProviderMetadata,
    ProviderOptions,
    RequestHeaders,
    WireBytes,
    WireDatetime,
    WireModel,
)

__all__ = [
    "ImageCallOptions",
    "ImageFile",
    "ImageFileData",
    "ImageFileUrl",
    "ImageModel",
    "ImageResponseInfo",
    "ImageResult",
    "ImageUsage",
]


class ImageFileData(WireModel):
    """An input image (for editing or variation) given inline."""

    type: Literal["file"] = "file"
    media_type: str
    data: str | WireBytes
    """Raw bytes, or base64 text (passed through unchanged)."""
    provider_options: ProviderOptions | None = None


class ImageFileUrl(WireModel):
    """An input image given by URL."""

    type: Literal["url"] = "url"
    url: str
    provider_options: ProviderOptions | None = None


ImageFile: TypeAlias = Annotated[ImageFileData | ImageFileUrl, Field(discriminator="type")]
"""An input image, tagged by `type`."""


class ImageCallOptions(WireModel):
    """What an image generation call receives."""

    prompt: str | None = None
    n: int = 1
    """How many images to generate."""
    size: str | None = None
    """`"{width}x{height}"`, e.g. `"1024x1024"`."""
    aspect_ratio: str | None = None
    """`"{width}:{height}"`, e.g. `"16:9"`."""
    seed: int | None = None
    files: list[ImageFile] | None = None
    """Input images, for editing or variation."""
    mask: ImageFile | None = None
    """A mask for inpainting."""
    provider_options: ProviderOptions = Field(default_factory=dict)
    headers: RequestHeaders | None = None
    """Extra HTTP headers; a `None` value removes a header."""


class ImageUsage(WireModel):
    """Token usage of an image call, where the provider reports it."""

    input_tokens: int | None = None
    output_tokens: int | None = None
    total_tokens: int | None = None


class ImageResponseInfo(WireModel):
    """What the provider answered besides the images."""

    timestamp: WireDatetime
    model_id: str
    headers: dict[str, str] | None = None


class ImageResult(WireModel):
    """The result of `ImageModel.do_generate`."""

    images: list[str] | list[WireBytes]
    """The images: all base64 text or all raw bytes."""
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])
    provider_metadata: ProviderMetadata | None = None
    """Per provider; each entry has an `images` list with one item per image."""
    response: ImageResponseInfo
    usage: ImageUsage | None = None


@runtime_checkable
class ImageModel(ModelIdentity, Protocol):
    """An image model, as providers implement it (specification v4)."""

    @property
    def max_images_per_call(self) -> int | None:
        """The most images one call makes; `None` lets the SDK use its default."""
        ...

    async def do_generate(self, options: ImageCallOptions) -> ImageResult:
        """Generate images.

        Args:
            options: The prompt and call settings.
        """
        ...
