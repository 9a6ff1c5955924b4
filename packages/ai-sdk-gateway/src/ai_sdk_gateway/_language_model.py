"""The gateway language model: spec v4 call options out, spec v4 results and stream parts back.

The gateway speaks the specification itself, so there is no request mapping: the body is the
call options as the TypeScript SDK serialises them (bytes as base64, URLs as strings, call
headers and ``includeRawChunks`` included), and every SSE event is one stream part.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar, cast

from pydantic import TypeAdapter, ValidationError

from ai_sdk.provider import (
    APICallError,
    CallOptions,
    ErrorPart,
    GenerateResult,
    JSONValue,
    RequestInfo,
    ResponseInfo,
    StreamPart,
    StreamResponseInfo,
    StreamResult,
    TypeValidationError,
    to_wire,
)
from ai_sdk.provider_utils import (
    ParseFailure,
    ResponseHandler,
    ResponseResult,
    create_event_source_response_handler,
)
from ai_sdk_gateway._errors import GatewayResponseError, as_gateway_error
from ai_sdk_gateway._model import GatewayModel
from ai_sdk_gateway._transport import validated_json_handler

if TYPE_CHECKING:
    from ai_sdk.provider import LanguageModel

__all__ = ["GatewayLanguageModel"]

T = TypeVar("T")

_ALL_URLS: Mapping[str, Sequence[re.Pattern[str]]] = {"*/*": (re.compile(r".*"),)}
_UNIFIED_FINISH_REASONS = frozenset(
    {"stop", "length", "content-filter", "tool-calls", "error", "other"}
)


@functools.cache
def _stream_part_adapter() -> TypeAdapter[StreamPart]:
    # Built on first stream, not at import: the union's validator is the costliest to build.
    return TypeAdapter(StreamPart)


class GatewayLanguageModel(GatewayModel):
    """A language model behind the Vercel AI Gateway, e.g. ``openai/gpt-5`` (spec v4).

    Create it with ``gateway("openai/gpt-5")`` or ``gateway.language_model(...)``. It fetches
    nothing itself: every file URL is passed through for the gateway to fetch.
    """

    _kind = "language"

    @property
    def supported_urls(self) -> Mapping[str, Sequence[re.Pattern[str]]]:
        """Every URL: the gateway (or the provider behind it) downloads files itself."""
        return _ALL_URLS

    async def _send(
        self, options: CallOptions, body: JSONValue, success: ResponseHandler[T], *, streaming: bool
    ) -> ResponseResult[T]:
        model_headers: dict[str, str | None] = {
            "ai-language-model-specification-version": "4",
            "ai-language-model-id": self._model_id,
            "ai-language-model-streaming": "true" if streaming else "false",
        }
        return await self._post(body, options.headers, success, model_headers)

    async def do_generate(self, options: CallOptions) -> GenerateResult:
        """Generate a complete response.

        Args:
            options: the prompt and call settings, sent to the gateway as they are.

        Raises:
            GatewayError: the call failed (see the error tree in `GatewayError`).
        """
        body = to_wire(options)
        result = await self._send(
            options, body, validated_json_handler(_parse_generate_result), streaming=False
        )
        # As in the TypeScript client, the gateway's own response id, timestamp and model id are
        # not surfaced: the caller fills in its generated id, the current time and the model id.
        response = ResponseInfo(headers=result.response_headers, body=result.raw_value)
        return result.value.model_copy(
            update={"request": RequestInfo(body=body), "response": response}
        )

    async def do_stream(self, options: CallOptions) -> StreamResult:
        """Start a streaming response.

        The parts are the gateway's SSE events, each validated into a spec stream part. ``raw``
        parts are dropped unless ``include_raw_chunks`` is set. An event that is not a valid part
        becomes an ``error`` part and the stream goes on; a connection lost before the
        ``finish`` part raises a `GatewayError` from the iterator.

        Args:
            options: the prompt and call settings, sent to the gateway as they are.

        Raises:
            GatewayError: the call could not start (see the error tree in `GatewayError`).
        """
        body = to_wire(options)
        result = await self._send(
            options, body, create_event_source_response_handler(), streaming=True
        )
        return StreamResult(
            stream=result.value.transform(
                _GatewayStream(include_raw=bool(options.include_raw_chunks))
            ),
            request=RequestInfo(body=body),
            response=StreamResponseInfo(headers=result.response_headers),
        )


class _GatewayStream:
    """The `EventTransformer` of a gateway stream: each event is one spec stream part."""

    def __init__(self, *, include_raw: bool) -> None:
        self._include_raw = include_raw
        self._adapter = _stream_part_adapter()
        self._finished = False  # the finish part arrived: nothing can be lost any more
        self._reported = False  # the server sent an error part: an early end is explained

    def start(self) -> tuple[()]:
        return ()

    def transform(self, value: JSONValue, raw: JSONValue) -> list[StreamPart]:
        if isinstance(value, dict):
            kind = value.get("type")
            if kind == "raw" and not self._include_raw:
                return []
            if kind == "finish":
                value = _normalize_legacy_shapes(value)
        try:
            part = self._adapter.validate_python(value)
        except ValidationError as error:
            return [ErrorPart(error=TypeValidationError(value=value, cause=error))]
        if part.type == "finish":
            self._finished = True
        elif part.type == "error":
            self._reported = True
        return [part]

    def reject(self, failure: ParseFailure) -> list[StreamPart]:
        return [ErrorPart(error=failure.error)]

    def flush(self) -> tuple[()]:
        if not self._finished and not self._reported:
            raise GatewayResponseError(
                "The Gateway stream ended before its finish part; the response is incomplete. "
                "Try the request again.",
                status_code=502,
            )
        return ()

    def abort(self, error: APICallError) -> tuple[()]:
        # After the finish part nothing is lost, so a connection dropped then is not an error.
        if self._finished:
            return ()
        raise as_gateway_error(error) from error


def _parse_generate_result(raw: JSONValue) -> GenerateResult:
    if not isinstance(raw, dict):
        raise TypeValidationError(value=raw, cause="the generate result must be a JSON object")
    payload = _normalize_legacy_shapes(raw)
    payload.pop("response", None)
    payload.pop("request", None)
    return GenerateResult.model_validate(payload)


def _normalize_legacy_shapes(payload: dict[str, JSONValue]) -> dict[str, JSONValue]:
    """Accept the spec v2 shapes (flat usage, plain string finish reason) as v4.

    A gateway route older than ``/v4/ai`` answers with them; reading them as v4 would silently
    lose every token count. v4 payloads are returned as they are.
    """
    usage = payload.get("usage")
    reason = payload.get("finishReason")
    flat_usage = isinstance(usage, dict) and any(
        isinstance(usage.get(key), int | float) for key in ("inputTokens", "outputTokens")
    )
    if not flat_usage and not isinstance(reason, str):
        return dict(payload)
    result = dict(payload)
    if flat_usage:
        result["usage"] = _v4_usage(cast("dict[str, JSONValue]", usage))
    if isinstance(reason, str):
        unified = reason if reason in _UNIFIED_FINISH_REASONS else "other"
        result["finishReason"] = {"unified": unified, "raw": reason}
    return result


def _count(value: JSONValue) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _v4_usage(flat: dict[str, JSONValue]) -> JSONValue:
    input_total = _count(flat.get("inputTokens"))
    output_total = _count(flat.get("outputTokens"))
    cached = _count(flat.get("cachedInputTokens"))
    reasoning = _count(flat.get("reasoningTokens"))
    no_cache = input_total - cached if input_total is not None and cached is not None else None
    text = output_total - reasoning if output_total is not None and reasoning is not None else None
    return {
        "inputTokens": {"total": input_total, "noCache": no_cache, "cacheRead": cached},
        "outputTokens": {"total": output_total, "text": text, "reasoning": reasoning},
        "raw": flat,
    }


if TYPE_CHECKING:
    _conforms_to_spec: type[LanguageModel] = GatewayLanguageModel
