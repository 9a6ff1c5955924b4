"""Move ``<think>...</think>``-style reasoning out of a model's text into reasoning content.

Open-weight models (DeepSeek R1, Qwen, ...) served through OpenAI-compatible servers often write
their reasoning into the text inside a tag; this turns it into proper reasoning parts.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ai_sdk.middleware._streams import potential_start, rewriting_middleware
from ai_sdk.provider import (
    Content,
    LanguageModelMiddleware,
    ReasoningContent,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningStart,
    StreamPart,
    TextContent,
    TextDelta,
    TextEnd,
    TextStart,
)

__all__ = ["extract_reasoning_middleware"]


def _split_text(text: str, pattern: re.Pattern[str], separator: str) -> tuple[str, str] | None:
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    reasoning = separator.join(match.group(1) for match in matches)
    remaining = text
    for match in reversed(matches):
        before, after = remaining[: match.start()], remaining[match.end() :]
        remaining = before + (separator if before and after else "") + after
    return reasoning, remaining


@dataclass(slots=True)
class _Block:
    """Extraction state of one text block (by text id)."""

    reasoning: bool
    pending_start: TextStart | None
    buffer: str = ""
    reasoning_id: str | None = None
    """The id of the reasoning block being written, if one is open."""
    wrote_text: bool = False
    wrote_reasoning: bool = False
    after_switch: bool = False


class _Extractor:
    def __init__(self, opening: str, closing: str, separator: str, start_with_reasoning: bool):
        self.opening = opening
        self.closing = closing
        self.separator = separator
        self.start_with_reasoning = start_with_reasoning
        self.blocks: dict[str, _Block] = {}
        self.counter = 0

    def _open_reasoning(self, block: _Block, out: list[StreamPart]) -> str:
        if block.reasoning_id is None:
            block.reasoning_id = f"reasoning-{self.counter}"
            self.counter += 1
            out.append(ReasoningStart(id=block.reasoning_id))
        return block.reasoning_id

    def _publish(self, block: _Block, text_id: str, text: str, out: list[StreamPart]) -> None:
        if not text:
            return
        if block.reasoning:
            prefix = self.separator if block.after_switch and block.wrote_reasoning else ""
            reasoning_id = self._open_reasoning(block, out)
            out.append(ReasoningDelta(id=reasoning_id, delta=prefix + text))
            block.wrote_reasoning = True
        else:
            prefix = self.separator if block.after_switch and block.wrote_text else ""
            if block.pending_start is not None:
                out.append(block.pending_start)
                block.pending_start = None
            out.append(TextDelta(id=text_id, delta=prefix + text))
            block.wrote_text = True
        block.after_switch = False

    def _close_reasoning(self, block: _Block, out: list[StreamPart]) -> None:
        # An empty reasoning block (`<think></think>`) still gets its start and end.
        reasoning_id = self._open_reasoning(block, out)
        out.append(ReasoningEnd(id=reasoning_id))
        block.reasoning_id = None

    def feed(self, part: StreamPart) -> list[StreamPart]:
        out: list[StreamPart] = []
        if isinstance(part, TextDelta):
            block = self.blocks.get(part.id)
            if block is None:
                block = self.blocks[part.id] = _Block(self.start_with_reasoning, None)
            if (
                not block.buffer
                and not block.reasoning
                and block.pending_start is None
                and not block.after_switch
                and self.opening[0] not in part.delta
            ):
                # The common case, once text flows: no tag can start here, so the part goes
                # out as it is (building a new part costs more than everything else).
                if part.delta:
                    block.wrote_text = True
                    out.append(part)
                return out
            block.buffer += part.delta
            self._scan(block, part.id, out)
        elif isinstance(part, TextStart):
            # Held back so a text block that opens with reasoning shows reasoning first.
            self.blocks[part.id] = _Block(self.start_with_reasoning, pending_start=part)
        elif isinstance(part, TextEnd) and part.id in self.blocks:
            block = self.blocks.pop(part.id)
            # The stream ended: a partial tag left in the buffer is plain content.
            self._publish(block, part.id, block.buffer, out)
            if block.reasoning and block.reasoning_id is not None:
                self._close_reasoning(block, out)
            if block.pending_start is not None:
                out.append(block.pending_start)
            out.append(part)
        else:
            out.append(part)
        return out

    def _scan(self, block: _Block, text_id: str, out: list[StreamPart]) -> None:
        while True:
            tag = self.closing if block.reasoning else self.opening
            start = potential_start(block.buffer, tag)
            if start is None:
                self._publish(block, text_id, block.buffer, out)
                block.buffer = ""
                return
            self._publish(block, text_id, block.buffer[:start], out)
            end = start + len(tag)
            if end > len(block.buffer):
                block.buffer = block.buffer[start:]
                return
            block.buffer = block.buffer[end:]
            if block.reasoning:
                self._close_reasoning(block, out)
            block.reasoning = not block.reasoning
            block.after_switch = True


def extract_reasoning_middleware(
    *, tag_name: str, separator: str = "\n", start_with_reasoning: bool = False
) -> LanguageModelMiddleware:
    """Middleware that moves text inside ``<tag_name>...</tag_name>`` into reasoning.

    In generated results, each text item with tags becomes a reasoning item (the tagged parts
    joined by ``separator``) followed by the remaining text. In streams, tagged text becomes
    ``reasoning-start``/``-delta``/``-end`` parts as it arrives; tags split across chunks are
    recognised, and a text block's ``text-start`` waits until its first text so that reasoning
    comes first.

    Example::

        model = wrap_language_model(
            model=local("deepseek-r1"), middleware=extract_reasoning_middleware(tag_name="think")
        )

    Args:
        tag_name: The tag name without brackets, e.g. ``"think"``.
        separator: Joins reasoning sections, and the text around a removed section.
        start_with_reasoning: The text begins inside the tag (models whose template already
            opened it, so only the closing tag appears).
    """
    opening = f"<{tag_name}>"
    closing = f"</{tag_name}>"
    pattern = re.compile(f"{re.escape(opening)}(.*?){re.escape(closing)}", re.DOTALL)

    def rewrite_content(content: Sequence[Content]) -> list[Content]:
        rewritten: list[Content] = []
        for item in content:
            if not isinstance(item, TextContent):
                rewritten.append(item)
                continue
            text = opening + item.text if start_with_reasoning else item.text
            split = _split_text(text, pattern, separator)
            if split is None:
                rewritten.append(item)
                continue
            reasoning, remaining = split
            rewritten.append(ReasoningContent(text=reasoning))
            rewritten.append(dataclasses.replace(item, text=remaining))
        return rewritten

    def new_feed() -> Callable[[StreamPart], list[StreamPart]]:
        return _Extractor(opening, closing, separator, start_with_reasoning).feed

    return rewriting_middleware(rewrite_content, new_feed)
