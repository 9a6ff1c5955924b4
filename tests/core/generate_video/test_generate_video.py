"""generate_video, start_video, get_video_status with scripted models: inputs, batching, the
start/poll flow, media types, errors, resolution and the sync twins."""

from __future__ import annotations

import asyncio
import base64
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import pytest

from ai_sdk import (
    GeneratedFile,
    VideoModelResponseMetadata,
    VideoPollOptions,
    custom_provider,
    generate_video,
    generate_video_sync,
    get_video_status_sync,
    start_video,
    start_video_sync,
)
from ai_sdk._version import __version__
from ai_sdk.prompt import create_download
from ai_sdk.provider import (
    APICallError,
    InvalidArgumentError,
    NoSuchModelError,
    NoVideoGeneratedError,
    OtherWarning,
    UnsupportedFunctionalityError,
    UnsupportedWarning,
    VideoCallOptions,
    VideoDataBase64,
    VideoDataBinary,
    VideoDataUrl,
    VideoFileData,
    VideoFileUrl,
    VideoFrameImage,
    VideoOperationWebhook,
    VideoResponseInfo,
    VideoResult,
    VideoStartResult,
    VideoStatusCompleted,
    VideoStatusError,
    VideoStatusOptions,
    VideoStatusPending,
    VideoWebhook,
    VideoWebhookFactory,
)
from ai_sdk.registry import create_provider_registry
from ai_sdk.testing import MockVideoModel
from tests.core.registry._models import EchoProvider
from tests.servers import LoopbackServer, Reply

WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
RESPONSE = VideoResponseInfo(timestamp=WHEN, model_id="veo")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 20
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 20
UA = {"user-agent": f"ai/{__version__}"}


def clips(options: VideoCallOptions) -> VideoResult:
    return VideoResult(
        videos=[VideoDataBinary(data=MP4, media_type="video/mp4")] * options.n,
        response=RESPONSE,
        provider_metadata={"p": {"videos": [options.n]}},
    )


async def no_wait(seconds: float) -> None:
    del seconds


POLL = VideoPollOptions(interval=0.5, sleep=no_wait)


async def test_options_reach_the_model_and_n_is_split_by_the_models_limit() -> None:
    model = MockVideoModel(max_videos_per_call=2, do_generate=clips)

    result = await generate_video(
        model=model,
        prompt="a boat",
        n=5,
        aspect_ratio="16:9",
        resolution="1280x720",
        duration=4,
        fps=24,
        seed=1,
        generate_audio=True,
        provider_options={"p": {"x": 1}},
        headers={"X-H": "1"},
    )

    assert [call.n for call in model.generate_calls] == [2, 2, 1]
    assert model.generate_calls[0] == VideoCallOptions(
        prompt="a boat",
        n=2,
        aspect_ratio="16:9",
        resolution="1280x720",
        duration=4,
        fps=24,
        seed=1,
        generate_audio=True,
        provider_options={"p": {"x": 1}},
        headers={"x-h": "1", **UA},
    )
    assert result.videos == [GeneratedFile(data=MP4, media_type="video/mp4")] * 5
    assert result.video is result.videos[0]
    assert result.provider_metadata == {"p": {"videos": [2, 2, 1]}}
    assert result.responses == [
        VideoModelResponseMetadata(
            timestamp=WHEN, model_id="veo", provider_metadata={"p": {"videos": [count]}}
        )
        for count in (2, 2, 1)
    ]


async def test_the_argument_overrides_the_models_limit() -> None:
    model = MockVideoModel(max_videos_per_call=1, do_generate=clips)
    await generate_video(model=model, prompt="p", n=3, max_videos_per_call=3)
    assert [call.n for call in model.generate_calls] == [3]


async def test_images_and_references_become_files() -> None:
    model = MockVideoModel(do_generate=clips)

    await generate_video(
        model=model,
        prompt={"image": base64.b64encode(JPEG).decode(), "text": "move"},
        input_references=[MP4, {"data": "https://x/ref.webp", "media_type": "image/webp"}],
    )

    call = model.generate_calls[0]
    assert (call.prompt, call.image) == ("move", VideoFileData(media_type="image/jpeg", data=JPEG))
    assert call.input_references == [
        VideoFileData(media_type="video/mp4", data=MP4),
        VideoFileUrl(url="https://x/ref.webp", media_type="image/webp"),
    ]
    assert call.frame_images is None


