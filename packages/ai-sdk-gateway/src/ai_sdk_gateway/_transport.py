"""The HTTP plumbing every gateway call shares: common headers, the client, error mapping."""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import ValidationError

from ai_sdk.provider import APICallError, JSONValue, TypeValidationError
from ai_sdk.provider_utils import (
    AsyncHTTPClient,
    HTTPClientHolder,
    ResponseHandler,
    ResponseResult,
    as_schema,
    combine_headers,
    create_json_error_response_handler,
    create_json_response_handler,
    get_error_message,
    get_json,
    post_json,
    without_trailing_slash,
)
from ai_sdk_gateway._auth import ApiKey, OidcTokenProvider, resolve_gateway_credentials
from ai_sdk_gateway._errors import (
    AuthMethod,
    GatewayAuthenticationError,
    as_gateway_error,
)
from ai_sdk_gateway._version import __version__

__all__ = [
    "AUTH_METHOD_HEADER",
    "DEFAULT_BASE_URL",
    "PROTOCOL_VERSION",
    "TEAM_HEADER",
    "USER_AGENT_TOKEN",
    "GatewayTransport",
    "validated_json_handler",
]

T = TypeVar("T")

DEFAULT_BASE_URL = "https://ai-gateway.vercel.sh/v4/ai"
"""The spec v4 route: the path, not a header, selects the wire schema the gateway speaks."""
PROTOCOL_VERSION = "0.0.1"
AUTH_METHOD_HEADER = "ai-gateway-auth-method"
TEAM_HEADER = "x-vercel-ai-gateway-team"
USER_AGENT_TOKEN = f"ai-sdk/gateway/{__version__}"


def _error_message(data: object) -> str:
    # What upstream's getErrorMessage gives: JSON bodies in JSON.stringify's compact form
    # (core 0.2.0's get_error_message adds spaces, so this does not rely on it).
    if data is None or isinstance(data, str):
        return get_error_message(data)
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return get_error_message(data)


_FAILURE = create_json_error_response_handler(
    error_schema=as_schema(None), error_to_message=_error_message
)


def _auth_method(headers: Mapping[str, str]) -> AuthMethod | None:
    value = headers.get(AUTH_METHOD_HEADER)
    if value == "api-key" or value == "oidc":
        return value
    return None


