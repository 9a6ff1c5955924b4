"""Tool definitions and tool choice for a model call."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel, Field

from ai_sdk.generate_text import Tool, tool
from ai_sdk.prompt import filter_active_tools, prepare_tool_choice, prepare_tools
from ai_sdk.provider import (
    AutoToolChoice,
    FunctionTool,
    InvalidArgumentError,
    NoneToolChoice,
    ProviderTool,
    RequiredToolChoice,
    SpecificToolChoice,
    ToolInputExample,
)
from ai_sdk.provider_utils import as_schema, json_schema


class City(BaseModel):
    name: str = Field(description="The city")
    unit: Literal["C", "F"] = "C"


def test_function_tools_send_their_json_schema() -> None:
    weather = tool(
        description="Weather",
        input_schema=City,
        strict=True,
        input_examples=[{"name": "Paris"}],
        provider_options={"p": {"cache": True}},
    )
    raw = tool(input_schema=json_schema({"type": "object", "properties": {}}))
    assert prepare_tools({"weather": weather, "raw": raw}) == [
        FunctionTool(
            name="weather",
            description="Weather",
            input_schema={
                "type": "object",
                "title": "City",
                "properties": {
                    "name": {"type": "string", "title": "Name", "description": "The city"},
                    "unit": {"type": "string", "enum": ["C", "F"], "default": "C", "title": "Unit"},
                },
                "required": ["name"],
                "additionalProperties": False,
            },
            input_examples=[ToolInputExample(input={"name": "Paris"})],
            strict=True,
            provider_options={"p": {"cache": True}},
        ),
        FunctionTool(name="raw", input_schema={"type": "object", "properties": {}}),
    ]


def test_provider_tools_and_empty_tool_sets() -> None:
    search = Tool(input_schema=as_schema(None), type="provider", id="gateway.search", args={"k": 3})
    assert prepare_tools({"search": search}) == [
        ProviderTool(id="gateway.search", name="search", args={"k": 3})
    ]
    assert prepare_tools({}) is None
    assert prepare_tools(None) is None


def test_tool_order_lists_named_tools_first_then_the_rest_alphabetically() -> None:
    t = tool(input_schema=None)
    tools = {"c": t, "a": t, "d": t, "b": t}
    definitions = prepare_tools(tools, tool_order=["d", "b"]) or []
    assert [d.name for d in definitions] == ["d", "b", "a", "c"]


def test_active_tools_filter() -> None:
    t = tool(input_schema=None)
    assert filter_active_tools({"a": t, "b": t}, ["b", "zzz"]) == {"b": t}
    assert filter_active_tools({"a": t}, None) == {"a": t}
    assert filter_active_tools(None, ["a"]) is None


def test_tool_choice_forms() -> None:
    assert prepare_tool_choice(None) == AutoToolChoice()
    assert prepare_tool_choice("auto") == AutoToolChoice()
    assert prepare_tool_choice("none") == NoneToolChoice()
    assert prepare_tool_choice("required") == RequiredToolChoice()
    assert prepare_tool_choice({"type": "tool", "tool_name": "w"}) == SpecificToolChoice(
        tool_name="w"
    )
    assert prepare_tool_choice({"type": "tool", "toolName": "w"}) == SpecificToolChoice(
        tool_name="w"
    )
    assert prepare_tool_choice(SpecificToolChoice(tool_name="x")) == SpecificToolChoice(
        tool_name="x"
    )
    with pytest.raises(InvalidArgumentError) as caught:
        prepare_tool_choice("sometimes")  # type: ignore[arg-type]
    assert caught.value.parameter == "tool_choice"
