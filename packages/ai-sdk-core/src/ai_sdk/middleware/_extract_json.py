"""Strip Markdown code fences from JSON a model wrapped in them (```json ... ```).

Models asked for JSON often answer in a fenced block; structured output needs the bare JSON.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ai_sdk.middleware._streams import rewriting_middleware
from ai_sdk.provider import (
    Content,
    LanguageModelMiddleware,
    StreamPart,
    TextContent,
    TextDelta,
    TextEnd,
    TextStart,
)

__all__ = ["extract_json_middleware"]

_OPENING_FENCE = re.compile(r"\A```(?:json)?\s*\n?")
_COMPLETE_OPENING_FENCE = re.compile(r"\A```(?:json)?\s*\n")
_CLOSING_FENCE = re.compile(r"\n?```\s*\Z")
_HOLD_BACK = 12
"""Characters kept back while streaming, enough to hold a closing fence and trailing space."""


def _strip_fences(text: str) -> str:
    return _CLOSING_FENCE.sub("", _OPENING_FENCE.sub("", text, count=1), count=1).strip()


def _strip_closing_fence(text: str) -> str:
    return _CLOSING_FENCE.sub("", text, count=1).rstrip()


@dataclass(slots=True)
class _Block:
    start: TextStart
    phase: Literal["prefix", "streaming", "buffering"]
    buffer: str = ""
    prefix_stripped: bool = False


def extract_json_middleware(
    *, transform: Callable[[str], str] | None = None
) -> LanguageModelMiddleware:
    """Middleware that removes Markdown code fences around JSON text.

    In streams, the opening fence is removed as soon as its line is complete and text flows
    on, holding back only the last few characters in case they are the closing fence. A custom
    ``transform`` sees the whole text, so with one each text block is sent at its end.

    Args:
        transform: Replaces the default clean-up (strip a leading ```` ``` ```` or
            ```` ```json ```` line and a trailing ```` ``` ````, then surrounding whitespace).
    """
    clean = transform or _strip_fences
    buffer_all = transform is not None

    def rewrite_content(content: Sequence[Content]) -> list[Content]:
        return [
            dataclasses.replace(item, text=clean(item.text))
            if isinstance(item, TextContent)
            else item
            for item in content
        ]

    def feed(blocks: dict[str, _Block], part: StreamPart) -> list[StreamPart]:
        if isinstance(part, TextStart):
            blocks[part.id] = _Block(part, "buffering" if buffer_all else "prefix")
            return []
        if isinstance(part, TextDelta):
            block = blocks.get(part.id)
            if block is None:
                return [part]
            block.buffer += part.delta
            out: list[StreamPart] = []
            if block.phase == "prefix":
                text = block.buffer
                if text.startswith("```"):
                    if "\n" in text:
                        # The fence line is complete: drop it (if it is one) and stream on.
                        match = _COMPLETE_OPENING_FENCE.match(text)
                        if match:
                            block.buffer = text[match.end() :]
                            block.prefix_stripped = True
                        block.phase = "streaming"
                elif text and (not text.startswith("`") or len(text) >= 3):
                    block.phase = "streaming"
                if block.phase == "streaming":
                    out.append(block.start)
            if block.phase != "streaming":
                return out
            text = block.buffer
            if "`" not in text:
                # No fence can be in the text, and at the end only trailing whitespace would
                # be removed: hold back just that, and pass an untouched part on as it is.
                ready = text.rstrip()
                if ready == part.delta:
                    out.append(part)
                elif ready:
                    out.append(TextDelta(id=part.id, delta=ready))
                block.buffer = text[len(ready) :]
            elif len(text) > _HOLD_BACK:
                out.append(TextDelta(id=part.id, delta=text[:-_HOLD_BACK]))
                block.buffer = text[-_HOLD_BACK:]
            return out
        if isinstance(part, TextEnd) and part.id in blocks:
            block = blocks.pop(part.id)
            out = []
            if block.phase != "streaming":
                out.append(block.start)
            if block.phase == "streaming":
                # Text already sent may end in meaningful whitespace: only the fence goes.
                rest = _strip_closing_fence(block.buffer)
            else:
                rest = clean(block.buffer)
            if rest:
                out.append(TextDelta(id=part.id, delta=rest))
            out.append(part)
            return out
        return [part]

    def new_feed() -> Callable[[StreamPart], list[StreamPart]]:
        return functools.partial(feed, {})

    return rewriting_middleware(rewrite_content, new_feed)
