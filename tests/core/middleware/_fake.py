"""A small scripted language model for the middleware tests (independent of ai_sdk.testing)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Literal

from ai_sdk.provider import (
    CallOptions,
    FinishReason,
    GenerateResult,
    StreamPart,
    StreamResult,
    TextContent,
    TextDelta,
    TextEnd,
    TextPart,
    TextStart,
    Usage,
    UserMessage,
)

STOP = FinishReason(unified="stop", raw="stop")
OPTIONS = CallOptions(prompt=[UserMessage(content=[TextPart(text="hi")])])


class FakeModel:
    """Returns ``result`` from do_generate and ``parts`` from do_stream; records options."""

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        result: GenerateResult | None = None,
        parts: Sequence[StreamPart] = (),
        provider: str = "fake",
        model_id: str = "fake-1",
    ) -> None:
        self.result = result or GenerateResult(
            content=[TextContent(text="ok")], finish_reason=STOP, usage=Usage()
        )
        self.parts = list(parts)
        self.provider = provider
        self.model_id = model_id
        self.supported_urls: Mapping[str, Sequence[re.Pattern[str]]] = {}
        self.generate_calls: list[CallOptions] = []
        self.stream_calls: list[CallOptions] = []
        self.stream_closed = False

    async def do_generate(self, options: CallOptions) -> GenerateResult:
        self.generate_calls.append(options)
        return self.result

    async def do_stream(self, options: CallOptions) -> StreamResult:
        self.stream_calls.append(options)

        async def stream() -> AsyncIterator[StreamPart]:
            try:
                for part in self.parts:
                    yield part
            finally:
                self.stream_closed = True

        return StreamResult(stream=stream())


def text_parts(*deltas: str, text_id: str = "t") -> list[StreamPart]:
    """text-start, one text-delta per argument, text-end."""
    return [
        TextStart(id=text_id),
        *(TextDelta(id=text_id, delta=d) for d in deltas),
        TextEnd(id=text_id),
    ]


async def collect(result: StreamResult) -> list[StreamPart]:
    return [part async for part in result.stream]
