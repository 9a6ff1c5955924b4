"""Let the model call your Python functions: tools and the multi-step tool loop.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 python examples/tools.py

The model asks for a tool, the SDK validates the arguments into the declared types, runs the
function (sync functions in a worker thread, several calls in parallel) and sends the results
back; `stop_when` bounds how many model calls (steps) that may take.
"""

import asyncio
import os
from typing import Literal

from ai_sdk import StepResult, generate_text, is_step_count, tool
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")


@tool
def get_weather(city: str, unit: Literal["C", "F"] = "C") -> dict[str, object]:
    """Get the current weather in a city.

    Args:
        city: The city name, e.g. "Paris".
        unit: Celsius or Fahrenheit.
    """
    celsius = {"paris": 21, "oslo": -3}.get(city.lower(), 15)
    return {"city": city, "temperature": celsius if unit == "C" else celsius * 9 / 5 + 32}


@tool
async def get_local_time(city: str) -> str:
    """Get the local time in a city (HH:MM).

    Args:
        city: The city name.
    """
    return {"paris": "14:05", "oslo": "14:05"}.get(city.lower(), "12:00")


def show_step(step: StepResult) -> None:
    for call in step.tool_calls:
        print(f"  step {step.step_number}: {call.tool_name}({call.input})")
    for result in step.tool_results:
        print(f"  step {step.step_number}: {result.tool_name} -> {result.output}")


async def main() -> None:
    async with local:
        result = await generate_text(
            model=local(MODEL),
            prompt="What is the weather and the local time in Paris?",
            tools={"get_weather": get_weather, "get_local_time": get_local_time},
            stop_when=is_step_count(5),  # at most 5 model calls
            on_step_end=show_step,
        )
    print(result.text)
    print(f"[{len(result.steps)} steps, {result.usage.total_tokens} tokens]")


if __name__ == "__main__":
    asyncio.run(main())
