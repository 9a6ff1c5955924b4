"""Image generation: `generate_image` and its result."""

from ai_sdk.generate_image._generate_image import (
    GenerateImagePrompt,
    generate_image,
    generate_image_sync,
)
from ai_sdk.generate_image._result import GenerateImageResult

__all__ = ["GenerateImagePrompt", "GenerateImageResult", "generate_image", "generate_image_sync"]