async def test_frame_images_win_over_references_and_the_prompt_image_with_warnings() -> None:
    model = MockVideoModel(do_generate=clips)

    result = await generate_video(
        model=model,
        prompt={"image": PNG},
        frame_images=[
            {"image": JPEG, "frame_type": "first_frame"},
            {
                "image": "data:image/png;base64," + base64.b64encode(PNG).decode(),
                "frame_type": "last_frame",
            },
        ],
        input_references=[PNG],
    )

    call = model.generate_calls[0]
    jpeg = VideoFileData(media_type="image/jpeg", data=JPEG)
    assert call.image == jpeg
    assert call.frame_images == [
        VideoFrameImage(image=jpeg, frame_type="first_frame"),
        VideoFrameImage(
            image=VideoFileData(media_type="image/png", data=PNG), frame_type="last_frame"
        ),
    ]
    assert call.input_references is None
    assert [warning.message for warning in result.warnings] == [  # type: ignore[union-attr]
        "inputReferences were ignored because frameImages were provided; frameImages and "
        "inputReferences cannot be combined.",
        "prompt.image was ignored because a first_frame frameImage was provided; the "
        "first_frame frameImage takes precedence as the start image.",
    ]


async def test_media_types_of_each_kind_of_video(server: LoopbackServer) -> None:
    server.route(
        "/a", Reply(headers={"content-type": "application/octet-stream"}, body=WEBM), method="GET"
    )
    server.route("/b", Reply(headers={"content-type": "video/quicktime"}, body=MP4), method="GET")
    model = MockVideoModel(
        do_generate=VideoResult(
            videos=[
                VideoDataUrl(url=f"{server.url}/a", media_type="application/octet-stream"),
                VideoDataUrl(url=f"{server.url}/b", media_type=""),
                VideoDataBase64(data=base64.b64encode(MP4).decode(), media_type=""),
                VideoDataBinary(data=WEBM, media_type=""),
                VideoDataBinary(data=b"???", media_type=""),
            ],
            response=RESPONSE,
        )
    )

    result = await generate_video(
        model=model, prompt="p", download=create_download(allow_private_network=True)
    )

    assert [video.media_type for video in result.videos] == [
        "video/webm",
        "video/quicktime",
        "video/mp4",
        "video/webm",
        "video/mp4",
    ]
    assert result.videos[0].data == WEBM


async def test_no_videos_is_no_video_generated_with_the_responses() -> None:
    model = MockVideoModel(do_generate=VideoResult(videos=[], response=RESPONSE))
    with pytest.raises(NoVideoGeneratedError) as caught:
        await generate_video(model=model, prompt="p")
    assert caught.value.responses == [VideoModelResponseMetadata(timestamp=WHEN, model_id="veo")]


async def test_poll_starts_with_an_idempotency_key_and_polls_until_completed() -> None:
    done = VideoStatusCompleted(
        videos=[VideoDataBinary(data=MP4, media_type="video/mp4")],
        warnings=[OtherWarning(message="late")],
        provider_metadata={"p": {"b": 2}},
        response=RESPONSE,
    )
    model = MockVideoModel(
        do_start=VideoStartResult(
            operation={"id": 1},
            warnings=[OtherWarning(message="early")],
            provider_metadata={"p": {"a": 1}},
            response=RESPONSE,
        ),
        do_status=[
            VideoStatusPending(response=RESPONSE),
            VideoStatusPending(response=RESPONSE),
            done,
        ],
    )
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    result = await generate_video(
        model=model, prompt="p", poll=VideoPollOptions(interval=3, sleep=sleep)
    )

    [start] = model.start_calls
    assert start.headers is not None
    key = start.headers["idempotency-key"]
    assert key is not None
    assert key.startswith("aisdk_vid_")
    assert model.status_calls == [VideoStatusOptions(operation={"id": 1}, headers=UA)] * 3
    assert waits == [3, 3, 3]
    assert model.generate_calls == []
    assert result.videos == [GeneratedFile(data=MP4, media_type="video/mp4")]
    assert result.warnings == [OtherWarning(message="early"), OtherWarning(message="late")]
    assert result.provider_metadata == {"p": {"a": 1, "b": 2}}


async def test_a_caller_idempotency_key_is_kept() -> None:
    model = MockVideoModel(
        do_start=VideoStartResult(operation="op", response=RESPONSE),
        do_status=VideoStatusCompleted(
            videos=[VideoDataBinary(data=MP4, media_type="video/mp4")], response=RESPONSE
        ),
    )
    await generate_video(model=model, prompt="p", poll=POLL, headers={"Idempotency-Key": "k1"})
    assert model.start_calls[0].headers == {"idempotency-key": "k1", **UA}


