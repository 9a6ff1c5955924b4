"""Model resolution: string model ids, the default provider, registries and custom providers."""

from ai_sdk.registry._entry_points import ENTRY_POINT_GROUP
from ai_sdk.registry._resolve import (
    get_default_provider,
    resolve_embedding_model,
    resolve_image_model,
    resolve_language_model,
    set_default_provider,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "get_default_provider",
    "resolve_embedding_model",
    "resolve_image_model",
    "resolve_language_model",
    "set_default_provider",
]
