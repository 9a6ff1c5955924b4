"""The AI Gateway's other model kinds: rerank documents, search the web, make a short video.

    AI_GATEWAY_API_KEY=vck_... python examples/gateway_models.py

Rerank with a reranking model, answer with a language model that runs the gateway's Perplexity
search tool, then generate a video by starting an operation and polling it.
"""

import asyncio
import os
from pathlib import Path

from ai_sdk import VideoPollOptions, generate_text, generate_video, rerank
from ai_sdk_gateway import create_gateway

# base_url=None is the public gateway; AI_GATEWAY_BASE_URL points it elsewhere (the tests do).
gateway = create_gateway(base_url=os.environ.get("AI_GATEWAY_BASE_URL"))
POLL_SECONDS = float(os.environ.get("AI_GATEWAY_POLL_SECONDS", "5"))
OUTPUT_DIR = Path(os.environ.get("AI_SDK_OUTPUT_DIR", "."))

DOCUMENTS = [
    "Umbrellas sell out as the storm reaches the coast.",
    "The heatwave keeps beaches crowded all week.",
    "Farmers welcome the first rain in months.",
]


async def main() -> None:
    async with gateway:
        ranked = await rerank(
            model=gateway.reranking_model("cohere/rerank-v3.5"),
            documents=DOCUMENTS,
            query="news about rain",
            top_n=2,
        )
        for item in ranked.ranking:
            print(f"{item.score:.2f} #{item.original_index} {item.document}")

        answer = await generate_text(
            model=gateway("openai/gpt-5-mini"),
            prompt="What is the weather outlook for Lisbon this weekend?",
            tools={"search": gateway.tools.perplexity_search(max_results=3)},
        )
        searches = len(answer.tool_results)  # the gateway ran the searches
        print(f"answer after {searches} search(es): {answer.text}")

        video = await generate_video(
            model=gateway.video_model("google/veo-3.1"),
            prompt="Rain falling on a tin roof, close-up",
            aspect_ratio="16:9",
            duration=4,
            poll=VideoPollOptions(interval=POLL_SECONDS),
        )
    path = OUTPUT_DIR / "rain.mp4"
    path.write_bytes(video.video.data)
    print(f"saved {path} ({len(video.video.data)} bytes, {video.video.media_type})")


if __name__ == "__main__":
    asyncio.run(main())
