"""`OpenTelemetry`: GenAI semantic-convention spans for calls, model calls and tool executions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic_core import to_json

from ai_sdk.generate_text._parts import ToolError
from ai_sdk.telemetry._hooks import (
    AbortEvent,
    ErrorEvent,
    ModelCallEndEvent,
    ModelCallStartEvent,
    StartEvent,
    Telemetry,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
)

try:
    from opentelemetry import trace
    from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "ai_sdk.telemetry.OpenTelemetry needs the OpenTelemetry API: "
        "pip install 'ai-sdk-core[otel]'"
    ) from error

if TYPE_CHECKING:
    from ai_sdk.generate_text._result import GenerateTextResult
    from ai_sdk.generate_text._usage import LanguageModelUsage
    from ai_sdk.prompt import CallSettings
    from ai_sdk.provider import CallOptions

__all__ = ["OpenTelemetry"]

AttributeValue = str | bool | int | float | list[str]


def _json(value: object) -> str:
    return to_json(value, fallback=str, by_alias=True).decode()


def _usage_attributes(usage: LanguageModelUsage) -> dict[str, AttributeValue]:
    attributes: dict[str, AttributeValue] = {}
    if usage.input_tokens is not None:
        attributes["gen_ai.usage.input_tokens"] = usage.input_tokens
    if usage.output_tokens is not None:
        attributes["gen_ai.usage.output_tokens"] = usage.output_tokens
    details = usage.input_token_details
    if details.cache_read_tokens is not None:
        attributes["gen_ai.usage.cache_read.input_tokens"] = details.cache_read_tokens
    if details.cache_write_tokens is not None:
        attributes["gen_ai.usage.cache_creation.input_tokens"] = details.cache_write_tokens
    return attributes


_REQUEST_SETTINGS = {
    "gen_ai.request.temperature": "temperature",
    "gen_ai.request.max_tokens": "max_output_tokens",
    "gen_ai.request.top_p": "top_p",
    "gen_ai.request.top_k": "top_k",
    "gen_ai.request.frequency_penalty": "frequency_penalty",
    "gen_ai.request.presence_penalty": "presence_penalty",
    "gen_ai.request.seed": "seed",
}
"""The GenAI request attributes and the call setting each one reports."""


def _request_attributes(settings: CallSettings | CallOptions) -> dict[str, AttributeValue | None]:
    attributes: dict[str, AttributeValue | None] = {
        key: getattr(settings, name) for key, name in _REQUEST_SETTINGS.items()
    }
    stop = settings.stop_sequences
    attributes["gen_ai.request.stop_sequences"] = list(stop) if stop else None
    return attributes


def _set(span: Span, attributes: dict[str, AttributeValue | None]) -> None:
    span.set_attributes({k: v for k, v in attributes.items() if v is not None})


def _fail(span: Span, error: BaseException) -> None:
    span.record_exception(error)
    span.set_status(Status(StatusCode.ERROR, str(error) or type(error).__name__))
    span.set_attribute("error.type", type(error).__qualname__)


@dataclass(slots=True)
class _Call:
    """The open spans of one call."""

    root: Span
    record_inputs: bool
    record_outputs: bool
    chats: dict[int, Span] = field(default_factory=dict[int, Span])
    tools: dict[str, Span] = field(default_factory=dict[str, Span])

    def start_child(
        self,
        tracer: Tracer,
        name: str,
        kind: SpanKind,
        attributes: dict[str, AttributeValue | None],
    ) -> Span:
        """A span under the call's root span, with the attributes that are not ``None``."""
        span = tracer.start_span(name, context=trace.set_span_in_context(self.root), kind=kind)
        _set(span, attributes)
        return span

    def close_children(self, error: BaseException | None) -> None:
        for span in [*self.chats.values(), *self.tools.values()]:
            if error is not None:
                _fail(span, error)
            span.end()
        self.chats.clear()
        self.tools.clear()


