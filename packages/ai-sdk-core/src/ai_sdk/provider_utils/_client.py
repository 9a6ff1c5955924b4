"""The one HTTP client a provider instance reuses: created lazily, or the user's."""

from __future__ import annotations

import asyncio
import contextlib
import http.cookiejar
import importlib
import os
import threading
import weakref
from collections.abc import Callable
from typing import Any, Protocol

import httpx

from ai_sdk._sync import SyncCall, portal_loop, sync_call
from ai_sdk.provider._errors import InvalidArgumentError
from ai_sdk.provider_utils._closing import AsyncClosing
from ai_sdk.provider_utils._sync_http import BlockingClient, PortalClient

__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncHTTPClient",
    "HTTPClientHolder",
    "create_http_client",
]

DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=10.0)
"""Ten minutes per read/write/pool wait and ten seconds to connect.

httpx's own default (5 s) is far too short for a model that thinks before its first token; the
read timeout bounds the gap between two received chunks, not the whole response.
"""


class _NoCookies(http.cookiejar.CookieJar):
    """A jar that keeps nothing, for the clients the SDK creates.

    Fetch in Node, the TS SDK's transport, keeps no cookies, so a provider's ``Set-Cookie`` is
    never sent back on a later call; httpx's default jar would, and parsing every response's
    headers for it is a measurable share of a short call (bench/README.md, W1).
    """

    def extract_cookies(self, response: Any, request: Any) -> None:
        """Ignore the response's cookies."""

    def set_cookie(self, cookie: http.cookiejar.Cookie) -> None:
        """Ignore the cookie."""


class AsyncHTTPClient(Protocol):
    """What the SDK calls on an HTTP client: an ``httpx.AsyncClient`` (or a subclass, such as
    ``httpx_aiohttp.HttpxAiohttpClient``) or an ``httpx2.AsyncClient``."""

    @property
    def is_closed(self) -> bool: ...

    def build_request(
        self, method: str, url: Any, *, content: Any = ..., headers: Any = ..., timeout: Any = ...
    ) -> Any: ...

    async def send(self, request: Any, *, stream: bool = ...) -> Any: ...

    async def aclose(self) -> None: ...


_BACKENDS = {
    # name: (module, client class, the extra that installs it)
    "httpx": ("httpx", "AsyncClient", None),
    "httpx2": ("httpx2", "AsyncClient", "httpx2"),
    "aiohttp": ("httpx_aiohttp", "HttpxAiohttpClient", "aiohttp"),
}


def create_http_client(backend: str | None = None) -> AsyncHTTPClient:
    """A new client with `DEFAULT_TIMEOUT`, the kind providers create for themselves. It keeps
    no cookies, as fetch in Node does not.

    Args:
        backend: ``"httpx"``, ``"httpx2"`` (an ``httpx2.AsyncClient``) or ``"aiohttp"`` (httpx
            on aiohttp's transport, ``httpx_aiohttp.HttpxAiohttpClient``); ``None`` reads the
            ``AI_SDK_HTTP_BACKEND`` environment variable, ``httpx`` when it is not set.

    Raises:
        InvalidArgumentError: an unknown backend, or one whose package is not installed (the
            message names the extra that installs it).
    """
    name = (backend or os.environ.get("AI_SDK_HTTP_BACKEND") or "httpx").strip()
    name = name.lower()
    if name not in _BACKENDS:
        raise InvalidArgumentError(
            f"unknown HTTP backend {name!r}; use one of {sorted(_BACKENDS)}",
            parameter="AI_SDK_HTTP_BACKEND",
            value=name,
        )
    module_name, class_name, extra = _BACKENDS[name]
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise InvalidArgumentError(
            f"the {name!r} HTTP backend needs {module_name}: pip install 'ai-sdk-core[{extra}]'",
            parameter="AI_SDK_HTTP_BACKEND",
            value=name,
        ) from error
    timeout: Any = DEFAULT_TIMEOUT
    if module_name == "httpx2":
        timeout = module.Timeout(**DEFAULT_TIMEOUT.as_dict())
    client: AsyncHTTPClient = getattr(module, class_name)(timeout=timeout, cookies=_NoCookies())
    return client


