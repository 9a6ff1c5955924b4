"""Turn the `model=` argument of every user function into a model object.

A model object is used as is (after checking that it implements specification v4). A string id
goes, in this order, to:

1. the default provider set with `set_default_provider`, if any: it receives the whole id;
2. a provider registered by an installed package under the ``ai_sdk.providers`` entry-point group,
   when the id is ``"<name>:<model id>"`` and ``<name>`` is such a provider;
3. the Vercel AI Gateway (``ai_sdk_gateway.gateway``), imported on first use when the
   ``ai-sdk-gateway`` package is installed; gateway ids look like ``"openai/gpt-5"``;
4. otherwise a `NoSuchProviderError` that says what to install or call.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, TypeVar, cast

from ai_sdk.provider import (
    ModelType,
    NoSuchModelError,
    NoSuchProviderError,
    UnsupportedModelVersionError,
)
from ai_sdk.registry._entry_points import entry_point_names, load_entry_point_provider

if TYPE_CHECKING:  # a language model call must not load the other model kinds' modules
    from ai_sdk.provider import (
        EmbeddingModel,
        ImageModel,
        LanguageModel,
        Provider,
        RerankingModel,
        SpeechModel,
        TranscriptionModel,
        VideoModel,
    )

__all__ = [
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

M = TypeVar(
    "M",
    "LanguageModel",
    "EmbeddingModel",
    "ImageModel",
    "RerankingModel",
    "TranscriptionModel",
    "SpeechModel",
    "VideoModel",
)

_ModelKind = ModelType
_METHODS: dict[_ModelKind, str] = {
    "languageModel": "language_model",
    "embeddingModel": "embedding_model",
    "imageModel": "image_model",
    "rerankingModel": "reranking_model",
    "speechModel": "speech_model",
    "transcriptionModel": "transcription_model",
    "videoModel": "video_model",
}

_default_provider: Provider | None = None


def set_default_provider(provider: Provider | None) -> None:
    """Choose the provider that string model ids (``model="..."``) resolve through.

    Every string id then goes to this provider, including ``"<name>:..."`` ids that an installed
    provider package registers; use `create_provider_registry` as the default provider to route
    ids by prefix. Without a default provider, ids go to registered packages by prefix, else to
    the Vercel AI Gateway when ``ai-sdk-gateway`` is installed.

    Args:
        provider: The provider (for example `create_provider_registry(...)` or
            `custom_provider(...)`), or ``None`` to go back to the built-in resolution.
    """
    global _default_provider
    _default_provider = provider


def get_default_provider() -> Provider | None:
    """The provider set with `set_default_provider`, or ``None``."""
    return _default_provider


def _check_version(model: M) -> M:
    version: object = getattr(model, "specification_version", None)
    if version != "v4":
        raise UnsupportedModelVersionError(
            version=str(version),
            provider=str(getattr(model, "provider", "unknown")),
            model_id=str(getattr(model, "model_id", "unknown")),
        )
    return model


def _gateway() -> Provider | None:
    try:
        module = importlib.import_module("ai_sdk_gateway")
    except ModuleNotFoundError as error:
        # Only a missing gateway package means "not installed"; a missing dependency of an
        # installed gateway is a real failure and must surface.
        if error.name == "ai_sdk_gateway":
            return None
        raise
    return cast("Provider", module.gateway)


def _not_found(model_id: str, kind: _ModelKind) -> NoSuchProviderError:
    registered = entry_point_names()
    registered_hint = (
        f" Installed providers that accept '<name>:<model id>' ids: {', '.join(registered)}."
        if registered
        else ""
    )
    return NoSuchProviderError(
        model_id=model_id,
        model_type=kind,
        provider_id="gateway",
        available_providers=registered,
        message=(
            f"Cannot resolve the model id {model_id!r}: no default provider is set and the "
            "Vercel AI Gateway provider is not installed. Install it with "
            "`pip install ai-sdk-gateway`, call `ai_sdk.set_default_provider(...)`, or pass a "
            "model object (for example `create_openai_compatible(...)('model-id')`)."
            + registered_hint
        ),
    )


def _provider_and_id(model_id: str, kind: _ModelKind) -> tuple[Provider, str]:
    if _default_provider is not None:
        return _default_provider, model_id
    name, sep, rest = model_id.partition(":")
    if sep:
        registered = load_entry_point_provider(name)
        if registered is not None:
            return registered, rest
    gateway = _gateway()
    if gateway is None:
        raise _not_found(model_id, kind)
    return gateway, model_id


def _resolve(model: object, kind: _ModelKind) -> object:
    if isinstance(model, str):
        provider, model_id = _provider_and_id(model, kind)
        return model_of(provider, kind, model_id)
    return model


def model_of(provider: object, kind: ModelType, model_id: str) -> object:
    """``provider.<kind>_model(model_id)``; a provider without that method (reranking, speech,
    transcription and video models are optional, as upstream) raises `NoSuchModelError`."""
    method = getattr(provider, _METHODS[kind], None)
    if not callable(method):
        raise NoSuchModelError(
            model_id=model_id,
            model_type=kind,
            message=(
                f"The provider {type(provider).__name__} has no {_METHODS[kind]}() method, so "
                f"{model_id!r} cannot be resolved as that kind of model. Use a provider that "
                "offers it (e.g. the AI Gateway) or pass a model object."
            ),
        )
    return method(model_id)


def resolve_language_model(model: LanguageModel | str) -> LanguageModel:
    """The language model for a `model=` argument: a model object, or a string id.

    Raises:
        NoSuchProviderError: a string id has nowhere to go (see the module docs for the order).
        NoSuchModelError: the provider does not know the id.
        UnsupportedModelVersionError: the model does not implement specification v4.
    """
    return _check_version(cast("LanguageModel", _resolve(model, "languageModel")))


def resolve_embedding_model(model: EmbeddingModel | str) -> EmbeddingModel:
    """The embedding model for a `model=` argument: a model object, or a string id.

    Raises:
        NoSuchProviderError: a string id has nowhere to go.
        NoSuchModelError: the provider does not know the id.
        UnsupportedModelVersionError: the model does not implement specification v4.
    """
    return _check_version(cast("EmbeddingModel", _resolve(model, "embeddingModel")))


def resolve_image_model(model: ImageModel | str) -> ImageModel:
    """The image model for a `model=` argument: a model object, or a string id.

    Raises:
        NoSuchProviderError: a string id has nowhere to go.
        NoSuchModelError: the provider does not know the id.
        UnsupportedModelVersionError: the model does not implement specification v4.
    """
    return _check_version(cast("ImageModel", _resolve(model, "imageModel")))


def resolve_reranking_model(model: RerankingModel | str) -> RerankingModel:
    """The reranking model for a `model=` argument: a model object, or a string id.

    Raises:
        NoSuchProviderError: a string id has nowhere to go.
        NoSuchModelError: the provider does not know the id or has no reranking models.
        UnsupportedModelVersionError: the model does not implement specification v4.
    """
    return _check_version(cast("RerankingModel", _resolve(model, "rerankingModel")))


def resolve_speech_model(model: SpeechModel | str) -> SpeechModel:
    """The speech model for a `model=` argument: a model object, or a string id.

    Raises:
        NoSuchProviderError: a string id has nowhere to go.
        NoSuchModelError: the provider does not know the id or has no speech models.
        UnsupportedModelVersionError: the model does not implement specification v4.
    """
    return _check_version(cast("SpeechModel", _resolve(model, "speechModel")))


def resolve_transcription_model(model: TranscriptionModel | str) -> TranscriptionModel:
    """The transcription model for a `model=` argument: a model object, or a string id.

    Raises:
        NoSuchProviderError: a string id has nowhere to go.
        NoSuchModelError: the provider does not know the id or has no transcription models.
        UnsupportedModelVersionError: the model does not implement specification v4.
    """
    return _check_version(cast("TranscriptionModel", _resolve(model, "transcriptionModel")))


def resolve_video_model(model: VideoModel | str) -> VideoModel:
    """The video model for a `model=` argument: a model object, or a string id.

    Raises:
        NoSuchProviderError: a string id has nowhere to go.
        NoSuchModelError: the provider does not know the id or has no video models.
        UnsupportedModelVersionError: the model does not implement specification v4.
    """
    return _check_version(cast("VideoModel", _resolve(model, "videoModel")))