class OpenTelemetry(Telemetry):
    """Spans following the OpenTelemetry GenAI semantic conventions.

    Each call is an ``invoke_agent {model}`` span; each model call a child ``chat {model}``
    span, and each tool execution a child ``execute_tool {name}`` span. Prompts, tool
    arguments, generated text and tool results are recorded only when the call's
    ``TelemetrySettings`` allow it (``record_inputs``/``record_outputs``).

    Args:
        tracer: the tracer to use (default: the global tracer provider's ``ai_sdk`` tracer).
    """

    def __init__(self, tracer: Tracer | None = None) -> None:
        self._tracer = tracer if tracer is not None else trace.get_tracer("ai_sdk")
        self._calls: dict[str, _Call] = {}

    def on_start(self, event: StartEvent) -> None:
        attributes: dict[str, AttributeValue | None] = {
            "gen_ai.operation.name": "invoke_agent",
            "gen_ai.provider.name": event.provider,
            "gen_ai.request.model": event.model_id,
            "gen_ai.agent.name": event.function_id,
            **_request_attributes(event.settings),
        }
        if event.record_inputs:
            attributes["gen_ai.input.messages"] = _json(event.messages)
            if event.instructions is not None:
                attributes["gen_ai.system_instructions"] = _json(event.instructions)
            if event.tool_names:
                attributes["gen_ai.tool.definitions"] = _json(event.tool_names)
        span = self._tracer.start_span(f"invoke_agent {event.model_id}", kind=SpanKind.INTERNAL)
        _set(span, attributes)
        self._calls[event.call_id] = _Call(span, event.record_inputs, event.record_outputs)

    def on_model_call_start(self, event: ModelCallStartEvent) -> None:
        call = self._calls.get(event.call_id)
        if call is None:
            return
        options = event.options
        attributes: dict[str, AttributeValue | None] = {
            "gen_ai.operation.name": "chat",
            "gen_ai.provider.name": event.provider,
            "gen_ai.request.model": event.model_id,
            **_request_attributes(options),
        }
        if call.record_inputs:
            attributes["gen_ai.input.messages"] = _json(options.prompt)
        call.chats[event.step_number] = call.start_child(
            self._tracer, f"chat {event.model_id}", SpanKind.CLIENT, attributes
        )

    def on_model_call_end(self, event: ModelCallEndEvent) -> None:
        call = self._calls.get(event.call_id)
        span = call.chats.pop(event.step_number, None) if call is not None else None
        if call is None or span is None:
            return
        attributes: dict[str, AttributeValue | None] = {
            "gen_ai.response.id": event.response_id,
            "gen_ai.response.model": event.response_model_id or event.model_id,
            "gen_ai.response.finish_reasons": [event.finish_reason],
            **_usage_attributes(event.usage),
        }
        if call.record_outputs:
            attributes["gen_ai.output.messages"] = _json(
                {"text": event.text, "tool_calls": event.tool_calls}
            )
        _set(span, attributes)
        span.end()

    def on_tool_execution_start(self, event: ToolExecutionStartEvent) -> None:
        call = self._calls.get(event.call_id)
        if call is None:
            return
        tool_call = event.tool_call
        attributes: dict[str, AttributeValue | None] = {
            "gen_ai.operation.name": "execute_tool",
            "gen_ai.tool.name": tool_call.tool_name,
            "gen_ai.tool.type": "function",
            "gen_ai.tool.call.id": tool_call.tool_call_id,
        }
        if call.record_inputs:
            attributes["gen_ai.tool.call.arguments"] = _json(tool_call.input)
        call.tools[tool_call.tool_call_id] = call.start_child(
            self._tracer, f"execute_tool {tool_call.tool_name}", SpanKind.INTERNAL, attributes
        )

    def on_tool_execution_end(self, event: ToolExecutionEndEvent) -> None:
        call = self._calls.get(event.call_id)
        span = call.tools.pop(event.tool_call.tool_call_id, None) if call is not None else None
        if call is None or span is None:
            return
        output = event.output
        span.set_attribute("gen_ai.execute_tool.duration", event.duration)
        if isinstance(output, ToolError):
            error = output.error
            if isinstance(error, BaseException):
                _fail(span, error)
            else:
                span.set_status(Status(StatusCode.ERROR, str(error)))
        elif call.record_outputs:
            span.set_attribute("gen_ai.tool.call.result", _json(output.output))
        span.end()

    def on_end(self, result: GenerateTextResult[Any]) -> None:
        call = self._calls.pop(result.steps[-1].call_id, None)
        if call is None:
            return
        call.close_children(None)
        last = result.steps[-1]
        attributes: dict[str, AttributeValue | None] = {
            "gen_ai.response.id": last.response.id,
            "gen_ai.response.model": last.response.model_id,
            "gen_ai.response.finish_reasons": [step.finish_reason for step in result.steps],
            **_usage_attributes(result.usage),
        }
        if call.record_outputs:
            attributes["gen_ai.output.messages"] = _json(result.text)
        _set(call.root, attributes)
        call.root.end()

    def on_error(self, event: ErrorEvent) -> None:
        call = self._calls.pop(event.call_id, None)
        if call is None:
            return
        call.close_children(event.error)
        _fail(call.root, event.error)
        call.root.end()

    def on_abort(self, event: AbortEvent) -> None:
        call = self._calls.pop(event.call_id, None)
        if call is None:
            return
        cancelled = "the call was cancelled"
        call.close_children(None)
        call.root.set_status(Status(StatusCode.ERROR, cancelled))
        call.root.set_attribute("error.type", "cancelled")
        call.root.end()
