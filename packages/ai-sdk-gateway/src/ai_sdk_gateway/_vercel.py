"""What the gateway learns from a Vercel deployment: the incoming request, env vars, OIDC tokens.

On Vercel, the TypeScript SDK reads the incoming request's headers from a global request context.
Python has no such global, so the web app tells us: `vercel_request_context(request.headers)`
around the handler (or `VercelRequestContextMiddleware` for any ASGI app) puts them in a context
variable, from which each gateway request reads ``x-vercel-id`` (forwarded as
``ai-o11y-request-id``) and ``x-vercel-oidc-token`` (used to authenticate when no API key is set).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import time
from collections.abc import Awaitable, Callable, Generator, Iterable, Mapping, MutableMapping
from contextvars import ContextVar, Token
from datetime import UTC, datetime
from typing import TypeAlias, cast

from ai_sdk.provider import AISDKError

__all__ = [
    "ASGIApp",
    "VercelOidcTokenError",
    "VercelRequestContextMiddleware",
    "get_vercel_request_headers",
    "read_vercel_oidc_token",
    "reset_vercel_request_headers",
    "set_vercel_request_headers",
    "vercel_o11y_env",
    "vercel_o11y_headers",
    "vercel_request_context",
]

_REQUEST_HEADERS: ContextVar[Mapping[str, str] | None] = ContextVar(
    "ai_sdk_gateway_vercel_request_headers", default=None
)

HeadersLike: TypeAlias = Mapping[str, str] | Iterable[tuple[str, str]]

_O11Y_ENV = (
    ("ai-o11y-deployment-id", "VERCEL_DEPLOYMENT_ID"),
    ("ai-o11y-environment", "VERCEL_ENV"),
    ("ai-o11y-region", "VERCEL_REGION"),
    ("ai-o11y-project-id", "VERCEL_PROJECT_ID"),
)


class VercelOidcTokenError(AISDKError):
    """No usable Vercel OIDC token: none was found, it expired, or refreshing it failed."""


def _lower(headers: HeadersLike) -> dict[str, str]:
    items: Iterable[tuple[str, str]] = (
        cast("Mapping[str, str]", headers).items() if isinstance(headers, Mapping) else headers
    )
    return {str(key).lower(): str(value) for key, value in items}


def set_vercel_request_headers(headers: HeadersLike | None) -> Token[Mapping[str, str] | None]:
    """Make ``headers`` the incoming request's headers for the current context.

    Prefer `vercel_request_context`; this is for frameworks with separate before/after hooks.

    Args:
        headers: the incoming request's headers (any case; a mapping or pairs).

    Returns:
        The token to pass to `reset_vercel_request_headers` when the request is done.
    """
    return _REQUEST_HEADERS.set(None if headers is None else _lower(headers))


def reset_vercel_request_headers(token: Token[Mapping[str, str] | None]) -> None:
    """Restore the request headers that were current before `set_vercel_request_headers`."""
    _REQUEST_HEADERS.reset(token)


def get_vercel_request_headers() -> Mapping[str, str] | None:
    """The incoming request's headers (lower-case keys) in this context, if a hook set them."""
    return _REQUEST_HEADERS.get()


@contextlib.contextmanager
def vercel_request_context(headers: HeadersLike | None) -> Generator[None]:
    """Within the block, gateway calls see ``headers`` as the incoming request's headers.

    The gateway then forwards the request's ``x-vercel-id`` (so the AI Gateway logs link to the
    function invocation) and authenticates with its ``x-vercel-oidc-token`` when no API key is
    configured. It is a context variable, so concurrent requests in one process do not mix.

    Args:
        headers: the incoming request's headers, e.g. ``request.headers`` of FastAPI, Starlette,
            Flask or Django.

    Example:
        >>> async def handler(request):
        ...     with vercel_request_context(request.headers):
        ...         return await generate_text(model="openai/gpt-5", prompt="hi")
    """
    token = set_vercel_request_headers(headers)
    try:
        yield
    finally:
        reset_vercel_request_headers(token)


