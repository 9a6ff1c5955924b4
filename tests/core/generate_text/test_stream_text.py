"""stream_text: part order across steps, teeing, errors, cancellation, timeouts, callbacks."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk.generate_text import (
    AbortPart,
    FinishPart,
    FinishStepPart,
    GenerateTextResult,
    LanguageModelResponseMetadata,
    LanguageModelUsage,
    RawPart,
    ReasoningDeltaPart,
    ReasoningEndPart,
    ReasoningStartPart,
    StartPart,
    StartStepPart,
    StepRequest,
    StepResult,
    StreamErrorPart,
    TextDeltaPart,
    TextEndPart,
    TextStartPart,
    TextStreamPart,
    ToolCall,
    ToolError,
    ToolExecutionOptions,
    ToolInputDeltaPart,
    ToolInputEndPart,
    ToolInputStartPart,
    ToolResult,
    is_step_count,
    stream_text,
    tool,
)
from ai_sdk.prompt import TimeoutConfig
from ai_sdk.provider import (
    APICallError,
    CallOptions,
    ErrorPart,
    Finish,
    FinishReason,
    NoOutputGeneratedError,
    Raw,
    ReasoningContent,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningStart,
    StreamPart,
    StreamProviderError,
    StreamStart,
    TextContent,
    TextDelta,
    TextStart,
    UnsupportedWarning,
)
from ai_sdk.testing import MockLanguageModel, simulate_readable_stream, usage
from tests.core.generate_text.helpers import PERF, T0, steady, stream_parts


class City(BaseModel):
    city: str


def weather_tool() -> Any:
    return tool(input_schema=City, execute=lambda value: {"temp": 21, "city": value.city})


async def collect(result: Any) -> list[TextStreamPart]:
    return [steady(part) async for part in result.stream]


def finish_step(step: int, reason: str = "stop") -> FinishStepPart:
    return FinishStepPart(
        response=LanguageModelResponseMetadata(
            id=f"resp-{step}", timestamp=T0, model_id=f"model-{step}"
        ),
        usage=LanguageModelUsage(input_tokens=10, output_tokens=5, total_tokens=15),
        performance=PERF,
        finish_reason=reason,  # type: ignore[arg-type]
        raw_finish_reason=reason,
    )


async def test_returns_at_once_and_is_lazy() -> None:
    model = MockLanguageModel(do_stream=stream_parts("a"))
    result = stream_text(model=model, prompt="x")
    await asyncio.sleep(0)
    assert model.calls == []
    assert await result.text == "a"
    assert len(model.calls) == 1


async def test_single_step_parts_in_order() -> None:
    model = MockLanguageModel(do_stream=stream_parts("Hel", "", "lo"))
    result = stream_text(model=model, prompt="x")
    assert await collect(result) == [
        StartPart(),
        StartStepPart(StepRequest(), []),
        TextStartPart("t0"),
        TextDeltaPart("t0", "Hel"),
        TextDeltaPart("t0", "lo"),  # the empty delta is dropped
        TextEndPart("t0"),
        finish_step(0),
        FinishPart(
            finish_reason="stop",
            raw_finish_reason="stop",
            total_usage=LanguageModelUsage(input_tokens=10, output_tokens=5, total_tokens=15),
        ),
    ]


async def test_multi_step_tool_loop_streams_across_steps() -> None:
    model = MockLanguageModel(
        do_stream=[
            stream_parts(
                "Let me check", calls=[("c1", "weather", '{"city": "Oslo"}')], finish="tool-calls"
            ),
            stream_parts("It is 21", step=1),
        ]
    )
    result = stream_text(
        model=model,
        prompt="Weather?",
        tools={"weather": weather_tool()},
        stop_when=is_step_count(5),
    )
    call = ToolCall(tool_call_id="c1", tool_name="weather", input=City(city="Oslo"))
    parts = await collect(result)
    second_start = next(p for p in parts[12:] if isinstance(p, TextStartPart))
    assert second_start.id != "t0"  # text ids stay unique across steps
    second_text_id = second_start.id
    assert parts == [
        StartPart(),
        StartStepPart(StepRequest(), []),
        TextStartPart("t0"),
        TextDeltaPart("t0", "Let me check"),
        TextEndPart("t0"),
        ToolInputStartPart(id="c1", tool_name="weather"),
        ToolInputDeltaPart("c1", '{"city": "Oslo"}'),
        ToolInputEndPart("c1"),
        call,
        ToolResult(
            tool_call_id="c1",
            tool_name="weather",
            input=City(city="Oslo"),
            output={"temp": 21, "city": "Oslo"},
        ),
        finish_step(0, "tool-calls"),
        StartStepPart(StepRequest(), []),
        TextStartPart(second_text_id),
        TextDeltaPart(second_text_id, "It is 21"),
        TextEndPart(second_text_id),
        finish_step(1),
        FinishPart(
            finish_reason="stop",
            raw_finish_reason="stop",
            total_usage=LanguageModelUsage(input_tokens=20, output_tokens=10, total_tokens=30),
        ),
    ]
    steps = await result.steps
    assert [s.text for s in steps] == ["Let me check", "It is 21"]
    assert await result.text == "It is 21"
    assert len(model.calls) == 2
    assert model.calls[1].prompt[-1].role == "tool"


async def test_readers_share_one_model_call() -> None:
    model = MockLanguageModel(do_stream=stream_parts("a", "b", "c"))
    result = stream_text(model=model, prompt="x")

    async def read() -> list[str]:
        return [d async for d in result.text_stream]

    first, second = await asyncio.gather(read(), read())
    assert first == second == ["a", "b", "c"]
    assert [d async for d in result.text_stream] == ["a", "b", "c"]  # replayed after the end
    assert await result.text == "abc"
    assert len(model.calls) == 1


async def test_back_pressure_reads_the_model_only_as_needed() -> None:
    model = MockLanguageModel(do_stream=stream_parts(*[str(i) for i in range(100)]))
    async with stream_text(model=model, prompt="x") as result:
        reader = result.text_stream
        assert [await anext(reader), await anext(reader)] == ["0", "1"]
        # stream-start, metadata, text-start and two deltas: nothing read ahead
        assert model.streams[0].parts_read == 5
    assert model.streams[0].closed
    assert not model.streams[0].finished


async def test_leaving_async_with_early_closes_the_model_stream() -> None:
    model = MockLanguageModel(do_stream=stream_parts("a", "b", "c"))
    async with stream_text(model=model, prompt="x") as result:
        async for _ in result.text_stream:
            break
    assert (model.streams[0].closed, model.streams[0].finished) == (True, False)
    with pytest.raises(NoOutputGeneratedError):
        await result.text


async def test_cancelling_the_reader_closes_the_model_stream_and_calls_on_abort() -> None:
    aborted: list[list[StepResult]] = []

    async def first_delta_then_hang() -> AsyncIterator[StreamPart]:
        parts = stream_parts("a", "b")
        for part in parts[:4]:
            yield part
        await asyncio.sleep(10)
        for part in parts[4:]:
            yield part

    model = MockLanguageModel(do_stream=lambda o: first_delta_then_hang())
    result = stream_text(model=model, prompt="x", on_abort=aborted.append)
    first: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    async def read() -> None:
        async for delta in result.text_stream:
            first.set_result(delta)

    task = asyncio.ensure_future(read())
    assert await asyncio.wait_for(first, 5) == "a"
    await asyncio.sleep(0)  # the reader is now waiting on the model
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert model.streams[0].closed
    assert aborted == [[]]
    parts = [p async for p in result.stream]
    assert parts[-1] == AbortPart(reason="cancelled")


async def test_text_stream_raises_after_the_text_before_the_error() -> None:
    boom = APICallError("bad chunk", url="u")
    model = MockLanguageModel(
        do_stream=[
            StreamStart(),
            TextStart(id="0"),
            TextDelta(id="0", delta="before"),
            ErrorPart(error=boom),
            TextDelta(id="0", delta=" after"),
            Finish(usage=usage(1, 1), finish_reason=FinishReason(unified="stop")),
        ]
    )
    errors: list[object] = []
    result = stream_text(model=model, prompt="x", on_error=errors.append)
    seen: list[str] = []
    with pytest.raises(APICallError) as caught:
        async for delta in result.text_stream:
            seen.append(delta)
    assert (seen, caught.value) == (["before"], boom)
    parts = [p async for p in result.stream]
    assert StreamErrorPart(boom) in parts
    assert isinstance(parts[-1], FinishPart)
    assert errors == [boom]
    with pytest.raises(APICallError):
        await result.text
    steps_result = await result.consume_stream()  # never raises
    assert steps_result is None


async def test_raise_on_error_false_restores_upstream_behaviour() -> None:
    model = MockLanguageModel(
        do_stream=[
            StreamStart(),
            TextStart(id="0"),
            TextDelta(id="0", delta="a"),
            ErrorPart(error={"message": "soft"}),
            TextDelta(id="0", delta="b"),
            Finish(usage=usage(1, 1), finish_reason=FinishReason(unified="stop")),
        ]
    )
    result = stream_text(model=model, prompt="x", raise_on_error=False)
    assert [d async for d in result.text_stream] == ["a", "b"]
    assert await result.text == "ab"
    assert await result.finish_reason == "stop"


async def test_a_failing_model_stream_ends_with_an_error_part() -> None:
    lost = APICallError("connection reset", url="u", is_retryable=True)
    model = MockLanguageModel(do_stream=[[*stream_parts("partial")[:4], lost]])
    result = stream_text(model=model, prompt="x")
    parts = await collect(result)
    assert parts[-2:] == [TextDeltaPart("t0", "partial"), StreamErrorPart(lost)]
    with pytest.raises(APICallError) as caught:
        await result.usage
    assert caught.value is lost


async def test_start_failure_after_retries_is_one_error_part() -> None:
    down = APICallError("down", url="u", status_code=400)
    model = MockLanguageModel(do_stream=[down])
    result = stream_text(model=model, prompt="x")
    assert await collect(result) == [StartPart(), StreamErrorPart(down)]
    quiet = stream_text(model=MockLanguageModel(do_stream=[down]), prompt="x", raise_on_error=False)
    with pytest.raises(NoOutputGeneratedError) as caught:
        await quiet.text
    assert caught.value.cause is down


async def test_an_empty_model_stream_reports_no_output() -> None:
    result = stream_text(model=MockLanguageModel(do_stream=[[StreamStart()]]), prompt="x")
    parts = await collect(result)
    assert isinstance(parts[-1], StreamErrorPart)
    assert str(parts[-1].error) == (
        "No output generated. The model stream ended without a finish chunk."
    )


async def test_aggregates_drain_the_stream_without_a_reader() -> None:
    model = MockLanguageModel(
        do_stream=[
            StreamStart(warnings=[UnsupportedWarning(feature="seed")]),
            ReasoningStart(id="r"),
            ReasoningDelta(id="r", delta="hmm"),
            ReasoningEnd(id="r"),
            *stream_parts("done")[1:],
        ]
    )
    result = stream_text(model=model, prompt="x")
    assert await result.reasoning_text == "hmm"
    assert await result.warnings == [UnsupportedWarning(feature="seed")]
    assert await result.content == [ReasoningContent(text="hmm"), TextContent(text="done")]
    parts = await collect(result)
    assert parts[1:5] == [
        StartStepPart(StepRequest(), [UnsupportedWarning(feature="seed")]),
        ReasoningStartPart("r"),
        ReasoningDeltaPart("r", "hmm"),
        ReasoningEndPart("r"),
    ]
    final = await result.result
    assert isinstance(final, GenerateTextResult)
    assert (await result.response).messages == final.response_messages


async def test_tool_errors_and_invalid_calls_in_the_stream() -> None:
    def fail(value: City) -> str:
        raise RuntimeError("no data")

    model = MockLanguageModel(
        do_stream=[
            stream_parts(
                calls=[("c1", "t", '{"city": "a"}'), ("c2", "t", "{bad")], finish="tool-calls"
            ),
            stream_parts("sorry", step=1),
        ]
    )
    result = stream_text(
        model=model,
        prompt="x",
        tools={"t": tool(input_schema=City, execute=fail)},
        stop_when=is_step_count(2),
    )
    parts = [p async for p in result.stream if isinstance(p, ToolCall | ToolError)]
    assert [(type(p).__name__, p.tool_call_id) for p in parts] == [
        ("ToolCall", "c1"),
        ("ToolCall", "c2"),
        ("ToolError", "c2"),
        ("ToolError", "c1"),
    ]
    assert await result.text == "sorry"
    tool_message = model.calls[1].prompt[-1]
    assert [p.tool_call_id for p in tool_message.content] == ["c1", "c2"]  # type: ignore[union-attr]


async def test_preliminary_results_and_input_hooks() -> None:
    events: list[str] = []

    async def progress(value: City, options: ToolExecutionOptions) -> AsyncIterator[str]:
        yield "25%"
        yield "done"

    search = tool(
        input_schema=City,
        execute=progress,
        on_input_start=lambda options: events.append(f"start {options.tool_call_id}"),
        on_input_delta=lambda delta, options: events.append(f"delta {delta}"),
        on_input_available=lambda value, options: events.append(f"input {value.city}"),
    )
    model = MockLanguageModel(
        do_stream=stream_parts(calls=[("c1", "search", '{"city": "x"}')], finish="tool-calls")
    )
    result = stream_text(model=model, prompt="x", tools={"search": search})
    results = [p async for p in result.stream if isinstance(p, ToolResult)]
    assert [(r.output, r.preliminary) for r in results] == [
        ("25%", True),
        ("done", True),
        ("done", False),
    ]
    assert events == ["start c1", 'delta {"city": "x"}', "input x"]
    assert [r.output for r in await result.tool_results] == ["done"]


async def test_callbacks() -> None:
    chunks: list[str] = []
    steps: list[int] = []
    ended: list[GenerateTextResult[Any]] = []

    async def on_chunk(part: TextStreamPart) -> None:
        chunks.append(part.type)

    result = stream_text(
        model=MockLanguageModel(do_stream=stream_parts("a")),
        prompt="x",
        on_chunk=on_chunk,
        on_step_end=lambda step: steps.append(step.step_number),
        on_end=ended.append,
    )
    await result.consume_stream()
    assert chunks == [
        "start",
        "start-step",
        "text-start",
        "text-delta",
        "text-end",
        "finish-step",
        "finish",
    ]
    assert steps == [0]
    assert ended[0].text == "a"


async def test_raw_chunks_on_request() -> None:
    parts: list[StreamPart] = [StreamStart(), Raw(raw_value={"x": 1}), *stream_parts("a")[1:]]
    result = stream_text(
        model=MockLanguageModel(do_stream=parts), prompt="x", include={"raw_chunks": True}
    )
    assert RawPart({"x": 1}) in [p async for p in result.stream]
    model = MockLanguageModel(do_stream=parts)
    plain = stream_text(model=model, prompt="x")
    assert not [p async for p in plain.stream if isinstance(p, RawPart)]
    assert model.calls[0].include_raw_chunks is False  # always said when streaming (as upstream)


async def test_first_chunk_and_chunk_timeouts() -> None:
    slow_start = MockLanguageModel(
        do_stream=lambda o: simulate_readable_stream(stream_parts("a"), initial_delay=2.0)
    )
    result = stream_text(model=slow_start, prompt="x", timeout=TimeoutConfig(first_chunk=0.05))
    with pytest.raises(TimeoutError, match=r"The first-chunk timeout of 0\.05 s was exceeded"):
        await result.text
    assert slow_start.streams[0].closed

    def stalls(options: CallOptions) -> AsyncIterator[StreamPart]:
        async def gen() -> AsyncIterator[StreamPart]:
            parts = stream_parts("a", "b")
            for part in parts[:4]:
                yield part
            await asyncio.sleep(2)
            for part in parts[4:]:
                yield part

        return gen()

    stalled = MockLanguageModel(do_stream=stalls)
    result = stream_text(model=stalled, prompt="x", timeout=TimeoutConfig(chunk=0.05))
    seen: list[str] = []
    with pytest.raises(TimeoutError, match=r"The chunk timeout of 0\.05 s was exceeded"):
        async for delta in result.text_stream:
            seen.append(delta)
    assert seen == ["a"]
    assert stalled.streams[0].closed


async def test_total_timeout_while_streaming() -> None:
    model = MockLanguageModel(
        do_stream=lambda o: simulate_readable_stream(stream_parts("a", "b"), chunk_delay=0.5)
    )
    result = stream_text(model=model, prompt="x", timeout=0.1)
    with pytest.raises(TimeoutError, match=r"The total timeout of 0\.1 s was exceeded"):
        await result.text


async def test_stream_tools_run_in_parallel_and_results_arrive_as_they_finish() -> None:
    started = {"A": asyncio.Event(), "B": asyncio.Event()}

    async def wait_for_other(value: City) -> str:
        started[value.city].set()
        await asyncio.wait_for(started["B" if value.city == "A" else "A"].wait(), timeout=2)
        if value.city == "A":
            await asyncio.sleep(0.01)  # A finishes last
        return value.city

    model = MockLanguageModel(
        do_stream=stream_parts(
            calls=[("1", "t", '{"city": "A"}'), ("2", "t", '{"city": "B"}')], finish="tool-calls"
        )
    )
    result = stream_text(
        model=model, prompt="x", tools={"t": tool(input_schema=City, execute=wait_for_other)}
    )
    outputs = [p.output async for p in result.stream if isinstance(p, ToolResult)]
    assert outputs == ["B", "A"]
    # the step's messages keep the call order
    messages = (await result.steps)[0].response.messages
    assert [p.tool_call_id for p in messages[1].content] == ["1", "2"]  # type: ignore[union-attr]


async def test_prepare_step_and_prompt_errors_in_streaming() -> None:
    from ai_sdk.generate_text import PrepareStepResult
    from ai_sdk.provider import InvalidPromptError

    model = MockLanguageModel(do_stream=stream_parts("a"))
    result = stream_text(
        model=model,
        prompt="x",
        prepare_step=lambda context: PrepareStepResult(instructions="Be short", seed=3),
    )
    assert await result.text == "a"
    assert (model.calls[0].prompt[0].content, model.calls[0].seed) == ("Be short", 3)
    with pytest.raises(InvalidPromptError):
        stream_text(model=model, messages=[])


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (
            {"message": "upstream failed", "type": "server_error", "code": "internal"},
            ("upstream failed", "server_error", "internal", None, False),
        ),
        (  # nested under `error`, a status as text, retryable by status
            {"error": {"message": "slow down", "status": "429"}},
            ("slow down", None, None, 429, True),
        ),
        (  # a message that says what happened: status and retry inferred
            {"response": {"error": {"message": " Overloaded "}}},
            (" Overloaded ", None, None, 503, True),
        ),
        (  # an explicit flag wins over the status
            {"message": "bad gateway", "statusCode": 502, "isRetryable": False},
            ("bad gateway", None, None, 502, False),
        ),
    ],
)
async def test_a_streamed_error_object_becomes_a_stream_provider_error(
    sent: dict[str, Any], expected: tuple[Any, ...]
) -> None:
    parts: list[StreamPart] = [StreamStart(), ErrorPart(error=sent), *stream_parts("a")[1:]]
    result = stream_text(model=MockLanguageModel(do_stream=parts), prompt="x", raise_on_error=False)
    [error] = [p.error async for p in result.stream if isinstance(p, StreamErrorPart)]
    assert isinstance(error, StreamProviderError)
    assert (error.message, error.type, error.code, error.status_code, error.is_retryable) == (
        expected
    )
    assert error.data == sent


@pytest.mark.parametrize("sent", [ValueError("boom"), {"code": 5}, "plain text", None])
async def test_other_streamed_errors_pass_through(sent: object) -> None:
    parts: list[StreamPart] = [StreamStart(), ErrorPart(error=sent), *stream_parts("a")[1:]]
    result = stream_text(model=MockLanguageModel(do_stream=parts), prompt="x", raise_on_error=False)
    [error] = [p.error async for p in result.stream if isinstance(p, StreamErrorPart)]
    assert error is sent