def validated_json_handler(validate: Callable[[JSONValue], T]) -> ResponseHandler[T]:
    """Read a JSON body and convert it with ``validate``.

    When ``validate`` raises (a pydantic ``ValidationError`` or a `TypeValidationError`), the
    failure is an `APICallError` with the body and the validation error as ``cause``, not
    retryable, which `as_gateway_error` turns into a `GatewayResponseError`.
    """
    read_json = create_json_response_handler()

    async def handle(
        response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[T]:
        result = await read_json(response, url=url, request_body_values=request_body_values)
        try:
            value = validate(result.value)
        except (ValidationError, TypeValidationError) as error:
            cause = (
                error
                if isinstance(error, TypeValidationError)
                else TypeValidationError(value=result.value, cause=error)
            )
            raise APICallError(
                f"Invalid response body: {cause.message}",
                url=url,
                request_body_values=request_body_values,
                status_code=response.status_code,
                response_headers=result.response_headers,
                response_body=response.text,
                cause=cause,
                is_retryable=False,
            ) from error
        return ResponseResult(value, result.response_headers, result.raw_value)

    return handle


class GatewayTransport:
    """Sends the gateway's requests: authenticated, with the common headers, errors mapped.

    Args:
        base_url: the API base URL (default `DEFAULT_BASE_URL`); a trailing ``/`` is dropped.
        api_key: a key, or a function returning one per request.
        oidc_token_provider: fetches a Vercel OIDC token when none valid is at hand.
        headers: extra headers for every request; they override the common ones.
        team_id_or_slug: sent as ``x-vercel-ai-gateway-team``.
        http_client: a user-supplied client, used as is and never closed here.
        timeout: a per-request timeout applied to every call.
        wall_clock: seconds since the epoch, for OIDC token expiry.
    """

    def __init__(
        self,
        *,
        base_url: str | None,
        api_key: ApiKey | None,
        oidc_token_provider: OidcTokenProvider | None,
        headers: Mapping[str, str] | None,
        team_id_or_slug: str | None,
        http_client: AsyncHTTPClient | None,
        timeout: httpx.Timeout | float | None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.base_url: str = without_trailing_slash(base_url) or DEFAULT_BASE_URL
        parts = urlsplit(self.base_url)
        # Credits, generation info and reports live at the origin, outside the /v4/ai path.
        self.origin = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
        self.api_key_configured = api_key is not None
        self._api_key = api_key
        self._oidc_token_provider = oidc_token_provider
        self._headers = dict(headers) if headers else None
        self._team = team_id_or_slug
        self._wall_clock = wall_clock
        self._holder = HTTPClientHolder(http_client, timeout=timeout)

    @property
    def team(self) -> str | None:
        """The team sent in ``x-vercel-ai-gateway-team`` (the user's header wins)."""
        return combine_headers({TEAM_HEADER: self._team}, self._headers).get(TEAM_HEADER)

    async def common_headers(self) -> dict[str, str]:
        """Authorization, protocol version, auth method, team, then the user's headers.

        Raises:
            GatewayAuthenticationError: there is no credential at all; no request is sent.
        """
        try:
            credentials = await resolve_gateway_credentials(
                api_key=self._api_key,
                oidc_token_provider=self._oidc_token_provider,
                now=self._wall_clock,
            )
        except Exception as error:
            raise GatewayAuthenticationError.create_contextual_error(
                api_key_provided=False, oidc_token_provided=False, cause=error
            ) from error
        return combine_headers(
            {
                "authorization": f"Bearer {credentials.token}",
                "ai-gateway-protocol-version": PROTOCOL_VERSION,
                AUTH_METHOD_HEADER: credentials.auth_method,
                TEAM_HEADER: self._team,
            },
            self._headers,
        )

    async def post(
        self,
        url: str,
        *,
        body: JSONValue,
        headers: Sequence[Mapping[str, str | None] | None] = (),
        success: ResponseHandler[T],
    ) -> ResponseResult[T]:
        """POST ``body`` as JSON with the common headers, then ``headers`` in order.

        Raises:
            GatewayError: any failure, mapped by `as_gateway_error`.
        """
        return await self._request(functools.partial(post_json, body=body), url, success, headers)

    async def get(self, url: str, *, success: ResponseHandler[T]) -> ResponseResult[T]:
        """GET ``url`` with the common headers (no observability headers, as upstream).

        Raises:
            GatewayError: any failure, mapped by `as_gateway_error`.
        """
        return await self._request(get_json, url, success, ())

    async def _request(
        self,
        send: Callable[..., Awaitable[ResponseResult[T]]],
        url: str,
        success: ResponseHandler[T],
        headers: Sequence[Mapping[str, str | None] | None],
    ) -> ResponseResult[T]:
        common = await self.common_headers()
        try:
            return await send(
                url=url,
                success=success,
                failure=_FAILURE,
                client=self._holder.get(),
                headers=combine_headers(common, *headers),
                timeout=self._holder.request_timeout,
                user_agent=(USER_AGENT_TOKEN,),
            )
        except Exception as error:
            mapped = self.map_error(error, common)
            if mapped is error:
                raise
            raise mapped from error

    @staticmethod
    def map_error(error: BaseException, sent_headers: Mapping[str, str]) -> Exception:
        """The `GatewayError` for ``error``, advice chosen by the auth method that was sent."""
        return as_gateway_error(error, _auth_method(sent_headers))

    async def aclose(self) -> None:
        """Close the HTTP clients created here (a user-supplied client stays open)."""
        await self._holder.aclose()
