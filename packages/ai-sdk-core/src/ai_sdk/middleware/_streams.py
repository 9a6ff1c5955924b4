"""Helpers the stream-rewriting middlewares share: tag search and closing the inner stream."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any, cast

from ai_sdk.provider import StreamPart

__all__ = ["aclose", "potential_start"]


def potential_start(text: str, tag: str) -> int | None:
    """Where ``tag`` starts in ``text``, or where a prefix of it begins at the end of ``text``.

    ``None`` means all of ``text`` can be published: no tag is in it or can be completed by the
    next chunk. Of the partial matches at the end, the longest wins so no possible tag is missed.
    """
    if not tag:
        return None
    index = text.find(tag)
    if index != -1:
        return index
    for start in range(max(0, len(text) - len(tag) + 1), len(text)):
        if tag.startswith(text[start:]):
            return start
    return None


async def aclose(stream: AsyncIterator[StreamPart]) -> None:
    """Close an async iterator if it can be closed (async generators can), releasing its HTTP
    response when the consumer stops early."""
    close = getattr(stream, "aclose", None)
    if close is not None:
        await cast("Callable[[], Coroutine[Any, Any, None]]", close)()
