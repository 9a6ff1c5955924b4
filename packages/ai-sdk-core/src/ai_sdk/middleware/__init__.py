"""Middleware: wrap models to change their calls, and the built-in middlewares."""

from typing import TYPE_CHECKING, Any

from ai_sdk._lazy import LazyExports

_exports = LazyExports(__name__, __file__, globals())


def __getattr__(name: str) -> Any:
    return _exports.get(name)


def __dir__() -> list[str]:
    return _exports.names()


if TYPE_CHECKING:  # each name is imported on first use (`ai_sdk._lazy`)
    from ai_sdk.middleware._default_settings import (
        default_embedding_settings_middleware as default_embedding_settings_middleware,
    )
    from ai_sdk.middleware._default_settings import (
        default_settings_middleware as default_settings_middleware,
    )
    from ai_sdk.middleware._extract_json import extract_json_middleware as extract_json_middleware
    from ai_sdk.middleware._extract_reasoning import (
        extract_reasoning_middleware as extract_reasoning_middleware,
    )
    from ai_sdk.middleware._simulate_streaming import (
        simulate_streaming_middleware as simulate_streaming_middleware,
    )
    from ai_sdk.middleware._types import EmbeddingModelMiddleware as EmbeddingModelMiddleware
    from ai_sdk.middleware._types import EmbeddingModelOverride as EmbeddingModelOverride
    from ai_sdk.middleware._types import EmbeddingTransformParams as EmbeddingTransformParams
    from ai_sdk.middleware._types import ImageModelMiddleware as ImageModelMiddleware
    from ai_sdk.middleware._types import ImageModelOverride as ImageModelOverride
    from ai_sdk.middleware._types import ImageTransformParams as ImageTransformParams
    from ai_sdk.middleware._types import WrapEmbed as WrapEmbed
    from ai_sdk.middleware._types import WrapImageGenerate as WrapImageGenerate
    from ai_sdk.middleware._wrap import wrap_embedding_model as wrap_embedding_model
    from ai_sdk.middleware._wrap import wrap_image_model as wrap_image_model
    from ai_sdk.middleware._wrap import wrap_language_model as wrap_language_model
    from ai_sdk.provider import LanguageModelMiddleware as LanguageModelMiddleware

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
