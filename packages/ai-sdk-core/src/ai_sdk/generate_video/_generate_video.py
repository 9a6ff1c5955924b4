"""`generate_video`: one call per batch of videos, or start an operation and poll it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import cast

from ai_sdk._files import GeneratedFile
from ai_sdk._model_warnings import log_warnings
from ai_sdk._parallel import run_bounded, validate_positive_int
from ai_sdk._sync import sync_twin
from ai_sdk._version import __version__
from ai_sdk.generate_video._inputs import (
    GenerateVideoPrompt,
    VideoFrameInput,
    VideoReferenceInput,
    normalize_inputs,
)
from ai_sdk.generate_video._result import GenerateVideoResult, VideoModelResponseMetadata
from ai_sdk.prompt._download import DownloadFunction, DownloadRequest, default_download
from ai_sdk.provider import (
    CallWarning,
    DownloadError,
    JSONValue,
    NoVideoGeneratedError,
    ProviderMetadata,
    ProviderOptions,
    UnsupportedFunctionalityError,
    UnsupportedWarning,
    VideoCallOptions,
    VideoData,
    VideoDataBase64,
    VideoDataBinary,
    VideoDataUrl,
    VideoGenerateModel,
    VideoModel,
    VideoOperationModel,
    VideoOperationWebhook,
    VideoResult,
    VideoStatusCompleted,
    VideoStatusError,
    VideoStatusOptions,
    VideoWebhookFactory,
    VideoWebhookModel,
)
from ai_sdk.provider_utils import (
    DEFAULT_MAX_RETRIES,
    DataContent,
    detect_media_type,
    generate_id,
    normalize_headers,
    retry_with_backoff,
    validate_max_retries,
    with_user_agent_suffix,
)
from ai_sdk.registry._resolve import resolve_video_model

__all__ = [
    "VideoPollOptions",
    "call_options",
    "generate_video",
    "generate_video_sync",
    "with_idempotency_key",
]

_logger = logging.getLogger("ai_sdk")

_DEFAULT_MEDIA_TYPE = "video/mp4"


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoPollOptions:
    """How `generate_video` polls a started operation."""

    interval: float = 5.0
    """Seconds between status requests (the first comes after one interval)."""
    timeout: float = 600.0
    """Seconds after the start before giving up with `NoVideoGeneratedError`."""
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep
    """Waits that many seconds (replace it to drive polling in tests)."""


def call_options(
    *,
    prompt: str | GenerateVideoPrompt,
    frame_images: Sequence[VideoFrameInput] | None,
    input_references: Sequence[DataContent | VideoReferenceInput] | None,
    aspect_ratio: str | None,
    resolution: str | None,
    duration: float | None,
    fps: float | None,
    seed: int | None,
    generate_audio: bool | None,
    provider_options: ProviderOptions | None,
    headers: Mapping[str, str | None] | None,
) -> tuple[VideoCallOptions, list[CallWarning]]:
    """The call options (``n`` = 1; set per call) and the warnings about the inputs."""
    inputs = normalize_inputs(prompt, frame_images, input_references)
    options = VideoCallOptions(
        prompt=inputs.prompt,
        aspect_ratio=aspect_ratio,
        resolution=resolution,
        duration=duration,
        fps=fps,
        seed=seed,
        image=inputs.image,
        frame_images=inputs.frame_images,
        input_references=inputs.input_references,
        generate_audio=generate_audio,
        provider_options=provider_options or {},
        # As upstream: the SDK's `ai/<version>` token joins the user-agent of the call.
        headers=cast("dict[str, str | None]", with_user_agent_suffix(headers, f"ai/{__version__}")),
    )
    return options, inputs.warnings


def with_idempotency_key(headers: Mapping[str, str | None] | None) -> dict[str, str | None]:
    """``headers`` plus a fresh ``idempotency-key`` (``aisdk_vid_<id>``) unless one is set, so
    that a retried start does not start a second operation."""
    normalized: dict[str, str | None] = dict(headers or {})
    if normalize_headers(headers).get("idempotency-key") is None:
        normalized["idempotency-key"] = f"aisdk_vid_{generate_id()}"
    return normalized


def _merge_metadata(target: ProviderMetadata, source: ProviderMetadata | None) -> None:
    # As upstream: entries merge (later wins) and each provider's `videos` lists are joined.
    for provider, entry in (source or {}).items():
        existing = target.get(provider)
        if existing is None:
            target[provider] = dict(entry)
            continue
        merged = {**existing, **entry}
        before: JSONValue = existing.get("videos")
        after: JSONValue = entry.get("videos")
        if isinstance(before, list) and isinstance(after, list):
            merged["videos"] = [*before, *after]
        target[provider] = merged


async def _operate(
    model: VideoOperationModel,
    options: VideoCallOptions,
    poll: VideoPollOptions,
    webhook: VideoWebhookFactory | None,
    max_retries: int,
) -> VideoResult:
    early: list[CallWarning] = []
    received: Awaitable[VideoOperationWebhook] | None = None
    webhook_url: str | None = None
    if webhook is not None:
        if callable(getattr(model, "handle_webhook_option", None)):
            registered = await cast("VideoWebhookModel", model).handle_webhook_option(webhook)
            webhook_url, received = registered.url, registered.received
        else:
            early.append(
                UnsupportedWarning(
                    feature="webhook",
                    details="This model does not support webhooks. Falling back to polling.",
                )
            )
    start_options = options.model_copy(
        update={"headers": with_idempotency_key(options.headers), "webhook_url": webhook_url}
    )
    started = await retry_with_backoff(
        lambda: model.do_start(start_options), max_retries=max_retries
    )
    warnings = [*early, *started.warnings]
    metadata: ProviderMetadata | None = (
        dict(started.provider_metadata) if started.provider_metadata is not None else None
    )
    status_options = VideoStatusOptions(operation=started.operation, headers=options.headers)
    timed_out = NoVideoGeneratedError(
        f"Video generation timed out after {poll.timeout} seconds "
        "(raise VideoPollOptions.timeout for long videos).",
        responses=[started.response],
    )
    if received is not None:
        # Notified once: one status request after the webhook fires, no polling.
        try:
            await asyncio.wait_for(_awaited(received), poll.timeout)
        except TimeoutError:
            raise timed_out from None
    began = time.monotonic()
    while True:
        if received is None:
            elapsed = time.monotonic() - began
            if elapsed >= poll.timeout:
                raise timed_out
            await poll.sleep(min(poll.interval, poll.timeout - elapsed))
            if time.monotonic() - began >= poll.timeout:
                continue
        status = await retry_with_backoff(
            lambda: model.do_status(status_options), max_retries=max_retries
        )
        if isinstance(status, VideoStatusError):
            raise NoVideoGeneratedError(
                f"Video generation failed: {status.error}", responses=[status.response]
            )
        warnings.extend(status.warnings)
        if status.provider_metadata is not None:
            metadata = metadata if metadata is not None else {}
            _merge_metadata(metadata, status.provider_metadata)
        if isinstance(status, VideoStatusCompleted):
            return VideoResult(
                videos=status.videos,
                warnings=warnings,
                provider_metadata=metadata,
                response=status.response,
            )
        if received is not None:
            raise NoVideoGeneratedError(
                "Video generation did not complete after the webhook notification.",
                responses=[status.response],
            )


async def _awaited(awaitable: Awaitable[VideoOperationWebhook]) -> VideoOperationWebhook:
    return await awaitable


async def _to_file(video: VideoData, download: DownloadFunction) -> GeneratedFile:
    match video:
        case VideoDataUrl():
            [downloaded] = await download([DownloadRequest(video.url, False)])
            if downloaded is None:
                raise DownloadError(url=video.url, message=f"Downloading {video.url} gave nothing")

            def usable(media_type: str | None) -> bool:
                return bool(media_type) and media_type != "application/octet-stream"

            media_type = (
                (video.media_type if usable(video.media_type) else None)
                or (downloaded.media_type if usable(downloaded.media_type) else None)
                or detect_media_type(downloaded.data, "video")
                or _DEFAULT_MEDIA_TYPE
            )
            return GeneratedFile(data=downloaded.data, media_type=media_type)
        case VideoDataBase64():
            return GeneratedFile(
                data=video.data, media_type=video.media_type or _DEFAULT_MEDIA_TYPE
            )
        case VideoDataBinary():
            media_type = (
                video.media_type or detect_media_type(video.data, "video") or _DEFAULT_MEDIA_TYPE
            )
            return GeneratedFile(data=video.data, media_type=media_type)


async def generate_video(
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
    download: DownloadFunction | None = None,
    poll: VideoPollOptions | None = None,
    webhook: VideoWebhookFactory | None = None,
) -> GenerateVideoResult:
    """Generate videos with a video model (upstream's ``experimental_generateVideo``).

    A model with ``do_generate`` is called once per batch of ``max_videos_per_call`` videos (the
    gateway in one call, streamed back as a server-sent event). A model with ``do_start`` and
    ``do_status`` starts an operation and is polled instead when ``poll`` is given or it has no
    ``do_generate``; each start carries an ``idempotency-key`` header (``aisdk_vid_<id>``, unless
    you set one) so a retried start does not start twice. Videos returned by URL are downloaded
    (no private addresses, 100 MiB at most; ``download=create_download(...)`` changes that).

    Example::

        result = await generate_video(
            model="google/veo-3.1", prompt="a paper boat in the rain", aspect_ratio="16:9"
        )
        Path("boat.mp4").write_bytes(result.video.data)

    Args:
        model: The video model, or a string id resolved through the default provider.
        prompt: The text, or a `GenerateVideoPrompt` with a start image.
        n: How many videos to generate.
        max_videos_per_call: Overrides the model's limit of videos per call.
        aspect_ratio: ``"{width}:{height}"`` (e.g. ``"16:9"``) or ``"adaptive"``.
        resolution: ``"{width}x{height}"``, e.g. ``"1280x720"``.
        duration: The length in seconds.
        fps: Frames per second.
        seed: A seed, for models that support reproducible output.
        frame_images: Images the video starts or ends with (`VideoFrameInput`); they replace
            ``input_references`` and a ``first_frame`` one replaces the prompt's image.
        input_references: Reference images or clips, as data or `VideoReferenceInput`.
        generate_audio: Ask for (or against) an audio track.
        provider_options: Provider-specific options, keyed by provider.
        max_retries: Retries per request for retryable errors (0 disables).
        headers: Extra HTTP headers; a ``None`` value removes a header.
        download: Fetches videos returned by URL (see `create_download`).
        poll: Use the model's start/status operation, polled like this.
        webhook: Use the operation and wait for the provider to notify this webhook (a
            function returning a `VideoWebhook`), then ask for the status once; ``poll``'s
            ``timeout`` bounds the wait. Models that cannot notify fall back to polling, with a
            warning.

    Raises:
        NoVideoGeneratedError: No video came back, the operation failed, or polling timed out.
        UnsupportedFunctionalityError: The model has neither ``do_generate`` nor
            ``do_start``/``do_status``.
        RetryError: Every attempt of a request failed with a retryable error.
        APICallError: A provider request failed with an error that is not retried.
        DownloadError: A video URL could not be downloaded.
        InvalidArgumentError: ``n``, ``max_videos_per_call``, ``max_retries`` or an input file
            is invalid.
    """
    validate_max_retries(max_retries)
    validate_positive_int(n, "n")
    resolved = resolve_video_model(model)
    per_call = (
        max_videos_per_call
        if max_videos_per_call is not None
        else resolved.max_videos_per_call or 1
    )
    validate_positive_int(per_call, "max_videos_per_call")
    can_generate = callable(getattr(resolved, "do_generate", None))
    can_operate = callable(getattr(resolved, "do_start", None)) and callable(
        getattr(resolved, "do_status", None)
    )
    if not can_generate and not can_operate:
        raise UnsupportedFunctionalityError(
            functionality="video generation",
            message=(
                f"The video model {resolved.model_id!r} implements neither do_generate nor "
                "do_start/do_status."
            ),
        )
    if (poll is not None or webhook is not None) and not can_operate:
        _logger.warning(
            "AI SDK Warning (%s / %s): poll or webhook options were given but the model has no "
            "do_start/do_status; generating in one call instead.",
            resolved.provider,
            resolved.model_id,
        )
    use_operation = can_operate and (poll is not None or webhook is not None or not can_generate)
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

    async def one_call(count: int) -> VideoResult:
        call = options.model_copy(update={"n": count})
        if use_operation:
            return await _operate(
                cast("VideoOperationModel", resolved),
                call,
                poll or VideoPollOptions(),
                webhook,
                max_retries,
            )
        generating = cast("VideoGenerateModel", resolved)
        return await retry_with_backoff(
            lambda: generating.do_generate(call), max_retries=max_retries
        )

    full, rest = divmod(n, per_call)
    counts = [per_call] * full + ([rest] if rest else [])
    results = await run_bounded([partial(one_call, count) for count in counts], None)

    fetch = download or default_download
    videos: list[GeneratedFile] = []
    responses: list[VideoModelResponseMetadata] = []
    metadata: ProviderMetadata = {}
    for result in results:
        for video in result.videos:
            videos.append(await _to_file(video, fetch))
        warnings.extend(result.warnings)
        responses.append(
            VideoModelResponseMetadata(
                timestamp=result.response.timestamp,
                model_id=result.response.model_id,
                headers=result.response.headers,
                provider_metadata=result.provider_metadata,
            )
        )
        _merge_metadata(metadata, result.provider_metadata)
    if not videos:
        raise NoVideoGeneratedError(
            f"No video generated: the {resolved.provider} model {resolved.model_id!r} returned "
            f"no videos in {len(results)} call(s). Check the prompt and the model's warnings.",
            responses=responses,
        )
    log_warnings(warnings, provider=resolved.provider, model_id=resolved.model_id)
    return GenerateVideoResult(
        videos=videos, warnings=warnings, responses=responses, provider_metadata=metadata
    )


generate_video_sync = sync_twin(generate_video)
"""`generate_video` for synchronous code (works inside a running event loop too)."""
