"""Header merging and the layered user-agent every request carries."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Mapping
from typing import cast

from ai_sdk._version import __version__

__all__ = [
    "RUNTIME_USER_AGENT",
    "SDK_USER_AGENT",
    "HeadersInput",
    "append_user_agent",
    "build_user_agent",
    "combine_headers",
    "normalize_headers",
    "with_user_agent_suffix",
]

SDK_USER_AGENT = f"ai-sdk-python/{__version__}"
"""The user-agent token of this SDK (core), e.g. ``ai-sdk-python/0.1.0``."""

RUNTIME_USER_AGENT = f"runtime/python/{sys.version_info.major}.{sys.version_info.minor}"
"""The user-agent token of the runtime, e.g. ``runtime/python/3.11``."""

HeadersInput = Mapping[str, str | None] | Iterable[tuple[str, str | None]] | None
"""Headers as a mapping (``httpx.Headers`` included) or pairs; ``None`` values mean "absent"."""


def normalize_headers(headers: HeadersInput) -> dict[str, str]:
    """A plain dict with lower-case keys, entries whose value is ``None`` left out."""
    if headers is None:
        return {}
    items: Iterable[tuple[str, str | None]]
    if isinstance(headers, Mapping):
        items = cast("Mapping[str, str | None]", headers).items()
    else:
        items = headers
    return {key.lower(): value for key, value in items if value is not None}


def combine_headers(*headers: Mapping[str, str | None] | None) -> dict[str, str]:
    """Merge header dicts left to right; keys are lower-cased, later values win.

    A later ``None`` value removes the key, so a caller can drop a header a provider sets by
    default. ``None`` arguments are skipped.

    Example:
        >>> combine_headers({"Authorization": "Bearer k", "X-A": "1"}, {"x-a": None, "X-B": "2"})
        {'authorization': 'Bearer k', 'x-b': '2'}
    """
    combined: dict[str, str] = {}
    for group in headers:
        if not group:
            continue
        for key, value in group.items():
            if value is None:
                combined.pop(key.lower(), None)
            else:
                combined[key.lower()] = value
    return combined


def with_user_agent_suffix(headers: HeadersInput, *parts: str) -> dict[str, str]:
    """Normalised ``headers`` with ``parts`` appended (space-separated) to ``user-agent``.

    An existing user-agent (a user's own, say) stays first; empty parts are skipped.
    """
    normalized = normalize_headers(headers)
    append_user_agent(normalized, " ".join(part for part in parts if part))
    return normalized


def append_user_agent(headers: dict[str, str], suffix: str) -> None:
    """Append ``suffix`` to the ``user-agent`` of ``headers`` (lower-case keys), in place.

    An existing user-agent stays first; an empty suffix leaves the value as it is.
    """
    current = headers.get("user-agent", "")
    headers["user-agent"] = f"{current} {suffix}" if current and suffix else current or suffix


@functools.cache
def build_user_agent(*provider_tokens: str) -> str:
    """The SDK's user-agent: ``ai-sdk-python/<v>``, the provider tokens, ``runtime/python/<x.y>``.

    Args:
        provider_tokens: e.g. ``"ai-sdk/gateway/0.1.0"``; empty strings are skipped.
    """
    return " ".join(
        token for token in (SDK_USER_AGENT, *provider_tokens, RUNTIME_USER_AGENT) if token
    )
