"""Tools: what the model may call, with the schema of its input and the function that runs it.

Three ways to build one: `tool(input_schema=..., execute=...)`, the `@tool` decorator (the input
schema comes from the function's typed parameters, the description from its docstring) and
`dynamic_tool(...)` for tools whose input type is only known at run time (e.g. MCP).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import AsyncIterable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeAlias, TypeVar, cast, get_type_hints, overload

from pydantic import Field, create_model

from ai_sdk.generate_text._output import schema_argument
from ai_sdk.prompt._messages import ModelMessage
from ai_sdk.provider import InvalidArgumentError, JSONObject, JSONValue, ProviderOptions
from ai_sdk.provider_utils import Schema, as_schema

__all__ = [
    "Tool",
    "ToolExecutionOptions",
    "ToolSet",
    "call_style_of",
    "dynamic_tool",
    "normalize_tools",
    "tool",
]

InputT = TypeVar("InputT")

_UNSET: Any = object()
_CallStyle: TypeAlias = Literal["input", "input_options"]


@dataclass(frozen=True, slots=True)
class ToolExecutionOptions:
    """What a tool's ``execute`` function may receive besides its input.

    Declare a second positional parameter (or, with `@tool`, a parameter annotated
    ``ToolExecutionOptions``) to get it.
    """

    tool_call_id: str
    """The id of the tool call being executed."""
    messages: list[ModelMessage]
    """The messages sent to the model in the step that made the call."""
    context: object = None
    """For ``execute``: this tool's entry of the call's ``tools_context``, if any; for the
    input hooks (``on_input_*``): the call's ``runtime_context``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Tool(Generic[InputT]):
    """A tool the model can call.

    Build it with `tool`, `@tool` or `dynamic_tool` rather than directly. A tool without
    ``execute`` is still offered to the model; its calls end the tool loop and are left to you.
    """

    input_schema: Schema[InputT]
    """Describes the input to the model and validates what it sends."""
    description: str | None = None
    """What the tool does; the model reads it to decide when to call the tool."""
    execute: Callable[..., Any] | None = None
    """Runs the tool: sync (in a worker thread) or async; an async generator streams
    preliminary results, the last one being final."""
    type: Literal["function", "dynamic", "provider"] = "function"
    """``dynamic`` tools have inputs typed only at run time; ``provider`` tools are defined by
    the provider (``id``, ``args``)."""
    name: str | None = None
    """The tool's name, used when tools are passed as a list (dict keys win otherwise)."""
    title: str | None = None
    """A human-readable title."""
    strict: bool | None = None
    """Ask the provider for strict schema adherence, where supported."""
    input_examples: list[JSONObject] | None = None
    """Example inputs, sent to providers that support them."""
    provider_options: ProviderOptions | None = None
    """Provider-specific options for this tool."""
    metadata: JSONObject | None = None
    """Your own data, copied onto the tool's calls and results as ``tool_metadata``."""
    to_model_output: Callable[..., Any] | None = None
    """``(tool_call_id=, input=, output=) -> ToolResultOutput`` (may be async): what the model
    sees of a result; by default a ``str`` becomes text and anything else JSON."""
    needs_approval: bool | Callable[..., Any] | None = None
    """Whether a call waits for the caller's approval before it runs: a bool, or a function
    ``(input[, ToolExecutionOptions]) -> bool`` (sync or async; ``options.context`` is this
    tool's ``tools_context`` entry). The call-level ``tool_approval`` takes precedence."""
    on_input_start: Callable[[ToolExecutionOptions], Any] | None = None
    """Streaming only: called when the model starts sending this tool's input. As upstream, the
    input hooks get the call's ``runtime_context`` as ``options.context``."""
    on_input_delta: Callable[[str, ToolExecutionOptions], Any] | None = None
    """Streaming only: called with each piece of the input JSON text."""
    on_input_available: Callable[[Any, ToolExecutionOptions], Any] | None = None
    """Called with the validated input before the tool executes."""
    id: str | None = None
    """Provider tools: ``<provider>.<tool>``."""
    args: JSONObject = field(default_factory=dict[str, JSONValue])
    """Provider tools: the tool's configuration."""
    provider_executed: bool = False
    """Provider tools: the provider runs the tool and returns its result."""
    supports_deferred_results: bool = False
    """Provider-executed tools whose result may arrive in a later step."""
    call_style: _CallStyle = "input"
    """How ``execute`` is called: ``fn(input)`` or ``fn(input, options)``."""


