"""Lifecycle callbacks and `Telemetry` integrations of `generate_text` / `stream_text`."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk.generate_text import (
    generate_text,
    generate_text_sync,
    is_step_count,
    stream_text,
    stream_text_sync,
    tool,
)
from ai_sdk.provider import StreamResult, StreamStart, TextDelta, TextStart
from ai_sdk.telemetry import (
    AbortEvent,
    ErrorEvent,
    ModelCallEndEvent,
    ModelCallStartEvent,
    StartEvent,
    StepStartEvent,
    Telemetry,
    TelemetrySettings,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
    register_telemetry,
    registered_telemetry,
    unregister_telemetry,
)
from ai_sdk.telemetry._hooks import make_hooks
from ai_sdk.testing import MockLanguageModel
from tests.core.generate_text.helpers import calls_result, stream_parts, text_answer


class City(BaseModel):
    city: str


TOOLS = {
    "weather": tool(
        description="Weather", input_schema=City, execute=lambda c: {"temp": 21, "city": c.city}
    )
}


class Recorder(Telemetry):
    """Records every hook as (name, detail)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, Any]] = []

    def on_start(self, event: StartEvent) -> None:
        self.seen.append(("start", event.operation))

    async def on_step_start(self, event: StepStartEvent) -> None:
        await asyncio.sleep(0)
        self.seen.append(("step_start", event.step_number))

    def on_model_call_start(self, event: ModelCallStartEvent) -> None:
        self.seen.append(("model_start", event.step_number))

    def on_model_call_end(self, event: ModelCallEndEvent) -> None:
        self.seen.append(("model_end", (event.finish_reason, event.text)))

    def on_tool_execution_start(self, event: ToolExecutionStartEvent) -> None:
        self.seen.append(("tool_start", event.tool_call.tool_call_id))

    def on_tool_execution_end(self, event: ToolExecutionEndEvent) -> None:
        self.seen.append(("tool_end", event.output.type))

    def on_step_end(self, step: Any) -> None:
        self.seen.append(("step_end", step.step_number))

    def on_end(self, result: Any) -> None:
        self.seen.append(("end", result.text))

    def on_error(self, event: ErrorEvent) -> None:
        self.seen.append(("error", str(event.error)))

    def on_abort(self, event: AbortEvent) -> None:
        self.seen.append(("abort", len(event.steps)))


@pytest.fixture(autouse=True)
def clean_registry() -> Iterator[None]:
    yield
    unregister_telemetry()


def tool_loop(*, stream: bool) -> MockLanguageModel:
    if stream:
        return MockLanguageModel(
            do_stream=[
                stream_parts(
                    "", calls=[("c1", "weather", '{"city": "Oslo"}')], finish="tool-calls"
                ),
                stream_parts("Warm", step=1),
            ]
        )
    return MockLanguageModel(
        do_generate=[calls_result(("c1", "weather", '{"city": "Oslo"}')), text_answer("Warm")]
    )


LOOP_EVENTS = [
    ("start", None),
    ("step_start", 0),
    ("model_start", 0),
    ("model_end", ("tool-calls", "")),
    ("tool_start", "c1"),
    ("tool_end", "tool-result"),
    ("step_end", 0),
    ("step_start", 1),
    ("model_start", 1),
    ("model_end", ("stop", "Warm")),
    ("step_end", 1),
    ("end", "Warm"),
]


def expected(operation: str) -> list[tuple[str, Any]]:
    return [("start", operation), *LOOP_EVENTS[1:]]


@pytest.mark.parametrize("streaming", [False, True])
async def test_integration_sees_every_point_in_order(streaming: bool) -> None:
    recorder = Recorder()
    arguments: dict[str, Any] = {
        "model": tool_loop(stream=streaming),
        "prompt": "x",
        "tools": TOOLS,
        "stop_when": is_step_count(3),
        "telemetry": TelemetrySettings(integrations=[recorder]),
    }
    if streaming:
        await stream_text(**arguments).consume_stream()
    else:
        await generate_text(**arguments)
    assert recorder.seen == expected("stream_text" if streaming else "generate_text")


@pytest.mark.parametrize("streaming", [False, True])
async def test_callbacks_sync_and_async_interleave_with_step_and_end(streaming: bool) -> None:
    seen: list[str] = []

    async def on_step_start(event: StepStartEvent) -> None:
        seen.append(f"step_start {event.step_number} {event.model_id}")

    arguments: dict[str, Any] = {
        "model": tool_loop(stream=streaming),
        "prompt": "x",
        "tools": TOOLS,
        "stop_when": is_step_count(3),
        "on_start": lambda e: seen.append(f"start {e.operation} {e.tool_names}"),
        "on_step_start": on_step_start,
        "on_tool_execution_start": lambda e: seen.append(f"tool_start {e.tool_call.tool_name}"),
        "on_tool_execution_end": lambda e: seen.append(f"tool_end {e.output.output}"),
        "on_step_end": lambda s: seen.append(f"step_end {s.step_number}"),
        "on_end": lambda r: seen.append(f"end {r.text}"),
    }
    if streaming:
        await stream_text(**arguments).consume_stream()
    else:
        await generate_text(**arguments)
    operation = "stream_text" if streaming else "generate_text"
    assert seen == [
        f"start {operation} ['weather']",
        "step_start 0 mock-model-id",
        "tool_start weather",
        "tool_end {'temp': 21, 'city': 'Oslo'}",
        "step_end 0",
        "step_start 1 mock-model-id",
        "step_end 1",
        "end Warm",
    ]


