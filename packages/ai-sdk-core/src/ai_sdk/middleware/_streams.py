"""What the text-rewriting middlewares share: the middleware shell, tag search, closing streams."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterable, Sequence
from typing import Any, cast

from ai_sdk.provider import (
    Content,
    GenerateResult,
    LanguageModelMiddleware,
    StreamPart,
    StreamResult,
)

__all__ = ["aclose", "potential_start", "rewriting_middleware"]


def rewriting_middleware(
    rewrite_content: Callable[[Sequence[Content]], list[Content]],
    new_feed: Callable[[], Callable[[StreamPart], Iterable[StreamPart]]],
) -> LanguageModelMiddleware:
    """A middleware that rewrites what a model says, generated or streamed.

    Args:
        rewrite_content: maps a generated result's content to the content to return.
        new_feed: called once per stream; the function it returns turns each part of the
            model's stream into the parts passed on (none, itself, or others).
    """

    async def wrap_generate(
        *, do_generate: Callable[[], Awaitable[GenerateResult]], **_: object
    ) -> GenerateResult:
        result = await do_generate()
        return result.model_copy(update={"content": rewrite_content(result.content)})

    async def wrap_stream(
        *, do_stream: Callable[[], Awaitable[StreamResult]], **_: object
    ) -> StreamResult:
        result = await do_stream()
        feed = new_feed()

        async def parts(inner: AsyncIterator[StreamPart]) -> AsyncIterator[StreamPart]:
            try:
                async for part in inner:
                    for out in feed(part):
                        yield out
            finally:
                await aclose(inner)

        return StreamResult(
            stream=parts(result.stream), request=result.request, response=result.response
        )

    return LanguageModelMiddleware(wrap_generate=wrap_generate, wrap_stream=wrap_stream)


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
