"""The HTTP libraries a client may come from: httpx (our dependency) and httpx2.

httpx2 continues httpx under another import name with the same API, and much of the Python LLM
ecosystem (openai, anthropic, the `mcp` SDK) moved to it, so a user's ``httpx2.AsyncClient``
must work wherever an ``httpx.AsyncClient`` does. Only what is not duck-typed differs between the
two: the "use the client's default" sentinel, `Timeout` objects, and the exception classes. This
module answers those per client, and never imports httpx2 itself: a program that passes an
httpx2 client has imported it already.
"""

from __future__ import annotations

import functools
import sys
from types import ModuleType
from typing import Any, Literal, TypeAlias

import httpx

__all__ = [
    "FailureKind",
    "failure_kind",
    "http_error_types",
    "is_http_error_of",
    "library_of",
    "request_timeout_for",
    "scrub",
]

_PACKAGES = ("httpx", "httpx2")


def library_of(client: object) -> ModuleType:
    """The module of ``client``'s library (httpx2 for an ``httpx2.AsyncClient`` or a subclass
    of it, httpx otherwise); for a client the SDK wraps, its ``wrapped_client``'s."""
    inner: object = getattr(client, "wrapped_client", client)
    return _library_of_class(type(inner))


@functools.cache
def _library_of_class(client_class: type) -> ModuleType:
    # Asked on every request; a program has few client classes.
    for cls in client_class.__mro__:
        if cls.__module__.partition(".")[0] == "httpx2":
            return sys.modules["httpx2"]
    return httpx


def request_timeout_for(library: ModuleType, timeout: httpx.Timeout | float | None) -> Any:
    """``timeout`` as ``library``'s ``build_request`` takes it (``None``: the client's own)."""
    if timeout is None:
        return library.USE_CLIENT_DEFAULT
    if library is not httpx and isinstance(timeout, httpx.Timeout):
        return library.Timeout(**timeout.as_dict())
    return timeout


def _loaded() -> list[ModuleType]:
    return [module for name in _PACKAGES if (module := sys.modules.get(name)) is not None]


def http_error_types() -> tuple[type[BaseException], ...]:
    """The transport failures of every loaded library (``HTTPError`` and ``InvalidURL``, and
    aiohttp's ``ClientError``, which its httpx transport lets through for some failures), for
    ``except http_error_types() as error:``; the tuple is built only when something was raised."""
    types: list[type[BaseException]] = [
        cls for module in _loaded() for cls in (module.HTTPError, module.InvalidURL)
    ]
    aiohttp = sys.modules.get("aiohttp")
    if aiohttp is not None:
        types.append(aiohttp.ClientError)
    return tuple(types)


def is_http_error_of(error: BaseException, *names: str) -> bool:
    """Whether ``error`` is an instance of one of the classes ``names`` (e.g.
    ``"TimeoutException"``) of any loaded library."""
    return any(isinstance(error, getattr(module, name)) for module in _loaded() for name in names)


def scrub(error: BaseException) -> None:
    """Drop the request headers an aiohttp error (or an aiohttp cause of an httpx error) carries.

    aiohttp's ``ClientResponseError`` keeps the whole request, ``authorization`` header
    included, in ``request_info``, and shows it in its ``repr``: chained to an SDK error, the API
    key would reach logs and error reports. The headers are replaced by an empty set; the URL
    and method stay.
    """
    for item in (error, error.__cause__, error.__context__):
        info = getattr(item, "request_info", None)
        if item is None or info is None or not type(item).__module__.startswith("aiohttp"):
            continue
        try:
            item.request_info = info._replace(headers={})  # pyright: ignore[reportAttributeAccessIssue]
        except (AttributeError, TypeError):  # pragma: no cover - another aiohttp layout
            item.request_info = None  # pyright: ignore[reportAttributeAccessIssue]


FailureKind: TypeAlias = Literal["timeout", "network", "url", "other"]


def failure_kind(error: BaseException) -> FailureKind:
    """What a transport failure of any backend is: a ``timeout``, a ``network`` failure
    (connect/read/write errors, the peer closing the connection, proxies, a broken response), a
    bad ``url``, or ``other``.

    httpx-aiohttp reports every aiohttp connection failure (refused, reset, TLS) as
    ``ConnectTimeout``, and lets a few aiohttp errors through as they are: those are network
    failures, as the same faults are on the other backends.
    """
    cause = error.__cause__
    from_aiohttp = type(error).__module__.startswith("aiohttp") or (
        cause is not None and type(cause).__module__.startswith("aiohttp")
    )
    if is_http_error_of(error, "TimeoutException"):
        return "network" if from_aiohttp and not isinstance(cause, TimeoutError) else "timeout"
    if is_http_error_of(error, "NetworkError", "RemoteProtocolError", "ProxyError"):
        return "network"
    if is_http_error_of(error, "InvalidURL", "UnsupportedProtocol"):
        return "url"
    return "network" if from_aiohttp else "other"
