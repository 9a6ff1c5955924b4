"""Generate images with `generate_image` and save them.

    AI_SDK_BASE_URL=https://api.openai.com/v1 AI_SDK_API_KEY=sk-... \
        AI_SDK_IMAGE_MODEL=gpt-image-1 python examples/images.py

Needs a server with OpenAI's /images/generations endpoint (OpenAI, LocalAI, ...).
"""

import asyncio
import os
from pathlib import Path

from ai_sdk import generate_image
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:8080/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
IMAGE_MODEL = os.environ.get("AI_SDK_IMAGE_MODEL", "gpt-image-1")
OUTPUT_DIR = Path(os.environ.get("AI_SDK_OUTPUT_DIR", "."))


async def main() -> None:
    async with local:
        result = await generate_image(
            model=local.image_model(IMAGE_MODEL),
            prompt="A lighthouse at dusk, watercolor",
            n=2,  # several calls if the model makes fewer images per call
            size="1024x1024",
        )
    for index, image in enumerate(result.images):
        extension = image.media_type.split("/")[-1]  # sniffed from the bytes
        path = OUTPUT_DIR / f"lighthouse-{index}.{extension}"
        path.write_bytes(image.data)
        print(f"saved {path} ({len(image.data)} bytes, {image.media_type})")


if __name__ == "__main__":
    asyncio.run(main())
