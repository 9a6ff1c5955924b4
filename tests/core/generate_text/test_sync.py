"""The sync twins: same implementation, plain iterators, usable inside a running event loop."""

from __future__ import annotations

import asyncio

import pytest
from pydantic import BaseModel

from ai_sdk.generate_text import (
    Output,
    generate_object_sync,
    generate_text_sync,
    is_step_count,
    stream_text_sync,
    tool,
)
from ai_sdk.provider import APICallError
from ai_sdk.testing import MockLanguageModel
from tests.core.generate_text.helpers import calls_result, stream_parts, text_answer


class City(BaseModel):
    city: str


def test_generate_text_sync_runs_the_tool_loop() -> None:
    async def lookup(value: City) -> str:
        await asyncio.sleep(0)
        return f"{value.city}: 21"

    model = MockLanguageModel(
        do_generate=[calls_result(("c1", "w", '{"city": "Oslo"}')), text_answer("21!", step=1)]
    )
    result = generate_text_sync(
        model=model,
        prompt="x",
        tools={"w": tool(input_schema=City, execute=lookup)},
        stop_when=is_step_count(2),
    )
    assert (result.text, result.tool_results[0].output) == ("21!", "Oslo: 21")


async def test_generate_text_sync_inside_a_running_event_loop() -> None:
    model = MockLanguageModel(do_generate=text_answer("from a loop"))
    assert asyncio.get_running_loop().is_running()
    assert generate_text_sync(model=model, prompt="x").text == "from a loop"


def test_errors_propagate_from_sync_twins() -> None:
    model = MockLanguageModel(do_generate=APICallError("bad request", url="u", status_code=400))
    with pytest.raises(APICallError, match="bad request"):
        generate_text_sync(model=model, prompt="x")


def test_stream_text_sync_iterators_and_blocking_aggregates() -> None:
    model = MockLanguageModel(do_stream=stream_parts("a", "b", "c"))
    with stream_text_sync(model=model, prompt="x") as result:
        assert list(result.text_stream) == ["a", "b", "c"]
        assert result.text == "abc"
        assert result.usage.total_tokens == 15
        assert [p.type for p in result.stream][-1] == "finish"
    assert len(model.calls) == 1


def test_stream_text_sync_closes_the_model_stream_on_early_exit() -> None:
    model = MockLanguageModel(do_stream=stream_parts(*[str(i) for i in range(1000)]))
    with stream_text_sync(model=model, prompt="x") as result:
        for _ in result.text_stream:
            break
    assert model.streams[0].closed
    assert not model.streams[0].finished


async def test_stream_text_sync_inside_a_running_event_loop() -> None:
    model = MockLanguageModel(do_stream=stream_parts("x", "y"))
    with stream_text_sync(model=model, prompt="x", output=Output.text()) as result:
        assert list(result.partial_output_stream) == ["x", "xy"]
        assert result.output == "xy"


def test_generate_object_sync() -> None:
    model = MockLanguageModel(do_generate=text_answer('{"city": "Rome"}'))
    result = generate_object_sync(model=model, schema=City, prompt="x")
    assert result.object == City(city="Rome")
