"""Fetch files whose URLs the model cannot read itself, safely: size cap, no private hosts."""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
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


def _ip_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    host = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if not _LEGACY_IPV4.fullmatch(host):
        return None
    # The forms URL parsers and the resolver still read as IPv4 (``127.1``, ``2130706433``,
    # ``0x7f.1``, ``0177.0.0.1``): upstream's WHATWG parser turns them into addresses too.
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _is_private_address(host: str) -> bool:
    address = _ip_address(host)
    if address is None:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        if address.is_site_local or address in _DOCUMENTATION_V6:
            return True
        # Forms that carry an IPv4 address a gateway forwards to: judge that address.
        if address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        elif address.sixtofour is not None:
            address = address.sixtofour
        elif address.teredo is not None:
            address = address.teredo[1]
        elif any(address in prefix for prefix in _NAT64):
            address = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    elif address in _CGNAT or address in _IETF_PROTOCOL:
        return True
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


_LEGACY_IPV4 = re.compile(r"[0-9a-fA-FxX.]+")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_IETF_PROTOCOL = ipaddress.ip_network("192.0.0.0/24")
_DOCUMENTATION_V6 = ipaddress.ip_network("3fff::/20")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
# Full stops that IDNA maps to ".", which httpx does before it connects.
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def validate_download_url(url: str) -> None:
    """Refuse URLs that could reach internal services (SSRF).

    Only ``http``, ``https`` and ``data`` URLs are allowed; ``localhost``, ``*.local``,
    ``*.localhost`` and private, loopback, link-local and reserved IP addresses are refused. The
    check is on the URL text only; the downloads of `create_download` also check every address
    the host resolves to, and connect to a checked one.

    Raises:
        DownloadError: the URL is not allowed.
    """
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError as error:  # an unclosed "[", say
        raise DownloadError(url=url, message=f"Invalid URL: {url}") from error
    scheme = parts.scheme.lower()
    if scheme == "data":
        return
    if scheme not in ("http", "https"):
        raise DownloadError(
            url=url, message=f"URL scheme must be http, https or data, got {scheme or 'none'}:"
        )
    host = (hostname or "").translate(_DOTS).rstrip(".").lower()
    if not host:
        raise DownloadError(url=url, message="URL must have a hostname")
    if host == "localhost" or host.endswith((".local", ".localhost")):
        raise DownloadError(url=url, message=f"URL with hostname {host} is not allowed")
    if _is_private_address(host):
        raise DownloadError(url=url, message=f"URL with IP address {host} is not allowed")


async def _checked_addresses(
    target: httpx.URL, url: str, *, public_only: bool, resolve_within: float | None
) -> list[str]:
    """The addresses ``target``'s host resolves to, all public when ``public_only``.

    The URL text check cannot see where a host name leads; as upstream's Node fetch does, the
    name is resolved here and the connection goes to an address that was checked (`_send_to`),
    so that a second DNS answer (rebinding) cannot point it elsewhere.
    """
    host = target.raw_host.decode("ascii")  # IDNA 2008, as httpx sends it in Host
    port = target.port or (443 if target.scheme == "https" else 80)
    try:
        async with asyncio.timeout(resolve_within):
            found = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
    except (OSError, TimeoutError) as error:
        raise DownloadError(url=url, cause=error) from error
    addresses = list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in found))
    if not addresses:
        raise DownloadError(url=url, message=f"Hostname {host} did not resolve to an address")
    for address in addresses:
        if public_only and _is_private_address(address):
            raise DownloadError(
                url=url, message=f"Hostname {host} resolved to disallowed IP address {address}"
            )
    return addresses


async def _send_to(
    client: httpx.AsyncClient, request: httpx.Request, addresses: list[str]
) -> httpx.Response:
    """Send ``request`` to each address in turn until one accepts the connection; the Host
    header (set when the request was built) and the TLS server name stay the URL's host."""
    target = request.url
    if target.scheme == "https":
        request.extensions["sni_hostname"] = target.raw_host.decode("ascii")
    for address in addresses[:-1]:
        request.url = target.copy_with(host=address)
        try:
            return await client.send(request, stream=True)
        except httpx.ConnectError:
            continue  # as httpx's own connect would, try the next address
    request.url = target.copy_with(host=addresses[-1])
    return await client.send(request, stream=True)


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
            if pin:
                addresses = await _checked_addresses(
                    request.url, url, public_only=check_url, resolve_within=client.timeout.connect
                )
                response = await _send_to(client, request, addresses)
            else:
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
            such as ``127.1``, that resolves to a private address is refused) and does not use
            proxies from the environment (``HTTP_PROXY``), as fetch in Node does not. Through
            your own client (for a proxy, say) only the URL text is checked, as upstream leaves
            an injected fetch to do its own connect-time checks.
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
        # that resolved to the same pinned address. A transport of our own also keeps httpx
        # from routing through proxies from the environment (as fetch in Node does not), which
        # would resolve names where they cannot be checked; `SSL_CERT_FILE` still applies.
        transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
        async with httpx.AsyncClient(
            transport=transport, timeout=timeout, headers=headers, follow_redirects=False
        ) as client:
            return await fetch_all(client)

    return download


default_download: DownloadFunction = create_download()
