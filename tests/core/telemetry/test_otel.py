"""The OpenTelemetry integration: GenAI semconv spans, checked with the in-memory exporter."""

from __future__ import annotations

import json
from typing import Any

import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode
from pydantic import BaseModel

from ai_sdk.generate_text import generate_text, is_step_count, stream_text, tool
from ai_sdk.provider import GenerateResult
from ai_sdk.telemetry import OpenTelemetry, TelemetrySettings
from ai_sdk.testing import MockLanguageModel
from tests.core.generate_text.helpers import calls_result, stream_parts, text_answer


class City(BaseModel):
    city: str


def weather(value: City) -> dict[str, Any]:
    if value.city == "Atlantis":
        raise RuntimeError("no such city")
    return {"city": value.city, "temp": 21}


TOOLS = {"weather": tool(description="Weather in a city", input_schema=City, execute=weather)}


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def otel(exporter: InMemorySpanExporter) -> OpenTelemetry:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return OpenTelemetry(tracer=provider.get_tracer("test"))


def tree(spans: tuple[ReadableSpan, ...]) -> list[tuple[str, str | None]]:
    """(name, parent name) of every span, in start order."""
    by_id = {span.context.span_id: span.name for span in spans if span.context is not None}
    ordered = sorted(spans, key=lambda span: span.start_time or 0)
    return [
        (span.name, by_id[span.parent.span_id] if span.parent is not None else None)
        for span in ordered
    ]


def named(spans: tuple[ReadableSpan, ...], name: str) -> list[dict[str, Any]]:
    return [dict(span.attributes or {}) for span in spans if span.name == name]


def tool_loop_model(*, stream: bool) -> MockLanguageModel:
    if stream:
        return MockLanguageModel(
            do_stream=[
                stream_parts(
                    "", calls=[("c1", "weather", '{"city": "Oslo"}')], finish="tool-calls"
                ),
                stream_parts("It is 21", step=1),
            ]
        )
    return MockLanguageModel(
        do_generate=[
            calls_result(("c1", "weather", '{"city": "Oslo"}')),
            text_answer("It is 21", step=1),
        ]
    )


@pytest.mark.parametrize("streaming", [False, True])
async def test_tool_loop_spans_names_parents_and_attributes(
    streaming: bool, otel: OpenTelemetry, exporter: InMemorySpanExporter
) -> None:
    settings = TelemetrySettings(integrations=[otel], function_id="weather-agent")
    common: dict[str, Any] = {
        "model": tool_loop_model(stream=streaming),
        "prompt": "Weather in Oslo?",
        "tools": TOOLS,
        "stop_when": is_step_count(3),
        "temperature": 0.5,
        "max_output_tokens": 100,
        "telemetry": settings,
    }
    if streaming:
        text = await stream_text(**common).text
    else:
        text = (await generate_text(**common)).text
    assert text == "It is 21"
    spans = exporter.get_finished_spans()
    assert tree(spans) == [
        ("invoke_agent mock-model-id", None),
        ("chat mock-model-id", "invoke_agent mock-model-id"),
        ("execute_tool weather", "invoke_agent mock-model-id"),
        ("chat mock-model-id", "invoke_agent mock-model-id"),
    ]
    (root,) = named(spans, "invoke_agent mock-model-id")
    assert json.loads(root.pop("gen_ai.input.messages"))[0]["role"] == "user"
    assert json.loads(root.pop("gen_ai.tool.definitions")) == ["weather"]
    assert root.pop("gen_ai.output.messages") == '"It is 21"'
    assert root == {
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.provider.name": "mock-provider",
        "gen_ai.request.model": "mock-model-id",
        "gen_ai.agent.name": "weather-agent",
        "gen_ai.request.temperature": 0.5,
        "gen_ai.request.max_tokens": 100,
        "gen_ai.response.id": "resp-1",
        "gen_ai.response.model": "model-1",
        "gen_ai.response.finish_reasons": ("tool-calls", "stop"),
        "gen_ai.usage.input_tokens": 20,
        "gen_ai.usage.output_tokens": 10,
    }
    first, second = named(spans, "chat mock-model-id")
    assert "gen_ai.input.messages" in first
    output = json.loads(first.pop("gen_ai.output.messages"))
    assert output["tool_calls"][0]["tool_name"] == "weather"
    first.pop("gen_ai.input.messages")
    assert first == {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "mock-provider",
        "gen_ai.request.model": "mock-model-id",
        "gen_ai.request.temperature": 0.5,
        "gen_ai.request.max_tokens": 100,
        "gen_ai.response.id": "resp-0",
        "gen_ai.response.model": "model-0",
        "gen_ai.response.finish_reasons": ("tool-calls",),
        "gen_ai.usage.input_tokens": 10,
        "gen_ai.usage.output_tokens": 5,
    }
    assert json.loads(second["gen_ai.output.messages"])["text"] == "It is 21"
    assert second["gen_ai.response.finish_reasons"] == ("stop",)
    (executed,) = named(spans, "execute_tool weather")
    assert executed.pop("gen_ai.execute_tool.duration") >= 0
    assert executed == {
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": "weather",
        "gen_ai.tool.type": "function",
        "gen_ai.tool.call.id": "c1",
        "gen_ai.tool.call.arguments": '{"city":"Oslo"}',
        "gen_ai.tool.call.result": '{"city":"Oslo","temp":21}',
    }
    assert all(span.status.status_code is StatusCode.UNSET for span in spans)


