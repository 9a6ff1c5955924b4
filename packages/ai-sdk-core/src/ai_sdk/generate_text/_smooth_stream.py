"""`smooth_stream`: re-chunk streamed text into words or lines with a small delay between them."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Literal, TypeAlias, cast

from ai_sdk.generate_text._parts import ReasoningDeltaPart, TextDeltaPart, TextStreamPart
from ai_sdk.generate_text._stream_result import StreamTransform
from ai_sdk.provider import InvalidArgumentError, ProviderMetadata

__all__ = ["ChunkDetector", "smooth_stream"]

ChunkDetector: TypeAlias = Callable[[str], str | None]
"""Returns the first chunk of the buffer (a non-empty prefix of it), or ``None`` to wait."""

_PATTERNS = {"word": re.compile(r"\S+\s+"), "line": re.compile(r"\n+")}


def _detector(chunking: Literal["word", "line"] | re.Pattern[str] | ChunkDetector) -> ChunkDetector:
    if isinstance(chunking, str):
        pattern = _PATTERNS.get(chunking)
        if pattern is None:
            raise InvalidArgumentError(
                'chunking must be "word", "line", a compiled regex or a function; '
                f"got {chunking!r}",
                argument="chunking",
            )
    elif isinstance(chunking, re.Pattern):
        pattern = chunking
    else:
        custom = chunking

        def detect_custom(buffer: str) -> str | None:
            match = custom(buffer)
            if match is None:
                return None
            if not match:
                raise ValueError("A chunking function must return a non-empty string or None.")
            if not buffer.startswith(match):
                raise ValueError(
                    f"A chunking function must return a prefix of the buffer; got {match!r} "
                    f"for {buffer[:50]!r}."
                )
            return match

        return detect_custom

    def detect(buffer: str) -> str | None:
        found = pattern.search(buffer)
        return None if found is None else buffer[: found.end()]

    return detect


def smooth_stream(
    *,
    delay: float | None = 0.01,
    chunking: Literal["word", "line"] | re.Pattern[str] | ChunkDetector = "word",
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> StreamTransform:
    """A stream transform that emits text and reasoning in even chunks (words by default).

    Deltas are buffered and released a chunk at a time with ``delay`` seconds between chunks;
    the buffer is flushed when the block changes or any other part arrives. Pass it as
    ``stream_text(..., transform=smooth_stream())``.

    Args:
        delay: seconds between chunks; ``None`` for no delay.
        chunking: ``"word"``, ``"line"``, a compiled regex (a chunk ends where it matches), or a
            function returning the first chunk of the buffer.
        sleep: the sleep function (inject a fake one in tests).
    """
    detect = _detector(chunking)

    async def transform(parts: AsyncIterator[TextStreamPart]) -> AsyncIterator[TextStreamPart]:
        buffer = ""
        block_id = ""
        kind: type[TextDeltaPart] | type[ReasoningDeltaPart] | None = None
        metadata: ProviderMetadata | None = None

        def flush() -> TextStreamPart | None:
            nonlocal buffer, metadata
            if not buffer or kind is None:
                return None
            part = kind(block_id, buffer, metadata)
            buffer = ""
            metadata = None
            return part

        try:
            async for part in parts:
                if not isinstance(part, TextDeltaPart | ReasoningDeltaPart):
                    pending = flush()
                    if pending is not None:
                        yield pending
                    yield part
                    continue
                if buffer and (part.__class__ is not kind or part.id != block_id):
                    pending = flush()
                    if pending is not None:
                        yield pending
                buffer += part.text
                block_id = part.id
                kind = cast("type[TextDeltaPart] | type[ReasoningDeltaPart]", part.__class__)
                if part.provider_metadata is not None:
                    metadata = part.provider_metadata
                while (chunk := detect(buffer)) is not None:
                    yield kind(block_id, chunk)
                    buffer = buffer[len(chunk) :]
                    if delay is not None:
                        await sleep(delay)
            pending = flush()
            if pending is not None:
                yield pending
        finally:
            aclose = getattr(parts, "aclose", None)
            if aclose is not None:
                await aclose()

    return transform
