"""generate_text: one step, the tool loop, stop conditions, prepare_step, errors, timeouts."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk._version import __version__
from ai_sdk.generate_text import (
    GenerateTextResult,
    InputTokenDetails,
    LanguageModelUsage,
    ModelInfo,
    OutputTokenDetails,
    PrepareStepContext,
    PrepareStepResult,
    StepRequest,
    StepResponse,
    StepResult,
    ToolCall,
    ToolCallRepairContext,
    ToolError,
    ToolExecutionOptions,
    ToolResult,
    generate_text,
    has_tool_call,
    is_step_count,
    tool,
)
from ai_sdk.prompt import (
    AssistantModelMessage,
    TimeoutConfig,
    ToolModelMessage,
    UserModelMessage,
)
from ai_sdk.provider import (
    APICallError,
    AssistantMessage,
    AutoToolChoice,
    CallOptions,
    ErrorTextOutput,
    FinishReason,
    FunctionTool,
    GenerateResult,
    InputTokens,
    InvalidArgumentError,
    InvalidPromptError,
    InvalidToolInputError,
    JsonOutput,
    MissingToolResultsError,
    NoSuchToolError,
    RequestInfo,
    RequiredToolChoice,
    SystemMessage,
    TextContent,
    TextOutput,
    TextPart,
    ToolCallContent,
    ToolCallPart,
    ToolCallRepairError,
    ToolMessage,
    ToolResultContent,
    ToolResultPart,
    Usage,
    UserMessage,
)
from ai_sdk.testing import MockLanguageModel, text_result, usage
from tests.core.generate_text.helpers import (
    T0,
    calls_result,
    response,
    steady_step,
    text_answer,
)


class City(BaseModel):
    city: str


def weather_tool(**kwargs: Any) -> Any:
    return tool(
        description="Weather in a city",
        input_schema=City,
        execute=lambda value: {"city": value.city, "temp": 21},
        **kwargs,
    )


async def test_single_step_result_and_call_options() -> None:
    model = MockLanguageModel(do_generate=text_answer("Hello!"))
    result = await generate_text(
        model=model,
        prompt="Hi",
        instructions="Be nice",
        temperature=0.3,
        max_output_tokens=50,
        seed=1,
        stop_sequences=["END"],
        headers={"X-Trace": "1"},
        provider_options={"mock": {"flag": True}},
    )
    assert steady_step(result.steps[0]) == StepResult(
        call_id=result.steps[0].call_id,
        step_number=0,
        model=ModelInfo(provider="mock-provider", model_id="mock-model-id"),
        content=[TextContent(text="Hello!")],
        finish_reason="stop",
        raw_finish_reason="stop",
        usage=LanguageModelUsage(input_tokens=10, output_tokens=5, total_tokens=15),
        performance=steady_step(result.steps[0]).performance,
        warnings=[],
        request=StepRequest(),
        response=StepResponse(
            id="resp-0",
            timestamp=T0,
            model_id="model-0",
            messages=[AssistantModelMessage(content=[TextPart(text="Hello!")])],
        ),
    )
    assert (result.text, result.finish_reason, result.output) == ("Hello!", "stop", "Hello!")
    assert (
        result.response.messages
        == result.response_messages
        == [AssistantModelMessage(content=[TextPart(text="Hello!")])]
    )
    assert model.calls == [
        CallOptions(
            prompt=[
                SystemMessage(content="Be nice"),
                UserMessage(content=[TextPart(text="Hi")]),
            ],
            max_output_tokens=50,
            temperature=0.3,
            stop_sequences=["END"],
            seed=1,
            tool_choice=AutoToolChoice(),
            headers={"x-trace": "1", "user-agent": f"ai/{__version__}"},
            provider_options={"mock": {"flag": True}},
        )
    ]


async def test_usage_is_summed_and_unknown_stays_none() -> None:
    details = Usage(input_tokens=InputTokens(total=3, cache_read=2), raw={"prompt_tokens": 3})
    model = MockLanguageModel(
        do_generate=[
            calls_result(("c1", "weather", '{"city": "Oslo"}'), use=details),
            text_answer("done", step=1, use=Usage()),
        ]
    )
    result = await generate_text(
        model=model, prompt="x", tools={"weather": weather_tool()}, stop_when=is_step_count(5)
    )
    assert result.steps[0].usage.raw == {"prompt_tokens": 3}
    assert result.steps[1].usage == LanguageModelUsage()
    assert result.usage == LanguageModelUsage(
        input_tokens=3,
        input_token_details=InputTokenDetails(cache_read_tokens=2),
        output_tokens=None,
        output_token_details=OutputTokenDetails(),
        total_tokens=3,
    )


async def test_two_step_tool_loop_feeds_results_back() -> None:
    model = MockLanguageModel(
        do_generate=[
            calls_result(("c1", "weather", '{"city": "Paris"}'), text="Checking"),
            text_answer("Sunny, 21", step=1),
        ]
    )
    result = await generate_text(
        model=model,
        prompt="Weather in Paris?",
        tools={"weather": weather_tool()},
        stop_when=is_step_count(3),
    )
    call = ToolCall(tool_call_id="c1", tool_name="weather", input=City(city="Paris"))
    assert result.steps[0].content == [
        TextContent(text="Checking"),
        call,
        ToolResult(
            tool_call_id="c1",
            tool_name="weather",
            input=City(city="Paris"),
            output={"city": "Paris", "temp": 21},
        ),
    ]
    assert (result.text, len(result.steps), result.tool_calls) == ("Sunny, 21", 2, [call])
    assert result.response_messages == [
        AssistantModelMessage(
            content=[
                TextPart(text="Checking"),
                ToolCallPart(tool_call_id="c1", tool_name="weather", input={"city": "Paris"}),
            ]
        ),
        ToolModelMessage(
            content=[
                ToolResultPart(
                    tool_call_id="c1",
                    tool_name="weather",
                    output=JsonOutput(value={"city": "Paris", "temp": 21}),
                )
            ]
        ),
        AssistantModelMessage(content=[TextPart(text="Sunny, 21")]),
    ]
    second = model.calls[1]
    assert second.prompt[1:] == [
        AssistantMessage(
            content=[
                TextPart(text="Checking"),
                ToolCallPart(tool_call_id="c1", tool_name="weather", input={"city": "Paris"}),
            ]
        ),
        ToolMessage(
            content=[
                ToolResultPart(
                    tool_call_id="c1",
                    tool_name="weather",
                    output=JsonOutput(value={"city": "Paris", "temp": 21}),
                )
            ]
        ),
    ]
    assert second.tools == [
        FunctionTool(
            name="weather",
            description="Weather in a city",
            input_schema={
                "type": "object",
                "title": "City",
                "properties": {"city": {"type": "string", "title": "City"}},
                "required": ["city"],
                "additionalProperties": False,
            },
        )
    ]


async def test_tools_run_in_parallel() -> None:
    started: dict[str, asyncio.Event] = {"a": asyncio.Event(), "b": asyncio.Event()}

    async def wait_for_other(value: City) -> str:
        me, other = ("a", "b") if value.city == "A" else ("b", "a")
        started[me].set()
        # Sequential execution would wait here forever (and time out): both must run at once.
        await asyncio.wait_for(started[other].wait(), timeout=2)
        return value.city

    model = MockLanguageModel(
        do_generate=calls_result(("1", "t", '{"city": "A"}'), ("2", "t", '{"city": "B"}'))
    )
    result = await generate_text(
        model=model, prompt="x", tools={"t": tool(input_schema=City, execute=wait_for_other)}
    )
    assert [(r.tool_call_id, r.output) for r in result.tool_results] == [("1", "A"), ("2", "B")]


async def test_sync_execute_runs_in_a_worker_thread_with_options() -> None:
    seen: list[Any] = []

    def execute(value: City, options: ToolExecutionOptions) -> str:
        seen.append((threading.get_ident(), options.tool_call_id, options.context))
        return "ok"

    model = MockLanguageModel(do_generate=calls_result(("c9", "t", '{"city": "x"}')))
    await generate_text(
        model=model,
        prompt="x",
        tools={"t": tool(input_schema=City, execute=execute)},
        tools_context={"t": {"user": 7}},
    )
    assert seen == [(seen[0][0], "c9", {"user": 7})]
    assert seen[0][0] != threading.get_ident()


async def test_tool_error_is_sent_back_as_error_text() -> None:
    def fail(value: City) -> str:
        raise ValueError("city service down")

    model = MockLanguageModel(
        do_generate=[calls_result(("c1", "t", '{"city": "x"}')), text_answer("sorry", step=1)]
    )
    result = await generate_text(
        model=model,
        prompt="x",
        tools={"t": tool(input_schema=City, execute=fail)},
        stop_when=is_step_count(2),
    )
    error = result.steps[0].content[-1]
    assert isinstance(error, ToolError)
    assert isinstance(error.error, ValueError)
    assert model.calls[1].prompt[-1] == ToolMessage(
        content=[
            ToolResultPart(
                tool_call_id="c1",
                tool_name="t",
                output=ErrorTextOutput(value="city service down"),
            )
        ]
    )
    assert result.text == "sorry"


async def test_empty_input_means_empty_object() -> None:
    class NoArgs(BaseModel):
        pass

    model = MockLanguageModel(do_generate=calls_result(("c1", "now", "")))
    result = await generate_text(
        model=model,
        prompt="x",
        tools={"now": tool(input_schema=NoArgs, execute=lambda _: "12:00")},
    )
    assert result.tool_results[0].input == NoArgs()
    assert result.tool_results[0].output == "12:00"


async def test_invalid_input_is_fed_back_not_raised() -> None:
    model = MockLanguageModel(
        do_generate=[calls_result(("c1", "weather", '{"city": 5}')), text_answer("ok", step=1)]
    )
    result = await generate_text(
        model=model, prompt="x", tools={"weather": weather_tool()}, stop_when=is_step_count(2)
    )
    call, error = result.steps[0].content
    assert isinstance(call, ToolCall)
    assert (call.invalid, call.dynamic) == (True, True)
    assert call.input == {"city": 5}
    assert isinstance(call.error, InvalidToolInputError)
    assert error == ToolError(
        tool_call_id="c1",
        tool_name="weather",
        input={"city": 5},
        error='Invalid input for tool weather: Type validation failed: Value: {"city":5}.\n'
        "Error message: city: Input should be a valid string",
        dynamic=True,
    )
    assert model.calls[1].prompt[-2:] == [
        AssistantMessage(
            content=[ToolCallPart(tool_call_id="c1", tool_name="weather", input={"city": 5})]
        ),
        ToolMessage(
            content=[
                ToolResultPart(
                    tool_call_id="c1",
                    tool_name="weather",
                    output=ErrorTextOutput(value=str(error.error)),
                )
            ]
        ),
    ]


async def test_unparseable_input_keeps_the_text_and_sends_an_empty_object() -> None:
    model = MockLanguageModel(do_generate=calls_result(("c1", "weather", "{oops")))
    result = await generate_text(model=model, prompt="x", tools={"weather": weather_tool()})
    assert result.tool_calls[0].input == "{oops"
    assert result.response_messages[0] == AssistantModelMessage(
        content=[ToolCallPart(tool_call_id="c1", tool_name="weather", input={})]
    )


async def test_repair_fixes_an_invalid_call() -> None:
    seen: list[ToolCallRepairContext] = []

    async def repair(context: ToolCallRepairContext) -> ToolCallContent:
        seen.append(context)
        return dataclasses.replace(context.tool_call, input='{"city": "Rome"}')

    model = MockLanguageModel(do_generate=calls_result(("c1", "weather", '{"town": "Rome"}')))
    result = await generate_text(
        model=model, prompt="x", tools={"weather": weather_tool()}, repair_tool_call=repair
    )
    assert result.tool_results[0].output == {"city": "Rome", "temp": 21}
    assert isinstance(seen[0].error, InvalidToolInputError)
    assert seen[0].input_schema("weather") == {
        "type": "object",
        "title": "City",
        "properties": {"city": {"type": "string", "title": "City"}},
        "required": ["city"],
        "additionalProperties": False,
    }
    assert seen[0].input_schema("nope") is None


async def test_repair_returning_none_and_unknown_tools() -> None:
    errors: list[object] = []

    def give_up(context: ToolCallRepairContext) -> None:
        errors.append(context.error)

    model = MockLanguageModel(do_generate=calls_result(("c1", "forecast", "{}")))
    result = await generate_text(
        model=model, prompt="x", tools={"weather": weather_tool()}, repair_tool_call=give_up
    )
    assert isinstance(errors[0], NoSuchToolError)
    assert result.tool_calls[0].invalid
    assert str(result.tool_calls[0].error) == (
        "Model tried to call unavailable tool 'forecast'. Available tools: weather."
    )


async def test_repair_that_raises_becomes_a_repair_error() -> None:
    def broken(context: ToolCallRepairContext) -> None:
        raise RuntimeError("repair crashed")

    model = MockLanguageModel(do_generate=calls_result(("c1", "weather", "{}")))
    result = await generate_text(
        model=model, prompt="x", tools={"weather": weather_tool()}, repair_tool_call=broken
    )
    error = result.tool_calls[0].error
    assert isinstance(error, ToolCallRepairError)
    assert isinstance(error.original_error, InvalidToolInputError)
    assert str(error) == "Error repairing tool call: repair crashed"


async def test_default_stop_is_one_step() -> None:
    model = MockLanguageModel(do_generate=calls_result(("c1", "weather", '{"city": "a"}')))
    result = await generate_text(model=model, prompt="x", tools={"weather": weather_tool()})
    assert len(model.calls) == 1
    assert result.tool_results[0].output == {"city": "a", "temp": 21}
    assert result.finish_reason == "tool-calls"


async def test_step_count_stops_a_model_that_keeps_calling_tools() -> None:
    model = MockLanguageModel(do_generate=lambda o: calls_result(("c", "weather", '{"city": "a"}')))
    result = await generate_text(
        model=model, prompt="x", tools={"weather": weather_tool()}, stop_when=is_step_count(3)
    )
    assert [s.step_number for s in result.steps] == [0, 1, 2]


async def test_has_tool_call_and_custom_conditions() -> None:
    def script(options: CallOptions) -> GenerateResult:
        step = (len(options.prompt) - 1) // 2
        name = "final" if step == 2 else "weather"
        return calls_result((f"c{step}", name, '{"city": "a"}'), step=step)

    tools = {"weather": weather_tool(), "final": weather_tool()}
    by_tool = await generate_text(
        model=MockLanguageModel(do_generate=script),
        prompt="x",
        tools=tools,
        stop_when=[is_step_count(10), has_tool_call("final")],
    )
    assert len(by_tool.steps) == 3

    async def after_two(steps: Any) -> bool:
        return len(steps) == 2

    by_async = await generate_text(
        model=MockLanguageModel(do_generate=script), prompt="x", tools=tools, stop_when=after_two
    )
    assert len(by_async.steps) == 2
    by_sync = await generate_text(
        model=MockLanguageModel(do_generate=script),
        prompt="x",
        tools=tools,
        stop_when=lambda steps: steps[-1].tool_calls[0].tool_call_id == "c0",
    )
    assert len(by_sync.steps) == 1


async def test_a_tool_without_execute_ends_the_loop() -> None:
    model = MockLanguageModel(do_generate=calls_result(("c1", "ask", '{"city": "a"}')))
    result = await generate_text(
        model=model,
        prompt="x",
        tools={"ask": tool(input_schema=City)},
        stop_when=is_step_count(5),
    )
    assert len(model.calls) == 1
    assert result.tool_results == []
    assert result.response_messages == [
        AssistantModelMessage(
            content=[ToolCallPart(tool_call_id="c1", tool_name="ask", input={"city": "a"})]
        )
    ]


async def test_prepare_step_overrides() -> None:
    other = MockLanguageModel(model_id="other", do_generate=text_answer("from other", step=1))
    model = MockLanguageModel(do_generate=calls_result(("c1", "weather", '{"city": "a"}')))
    contexts: list[PrepareStepContext] = []

    def prepare(context: PrepareStepContext) -> PrepareStepResult | dict[str, Any] | None:
        contexts.append(context)
        if context.step_number == 0:
            return PrepareStepResult(
                tool_choice="required",
                active_tools=["weather"],
                instructions="Step zero rules",
                temperature=0.9,
                provider_options={"mock": {"b": 2}},
            )
        return {"model": other, "messages": [*context.messages[-2:]], "tool_choice": "none"}

    result = await generate_text(
        model=model,
        prompt="x",
        tools={"weather": weather_tool(), "unused": weather_tool()},
        stop_when=is_step_count(2),
        prepare_step=prepare,
        temperature=0.1,
        provider_options={"mock": {"a": 1}},
    )
    first = model.calls[0]
    assert (first.tool_choice, [t.name for t in first.tools or []]) == (
        RequiredToolChoice(),
        ["weather"],
    )
    assert first.prompt[0] == SystemMessage(content="Step zero rules")
    assert (first.temperature, first.provider_options) == (0.9, {"mock": {"a": 1, "b": 2}})
    second = other.calls[0]
    # instructions carry forward; messages were replaced by the last two; settings reset
    assert second.prompt[0] == SystemMessage(content="Step zero rules")
    assert [m.role for m in second.prompt] == ["system", "assistant", "tool"]
    assert (second.temperature, second.tool_choice.type) == (0.1, "none")  # type: ignore[union-attr]
    assert result.steps[1].model == ModelInfo(provider="mock-provider", model_id="other")
    assert [c.step_number for c in contexts] == [0, 1]
    assert contexts[1].response_messages == result.steps[0].response.messages


async def test_callbacks_receive_steps_and_the_result() -> None:
    steps: list[int] = []
    ended: list[GenerateTextResult[Any]] = []

    async def on_end(result: GenerateTextResult[Any]) -> None:
        ended.append(result)

    model = MockLanguageModel(
        do_generate=[calls_result(("c1", "weather", '{"city": "a"}')), text_answer("b", step=1)]
    )
    result = await generate_text(
        model=model,
        prompt="x",
        tools={"weather": weather_tool()},
        stop_when=is_step_count(2),
        on_step_end=lambda step: steps.append(step.step_number),
        on_end=on_end,
    )
    assert steps == [0, 1]
    assert ended[0].steps == result.steps


async def test_retryable_errors_are_retried_then_raised() -> None:
    flaky = APICallError(
        "overloaded", url="u", status_code=529, response_headers={"retry-after-ms": "0"}
    )
    model = MockLanguageModel(do_generate=[flaky, text_answer("ok")])
    assert (await generate_text(model=model, prompt="x")).text == "ok"
    model = MockLanguageModel(do_generate=[flaky])
    with pytest.raises(APICallError):
        await generate_text(model=model, prompt="x", max_retries=0)
    with pytest.raises(InvalidArgumentError) as caught:
        await generate_text(model=model, prompt="x", max_retries=-1)
    assert caught.value.parameter == "max_retries"


async def test_argument_and_prompt_errors_raise_before_any_call() -> None:
    model = MockLanguageModel(do_generate=text_answer("x"))
    with pytest.raises(InvalidArgumentError):
        await generate_text(model=model, prompt="x", temperature="hot")  # type: ignore[arg-type]
    with pytest.raises(InvalidPromptError):
        await generate_text(model=model, messages=[])
    with pytest.raises(InvalidArgumentError, match="instructions= or system="):
        await generate_text(model=model, prompt="x", system="a", instructions="b")
    with pytest.raises(MissingToolResultsError) as caught:
        await generate_text(
            model=model,
            messages=[
                {"role": "user", "content": "x"},
                {
                    "role": "assistant",
                    "content": [
                        {"type": "tool-call", "toolCallId": "k", "toolName": "t", "input": {}}
                    ],
                },
            ],
        )
    assert caught.value.tool_call_ids == ["k"]
    assert model.calls == []


async def test_total_step_and_tool_timeouts() -> None:
    async def slow(options: CallOptions) -> GenerateResult:
        await asyncio.sleep(5)
        return text_result("late")

    with pytest.raises(TimeoutError, match=r"The total timeout of 0\.05 s was exceeded"):
        await generate_text(model=MockLanguageModel(do_generate=slow), prompt="x", timeout=0.05)
    with pytest.raises(TimeoutError, match=r"The step timeout of 0\.05 s was exceeded"):
        await generate_text(
            model=MockLanguageModel(do_generate=slow),
            prompt="x",
            timeout=TimeoutConfig(step=0.05),
        )

    async def hang(value: City) -> str:
        await asyncio.sleep(5)
        return "never"

    model = MockLanguageModel(
        do_generate=[calls_result(("c1", "t", '{"city": "a"}')), text_answer("gave up", step=1)]
    )
    result = await generate_text(
        model=model,
        prompt="x",
        tools={"t": tool(input_schema=City, execute=hang)},
        timeout=TimeoutConfig(tools={"t": 0.05}),
        stop_when=is_step_count(2),
    )
    error = result.steps[0].tool_errors[0]
    assert isinstance(error.error, TimeoutError)
    assert str(error.error) == "Tool 't' timed out after 0.05 s"
    assert model.calls[1].prompt[-1].content[0].output == ErrorTextOutput(  # type: ignore[union-attr]
        value="Tool 't' timed out after 0.05 s"
    )


async def test_cancellation_cancels_running_tools() -> None:
    entered = asyncio.Event()
    cancelled = asyncio.Event()

    async def hang(value: City) -> str:
        entered.set()
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return "never"

    model = MockLanguageModel(do_generate=calls_result(("c1", "t", '{"city": "a"}')))
    task = asyncio.ensure_future(
        generate_text(model=model, prompt="x", tools={"t": tool(input_schema=City, execute=hang)})
    )
    await asyncio.wait_for(entered.wait(), 2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.wait_for(cancelled.wait(), 2)


async def test_provider_executed_tool_results_and_other_content() -> None:
    from ai_sdk.provider import (
        FileContent,
        FileDataBytes,
        ReasoningContent,
        UrlSource,
    )

    result_with_everything = GenerateResult(
        content=[
            ReasoningContent(text="thinking"),
            ToolCallContent(
                tool_call_id="s1",
                tool_name="web",
                input='{"q": "x"}',
                provider_executed=True,
                dynamic=True,
            ),
            ToolResultContent(tool_call_id="s1", tool_name="web", result={"hits": 1}, dynamic=True),
            UrlSource(id="src", url="https://a.example", title="A"),
            FileContent(media_type="image/png", data=FileDataBytes(data=b"\x89PNG")),
            TextContent(text="answer"),
        ],
        finish_reason=FinishReason(unified="stop"),
        usage=usage(1, 1),
        response=response(),
        request=RequestInfo(body={"sent": True}),
    )
    model = MockLanguageModel(do_generate=result_with_everything)
    result = await generate_text(
        model=model, prompt="x", include={"request_body": True, "request_messages": True}
    )
    assert result.reasoning_text == "thinking"
    assert result.tool_results == [
        ToolResult(
            tool_call_id="s1",
            tool_name="web",
            input={"q": "x"},
            output={"hits": 1},
            provider_executed=True,
            dynamic=True,
        )
    ]
    assert [f.media_type for f in result.files] == ["image/png"]
    assert result.files[0].data == b"\x89PNG"
    assert result.sources[0].url == "https://a.example"  # type: ignore[union-attr]
    assert result.request.body == {"sent": True}
    assert result.request.messages == [UserModelMessage(content="x")]
    assistant = result.response_messages[0]
    assert [p.type for p in assistant.content] == [  # type: ignore[union-attr]
        "reasoning",
        "tool-call",
        "tool-result",
        "file",
        "text",
    ]
    assert assistant.content[2].output == JsonOutput(value={"hits": 1})  # type: ignore[union-attr,index]
    # the provider ran the tool: no tool message, and the loop does not continue
    assert len(result.response_messages) == 1


async def test_text_outputs_are_sent_as_text() -> None:
    model = MockLanguageModel(
        do_generate=[calls_result(("c1", "t", '{"city": "a"}')), text_answer("b", step=1)]
    )
    await generate_text(
        model=model,
        prompt="x",
        tools={"t": tool(input_schema=City, execute=lambda v: f"It is {v.city}")},
        stop_when=is_step_count(2),
    )
    assert model.calls[1].prompt[-1].content[0].output == TextOutput(value="It is a")  # type: ignore[union-attr]
