"""Error bodies of OpenAI-compatible servers, conforming or not, turned into `APICallError`.

OpenAI answers failures with ``{"error": {"message", "type", "param", "code"}}``, but the servers
people run locally do not all agree: FastAPI-based ones (llama-cpp-python, many proxies) send
``{"detail": ...}``, Ollama sends ``{"error": "<text>"}``, reverse proxies send HTML pages and
some send plain text. Every one of them becomes an `APICallError` carrying the server's own
message and the raw body, so the user sees what the server said rather than a bare status text.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

import httpx
from pydantic import BaseModel, ConfigDict, JsonValue
from pydantic_core import from_json

from ai_sdk.provider import AISDKError, APICallError
from ai_sdk.provider_utils import (
    ResponseHandler,
    ResponseResult,
    Schema,
    as_schema,
    response_headers_of,
    transport_error_to_api_error,
)
from ai_sdk_openai_compatible._mapping import as_object

__all__ = [
    "DEFAULT_ERROR_STRUCTURE",
    "ErrorStructure",
    "OpenAICompatibleErrorData",
    "OpenAICompatibleErrorDetail",
    "OpenAICompatibleStreamError",
    "create_failed_response_handler",
    "message_of_error_body",
]

E = TypeVar("E")

_MAX_MESSAGE_CHARS = 1_000
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_HTML_START = re.compile(r"\s*<(?:!doctype|html|head|body|title|h1|center)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


class OpenAICompatibleErrorDetail(BaseModel):
    """The ``error`` object of an OpenAI error body; unknown fields are kept."""

    model_config = ConfigDict(extra="allow", frozen=True)

    message: str
    """What went wrong, as the server put it."""
    type: str | None = None
    """The error kind, e.g. ``invalid_request_error``."""
    param: JsonValue = None
    """The request parameter at fault, if the server names one."""
    code: str | int | None = None
    """A machine-readable code, e.g. ``context_length_exceeded``."""


class OpenAICompatibleErrorData(BaseModel):
    """An OpenAI error body: ``{"error": {"message", "type", "param", "code"}}``."""

    model_config = ConfigDict(extra="allow", frozen=True)

    error: OpenAICompatibleErrorDetail


@dataclass(frozen=True, slots=True)
class ErrorStructure(Generic[E]):
    """How a server shapes its error bodies: plug one into `create_openai_compatible`.

    When a failed response matches ``error_schema``, the error's message is
    ``error_to_message(parsed)`` and its ``data`` the parsed value. Bodies that do not match
    still get the server's text as the message (see `message_of_error_body`).

    Args:
        error_schema: the error body type (a pydantic model class, any type pydantic can
            validate, or a `Schema`).
        error_to_message: extracts the message from a parsed error body.
        is_retryable: decides whether a failed call may be retried, given the response and the
            parsed body (``None`` when the body did not match); by default 408, 409, 429 and
            5xx statuses are retryable.

    Example:
        >>> class MyError(BaseModel):
        ...     code: int
        ...     msg: str
        >>> structure = ErrorStructure(error_schema=MyError, error_to_message=lambda e: e.msg)
    """

    error_schema: type[E] | Schema[E]
    error_to_message: Callable[[E], str]
    is_retryable: Callable[[httpx.Response, E | None], bool] | None = None


class OpenAICompatibleStreamError(AISDKError):
    """The server sent ``{"error": ...}`` inside a stream that had already started.

    The stream's ``error`` part carries it and the finish reason becomes ``error``. The
    TypeScript SDK passes the server's error object itself; this wraps it so that ``on_error``
    and ``raise`` get an exception, with the object kept as ``data``.

    Args:
        data: the server's ``error`` value, as sent.
    """

    data: object
    """The server's ``error`` value, as sent (usually ``{"message", "type", "param", "code"}``)."""
    type: str | None
    """The server's error type, e.g. ``server_error``, when it sent one."""
    code: object
    """The server's error code, when it sent one."""
    is_retryable: bool
    """Always false: content may already have been streamed."""

    def __init__(self, data: object) -> None:
        fields: dict[str, object] = (
            cast("dict[str, object]", data) if isinstance(data, dict) else {}
        )
        message = fields.get("message")
        if not isinstance(message, str) or not message:
            message = data if isinstance(data, str) else _compact_json(cast("object", data))
            if not message:
                message = "The server reported an error in the stream."
        super().__init__(message)
        self.data = data
        kind = fields.get("type")
        self.type = kind if isinstance(kind, str) else None
        self.code = fields.get("code")
        self.is_retryable = False


def _compact_json(value: object) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return repr(value)


def _openai_message(data: OpenAICompatibleErrorData) -> str:
    return data.error.message


