"""Fetch files whose URLs the model cannot read itself, safely: size cap, no private hosts."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import urllib.request
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import cast
from urllib.parse import urljoin, urlsplit

import httpx

from ai_sdk._version import __version__
from ai_sdk.provider import DownloadError
from ai_sdk.provider_utils import RUNTIME_USER_AGENT

__all__ = [
    "DEFAULT_MAX_DOWNLOAD_BYTES",
    "DownloadFunction",
    "DownloadRequest",
    "DownloadedFile",
    "create_download",
    "validate_download_url",
]

DEFAULT_MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024
"""The default size cap of one downloaded file: 100 MiB."""

_MAX_REDIRECTS = 10


@dataclass(frozen=True, slots=True)
class DownloadRequest:
    """A URL found in a prompt, and whether the model can fetch it itself."""

    url: str
    is_url_supported_by_model: bool


@dataclass(frozen=True, slots=True)
class DownloadedFile:
    """The bytes of a downloaded URL and the media type its server declared."""

    data: bytes
    media_type: str | None


DownloadFunction = Callable[[Sequence[DownloadRequest]], Awaitable[Sequence[DownloadedFile | None]]]
"""Decides, for each URL of a prompt, whether to download it (return the file) or to pass the URL
to the model (return ``None``). Results are in request order; raise `DownloadError` on failure."""


def _is_private_address(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        if address.is_site_local:
            return True
        if address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        elif any(address in prefix for prefix in _NAT64):
            # The last 32 bits are the IPv4 address a NAT64 gateway forwards to.
            address = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or (isinstance(address, ipaddress.IPv4Address) and address in _CGNAT)
    )


_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def validate_download_url(url: str) -> None:
    """Refuse URLs that could reach internal services (SSRF).

    Only ``http``, ``https`` and ``data`` URLs are allowed; ``localhost``, ``*.local``,
    ``*.localhost`` and private, loopback, link-local and reserved IP addresses are refused. The
    check is on the URL text only; the downloads of `create_download` also check every address
    the host resolves to, and connect to a checked one.

    Raises:
        DownloadError: the URL is not allowed.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return
    if scheme not in ("http", "https"):
        raise DownloadError(
            url=url, message=f"URL scheme must be http, https or data, got {scheme or 'none'}:"
        )
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise DownloadError(url=url, message="URL must have a hostname")
    if host == "localhost" or host.endswith((".local", ".localhost")):
        raise DownloadError(url=url, message=f"URL with hostname {host} is not allowed")
    if _is_private_address(host):
        raise DownloadError(url=url, message=f"URL with IP address {host} is not allowed")


async def _pin_to_public_address(request: httpx.Request, url: str) -> None:
    """Send ``request`` to an address its host resolves to, once every address is checked.

    The URL text check cannot see where a host name, or a numeric form such as ``127.1`` or
    ``2130706433``, leads. As upstream's Node fetch does, the name is resolved here, all its
    addresses must be public, and the connection goes to the first one, so that a second DNS
    answer (rebinding) cannot point it elsewhere. The Host header and the TLS server name stay
    the URL's host. Through a proxy (``HTTP_PROXY`` and the like, which httpx follows) the proxy
    resolves the name, so only the URL text is checked.
    """
    target = request.url
    host = target.host
    if _through_proxy(target.scheme, host):
        return
    port = target.port or (443 if target.scheme == "https" else 80)
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        raise DownloadError(url=url, cause=error) from error
    addresses = [str(info[4][0]) for info in found]
    if not addresses:
        raise DownloadError(url=url, message=f"Hostname {host} did not resolve to an address")
    for address in addresses:
        if _is_private_address(address):
            raise DownloadError(
                url=url, message=f"Hostname {host} resolved to disallowed IP address {address}"
            )
    request.url = target.copy_with(host=addresses[0].split("%", 1)[0])
    if target.scheme == "https":
        request.extensions["sni_hostname"] = host


def _through_proxy(scheme: str, host: str) -> bool:
    proxies = urllib.request.getproxies()
    if not (proxies.get(scheme) or proxies.get("all")):
        return False
    return not urllib.request.proxy_bypass(host)


