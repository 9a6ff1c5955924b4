"""Step semantics shared by `generate_text` and `stream_text` (the step kernel): both paths give
the same steps for the same model answers, and the call-level rules hold on both."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk import (
    LanguageModelResponseMetadata,
    StepResult,
    generate_object,
    generate_text,
    is_step_count,
    stream_text,
    tool,
)
from ai_sdk.generate_text import FinishPart, FinishStepPart
from ai_sdk.prompt import TimeoutConfig
from ai_sdk.provider import RequestInfo, Usage
from ai_sdk.telemetry import StartEvent, Telemetry, TelemetrySettings
from ai_sdk.testing import MockLanguageModel

from .helpers import PERF, calls_result, stream_parts, text_answer


class City(BaseModel):
    city: str


def _tools() -> dict[str, Any]:
    return {
        "weather": tool(
            description="Weather in a city",
            input_schema=City,
            execute=lambda value: f"Sunny in {value.city}",
        )
    }


def _steady(step: StepResult) -> str:
    # Timings and call ids differ between calls; exceptions (invalid calls' errors) compare by
    # identity, their reprs by message.
    return repr(dataclasses.replace(step, performance=PERF, call_id="call"))


RAW = Usage.model_validate(
    {"inputTokens": {"total": 4}, "outputTokens": {"total": 2}, "raw": {"prompt_tokens": 4}}
)


async def test_generate_and_stream_give_the_same_steps_for_the_same_answers() -> None:
    calls = [("c1", "weather", '{"city": "Oslo"}'), ("c2", "weather", '{"town": 1}')]
    generated = await generate_text(
        model=MockLanguageModel(
            do_generate=[calls_result(*calls, text="Checking"), text_answer("Sunny", step=1)]
        ),
        prompt="Weather?",
        tools=_tools(),
        stop_when=is_step_count(3),
    )
    streamed = stream_text(
        model=MockLanguageModel(
            do_stream=[
                stream_parts("Checking", calls=calls, finish="tool-calls"),
                stream_parts("Sunny", step=1),
            ]
        ),
        prompt="Weather?",
        tools=_tools(),
        stop_when=is_step_count(3),
    )
    steps = await streamed.steps
    assert [_steady(s) for s in steps] == [_steady(s) for s in generated.steps]
    # The invalid call (c2) is answered with an error output, the valid one executed.
    assert [type(p).__name__ for p in steps[0].content] == [
        "TextContent",
        "ToolCall",
        "ToolCall",
        "ToolError",
        "ToolResult",
    ]


async def test_one_step_keeps_the_providers_raw_usage_and_several_do_not() -> None:
    one = await generate_text(
        model=MockLanguageModel(do_generate=text_answer("hi", use=RAW)), prompt="x"
    )
    assert one.usage.raw == one.total_usage.raw == {"prompt_tokens": 4}

    streamed = stream_text(
        model=MockLanguageModel(do_stream=stream_parts("hi", use=RAW)), prompt="x"
    )
    parts = [part async for part in streamed.stream]
    assert isinstance(parts[-1], FinishPart)
    assert parts[-1].total_usage.raw == {"prompt_tokens": 4}

    two = await generate_text(
        model=MockLanguageModel(
            do_generate=[
                calls_result(("c1", "weather", '{"city": "Oslo"}'), use=RAW),
                text_answer("done", step=1, use=RAW),
            ]
        ),
        prompt="x",
        tools=_tools(),
        stop_when=is_step_count(2),
    )
    assert two.usage.raw is None
    assert (two.usage.input_tokens, two.steps[1].usage.raw) == (8, {"prompt_tokens": 4})


async def test_response_messages_of_the_last_step_and_of_all_steps() -> None:
    answers = [calls_result(("c1", "weather", '{"city": "Oslo"}')), text_answer("done", step=1)]
    result = await generate_text(
        model=MockLanguageModel(do_generate=answers),
        prompt="x",
        tools=_tools(),
        stop_when=is_step_count(2),
    )
    assert result.response == result.steps[-1].response
    assert len(result.response.messages) == 1  # the last step's assistant message
    all_messages = [m for step in result.steps for m in step.response.messages]
    assert result.response_messages == all_messages
    assert [m.role for m in all_messages] == ["assistant", "tool", "assistant"]

    streamed = stream_text(
        model=MockLanguageModel(
            do_stream=[
                stream_parts(calls=[("c1", "weather", '{"city": "Oslo"}')], finish="tool-calls"),
                stream_parts("done", step=1),
            ]
        ),
        prompt="x",
        tools=_tools(),
        stop_when=is_step_count(2),
    )
    finish_steps = [p async for p in streamed.stream if isinstance(p, FinishStepPart)]
    # A finish-step part reports who answered; the messages are on the step result.
    assert [type(p.response) for p in finish_steps] == [LanguageModelResponseMetadata] * 2
    assert len((await streamed.response).messages) == 1
    assert len(await streamed.response_messages) == 3


@pytest.mark.parametrize("call", [generate_text, stream_text])
async def test_an_unknown_option_is_a_type_error_naming_the_closest_one(call: Any) -> None:
    model = MockLanguageModel(do_generate=text_answer("hi"), do_stream=stream_parts("hi"))
    with pytest.raises(TypeError) as raised:
        result = call(model=model, prompt="x", temprature=0.5)
        await result  # generate_text fails when awaited, stream_text when called
    assert str(raised.value) == (
        f"{call.__name__}() got an unexpected keyword argument 'temprature'; "
        "did you mean 'temperature'?"
    )
    assert model.calls == []


async def test_generate_object_keeps_the_request_and_response_bodies() -> None:
    answer = text_answer('{"city": "Oslo"}')
    assert answer.response is not None
    answer = answer.model_copy(
        update={
            "request": RequestInfo(body={"sent": True}),
            "response": answer.response.model_copy(update={"body": {"got": 1}}),
        }
    )
    result = await generate_object(
        model=MockLanguageModel(do_generate=answer), schema=City, prompt="x"
    )
    assert result.object == City(city="Oslo")
    assert result.request.body == {"sent": True}
    assert result.response.body == {"got": 1}
    assert result.reasoning is None
    assert not hasattr(result.response, "messages")


@pytest.mark.parametrize("call", [generate_text, stream_text])
async def test_runtime_and_tools_context_carry_from_step_to_step(call: Any) -> None:
    seen: list[tuple[int, dict[str, object], dict[str, object]]] = []

    def prepare(context: Any) -> Any:
        seen.append(
            (context.step_number, dict(context.runtime_context), dict(context.tools_context))
        )
        if context.step_number == 0:
            return {"runtime_context": {"turn": 1}, "tools_context": {"weather": "celsius"}}
        return None

    contexts: list[object] = []
    tools = {
        "weather": tool(
            description="Weather",
            input_schema=City,
            execute=lambda value, options: contexts.append(options.context) or "sunny",
        )
    }
    calls = [("c1", "weather", '{"city": "Oslo"}')]
    model = MockLanguageModel(
        do_generate=[calls_result(*calls), calls_result(*calls, step=1), text_answer("ok", step=2)],
        do_stream=[
            stream_parts(calls=calls, finish="tool-calls"),
            stream_parts(calls=calls, finish="tool-calls", step=1),
            stream_parts("ok", step=2),
        ],
    )
    result = call(
        model=model,
        prompt="x",
        tools=tools,
        prepare_step=prepare,
        runtime_context={"turn": 0},
        stop_when=is_step_count(5),
    )
    steps = await result.steps if call is stream_text else (await result).steps

    assert seen == [
        (0, {"turn": 0}, {}),
        (1, {"turn": 1}, {"weather": "celsius"}),
        (2, {"turn": 1}, {"weather": "celsius"}),
    ]
    assert [dict(step.runtime_context) for step in steps] == [{"turn": 1}] * 3
    assert contexts == ["celsius", "celsius"]  # the override carries forward, as upstream


async def test_generate_texts_timeouts_bound_the_whole_call_and_step() -> None:
    """Also what runs outside the model call: repair_tool_call, callbacks."""

    async def slow_repair(context: Any) -> None:
        await asyncio.sleep(5)

    answers = [calls_result(("c1", "weather", '{"town": 1}')), text_answer("x", step=1)]
    limits: list[tuple[float | TimeoutConfig, str]] = [
        (0.2, "total"),
        (TimeoutConfig(step=0.2), "step"),
    ]
    for timeout, name in limits:
        with pytest.raises(TimeoutError, match=rf"The {name} timeout of 0\.2 s was exceeded"):
            await generate_text(
                model=MockLanguageModel(do_generate=answers),
                prompt="x",
                tools=_tools(),
                repair_tool_call=slow_repair,
                timeout=timeout,
            )

    async def slow_step_end(step: StepResult) -> None:
        await asyncio.sleep(5)

    with pytest.raises(TimeoutError, match=r"The total timeout of 0\.2 s was exceeded"):
        await generate_text(
            model=MockLanguageModel(do_generate=text_answer("x")),
            prompt="x",
            on_step_end=slow_step_end,
            timeout=0.2,
        )


@pytest.mark.parametrize("call", [generate_text, stream_text])
async def test_a_timeout_the_model_raises_itself_is_not_renamed(call: Any) -> None:
    def failing(options: Any) -> Any:
        raise TimeoutError("provider read timeout after 5 s")

    model = MockLanguageModel(do_generate=failing, do_stream=failing)
    result = call(model=model, prompt="x", timeout=600, max_retries=0)
    with pytest.raises(TimeoutError) as raised:
        await (result.text if call is stream_text else result)
    assert str(raised.value) == "provider read timeout after 5 s"


async def test_a_reader_that_stops_at_finish_step_keeps_the_step() -> None:
    model = MockLanguageModel(do_stream=[stream_parts("Hello", " world")])
    async with stream_text(model=model, prompt="hi") as result:
        async for part in result.stream:
            if isinstance(part, FinishStepPart):
                break
    assert (await result.text, len(await result.steps)) == ("Hello world", 1)


async def test_a_tools_own_timeout_error_keeps_its_message() -> None:
    def query(value: City) -> str:
        raise TimeoutError("database timeout")

    tools = {"weather": tool(description="Weather", input_schema=City, execute=query)}
    result = await generate_text(
        model=MockLanguageModel(
            do_generate=[calls_result(("c1", "weather", '{"city": "Oslo"}')), text_answer("x")]
        ),
        prompt="x",
        tools=tools,
        timeout=TimeoutConfig(tool=30),
    )
    [error] = result.steps[0].tool_errors
    assert str(error.error) == "database timeout"


@pytest.mark.parametrize("call", [generate_text, stream_text])
async def test_tool_input_hooks_get_the_runtime_context_and_execute_its_tool_context(
    call: Any,
) -> None:
    seen: list[tuple[str, object]] = []

    def execute(value: City, options: Any) -> str:
        seen.append(("execute", options.context))
        return "sunny"

    tools = {
        "weather": tool(
            description="Weather",
            input_schema=City,
            execute=execute,
            on_input_start=lambda options: seen.append(("start", options.context)),
            on_input_available=lambda value, options: seen.append(("available", options.context)),
        )
    }
    calls = [("c1", "weather", '{"city": "Oslo"}')]
    model = MockLanguageModel(
        do_generate=[calls_result(*calls), text_answer("ok", step=1)],
        do_stream=[stream_parts(calls=calls, finish="tool-calls"), stream_parts("ok", step=1)],
    )
    result = call(
        model=model,
        prompt="x",
        tools=tools,
        runtime_context={"user": "ada"},
        tools_context={"weather": "celsius"},
        stop_when=is_step_count(2),
    )
    await (result.text if call is stream_text else result)

    expected = [("available", {"user": "ada"}), ("execute", "celsius")]
    if call is stream_text:  # the input streams in only there
        expected.insert(0, ("start", {"user": "ada"}))
    assert seen == expected


async def test_telemetry_sees_only_the_context_keys_it_is_told_to() -> None:
    class Recorder(Telemetry):
        def __init__(self) -> None:
            self.contexts: list[tuple[object, object]] = []

        def on_start(self, event: StartEvent) -> None:
            self.contexts.append((event.runtime_context, event.tools_context))

        def on_step_end(self, step: StepResult) -> None:
            self.contexts.append((step.runtime_context, step.tools_context))

    recorder = Recorder()
    mine: list[object] = []
    await generate_text(
        model=MockLanguageModel(do_generate=text_answer("ok")),
        prompt="x",
        runtime_context={"user": "ada", "token": "secret"},
        tools_context={"weather": {"unit": "C", "key": "k"}, "other": {"a": 1}},
        telemetry=TelemetrySettings(
            integrations=[recorder],
            include_runtime_context={"user": True},
            include_tools_context={"weather": {"unit": True}},
        ),
        on_start=lambda event: mine.append(event.runtime_context),
    )
    restricted = ({"user": "ada"}, {"weather": {"unit": "C"}})
    assert recorder.contexts == [restricted, restricted]
    assert mine == [{"user": "ada", "token": "secret"}]  # your own callbacks see it all

    quiet = Recorder()
    await generate_text(
        model=MockLanguageModel(do_generate=text_answer("ok")),
        prompt="x",
        runtime_context={"token": "secret"},
        telemetry=TelemetrySettings(integrations=[quiet]),
    )
    assert quiet.contexts == [({}, {}), ({}, {})]  # nothing by default
