"""Give a model that can only generate a streaming interface, by replaying its whole result.

Useful for providers or servers without streaming, and in tests, so that `stream_text` code
paths run against any model.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

from ai_sdk.provider import (
    Finish,
    GenerateResult,
    LanguageModelMiddleware,
    ReasoningContent,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningStart,
    ResponseMetadata,
    StreamPart,
    StreamResponseInfo,
    StreamResult,
    StreamStart,
    TextContent,
    TextDelta,
    TextEnd,
    TextStart,
)

__all__ = ["simulate_streaming_middleware"]


def _parts(result: GenerateResult) -> list[StreamPart]:
    parts: list[StreamPart] = [StreamStart(warnings=list(result.warnings))]
    response = result.response
    parts.append(
        ResponseMetadata(id=response.id, timestamp=response.timestamp, model_id=response.model_id)
        if response is not None
        else ResponseMetadata()
    )
    block = 0
    for item in result.content:
        if isinstance(item, TextContent):
            # Empty text carries nothing a stream consumer could see, so it gets no block.
            if item.text:
                block_id = str(block)
                parts.append(TextStart(id=block_id, provider_metadata=item.provider_metadata))
                parts.append(TextDelta(id=block_id, delta=item.text))
                parts.append(TextEnd(id=block_id))
                block += 1
        elif isinstance(item, ReasoningContent):
            block_id = str(block)
            parts.append(ReasoningStart(id=block_id, provider_metadata=item.provider_metadata))
            parts.append(ReasoningDelta(id=block_id, delta=item.text))
            parts.append(ReasoningEnd(id=block_id))
            block += 1
        else:
            # Every other content item is also a stream part of the same type.
            parts.append(item)
    parts.append(
        Finish(
            usage=result.usage,
            finish_reason=result.finish_reason,
            provider_metadata=result.provider_metadata,
        )
    )
    return parts


def simulate_streaming_middleware() -> LanguageModelMiddleware:
    """Middleware that implements streaming with one `do_generate` call.

    The stream replays the generated result: ``stream-start`` (with the warnings),
    ``response-metadata``, one start/delta/end group per text or reasoning item, the other
    content items as they are, and ``finish``.
    """

    async def wrap_stream(
        *, do_generate: Callable[[], Awaitable[GenerateResult]], **_: object
    ) -> StreamResult:
        result = await do_generate()
        parts = _parts(result)

        async def replay() -> AsyncIterator[StreamPart]:
            for part in parts:
                yield part

        headers = result.response.headers if result.response is not None else None
        return StreamResult(
            stream=replay(),
            request=result.request,
            response=StreamResponseInfo(headers=headers),
        )

    return LanguageModelMiddleware(wrap_stream=wrap_stream)
