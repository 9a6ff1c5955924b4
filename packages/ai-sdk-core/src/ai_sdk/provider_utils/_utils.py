"""Small helpers providers share: URLs, optional entries, lazy values, URL support checks."""

from __future__ import annotations

import inspect
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TypeAlias, TypeVar, cast

from ai_sdk.provider._errors import get_error_message

__all__ = [
    "Resolvable",
    "get_error_message",
    "is_url_supported",
    "remove_none_entries",
    "resolve",
    "without_trailing_slash",
]

T = TypeVar("T")
V = TypeVar("V")

Resolvable: TypeAlias = T | Awaitable[T] | Callable[[], T] | Callable[[], Awaitable[T]]
"""A value, an awaitable of it, or a zero-argument function (sync or async) returning it."""


def without_trailing_slash(url: str | None) -> str | None:
    """``url`` without one trailing ``/`` (``None`` stays ``None``)."""
    if url is None:
        return None
    return url[:-1] if url.endswith("/") else url


def remove_none_entries(record: Mapping[str, V | None]) -> dict[str, V]:
    """A copy of ``record`` without the entries whose value is ``None``."""
    return {key: value for key, value in record.items() if value is not None}


async def resolve(value: Resolvable[T]) -> T:
    """The value behind ``value``: calls a function, then awaits an awaitable.

    Providers accept e.g. ``api_key=`` or ``headers=`` as a plain value, a function, or an async
    function (to fetch a token per request); this unwraps all of them. A function value is
    always called, so wrap a function you want returned as is in a lambda.
    """
    result: object = value() if callable(value) else value
    if inspect.isawaitable(result):
        result = await result
    return cast("T", result)


def is_url_supported(
    media_type: str, url: str, supported_urls: Mapping[str, Sequence[re.Pattern[str]]]
) -> bool:
    """Whether the model can fetch ``url`` itself instead of the SDK downloading it.

    Args:
        media_type: the file's media type (``image/png``), wildcard (``image/*``) or top-level
            type only (``image``).
        url: the URL.
        supported_urls: media type (``"*"``, ``"*/*"``, ``"image/*"`` or full) to URL patterns,
            as a model's ``supported_urls`` declares them; patterns are searched case-blind
            (both sides lower-cased), anchored by the pattern itself.
    """
    url = url.lower()
    media_type = media_type.lower()
    top_level_only = "/" not in media_type
    for key, patterns in supported_urls.items():
        key = key.lower()
        prefix = "" if key in ("*", "*/*") else key.replace("*", "", 1)
        if prefix:
            matched = (
                f"{media_type}/" == prefix if top_level_only else media_type.startswith(prefix)
            )
            if not matched:
                continue
        if any(pattern.search(url) for pattern in patterns):
            return True
    return False
