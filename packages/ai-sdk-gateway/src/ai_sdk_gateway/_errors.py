"""The gateway's error classes and the one function that maps any failure onto them.

```
AISDKError (ai_sdk.provider)
└── GatewayError                      every failure of a gateway call (status_code, generation_id,
    │                                 is_retryable, response_body, response_headers)
    ├── GatewayAuthenticationError    401: no credentials, or the key / OIDC token was rejected
    ├── GatewayInvalidRequestError    400: the request was malformed
    ├── GatewayForbiddenError         403: a policy or routing rule refused it (`rule_id`)
    ├── GatewayModelNotFoundError     404: unknown model (`model_id`)
    ├── GatewayNotFoundError          404: unknown resource (batch or video job id)
    ├── GatewayTimeoutError           408: the client-side timeout fired
    ├── GatewayFailedDependencyError  424: the upstream provider failed
    ├── GatewayRateLimitError         429: rate limited (`retry_after`)
    ├── GatewayInternalServerError    500 (or the HTTP status): a server error of any other type
    └── GatewayResponseError          the answer could not be used: not the documented error
                                      JSON (an HTML page from a proxy), an invalid body, a lost
                                      connection
```

The server's error body is ``{"error": {"message", "type", "param", "code"}, "generationId"}``;
`type` picks the class. `is_retryable` follows the status (408, 409, 429, 5xx), so core's retry
policy retries gateway errors and reads ``retry-after`` from the underlying `APICallError`.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, Literal, TypeAlias, cast

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StrictFloat, StrictInt, StrictStr
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import from_json

from ai_sdk.provider import (
    AISDKError,
    APICallError,
    APITimeoutError,
    JSONParseError,
    TypeValidationError,
    get_error_message,
    is_retryable_status,
)
from ai_sdk.provider_utils import retry_delay

__all__ = [
    "API_KEYS_URL",
    "AuthMethod",
    "GatewayAuthenticationError",
    "GatewayError",
    "GatewayFailedDependencyError",
    "GatewayForbiddenError",
    "GatewayInternalServerError",
    "GatewayInvalidRequestError",
    "GatewayModelNotFoundError",
    "GatewayNotFoundError",
    "GatewayRateLimitError",
    "GatewayResponseError",
    "GatewayTimeoutError",
    "as_gateway_error",
    "create_gateway_error_from_response",
]

AuthMethod: TypeAlias = Literal["api-key", "oidc"]
"""How a request authenticated: the value of the ``ai-gateway-auth-method`` header."""

API_KEYS_URL = "https://vercel.com/d?to=%2F%5Bteam%5D%2F%7E%2Fai%2Fapi-keys"
"""Where a Vercel user creates AI Gateway API keys."""

_EXCERPT_CHARS = 300


class GatewayError(AISDKError):
    """A gateway call failed; the subclass says how.

    Args:
        message: what happened; the class's default message when ``None``. When
            ``generation_id`` is given it is appended as `` [gen_...]`` so logs can be matched
            with the gateway's records.
        status_code: the HTTP status (the class's default when ``None``).
        cause: the underlying error, usually the `APICallError` with the raw response.
        generation_id: the gateway's id of the failed generation, when it sent one.
        is_retryable: whether trying again may help; by default true for 408, 409, 429 and 5xx.
        response_body: the raw response text; taken from ``cause`` when not given.
        response_headers: the response headers (lower-case keys); taken from ``cause`` when not
            given. Core's retry policy reads ``retry-after`` from them.
        **details: the attributes a subclass adds (named in its ``_details``, e.g.
            ``model_id``); each is ``None`` when not given; any other keyword is a `TypeError`.
    """

    type: ClassVar[str] = "gateway_error"
    """The error type, as the gateway names it (``authentication_error``, ...)."""
    default_status_code: ClassVar[int] = 500
    default_message: ClassVar[str] = "Gateway request failed"
    _details: ClassVar[tuple[str, ...]] = ()
    """The attributes this class adds to the base ones, set from the constructor's keywords."""

    status_code: int
    """The HTTP status of the failure (or the class default when there was no response)."""
    generation_id: str | None
    """The gateway's generation id (``gen_...``), when the server sent one."""
    is_retryable: bool
    """Whether trying again may help."""
    response_body: str | None
    """The raw response body, when there was one (an HTML error page stays readable here)."""
    response_headers: dict[str, str] | None
    """The response headers, keys lower-case."""

    def __init__(
        self,
        message: str | None = None,
        *,
        status_code: int | None = None,
        cause: object = None,
        generation_id: str | None = None,
        is_retryable: bool | None = None,
        response_body: str | None = None,
        response_headers: dict[str, str] | None = None,
        **details: object,
    ) -> None:
        unknown = sorted(details.keys() - set(self._details))
        if unknown:
            raise TypeError(f"{type(self).__name__} got unexpected keywords: {', '.join(unknown)}")
        text = message if message is not None else self.default_message
        if generation_id:
            text = f"{text} [{generation_id}]"
        super().__init__(text, cause=cause)
        status = status_code if status_code is not None else self.default_status_code
        self.status_code = status
        self.generation_id = generation_id
        self.is_retryable = is_retryable_status(status) if is_retryable is None else is_retryable
        api_error = cause if isinstance(cause, APICallError) else None
        if response_body is None and api_error is not None:
            response_body = api_error.response_body
        if response_headers is None and api_error is not None:
            response_headers = api_error.response_headers
        self.response_body = response_body
        self.response_headers = response_headers
        for name in self._details:
            setattr(self, name, details.get(name))


class GatewayAuthenticationError(GatewayError):
    """The gateway did not accept the credentials, or there were none to send.

    Raised before any request when no API key and no OIDC token can be found, and for a server
    401. The message explains how to fix it for the credential that was used.
    """

    type: ClassVar[str] = "authentication_error"
    default_status_code: ClassVar[int] = 401
    default_message: ClassVar[str] = "Authentication failed"

    @classmethod
    def create_contextual_error(
        cls,
        *,
        api_key_provided: bool,
        oidc_token_provided: bool,
        status_code: int = 401,
        cause: object = None,
        generation_id: str | None = None,
        response_body: str | None = None,
        response_headers: dict[str, str] | None = None,
    ) -> GatewayAuthenticationError:
        """The error with a message that fits what was (or was not) sent.

        Args:
            api_key_provided: an API key or access token was sent (and rejected).
            oidc_token_provided: a Vercel OIDC token was sent (and rejected).
            status_code: the HTTP status.
            cause: the underlying error (the OIDC lookup failure, or the API error).
            generation_id: the gateway's generation id, if any.
            response_body: the raw response text, if any.
            response_headers: the response headers, if any.
        """
        if api_key_provided:
            message = (
                "AI Gateway authentication failed: the API key or access token was rejected "
                "(it is invalid, revoked or expired).\n\n"
                f"Create a new API key at {API_KEYS_URL} and pass it as "
                "create_gateway(api_key=...) or in the AI_GATEWAY_API_KEY environment variable."
            )
        elif oidc_token_provided:
            message = (
                "AI Gateway authentication failed: the Vercel OIDC token was rejected (tokens "
                "written by `vercel env pull` expire after 12 hours).\n\n"
                "Run `vercel env pull` again to fetch a fresh VERCEL_OIDC_TOKEN, pass "
                "oidc_token_provider= to create_gateway to refresh it yourself, or use an API "
                f"key instead: {API_KEYS_URL}"
            )
        else:
            message = (
                "AI Gateway authentication failed: No authentication provided.\n\n"
                "Fix it in one of these ways:\n"
                f"1. API key: create one at {API_KEYS_URL}, then pass it as "
                "create_gateway(api_key=...) or set the AI_GATEWAY_API_KEY environment "
                "variable. A Vercel personal or app access token works as api_key too.\n"
                "2. Vercel OIDC token: deployments on Vercel get one automatically; locally, run "
                "`vercel link` and then `vercel env pull` to write VERCEL_OIDC_TOKEN to "
                ".env.local, and load that file into the environment."
            )
        return cls(
            message,
            status_code=status_code,
            cause=cause,
            generation_id=generation_id,
            response_body=response_body,
            response_headers=response_headers,
        )


class GatewayInvalidRequestError(GatewayError):
    """The gateway rejected the request as malformed (HTTP 400)."""

    type: ClassVar[str] = "invalid_request_error"
    default_status_code: ClassVar[int] = 400
    default_message: ClassVar[str] = "Invalid request"


class GatewayRateLimitError(GatewayError):
    """Too many requests (HTTP 429); retryable, honouring the server's retry-after headers."""

    type: ClassVar[str] = "rate_limit_exceeded"
    default_status_code: ClassVar[int] = 429
    default_message: ClassVar[str] = "Rate limit exceeded"

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait (``retry-after-ms`` or ``retry-after``), if it did."""
        if not self.response_headers:
            return None
        probe = APICallError("", url="", response_headers=self.response_headers)
        seconds = retry_delay(probe, math.inf)
        return None if math.isinf(seconds) else seconds


class GatewayModelNotFoundError(GatewayError):
    """The model id is unknown to the gateway or not available to this account (HTTP 404)."""

    type: ClassVar[str] = "model_not_found"
    default_status_code: ClassVar[int] = 404
    default_message: ClassVar[str] = "Model not found"
    _details: ClassVar[tuple[str, ...]] = ("model_id",)

    model_id: str | None
    """The model id the server named, if it did."""


class GatewayNotFoundError(GatewayError):
    """A resource the request named (a batch or video job id) does not exist (HTTP 404)."""

    type: ClassVar[str] = "not_found"
    default_status_code: ClassVar[int] = 404
    default_message: ClassVar[str] = "Not found"


class GatewayInternalServerError(GatewayError):
    """The gateway failed, or reported an error type this client does not know."""

    type: ClassVar[str] = "internal_server_error"
    default_status_code: ClassVar[int] = 500
    default_message: ClassVar[str] = "Internal server error"


class GatewayFailedDependencyError(GatewayError):
    """The upstream provider behind the gateway failed (HTTP 424)."""

    type: ClassVar[str] = "failed_dependency"
    default_status_code: ClassVar[int] = 424
    default_message: ClassVar[str] = "Failed dependency"


class GatewayForbiddenError(GatewayError):
    """A policy or routing rule refused the request (HTTP 403); not an authentication failure."""

    type: ClassVar[str] = "forbidden"
    default_status_code: ClassVar[int] = 403
    default_message: ClassVar[str] = "Forbidden"
    _details: ClassVar[tuple[str, ...]] = ("rule_id",)

    rule_id: str | None
    """The id of the rule that refused the request, if the server named it."""


class GatewayResponseError(GatewayError):
    """The gateway's answer could not be used.

    An error body that is not the documented JSON (an HTML page from a proxy, say), a success
    body that does not match the spec, or a connection lost before the answer was complete.
    """

    type: ClassVar[str] = "response_error"
    default_status_code: ClassVar[int] = 502
    default_message: ClassVar[str] = "Invalid response from Gateway"
    _details: ClassVar[tuple[str, ...]] = ("response", "validation_error")

    response: object
    """The response as received: parsed JSON, or the raw text when it was not JSON."""
    validation_error: TypeValidationError | None
    """Why the response did not match the expected shape, when that was the problem."""


class GatewayTimeoutError(GatewayError):
    """The client gave up waiting for the gateway (connect, read, write or pool timeout)."""

    type: ClassVar[str] = "timeout_error"
    default_status_code: ClassVar[int] = 408
    default_message: ClassVar[str] = "Request timed out"

    @classmethod
    def create_timeout_error(
        cls, *, original_message: str, cause: object = None, generation_id: str | None = None
    ) -> GatewayTimeoutError:
        """The error with advice on raising the timeout."""
        return cls(
            f"Gateway request timed out: {original_message}\n\n"
            "This timeout fired on the client. Long generations (images, video, slow reasoning "
            "models) need more time: pass create_gateway(timeout=...) or an http_client= with "
            "a longer httpx.Timeout.",
            cause=cause,
            generation_id=generation_id,
        )


# -- mapping ----------------------------------------------------------------------------------


class _ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    message: StrictStr
    type: StrictStr | None = None
    param: JsonValue = None
    code: StrictStr | StrictInt | StrictFloat | None = None


class _ErrorBody(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    error: _ErrorDetail
    generation_id: StrictStr | None = Field(default=None, alias="generationId")


class _ModelNotFoundParam(BaseModel):
    # pydantic < 2.10 warns about any field starting with "model_" unless this is cleared.
    model_config = ConfigDict(defer_build=True, protected_namespaces=())

    model_id: StrictStr = Field(alias="modelId")


class _ForbiddenParam(BaseModel):
    model_config = ConfigDict(defer_build=True)

    rule_id: StrictStr = Field(alias="ruleId")


def _excerpt(text: str | None) -> str:
    if not text or not text.strip():
        return ""
    flat = " ".join(text.split())
    if len(flat) > _EXCERPT_CHARS:
        flat = flat[:_EXCERPT_CHARS] + "..."
    return flat


def create_gateway_error_from_response(
    *,
    response: object,
    status_code: int,
    default_message: str = "Gateway request failed",
    cause: object = None,
    auth_method: AuthMethod | None = None,
    response_body: str | None = None,
    response_headers: dict[str, str] | None = None,
) -> GatewayError:
    """The `GatewayError` for an error response of the gateway.

    Args:
        response: the parsed error body (or the raw text when it was not JSON).
        status_code: the HTTP status.
        default_message: describes the failed call when the body is not the documented JSON.
        cause: the underlying error, kept on the result.
        auth_method: what the failed request authenticated with; picks the advice given for an
            ``authentication_error``.
        response_body: the raw response text (defaults to the cause's).
        response_headers: the response headers (default to the cause's).
    """
    if isinstance(cause, APICallError):
        if response_body is None:
            response_body = cause.response_body
        if response_headers is None:
            response_headers = cause.response_headers
    try:
        body = _ErrorBody.model_validate(response)
    except PydanticValidationError as error:
        message = f"Invalid error response format: {default_message} (HTTP {status_code})"
        excerpt = _excerpt(response_body)
        if excerpt:
            message = f"{message}: {excerpt}"
        return GatewayResponseError(
            message,
            response=response,
            validation_error=TypeValidationError(value=response, cause=error),
            generation_id=_raw_generation_id(response),
            status_code=status_code,
            cause=cause,
            response_body=response_body,
            response_headers=response_headers,
        )

    detail = body.error
    generation_id = body.generation_id
    message = detail.message
    if detail.type == "authentication_error":
        # The server's own message is dropped: the contextual advice is what helps.
        return GatewayAuthenticationError.create_contextual_error(
            api_key_provided=auth_method == "api-key",
            oidc_token_provided=auth_method == "oidc",
            status_code=status_code,
            cause=cause,
            generation_id=generation_id,
            response_body=response_body,
            response_headers=response_headers,
        )
    details: dict[str, Any] = {}  # the subclass's extra attributes (all `str | None` here)
    if detail.type == "model_not_found":
        details["model_id"] = _param_field(_ModelNotFoundParam, detail.param, "model_id")
    elif detail.type == "forbidden":
        details["rule_id"] = _param_field(_ForbiddenParam, detail.param, "rule_id")
    # internal_server_error, an unknown type and no type at all share the fallback class.
    cls = _CLASS_BY_TYPE.get(detail.type or "", GatewayInternalServerError)
    return cls(
        message,
        status_code=status_code,
        cause=cause,
        generation_id=generation_id,
        response_body=response_body,
        response_headers=response_headers,
        **details,
    )


_CLASS_BY_TYPE: dict[str, type[GatewayError]] = {
    cls.type: cls
    for cls in (
        GatewayInvalidRequestError,
        GatewayRateLimitError,
        GatewayModelNotFoundError,
        GatewayNotFoundError,
        GatewayFailedDependencyError,
        GatewayForbiddenError,
        GatewayInternalServerError,
    )
}


def _raw_generation_id(response: object) -> str | None:
    # The body failed validation, but a generation id in it still helps find the request.
    if not isinstance(response, dict):
        return None
    value = cast("dict[str, object]", response).get("generationId")
    return value if isinstance(value, str) else None


def _param_field(model: type[BaseModel], param: object, name: str) -> str | None:
    try:
        value = getattr(model.model_validate(param), name)
    except PydanticValidationError:
        return None
    return value if isinstance(value, str) else None


def _parsed_body(error: APICallError) -> object:
    """What the failed response said: the parsed error, else its JSON, else its text."""
    if error.data is not None:
        return error.data
    if error.response_body is not None:
        try:
            return from_json(error.response_body)
        except ValueError:
            return error.response_body
    return {}


def as_gateway_error(error: BaseException, auth_method: AuthMethod | None = None) -> GatewayError:
    """Map any failure of a gateway call onto the `GatewayError` tree.

    - a `GatewayError` is returned as it is;
    - an httpx timeout (`APITimeoutError`) becomes `GatewayTimeoutError`;
    - an `APICallError` for an error status becomes the class the body's ``error.type`` names
      (`GatewayResponseError` when the body is not the documented JSON);
    - an `APICallError` without an error status (the connection failed or was lost, or a
      success body was unusable) becomes `GatewayResponseError` keeping its message and
      retryability;
    - anything else becomes `GatewayResponseError` with status 500.

    Args:
        error: the failure.
        auth_method: what the request authenticated with (for the advice on a 401).
    """
    if isinstance(error, GatewayError):
        return error
    if isinstance(error, APITimeoutError):
        return GatewayTimeoutError.create_timeout_error(original_message=error.message, cause=error)
    if isinstance(error, APICallError):
        status = error.status_code
        if status is None or 200 <= status < 300:
            inner = error.cause
            return GatewayResponseError(
                f"Gateway request failed: {error.message}",
                response=_parsed_body(error) if error.response_body is not None else None,
                validation_error=inner if isinstance(inner, TypeValidationError) else None,
                status_code=status if status is not None else 500,
                cause=error,
                is_retryable=error.is_retryable,
            )
        return create_gateway_error_from_response(
            response=_parsed_body(error),
            status_code=status,
            default_message="Gateway request failed",
            cause=error,
            auth_method=auth_method,
        )
    if isinstance(error, JSONParseError | TypeValidationError):
        return GatewayResponseError(
            f"Invalid response from Gateway: {error.message}",
            validation_error=error if isinstance(error, TypeValidationError) else None,
            status_code=500,
            cause=error,
        )
    return GatewayResponseError(
        f"Gateway request failed: {get_error_message(error)}", status_code=500, cause=error
    )
