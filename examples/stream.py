"""Stream text token by token with `stream_text`, then read the totals.

AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 python examples/stream.py
"""

import asyncio
import os

from ai_sdk import stream_text
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
    include_usage=True,  # ask the server for token usage at the end of the stream
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")


async def main() -> None:
    # stream_text returns at once; the request starts when you read from it. Leaving the
    # `async with` block (even by `break` or an exception) closes the HTTP response.
    result = stream_text(
        model=local(MODEL), prompt="Write a haiku about the sea.", max_output_tokens=100
    )
    async with local, result:
        async for delta in result.text_stream:
            print(delta, end="", flush=True)
        print()
        # Aggregates are awaitable; they are complete once the stream has been read.
        usage = await result.usage
        print(f"[{await result.finish_reason}: {usage.output_tokens} tokens]")


if __name__ == "__main__":
    asyncio.run(main())
