"""Tool definitions: `tool`, the `@tool` decorator, `dynamic_tool`, tool lists."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel

from ai_sdk.generate_text import (
    Tool,
    ToolExecutionOptions,
    dynamic_tool,
    generate_text,
    tool,
)
from ai_sdk.generate_text._tool import normalize_tools
from ai_sdk.provider import InvalidArgumentError
from ai_sdk.provider_utils import json_schema
from ai_sdk.testing import MockLanguageModel
from tests.core.generate_text.helpers import calls_result


def test_decorator_derives_schema_and_description() -> None:
    @tool
    async def get_weather(city: str, unit: Literal["C", "F"] = "C") -> str:
        """Get the weather in a city.

        Args:
            city: The city name,
                as written locally.
            unit: Temperature unit.

        Returns:
            A sentence.
        """
        return f"{city} {unit}"

    assert isinstance(get_weather, Tool)
    assert (get_weather.name, get_weather.description) == (
        "get_weather",
        "Get the weather in a city.",
    )
    assert get_weather.input_schema.json_schema == {
        "type": "object",
        "title": "GetWeatherInput",
        "properties": {
            "city": {
                "type": "string",
                "title": "City",
                "description": "The city name, as written locally.",
            },
            "unit": {
                "type": "string",
                "enum": ["C", "F"],
                "default": "C",
                "title": "Unit",
                "description": "Temperature unit.",
            },
        },
        "required": ["city"],
        "additionalProperties": False,
    }


async def test_decorated_tools_run_from_a_list_with_options() -> None:
    seen: list[str] = []

    @tool(description="Add two numbers")
    def add(a: int, b: int, options: ToolExecutionOptions) -> int:
        seen.append(options.tool_call_id)
        return a + b

    @tool
    async def echo(text: str) -> str:
        return text

    model = MockLanguageModel(
        do_generate=calls_result(
            ("c1", "add", '{"a": 2, "b": 3}'), ("c2", "echo", '{"text": "hi"}')
        )
    )
    result = await generate_text(model=model, prompt="x", tools=[add, echo])
    assert [r.output for r in result.tool_results] == [5, "hi"]
    assert seen == ["c1"]
    assert add.description == "Add two numbers"
    assert [t.name for t in model.calls[0].tools or []] == ["add", "echo"]


def test_decorator_rejects_star_parameters_and_lists_need_names() -> None:
    def variadic(*args: int) -> int:
        return 0

    with pytest.raises(InvalidArgumentError, match=r"\*args"):
        tool(variadic)
    unnamed = tool(input_schema=None, execute=lambda _: 1)
    with pytest.raises(InvalidArgumentError, match="must have names"):
        normalize_tools([unnamed])


def test_call_styles_and_defaults() -> None:
    class In(BaseModel):
        x: int

    one = tool(input_schema=In, execute=lambda value: value.x)
    two = tool(input_schema=In, execute=lambda value, options: options.tool_call_id)
    assert (one.call_style, two.call_style) == ("input", "input_options")
    no_params = tool(execute=lambda value: 1)
    assert no_params.input_schema.json_schema == {
        "type": "object",
        "properties": {},
        "additionalProperties": False,
    }
    assert callable(tool(description="decorator factory"))


async def test_dynamic_tools_mark_their_calls() -> None:
    mcp = dynamic_tool(
        input_schema=json_schema({"type": "object"}),
        execute=lambda value: {"got": value},
        description="from MCP",
    )
    model = MockLanguageModel(do_generate=calls_result(("c1", "mcp", '{"q": 1}')))
    result = await generate_text(model=model, prompt="x", tools={"mcp": mcp})
    assert result.dynamic_tool_calls[0].input == {"q": 1}
    assert result.static_tool_calls == []
    assert result.dynamic_tool_results[0].output == {"got": {"q": 1}}


async def test_to_model_output_controls_what_the_model_sees() -> None:
    from ai_sdk.provider import ContentOutput, ContentOutputText

    shout = tool(
        input_schema=None,
        execute=lambda value: "quiet",
        to_model_output=lambda output, **_: {
            "type": "content",
            "value": [{"type": "text", "text": output.upper()}],
        },
    )
    model = MockLanguageModel(
        do_generate=[calls_result(("c1", "s", "{}")), calls_result(step=1, finish="stop")]
    )
    from ai_sdk.generate_text import is_step_count

    await generate_text(model=model, prompt="x", tools={"s": shout}, stop_when=is_step_count(2))
    assert model.calls[1].prompt[-1].content[0].output == ContentOutput(  # type: ignore[union-attr]
        value=[ContentOutputText(text="QUIET")]
    )
