"""Turn the user's tools and tool choice into the spec tool definitions of one model call."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, cast

from ai_sdk.provider import (
    AutoToolChoice,
    FunctionTool,
    InvalidArgumentError,
    NoneToolChoice,
    ProviderTool,
    RequiredToolChoice,
    SpecificToolChoice,
    ToolChoice,
    ToolDefinition,
    ToolInputExample,
)

if TYPE_CHECKING:  # the tool type lives with the tool loop, which imports this package
    from ai_sdk.generate_text._tool import Tool

__all__ = ["ToolChoiceInput", "filter_active_tools", "prepare_tool_choice", "prepare_tools"]

ToolChoiceInput: TypeAlias = (
    Literal["auto", "none", "required"] | SpecificToolChoice | ToolChoice | Mapping[str, str]
)
"""``"auto"`` (default), ``"none"``, ``"required"``, or one tool:
``{"type": "tool", "tool_name": "weather"}`` (or a `SpecificToolChoice`)."""


def filter_active_tools(
    tools: Mapping[str, Tool[Any]] | None, active_tools: Sequence[str] | None
) -> dict[str, Tool[Any]] | None:
    """Only the tools named in ``active_tools`` (all of them when it is ``None``)."""
    if tools is None:
        return None
    if active_tools is None:
        return dict(tools)
    wanted = set(active_tools)
    return {name: t for name, t in tools.items() if name in wanted}


def _ordered(
    tools: Mapping[str, Tool[Any]], tool_order: Sequence[str] | None
) -> list[tuple[str, Tool[Any]]]:
    if tool_order is None:
        return list(tools.items())
    rank = {name: index for index, name in enumerate(tool_order)}
    listed = sorted((item for item in tools.items() if item[0] in rank), key=lambda i: rank[i[0]])
    rest = sorted(item for item in tools.items() if item[0] not in rank)
    return listed + rest


def prepare_tools(
    tools: Mapping[str, Tool[Any]] | None, *, tool_order: Sequence[str] | None = None
) -> list[ToolDefinition] | None:
    """The spec definitions of ``tools`` (``None`` when there are none).

    Function and dynamic tools send their JSON Schema; provider tools their id and args.
    ``tool_order`` lists tools to send first (in that order); the rest follow alphabetically, so
    the tool list stays stable across calls (useful for prompt caching).
    """
    if not tools:
        return None
    definitions: list[ToolDefinition] = []
    for name, item in _ordered(tools, tool_order):
        if item.type == "provider":
            if item.id is None:
                raise InvalidArgumentError(
                    f"provider tool {name!r} has no id", parameter="tools", value=item
                )
            definitions.append(ProviderTool(id=item.id, name=name, args=item.args))
            continue
        definitions.append(
            FunctionTool(
                name=name,
                description=item.description,
                input_schema=item.input_schema.json_schema,
                input_examples=[ToolInputExample(input=e) for e in item.input_examples]
                if item.input_examples is not None
                else None,
                strict=item.strict,
                provider_options=item.provider_options,
            )
        )
    return definitions


@functools.cache
def _plain_choice(kind: Literal["auto", "none", "required"]) -> ToolChoice:
    # Immutable, so every call shares one of each; built on first use, as models build lazily.
    match kind:
        case "auto":
            return AutoToolChoice()
        case "none":
            return NoneToolChoice()
        case "required":
            return RequiredToolChoice()


def prepare_tool_choice(tool_choice: ToolChoiceInput | None) -> ToolChoice:
    """The spec tool choice for ``tool_choice`` (``auto`` when it is ``None``).

    Raises:
        InvalidArgumentError: an unknown string or a malformed mapping.
    """
    if tool_choice is None or tool_choice == "auto":
        return _plain_choice("auto")
    if tool_choice == "none":
        return _plain_choice("none")
    if tool_choice == "required":
        return _plain_choice("required")
    if isinstance(
        tool_choice, AutoToolChoice | NoneToolChoice | RequiredToolChoice | SpecificToolChoice
    ):
        return tool_choice
    choice = cast("object", tool_choice)
    if isinstance(choice, Mapping):
        mapping = cast("Mapping[str, object]", choice)
        tool_name = mapping.get("tool_name", mapping.get("toolName"))
        kind = mapping.get("type", "tool")
        if kind == "tool" and isinstance(tool_name, str):
            return SpecificToolChoice(tool_name=tool_name)
        if kind == "auto" and tool_name is None:
            return AutoToolChoice()
        if kind == "none" and tool_name is None:
            return NoneToolChoice()
        if kind == "required" and tool_name is None:
            return RequiredToolChoice()
    raise InvalidArgumentError(
        'tool_choice must be "auto", "none", "required" or {"type": "tool", "tool_name": ...}',
        parameter="tool_choice",
        value=tool_choice,
    )
