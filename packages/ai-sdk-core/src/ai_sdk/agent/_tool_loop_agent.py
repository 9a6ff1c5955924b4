"""`ToolLoopAgent`: a model, instructions and tools fixed once, run as a tool loop per call.

An agent holds the settings of `generate_text`/`stream_text`; each call adds the prompt (or
messages) and its own callbacks and goes through the same step kernel. The loop ends when the
model stops calling tools, a called tool has no ``execute``, or a stop condition holds (by
default after 20 steps).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Generic, Literal, Protocol, TypeAlias, cast

from typing_extensions import TypedDict, TypeVar, Unpack

from ai_sdk._sync import sync_twin
from ai_sdk.generate_text import (
    CallArguments,
    GenerateTextResult,
    Output,
    StepResult,
    StreamTextResult,
    generate_text,
    is_step_count,
    stream_text,
)
from ai_sdk.generate_text._config import (
    LOOP_ARGUMENT_NAMES,
    LoopArguments,
    check_argument_names,
)
from ai_sdk.generate_text._stream_result import StreamTransform
from ai_sdk.generate_text._stream_sync import sync_stream_twin
from ai_sdk.generate_text._tool import Tool, normalize_tools
from ai_sdk.prompt import ModelMessage, TimeoutConfig
from ai_sdk.provider import LanguageModel
from ai_sdk.provider_utils import Schema, as_schema, with_user_agent_suffix
from ai_sdk.telemetry import (
    StartEvent,
    StepStartEvent,
    TelemetrySettings,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
)
from ai_sdk.telemetry._hooks import notify_callback

__all__ = ["DEFAULT_MAX_STEPS", "Agent", "AgentCall", "PrepareCall", "ToolLoopAgent"]

logger = logging.getLogger("ai_sdk")

OutputT = TypeVar("OutputT", default=str)
PartialT = TypeVar("PartialT", default=str)
ElementT = TypeVar("ElementT", default=Any)
OptionsT = TypeVar("OptionsT", default=Any)
EventT = TypeVar("EventT")

DEFAULT_MAX_STEPS = 20
"""An agent's default stop condition: ``is_step_count(20)``."""

AGENT_USER_AGENT = "ai-sdk-agent/tool-loop"


class AgentCall(CallArguments, total=False):
    """One agent call as `prepare_call` sees and returns it: the agent's settings (without its
    callbacks) with the call's prompt or messages and ``options`` on top."""

    model: LanguageModel | str
    output: Output[Any, Any, Any] | None
    options: Any


PrepareCall: TypeAlias = Callable[[AgentCall], AgentCall | Awaitable[AgentCall] | None]
"""Called before each agent call with its arguments; return changed ones (model, tools,
instructions, messages, settings, ...) or ``None`` to keep them."""

_CALLBACKS = (
    "on_start",
    "on_step_start",
    "on_tool_execution_start",
    "on_tool_execution_end",
    "on_step_end",
)


class _CallCallbacks(TypedDict, total=False):
    on_start: Callable[[StartEvent], Any] | None
    on_step_start: Callable[[StepStartEvent], Any] | None
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None
    on_step_end: Callable[[StepResult], Any] | None


def _merge(
    *callbacks: Callable[[EventT], Any] | None,
) -> Callable[[EventT], Awaitable[None]] | None:
    """Both callbacks (the agent's and the call's) at once; as upstream, a callback that raises
    does not stop the other or the call (the error is logged on the ``ai_sdk`` logger)."""
    present = [callback for callback in callbacks if callback is not None]
    if not present:
        return None

    async def merged(event: EventT) -> None:
        outcomes = await asyncio.gather(
            *(notify_callback(callback, event) for callback in present), return_exceptions=True
        )
        for outcome in outcomes:
            if isinstance(outcome, Exception):
                logger.warning("An agent callback raised (ignored): %r", outcome)
            elif isinstance(outcome, BaseException):
                raise outcome

    return merged


class Agent(Protocol[OutputT, PartialT, ElementT]):
    """What every agent offers: an id, its tools, and generate/stream calls."""

    @property
    def version(self) -> Literal["agent-v1"]:
        """The agent interface version, ``"agent-v1"``."""
        ...

    @property
    def id(self) -> str | None:
        """The agent's name, if it has one."""
        ...

    @property
    def tools(self) -> Mapping[str, Tool[Any]]:
        """The tools the agent can call, by name."""
        ...

    async def generate(
        self,
        *,
        prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
        messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
        options: Any = None,
    ) -> GenerateTextResult[OutputT]:
        """Run the agent to its end on ``prompt`` or ``messages`` (as `generate_text`)."""
        ...

    async def stream(
        self,
        *,
        prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
        messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
        options: Any = None,
    ) -> StreamTextResult[OutputT, PartialT, ElementT]:
        """Run the agent, streaming (as `stream_text`)."""
        ...


