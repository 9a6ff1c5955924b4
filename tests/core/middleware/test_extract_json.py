"""extract_json_middleware: Markdown fences around JSON are removed, streaming or not."""

from __future__ import annotations

import pytest

from ai_sdk.middleware import extract_json_middleware, wrap_language_model
from ai_sdk.provider import (
    Finish,
    GenerateResult,
    ReasoningContent,
    StreamPart,
    TextContent,
    TextDelta,
    TextEnd,
    TextStart,
    Usage,
)
from tests.core.middleware._fake import OPTIONS, STOP, FakeModel, collect, text_parts

FINISH = Finish(usage=Usage(), finish_reason=STOP)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('```json\n{"a": 1}\n```', '{"a": 1}'),
        ('```\n{"a": 1}\n```', '{"a": 1}'),
        ('  {"a": 1}  ', '{"a": 1}'),
        ('```json{"a": 1}```', '{"a": 1}'),
        ('{"a": "```"}', '{"a": "```"}'),
    ],
)
async def test_generate_strips_fences(text: str, expected: str) -> None:
    result = GenerateResult(
        content=[ReasoningContent(text="```keep```"), TextContent(text=text)],
        finish_reason=STOP,
        usage=Usage(),
    )
    model = wrap_language_model(
        model=FakeModel(result=result), middleware=extract_json_middleware()
    )
    out = await model.do_generate(OPTIONS)
    assert out.content == [ReasoningContent(text="```keep```"), TextContent(text=expected)]


async def test_generate_with_a_custom_transform() -> None:
    result = GenerateResult(
        content=[TextContent(text="JSON: {}")], finish_reason=STOP, usage=Usage()
    )
    model = wrap_language_model(
        model=FakeModel(result=result),
        middleware=extract_json_middleware(transform=lambda t: t.removeprefix("JSON: ")),
    )
    assert (await model.do_generate(OPTIONS)).content == [TextContent(text="{}")]


async def stream(*deltas: str, **options: object) -> list[StreamPart]:
    base = FakeModel(parts=[*text_parts(*deltas), FINISH])
    model = wrap_language_model(model=base, middleware=extract_json_middleware(**options))  # type: ignore[arg-type]
    return await collect(await model.do_stream(OPTIONS))


def joined(parts: list[StreamPart]) -> str:
    return "".join(p.delta for p in parts if isinstance(p, TextDelta))


async def test_stream_strips_a_fence_split_across_chunks_and_streams_the_middle() -> None:
    body = '{"name": "a fairly long value", "n": 12345}'
    parts = await stream("``", "`js", "on\n", body[:20], body[20:], "\n`", "``")
    assert parts[0] == TextStart(id="t")
    assert parts[-2:] == [TextEnd(id="t"), FINISH]
    assert joined(parts) == body
    # Text flowed before the end: not everything was held back until text-end.
    assert isinstance(parts[1], TextDelta)
    assert len(parts) > 4


async def test_stream_without_fences_passes_text_through_whole() -> None:
    body = '{"a": [1, 2, 3], "b": "text"}'
    parts = await stream(body[:10], body[10:])
    assert joined(parts) == body
    assert parts[0] == TextStart(id="t")


async def test_stream_keeps_meaningful_whitespace_after_text_started_flowing() -> None:
    parts = await stream('{"a":', " 1}   ")
    assert joined(parts) == '{"a": 1}'


async def test_stream_short_fenced_text_is_cleaned_at_the_end() -> None:
    parts = await stream("```json\n{}\n```")
    assert parts == [TextStart(id="t"), TextDelta(id="t", delta="{}"), TextEnd(id="t"), FINISH]


async def test_stream_with_a_custom_transform_buffers_each_block() -> None:
    parts = await stream("<<", '{"a"', ": 1}>>", transform=lambda t: t.strip("<>"))
    assert parts == [
        TextStart(id="t"),
        TextDelta(id="t", delta='{"a": 1}'),
        TextEnd(id="t"),
        FINISH,
    ]


async def test_stream_deltas_of_unknown_blocks_pass_through() -> None:
    base = FakeModel(parts=[TextDelta(id="x", delta="```"), FINISH])
    model = wrap_language_model(model=base, middleware=extract_json_middleware())
    assert await collect(await model.do_stream(OPTIONS)) == [TextDelta(id="x", delta="```"), FINISH]


async def test_stream_backticks_inside_the_json_are_kept() -> None:
    body = '{"code": "use `x` here", "more": "text that is long enough"}'
    parts = await stream("```json\n", body[:12], body[12:30], body[30:], "\n```\n")
    assert joined(parts) == body


async def test_stream_passes_untouched_deltas_on_as_they_are() -> None:
    deltas = [TextDelta(id="t", delta=d) for d in ['{"a', '":', "1", "}"]]
    base = FakeModel(parts=[TextStart(id="t"), *deltas, TextEnd(id="t")])
    model = wrap_language_model(model=base, middleware=extract_json_middleware())
    parts = await collect(await model.do_stream(OPTIONS))
    assert parts == [TextStart(id="t"), *deltas, TextEnd(id="t")]
    assert all(out is sent for out, sent in zip(parts[1:-1], deltas, strict=True))
