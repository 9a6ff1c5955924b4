"""An agent: a model, instructions and tools set up once, asked several questions.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 python examples/agent.py

`ToolLoopAgent` runs the tool loop of `generate_text` on every call (up to 20 steps unless
`stop_when` says otherwise); per-call options, validated by `call_options_schema`, let
`prepare_call` adapt the instructions to the user.
"""

import asyncio
import os

from pydantic import BaseModel

from ai_sdk import AgentCall, ToolLoopAgent, tool
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")


@tool
def get_weather(city: str) -> dict[str, object]:
    """Get the current weather in a city.

    Args:
        city: The city name, e.g. "Paris".
    """
    return {"city": city, "temperature": {"paris": 21, "oslo": -3}.get(city.lower(), 15)}


class Caller(BaseModel):
    name: str


def greet(call: AgentCall) -> AgentCall:
    """Address each caller by name."""
    return {
        **call,
        "instructions": f"{call.get('instructions')} The user is {call['options'].name}.",
    }


agent = ToolLoopAgent(
    model=local(MODEL),
    id="weather-agent",
    instructions="You answer questions about the weather in one short sentence.",
    tools=[get_weather],
    call_options_schema=Caller,
    prepare_call=greet,
)


async def main() -> None:
    async with local:
        for question in ("Weather in Paris?", "And in Oslo?"):
            result = await agent.generate(prompt=question, options={"name": "Ada"})
            print(f"{question} -> {result.text} [{len(result.steps)} steps]")


if __name__ == "__main__":
    asyncio.run(main())
