"""The one `httpx.AsyncClient` a provider instance reuses: created lazily, or the user's."""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import Callable

import httpx

from ai_sdk.provider_utils._closing import AsyncClosing

__all__ = ["DEFAULT_TIMEOUT", "HTTPClientHolder"]

DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=10.0)
"""Ten minutes per read/write/pool wait and ten seconds to connect.

httpx's own default (5 s) is far too short for a model that thinks before its first token; the
read timeout bounds the gap between two received chunks, not the whole response.
"""


class HTTPClientHolder(AsyncClosing):
    """Gives a provider its `httpx.AsyncClient`: the user's, or one it creates on first use.

    A client it creates is owned: `aclose` closes it. A user-supplied client is never closed here,
    since the user may share it. Connection pools are bound to an event loop, so an owned client
    is created per running loop (the sync twins run on their own loop); in the usual one-loop
    program that is a single client.

    Args:
        client: a user-supplied client (proxies, mTLS, custom transports); used as is.
        timeout: applied to every request when given (also with a user-supplied client);
            otherwise the client's own timeout applies, `DEFAULT_TIMEOUT` for an owned client.
        factory: builds each owned client; by default
            ``httpx.AsyncClient(timeout=DEFAULT_TIMEOUT)``.

    Example:
        >>> holder = HTTPClientHolder()
        >>> async def call():
        ...     client = holder.get()  # the same client on every call in this loop
        ...     ...
        ...     await holder.aclose()
    """

    def __init__(
        self,
        client: httpx.AsyncClient | None = None,
        *,
        timeout: httpx.Timeout | float | None = None,
        factory: Callable[[], httpx.AsyncClient] | None = None,
    ) -> None:
        self._user_client = client
        self._timeout = timeout
        self._factory = factory
        self._owned: dict[int, tuple[weakref.ref[asyncio.AbstractEventLoop], httpx.AsyncClient]]
        self._owned = {}

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

    def get(self) -> httpx.AsyncClient:
        """The client for the running event loop (created now if needed)."""
        if self._user_client is not None:
            return self._user_client
        loop = asyncio.get_running_loop()  # RuntimeError outside async code, as httpx would
        key = id(loop)
        entry = self._owned.get(key)
        if entry is not None and entry[0]() is loop and not entry[1].is_closed:
            return entry[1]
        self._forget_dead_loops()
        client = self._factory() if self._factory is not None else self._new_client()
        self._owned[key] = (weakref.ref(loop), client)
        return client

    @staticmethod
    def _new_client() -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=DEFAULT_TIMEOUT)

    def _forget_dead_loops(self) -> None:
        for key, (loop_ref, _client) in list(self._owned.items()):
            loop = loop_ref()
            if loop is None or loop.is_closed():
                # Its connections died with the loop; nothing can be awaited on it any more.
                del self._owned[key]

    async def aclose(self) -> None:
        """Close the owned clients (a user-supplied client is left open)."""
        owned, self._owned = self._owned, {}
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
