"""Response handlers: turn an httpx response into a typed value, a JSON event stream or an error."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, overload

import httpx
from pydantic_core import from_json

from ai_sdk.provider._errors import APICallError, APITimeoutError, JSONParseError
from ai_sdk.provider_utils._http_libraries import failure_kind, http_error_types, scrub
from ai_sdk.provider_utils._json import JSONValue
from ai_sdk.provider_utils._parse_result import ParseFailure, ParseResult, ParseSuccess
from ai_sdk.provider_utils._schema import Schema, SchemaLike, as_schema

__all__ = [
    "ResponseHandler",
    "ResponseResult",
    "create_binary_response_handler",
    "create_json_error_response_handler",
    "create_json_response_handler",
    "create_status_code_error_response_handler",
    "response_headers_of",
    "transport_error_to_api_error",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
E = TypeVar("E")


@dataclass(frozen=True, slots=True)
class ResponseResult(Generic[T_co]):
    """What a response handler produced."""

    value: T_co
    """The handled value: a validated model, a stream, bytes, or the error to raise."""
    response_headers: dict[str, str] = field(default_factory=dict[str, str])
    """The response headers, keys lower-case."""
    raw_value: object = None
    """The JSON before validation, for handlers that parse JSON."""


class ResponseHandler(Protocol[T_co]):
    """Turns a response into a `ResponseResult`.

    A success handler that returns normally owns the response from then on: it has either read it
    to the end (which closes it) or handed it to the value it returns (a stream closes it when
    done). If it raises, the caller closes the response.
    """

    async def __call__(
        self, response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[T_co]: ...


def response_headers_of(response: httpx.Response) -> dict[str, str]:
    """The response headers as a dict with lower-case keys (repeated headers comma-joined)."""
    return dict(response.headers.items())


def _status_text(response: httpx.Response) -> str:
    return response.reason_phrase or f"HTTP {response.status_code}"


def transport_error_to_api_error(
    error: BaseException,
    *,
    url: str,
    request_body_values: object,
    response: httpx.Response | None = None,
) -> APICallError:
    """Map a transport failure (httpx, httpx2, or aiohttp under httpx) to the SDK's error tree.

    - a timeout (``httpx.TimeoutException``) -> `APITimeoutError`, retryable;
    - a network failure (connect/read/write errors, the peer closing the connection, proxy
      errors) -> `APICallError` "Cannot connect to API: ..." (or "Connection lost while reading
      the response: ..." once a response arrived), retryable;
    - anything else (an unsupported URL scheme, an invalid URL, undecodable content) ->
      `APICallError`, not retryable: trying again cannot help.
    """
    scrub(error)
    detail = str(error) or type(error).__name__
    status = response.status_code if response is not None else None
    headers = response_headers_of(response) if response is not None else None
    common: dict[str, Any] = {
        "url": url,
        "request_body_values": request_body_values,
        "status_code": status,
        "response_headers": headers,
        "cause": error,
    }
    kind = failure_kind(error)
    if kind == "timeout":
        name = type(error).__name__
        reason = f" ({name}: {error})" if str(error) else f" ({name})"
        return APITimeoutError(
            f"Request timed out{reason}. "
            "Pass a larger timeout= to the provider if the model needs longer.",
            is_retryable=True,
            **common,
        )
    if kind == "network":
        if response is None:
            message = f"Cannot connect to API: {detail}"
        else:
            message = f"Connection lost while reading the response: {detail}"
        return APICallError(message, is_retryable=True, **common)
    if kind == "url":
        message = f"Invalid API URL {url!r}: {detail}. Check the provider's base_url."
    else:
        message = f"Request failed: {detail}"
    return APICallError(message, is_retryable=False, **common)


async def _read_text(response: httpx.Response, url: str, body_values: object) -> str:
    try:
        await response.aread()
    except http_error_types() as error:
        raise transport_error_to_api_error(
            error, url=url, request_body_values=body_values, response=response
        ) from error
    return response.content.decode("utf-8", "replace")


# -- success handlers -------------------------------------------------------------------------


@overload
def create_json_response_handler(schema: Schema[T] | type[T]) -> ResponseHandler[T]: ...
@overload
def create_json_response_handler(schema: None = None) -> ResponseHandler[JSONValue]: ...
@overload
def create_json_response_handler(schema: SchemaLike) -> ResponseHandler[Any]: ...
def create_json_response_handler(schema: object = None) -> ResponseHandler[Any]:
    """Read the body as JSON and validate it (extra fields are fine for pydantic models).

    Raises `APICallError` "Invalid JSON response" (with the body, and the parse or validation
    error as ``cause``) when the body is not JSON or does not match. ``raw_value`` keeps the JSON.
    """
    resolved = as_schema(schema) if schema is not None else None

    async def handle(
        response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[Any]:
        body = await _read_text(response, url, request_body_values)
        headers = response_headers_of(response)
        try:
            raw: JSONValue = from_json(body, allow_inf_nan=False)
        except ValueError as error:
            parsed: ParseResult[Any] = ParseFailure(JSONParseError(text=body, cause=error), None)
        else:
            parsed = resolved.safe_validate(raw) if resolved else ParseSuccess(raw, raw)
        if isinstance(parsed, ParseFailure):
            raise APICallError(
                "Invalid JSON response",
                cause=parsed.error,
                url=url,
                request_body_values=request_body_values,
                status_code=response.status_code,
                response_headers=headers,
                response_body=body,
            )
        return ResponseResult(parsed.value, headers, parsed.raw_value)

    return handle


def create_binary_response_handler() -> ResponseHandler[bytes]:
    """Read the body as bytes (images, audio)."""

    async def handle(
        response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[bytes]:
        try:
            content = await response.aread()
        except http_error_types() as error:
            raise transport_error_to_api_error(
                error, url=url, request_body_values=request_body_values, response=response
            ) from error
        return ResponseResult(content, response_headers_of(response))

    return handle


# -- failure handlers -------------------------------------------------------------------------


def create_json_error_response_handler(
    *,
    error_schema: Schema[E] | type[E],
    error_to_message: Callable[[E], str],
    is_retryable: Callable[[httpx.Response, E | None], bool] | None = None,
) -> ResponseHandler[APICallError]:
    """Build the `APICallError` for a failed response whose body is a JSON error.

    The message is ``error_to_message(parsed)`` and ``data`` the parsed error when the body
    matches ``error_schema``; for an empty or unparseable body (an HTML error page from a proxy,
    say) the message is the status text. ``status_code`` and ``response_body`` are always set.

    Args:
        error_schema: the provider's error body type.
        error_to_message: extracts the message from the parsed error.
        is_retryable: overrides the default status rule (408, 409, 429, 5xx); receives the
            response and the parsed error (``None`` when the body did not match).
    """
    schema: Schema[E] = as_schema(error_schema)

    async def handle(
        response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[APICallError]:
        body = await _read_text(response, url, request_body_values)
        headers = response_headers_of(response)
        message = _status_text(response)
        parsed: E | None = None
        if body.strip():
            try:
                parsed = schema.validate(from_json(body, allow_inf_nan=False))
            except Exception:  # not JSON, or not this provider's error shape
                parsed = None
            else:
                message = error_to_message(parsed)
        error = APICallError(
            message,
            url=url,
            request_body_values=request_body_values,
            status_code=response.status_code,
            response_headers=headers,
            response_body=body,
            data=parsed,
            is_retryable=is_retryable(response, parsed) if is_retryable is not None else None,
        )
        return ResponseResult(error, headers)

    return handle


def create_status_code_error_response_handler() -> ResponseHandler[APICallError]:
    """Build an `APICallError` from the status text, keeping the body."""

    async def handle(
        response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[APICallError]:
        body = await _read_text(response, url, request_body_values)
        headers = response_headers_of(response)
        error = APICallError(
            _status_text(response),
            url=url,
            request_body_values=request_body_values,
            status_code=response.status_code,
            response_headers=headers,
            response_body=body,
        )
        return ResponseResult(error, headers)

    return handle
