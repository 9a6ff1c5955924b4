"""`start_video` and `get_video_status`: a video operation you track yourself (a job queue, a
webhook), instead of `generate_video` waiting for it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from ai_sdk._sync import sync_twin
from ai_sdk._version import __version__
from ai_sdk.generate_video._generate_video import call_options, with_idempotency_key
from ai_sdk.generate_video._inputs import (
    GenerateVideoPrompt,
    VideoFrameInput,
    VideoReferenceInput,
)
from ai_sdk.provider import (
    CallWarning,
    InvalidArgumentError,
    JSONValue,
    ProviderMetadata,
    ProviderOptions,
    UnsupportedFunctionalityError,
    VideoModel,
    VideoOperationModel,
    VideoOperationStatus,
    VideoResponseInfo,
    VideoStatusOptions,
)
from ai_sdk.provider_utils import (
    DEFAULT_MAX_RETRIES,
    DataContent,
    retry_with_backoff,
    validate_max_retries,
    with_user_agent_suffix,
)
from ai_sdk.registry._resolve import resolve_video_model

__all__ = [
    "StartVideoResult",
    "get_video_status",
    "get_video_status_sync",
    "start_video",
    "start_video_sync",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class StartVideoResult:
    """The result of `start_video`."""

    operation: JSONValue
    """The provider's handle of the operation; pass it to `get_video_status` (it is JSON, so it
    can be stored between processes)."""
    response: VideoResponseInfo
    warnings: list[CallWarning] = field(default_factory=list[CallWarning])
    """Warnings about the inputs, then the provider's."""
    provider_metadata: ProviderMetadata | None = None


def _operation_model(model: VideoModel | str, method: str) -> VideoOperationModel:
    resolved = resolve_video_model(model)
    if not callable(getattr(resolved, method, None)):
        raise UnsupportedFunctionalityError(
            functionality=f"video {method}",
            message=(
                f"The video model {resolved.model_id!r} does not implement {method}; use "
                "generate_video for models without a start/status operation."
            ),
        )
    return cast("VideoOperationModel", resolved)


async def start_video(
    *,
    model: VideoModel | str,
    prompt: str | GenerateVideoPrompt,
    n: int = 1,
    max_videos_per_call: int | None = None,
    aspect_ratio: str | None = None,
    resolution: str | None = None,
    duration: float | None = None,
    fps: float | None = None,
    seed: int | None = None,
    frame_images: Sequence[VideoFrameInput] | None = None,
    input_references: Sequence[DataContent | VideoReferenceInput] | None = None,
    generate_audio: bool | None = None,
    provider_options: ProviderOptions | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str | None] | None = None,
    webhook_url: str | None = None,
) -> StartVideoResult:
    """Start a video operation and return at once (upstream's ``experimental_startVideo``).

    The start carries an ``idempotency-key`` header (``aisdk_vid_<id>``, unless you set one).
    Ask for the outcome with `get_video_status`, or let the provider call ``webhook_url``.

    Example::

        started = await start_video(model="google/veo-3.1", prompt="a paper boat in the rain")
        status = await get_video_status(model="google/veo-3.1", operation=started.operation)

    Args:
        model: The video model, or a string id resolved through the default provider.
        prompt: The text, or a `GenerateVideoPrompt` with a start image.
        n: How many videos; at most the model's ``max_videos_per_call`` (one operation).
        max_videos_per_call: Overrides the model's limit of videos per call.
        aspect_ratio: ``"{width}:{height}"`` (e.g. ``"16:9"``) or ``"adaptive"``.
        resolution: ``"{width}x{height}"``, e.g. ``"1280x720"``.
        duration: The length in seconds.
        fps: Frames per second.
        seed: A seed, for models that support reproducible output.
        frame_images: Images the video starts or ends with.
        input_references: Reference images or clips.
        generate_audio: Ask for (or against) an audio track.
        provider_options: Provider-specific options, keyed by provider.
        max_retries: Retries for retryable errors (0 disables).
        headers: Extra HTTP headers; a ``None`` value removes a header.
        webhook_url: A URL the provider calls when the operation completes.

    Raises:
        UnsupportedFunctionalityError: The model has no ``do_start``.
        RetryError: Every attempt failed with a retryable error.
        APICallError: The provider call failed with an error that is not retried.
        InvalidArgumentError: ``n`` is invalid or above the per-call limit, or an input file
            is invalid.
    """
    validate_max_retries(max_retries)
    resolved = _operation_model(model, "do_start")
    if not isinstance(cast("object", n), int) or isinstance(n, bool) or n < 1:
        raise InvalidArgumentError(f"n must be an integer >= 1, got {n!r}", parameter="n", value=n)
    limit = max_videos_per_call if max_videos_per_call is not None else resolved.max_videos_per_call
    if limit is not None and n > limit:
        raise InvalidArgumentError(
            f"the video model {resolved.model_id!r} makes at most {limit} video(s) per call but "
            f"{n} were requested; start several operations instead.",
            parameter="n",
            value=n,
        )
    options, warnings = call_options(
        prompt=prompt,
        frame_images=frame_images,
        input_references=input_references,
        aspect_ratio=aspect_ratio,
        resolution=resolution,
        duration=duration,
        fps=fps,
        seed=seed,
        generate_audio=generate_audio,
        provider_options=provider_options,
        headers=headers,
    )
    options = options.model_copy(
        update={
            "n": n,
            "headers": with_idempotency_key(options.headers),
            "webhook_url": webhook_url,
        }
    )
    started = await retry_with_backoff(lambda: resolved.do_start(options), max_retries=max_retries)
    return StartVideoResult(
        operation=started.operation,
        warnings=[*warnings, *started.warnings],
        provider_metadata=started.provider_metadata,
        response=started.response,
    )


async def get_video_status(
    *,
    model: VideoModel | str,
    operation: JSONValue,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str | None] | None = None,
) -> VideoOperationStatus:
    """Where a started video operation is (upstream's ``experimental_getVideoStatus``).

    Args:
        model: The video model that started it, or its string id.
        operation: `StartVideoResult.operation`.
        max_retries: Retries for retryable errors (0 disables).
        headers: Extra HTTP headers; a ``None`` value removes a header.

    Returns:
        `VideoStatusPending`, `VideoStatusCompleted` (with the videos, as the provider returned
        them: URLs are not downloaded) or `VideoStatusError`.

    Raises:
        UnsupportedFunctionalityError: The model has no ``do_status``.
        RetryError: Every attempt failed with a retryable error.
        APICallError: The provider call failed with an error that is not retried.
    """
    validate_max_retries(max_retries)
    resolved = _operation_model(model, "do_status")
    options = VideoStatusOptions(
        operation=operation,
        headers=cast("dict[str, str | None]", with_user_agent_suffix(headers, f"ai/{__version__}")),
    )
    return await retry_with_backoff(lambda: resolved.do_status(options), max_retries=max_retries)


start_video_sync = sync_twin(start_video)
"""`start_video` for synchronous code (works inside a running event loop too)."""


get_video_status_sync = sync_twin(get_video_status)
"""`get_video_status` for synchronous code (works inside a running event loop too)."""
