"""Telemetry integration points: the events of a call, the `Telemetry` hooks, and their dispatch."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, cast

if TYPE_CHECKING:
    from ai_sdk.generate_text._parts import ToolCall, ToolError, ToolResult
    from ai_sdk.generate_text._result import GenerateTextResult
    from ai_sdk.generate_text._step import StepResult
    from ai_sdk.generate_text._usage import LanguageModelUsage
    from ai_sdk.prompt import CallSettings, ModelMessage, SystemModelMessage
    from ai_sdk.provider import CallOptions

__all__ = [
    "AbortEvent",
    "CallHooks",
    "EmbedStartEvent",
    "ErrorEvent",
    "ModelCallEndEvent",
    "ModelCallStartEvent",
    "RerankStartEvent",
    "StartEvent",
    "StepStartEvent",
    "Telemetry",
    "TelemetrySettings",
    "ToolExecutionEndEvent",
    "ToolExecutionStartEvent",
    "make_hooks",
    "notify_callback",
    "register_telemetry",
    "registered_telemetry",
    "unregister_telemetry",
]

Operation = Literal["generate_text", "stream_text"]


@dataclass(frozen=True, slots=True, kw_only=True)
class StartEvent:
    """A call starts (its arguments are checked)."""

    call_id: str
    operation: Operation
    provider: str
    model_id: str
    settings: CallSettings
    instructions: str | list[SystemModelMessage] | None
    messages: list[ModelMessage]
    tool_names: list[str]
    function_id: str | None = None
    record_inputs: bool = True
    record_outputs: bool = True
    runtime_context: Mapping[str, object] = field(default_factory=dict[str, object])
    """The call's runtime context (integrations see only the keys telemetry includes)."""
    tools_context: Mapping[str, object] = field(default_factory=dict[str, object])
    """The per-tool contexts (integrations see only what telemetry includes)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StepStartEvent:
    """A step starts: `prepare_step` has run and the model is about to be called."""

    call_id: str
    step_number: int
    provider: str
    model_id: str
    instructions: str | list[SystemModelMessage] | None
    messages: list[ModelMessage]
    """The messages this step sends."""
    runtime_context: Mapping[str, object] = field(default_factory=dict[str, object])
    """The runtime context of this step (after `prepare_step`)."""
    tools_context: Mapping[str, object] = field(default_factory=dict[str, object])
    """The per-tool contexts of this step."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelCallStartEvent:
    """The model is called (once per step; retries are inside the call)."""

    call_id: str
    step_number: int
    provider: str
    model_id: str
    options: CallOptions


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelCallEndEvent:
    """The model call of a step returned (for streams: its stream ended)."""

    call_id: str
    step_number: int
    provider: str
    model_id: str
    response_id: str | None
    response_model_id: str | None
    finish_reason: str
    usage: LanguageModelUsage
    text: str
    tool_calls: list[ToolCall]


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolExecutionStartEvent:
    """A client tool starts executing."""

    call_id: str
    step_number: int
    tool_call: ToolCall


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolExecutionEndEvent:
    """A client tool finished (``output`` is a `ToolError` when it failed)."""

    call_id: str
    step_number: int
    tool_call: ToolCall
    output: ToolResult | ToolError
    duration: float
    """Seconds."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbedStartEvent:
    """An `embed` or `embed_many` call starts."""

    operation: Literal["embed", "embed_many"]
    provider: str
    model_id: str
    values: list[str]
    dimensions: int | None = None
    """The requested embedding size, if one was given."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RerankStartEvent:
    """A `rerank` call starts (before the model is called; also for no documents)."""

    provider: str
    model_id: str
    documents: list[object]
    """The documents as given (strings or JSON objects)."""
    query: str
    top_n: int | None = None
    max_retries: int = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorEvent:
    """The call failed."""

    call_id: str
    error: BaseException


@dataclass(frozen=True, slots=True, kw_only=True)
class AbortEvent:
    """The call was cancelled."""

    call_id: str
    steps: list[StepResult]
    """The steps completed before the cancellation."""