ToolSet: TypeAlias = Mapping[str, Tool[Any]] | Sequence[Tool[Any]]
"""The ``tools=`` argument: a dict by name, or a list of named tools (e.g. from `@tool`)."""


def normalize_tools(tools: ToolSet | None) -> dict[str, Tool[Any]] | None:
    """The tools as a dict by name.

    Raises:
        InvalidArgumentError: a listed tool has no name, or two tools share a name.
    """
    if tools is None:
        return None
    if isinstance(tools, Mapping):
        return dict(tools)
    result: dict[str, Tool[Any]] = {}
    for item in tools:
        if item.name is None:
            raise InvalidArgumentError(
                "tools given as a list must have names; use @tool, tool(name=...), or a dict",
                parameter="tools",
                value=item,
            )
        if item.name in result:
            raise InvalidArgumentError(
                f"two tools are named {item.name!r}", parameter="tools", value=item.name
            )
        result[item.name] = item
    return result


def call_style_of(execute: Callable[..., Any] | None) -> _CallStyle:
    """``input_options`` when ``execute`` takes two positional parameters (or ``*args``)."""
    if execute is None:
        return "input"
    try:
        signature = inspect.signature(execute)
    except (TypeError, ValueError):  # builtins without signatures
        return "input"
    positional = 0
    for parameter in signature.parameters.values():
        if parameter.kind is parameter.VAR_POSITIONAL:
            return "input_options"
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
            positional += 1
    return "input_options" if positional >= 2 else "input"


