"""The library's main job in one script: stream an answer, run a tool, get typed structured output.

Works with any OpenAI-compatible server (llama.cpp, Ollama, LM Studio, vLLM, OpenAI, ...):

    python examples/quickstart.py --base-url http://127.0.0.1:11434/v1 --model llama3.2

`nox -s demo` runs it against Gemma 3 270M on a local llama.cpp server (with --llama-cpp).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from ai_sdk import LanguageModelUsage, Output, generate_text, is_step_count, stream_text, tool
from ai_sdk.generate_text import PrepareStepContext
from ai_sdk_openai_compatible import create_openai_compatible

FORECASTS = {"Paris": "Sunny, 21 °C", "Rome": "Cloudy, 18 °C", "Oslo": "Snow, -3 °C"}


@tool
def get_weather(city: Literal["Paris", "Rome", "Oslo"]) -> str:
    """Get today's weather in a city.

    Args:
        city: The city.
    """
    return f"The weather in {city} today: {FORECASTS[city]}."


class Recipe(BaseModel):
    # Bounded strings and lists keep a small model from rambling inside the JSON.
    name: str = Field(max_length=40)
    minutes: int = Field(ge=1, le=240)
    ingredients: list[Annotated[str, Field(max_length=30)]] = Field(min_length=2, max_length=5)


def force_the_tool_then_answer(step: PrepareStepContext) -> dict[str, object]:
    # Step 1 must call get_weather; step 2 sees its result and must answer in words.
    if step.step_number == 0:
        return {"tool_choice": {"type": "tool", "tool_name": "get_weather"}}
    return {"tool_choice": "none"}


def tokens(usage: LanguageModelUsage) -> str:
    if usage.input_tokens is None and usage.output_tokens is None:
        return "tokens not reported by the server"
    return f"{usage.input_tokens} tokens in, {usage.output_tokens} out"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=os.environ.get("AI_SDK_BASE_URL"), required=False)
    parser.add_argument("--model", default=os.environ.get("AI_SDK_MODEL"))
    parser.add_argument("--api-key", default=os.environ.get("AI_SDK_API_KEY"))
    parser.add_argument(
        "--llama-cpp",
        action="store_true",
        help="the server is llama.cpp: JSON schemas as json_object, no null message content",
    )
    args = parser.parse_args()
    if not args.base_url or not args.model:
        parser.error("give --base-url and --model (or set AI_SDK_BASE_URL and AI_SDK_MODEL)")

    provider = create_openai_compatible(
        name="local",
        base_url=args.base_url,
        api_key=args.api_key,
        include_usage=True,  # token usage while streaming, where the server supports it
        supports_structured_outputs=not args.llama_cpp,
        json_object_schema=args.llama_cpp,
        null_content_with_tool_calls=not args.llama_cpp,
    )
    model = provider(args.model)
    timings: list[tuple[str, float, LanguageModelUsage]] = []

    async with provider:
        # 1. Stream an answer token by token.
        question = "Why is the sky blue? Answer in two sentences."
        print(f"1. Streaming: {question}\n")
        started = time.perf_counter()
        first_token: float | None = None
        async with stream_text(
            model=model, prompt=question, max_output_tokens=80, temperature=0
        ) as stream:
            async for delta in stream.text_stream:
                first_token = first_token or time.perf_counter() - started
                print(delta, end="", flush=True)
            usage = await stream.usage
        elapsed = time.perf_counter() - started
        print(f"\n   first token after {first_token or 0:.2f} s, done in {elapsed:.2f} s\n")
        timings.append(("streamed answer", elapsed, usage))

        # 2. A forced tool call, executed by the SDK, then an answer that uses its result.
        question = "What is the weather in Paris today?"
        print(f"2. Tool call: {question}\n")
        started = time.perf_counter()
        result = await generate_text(
            model=model,
            prompt=question,
            tools={"get_weather": get_weather},
            prepare_step=force_the_tool_then_answer,
            stop_when=is_step_count(2),
            max_output_tokens=60,
            temperature=0,
        )
        step = result.steps[0]
        for call, output in zip(step.tool_calls, step.tool_results, strict=True):
            print(f"   step 1 called {call.tool_name}({call.input}) -> {output.output!r}")
        print(f"   step 2 answered: {result.text.strip()}\n")
        timings.append(("tool call + answer", time.perf_counter() - started, result.usage))

        # 3. Structured output: JSON that the server constrains to a schema, parsed into pydantic.
        request = "Give me a simple pancake recipe."
        print(f"3. Structured output: {request}\n")
        started = time.perf_counter()
        recipe = await generate_text(
            model=model,
            prompt=request,
            output=Output.object(schema=Recipe),
            max_output_tokens=120,
            temperature=0,
        )
        print(f"   {recipe.output!r}\n")
        timings.append(("structured output", time.perf_counter() - started, recipe.usage))

    print("Usage and latency")
    for label, seconds, usage in timings:
        print(f"   {label:<20} {seconds:6.2f} s   {tokens(usage)}")


if __name__ == "__main__":
    asyncio.run(main())