class Telemetry:
    """A telemetry integration: override the hooks you need (each may be sync or async).

    Register one for every call with `register_telemetry`, or pass it for one call in
    ``telemetry=TelemetrySettings(integrations=[...])``. Hooks must not raise: an exception
    from a hook fails the call.
    """

    def on_start(self, event: StartEvent) -> Any:
        """The call starts."""

    def on_step_start(self, event: StepStartEvent) -> Any:
        """A step starts."""

    def on_model_call_start(self, event: ModelCallStartEvent) -> Any:
        """A step calls the model."""

    def on_model_call_end(self, event: ModelCallEndEvent) -> Any:
        """The model call of a step returned."""

    def on_tool_execution_start(self, event: ToolExecutionStartEvent) -> Any:
        """A tool starts executing."""

    def on_tool_execution_end(self, event: ToolExecutionEndEvent) -> Any:
        """A tool finished executing."""

    def on_step_end(self, step: StepResult) -> Any:
        """A step finished."""

    def on_end(self, result: GenerateTextResult[Any]) -> Any:
        """The call finished."""

    def on_error(self, event: ErrorEvent) -> Any:
        """The call failed."""

    def on_abort(self, event: AbortEvent) -> Any:
        """The call was cancelled."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TelemetrySettings:
    """The ``telemetry=`` option of a call.

    Once an integration is registered (or given here), telemetry is on unless ``is_enabled`` is
    ``False``.
    """

    is_enabled: bool | None = None
    record_inputs: bool = True
    """Let integrations record prompts and tool arguments."""
    record_outputs: bool = True
    """Let integrations record generated text and tool results."""
    function_id: str | None = None
    """A name for the calling function (the OpenTelemetry agent name)."""
    integrations: Sequence[Telemetry] | None = None
    """Integrations for this call, instead of the registered ones."""
    include_runtime_context: Mapping[str, bool] | None = None
    """The top-level keys of ``runtime_context`` integrations may see (none by default: a
    context may hold secrets or personal data). Your own callbacks always see all of it."""
    include_tools_context: Mapping[str, Mapping[str, bool]] | None = None
    """Per tool, the keys of its ``tools_context`` entry integrations may see (none by
    default)."""


_DEFAULT_SETTINGS = TelemetrySettings()

_registered: list[Telemetry] = []


def register_telemetry(*integrations: Telemetry) -> None:
    """Use these integrations in every call (until `unregister_telemetry`)."""
    for integration in integrations:
        if integration not in _registered:
            _registered.append(integration)


def unregister_telemetry(*integrations: Telemetry) -> None:
    """Stop using these integrations (all registered ones when none are given)."""
    if not integrations:
        _registered.clear()
        return
    for integration in integrations:
        if integration in _registered:
            _registered.remove(integration)


def registered_telemetry() -> list[Telemetry]:
    """The globally registered integrations."""
    return list(_registered)


async def notify_callback(hook: Callable[[Any], Any] | None, event: object) -> None:
    """Call a sync or async callback (nothing when it is ``None``)."""
    await _call(hook, event)


async def _call(hook: Callable[[Any], Any] | None, event: object) -> None:
    if hook is not None:
        outcome = hook(event)
        if inspect.isawaitable(outcome):
            await outcome


@dataclass(slots=True)
class _Callbacks(Telemetry):
    """The user's per-call callbacks, seen as one more integration."""

    start: Callable[[StartEvent], Any] | None = None
    step_start: Callable[[StepStartEvent], Any] | None = None
    tool_start: Callable[[ToolExecutionStartEvent], Any] | None = None
    tool_end: Callable[[ToolExecutionEndEvent], Any] | None = None

    async def on_start(self, event: StartEvent) -> None:
        await _call(self.start, event)

    async def on_step_start(self, event: StepStartEvent) -> None:
        await _call(self.step_start, event)

    async def on_tool_execution_start(self, event: ToolExecutionStartEvent) -> None:
        await _call(self.tool_start, event)

    async def on_tool_execution_end(self, event: ToolExecutionEndEvent) -> None:
        await _call(self.tool_end, event)


