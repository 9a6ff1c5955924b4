"""The video model interface (experimental upstream), its call options and its results.

A video model generates in one call (``do_generate``), or starts an operation and reports its
status (``do_start`` and ``do_status``), or both; each of the three methods is optional, as
upstream, and `generate_video` picks what the model has.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Literal, Protocol, TypeAlias, runtime_checkable

from pydantic import Field

from ai_sdk.provider._shared import CallWarning, ModelIdentity
from ai_sdk.provider._wire import (
    JSONValue,
    ProviderMetadata,
    ProviderOptions,
    RequestHeaders,
    WireBytes,
    WireDatetime,
    WireModel,
)

__all__ = [
    "VideoCallOptions",
    "VideoData",
    "VideoDataBase64",
    "VideoDataBinary",
    "VideoDataUrl",
    "VideoFile",
    "VideoFileData",
    "VideoFileUrl",
    "VideoFrameImage",
    "VideoFrameType",
    "VideoGenerateModel",
    "VideoModel",
    "VideoOperationModel",
    "VideoOperationStatus",
    "VideoOperationWebhook",
    "VideoResponseInfo",
    "VideoResult",
    "VideoStartResult",
    "VideoStatusCompleted",
    "VideoStatusError",
    "VideoStatusOptions",
    "VideoStatusPending",
    "VideoWebhook",
    "VideoWebhookFactory",
    "VideoWebhookModel",
]


class VideoFileData(WireModel):
    """An input image (or other file) given inline."""

    type: Literal["file"] = "file"
    media_type: str
    data: str | WireBytes
    """Raw bytes, or base64 text (passed through unchanged)."""
    provider_options: ProviderOptions | None = None


class VideoFileUrl(WireModel):
    """An input image (or other file) given by URL."""

    type: Literal["url"] = "url"
    url: str
    media_type: str | None = None
    provider_options: ProviderOptions | None = None


VideoFile: TypeAlias = Annotated[VideoFileData | VideoFileUrl, Field(discriminator="type")]
"""An input file of a video call, tagged by `type`."""

VideoFrameType: TypeAlias = Literal["first_frame", "last_frame"]
"""Where a frame image goes in the video."""


class VideoFrameImage(WireModel):
    """An image the video must start or end with."""

    image: VideoFile
    frame_type: VideoFrameType


class VideoCallOptions(WireModel):
    """What a video generation call (``do_generate`` or ``do_start``) receives."""

    prompt: str | None = None
    n: int = 1
    """How many videos to generate."""
    aspect_ratio: str | None = None
    """``"{width}:{height}"`` (e.g. ``"16:9"``) or ``"adaptive"``."""
    resolution: str | None = None
    """``"{width}x{height}"``, e.g. ``"1280x720"``."""
    duration: float | None = None
    """Seconds."""
    fps: float | None = None
    seed: int | None = None
    image: VideoFile | None = None
    """The start image (image-to-video)."""
    frame_images: list[VideoFrameImage] | None = None
    input_references: list[VideoFile] | None = None
    """Reference files (images, clips) that guide the generation."""
    generate_audio: bool | None = None
    provider_options: ProviderOptions = Field(default_factory=dict)
    headers: RequestHeaders | None = None
    """Extra HTTP headers; a `None` value removes a header."""
    webhook_url: str | None = None
    """For ``do_start``: a URL the provider calls when the operation completes."""


class VideoDataUrl(WireModel):
    """A generated video at a URL (downloaded by `generate_video`)."""

    type: Literal["url"] = "url"
    url: str
    media_type: str


class VideoDataBase64(WireModel):
    """A generated video as base64 text."""

    type: Literal["base64"] = "base64"
    data: str
    media_type: str


class VideoDataBinary(WireModel):
    """A generated video as raw bytes."""

    type: Literal["binary"] = "binary"
    data: WireBytes
    media_type: str


VideoData: TypeAlias = Annotated[
    VideoDataUrl | VideoDataBase64 | VideoDataBinary, Field(discriminator="type")
]
"""A generated video, tagged by `type`."""


class VideoResponseInfo(WireModel):
    """What the provider answered besides the videos."""

    timestamp: WireDatetime
    model_id: str
    headers: dict[str, str] | None = None


class VideoResult(WireModel):
    """The result of ``do_generate``."""

    videos: list[VideoData]
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])
    provider_metadata: ProviderMetadata | None = None
    """Per provider; a ``videos`` list there has one entry per video."""
    response: VideoResponseInfo


class VideoStartResult(WireModel):
    """The result of ``do_start``: the operation to ask ``do_status`` about."""

    operation: JSONValue
    """The provider's handle of the operation (any JSON); pass it to ``do_status``."""
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])
    provider_metadata: ProviderMetadata | None = None
    response: VideoResponseInfo