async def test_a_failed_operation_is_no_video_generated() -> None:
    model = MockVideoModel(
        do_start=VideoStartResult(operation="op", response=RESPONSE),
        do_status=VideoStatusError(error="policy", response=RESPONSE),
    )
    with pytest.raises(NoVideoGeneratedError, match="Video generation failed: policy"):
        await generate_video(model=model, prompt="p", poll=POLL)


async def test_polling_gives_up_after_the_timeout() -> None:
    model = MockVideoModel(
        do_start=VideoStartResult(operation="op", response=RESPONSE),
        do_status=VideoStatusPending(response=RESPONSE),
    )
    with pytest.raises(NoVideoGeneratedError, match=r"timed out after 0\.05 seconds"):
        await generate_video(
            model=model, prompt="p", poll=VideoPollOptions(interval=0.01, timeout=0.05)
        )
    assert len(model.status_calls) >= 1


@dataclass
class OperationOnly:
    """A video model with only the start/status operation."""

    inner: MockVideoModel
    specification_version: Literal["v4"] = "v4"
    provider: str = "ops"
    model_id: str = "ops-1"
    max_videos_per_call: int | None = 1

    async def do_start(self, options: VideoCallOptions) -> VideoStartResult:
        return await self.inner.do_start(options)

    async def do_status(self, options: VideoStatusOptions) -> VideoStatusCompleted:
        return await self.inner.do_status(options)  # type: ignore[return-value]


@dataclass
class NoMethods:
    specification_version: Literal["v4"] = "v4"
    provider: str = "none"
    model_id: str = "none-1"
    max_videos_per_call: int | None = 1


async def test_a_model_with_only_the_operation_is_polled_at_the_default_interval() -> None:
    inner = MockVideoModel(
        do_start=VideoStartResult(operation="op", response=RESPONSE),
        do_status=VideoStatusCompleted(
            videos=[VideoDataBinary(data=MP4, media_type="video/mp4")], response=RESPONSE
        ),
    )
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    result = await generate_video(
        model=OperationOnly(inner), prompt="p", poll=VideoPollOptions(sleep=sleep)
    )
    assert (len(inner.start_calls), slept, len(result.videos)) == (1, [5.0], 1)


async def test_a_model_with_no_way_to_generate_is_unsupported() -> None:
    with pytest.raises(UnsupportedFunctionalityError, match="neither do_generate"):
        await generate_video(model=NoMethods(), prompt="p")


async def test_poll_without_an_operation_falls_back_to_one_call_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class GenerateOnly:
        specification_version: Literal["v4"] = "v4"
        provider = "gen"
        model_id = "gen-1"
        max_videos_per_call = 1

        async def do_generate(self, options: VideoCallOptions) -> VideoResult:
            return clips(options)

    with caplog.at_level(logging.WARNING, logger="ai_sdk"):
        result = await generate_video(model=GenerateOnly(), prompt="p", poll=POLL)

    assert len(result.videos) == 1
    assert "generating in one call instead" in caplog.text


async def test_retryable_errors_are_retried() -> None:
    busy = APICallError("busy", url="u", status_code=503, response_headers={"retry-after-ms": "0"})
    model = MockVideoModel(do_generate=[busy, clips(VideoCallOptions(n=1))])
    assert len((await generate_video(model=model, prompt="p")).videos) == 1
    assert len(model.generate_calls) == 2


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"n": 0}, "n"),
        ({"max_videos_per_call": 0}, "max_videos_per_call"),
        ({"prompt": {"image": 12}}, "prompt"),
        ({"input_references": [3.5]}, "input_references"),
    ],
)
async def test_bad_input_is_an_invalid_argument_error(
    kwargs: dict[str, object], parameter: str
) -> None:
    model = MockVideoModel(do_generate=clips)
    arguments: dict[str, object] = {"prompt": "p", **kwargs}
    with pytest.raises(InvalidArgumentError) as caught:
        await generate_video(model=model, **arguments)  # type: ignore[arg-type]
    assert caught.value.parameter == parameter
    assert model.generate_calls == []


async def test_start_video_refuses_more_videos_than_one_call_makes() -> None:
    model = MockVideoModel(
        max_videos_per_call=2, do_start=VideoStartResult(operation="o", response=RESPONSE)
    )
    with pytest.raises(InvalidArgumentError, match="at most 2 video"):
        await start_video(model=model, prompt="p", n=3)
    assert model.start_calls == []