class HTTPClientHolder(AsyncClosing):
    """Gives a provider its HTTP client: the user's, or one it creates on first use.

    A client it creates is owned: `aclose` closes it. A user-supplied client is never closed here,
    since the user may share it. Connection pools are bound to an event loop, so an owned client
    is created per running loop; in the usual one-loop program that is a single client.

    A `_sync` call runs on its calling thread's loop (`ai_sdk._sync.run_here`). There, the
    requests it makes in sequence go through one blocking ``httpx.Client`` that the holder owns
    and shares between threads (`BlockingClient`), while requests made concurrently (parallel
    batches, tools), and any request through a user-supplied client, are made on the SDK's
    background loop with its async client (`PortalClient`): a thread's loop idles between its
    calls, so connections bound to it could be neither reused nor closed.

    Args:
        client: a user-supplied client (proxies, mTLS, custom transports), from httpx or
            httpx2; used as is.
        timeout: applied to every request when given (also with a user-supplied client);
            otherwise the client's own timeout applies, `DEFAULT_TIMEOUT` for an owned client.
        factory: builds each owned client; by default `create_http_client` (the backend
            ``AI_SDK_HTTP_BACKEND`` names, httpx when it is not set). With a factory, sync
            calls use its clients too (through the background loop), not a blocking one.

    Example:
        >>> holder = HTTPClientHolder()
        >>> async def call():
        ...     client = holder.get()  # the same client on every call in this loop
        ...     ...
        ...     await holder.aclose()
    """

    def __init__(
        self,
        client: AsyncHTTPClient | None = None,
        *,
        timeout: httpx.Timeout | float | None = None,
        factory: Callable[[], AsyncHTTPClient] | None = None,
    ) -> None:
        self._user_client = client
        self._timeout = timeout
        self._factory = factory
        self._owned: dict[int, tuple[weakref.ref[asyncio.AbstractEventLoop], AsyncHTTPClient]]
        self._owned = {}
        self._blocking: BlockingClient | None = None
        self._lock = threading.Lock()

    @property
    def owns_client(self) -> bool:
        """Whether the clients handed out are created (and closed) here."""
        return self._user_client is None

    @property
    def request_timeout(self) -> httpx.Timeout | None:
        """The per-request timeout to pass to `post_json`: the ``timeout=`` given, or ``None``
        for the client's own default."""
        if self._timeout is None or isinstance(self._timeout, httpx.Timeout):
            return self._timeout
        return httpx.Timeout(self._timeout)

    def get(self) -> AsyncHTTPClient:
        """The client for the running event loop (created now if needed)."""
        call = sync_call()
        if call is not None:
            return self._for_sync_call(call)
        if self._user_client is not None:
            return self._user_client
        # RuntimeError outside async code, as httpx would raise
        return self._owned_for(asyncio.get_running_loop())

    def _for_sync_call(self, call: SyncCall) -> AsyncHTTPClient:
        if self._user_client is None and self._factory is None and call.may_block():
            return self._blocking_client()
        # Every other request of a sync call is made on the portal: a thread's loop idles
        # between its calls, so connections bound to it could be neither reused nor closed.
        return PortalClient(self._user_client or self._owned_for(portal_loop()))

    def _blocking_client(self) -> BlockingClient:
        client = self._blocking
        if client is None or client.is_closed:
            with self._lock:
                client = self._blocking
                if client is None or client.is_closed:
                    client = BlockingClient(
                        httpx.Client(timeout=DEFAULT_TIMEOUT, cookies=_NoCookies())
                    )
                    self._blocking = client
        return client

    def _owned_for(self, loop: asyncio.AbstractEventLoop) -> AsyncHTTPClient:
        key = id(loop)
        entry = self._owned.get(key)
        if entry is not None and entry[0]() is loop and not entry[1].is_closed:
            return entry[1]
        with self._lock:  # sync calls on several threads may ask for the portal's at once
            entry = self._owned.get(key)
            if entry is not None and entry[0]() is loop and not entry[1].is_closed:
                return entry[1]
            self._forget_dead_loops()
            client = self._factory() if self._factory is not None else create_http_client()
            self._owned[key] = (weakref.ref(loop), client)
            return client

    def _forget_dead_loops(self) -> None:
        for key, (loop_ref, _client) in list(self._owned.items()):
            loop = loop_ref()
            if loop is None or loop.is_closed():
                # Its connections died with the loop; nothing can be awaited on it any more.
                del self._owned[key]

    async def aclose(self) -> None:
        """Close the owned clients (a user-supplied client is left open)."""
        owned, self._owned = self._owned, {}
        blocking, self._blocking = self._blocking, None
        if blocking is not None:
            await blocking.aclose()
        try:
            current = asyncio.get_running_loop()
        except RuntimeError:  # pragma: no cover - aclose is always awaited
            current = None
        for loop_ref, client in owned.values():
            loop = loop_ref()
            if loop is None or loop.is_closed():
                continue
            if loop is current:
                await client.aclose()
            elif loop.is_running():
                future = asyncio.run_coroutine_threadsafe(client.aclose(), loop)
                with contextlib.suppress(Exception):
                    await asyncio.wrap_future(future)
