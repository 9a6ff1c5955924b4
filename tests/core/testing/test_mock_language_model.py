"""MockLanguageModel and simulate_readable_stream, as users use them in their own tests."""

from __future__ import annotations

import asyncio
import time

import pytest

from ai_sdk.generate_text import generate_text, stream_text
from ai_sdk.provider import (
    CallOptions,
    FinishReason,
    LanguageModel,
    StreamResult,
    StreamStart,
    TextContent,
    TextDelta,
    TextEnd,
    TextPart,
    TextStart,
    UserMessage,
)
from ai_sdk.testing import (
    MockEmbeddingModel,
    MockImageModel,
    MockLanguageModel,
    simulate_readable_stream,
    text_result,
    text_stream_parts,
    usage,
)


def test_is_a_language_model() -> None:
    model = MockLanguageModel()
    assert isinstance(model, LanguageModel)
    assert (model.provider, model.model_id, model.specification_version) == (
        "mock-provider",
        "mock-model-id",
        "v4",
    )
    assert MockEmbeddingModel.__name__ == "MockEmbeddingModel"
    assert MockImageModel.__name__ == "MockImageModel"


async def test_generate_scripts_per_call_and_records_options() -> None:
    model = MockLanguageModel(do_generate=[text_result("one"), ValueError("two"), text_result("3")])
    assert (await generate_text(model=model, prompt="a")).text == "one"
    with pytest.raises(ValueError, match="two"):
        await generate_text(model=model, prompt="b")
    assert (await generate_text(model=model, prompt="c")).text == "3"
    with pytest.raises(AssertionError, match="called 4 times but scripted for 3"):
        await generate_text(model=model, prompt="d")
    assert [c.prompt for c in model.generate_calls[:1]] == [
        [UserMessage(content=[TextPart(text="a")])]
    ]
    assert len(model.calls) == 4


async def test_generate_script_as_a_function() -> None:
    async def answer(options: CallOptions) -> object:
        return text_result(f"temp={options.temperature}", usage=usage(1, 2))

    model = MockLanguageModel(do_generate=answer)  # type: ignore[arg-type]
    result = await generate_text(model=model, prompt="x", temperature=0.5)
    assert result.text == "temp=0.5"
    assert result.usage.total_tokens == 3


def test_text_builders() -> None:
    assert text_result("hi").content == [TextContent(text="hi")]
    assert text_result("hi", finish_reason="length").finish_reason == FinishReason(
        unified="length", raw="length"
    )
    parts = text_stream_parts("a", "b", id="x")
    assert parts[:5] == [
        StreamStart(),
        TextStart(id="x"),
        TextDelta(id="x", delta="a"),
        TextDelta(id="x", delta="b"),
        TextEnd(id="x"),
    ]
    assert parts[-1].type == "finish"


async def test_stream_scripts_and_stream_records() -> None:
    per_call = MockLanguageModel(
        do_stream=[text_stream_parts("first"), RuntimeError("no stream"), text_stream_parts("3")]
    )
    assert await stream_text(model=per_call, prompt="x").text == "first"
    with pytest.raises(RuntimeError, match="no stream"):
        await stream_text(model=per_call, prompt="x").text
    assert await stream_text(model=per_call, prompt="x").text == "3"
    record = per_call.streams[0]
    assert (record.parts_read, record.finished, record.closed) == (5, True, True)

    every_call = MockLanguageModel(do_stream=text_stream_parts("same"))
    for _ in range(2):
        assert await stream_text(model=every_call, prompt="x").text == "same"

    custom = MockLanguageModel(
        do_stream=lambda options: StreamResult(
            stream=simulate_readable_stream(text_stream_parts("fn"))
        )
    )
    assert await stream_text(model=custom, prompt="x").text == "fn"


async def test_an_exception_inside_the_parts_is_raised_mid_stream() -> None:
    parts = [*text_stream_parts("a")[:3], ConnectionResetError("dropped")]
    model = MockLanguageModel(do_stream=[parts])
    result = stream_text(model=model, prompt="x")
    seen: list[str] = []
    with pytest.raises(ConnectionResetError):
        async for delta in result.text_stream:
            seen.append(delta)
    assert seen == ["a"]
    assert model.streams[0].closed


async def test_simulate_readable_stream_delays() -> None:
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    items = [
        i
        async for i in simulate_readable_stream(
            [1, 2, 3], initial_delay=0.5, chunk_delay=0.1, sleep=fake_sleep
        )
    ]
    assert (items, sleeps) == ([1, 2, 3], [0.5, 0.1, 0.1])
    started = time.perf_counter()
    assert [i async for i in simulate_readable_stream("ab", chunk_delay=0.02)] == ["a", "b"]
    assert time.perf_counter() - started >= 0.02
    assert [i async for i in simulate_readable_stream([])] == []
    await asyncio.sleep(0)