@dataclass(slots=True)
class CallHooks:
    """The integrations of one call; a call without any has no `CallHooks` at all."""

    integrations: list[Telemetry]
    function_id: str | None = None
    record_inputs: bool = True
    record_outputs: bool = True
    steps: list[StepResult] = field(default_factory=list[Any])
    """The steps so far (for `AbortEvent`)."""
    include_runtime_context: Mapping[str, bool] | None = None
    include_tools_context: Mapping[str, Mapping[str, bool]] | None = None

    async def _each(self, name: str, event: object, restricted: object = None) -> None:
        """Call each integration; telemetry integrations get ``restricted`` (the event without
        the context they may not see) when given, the user's own callbacks the whole event."""
        for integration in self.integrations:
            seen = (
                event if restricted is None or isinstance(integration, _Callbacks) else restricted
            )
            await _call(getattr(integration, name), seen)

    def _contexts(
        self, runtime_context: Mapping[str, object], tools_context: Mapping[str, object]
    ) -> dict[str, Any]:
        """What telemetry may see of the two contexts."""
        runtime = self.include_runtime_context or {}
        tools = self.include_tools_context or {}
        return {
            "runtime_context": {k: v for k, v in runtime_context.items() if runtime.get(k)},
            "tools_context": {
                name: {k: v for k, v in cast("Mapping[str, object]", value).items() if keys.get(k)}
                for name, value in tools_context.items()
                if (keys := tools.get(name)) and isinstance(value, Mapping)
            },
        }

    async def start(self, event: StartEvent) -> None:
        restricted = replace(event, **self._contexts(event.runtime_context, event.tools_context))
        await self._each("on_start", event, restricted)

    async def step_start(self, event: StepStartEvent) -> None:
        restricted = replace(event, **self._contexts(event.runtime_context, event.tools_context))
        await self._each("on_step_start", event, restricted)

    async def model_call_start(self, event: ModelCallStartEvent) -> None:
        await self._each("on_model_call_start", event)

    async def model_call_end(self, event: ModelCallEndEvent) -> None:
        await self._each("on_model_call_end", event)

    async def tool_start(self, event: ToolExecutionStartEvent) -> None:
        await self._each("on_tool_execution_start", event)

    async def tool_end(self, event: ToolExecutionEndEvent) -> None:
        await self._each("on_tool_execution_end", event)

    def _restricted_step(self, step: StepResult) -> StepResult:
        return replace(step, **self._contexts(step.runtime_context, step.tools_context))

    async def step_end(self, step: StepResult) -> None:
        await self._each("on_step_end", step, self._restricted_step(step))

    async def end(self, result: GenerateTextResult[Any]) -> None:
        restricted = replace(result, steps=[self._restricted_step(s) for s in result.steps])
        await self._each("on_end", result, restricted)

    async def error(self, event: ErrorEvent) -> None:
        await self._each("on_error", event)

    async def abort(self, event: AbortEvent) -> None:
        await self._each("on_abort", event)


def make_hooks(
    telemetry: TelemetrySettings | None,
    *,
    on_start: Callable[[StartEvent], Any] | None = None,
    on_step_start: Callable[[StepStartEvent], Any] | None = None,
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None = None,
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None = None,
) -> CallHooks | None:
    """The hooks of one call, or ``None`` when nothing listens (then the call pays nothing)."""
    settings = telemetry if telemetry is not None else _DEFAULT_SETTINGS
    integrations: list[Telemetry] = []
    if (
        on_start is not None
        or on_step_start is not None
        or on_tool_execution_start is not None
        or on_tool_execution_end is not None
    ):
        integrations.append(
            _Callbacks(on_start, on_step_start, on_tool_execution_start, on_tool_execution_end)
        )
    if settings.is_enabled is not False:
        integrations.extend(
            settings.integrations if settings.integrations is not None else _registered
        )
    if not integrations:
        return None
    return CallHooks(
        integrations,
        function_id=settings.function_id,
        record_inputs=settings.record_inputs,
        record_outputs=settings.record_outputs,
        include_runtime_context=settings.include_runtime_context,
        include_tools_context=settings.include_tools_context,
    )