@overload
def tool(function: Callable[..., Any], /) -> Tool[Any]: ...
@overload
def tool(
    *,
    description: str | None = None,
    name: str | None = None,
    title: str | None = None,
    strict: bool | None = None,
    provider_options: ProviderOptions | None = None,
    metadata: JSONObject | None = None,
    needs_approval: bool | Callable[..., Any] | None = None,
) -> Callable[[Callable[..., Any]], Tool[Any]]: ...
@overload
def tool(
    *,
    input_schema: type[InputT] | Schema[InputT] | None,
    execute: Callable[..., Any] | None = None,
    description: str | None = None,
    name: str | None = None,
    title: str | None = None,
    strict: bool | None = None,
    input_examples: Sequence[JSONObject] | None = None,
    provider_options: ProviderOptions | None = None,
    metadata: JSONObject | None = None,
    needs_approval: bool | Callable[..., Any] | None = None,
    to_model_output: Callable[..., Any] | None = None,
    on_input_start: Callable[[ToolExecutionOptions], Any] | None = None,
    on_input_delta: Callable[[str, ToolExecutionOptions], Any] | None = None,
    on_input_available: Callable[[Any, ToolExecutionOptions], Any] | None = None,
) -> Tool[InputT]: ...
@overload
def tool(
    *,
    execute: Callable[..., Any],
    description: str | None = None,
    name: str | None = None,
    title: str | None = None,
    strict: bool | None = None,
    input_examples: Sequence[JSONObject] | None = None,
    provider_options: ProviderOptions | None = None,
    metadata: JSONObject | None = None,
    needs_approval: bool | Callable[..., Any] | None = None,
    to_model_output: Callable[..., Any] | None = None,
    on_input_start: Callable[[ToolExecutionOptions], Any] | None = None,
    on_input_delta: Callable[[str, ToolExecutionOptions], Any] | None = None,
    on_input_available: Callable[[Any, ToolExecutionOptions], Any] | None = None,
) -> Tool[JSONValue]: ...
def tool(
    function: Callable[..., Any] | None = None,
    /,
    *,
    input_schema: object = _UNSET,
    execute: Callable[..., Any] | None = None,
    description: str | None = None,
    name: str | None = None,
    title: str | None = None,
    strict: bool | None = None,
    input_examples: Sequence[JSONObject] | None = None,
    provider_options: ProviderOptions | None = None,
    metadata: JSONObject | None = None,
    needs_approval: bool | Callable[..., Any] | None = None,
    to_model_output: Callable[..., Any] | None = None,
    on_input_start: Callable[[ToolExecutionOptions], Any] | None = None,
    on_input_delta: Callable[[str, ToolExecutionOptions], Any] | None = None,
    on_input_available: Callable[[Any, ToolExecutionOptions], Any] | None = None,
) -> Tool[Any] | Callable[[Callable[..., Any]], Tool[Any]]:
    """Define a tool, directly or as a decorator.

    Directly::

        class Weather(BaseModel):
            city: str

        weather = tool(
            description="Get the weather in a city",
            input_schema=Weather,
            execute=lambda w: {"city": w.city, "temperature": 21},
        )

    As a decorator (input schema from the parameters, description from the docstring, the
    ``Args:`` section describing each parameter)::

        @tool
        async def get_weather(city: str, unit: Literal["C", "F"] = "C") -> dict[str, object]:
            \"\"\"Get the weather in a city.

            Args:
                city: The city name.
            \"\"\"

    ``execute`` receives the validated input (a model instance for a pydantic schema), and a
    `ToolExecutionOptions` when it takes a second positional parameter. It may be sync (run in a
    worker thread) or async, or an async generator whose items are preliminary results.

    Called with neither ``input_schema`` nor ``execute`` (only descriptive options), it returns
    a decorator. Pass ``input_schema=None`` for a tool without parameters.

    Args:
        input_schema: a pydantic model, any type pydantic validates, `json_schema(...)`, or
            ``None`` for no parameters (an empty object; the default with ``execute``).
        execute: the function that runs the tool; omitted: the caller handles the calls.
        description: what the tool does, for the model.
        name: the tool's name when passed in a list (the decorator uses the function name).
        title: a human-readable title.
        strict: ask for strict schema adherence where the provider supports it.
        input_examples: example inputs for providers that support them.
        provider_options: provider-specific options.
        metadata: your own data, copied onto calls and results.
        needs_approval: calls wait for the caller's approval before they run (a bool, or a
            function of the input and `ToolExecutionOptions`).
        to_model_output: converts a result into what the model sees.
        on_input_start: streaming: the model started sending the input.
        on_input_delta: streaming: a piece of the input JSON text arrived.
        on_input_available: the validated input is available, before execution.
    """
    settings: dict[str, Any] = {
        "description": description,
        "name": name,
        "title": title,
        "strict": strict,
        "provider_options": provider_options,
        "metadata": metadata,
        "needs_approval": needs_approval,
    }
    if function is not None:
        return _tool_from_function(function, **settings)
    if input_schema is _UNSET and execute is None:
        return lambda fn: _tool_from_function(fn, **settings)
    return Tool(
        input_schema=schema_argument(
            None if input_schema is _UNSET else input_schema, "input_schema"
        ),
        execute=execute,
        input_examples=list(input_examples) if input_examples is not None else None,
        to_model_output=to_model_output,
        on_input_start=on_input_start,
        on_input_delta=on_input_delta,
        on_input_available=on_input_available,
        call_style=call_style_of(execute),
        **settings,
    )


def dynamic_tool(
    *,
    input_schema: Schema[Any] | type[Any] | None = None,
    execute: Callable[..., Any] | None = None,
    description: str | None = None,
    name: str | None = None,
    title: str | None = None,
    provider_options: ProviderOptions | None = None,
    metadata: JSONObject | None = None,
    needs_approval: bool | Callable[..., Any] | None = None,
    to_model_output: Callable[..., Any] | None = None,
) -> Tool[Any]:
    """A tool whose input and output types are only known at run time (e.g. from an MCP server).

    Its calls and results are marked ``dynamic=True``. Arguments as in `tool`.
    """
    return Tool(
        type="dynamic",
        input_schema=schema_argument(input_schema, "input_schema"),
        execute=execute,
        description=description,
        name=name,
        title=title,
        provider_options=provider_options,
        metadata=metadata,
        needs_approval=needs_approval,
        to_model_output=to_model_output,
        call_style=call_style_of(execute),
    )


