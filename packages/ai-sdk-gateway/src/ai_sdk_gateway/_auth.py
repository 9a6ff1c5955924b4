"""Which credential a gateway request carries, decided afresh for every request."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeAlias

from ai_sdk.provider import get_error_message
from ai_sdk.provider_utils import load_optional_setting, resolve
from ai_sdk_gateway._errors import AuthMethod
from ai_sdk_gateway._vercel import VercelOidcTokenError, read_vercel_oidc_token

__all__ = [
    "ApiKey",
    "GatewayCredentials",
    "OidcTokenProvider",
    "resolve_gateway_credentials",
]

ApiKey: TypeAlias = str | Callable[[], str | None] | Callable[[], Awaitable[str | None]]
"""An API key (or Vercel access token), or a function, sync or async, returning one per request.

A function that returns ``None`` or ``""`` lets the lookup go on to the environment and OIDC.
"""

OidcTokenProvider: TypeAlias = Callable[[], str] | Callable[[], Awaitable[str]]
"""Returns a fresh Vercel OIDC token, sync or async; called when none valid is at hand."""


@dataclass(frozen=True, slots=True)
class GatewayCredentials:
    """The bearer token of one request and how it was obtained."""

    token: str
    auth_method: AuthMethod

    def __repr__(self) -> str:  # the token must not end up in logs
        return f"GatewayCredentials(token=<hidden>, auth_method={self.auth_method!r})"


async def resolve_gateway_credentials(
    *,
    api_key: ApiKey | None,
    oidc_token_provider: OidcTokenProvider | None,
    now: Callable[[], float] = time.time,
) -> GatewayCredentials:
    """The credential for the next request, in the gateway's precedence order.

    1. ``api_key`` (its result, when it is a function), then ``AI_GATEWAY_API_KEY``: a non-empty
       value wins and is sent as ``api-key``. A configured key is never replaced by OIDC, even
       when the server rejects it.
    2. Otherwise a Vercel OIDC token: the incoming request's, else ``VERCEL_OIDC_TOKEN``, as long
       as it has not expired; else whatever ``oidc_token_provider`` returns.

    Raises:
        VercelOidcTokenError: no API key, and no OIDC token could be found or fetched; the
            message says why (missing, expired, or the provider failed).
    """
    key = await resolve(api_key) if api_key is not None else None
    key = load_optional_setting(setting_value=key or None, env_var="AI_GATEWAY_API_KEY")
    if key:
        return GatewayCredentials(token=key, auth_method="api-key")
    try:
        return GatewayCredentials(token=read_vercel_oidc_token(now=now), auth_method="oidc")
    except VercelOidcTokenError as missing:
        if oidc_token_provider is None:
            raise
        try:
            token = await resolve(oidc_token_provider)
        except Exception as error:
            raise VercelOidcTokenError(
                f"oidc_token_provider failed: {get_error_message(error)}", cause=error
            ) from error
        if not token:
            raise VercelOidcTokenError(
                f"oidc_token_provider returned no token ({missing.message})", cause=missing
            ) from missing
        return GatewayCredentials(token=token, auth_method="oidc")
