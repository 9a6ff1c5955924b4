"""What `generate_text` and `stream_text` share: argument checks, `prepare_step`, step planning."""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, TypeAlias, TypedDict, cast

from ai_sdk._model_warnings import log_warnings
from ai_sdk._version import __version__
from ai_sdk.generate_text._approval import ToolApproval
from ai_sdk.generate_text._output import Output
from ai_sdk.generate_text._step import StepResult, StopCondition, is_step_count
from ai_sdk.generate_text._tool import Tool, ToolSet, normalize_tools
from ai_sdk.generate_text._tool_calls import RepairToolCall
from ai_sdk.prompt import (
    CallSettings,
    DownloadFunction,
    Instructions,
    ModelMessage,
    ResponseMessage,
    StandardizedPrompt,
    SystemModelMessage,
    TimeoutConfig,
    ToolChoiceInput,
    convert_to_language_model_prompt,
    filter_active_tools,
    prepare_call_settings,
    prepare_timeout,
    prepare_tool_choice,
    prepare_tools,
    standardize_prompt,
    validate_instructions,
    validate_messages,
)
from ai_sdk.prompt._download import default_download
from ai_sdk.provider import (
    CallOptions,
    InvalidArgumentError,
    LanguageModel,
    ProviderOptions,
    ReasoningEffort,
)
from ai_sdk.provider_utils import (
    create_id_generator,
    normalize_headers,
    validate_max_retries,
    with_user_agent_suffix,
)
from ai_sdk.registry._resolve import resolve_language_model
from ai_sdk.telemetry._hooks import (
    CallHooks,
    StartEvent,
    StepStartEvent,
    TelemetrySettings,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
    make_hooks,
)

__all__ = [
    "ARGUMENT_NAMES",
    "LOOP_ARGUMENT_NAMES",
    "CallArguments",
    "CallConfig",
    "Include",
    "LoopArguments",
    "PrepareStep",
    "PrepareStepContext",
    "PrepareStepResult",
    "StepPlan",
    "check_argument_names",
    "log_warnings",
    "make_config",
    "plan_step",
]


generate_call_id = create_id_generator(prefix="call", size=24)
generate_response_id = create_id_generator(prefix="aitxt", size=24)