# -- the decorator ------------------------------------------------------------------------------

_SECTION = re.compile(
    r"^\s*(Args|Arguments|Parameters|Returns|Yields|Raises|Examples?|Notes?):\s*$"
)
_ARG_LINE = re.compile(r"^\s*\*{0,2}(\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$")


def _parse_docstring(doc: str | None) -> tuple[str | None, dict[str, str]]:
    """The summary (text before the first section) and the ``Args:`` descriptions."""
    if not doc:
        return None, {}
    lines = inspect.cleandoc(doc).splitlines()
    summary: list[str] = []
    params: dict[str, str] = {}
    section: str | None = None
    current: str | None = None
    arg_indent: int | None = None
    for line in lines:
        header = _SECTION.match(line)
        if header is not None:
            section = header.group(1)
            current = None
            arg_indent = None
            continue
        if section is None:
            summary.append(line)
        elif section in ("Args", "Arguments", "Parameters") and line.strip():
            indent = len(line) - len(line.lstrip())
            match = _ARG_LINE.match(line)
            if match is not None and (arg_indent is None or indent <= arg_indent):
                arg_indent = indent
                name = match.group(1)
                current = name
                params[name] = match.group(2).strip()
            elif current is not None:
                params[current] = f"{params[current]} {line.strip()}".strip()
    text = "\n".join(summary).strip()
    return (text or None), params


def _tool_from_function(
    function: Callable[..., Any],
    *,
    description: str | None,
    name: str | None,
    **settings: Any,
) -> Tool[Any]:
    summary, arg_docs = _parse_docstring(function.__doc__)
    signature = inspect.signature(function)
    try:
        hints = get_type_hints(function, include_extras=True)
    except Exception:  # unresolvable forward references: fall back to the raw annotations
        hints = {}
    fields: dict[str, Any] = {}
    options_parameter: str | None = None
    for parameter in signature.parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            raise InvalidArgumentError(
                f"@tool cannot describe *{parameter.name} or **{parameter.name} parameters; "
                "declare each input as its own parameter",
                parameter="function",
                value=function,
            )
        annotation = hints.get(parameter.name, parameter.annotation)
        if annotation is ToolExecutionOptions:
            options_parameter = parameter.name
            continue
        if annotation is inspect.Parameter.empty:
            annotation = Any
        default = ... if parameter.default is inspect.Parameter.empty else parameter.default
        doc = arg_docs.get(parameter.name)
        fields[parameter.name] = (
            annotation,
            Field(default, description=doc) if doc else default,
        )
    tool_name = name or function.__name__
    model_name = "".join(part.capitalize() for part in tool_name.split("_")) + "Input"
    input_model = cast("type[Any]", create_model(model_name, **fields))
    field_names = list(fields)
    options_name = options_parameter

    if inspect.isasyncgenfunction(function):

        async def run_stream(value: Any, options: ToolExecutionOptions) -> AsyncIterable[Any]:
            kwargs = {n: getattr(value, n) for n in field_names}
            if options_name is not None:
                kwargs[options_name] = options
            async for item in function(**kwargs):
                yield item

        execute: Callable[..., Any] = run_stream
    elif inspect.iscoroutinefunction(function):

        async def run_async(value: Any, options: ToolExecutionOptions) -> Any:
            kwargs = {n: getattr(value, n) for n in field_names}
            if options_name is not None:
                kwargs[options_name] = options
            return await function(**kwargs)

        execute = run_async
    else:

        def run_sync(value: Any, options: ToolExecutionOptions) -> Any:
            kwargs = {n: getattr(value, n) for n in field_names}
            if options_name is not None:
                kwargs[options_name] = options
            return function(**kwargs)

        execute = run_sync

    return Tool(
        input_schema=as_schema(input_model),
        execute=execute,
        description=description if description is not None else summary,
        name=tool_name,
        call_style="input_options",
        **settings,
    )
