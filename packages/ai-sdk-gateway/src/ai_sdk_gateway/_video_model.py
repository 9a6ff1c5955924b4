"""The gateway video model: one call answered by a server-sent event, or a start/status
operation the caller polls."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any, Literal

import httpx
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from ai_sdk.provider import (
    APICallError,
    CallWarning,
    JSONObject,
    JSONValue,
    ProviderMetadata,
    TypeValidationError,
    VideoCallOptions,
    VideoDataBase64,
    VideoDataUrl,
    VideoFile,
    VideoOperationStatus,
    VideoResponseInfo,
    VideoResult,
    VideoStartResult,
    VideoStatusCompleted,
    VideoStatusError,
    VideoStatusOptions,
    VideoStatusPending,
    VideoWebhook,
    VideoWebhookFactory,
    to_wire,
)
from ai_sdk.provider_utils import (
    ParseFailure,
    ResponseResult,
    create_event_source_response_handler,
    response_headers_of,
)
from ai_sdk_gateway._image_model import MAX_IMAGES_PER_CALL
from ai_sdk_gateway._model import GatewayModel
from ai_sdk_gateway._transport import validated_json_handler

if TYPE_CHECKING:
    from ai_sdk.provider import VideoGenerateModel, VideoOperationModel, VideoWebhookModel

__all__ = ["MAX_VIDEOS_PER_CALL", "GatewayVideoModel"]

MAX_VIDEOS_PER_CALL = MAX_IMAGES_PER_CALL
"""Large enough that the SDK never splits a request: the gateway does that where needed."""

_GatewayVideo = Annotated[VideoDataUrl | VideoDataBase64, Field(discriminator="type")]


class _Event(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True, populate_by_name=True)


class _ResultEvent(_Event):
    type: Literal["result"]
    videos: list[_GatewayVideo]
    warnings: list[CallWarning] | None = None
    provider_metadata: ProviderMetadata | None = Field(default=None, alias="providerMetadata")


class _ErrorEvent(_Event):
    type: Literal["error"]
    message: str
    error_type: str = Field(alias="errorType")
    status_code: int = Field(alias="statusCode")
    param: Any = None


_VIDEO_EVENT: TypeAdapter[_ResultEvent | _ErrorEvent] = TypeAdapter(
    Annotated[_ResultEvent | _ErrorEvent, Field(discriminator="type")]
)


class _StartResponse(_Event):
    operation: Any = None
    warnings: list[CallWarning] | None = None
    provider_metadata: ProviderMetadata | None = Field(default=None, alias="providerMetadata")


class _Status(_Event):
    warnings: list[CallWarning] | None = None
    provider_metadata: ProviderMetadata | None = Field(default=None, alias="providerMetadata")


class _Pending(_Status):
    status: Literal["pending"]


class _Completed(_Status):
    status: Literal["completed"]
    videos: list[_GatewayVideo]


class _Failed(_Status):
    status: Literal["error"]
    error: str


class _Cancelled(_Status):
    status: Literal["cancelled"]


_STATUS: TypeAdapter[_Pending | _Completed | _Failed | _Cancelled] = TypeAdapter(
    Annotated[_Pending | _Completed | _Failed | _Cancelled, Field(discriminator="status")]
)


def _file(file: VideoFile) -> JSONObject:
    # Bytes become base64 text (`to_wire` does that); other fields pass through as upstream.
    return to_wire(file)


def _body(options: VideoCallOptions) -> JSONObject:
    """The request body as ``@ai-sdk/gateway`` 4.0.146 builds it: the optional strings and
    numbers are dropped when falsy (``duration=0`` is not sent), but ``seed`` and
    ``generateAudio`` are sent whenever they are set (``seed=0`` is; 4.0.62 dropped it)."""
    body: JSONObject = {}
    if options.prompt is not None:
        body["prompt"] = options.prompt
    body["n"] = options.n
    optional: dict[str, JSONValue] = {
        "aspectRatio": options.aspect_ratio,
        "resolution": options.resolution,
        "duration": options.duration,
        "fps": options.fps,
    }
    body.update({key: value for key, value in optional.items() if value})
    if options.seed is not None:
        body["seed"] = options.seed
    if options.generate_audio is not None:
        body["generateAudio"] = options.generate_audio
    body["providerOptions"] = dict(options.provider_options)
    if options.image is not None:
        body["image"] = _file(options.image)
    if options.frame_images is not None:
        body["frameImages"] = [
            {**to_wire(frame), "image": _file(frame.image)} for frame in options.frame_images
        ]
    if options.input_references is not None:
        body["inputReferences"] = [_file(reference) for reference in options.input_references]
    return body


class GatewayVideoModel(GatewayModel):
    """A video model behind the Vercel AI Gateway, e.g. ``google/veo-3.1``.

    Create it with ``gateway.video_model(...)``. ``do_generate`` waits on one request whose
    answer is a server-sent event (the gateway keeps the connection alive while it renders);
    ``do_start`` and ``do_status`` run the same job as an operation to poll.
    """

    _kind = "video"

    @property
    def max_videos_per_call(self) -> int | None:
        """`MAX_VIDEOS_PER_CALL`: never split on the client."""
        return MAX_VIDEOS_PER_CALL

    def _response(self, headers: dict[str, str]) -> VideoResponseInfo:
        return VideoResponseInfo(timestamp=self._now(), model_id=self._model_id, headers=headers)

    async def do_generate(self, options: VideoCallOptions) -> VideoResult:
        """Generate the videos in one request (``POST {base_url}/video-model``, answered by
        server-sent events of which the first is the result or an error).

        Raises:
            GatewayError: the call failed, or the event was an error (mapped by its status).
        """
        result = await self._post(
            _body(options),
            options.headers,
            _first_event,
            model_headers={**self._model_headers(), "accept": "text/event-stream"},
        )
        event = result.value
        return VideoResult(
            videos=list(event.videos),
            warnings=event.warnings or [],
            provider_metadata=event.provider_metadata,
            response=self._response(result.response_headers),
        )

    async def handle_webhook_option(self, webhook: VideoWebhookFactory) -> VideoWebhook:
        """The caller's webhook as it is: the gateway notifies its URL itself (``do_start``
        sends it as ``callbackUrl``).

        Args:
            webhook: The caller's factory.
        """
        return await webhook()

    async def do_start(self, options: VideoCallOptions) -> VideoStartResult:
        """Start an operation (``POST {base_url}/video-model/start``); ``options.webhook_url``
        is sent as the gateway's ``callbackUrl``.

        Raises:
            GatewayError: the call failed.
        """
        body = _body(options)
        if options.webhook_url:
            body["callbackUrl"] = options.webhook_url
        result = await self._post(
            body,
            options.headers,
            validated_json_handler(_StartResponse.model_validate),
            path="video-model/start",
        )
        started = result.value
        return VideoStartResult(
            operation=started.operation,
            warnings=started.warnings or [],
            provider_metadata=started.provider_metadata,
            response=self._response(result.response_headers),
        )

    async def do_status(self, options: VideoStatusOptions) -> VideoOperationStatus:
        """Ask where an operation is (``POST {base_url}/video-model/status``); a cancelled one
        is reported as an error, as upstream.

        Raises:
            GatewayError: the call failed (an unknown operation is `GatewayNotFoundError`).
        """
        result = await self._post(
            {"operation": options.operation},
            options.headers,
            validated_json_handler(_STATUS.validate_python),
            path="video-model/status",
        )
        status = result.value
        response = self._response(result.response_headers)
        metadata = status.provider_metadata
        match status:
            case _Completed():
                return VideoStatusCompleted(
                    videos=list(status.videos),
                    warnings=status.warnings or [],
                    provider_metadata=metadata,
                    response=response,
                )
            case _Failed():
                return VideoStatusError(
                    error=status.error, provider_metadata=metadata, response=response
                )
            case _Cancelled():
                return VideoStatusError(
                    error="Video generation was cancelled.",
                    provider_metadata=metadata,
                    response=response,
                )
            case _Pending():
                return VideoStatusPending(
                    warnings=status.warnings or [], provider_metadata=metadata, response=response
                )


async def _first_event(
    response: httpx.Response, *, url: str, request_body_values: object
) -> ResponseResult[_ResultEvent]:
    """Read the first event of the stream, then close it (later events are heartbeats)."""
    read = create_event_source_response_handler()
    stream = (await read(response, url=url, request_body_values=request_body_values)).value
    headers = response_headers_of(response)
    try:
        first = await anext(stream, None)
    finally:
        await stream.aclose()

    def failure(message: str, cause: object = None) -> APICallError:
        return APICallError(
            message,
            url=url,
            request_body_values=request_body_values,
            status_code=response.status_code,
            response_headers=headers,
            cause=cause,
            is_retryable=False,
        )

    if first is None:
        raise failure("SSE stream ended without a data event")
    if isinstance(first, ParseFailure):
        raise failure("Failed to parse video SSE event", first.error)
    raw = first.value
    try:
        event = _VIDEO_EVENT.validate_python(raw)
    except ValidationError as error:
        raise failure(
            "Failed to parse video SSE event", TypeValidationError(value=raw, cause=error)
        ) from error
    if isinstance(event, _ErrorEvent):
        raise APICallError(
            event.message,
            url=url,
            request_body_values=request_body_values,
            status_code=event.status_code,
            response_headers=headers,
            response_body=json.dumps(first.value, separators=(",", ":")),
            data={
                "error": {"message": event.message, "type": event.error_type, "param": event.param}
            },
        )
    return ResponseResult(event, headers, first.value)


if TYPE_CHECKING:
    _generates: type[VideoGenerateModel] = GatewayVideoModel
    _operates: type[VideoOperationModel] = GatewayVideoModel
    _notifies: type[VideoWebhookModel] = GatewayVideoModel