ASGIScope: TypeAlias = MutableMapping[str, object]
ASGIMessage: TypeAlias = MutableMapping[str, object]
ASGIReceive: TypeAlias = Callable[[], Awaitable[ASGIMessage]]
ASGISend: TypeAlias = Callable[[ASGIMessage], Awaitable[None]]
ASGIApp: TypeAlias = Callable[[ASGIScope, ASGIReceive, ASGISend], Awaitable[None]]
"""An ASGI 3 application."""


class VercelRequestContextMiddleware:
    """ASGI middleware that runs each HTTP or WebSocket request inside `vercel_request_context`.

    Args:
        app: the ASGI application to wrap.

    Example:
        >>> app = FastAPI()
        >>> app.add_middleware(VercelRequestContextMiddleware)
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: ASGIScope, receive: ASGIReceive, send: ASGISend) -> None:
        if scope.get("type") not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = cast("Iterable[tuple[bytes, bytes]]", scope.get("headers") or ())
        headers = [(key.decode("latin-1"), value.decode("latin-1")) for key, value in raw]
        with vercel_request_context(headers):
            await self.app(scope, receive, send)


def vercel_o11y_env() -> dict[str, str]:
    """The observability headers that come from Vercel's environment variables (empty ones left
    out). Read once per model, as the deployment does not change while the process runs."""
    headers: dict[str, str] = {}
    for header, env_var in _O11Y_ENV:
        value = os.environ.get(env_var)
        if value:
            headers[header] = value
    return headers


def vercel_o11y_headers(env_headers: Mapping[str, str]) -> dict[str, str]:
    """``env_headers`` plus ``ai-o11y-request-id`` from the current request context, if any."""
    request = _REQUEST_HEADERS.get()
    request_id = request.get("x-vercel-id") if request is not None else None
    if not request_id:
        return dict(env_headers)
    return {**env_headers, "ai-o11y-request-id": request_id}


def _jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim (seconds since the epoch) of a JWT, or ``None`` if it has none."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims: object = json.loads(base64.urlsafe_b64decode(payload))
    except ValueError:
        return None
    if not isinstance(claims, dict):
        return None
    exp = cast("dict[str, object]", claims).get("exp")
    if isinstance(exp, int | float) and not isinstance(exp, bool):
        return float(exp)
    return None


def read_vercel_oidc_token(*, now: Callable[[], float] = time.time) -> str:
    """The Vercel OIDC token of this request or deployment, if it is present and not expired.

    Looks at the incoming request's ``x-vercel-oidc-token`` header (see `vercel_request_context`),
    then at the ``VERCEL_OIDC_TOKEN`` environment variable.

    Args:
        now: the wall clock (seconds since the epoch), for the expiry check.

    Raises:
        VercelOidcTokenError: there is no token, or its ``exp`` claim is in the past.
    """
    request = _REQUEST_HEADERS.get()
    token = request.get("x-vercel-oidc-token") if request is not None else None
    source = "the request's x-vercel-oidc-token header"
    if not token:
        token = os.environ.get("VERCEL_OIDC_TOKEN")
        source = "VERCEL_OIDC_TOKEN"
    if not token:
        raise VercelOidcTokenError(
            "No Vercel OIDC token: VERCEL_OIDC_TOKEN is not set and no incoming Vercel request "
            "provided one."
        )
    expiry = _jwt_expiry(token)
    if expiry is not None and expiry < now():
        when = datetime.fromtimestamp(expiry, UTC).isoformat(timespec="seconds")
        raise VercelOidcTokenError(
            f"The Vercel OIDC token from {source} expired at {when}. Run `vercel env pull` "
            "again (local tokens last 12 hours), or pass oidc_token_provider= to create_gateway "
            "to refresh it."
        )
    return token
