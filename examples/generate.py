"""Generate text in one call with `generate_text`.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 python examples/generate.py

Every example talks to an OpenAI-compatible server (Ollama by default) named by AI_SDK_BASE_URL,
AI_SDK_MODEL and, if the server wants one, AI_SDK_API_KEY.
"""

import asyncio
import os

from ai_sdk import generate_text
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")


async def main() -> None:
    async with local:  # closes the provider's HTTP connections at the end
        result = await generate_text(
            model=local(MODEL),
            system="You are a concise assistant.",
            prompt="Why is the sky blue?",
            max_output_tokens=200,
        )
    print(result.text)
    usage = result.usage
    print(f"[{result.finish_reason}: {usage.input_tokens} tokens in, {usage.output_tokens} out]")


if __name__ == "__main__":
    asyncio.run(main())