def test_start_and_status_sync_twins_and_the_webhook_url() -> None:
    model = MockVideoModel(
        do_start=VideoStartResult(operation={"job": 7}, response=RESPONSE),
        do_status=VideoStatusPending(response=RESPONSE),
    )

    started = start_video_sync(model=model, prompt="p", webhook_url="https://h", n=1)
    status = get_video_status_sync(model=model, operation=started.operation)

    assert model.start_calls[0].webhook_url == "https://h"
    assert started.operation == {"job": 7}
    assert status == VideoStatusPending(response=RESPONSE)
    assert model.status_calls == [VideoStatusOptions(operation={"job": 7}, headers=UA)]


def test_start_video_needs_do_start() -> None:
    with pytest.raises(UnsupportedFunctionalityError, match="does not implement do_start"):
        start_video_sync(model=NoMethods(), prompt="p")  # type: ignore[arg-type]


def test_generate_video_sync_works() -> None:
    assert len(generate_video_sync(model=MockVideoModel(do_generate=clips), prompt="p").videos) == 1


def test_video_models_resolve_through_custom_providers_and_registries() -> None:
    model = MockVideoModel(model_id="veo")
    registry = create_provider_registry(
        {"mine": custom_provider(video_models={"veo": model}), "echo": EchoProvider("e")}
    )
    assert registry.video_model("mine:veo") is model
    with pytest.raises(NoSuchModelError) as caught:
        registry.video_model("echo:veo")
    assert caught.value.model_type == "videoModel"


class NotifyingMockVideoModel(MockVideoModel):
    """A mock whose provider notifies webhooks, as the gateway does."""

    async def handle_webhook_option(self, webhook: VideoWebhookFactory) -> VideoWebhook:
        return await webhook()


def completed() -> VideoStatusCompleted:
    return VideoStatusCompleted(
        videos=[VideoDataBinary(data=MP4, media_type="video/mp4")], response=RESPONSE
    )


async def test_a_webhook_is_awaited_then_the_status_asked_once_without_polling() -> None:
    notified: asyncio.Future[VideoOperationWebhook] = asyncio.get_running_loop().create_future()
    model = NotifyingMockVideoModel(
        do_start=VideoStartResult(operation="op", response=RESPONSE), do_status=completed()
    )
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    async def webhook() -> VideoWebhook:
        asyncio.get_running_loop().call_later(
            0.01, notified.set_result, VideoOperationWebhook(headers={}, body={"done": True})
        )
        return VideoWebhook(url="https://me.example/hook", received=notified)

    result = await generate_video(
        model=model, prompt="p", webhook=webhook, poll=VideoPollOptions(sleep=sleep)
    )

    assert model.start_calls[0].webhook_url == "https://me.example/hook"
    assert (len(model.status_calls), slept) == (1, [])
    assert result.videos == [GeneratedFile(data=MP4, media_type="video/mp4")]


async def test_a_webhook_that_never_fires_times_out() -> None:
    model = NotifyingMockVideoModel(
        do_start=VideoStartResult(operation="op", response=RESPONSE), do_status=completed()
    )
    never: asyncio.Future[VideoOperationWebhook] = asyncio.get_running_loop().create_future()

    async def webhook() -> VideoWebhook:
        return VideoWebhook(url="https://h", received=never)

    with pytest.raises(NoVideoGeneratedError, match="timed out"):
        await generate_video(
            model=model, prompt="p", webhook=webhook, poll=VideoPollOptions(timeout=0.05)
        )
    assert model.status_calls == []


async def test_a_notified_operation_still_pending_is_an_error() -> None:
    model = NotifyingMockVideoModel(
        do_start=VideoStartResult(operation="op", response=RESPONSE),
        do_status=VideoStatusPending(response=RESPONSE),
    )
    done: asyncio.Future[VideoOperationWebhook] = asyncio.get_running_loop().create_future()
    done.set_result(VideoOperationWebhook(headers={}, body=None))

    async def webhook() -> VideoWebhook:
        return VideoWebhook(url="https://h", received=done)

    with pytest.raises(NoVideoGeneratedError, match="did not complete after the webhook"):
        await generate_video(model=model, prompt="p", webhook=webhook)


async def test_a_model_that_cannot_notify_falls_back_to_polling_with_a_warning() -> None:
    model = MockVideoModel(
        do_start=VideoStartResult(operation="op", response=RESPONSE), do_status=completed()
    )
    made: list[str] = []

    async def webhook() -> VideoWebhook:
        made.append("webhook")
        raise AssertionError("not called for a model that cannot notify")

    result = await generate_video(model=model, prompt="p", webhook=webhook, poll=POLL)

    assert made == []
    assert model.start_calls[0].webhook_url is None
    assert result.warnings == [
        UnsupportedWarning(
            feature="webhook",
            details="This model does not support webhooks. Falling back to polling.",
        )
    ]
