"""The gateway video model against the loopback server: the one-request SSE form, the
start/status operation, and `generate_video` / `start_video` / `get_video_status` over both."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Iterator

import pytest

from ai_sdk import VideoPollOptions, generate_video, get_video_status, start_video
from ai_sdk._version import __version__ as core_version
from ai_sdk.prompt import create_download
from ai_sdk.provider import (
    OtherWarning,
    UnsupportedWarning,
    VideoCallOptions,
    VideoDataBase64,
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
)
from ai_sdk_gateway import (
    GatewayInvalidRequestError,
    GatewayNotFoundError,
    GatewayProvider,
    GatewayRateLimitError,
    GatewayResponseError,
)
from tests.gateway.conftest import USER_AGENT, common_headers, sent_headers
from tests.servers import Delay, LoopbackServer, Reply, json_reply, sse_body, sse_reply

VIDEO = "/v4/ai/video-model"
START = "/v4/ai/video-model/start"
STATUS = "/v4/ai/video-model/status"
MODEL = "google/veo-3.1"
MODEL_HEADERS = {"ai-video-model-specification-version": "4", "ai-model-id": MODEL}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
PNG_B64 = base64.b64encode(PNG).decode()
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 20
MP4_B64 = base64.b64encode(MP4).decode()


def endless_heartbeats(first: bytes) -> Iterator[bytes | Delay]:
    yield first
    while True:
        yield Delay(0.02)
        yield b": heartbeat\n\n"


def result_event(*videos: dict[str, str], **extra: object) -> dict[str, object]:
    return {"type": "result", "videos": list(videos), **extra}


async def test_every_option_is_sent_and_the_first_event_is_the_result(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    event = result_event(
        {"type": "url", "url": "https://cdn.example/v.mp4", "mediaType": "video/mp4"},
        {"type": "base64", "data": MP4_B64, "mediaType": "video/mp4"},
        warnings=[{"type": "unsupported", "feature": "fps"}],
        providerMetadata={"google": {"videos": [{"seed": 7}, {"seed": 8}]}},
    )
    # The gateway keeps the connection alive with heartbeats; the client must not wait for
    # the end of a stream that never ends.
    server.route(
        VIDEO,
        Reply(
            headers={"content-type": "text/event-stream", "cache-control": "no-cache"},
            chunks=endless_heartbeats(sse_body([event], done=False)),
        ),
    )
    model = provider.video_model(MODEL)

    result = await asyncio.wait_for(
        model.do_generate(
            VideoCallOptions(
                prompt="a boat",
                n=2,
                aspect_ratio="16:9",
                resolution="1280x720",
                duration=8,
                fps=24,
                seed=7,
                image=VideoFileData(media_type="image/png", data=PNG),
                frame_images=[
                    VideoFrameImage(
                        image=VideoFileUrl(url="https://x/end.png"), frame_type="last_frame"
                    )
                ],
                input_references=[VideoFileData(media_type="image/png", data=PNG_B64)],
                generate_audio=False,
                provider_options={"google": {"personGeneration": "allow_adult"}},
                headers={"X-Call": "1"},
            )
        ),
        timeout=10,
    )

    [request] = server.requests
    assert (request.method, request.target) == ("POST", VIDEO)
    assert sent_headers(request) == {**common_headers(), "x-call": "1", **MODEL_HEADERS}
    assert request.headers["accept"] == "text/event-stream"
    assert request.json() == {
        "prompt": "a boat",
        "n": 2,
        "aspectRatio": "16:9",
        "resolution": "1280x720",
        "duration": 8,
        "fps": 24,
        "seed": 7,
        "generateAudio": False,
        "providerOptions": {"google": {"personGeneration": "allow_adult"}},
        "image": {"type": "file", "mediaType": "image/png", "data": PNG_B64},
        "frameImages": [
            {"image": {"type": "url", "url": "https://x/end.png"}, "frameType": "last_frame"}
        ],
        "inputReferences": [{"type": "file", "mediaType": "image/png", "data": PNG_B64}],
    }
    assert result == VideoResult(
        videos=[
            VideoDataUrl(url="https://cdn.example/v.mp4", media_type="video/mp4"),
            VideoDataBase64(data=MP4_B64, media_type="video/mp4"),
        ],
        warnings=[UnsupportedWarning(feature="fps")],
        provider_metadata={"google": {"videos": [{"seed": 7}, {"seed": 8}]}},
        response=VideoResponseInfo(
            timestamp=result.response.timestamp,
            model_id=MODEL,
            headers={
                "content-type": "text/event-stream",
                "cache-control": "no-cache",
                "transfer-encoding": "chunked",
            },
        ),
    )


async def test_falsy_options_are_left_out_as_upstream_does_but_seed_zero_is_sent(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(VIDEO, sse_reply([result_event()]))

    await provider.video_model(MODEL).do_generate(
        VideoCallOptions(prompt="p", seed=0, duration=0, fps=0, aspect_ratio="", resolution="")
    )

    assert server.requests[0].json() == {"prompt": "p", "n": 1, "seed": 0, "providerOptions": {}}


@pytest.mark.parametrize(
    ("error_type", "status", "error_class"),
    [
        ("invalid_request_error", 400, GatewayInvalidRequestError),
        ("rate_limit_exceeded", 429, GatewayRateLimitError),
    ],
)
async def test_an_error_event_is_mapped_by_its_type_and_status(
    server: LoopbackServer,
    provider: GatewayProvider,
    error_type: str,
    status: int,
    error_class: type[Exception],
) -> None:
    event = {
        "type": "error",
        "message": "no can do",
        "errorType": error_type,
        "statusCode": status,
        "param": None,
    }
    server.route(VIDEO, sse_reply([event]))

    with pytest.raises(error_class, match="no can do") as caught:
        await provider.video_model(MODEL).do_generate(VideoCallOptions(prompt="p"))

    assert caught.value.status_code == status  # type: ignore[attr-defined]


@pytest.mark.parametrize("events", [[], [{"type": "result"}], ["not json"]])
async def test_a_stream_without_a_usable_first_event_is_a_response_error(
    server: LoopbackServer, provider: GatewayProvider, events: list[object]
) -> None:
    server.route(VIDEO, sse_reply(events))  # type: ignore[arg-type]

    with pytest.raises(GatewayResponseError):
        await provider.video_model(MODEL).do_generate(VideoCallOptions(prompt="p"))


async def test_an_http_error_before_the_stream_is_mapped(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        VIDEO, json_reply({"error": {"message": "bad", "type": "invalid_request_error"}}, 400)
    )

    with pytest.raises(GatewayInvalidRequestError, match="bad"):
        await provider.video_model(MODEL).do_generate(VideoCallOptions(prompt="p"))


async def test_start_sends_the_body_with_the_callback_url(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    body = {
        "operation": {"id": "op_1", "provider": "google"},
        "warnings": [{"type": "other", "message": "queued"}],
        "providerMetadata": None,
    }
    server.route(START, json_reply(body))

    started = await provider.video_model(MODEL).do_start(
        VideoCallOptions(prompt="p", webhook_url="https://me.example/hook", headers={"X-C": "1"})
    )

    [request] = server.requests
    assert sent_headers(request) == {**common_headers(), "x-c": "1", **MODEL_HEADERS}
    assert request.json() == {
        "prompt": "p",
        "n": 1,
        "providerOptions": {},
        "callbackUrl": "https://me.example/hook",
    }
    assert started == VideoStartResult(
        operation={"id": "op_1", "provider": "google"},
        warnings=[OtherWarning(message="queued")],
        response=VideoResponseInfo(
            timestamp=started.response.timestamp,
            model_id=MODEL,
            headers={
                "content-type": "application/json",
                "content-length": str(len(json.dumps(body))),
            },
        ),
    )


async def test_status_reports_each_state_and_cancelled_is_an_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        STATUS,
        json_reply({"status": "pending", "warnings": None}),
        json_reply(
            {
                "status": "completed",
                "videos": [{"type": "base64", "data": MP4_B64, "mediaType": "video/mp4"}],
            }
        ),
        json_reply({"status": "error", "error": "content policy"}),
        json_reply({"status": "cancelled", "providerMetadata": {"gateway": {"a": 1}}}),
    )
    model = provider.video_model(MODEL)
    options = VideoStatusOptions(operation={"id": "op_1"})

    statuses = [await model.do_status(options) for _ in range(4)]

    assert [request.json() for request in server.requests] == [{"operation": {"id": "op_1"}}] * 4
    assert sent_headers(server.requests[0]) == {**common_headers(), **MODEL_HEADERS}
    assert isinstance(statuses[0], VideoStatusPending)
    assert isinstance(statuses[1], VideoStatusCompleted)
    assert statuses[1].videos == [VideoDataBase64(data=MP4_B64, media_type="video/mp4")]
    assert isinstance(statuses[2], VideoStatusError)
    assert statuses[2].error == "content policy"
    assert isinstance(statuses[3], VideoStatusError)
    assert (statuses[3].error, statuses[3].provider_metadata) == (
        "Video generation was cancelled.",
        {"gateway": {"a": 1}},
    )


async def test_an_unknown_operation_is_not_found(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        STATUS, json_reply({"error": {"message": "no such job", "type": "not_found"}}, 404)
    )

    with pytest.raises(GatewayNotFoundError):
        await provider.video_model(MODEL).do_status(VideoStatusOptions(operation="op_x"))


async def test_generate_video_in_one_request_downloads_url_videos(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route("/v.mp4", Reply(headers={"content-type": "video/mp4"}, body=MP4), method="GET")
    server.route(
        VIDEO,
        sse_reply(
            [
                result_event(
                    {"type": "url", "url": f"{server.url}/v.mp4", "mediaType": "video/mp4"},
                    {"type": "base64", "data": MP4_B64, "mediaType": ""},
                )
            ]
        ),
    )

    result = await generate_video(
        model=provider.video_model(MODEL),
        prompt={"image": PNG, "text": "animate"},
        n=2,
        download=create_download(allow_private_network=True),
    )

    request = server.requests[0]
    assert request.json() == {
        "prompt": "animate",
        "n": 2,
        "providerOptions": {},
        "image": {"type": "file", "mediaType": "image/png", "data": PNG_B64},
    }
    assert request.headers["user-agent"] == f"ai/{core_version} {USER_AGENT}"
    assert "idempotency-key" not in request.headers
    assert [(video.media_type, video.data) for video in result.videos] == [
        ("video/mp4", MP4),
        ("video/mp4", MP4),
    ]


async def test_generate_video_polls_a_started_operation(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(START, json_reply({"operation": "op_1"}))
    server.route(
        STATUS,
        json_reply({"status": "pending"}),
        json_reply(
            {
                "status": "completed",
                "videos": [{"type": "base64", "data": MP4_B64, "mediaType": "video/mp4"}],
                "warnings": [{"type": "other", "message": "done"}],
            }
        ),
    )
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    result = await generate_video(
        model=provider.video_model(MODEL),
        prompt="a boat",
        poll=VideoPollOptions(interval=2.5, sleep=sleep),
    )

    start, first, second = server.requests
    assert start.path == START
    assert start.json() == {"prompt": "a boat", "n": 1, "providerOptions": {}}
    assert start.headers["idempotency-key"].startswith("aisdk_vid_")
    assert "idempotency-key" not in first.headers
    assert first.json() == second.json() == {"operation": "op_1"}
    assert waits == [2.5, 2.5]
    assert result.video.data == MP4
    assert result.warnings == [OtherWarning(message="done")]


async def test_start_video_and_get_video_status_over_the_gateway(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(START, json_reply({"operation": {"id": "op_9"}}))
    server.route(STATUS, json_reply({"status": "pending"}))
    model = provider.video_model(MODEL)

    started = await start_video(
        model=model, prompt="p", headers={"Idempotency-Key": "mine"}, webhook_url="https://h"
    )
    status = await get_video_status(model=model, operation=started.operation)

    start, poll = server.requests
    assert start.headers["idempotency-key"] == "mine"
    assert start.json()["callbackUrl"] == "https://h"
    assert poll.json() == {"operation": {"id": "op_9"}}
    assert isinstance(status, VideoStatusPending)


async def test_generate_video_with_a_webhook_sends_the_callback_url_and_asks_once(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(START, json_reply({"operation": "op_7"}))
    server.route(
        STATUS,
        json_reply(
            {
                "status": "completed",
                "videos": [{"type": "base64", "data": MP4_B64, "mediaType": "video/mp4"}],
            }
        ),
    )
    notified: asyncio.Future[VideoOperationWebhook] = asyncio.get_running_loop().create_future()
    notified.set_result(VideoOperationWebhook(headers={"x-sig": "s"}, body={"operation": "op_7"}))

    async def webhook() -> VideoWebhook:
        return VideoWebhook(url="https://app.example/video-done", received=notified)

    result = await generate_video(model=provider.video_model(MODEL), prompt="p", webhook=webhook)

    start, status = server.requests
    assert start.json() == {
        "prompt": "p",
        "n": 1,
        "providerOptions": {},
        "callbackUrl": "https://app.example/video-done",
    }
    assert status.json() == {"operation": "op_7"}
    assert result.video.data == MP4
