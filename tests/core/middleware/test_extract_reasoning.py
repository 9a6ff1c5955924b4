"""extract_reasoning_middleware: tagged text becomes reasoning, in results and in streams."""

from __future__ import annotations

import pytest

from ai_sdk.middleware import extract_reasoning_middleware, wrap_language_model
from ai_sdk.provider import (
    Finish,
    GenerateResult,
    ReasoningContent,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningStart,
    ResponseMetadata,
    StreamPart,
    TextContent,
    TextDelta,
    TextEnd,
    TextStart,
    ToolCallContent,
    Usage,
)
from tests.core.middleware._fake import OPTIONS, STOP, FakeModel, collect, text_parts

FINISH = Finish(usage=Usage(), finish_reason=STOP)


async def generate(text: str, **options: object) -> list[object]:
    result = GenerateResult(
        content=[
            TextContent(text=text),
            ToolCallContent(tool_call_id="c", tool_name="t", input="{}"),
        ],
        finish_reason=STOP,
        usage=Usage(),
    )
    model = wrap_language_model(
        model=FakeModel(result=result),
        middleware=extract_reasoning_middleware(tag_name="think", **options),  # type: ignore[arg-type]
    )
    return list((await model.do_generate(OPTIONS)).content)


TOOL_CALL = ToolCallContent(tool_call_id="c", tool_name="t", input="{}")


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        (
            "<think>analyzing</think>Here is the answer",
            {},
            [ReasoningContent(text="analyzing"), TextContent(text="Here is the answer")],
        ),
        (
            "<think>only thinking</think>",
            {},
            [ReasoningContent(text="only thinking"), TextContent(text="")],
        ),
        (
            "<think>a</think>x<think>b\nc</think>y",
            {},
            [ReasoningContent(text="a\nb\nc"), TextContent(text="x\ny")],
        ),
        (
            "<think>a</think>x<think>b</think>y",
            {"separator": " | "},
            [ReasoningContent(text="a | b"), TextContent(text="x | y")],
        ),
        ("no tags here", {}, [TextContent(text="no tags here")]),
        (
            "already thinking</think>answer",
            {"start_with_reasoning": True},
            [ReasoningContent(text="already thinking"), TextContent(text="answer")],
        ),
        (
            "already thinking</think>answer",
            {},
            [TextContent(text="already thinking</think>answer")],
        ),
    ],
)
async def test_generate(text: str, options: dict[str, object], expected: list[object]) -> None:
    assert await generate(text, **options) == [*expected, TOOL_CALL]


async def stream(*deltas: str, start_with_reasoning: bool = False) -> list[StreamPart]:
    base = FakeModel(parts=[ResponseMetadata(id="r"), *text_parts(*deltas, text_id="1"), FINISH])
    model = wrap_language_model(
        model=base,
        middleware=extract_reasoning_middleware(
            tag_name="think", start_with_reasoning=start_with_reasoning
        ),
    )
    return await collect(await model.do_stream(OPTIONS))


async def test_stream_tags_split_across_chunks_and_text_start_after_reasoning() -> None:
    parts = await stream("<thi", "nk>ana", "lyzing the request</th", "ink>Here", " is the response")
    assert parts == [
        ResponseMetadata(id="r"),
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="ana"),
        ReasoningDelta(id="reasoning-0", delta="lyzing the request"),
        ReasoningEnd(id="reasoning-0"),
        TextStart(id="1"),
        TextDelta(id="1", delta="Here"),
        TextDelta(id="1", delta=" is the response"),
        TextEnd(id="1"),
        FINISH,
    ]


async def test_stream_several_tags_in_one_chunk_use_the_separator() -> None:
    parts = await stream("<think>a</think>x<think>b</think>y")
    assert parts[1:-1] == [
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="a"),
        ReasoningEnd(id="reasoning-0"),
        TextStart(id="1"),
        TextDelta(id="1", delta="x"),
        ReasoningStart(id="reasoning-1"),
        ReasoningDelta(id="reasoning-1", delta="\nb"),
        ReasoningEnd(id="reasoning-1"),
        TextDelta(id="1", delta="\ny"),
        TextEnd(id="1"),
    ]


async def test_stream_with_only_reasoning_still_opens_and_closes_the_text_block() -> None:
    parts = await stream("<think>", "hmm", "</think>")
    assert parts[1:-1] == [
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="hmm"),
        ReasoningEnd(id="reasoning-0"),
        TextStart(id="1"),
        TextEnd(id="1"),
    ]


async def test_stream_empty_tags_give_an_empty_reasoning_block() -> None:
    parts = await stream("<think></think>", "answer")
    assert parts[1:-1] == [
        ReasoningStart(id="reasoning-0"),
        ReasoningEnd(id="reasoning-0"),
        TextStart(id="1"),
        TextDelta(id="1", delta="answer"),
        TextEnd(id="1"),
    ]


async def test_stream_starting_inside_reasoning() -> None:
    parts = await stream("thinking", " more</think>", "answer", start_with_reasoning=True)
    assert parts[1:-1] == [
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="thinking"),
        ReasoningDelta(id="reasoning-0", delta=" more"),
        ReasoningEnd(id="reasoning-0"),
        TextStart(id="1"),
        TextDelta(id="1", delta="answer"),
        TextEnd(id="1"),
    ]


async def test_stream_without_tags_keeps_the_text() -> None:
    parts = await stream("Hello", ", world")
    assert parts[1:-1] == text_parts("Hello", ", world", text_id="1")


async def test_stream_text_that_ends_like_a_tag_is_not_lost() -> None:
    # "<thi" could have been the start of a tag, so it was held back; the block ended instead.
    parts = await stream("a < b, <thi")
    assert parts[1:-1] == [
        TextStart(id="1"),
        TextDelta(id="1", delta="a < b, "),
        TextDelta(id="1", delta="<thi"),
        TextEnd(id="1"),
    ]


async def test_stream_unclosed_reasoning_is_closed_at_the_end_of_the_block() -> None:
    parts = await stream("<think>cut off")
    assert parts[1:-1] == [
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="cut off"),
        ReasoningEnd(id="reasoning-0"),
        TextStart(id="1"),
        TextEnd(id="1"),
    ]


async def test_closing_the_wrapped_stream_closes_the_models_stream() -> None:
    base = FakeModel(parts=text_parts("a", "b", "c"))
    model = wrap_language_model(
        model=base, middleware=extract_reasoning_middleware(tag_name="think")
    )
    result = await model.do_stream(OPTIONS)
    stream_ = result.stream
    assert await anext(stream_) == TextStart(id="t")
    await stream_.aclose()  # type: ignore[attr-defined]
    assert base.stream_closed


async def test_stream_tags_in_separate_chunks_keep_the_separators() -> None:
    parts = await stream("<think>a</think>", "x", "<think>b</think>", "y", " z")
    assert parts[1:-1] == [
        ReasoningStart(id="reasoning-0"),
        ReasoningDelta(id="reasoning-0", delta="a"),
        ReasoningEnd(id="reasoning-0"),
        TextStart(id="1"),
        TextDelta(id="1", delta="x"),
        ReasoningStart(id="reasoning-1"),
        ReasoningDelta(id="reasoning-1", delta="\nb"),
        ReasoningEnd(id="reasoning-1"),
        TextDelta(id="1", delta="\ny"),
        TextDelta(id="1", delta=" z"),
        TextEnd(id="1"),
    ]