DEFAULT_ERROR_STRUCTURE: ErrorStructure[OpenAICompatibleErrorData] = ErrorStructure(
    error_schema=OpenAICompatibleErrorData, error_to_message=_openai_message
)
"""The OpenAI error body shape, used unless a provider is given another one."""


def _shorten(text: str) -> str:
    text = text.strip()
    if len(text) <= _MAX_MESSAGE_CHARS:
        return text
    return f"{text[:_MAX_MESSAGE_CHARS]}... ({len(text) - _MAX_MESSAGE_CHARS} more characters)"


def _detail_message(detail: object) -> str | None:
    """The text of a FastAPI ``detail``: a string, or a list of validation errors."""
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):
        lines: list[str] = []
        items: list[object] = cast("list[object]", detail)
        for item in items:
            entry = as_object(item)
            msg = entry.get("msg")
            loc = entry.get("loc")
            if not isinstance(msg, str):
                lines.append(item if isinstance(item, str) else repr(item))
                continue
            if isinstance(loc, list):
                where = ".".join(str(part) for part in cast("list[object]", loc))
                lines.append(f"{where}: {msg}")
            else:
                lines.append(msg)
        return "; ".join(lines) if lines else None
    return None


def _json_message(value: object) -> str | None:
    """The message of a JSON error body that is not OpenAI-shaped, if it has a recognisable one."""
    if not isinstance(value, dict):
        return None
    body = cast("dict[str, object]", value)
    error = body.get("error")
    if isinstance(error, str) and error:  # Ollama: {"error": "model 'x' not found"}
        return error
    if isinstance(error, dict):
        inner = cast("dict[str, object]", error).get("message")
        if isinstance(inner, str) and inner:
            return inner
    if "detail" in body:  # FastAPI: {"detail": "..."} or {"detail": [{"loc", "msg"}, ...]}
        detail = _detail_message(body["detail"])
        if detail:
            return detail
    for key in ("message", "msg", "error_message"):
        text = body.get(key)
        if isinstance(text, str) and text:
            return text
    return None


def _html_message(text: str) -> str | None:
    """The title (or else the visible text) of an HTML error page."""
    title = _TITLE.search(text)
    if title is not None:
        found = _SPACE.sub(" ", html.unescape(_TAG.sub("", title.group(1)))).strip()
        if found:
            return found
    visible = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()
    return visible or None


def message_of_error_body(body: str, status_text: str) -> tuple[str, JsonValue]:
    """The best message for an error body that did not match the error structure.

    Returns ``(message, parsed_json_or_None)``: the message is the server's text where one can
    be found (FastAPI ``detail``, ``{"error": "..."}``, ``message``, an HTML page's title, plain
    text), else ``status_text``.
    """
    stripped = body.strip()
    if not stripped:
        return status_text, None
    try:
        parsed: JsonValue = from_json(stripped, allow_inf_nan=False)
    except ValueError:
        parsed = None
    else:
        message = _json_message(parsed)
        return (_shorten(message) if message else status_text), parsed
    if _HTML_START.match(stripped):
        message = _html_message(stripped)
        return (_shorten(message) if message else status_text), None
    return _shorten(stripped), None


def create_failed_response_handler(structure: ErrorStructure[Any]) -> ResponseHandler[APICallError]:
    """The failure handler for every model of a provider: status, body and message kept."""
    schema: Schema[Any] = as_schema(structure.error_schema)

    async def handle(
        response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[APICallError]:
        try:
            await response.aread()
        except httpx.HTTPError as error:
            raise transport_error_to_api_error(
                error, url=url, request_body_values=request_body_values, response=response
            ) from error
        body = response.content.decode("utf-8", "replace")
        headers = response_headers_of(response)
        status_text = response.reason_phrase or f"HTTP {response.status_code}"
        parsed: object = None
        data: object = None
        if body.strip():
            try:
                parsed = schema.validate(from_json(body, allow_inf_nan=False))
            except Exception:  # not JSON, or not this structure: fall back to what it says
                parsed = None
        if parsed is not None:
            message = structure.error_to_message(parsed)
            data = parsed
            if not message.strip():  # llama-cpp-python: {"error": {"message": "", ...}}
                kind = parsed.error.type if isinstance(parsed, OpenAICompatibleErrorData) else None
                of_kind = f" of type {kind}" if kind else ""
                message = f"{status_text} (the server sent an empty error message{of_kind})"
        else:
            message, data = message_of_error_body(body, status_text)
        retryable = (
            structure.is_retryable(response, parsed) if structure.is_retryable is not None else None
        )
        error = APICallError(
            message,
            url=url,
            request_body_values=request_body_values,
            status_code=response.status_code,
            response_headers=headers,
            response_body=body,
            data=data,
            is_retryable=retryable,
        )
        return ResponseResult(error, headers)

    return handle
