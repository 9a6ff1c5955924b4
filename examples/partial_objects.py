"""Stream structured output: partial objects while the JSON arrives, then the validated result.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 \
        python examples/partial_objects.py

`partial_output_stream` yields the object parsed so far (plain JSON values; it never fails on
half-written JSON); with `Output.array`, `element_stream` yields each element once it is
complete and validated.
"""

import asyncio
import os

from pydantic import BaseModel

from ai_sdk import Output, stream_text
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
    supports_structured_outputs=True,
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")


class City(BaseModel):
    name: str
    country: str
    population: int


async def main() -> None:
    async with local:
        async with stream_text(
            model=local(MODEL),
            prompt="Describe Paris.",
            output=Output.object(schema=City),
        ) as result:
            async for partial in result.partial_output_stream:
                print(f"partial: {partial}")
            city = await result.output
            print(f"final:   {city!r}")

        async with stream_text(
            model=local(MODEL),
            prompt="Three large cities in Europe.",
            output=Output.array(element=City),
        ) as cities:
            async for element in cities.element_stream:
                print(f"element: {element!r}")


if __name__ == "__main__":
    asyncio.run(main())
