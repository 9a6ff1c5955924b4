"""smooth_stream: re-chunking of text and reasoning deltas."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest

from ai_sdk.generate_text import (
    ReasoningDeltaPart,
    TextDeltaPart,
    TextEndPart,
    TextStreamPart,
    smooth_stream,
    stream_text,
)
from ai_sdk.provider import InvalidArgumentError
from ai_sdk.testing import MockLanguageModel
from tests.core.generate_text.helpers import stream_parts


async def run(
    parts: list[TextStreamPart], **options: object
) -> tuple[list[TextStreamPart], list[float]]:
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def source() -> AsyncIterator[TextStreamPart]:
        for part in parts:
            yield part

    transform = smooth_stream(sleep=fake_sleep, **options)  # type: ignore[arg-type]
    return [p async for p in transform(source())], sleeps


async def test_words_are_released_one_by_one_with_delays() -> None:
    out, sleeps = await run(
        [
            TextDeltaPart("1", "Hello, wor"),
            TextDeltaPart("1", "ld! How are", {"p": {"sig": "a"}}),
            TextDeltaPart("1", " you?"),
            TextEndPart("1"),
        ]
    )
    assert out == [
        TextDeltaPart("1", "Hello, "),
        TextDeltaPart("1", "world! "),
        TextDeltaPart("1", "How "),
        TextDeltaPart("1", "are "),
        TextDeltaPart("1", "you?", {"p": {"sig": "a"}}),  # the flush keeps the metadata
        TextEndPart("1"),
    ]
    assert sleeps == [0.01] * 4


async def test_buffers_flush_when_the_block_or_kind_changes() -> None:
    out, _ = await run(
        [
            TextDeltaPart("1", "abc"),
            ReasoningDeltaPart("r", "think "),
            ReasoningDeltaPart("r", "more"),
            TextDeltaPart("2", "x\ny"),
        ],
        chunking="line",
        delay=None,
    )
    assert out == [
        TextDeltaPart("1", "abc"),
        ReasoningDeltaPart("r", "think more"),
        TextDeltaPart("2", "x\n"),
        TextDeltaPart("2", "y"),
    ]


async def test_custom_chunking() -> None:
    out, _ = await run([TextDeltaPart("1", "a1b2c")], chunking=re.compile(r"\d"), delay=None)
    assert out == [TextDeltaPart("1", "a1"), TextDeltaPart("1", "b2"), TextDeltaPart("1", "c")]
    out, _ = await run(
        [TextDeltaPart("1", "abcde")],
        chunking=lambda buffer: buffer[:2] if len(buffer) >= 2 else None,
        delay=None,
    )
    assert [p.text for p in out] == ["ab", "cd", "e"]  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="prefix of the buffer"):
        await run([TextDeltaPart("1", "abc")], chunking=lambda buffer: "zz", delay=None)
    with pytest.raises(InvalidArgumentError):
        smooth_stream(chunking="sentence")  # type: ignore[arg-type]


async def test_as_a_stream_text_transform() -> None:
    model = MockLanguageModel(do_stream=stream_parts("The quick br", "own fox"))
    result = stream_text(model=model, prompt="x", transform=smooth_stream(delay=None))
    assert [d async for d in result.text_stream] == ["The ", "quick ", "brown ", "fox"]
    assert await result.text == "The quick brown fox"


async def test_a_transform_that_stops_early_closes_the_model_stream() -> None:
    async def first_two(parts: AsyncIterator[TextStreamPart]) -> AsyncIterator[TextStreamPart]:
        count = 0
        async for part in parts:
            yield part
            count += 1
            if count == 4:
                return

    model = MockLanguageModel(do_stream=stream_parts("a", "b", "c"))
    result = stream_text(model=model, prompt="x", transform=[first_two])
    assert [p.type async for p in result.stream] == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
    ]
    assert model.streams[0].closed  # released as soon as the transform stopped
    assert not model.streams[0].finished
