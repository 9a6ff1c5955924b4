"""simulate_streaming_middleware: a generate result replayed as a v4 stream."""

from __future__ import annotations

from datetime import UTC, datetime

from ai_sdk.middleware import simulate_streaming_middleware, wrap_language_model
from ai_sdk.provider import (
    FileContent,
    FileDataBytes,
    Finish,
    GenerateResult,
    OtherWarning,
    ReasoningContent,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningStart,
    RequestInfo,
    ResponseInfo,
    ResponseMetadata,
    StreamResponseInfo,
    StreamStart,
    TextContent,
    TextDelta,
    TextEnd,
    TextStart,
    ToolCallContent,
    Usage,
)
from ai_sdk.provider._usage import InputTokens
from tests.core.middleware._fake import OPTIONS, STOP, FakeModel, collect

WHEN = datetime(2025, 1, 1, tzinfo=UTC)


async def test_every_content_item_is_replayed_in_order() -> None:
    file = FileContent(media_type="image/png", data=FileDataBytes(data=b"\x89PNG"))
    call = ToolCallContent(tool_call_id="c1", tool_name="weather", input='{"city":"Rome"}')
    usage = Usage(input_tokens=InputTokens(total=3))
    result = GenerateResult(
        content=[
            ReasoningContent(text="think", provider_metadata={"p": {"sig": "s"}}),
            TextContent(text="Hello"),
            TextContent(text=""),
            call,
            file,
            TextContent(text="Bye"),
        ],
        finish_reason=STOP,
        usage=usage,
        provider_metadata={"p": {"id": "x"}},
        warnings=[OtherWarning(message="w")],
        request=RequestInfo(body={"a": 1}),
        response=ResponseInfo(id="r1", timestamp=WHEN, model_id="m", headers={"h": "1"}),
    )
    base = FakeModel(result=result)
    model = wrap_language_model(model=base, middleware=simulate_streaming_middleware())
    streamed = await model.do_stream(OPTIONS)
    assert streamed.request == RequestInfo(body={"a": 1})
    assert streamed.response == StreamResponseInfo(headers={"h": "1"})
    assert await collect(streamed) == [
        StreamStart(warnings=[OtherWarning(message="w")]),
        ResponseMetadata(id="r1", timestamp=WHEN, model_id="m"),
        ReasoningStart(id="0", provider_metadata={"p": {"sig": "s"}}),
        ReasoningDelta(id="0", delta="think"),
        ReasoningEnd(id="0"),
        TextStart(id="1"),
        TextDelta(id="1", delta="Hello"),
        TextEnd(id="1"),
        call,
        file,
        TextStart(id="2"),
        TextDelta(id="2", delta="Bye"),
        TextEnd(id="2"),
        Finish(usage=usage, finish_reason=STOP, provider_metadata={"p": {"id": "x"}}),
    ]
    assert (len(base.generate_calls), len(base.stream_calls)) == (1, 0)


async def test_a_result_without_response_info_still_streams() -> None:
    result = GenerateResult(content=[TextContent(text="x")], finish_reason=STOP, usage=Usage())
    model = wrap_language_model(
        model=FakeModel(result=result), middleware=simulate_streaming_middleware()
    )
    parts = await collect(await model.do_stream(OPTIONS))
    assert parts[:2] == [StreamStart(), ResponseMetadata()]
    assert parts[-1] == Finish(usage=Usage(), finish_reason=STOP)
