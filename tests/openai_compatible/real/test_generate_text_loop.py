"""Core's `generate_text` against the real llama.cpp server: a tool loop and structured output.

The model has random weights: only grammar-constrained output (a forced tool call, JSON with a
schema) is meaningful, so the assertions are about shapes, bounds and the loop's mechanics.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any, Literal

import pytest
from pydantic import BaseModel, Field

from ai_sdk import (
    Output,
    PrepareStepContext,
    PrepareStepResult,
    ToolApprovalRequest,
    ToolLoopAgent,
    generate_text,
    is_step_count,
    tool,
)
from ai_sdk.prompt import ModelMessage, ToolModelMessage, UserModelMessage
from ai_sdk.provider import JsonOutput, ToolApprovalResponsePart, ToolResultPart
from ai_sdk_openai_compatible import OpenAICompatibleProvider, create_openai_compatible
from tests.servers.llama_server import LlamaServer

pytestmark = pytest.mark.real_server

DETERMINISTIC = {"temperature": 0.0, "seed": 0}


class WeatherQuery(BaseModel):
    city: Literal["Paris", "Rome", "Oslo"]


class Person(BaseModel):
    name: str = Field(max_length=8)
    mood: Literal["happy", "sad"]


@pytest.fixture
async def llama(llama_server: LlamaServer) -> AsyncIterator[OpenAICompatibleProvider]:
    provider = create_openai_compatible(
        name="llama",
        base_url=llama_server.base_url,
        api_key=llama_server.api_key,
        json_object_schema=True,
        # llama-cpp-python answers HTTP 500 to an assistant tool-call turn with content: null.
        null_content_with_tool_calls=False,
    )
    async with provider:
        yield provider


def weather_tool(executed: list[WeatherQuery]) -> Any:
    """A weather tool that records the validated inputs it ran with."""

    def weather(query: WeatherQuery) -> dict[str, str]:
        executed.append(query)
        return {"city": query.city, "forecast": "sunny"}

    return tool(description="Get the weather in a city", input_schema=WeatherQuery, execute=weather)


def answer_in_text_after_the_tool(context: PrepareStepContext) -> PrepareStepResult | None:
    # The first step is forced to call the tool; forcing it again would only repeat the call.
    if context.step_number == 0:
        return None
    return PrepareStepResult(tool_choice="none", max_output_tokens=8)


async def test_forced_tool_call_runs_through_a_two_step_loop(
    llama: OpenAICompatibleProvider, llama_server: LlamaServer
) -> None:
    executed: list[WeatherQuery] = []
    result = await generate_text(
        model=llama(llama_server.tools_model),
        prompt="What is the weather?",
        tools={"weather": weather_tool(executed)},
        tool_choice={"type": "tool", "tool_name": "weather"},
        prepare_step=answer_in_text_after_the_tool,
        stop_when=is_step_count(2),
        max_output_tokens=40,
        include={"request_body": True},
        **DETERMINISTIC,
    )

    first, second = result.steps
    [call] = first.tool_calls
    [tool_result] = first.tool_results
    assert isinstance(call.input, WeatherQuery)  # validated into the pydantic type
    assert executed == [call.input]
    assert tool_result.output == {"city": call.input.city, "forecast": "sunny"}
    assert (first.finish_reason, first.raw_finish_reason) == ("tool-calls", "tool_calls")
    # Step 2 sent the call and its result back, and the server accepted the conversation.
    sent = second.request.body
    assert isinstance(sent, dict)
    assert sent["messages"][1:] == [
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [
                {
                    "id": call.tool_call_id,
                    "type": "function",
                    "function": {"name": "weather", "arguments": call.input.model_dump_json()},
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": call.tool_call_id,
            "content": f'{{"city":"{call.input.city}","forecast":"sunny"}}',
        },
    ]
    assert sent["tool_choice"] == "none"
    assert second.tool_calls == []
    assert second.finish_reason in ("stop", "length")
    assert result.usage.input_tokens is not None
    assert result.usage.input_tokens > 0


async def test_structured_output_into_a_bounded_pydantic_model(
    llama: OpenAICompatibleProvider, llama_server: LlamaServer
) -> None:
    first = await generate_text(
        model=llama(llama_server.chat_model),
        prompt="Describe a person.",
        output=Output.object(schema=Person),
        max_output_tokens=60,
        **DETERMINISTIC,
    )
    again = await generate_text(
        model=llama(llama_server.chat_model),
        prompt="Describe a person.",
        output=Output.object(schema=Person),
        max_output_tokens=60,
        **DETERMINISTIC,
    )

    person = first.output
    assert isinstance(person, Person)
    assert len(person.name) <= 8
    assert person.mood in ("happy", "sad")
    assert first.finish_reason == "stop"
    assert first.warnings == []  # the schema was sent (as json_object + schema), not dropped
    assert again.output == person  # temperature 0 and a seed: deterministic


async def test_an_agent_runs_the_same_loop_on_the_real_server(
    llama: OpenAICompatibleProvider, llama_server: LlamaServer
) -> None:
    """`ToolLoopAgent` with the settings above fixed once, asked twice."""
    executed: list[WeatherQuery] = []
    agent = ToolLoopAgent(
        model=llama(llama_server.tools_model),
        tools={"weather": weather_tool(executed)},
        tool_choice={"type": "tool", "tool_name": "weather"},
        prepare_step=answer_in_text_after_the_tool,
        max_output_tokens=40,
        **DETERMINISTIC,
    )

    for question in ("What is the weather?", "And tomorrow?"):
        result = await agent.generate(prompt=question)
        first, second = result.steps  # the model stops calling tools after step 1
        assert first.finish_reason == "tool-calls"
        assert [r.output for r in first.tool_results] == [
            {"city": first.tool_calls[0].input.city, "forecast": "sunny"}
        ]
        assert second.tool_calls == []
    assert len(executed) == 2


async def test_an_agent_pauses_for_approval_and_resumes_on_the_real_server(
    llama: OpenAICompatibleProvider, llama_server: LlamaServer
) -> None:
    """One approval round trip: the forced call waits, the approval runs it, the model goes on.

    The request bodies of both calls are printed (``pytest -s``) for the record.
    """
    executed: list[WeatherQuery] = []
    tools = {
        "weather": tool(
            description="Get the weather in a city",
            input_schema=WeatherQuery,
            execute=lambda query: executed.append(query) or {"city": query.city, "sun": True},
            needs_approval=True,
        )
    }

    def force_the_tool_on_a_new_question(context: PrepareStepContext) -> PrepareStepResult:
        if isinstance(context.messages[-1], UserModelMessage):
            return PrepareStepResult(tool_choice={"type": "tool", "tool_name": "weather"})
        return PrepareStepResult(tool_choice="none", max_output_tokens=8)

    agent = ToolLoopAgent(
        model=llama(llama_server.tools_model),
        tools=tools,
        prepare_step=force_the_tool_on_a_new_question,
        tool_approval_secret="a server-side secret",
        max_output_tokens=40,
        include={"request_body": True},
        **DETERMINISTIC,
    )
    history: list[ModelMessage] = [UserModelMessage(content="What is the weather?")]

    paused = await agent.generate(messages=history)

    [step] = paused.steps
    [call] = step.tool_calls
    [request] = [p for p in step.content if isinstance(p, ToolApprovalRequest)]
    assert executed == []
    assert request.tool_call == call
    assert request.signature is not None
    history += [
        *paused.response_messages,
        ToolModelMessage(
            content=[ToolApprovalResponsePart(approval_id=request.approval_id, approved=True)]
        ),
    ]

    resumed = await agent.generate(messages=history)

    assert executed == [call.input]  # ran once, before the model call
    [after] = resumed.steps
    before_body, after_body = step.request.body, after.request.body
    print("\nrequest before approval:", json.dumps(before_body, indent=1))
    print("request after approval:", json.dumps(after_body, indent=1))
    assert isinstance(before_body, dict)
    assert isinstance(after_body, dict)
    assert before_body["tool_choice"] == {"type": "function", "function": {"name": "weather"}}
    assert after_body["messages"][-1] == {
        "role": "tool",
        "tool_call_id": call.tool_call_id,
        "content": f'{{"city":"{call.input.city}","sun":true}}',
    }
    assert after_body["tool_choice"] == "none"
    assert after.tool_calls == []
    assert resumed.response_messages[0] == ToolModelMessage(
        content=[
            ToolResultPart(
                tool_call_id=call.tool_call_id,
                tool_name="weather",
                output=JsonOutput(value={"city": call.input.city, "sun": True}),
            )
        ]
    )