def test_sync_twins_forward_the_new_callbacks() -> None:
    seen: list[str] = []
    recorder = Recorder()
    generate_text_sync(
        model=tool_loop(stream=False),
        prompt="x",
        tools=TOOLS,
        stop_when=is_step_count(3),
        telemetry=TelemetrySettings(integrations=[recorder]),
        on_start=lambda e: seen.append("start"),
        on_step_start=lambda e: seen.append("step_start"),
        on_tool_execution_start=lambda e: seen.append("tool_start"),
        on_tool_execution_end=lambda e: seen.append("tool_end"),
    )
    assert seen == ["start", "step_start", "tool_start", "tool_end", "step_start"]
    assert recorder.seen == expected("generate_text")
    seen.clear()
    with stream_text_sync(
        model=tool_loop(stream=True),
        prompt="x",
        tools=TOOLS,
        stop_when=is_step_count(3),
        on_start=lambda e: seen.append("start"),
        on_step_start=lambda e: seen.append("step_start"),
        on_tool_execution_start=lambda e: seen.append("tool_start"),
        on_tool_execution_end=lambda e: seen.append("tool_end"),
    ) as result:
        assert result.text == "Warm"
    assert seen == ["start", "step_start", "tool_start", "tool_end", "step_start"]


async def test_registered_integrations_apply_to_every_call_unless_disabled() -> None:
    recorder = Recorder()
    register_telemetry(recorder)
    register_telemetry(recorder)  # registering twice is harmless
    assert registered_telemetry() == [recorder]
    await generate_text(model=MockLanguageModel(do_generate=text_answer("hi")), prompt="x")
    assert [name for name, _ in recorder.seen] == [
        "start",
        "step_start",
        "model_start",
        "model_end",
        "step_end",
        "end",
    ]
    recorder.seen.clear()
    await generate_text(
        model=MockLanguageModel(do_generate=text_answer("hi")),
        prompt="x",
        telemetry=TelemetrySettings(is_enabled=False),
    )
    assert recorder.seen == []
    other = Recorder()
    await generate_text(
        model=MockLanguageModel(do_generate=text_answer("hi")),
        prompt="x",
        telemetry=TelemetrySettings(integrations=[other]),
    )
    assert (recorder.seen, len(other.seen)) == ([], 6)
    unregister_telemetry(recorder)
    assert registered_telemetry() == []


def test_nothing_listening_means_no_hooks_at_all() -> None:
    assert make_hooks(None) is None
    assert make_hooks(TelemetrySettings(is_enabled=True)) is None
    register_telemetry(Recorder())
    assert make_hooks(TelemetrySettings(is_enabled=False)) is None
    hooks = make_hooks(TelemetrySettings(function_id="f", record_inputs=False))
    assert hooks is not None
    assert (len(hooks.integrations), hooks.function_id, hooks.record_inputs) == (1, "f", False)


async def test_generate_error_reaches_on_error_and_is_raised() -> None:
    recorder = Recorder()

    def broken(_: object) -> Any:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        await generate_text(
            model=MockLanguageModel(do_generate=broken),
            prompt="x",
            max_retries=0,
            telemetry=TelemetrySettings(integrations=[recorder]),
        )
    assert recorder.seen == [
        ("start", "generate_text"),
        ("step_start", 0),
        ("model_start", 0),
        ("error", "boom"),
    ]


async def test_stream_cancellation_reaches_on_abort() -> None:
    recorder = Recorder()
    gate = asyncio.Event()

    async def never_ending(_: object) -> Any:
        async def parts() -> Any:
            yield StreamStart(warnings=[])
            yield TextStart(id="t")
            yield TextDelta(id="t", delta="a")
            gate.set()
            await asyncio.Event().wait()

        return StreamResult(stream=parts())

    result = stream_text(
        model=MockLanguageModel(do_stream=never_ending),
        prompt="x",
        telemetry=TelemetrySettings(integrations=[recorder]),
    )

    async def read() -> None:
        async for _ in result.text_stream:
            pass

    task = asyncio.create_task(read())
    await gate.wait()
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert recorder.seen[-1] == ("abort", 0)
    assert [name for name, _ in recorder.seen] == ["start", "step_start", "model_start", "abort"]
