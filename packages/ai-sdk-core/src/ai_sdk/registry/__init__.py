"""Model resolution: string model ids, the default provider, registries and custom providers.

Provider packages can make their models reachable by string id (``"<name>:<model id>"``) by
registering under the ``ai_sdk.providers`` entry-point group; see `ai_sdk.registry._entry_points`
for the contract.
"""

from typing import TYPE_CHECKING, Any

from ai_sdk._lazy import LazyExports

_exports = LazyExports(__name__, __file__, globals())


def __getattr__(name: str) -> Any:
    return _exports.get(name)


def __dir__() -> list[str]:
    return _exports.names()


if TYPE_CHECKING:  # each name is imported on first use (`ai_sdk._lazy`)
    from ai_sdk.registry._custom import CustomProvider as CustomProvider
    from ai_sdk.registry._custom import custom_provider as custom_provider
    from ai_sdk.registry._entry_points import ENTRY_POINT_GROUP as ENTRY_POINT_GROUP
    from ai_sdk.registry._entry_points import clear_entry_point_cache as clear_entry_point_cache
    from ai_sdk.registry._registry import ProviderRegistry as ProviderRegistry
    from ai_sdk.registry._registry import create_provider_registry as create_provider_registry
    from ai_sdk.registry._resolve import get_default_provider as get_default_provider
    from ai_sdk.registry._resolve import resolve_embedding_model as resolve_embedding_model
    from ai_sdk.registry._resolve import resolve_image_model as resolve_image_model
    from ai_sdk.registry._resolve import resolve_language_model as resolve_language_model
    from ai_sdk.registry._resolve import resolve_reranking_model as resolve_reranking_model
    from ai_sdk.registry._resolve import resolve_speech_model as resolve_speech_model
    from ai_sdk.registry._resolve import resolve_transcription_model as resolve_transcription_model
    from ai_sdk.registry._resolve import resolve_video_model as resolve_video_model
    from ai_sdk.registry._resolve import set_default_provider as set_default_provider

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
