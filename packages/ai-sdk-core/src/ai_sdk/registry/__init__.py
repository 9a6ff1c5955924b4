"""Model resolution: string model ids, the default provider, registries and custom providers.

Provider packages can make their models reachable by string id (``"<name>:<model id>"``) by
registering under the ``ai_sdk.providers`` entry-point group; see `ai_sdk.registry._entry_points`
for the contract.
"""

from ai_sdk.registry._custom import CustomProvider, custom_provider
from ai_sdk.registry._entry_points import ENTRY_POINT_GROUP, clear_entry_point_cache
from ai_sdk.registry._registry import ProviderRegistry, create_provider_registry
from ai_sdk.registry._resolve import (
    get_default_provider,
    resolve_embedding_model,
    resolve_image_model,
    resolve_language_model,
    resolve_reranking_model,
    resolve_speech_model,
    resolve_transcription_model,
    resolve_video_model,
    set_default_provider,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "CustomProvider",
    "ProviderRegistry",
    "clear_entry_point_cache",
    "create_provider_registry",
    "custom_provider",
    "get_default_provider",
    "resolve_embedding_model",
    "resolve_image_model",
    "resolve_language_model",
    "resolve_reranking_model",
    "resolve_speech_model",
    "resolve_transcription_model",
    "resolve_video_model",
    "set_default_provider",
]
