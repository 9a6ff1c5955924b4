"""Structured output: response formats, parsing, every failure mode, partial output streams."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from pydantic import BaseModel, ValidationError

from ai_sdk.generate_text import Output, generate_text, stream_text, tool
from ai_sdk.provider import (
    JSONParseError,
    JsonResponseFormat,
    NoObjectGeneratedError,
    NoOutputGeneratedError,
    TextResponseFormat,
    TypeValidationError,
)
from ai_sdk.provider_utils import json_schema
from ai_sdk.testing import MockLanguageModel, usage
from tests.core.generate_text.helpers import calls_result, stream_parts, text_answer


class Recipe(BaseModel):
    name: str
    steps: list[str]


class Item(BaseModel):
    id: int


RECIPE_SCHEMA = {
    "type": "object",
    "title": "Recipe",
    "properties": {
        "name": {"type": "string", "title": "Name"},
        "steps": {"type": "array", "items": {"type": "string"}, "title": "Steps"},
    },
    "required": ["name", "steps"],
    "additionalProperties": False,
}


async def test_object_output_is_validated_into_the_model() -> None:
    model = MockLanguageModel(do_generate=text_answer('{"name": "Tea", "steps": ["boil"]}'))
    result = await generate_text(
        model=model, prompt="x", output=Output.object(schema=Recipe, name="recipe")
    )
    recipe: Recipe = result.output
    assert recipe == Recipe(name="Tea", steps=["boil"])
    assert model.calls[0].response_format == JsonResponseFormat(schema=RECIPE_SCHEMA, name="recipe")


async def test_unparseable_text_raises_no_object_generated_with_details() -> None:
    model = MockLanguageModel(do_generate=text_answer("Sure! Here it is", use=usage(4, 2)))
    with pytest.raises(NoObjectGeneratedError) as caught:
        await generate_text(model=model, prompt="x", output=Output.object(schema=Recipe))
    error = caught.value
    assert str(error) == "No object generated: could not parse the response."
    assert (error.text, error.finish_reason) == ("Sure! Here it is", "stop")
    assert error.usage.input_tokens == 4  # type: ignore[attr-defined]
    assert error.response.id == "resp-0"  # type: ignore[attr-defined]
    assert isinstance(error.cause, JSONParseError)


async def test_schema_mismatch_carries_the_validation_paths() -> None:
    model = MockLanguageModel(do_generate=text_answer('{"name": 1, "steps": [2]}'))
    with pytest.raises(NoObjectGeneratedError) as caught:
        await generate_text(model=model, prompt="x", output=Output.object(schema=Recipe))
    assert str(caught.value) == "No object generated: response did not match schema."
    cause = caught.value.cause
    assert isinstance(cause, TypeValidationError)
    assert isinstance(cause.cause, ValidationError)
    assert [e["loc"] for e in cause.cause.errors()] == [("name",), ("steps", 0)]
    assert "name: Input should be a valid string; steps.0: Input should be a valid string" in str(
        cause
    )


async def test_output_is_only_parsed_when_the_last_step_stopped() -> None:
    model = MockLanguageModel(do_generate=text_answer('{"name": "T', finish="length"))
    result = await generate_text(model=model, prompt="x", output=Output.object(schema=Recipe))
    with pytest.raises(NoOutputGeneratedError, match="finished with 'length'"):
        _ = result.output
    tool_model = MockLanguageModel(do_generate=calls_result(("c", "t", "{}")))
    tool_result = await generate_text(
        model=tool_model,
        prompt="x",
        tools={"t": tool(input_schema=None)},
        output=Output.object(schema=Recipe),
    )
    with pytest.raises(NoOutputGeneratedError):
        _ = tool_result.output


async def test_array_choice_json_and_text_outputs() -> None:
    array = await generate_text(
        model=MockLanguageModel(do_generate=text_answer('{"elements": [{"id": 1}, {"id": 2}]}')),
        prompt="x",
        output=Output.array(element=Item),
    )
    assert array.output == [Item(id=1), Item(id=2)]
    choice = await generate_text(
        model=MockLanguageModel(do_generate=text_answer('{"result": "rain"}')),
        prompt="x",
        output=Output.choice(options=["sun", "rain"]),
    )
    weather: Literal["sun", "rain"] = choice.output
    assert weather == "rain"
    raw = await generate_text(
        model=MockLanguageModel(do_generate=text_answer('[1, {"a": null}]')),
        prompt="x",
        output=Output.json(),
    )
    assert raw.output == [1, {"a": None}]
    plain_model = MockLanguageModel(do_generate=text_answer("hi"))
    plain = await generate_text(model=plain_model, prompt="x", output=Output.text())
    assert plain.output == "hi"
    assert plain_model.calls[0].response_format == TextResponseFormat()


@pytest.mark.parametrize(
    ("output", "text", "cause"),
    [
        (Output.array(element=Item), '{"items": []}', "elements array"),
        (Output.array(element=Item), '{"elements": [{"id": "x"}]}', "id: Input should be"),
        (Output.choice(options=["a", "b"]), '{"result": "c"}', "one of ['a', 'b']"),
        (Output.json(), "{", "JSON parsing failed"),
    ],
)
async def test_each_output_kind_reports_bad_answers(output: Any, text: str, cause: str) -> None:
    model = MockLanguageModel(do_generate=text_answer(text))
    with pytest.raises(NoObjectGeneratedError) as caught:
        await generate_text(model=model, prompt="x", output=output)
    assert cause in str(caught.value.cause)
    assert caught.value.text == text


def test_array_and_choice_response_formats() -> None:
    array = Output.array(element=Item, description="items").response_format()
    assert array == JsonResponseFormat(
        schema={
            "$schema": "http://json-schema.org/draft-07/schema#",
            "type": "object",
            "properties": {
                "elements": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "title": "Item",
                        "properties": {"id": {"type": "integer", "title": "Id"}},
                        "required": ["id"],
                        "additionalProperties": False,
                    },
                }
            },
            "required": ["elements"],
            "additionalProperties": False,
        },
        description="items",
    )
    choice = Output.choice(options=["a", "b"]).response_format()
    assert choice == JsonResponseFormat(
        schema={
            "$schema": "http://json-schema.org/draft-07/schema#",
            "type": "object",
            "properties": {"result": {"type": "string", "enum": ["a", "b"]}},
            "required": ["result"],
            "additionalProperties": False,
        }
    )


def test_partial_parsing_rules() -> None:
    obj = Output.object(schema=json_schema({"type": "object"}))
    assert obj.parse_partial('{"name": "Te') == ({"name": "Te"},)
    assert obj.parse_partial("") is None
    array = Output.array(element=Item)
    assert array.parse_partial('{"elements": [{"id": 1}, {"id": 2') == ([Item(id=1)],)
    assert array.parse_partial('{"elements": [{"id": 1}, {"id": 2}]}') == (
        [Item(id=1), Item(id=2)],
    )
    assert array.parse_partial('{"other": 1}') is None
    choice = Output.choice(options=["sunny", "snowy", "rain"])
    assert choice.parse_partial('{"result": "s') is None  # ambiguous
    assert choice.parse_partial('{"result": "sn') == ("snowy",)
    assert choice.parse_partial('{"result": "rain"}') == ("rain",)
    assert choice.parse_partial('{"result": "hail"}') is None


async def test_partial_output_and_element_streams() -> None:
    model = MockLanguageModel(
        do_stream=stream_parts('{"elements": [{"id"', ": 1}, {", '"id": 2}', "]}")
    )
    result = stream_text(model=model, prompt="x", output=Output.array(element=Item))
    assert [p async for p in result.partial_output_stream] == [
        [],
        [Item(id=1)],
        [Item(id=1), Item(id=2)],
    ]
    assert [e async for e in result.element_stream] == [Item(id=1), Item(id=2)]
    assert await result.output == [Item(id=1), Item(id=2)]

    objects = stream_text(
        model=MockLanguageModel(do_stream=stream_parts('{"name": "T', 'ea", "steps": []}')),
        prompt="x",
        output=Output.object(schema=Recipe),
    )
    assert [p async for p in objects.partial_output_stream] == [
        {"name": "T"},
        {"name": "Tea", "steps": []},
    ]
    assert await objects.output == Recipe(name="Tea", steps=[])


async def test_text_partial_output_is_the_text_so_far() -> None:
    result = stream_text(model=MockLanguageModel(do_stream=stream_parts("a", "b")), prompt="x")
    assert [p async for p in result.partial_output_stream] == ["a", "ab"]