async def test_content_is_not_recorded_when_inputs_and_outputs_are_off(
    otel: OpenTelemetry, exporter: InMemorySpanExporter
) -> None:
    await generate_text(
        model=tool_loop_model(stream=False),
        prompt="secret",
        tools=TOOLS,
        stop_when=is_step_count(3),
        telemetry=TelemetrySettings(integrations=[otel], record_inputs=False, record_outputs=False),
    )
    content_keys = {
        "gen_ai.input.messages",
        "gen_ai.output.messages",
        "gen_ai.system_instructions",
        "gen_ai.tool.definitions",
        "gen_ai.tool.call.arguments",
        "gen_ai.tool.call.result",
    }
    spans = exporter.get_finished_spans()
    assert len(spans) == 4
    assert all(not content_keys & set(span.attributes or {}) for span in spans)


async def test_model_error_marks_the_open_spans_failed(
    otel: OpenTelemetry, exporter: InMemorySpanExporter
) -> None:
    def broken(_: object) -> GenerateResult:
        raise ValueError("model exploded")

    with pytest.raises(ValueError, match="model exploded"):
        await generate_text(
            model=MockLanguageModel(do_generate=broken),
            prompt="x",
            max_retries=0,
            telemetry=TelemetrySettings(integrations=[otel]),
        )
    spans = exporter.get_finished_spans()
    assert tree(spans) == [
        ("invoke_agent mock-model-id", None),
        ("chat mock-model-id", "invoke_agent mock-model-id"),
    ]
    for span in spans:
        assert span.status.status_code is StatusCode.ERROR
        assert span.status.description == "model exploded"
        assert (span.attributes or {})["error.type"] == "ValueError"
        assert [event.name for event in span.events] == ["exception"]


async def test_stream_error_ends_the_root_span_failed(
    otel: OpenTelemetry, exporter: InMemorySpanExporter
) -> None:
    def broken(_: object) -> Any:
        raise ValueError("stream refused")

    result = stream_text(
        model=MockLanguageModel(do_stream=broken),
        prompt="x",
        max_retries=0,
        telemetry=TelemetrySettings(integrations=[otel]),
    )
    with pytest.raises(ValueError, match="stream refused"):
        await result.text
    (root, chat) = sorted(exporter.get_finished_spans(), key=lambda s: s.start_time or 0)
    assert (root.name, root.status.status_code) == ("invoke_agent mock-model-id", StatusCode.ERROR)
    assert (chat.name, chat.status.status_code) == ("chat mock-model-id", StatusCode.ERROR)


async def test_failing_tool_is_an_error_span_and_the_call_goes_on(
    otel: OpenTelemetry, exporter: InMemorySpanExporter
) -> None:
    model = MockLanguageModel(
        do_generate=[
            calls_result(("c1", "weather", '{"city": "Atlantis"}')),
            text_answer("Sorry", step=1),
        ]
    )
    result = await generate_text(
        model=model,
        prompt="x",
        tools=TOOLS,
        stop_when=is_step_count(3),
        telemetry=TelemetrySettings(integrations=[otel]),
    )
    assert result.text == "Sorry"
    spans = exporter.get_finished_spans()
    (executed,) = [span for span in spans if span.name == "execute_tool weather"]
    assert executed.status.status_code is StatusCode.ERROR
    assert executed.status.description == "no such city"
    assert "gen_ai.tool.call.result" not in (executed.attributes or {})
    root = next(span for span in spans if span.name.startswith("invoke_agent"))
    assert root.status.status_code is StatusCode.UNSET


def test_open_telemetry_is_imported_lazily() -> None:
    import subprocess
    import sys

    code = "import sys, ai_sdk.telemetry; print('ai_sdk.telemetry._otel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
