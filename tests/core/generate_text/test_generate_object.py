"""generate_object / stream_object: conveniences over output=Output.object(...)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from ai_sdk.generate_text import generate_object, stream_object
from ai_sdk.provider import JsonResponseFormat, NoObjectGeneratedError
from ai_sdk.testing import MockLanguageModel
from tests.core.generate_text.helpers import stream_parts, text_answer


class Person(BaseModel):
    name: str
    age: int


async def test_generate_object_returns_the_validated_object() -> None:
    model = MockLanguageModel(do_generate=text_answer('{"name": "Ada", "age": 36}'))
    result = await generate_object(
        model=model, schema=Person, prompt="x", schema_name="person", temperature=0
    )
    person: Person = result.object
    assert (person, result.finish_reason, result.usage.total_tokens) == (
        Person(name="Ada", age=36),
        "stop",
        15,
    )
    assert model.calls[0].response_format.name == "person"  # type: ignore[union-attr]
    assert model.calls[0].temperature == 0


async def test_generate_object_modes() -> None:
    free = await generate_object(
        model=MockLanguageModel(do_generate=text_answer('{"any": [1]}')), prompt="x"
    )
    assert free.object == {"any": [1]}
    people = await generate_object(
        model=MockLanguageModel(do_generate=text_answer('{"elements": [{"name": "A", "age": 1}]}')),
        schema=Person,
        output="array",
        prompt="x",
    )
    assert people.object == [Person(name="A", age=1)]  # type: ignore[comparison-overlap]
    model = MockLanguageModel(do_generate=text_answer('{"result": "no"}'))
    choice = await generate_object(model=model, output="enum", enum=["yes", "no"], prompt="x")
    assert choice.object == "no"
    assert isinstance(model.calls[0].response_format, JsonResponseFormat)


async def test_generate_object_failure_keeps_the_text() -> None:
    model = MockLanguageModel(do_generate=text_answer('{"name": "Ada"}'))
    with pytest.raises(NoObjectGeneratedError) as caught:
        await generate_object(model=model, schema=Person, prompt="x")
    assert caught.value.text == '{"name": "Ada"}'


async def test_stream_object_streams_partials_then_the_object() -> None:
    model = MockLanguageModel(do_stream=stream_parts('{"name": "A', 'da", "age": 36}'))
    async with stream_object(model=model, schema=Person, prompt="x") as result:
        assert [p async for p in result.partial_object_stream] == [
            {"name": "A"},
            {"name": "Ada", "age": 36},
        ]
        assert await result.object == Person(name="Ada", age=36)
        assert await result.finish_reason == "stop"