class ToolLoopAgent(Generic[OutputT, PartialT, ElementT, OptionsT]):
    """An agent that calls a model and its tools in a loop, with settings fixed at creation.

    ```python
    agent = ToolLoopAgent(model=model, instructions="You help with the weather.", tools=[weather])
    result = await agent.generate(prompt="Weather in Paris?")
    ```

    Args:
        model: a language model, or a model id string.
        id: the agent's name; also its telemetry's ``function_id`` (the OpenTelemetry
            ``gen_ai.agent.name``) unless ``telemetry`` names one.
        output: structured output, as for `generate_text`.
        on_end: called with each call's final result (with the call's own ``on_end``).
        call_options_schema: the type of the per-call ``options`` (validated on each call).
        prepare_call: changes a call's arguments before it runs (see `AgentCall`).
        **settings: every other `generate_text` option but the prompt (`LoopArguments`):
            ``instructions``, ``tools``, ``stop_when`` (default ``is_step_count(20)``),
            ``prepare_step``, call settings, ``headers``, ``telemetry``, callbacks, ...

    Raises:
        TypeError: an unknown setting (the error names the closest valid one).
    """

    def __init__(
        self,
        *,
        model: LanguageModel | str,
        id: str | None = None,
        output: Output[OutputT, PartialT, ElementT] | None = None,
        on_end: Callable[[GenerateTextResult[OutputT]], Any] | None = None,
        call_options_schema: type[OptionsT] | Schema[OptionsT] | None = None,
        prepare_call: PrepareCall | None = None,
        **settings: Unpack[LoopArguments],
    ) -> None:
        check_argument_names("ToolLoopAgent", settings, LOOP_ARGUMENT_NAMES)
        self._model = model
        self._id = id
        self._output = output
        self._on_end = on_end
        self._options_schema = call_options_schema
        self._prepare_call = prepare_call
        self._settings = settings

    @property
    def version(self) -> Literal["agent-v1"]:
        """The agent interface version (``"agent-v1"``, as upstream)."""
        return "agent-v1"

    @property
    def id(self) -> str | None:
        """The agent's name, if it has one."""
        return self._id

    @property
    def tools(self) -> Mapping[str, Tool[Any]]:
        """The tools the agent can use, by name."""
        return normalize_tools(self._settings.get("tools")) or {}

    async def _prepare(
        self,
        prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None,
        messages: Sequence[ModelMessage | Mapping[str, Any]] | None,
        options: object,
    ) -> AgentCall:
        if self._options_schema is not None and options is not None:
            options = as_schema(self._options_schema).validate(
                options, context={"field": "options"}
            )
        settings = {k: v for k, v in self._settings.items() if k not in _CALLBACKS}
        call = cast("AgentCall", settings)
        call["model"] = self._model
        call["output"] = self._output
        stop_when = self._settings.get("stop_when")
        call["stop_when"] = stop_when if stop_when is not None else is_step_count(DEFAULT_MAX_STEPS)
        if prompt is not None:
            call["prompt"] = prompt
        if messages is not None:
            call["messages"] = messages
        if options is not None:
            call["options"] = options
        if self._prepare_call is not None:
            prepared = self._prepare_call(call)
            if isinstance(prepared, Awaitable):
                prepared = await cast("Awaitable[AgentCall | None]", prepared)
            if prepared is not None:
                call = prepared
        call.pop("options", None)
        call["headers"] = with_user_agent_suffix(call.get("headers"), AGENT_USER_AGENT)
        telemetry = call.get("telemetry")
        if self._id is not None and (telemetry is None or telemetry.function_id is None):
            # The agent's name names its telemetry (`gen_ai.agent.name`) unless one is given.
            call["telemetry"] = replace(telemetry or TelemetrySettings(), function_id=self._id)
        return call

    def _add_callbacks(self, call: AgentCall, callbacks: _CallCallbacks) -> None:
        """The agent's callbacks and the call's, each pair merged into one."""
        for name in _CALLBACKS:
            merged = _merge(self._settings.get(name), callbacks.get(name))
            if merged is not None:
                call[name] = merged

    async def generate(
        self,
        *,
        prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
        messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
        options: OptionsT | Mapping[str, Any] | None = None,
        timeout: float | TimeoutConfig | None = None,  # noqa: ASYNC109 - a config
        on_end: Callable[[GenerateTextResult[OutputT]], Any] | None = None,
        **callbacks: Unpack[_CallCallbacks],
    ) -> GenerateTextResult[OutputT]:
        """Run the agent to its end (no streaming).

        Args:
            prompt: a user text, or a list of messages.
            messages: the conversation (give ``prompt`` or ``messages``, not both).
            options: the call options, validated against ``call_options_schema``.
            timeout: overrides the agent's ``timeout`` for this call.
            on_end: called with the final result, besides the agent's ``on_end``.
            **callbacks: ``on_start``, ``on_step_start``, ``on_tool_execution_start``,
                ``on_tool_execution_end``, ``on_step_end``: run besides the agent's own.

        Returns:
            A `GenerateTextResult`, as `generate_text` returns.
        """
        check_argument_names("generate", callbacks, _CALLBACKS)
        call = await self._prepare(prompt, messages, options)
        if timeout is not None:
            call["timeout"] = timeout
        self._add_callbacks(call, callbacks)
        return await generate_text(**call, on_end=_merge(self._on_end, on_end))

    async def stream(
        self,
        *,
        prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
        messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
        options: OptionsT | Mapping[str, Any] | None = None,
        timeout: float | TimeoutConfig | None = None,  # noqa: ASYNC109 - a config
        transform: StreamTransform | Sequence[StreamTransform] | None = None,
        on_end: Callable[[GenerateTextResult[OutputT]], Any] | None = None,
        **callbacks: Unpack[_CallCallbacks],
    ) -> StreamTextResult[OutputT, PartialT, ElementT]:
        """Start the agent as a stream (see `stream_text`); arguments as for `generate`, plus
        ``transform`` (stream transforms such as ``smooth_stream()``).

        Awaiting this runs ``prepare_call`` only; the model runs as the result is read.
        """
        check_argument_names("stream", callbacks, _CALLBACKS)
        call = await self._prepare(prompt, messages, options)
        if timeout is not None:
            call["timeout"] = timeout
        self._add_callbacks(call, callbacks)
        return stream_text(**call, transform=transform, on_end=_merge(self._on_end, on_end))

    generate_sync = sync_twin(generate)
    """`generate` for synchronous code (works inside a running event loop too)."""

    stream_sync = sync_stream_twin(stream)
    """`stream` for synchronous code: plain iterators and blocking properties."""