@dataclass(frozen=True, slots=True)
class Include:
    """What to keep on step results besides the content (all off by default: bodies can be big).

    Pass a dict of these names (``include={"request_body": True}``) or an instance.
    """

    request_body: bool = False
    """Keep the HTTP request body on `StepRequest.body`."""
    request_messages: bool = False
    """Keep the messages sent on `StepRequest.messages`."""
    response_body: bool = False
    """Keep the raw response body on `StepResponse.body` (`generate_text` only)."""
    raw_chunks: bool = False
    """`stream_text` only: ask for the provider's raw chunks and emit them as `RawPart`."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PrepareStepContext:
    """What `prepare_step` receives before each step."""

    model: LanguageModel
    """The call's model."""
    step_number: int
    steps: list[StepResult]
    """The steps so far."""
    instructions: str | list[SystemModelMessage] | None
    """The instructions the step will use (earlier overrides carry forward)."""
    initial_instructions: str | list[SystemModelMessage] | None
    messages: list[ModelMessage]
    """The messages the step will send: the history plus earlier steps' responses."""
    initial_messages: list[ModelMessage]
    response_messages: list[ResponseMessage]
    """The messages the call has produced so far."""
    runtime_context: Mapping[str, object]
    """The call's runtime context (as an earlier step left it)."""
    tools_context: Mapping[str, object]
    """The per-tool contexts (as an earlier step left them)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PrepareStepResult:
    """Overrides for one step; ``None`` keeps the call's value.

    ``instructions``/``system``, ``messages``, ``runtime_context`` and ``tools_context`` carry
    forward to later steps; ``provider_options`` is merged into the call's (per provider); the
    others apply to this step only.
    """

    model: LanguageModel | str | None = None
    tool_choice: ToolChoiceInput | None = None
    active_tools: Sequence[str] | None = None
    tool_order: Sequence[str] | None = None
    instructions: Instructions | None = None
    system: Instructions | None = None
    messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None
    provider_options: ProviderOptions | None = None
    tools_context: Mapping[str, object] | None = None
    runtime_context: Mapping[str, object] | None = None
    max_output_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: float | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    stop_sequences: Sequence[str] | None = None
    seed: int | None = None
    reasoning: str | None = None


PrepareStep: TypeAlias = Callable[
    [PrepareStepContext],
    PrepareStepResult
    | Mapping[str, Any]
    | Awaitable[PrepareStepResult | Mapping[str, Any] | None]
    | None,
]
"""Called before each step; return a `PrepareStepResult` (or a dict of its fields) to change
the model, tools, tool choice, instructions, messages or settings of that step."""

_SETTING_NAMES = tuple(f.name for f in fields(CallSettings))


class LoopArguments(TypedDict, total=False):
    """Every option of `generate_text` and `stream_text` but the prompt: what a
    `ToolLoopAgent` fixes at creation (each is described on `generate_text`)."""

    instructions: Instructions | Mapping[str, Any] | None
    system: Instructions | Mapping[str, Any] | None
    allow_system_in_messages: bool
    tools: ToolSet | None
    tool_choice: ToolChoiceInput | None
    active_tools: Sequence[str] | None
    tool_order: Sequence[str] | None
    stop_when: StopCondition | Sequence[StopCondition] | None
    prepare_step: PrepareStep | None
    repair_tool_call: RepairToolCall | None
    max_output_tokens: int | None
    temperature: float | None
    top_p: float | None
    top_k: int | None
    presence_penalty: float | None
    frequency_penalty: float | None
    stop_sequences: Sequence[str] | None
    seed: int | None
    reasoning: ReasoningEffort | None
    provider_options: ProviderOptions | None
    max_retries: int
    headers: Mapping[str, str | None] | None
    timeout: float | TimeoutConfig | None
    include: Include | Mapping[str, bool] | None
    download: DownloadFunction | None
    tools_context: Mapping[str, object] | None
    runtime_context: Mapping[str, object] | None
    tool_approval: ToolApproval | None
    tool_approval_secret: str | bytes | None
    telemetry: TelemetrySettings | None
    on_start: Callable[[StartEvent], Any] | None
    on_step_start: Callable[[StepStartEvent], Any] | None
    on_tool_execution_start: Callable[[ToolExecutionStartEvent], Any] | None
    on_tool_execution_end: Callable[[ToolExecutionEndEvent], Any] | None
    on_step_end: Callable[[StepResult], Any] | None


class CallArguments(LoopArguments, total=False):
    """The keyword arguments `generate_text` and `stream_text` share (each is described on
    `generate_text`); ``**options: Unpack[CallArguments]`` in a signature takes them all."""

    prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None
    messages: Sequence[ModelMessage | Mapping[str, Any]] | None


ARGUMENT_NAMES = CallArguments.__optional_keys__
LOOP_ARGUMENT_NAMES = LoopArguments.__optional_keys__


@dataclass(slots=True, kw_only=True)
class CallConfig:
    """Every argument of a call, checked once."""

    model: LanguageModel
    instructions: str | list[SystemModelMessage] | None
    messages: list[ModelMessage]
    tools: dict[str, Tool[Any]] | None
    tool_choice: ToolChoiceInput | None
    active_tools: list[str] | None
    tool_order: list[str] | None
    settings: CallSettings
    stop_conditions: list[StopCondition]
    prepare_step: PrepareStep | None
    repair_tool_call: RepairToolCall | None
    output: Output[Any, Any, Any] | None
    provider_options: ProviderOptions | None
    max_retries: int
    headers: dict[str, str]
    timeout: TimeoutConfig
    include: Include
    download: DownloadFunction | None
    tools_context: Mapping[str, object]
    runtime_context: Mapping[str, object]
    tool_approval: ToolApproval | None = None
    tool_approval_secret: str | bytes | None = None
    on_step_end: Callable[[StepResult], Any] | None = None
    on_end: Callable[[Any], Any] | None = None
    call_id: str = field(default_factory=generate_call_id)
    hooks: CallHooks | None = None
    """Telemetry and lifecycle callbacks; ``None`` when nothing listens."""

    def start_event(self, operation: Any) -> StartEvent:
        """The `StartEvent` of this call."""
        hooks = self.hooks
        return StartEvent(
            call_id=self.call_id,
            operation=operation,
            provider=self.model.provider,
            model_id=self.model.model_id,
            settings=self.settings,
            instructions=self.instructions,
            messages=list(self.messages),
            tool_names=list(self.tools or {}),
            function_id=hooks.function_id if hooks is not None else None,
            record_inputs=hooks.record_inputs if hooks is not None else True,
            record_outputs=hooks.record_outputs if hooks is not None else True,
            runtime_context=self.runtime_context,
            tools_context=self.tools_context,
        )


_INCLUDE_NOTHING = Include()
_ONE_STEP = is_step_count(1)
_USER_AGENT = f"ai/{__version__}"


def _include(value: Include | Mapping[str, bool] | None) -> Include:
    if value is None:
        return _INCLUDE_NOTHING
    if isinstance(value, Include):
        return value
    try:
        return Include(**value)
    except TypeError as error:
        raise InvalidArgumentError(
            f"include accepts {', '.join(f.name for f in fields(Include))}",
            parameter="include",
            value=value,
        ) from error


def _secret(value: object) -> str | bytes | None:
    if value is None:
        return None
    if not isinstance(value, str | bytes) or len(value) == 0:
        raise InvalidArgumentError(
            "tool_approval_secret must be a non-empty str or bytes (keep it server-side)",
            parameter="tool_approval_secret",
        )
    return value


def check_argument_names(
    function: str, arguments: Mapping[str, object], names: Collection[str]
) -> None:
    """Raise a `TypeError` naming the closest valid name for an argument not in ``names``."""
    for name in arguments:
        if name not in names:
            close = difflib.get_close_matches(name, sorted(names), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise TypeError(f"{function}() got an unexpected keyword argument {name!r}{hint}")


def make_config(
    function: str,
    *,
    model: LanguageModel | str,
    output: Output[Any, Any, Any] | None,
    on_end: Callable[[Any], Any] | None,
    arguments: CallArguments,
) -> CallConfig:
    """Check every argument of a ``function`` call; raises `InvalidArgumentError` /
    `InvalidPromptError` on bad values and `TypeError` on unknown names."""
    check_argument_names(function, arguments, ARGUMENT_NAMES)
    get = arguments.get
    instructions = get("instructions")
    system = get("system")
    if instructions is not None and system is not None:
        raise InvalidArgumentError(
            "pass instructions= or system= (the same option), not both", parameter="system"
        )
    standardized = standardize_prompt(
        prompt=get("prompt"),
        messages=get("messages"),
        instructions=instructions if instructions is not None else system,
        allow_system_in_messages=get("allow_system_in_messages", False),
    )
    stop_when = get("stop_when")
    if stop_when is None:
        conditions: list[StopCondition] = [_ONE_STEP]
    elif callable(stop_when):
        conditions = [stop_when]
    else:
        conditions = list(stop_when)
    active_tools = get("active_tools")
    tool_order = get("tool_order")
    config = CallConfig(
        model=resolve_language_model(model),
        instructions=standardized.instructions,
        messages=standardized.messages,
        tools=normalize_tools(get("tools")),
        tool_choice=get("tool_choice"),
        active_tools=list(active_tools) if active_tools is not None else None,
        tool_order=list(tool_order) if tool_order is not None else None,
        settings=prepare_call_settings(**{name: get(name) for name in _SETTING_NAMES}),
        stop_conditions=conditions,
        prepare_step=get("prepare_step"),
        repair_tool_call=get("repair_tool_call"),
        output=output,
        provider_options=get("provider_options"),
        max_retries=validate_max_retries(get("max_retries", 2)),
        # As upstream: generate_text adds its token to the user-agent, stream_text sends the
        # user's headers only.
        headers=normalize_headers(get("headers"))
        if function == "stream_text"
        else with_user_agent_suffix(get("headers"), _USER_AGENT),
        timeout=prepare_timeout(get("timeout")),
        include=_include(get("include")),
        download=get("download") or default_download,
        tools_context=get("tools_context") or {},
        runtime_context=get("runtime_context") or {},
        tool_approval=get("tool_approval"),
        tool_approval_secret=_secret(get("tool_approval_secret")),
        on_step_end=get("on_step_end"),
        on_end=on_end,
    )
    config.hooks = make_hooks(
        get("telemetry"),
        on_start=get("on_start"),
        on_step_start=get("on_step_start"),
        on_tool_execution_start=get("on_tool_execution_start"),
        on_tool_execution_end=get("on_tool_execution_end"),
    )
    return config


@dataclass(slots=True, kw_only=True)
class StepPlan:
    """One step, ready to call the model."""

    model: LanguageModel
    instructions: str | list[SystemModelMessage] | None
    messages: list[ModelMessage]
    tools: dict[str, Tool[Any]] | None
    """The active tools (those the model sees and that may execute)."""
    tools_context: Mapping[str, object]
    runtime_context: Mapping[str, object]
    options: CallOptions


def _merge_provider_options(
    base: ProviderOptions | None, override: ProviderOptions | None
) -> ProviderOptions | None:
    if override is None:
        return base
    if base is None:
        return override
    merged = {name: dict(values) for name, values in base.items()}
    for name, values in override.items():
        merged[name] = {**merged.get(name, {}), **values}
    return merged


async def _prepare_step_result(
    prepare_step: PrepareStep, context: PrepareStepContext
) -> PrepareStepResult | None:
    outcome: Any = prepare_step(context)
    if inspect.isawaitable(outcome):
        outcome = await outcome
    if outcome is None or isinstance(outcome, PrepareStepResult):
        return outcome
    if isinstance(outcome, Mapping):
        mapping = cast("Mapping[str, Any]", outcome)
        try:
            return PrepareStepResult(**mapping)
        except TypeError as error:
            raise InvalidArgumentError(
                f"prepare_step returned an unknown key: {error}",
                parameter="prepare_step",
                value=mapping,
            ) from error
    raise InvalidArgumentError(
        "prepare_step must return a PrepareStepResult, a dict or None",
        parameter="prepare_step",
        value=outcome,
    )


async def plan_step(
    config: CallConfig,
    *,
    steps: list[StepResult],
    instructions: str | list[SystemModelMessage] | None,
    messages: list[ModelMessage],
    response_messages: list[ResponseMessage],
    runtime_context: Mapping[str, object],
    tools_context: Mapping[str, object],
    include_raw_chunks: bool | None = None,
) -> StepPlan:
    """Run `prepare_step` and build the call options of the next step (``instructions``,
    ``messages`` and the contexts are the values earlier steps carried forward)."""
    overrides = (
        await _prepare_step_result(
            config.prepare_step,
            PrepareStepContext(
                model=config.model,
                step_number=len(steps),
                steps=list(steps),
                instructions=instructions,
                initial_instructions=config.instructions,
                messages=list(messages),
                initial_messages=list(config.messages),
                response_messages=list(response_messages),
                runtime_context=runtime_context,
                tools_context=tools_context,
            ),
        )
        if config.prepare_step is not None
        else None
    )
    model = config.model
    tool_choice = config.tool_choice
    active_tools: Sequence[str] | None = config.active_tools
    tool_order: Sequence[str] | None = config.tool_order
    provider_options = config.provider_options
    settings = config.settings
    if overrides is not None:
        if overrides.model is not None:
            model = resolve_language_model(overrides.model)
        step_instructions = (
            overrides.instructions if overrides.instructions is not None else overrides.system
        )
        if step_instructions is not None:
            instructions = validate_instructions(step_instructions)
        if overrides.messages is not None:
            messages = validate_messages(list(overrides.messages))
        if overrides.tool_choice is not None:
            tool_choice = overrides.tool_choice
        if overrides.active_tools is not None:
            active_tools = overrides.active_tools
        if overrides.tool_order is not None:
            tool_order = overrides.tool_order
        if overrides.tools_context is not None:
            tools_context = overrides.tools_context
        if overrides.runtime_context is not None:
            runtime_context = overrides.runtime_context
        provider_options = _merge_provider_options(provider_options, overrides.provider_options)
        changed = {
            name: getattr(overrides, name)
            for name in _SETTING_NAMES
            if getattr(overrides, name) is not None
        }
        if changed:
            current = {name: getattr(settings, name) for name in _SETTING_NAMES}
            settings = prepare_call_settings(**{**current, **changed})
    prompt = await convert_to_language_model_prompt(
        StandardizedPrompt(instructions=instructions, messages=messages),
        supported_urls=model.supported_urls,
        download=config.download,
    )
    tools = filter_active_tools(config.tools, active_tools)
    options = CallOptions(
        prompt=prompt,
        max_output_tokens=settings.max_output_tokens,
        temperature=settings.temperature,
        stop_sequences=settings.stop_sequences,
        top_p=settings.top_p,
        top_k=cast("int | None", settings.top_k),
        presence_penalty=settings.presence_penalty,
        frequency_penalty=settings.frequency_penalty,
        response_format=config.output.response_format() if config.output is not None else None,
        seed=settings.seed,
        tools=prepare_tools(tools, tool_order=tool_order),
        tool_choice=prepare_tool_choice(tool_choice),
        include_raw_chunks=include_raw_chunks,
        headers=cast("dict[str, str | None]", config.headers) if config.headers else None,
        reasoning=settings.reasoning,
        provider_options=provider_options,
    )
    return StepPlan(
        model=model,
        instructions=instructions,
        messages=messages,
        tools=tools,
        tools_context=tools_context,
        runtime_context=runtime_context,
        options=options,
    )
