"""Embed texts and rank them by meaning: `embed_many`, `embed` and `cosine_similarity`.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_EMBEDDING_MODEL=nomic-embed-text \
        python examples/embeddings.py
"""

import asyncio
import os

from ai_sdk import cosine_similarity, embed, embed_many
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
EMBEDDING_MODEL = os.environ.get("AI_SDK_EMBEDDING_MODEL", "nomic-embed-text")

DOCUMENTS = [
    "The cat sat on the warm windowsill.",
    "Stock markets fell sharply on Monday.",
    "A kitten chased a ball of yarn.",
]


async def main() -> None:
    model = local.embedding_model(EMBEDDING_MODEL)
    async with local:
        # Batched by the model's max_embeddings_per_call; the order of the values is kept.
        documents = await embed_many(model=model, values=DOCUMENTS)
        query = await embed(model=model, value="pets playing")
    ranked = sorted(
        zip(DOCUMENTS, documents.embeddings, strict=True),
        key=lambda pair: cosine_similarity(query.embedding, pair[1]),
        reverse=True,
    )
    for text, vector in ranked:
        print(f"{cosine_similarity(query.embedding, vector):6.3f}  {text}")
    print(f"[{documents.usage.tokens} tokens]")


if __name__ == "__main__":
    asyncio.run(main())