async def _download_one(
    client: httpx.AsyncClient, url: str, *, max_bytes: int, check_url: bool, pin: bool
) -> DownloadedFile:
    current = url
    try:
        for _ in range(_MAX_REDIRECTS + 1):
            if check_url:
                validate_download_url(current)
            try:
                request = client.build_request("GET", current)
            except httpx.InvalidURL as error:
                raise DownloadError(url=url, message=f"Invalid URL: {current}") from error
            if check_url and pin:
                await _pin_to_public_address(request, url)
            response = await client.send(request, stream=True)
            try:
                if response.is_redirect:
                    location = response.headers.get("location")
                    if location is None:
                        raise DownloadError(url=url, message="Redirect without a location header")
                    current = urljoin(current, location)
                    continue
                if response.status_code >= 400:
                    raise DownloadError(
                        url=url,
                        status_code=response.status_code,
                        status_text=response.reason_phrase,
                    )
                declared = response.headers.get("content-length")
                if declared is not None and declared.isdigit() and int(declared) > max_bytes:
                    raise DownloadError(
                        url=url,
                        message=f"Download of {url} exceeds the size limit of {max_bytes} bytes",
                    )
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise DownloadError(
                            url=url,
                            message=f"Download of {url} exceeds the size limit of {max_bytes} "
                            "bytes",
                        )
                    chunks.append(chunk)
                content_type = response.headers.get("content-type")
                return DownloadedFile(data=b"".join(chunks), media_type=content_type)
            finally:
                await response.aclose()
        raise DownloadError(url=url, message=f"Too many redirects downloading {url}")
    except DownloadError:
        raise
    except httpx.HTTPError as error:
        raise DownloadError(url=url, cause=error) from error


async def _gather_or_cancel(
    coroutines: list[Coroutine[object, object, DownloadedFile | None]],
) -> list[DownloadedFile | None]:
    # Unlike asyncio.gather, a failure cancels the other downloads instead of leaving them
    # running against a client that is about to close.
    tasks = [asyncio.ensure_future(c) for c in coroutines]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    finally:
        for task in tasks:
            task.cancel()
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, BaseException) and not isinstance(outcome, asyncio.CancelledError):
            raise outcome
    return cast("list[DownloadedFile | None]", outcomes)


def create_download(
    *,
    max_bytes: int = DEFAULT_MAX_DOWNLOAD_BYTES,
    allow_private_network: bool = False,
    timeout: float = 60.0,
    http_client: httpx.AsyncClient | None = None,
) -> DownloadFunction:
    """The default `DownloadFunction`, configurable: URLs the model supports are passed through,
    the others are fetched in parallel with httpx.

    Args:
        max_bytes: the size cap of each file; a larger file raises `DownloadError`.
        allow_private_network: also fetch from localhost and private addresses (off by default
            because prompt URLs may come from untrusted users).
        timeout: seconds for each download.
        http_client: the client to fetch with; by default a short-lived one per batch, which
            connects only to a checked address of each host (a host name, or a numeric form
            such as ``127.1``, that resolves to a private address is refused). Through a proxy
            from the environment, which resolves names itself, and through your own client,
            only the URL text is checked, as upstream leaves an injected fetch to do its own
            connect-time checks.
    """

    async def download(requests: Sequence[DownloadRequest]) -> list[DownloadedFile | None]:
        wanted = [r for r in requests if not r.is_url_supported_by_model]
        if not wanted:
            return [None] * len(requests)
        headers = {"user-agent": f"ai/{__version__} {RUNTIME_USER_AGENT}"}

        async def fetch_all(client: httpx.AsyncClient) -> list[DownloadedFile | None]:
            async def one(request: DownloadRequest) -> DownloadedFile | None:
                if request.is_url_supported_by_model:
                    return None
                return await _download_one(
                    client,
                    request.url,
                    max_bytes=max_bytes,
                    check_url=not allow_private_network,
                    pin=http_client is None,
                )

            return await _gather_or_cancel([one(r) for r in requests])

        if http_client is not None:
            return await fetch_all(http_client)
        # No kept connections: one made for a host's TLS name must not serve another host
        # that resolved to the same pinned address.
        async with httpx.AsyncClient(
            timeout=timeout,
            headers=headers,
            follow_redirects=False,
            limits=httpx.Limits(max_keepalive_connections=0),
        ) as client:
            return await fetch_all(client)

    return download


default_download: DownloadFunction = create_download()
