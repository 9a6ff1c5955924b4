"""Middleware: wrap models to change their calls, and the built-in middlewares."""

from ai_sdk.middleware._default_settings import (
    default_embedding_settings_middleware,
    default_settings_middleware,
)
from ai_sdk.middleware._extract_json import extract_json_middleware
from ai_sdk.middleware._extract_reasoning import extract_reasoning_middleware
from ai_sdk.middleware._simulate_streaming import simulate_streaming_middleware
from ai_sdk.middleware._types import (
    EmbeddingModelMiddleware,
    EmbeddingModelOverride,
    EmbeddingTransformParams,
    ImageModelMiddleware,
    ImageModelOverride,
    ImageTransformParams,
    WrapEmbed,
    WrapImageGenerate,
)
from ai_sdk.middleware._wrap import wrap_embedding_model, wrap_image_model, wrap_language_model
from ai_sdk.provider import LanguageModelMiddleware

__all__ = [
    "EmbeddingModelMiddleware",
    "EmbeddingModelOverride",
    "EmbeddingTransformParams",
    "ImageModelMiddleware",
    "ImageModelOverride",
    "ImageTransformParams",
    "LanguageModelMiddleware",
    "WrapEmbed",
    "WrapImageGenerate",
    "default_embedding_settings_middleware",
    "default_settings_middleware",
    "extract_json_middleware",
    "extract_reasoning_middleware",
    "simulate_streaming_middleware",
    "wrap_embedding_model",
    "wrap_image_model",
    "wrap_language_model",
]
