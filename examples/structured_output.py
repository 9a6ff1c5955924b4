"""Get typed data back: structured output validated into pydantic models.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 \
        python examples/structured_output.py

The JSON Schema of the model class goes to the server, which constrains the answer to it; the
answer is validated into an instance (a mismatch raises `NoObjectGeneratedError` with the raw
text). `Output.choice` picks one of a few labels.
"""

import asyncio
import os

from pydantic import BaseModel, Field

from ai_sdk import Output, generate_text
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
    supports_structured_outputs=True,  # send the schema as response_format json_schema
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")


class Ingredient(BaseModel):
    name: str
    amount: str = Field(description="with its unit, e.g. '200 g'")


class Recipe(BaseModel):
    name: str
    minutes: int
    ingredients: list[Ingredient]
    steps: list[str]


async def main() -> None:
    async with local:
        result = await generate_text(
            model=local(MODEL),
            prompt="A simple pancake recipe.",
            output=Output.object(schema=Recipe),
        )
        recipe = result.output  # a Recipe instance (typed as such for your editor)
        print(f"{recipe.name} ({recipe.minutes} min)")
        for ingredient in recipe.ingredients:
            print(f"  - {ingredient.amount} {ingredient.name}")

        mood = await generate_text(
            model=local(MODEL),
            prompt="Classify the sentiment: 'The pancakes were fluffy and delicious!'",
            output=Output.choice(options=["positive", "neutral", "negative"]),
        )
        print(f"sentiment: {mood.output}")


if __name__ == "__main__":
    asyncio.run(main())