class VideoStatusOptions(WireModel):
    """What ``do_status`` receives."""

    operation: JSONValue
    headers: RequestHeaders | None = None


class VideoStatusPending(WireModel):
    """The operation is still running."""

    status: Literal["pending"] = "pending"
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])
    provider_metadata: ProviderMetadata | None = None
    response: VideoResponseInfo


class VideoStatusCompleted(WireModel):
    """The operation finished with videos."""

    status: Literal["completed"] = "completed"
    videos: list[VideoData]
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])
    provider_metadata: ProviderMetadata | None = None
    response: VideoResponseInfo


class VideoStatusError(WireModel):
    """The operation failed (or was cancelled)."""

    status: Literal["error"] = "error"
    error: str
    """What went wrong."""
    provider_metadata: ProviderMetadata | None = None
    response: VideoResponseInfo


VideoOperationStatus: TypeAlias = Annotated[
    VideoStatusPending | VideoStatusCompleted | VideoStatusError, Field(discriminator="status")
]
"""The result of ``do_status``, tagged by `status`."""


class VideoOperationWebhook(WireModel):
    """The notification a provider sent to a webhook when an operation completed."""

    headers: dict[str, str]
    body: JSONValue


@dataclass(frozen=True, slots=True)
class VideoWebhook:
    """A webhook the caller listens on: its URL, and the notification once it arrives."""

    url: str
    """Where the provider should send the notification."""
    received: Awaitable[VideoOperationWebhook]
    """Completes with the notification (e.g. an `asyncio.Future` your web handler resolves)."""


VideoWebhookFactory: TypeAlias = Callable[[], Awaitable[VideoWebhook]]
"""Makes a `VideoWebhook` (registers the route, creates the future) when an operation starts."""


@runtime_checkable
class VideoModel(ModelIdentity, Protocol):
    """A video model, as providers implement it (specification v4, experimental upstream).

    Besides these members a model has ``do_generate`` (`VideoGenerateModel`), or ``do_start``
    and ``do_status`` (`VideoOperationModel`), or all three.
    """

    @property
    def max_videos_per_call(self) -> int | None:
        """The most videos one call makes; `None` lets the SDK use its default (1)."""
        ...


@runtime_checkable
class VideoGenerateModel(VideoModel, Protocol):
    """A video model that generates in one call."""

    async def do_generate(self, options: VideoCallOptions) -> VideoResult:
        """Generate ``options.n`` videos and return them.

        Args:
            options: The prompt, input images and call settings.
        """
        ...


@runtime_checkable
class VideoOperationModel(VideoModel, Protocol):
    """A video model that starts an operation and reports its status."""

    async def do_start(self, options: VideoCallOptions) -> VideoStartResult:
        """Start generating; ``options.webhook_url``, if set, is called on completion.

        Args:
            options: The prompt, input images and call settings.
        """
        ...

    async def do_status(self, options: VideoStatusOptions) -> VideoOperationStatus:
        """Report where the operation is: pending, completed (with videos) or failed.

        Args:
            options: The operation from ``do_start`` and extra headers.
        """
        ...


@runtime_checkable
class VideoWebhookModel(VideoOperationModel, Protocol):
    """A video model whose provider can notify a webhook when an operation completes."""

    async def handle_webhook_option(self, webhook: VideoWebhookFactory) -> VideoWebhook:
        """Make the webhook (calling ``webhook``) and return where the provider should send
        the notification and how the caller learns it arrived.

        Args:
            webhook: The caller's factory.
        """
        ...
