"""The HTTP clients of a `_sync` call, which runs on an event loop of the calling thread.

- `BlockingClient` puts an ``httpx.Client`` behind the async interface the SDK calls. Its
  coroutines never suspend: they block the thread for the request and for each chunk read. Only
  a sync call's main task uses it (`ai_sdk._sync.SyncCall.may_block`): the calling thread waits
  on that task anyway, and nothing else runs on its loop, so blocking holds nothing up, and a
  blocking exchange costs a fraction of an async one.
- `PortalClient` lets such a call use a client the user passed in. An async client's connections
  belong to the loop they were opened on, and each thread has its own loop, so the exchange runs
  on the SDK's background loop (the portal), the one loop every sync call shares.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, cast

import httpx

from ai_sdk._sync import portal_loop

__all__ = ["BlockingClient", "PortalClient"]


class _BlockingStream(httpx.AsyncByteStream):
    """A sync response body read through ``aiter_bytes``/``aread``, blocking for each chunk."""

    def __init__(self, stream: httpx.SyncByteStream) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        self._stream.close()


class BlockingClient:
    """An ``httpx.Client`` with the async interface of `AsyncHTTPClient` (see the module)."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    @property
    def is_closed(self) -> bool:
        """Whether the client was closed."""
        return self._client.is_closed

    def build_request(self, method: str, url: Any, **options: Any) -> httpx.Request:
        """``httpx.Client.build_request``."""
        return self._client.build_request(method, url, **options)

    async def send(self, request: httpx.Request, *, stream: bool = False) -> httpx.Response:
        """Send ``request``, blocking; the body is read later unless ``stream`` is false."""
        response = self._client.send(request, stream=True)
        response.stream = _BlockingStream(cast("httpx.SyncByteStream", response.stream))
        if not stream:
            await response.aread()
        return response

    async def aclose(self) -> None:
        """Close the client and its connections."""
        self._client.close()


class PortalClient:
    """A user's async client driven on the portal loop from a sync call (see the module).

    Each response is read whole on the portal before it is handed back, so a streamed response
    (a `stream_text` inside a tool of a sync call, the gateway's video progress) arrives at once
    when it ends: `stream_text_sync` itself runs on the portal and streams as usual. Awaiting the
    exchange does not block the loop, so deadlines and cancellation work as with any other
    client.
    """

    def __init__(self, client: Any) -> None:
        self.wrapped_client = client

    @property
    def is_closed(self) -> bool:
        """Whether the user's client was closed."""
        closed: bool = self.wrapped_client.is_closed
        return closed

    def build_request(self, method: str, url: Any, **options: Any) -> Any:
        """The user's client's ``build_request``."""
        return self.wrapped_client.build_request(method, url, **options)

    async def send(self, request: Any, *, stream: bool = False) -> Any:
        """Send ``request`` and read its response on the portal loop."""
        client = self.wrapped_client

        async def exchange() -> Any:
            response = await client.send(request, stream=True)
            try:
                await response.aread()
            except BaseException:
                await response.aclose()
                raise
            return response

        future = asyncio.run_coroutine_threadsafe(exchange(), portal_loop())
        return await asyncio.wrap_future(future)

    async def aclose(self) -> None:
        """Nothing: the user's client is theirs to close."""
