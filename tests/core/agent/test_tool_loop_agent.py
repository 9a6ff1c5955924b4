"""`ToolLoopAgent`: settings fixed at creation, per-call prompt and callbacks, the same kernel."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, ClassVar

import pytest
from pydantic import BaseModel

from ai_sdk import (
    AgentCall,
    ToolLoopAgent,
    TypeValidationError,
    is_step_count,
    tool,
)
from ai_sdk._version import __version__
from ai_sdk.agent import DEFAULT_MAX_STEPS
from ai_sdk.generate_text import StepResult
from ai_sdk.provider import SystemMessage, TextPart, UserMessage
from ai_sdk.telemetry import StartEvent, Telemetry, TelemetrySettings
from ai_sdk.testing import MockLanguageModel

from ..generate_text.helpers import calls_result, stream_parts, text_answer


class City(BaseModel):
    city: str


def weather() -> Any:
    return tool(
        description="Weather in a city",
        input_schema=City,
        execute=lambda value: f"Sunny in {value.city}",
    )


def looping_model() -> MockLanguageModel:
    """A model that asks for the weather on every step, forever."""
    return MockLanguageModel(
        do_generate=lambda options: calls_result(("c1", "weather", '{"city": "Oslo"}'))
    )


async def test_settings_reach_every_call_and_the_default_stop_is_20_steps() -> None:
    model = looping_model()
    agent = ToolLoopAgent(
        model=model, instructions="Be brief.", tools={"weather": weather()}, temperature=0.25
    )

    result = await agent.generate(prompt="Weather?")

    assert DEFAULT_MAX_STEPS == 20
    assert len(result.steps) == 20
    first = model.calls[0]
    assert first.prompt[:2] == [
        SystemMessage(content="Be brief."),
        UserMessage(content=[TextPart(text="Weather?")]),
    ]
    assert first.temperature == 0.25
    assert [t.name for t in first.tools or []] == ["weather"]
    # As upstream: the agent tags its requests; generate_text adds its own token after it.
    assert first.headers == {"user-agent": f"ai-sdk-agent/tool-loop ai/{__version__}"}


async def test_a_stop_condition_of_the_agent_wins_over_the_default() -> None:
    agent = ToolLoopAgent(
        model=looping_model(), tools={"weather": weather()}, stop_when=is_step_count(3)
    )
    assert len((await agent.generate(prompt="x")).steps) == 3


async def test_stream_and_its_sync_twin() -> None:
    model = MockLanguageModel(do_stream=[stream_parts("Hel", "lo"), stream_parts("Hi")])
    agent = ToolLoopAgent(model=model, instructions="Be brief.")

    result = await agent.stream(prompt="Hi")
    assert [delta async for delta in result.text_stream] == ["Hel", "lo"]
    assert model.calls[0].headers == {"user-agent": "ai-sdk-agent/tool-loop"}

    with agent.stream_sync(prompt="again") as synced:
        assert synced.text == "Hi"


def test_generate_sync() -> None:
    agent = ToolLoopAgent(model=MockLanguageModel(do_generate=text_answer("done")))
    assert agent.generate_sync(prompt="x").text == "done"


async def test_the_agents_and_the_calls_callbacks_both_run_and_errors_do_not_stop_the_call(
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen: list[str] = []

    def failing(step: StepResult) -> None:
        seen.append("agent")
        raise RuntimeError("agent callback failed")

    async def call_callback(step: StepResult) -> None:
        await asyncio.sleep(0)
        seen.append("call")

    agent = ToolLoopAgent(
        model=MockLanguageModel(do_generate=text_answer("done")),
        on_step_end=failing,
        on_end=lambda result: seen.append("agent end"),
    )
    with caplog.at_level(logging.WARNING, logger="ai_sdk"):
        result = await agent.generate(
            prompt="x", on_step_end=call_callback, on_end=lambda result: seen.append("call end")
        )

    assert result.text == "done"
    assert sorted(seen) == ["agent", "agent end", "call", "call end"]
    assert "agent callback failed" in caplog.text


async def test_prepare_call_changes_the_call() -> None:
    first = MockLanguageModel(do_generate=text_answer("first"))
    second = MockLanguageModel(do_generate=text_answer("second"))
    seen: list[AgentCall] = []

    async def prepare(call: AgentCall) -> AgentCall:
        seen.append(dict(call))  # type: ignore[arg-type]
        return {**call, "model": second, "instructions": "Prepared."}

    agent = ToolLoopAgent(model=first, instructions="Original.", prepare_call=prepare)
    result = await agent.generate(prompt="x")

    assert (result.text, first.calls) == ("second", [])
    assert seen[0]["instructions"] == "Original."
    assert seen[0]["prompt"] == "x"
    assert second.calls[0].prompt[0] == SystemMessage(content="Prepared.")


class Options(BaseModel):
    user: str


async def test_call_options_are_validated_and_given_to_prepare_call() -> None:
    seen: list[object] = []

    def prepare(call: AgentCall) -> AgentCall:
        seen.append(call.get("options"))
        return {**call, "instructions": f"The user is {call['options'].user}."}

    model = MockLanguageModel(do_generate=text_answer("hi"))
    agent = ToolLoopAgent(model=model, call_options_schema=Options, prepare_call=prepare)

    await agent.generate(prompt="x", options={"user": "ada"})
    assert seen == [Options(user="ada")]
    assert model.calls[0].prompt[0] == SystemMessage(content="The user is ada.")

    with pytest.raises(TypeValidationError, match="options"):
        await agent.generate(prompt="x", options={"name": "ada"})
    assert len(model.calls) == 1


def test_unknown_settings_and_callbacks_are_type_errors() -> None:
    with pytest.raises(TypeError, match="did you mean 'temperature'"):
        ToolLoopAgent(model=MockLanguageModel(), temprature=1)  # type: ignore[call-arg]


async def test_an_unknown_call_callback_is_a_type_error() -> None:
    agent = ToolLoopAgent(model=MockLanguageModel(do_generate=text_answer("x")))
    with pytest.raises(TypeError, match="did you mean 'on_step_end'"):
        await agent.generate(prompt="x", on_step_ends=print)  # type: ignore[call-arg]


def test_identity_and_tools() -> None:
    agent = ToolLoopAgent(model=MockLanguageModel(), id="weather-bot", tools=[weather_tool()])
    assert (agent.version, agent.id, list(agent.tools)) == ("agent-v1", "weather-bot", ["weather"])


def weather_tool() -> Any:
    @tool
    def weather(city: str) -> str:
        """Weather in a city."""
        return f"Sunny in {city}"

    return weather


def test_the_sync_twins_call_a_subclass_override() -> None:
    class LoggingAgent(ToolLoopAgent):
        calls: ClassVar[list[str]] = []

        async def generate(self, **kwargs: Any) -> Any:
            LoggingAgent.calls.append("generate")
            return await super().generate(**kwargs)

        async def stream(self, **kwargs: Any) -> Any:
            LoggingAgent.calls.append("stream")
            return await super().stream(**kwargs)

    model = MockLanguageModel(do_generate=text_answer("hi"), do_stream=stream_parts("hi"))
    agent = LoggingAgent(model=model)
    assert agent.generate_sync(prompt="x").text == "hi"
    with agent.stream_sync(prompt="x") as result:
        assert result.text == "hi"
    assert LoggingAgent.calls == ["generate", "stream"]


def test_the_prompt_is_not_an_agent_setting() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'prompt'"):
        ToolLoopAgent(model=MockLanguageModel(), prompt="hi")  # type: ignore[call-arg]


async def test_no_stop_conditions_runs_until_the_model_stops_calling_tools() -> None:
    answers = [calls_result(("c1", "weather", '{"city": "Oslo"}'), step=i) for i in range(25)]
    model = MockLanguageModel(do_generate=[*answers, text_answer("done", step=25)])
    agent = ToolLoopAgent(model=model, tools={"weather": weather()}, stop_when=[])
    result = await agent.generate(prompt="x")
    assert (len(result.steps), result.text) == (26, "done")


async def test_the_agents_id_names_its_telemetry() -> None:
    class Recorder(Telemetry):
        def __init__(self) -> None:
            self.names: list[str | None] = []

        def on_start(self, event: StartEvent) -> None:
            self.names.append(event.function_id)

    recorder = Recorder()
    model = MockLanguageModel(do_generate=text_answer("hi"))
    agent = ToolLoopAgent(
        model=model, id="weather-bot", telemetry=TelemetrySettings(integrations=[recorder])
    )
    await agent.generate(prompt="x")
    named = ToolLoopAgent(
        model=model,
        id="weather-bot",
        telemetry=TelemetrySettings(integrations=[recorder], function_id="mine"),
    )
    await named.generate(prompt="x")
    assert recorder.names == ["weather-bot", "mine"]
