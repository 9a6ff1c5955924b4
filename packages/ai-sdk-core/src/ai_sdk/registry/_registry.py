"""A provider registry: many providers behind one object, addressed as ``"<provider>:<model>"``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

from ai_sdk.middleware import (
    ImageModelMiddleware,
    LanguageModelMiddleware,
    wrap_image_model,
    wrap_language_model,
)
from ai_sdk.provider import (
    EmbeddingModel,
    ImageModel,
    InvalidArgumentError,
    LanguageModel,
    ModelType,
    NoSuchModelError,
    NoSuchProviderError,
    Provider,
    RerankingModel,
    SpeechModel,
    TranscriptionModel,
    VideoModel,
)
from ai_sdk.registry._resolve import model_of

__all__ = ["ProviderRegistry", "create_provider_registry"]

_ModelKind = ModelType
_WORDS: dict[_ModelKind, str] = {
    "languageModel": "language model",
    "embeddingModel": "embedding model",
    "imageModel": "image model",
    "rerankingModel": "reranking model",
    "speechModel": "speech model",
    "transcriptionModel": "transcription model",
    "videoModel": "video model",
}


class ProviderRegistry:
    """Providers by id; model ids are ``"<provider id><separator><model id>"``.

    It is itself a provider, so it can be the default provider (`set_default_provider`) and
    string ids such as ``model="openai:gpt-5"`` then resolve through it. Calling the registry
    (``registry("openai:gpt-5")``) is the same as `language_model`. A lookup raises
    `NoSuchModelError` when the id has no separator or the provider does not know the model, and
    `NoSuchProviderError` when no provider is registered under the provider id.

    Build one with `create_provider_registry`.
    """

    def __init__(
        self,
        *,
        separator: str = ":",
        language_model_middleware: LanguageModelMiddleware
        | Sequence[LanguageModelMiddleware]
        | None = None,
        image_model_middleware: ImageModelMiddleware | Sequence[ImageModelMiddleware] | None = None,
    ) -> None:
        if not separator:
            raise InvalidArgumentError(
                "The registry separator must be a non-empty string, e.g. ':'.",
                parameter="separator",
                value=separator,
            )
        self._separator = separator
        self._providers: dict[str, Provider] = {}
        self._language_model_middleware = language_model_middleware
        self._image_model_middleware = image_model_middleware

    @property
    def separator(self) -> str:
        """What separates the provider id from the model id."""
        return self._separator

    @property
    def provider_ids(self) -> list[str]:
        """The ids of the registered providers, in registration order."""
        return list(self._providers)

    def register_provider(self, provider_id: str, provider: Provider) -> None:
        """Add (or replace) a provider under ``provider_id``."""
        self._providers[provider_id] = provider

    def _split(self, model_id: str, kind: _ModelKind) -> tuple[Provider, str]:
        provider_id, separator, inner_id = model_id.partition(self._separator)
        if not separator:
            raise NoSuchModelError(
                model_id=model_id,
                model_type=kind,
                message=(
                    f"Invalid {_WORDS[kind]} id for registry: {model_id!r} (use the format "
                    f"'<provider id>{self._separator}<model id>', e.g. "
                    f"'openai{self._separator}gpt-5')."
                ),
            )
        provider = self._providers.get(provider_id)
        if provider is None:
            available = list(self._providers)
            raise NoSuchProviderError(
                model_id=model_id,
                model_type=kind,
                provider_id=provider_id,
                available_providers=available,
                message=(
                    f"No such provider: {provider_id!r} in the {_WORDS[kind]} id {model_id!r} "
                    f"(registered providers: {', '.join(available) or 'none'})."
                ),
            )
        return provider, inner_id

    def language_model(self, model_id: str) -> LanguageModel:
        """The language model for ``"<provider id>:<model id>"``, in the language model
        middleware."""
        provider, inner_id = self._split(model_id, "languageModel")
        model = provider.language_model(inner_id)
        if self._language_model_middleware is not None:
            model = wrap_language_model(model=model, middleware=self._language_model_middleware)
        return model

    def embedding_model(self, model_id: str) -> EmbeddingModel:
        """The embedding model for ``"<provider id>:<model id>"``."""
        provider, inner_id = self._split(model_id, "embeddingModel")
        return provider.embedding_model(inner_id)

    def image_model(self, model_id: str) -> ImageModel:
        """The image model for ``"<provider id>:<model id>"``, in the image model middleware."""
        provider, inner_id = self._split(model_id, "imageModel")
        model = provider.image_model(inner_id)
        if self._image_model_middleware is not None:
            model = wrap_image_model(model=model, middleware=self._image_model_middleware)
        return model

    def reranking_model(self, model_id: str) -> RerankingModel:
        """The reranking model for ``"<provider id>:<model id>"``."""
        provider, inner_id = self._split(model_id, "rerankingModel")
        return cast("RerankingModel", model_of(provider, "rerankingModel", inner_id))

    def speech_model(self, model_id: str) -> SpeechModel:
        """The speech model for ``"<provider id>:<model id>"``."""
        provider, inner_id = self._split(model_id, "speechModel")
        return cast("SpeechModel", model_of(provider, "speechModel", inner_id))

    def transcription_model(self, model_id: str) -> TranscriptionModel:
        """The transcription model for ``"<provider id>:<model id>"``."""
        provider, inner_id = self._split(model_id, "transcriptionModel")
        return cast("TranscriptionModel", model_of(provider, "transcriptionModel", inner_id))

    def video_model(self, model_id: str) -> VideoModel:
        """The video model for ``"<provider id>:<model id>"``."""
        provider, inner_id = self._split(model_id, "videoModel")
        return cast("VideoModel", model_of(provider, "videoModel", inner_id))

    def __call__(self, model_id: str) -> LanguageModel:
        """Same as `language_model`."""
        return self.language_model(model_id)

    def __repr__(self) -> str:
        return f"ProviderRegistry(providers={self.provider_ids!r}, separator={self._separator!r})"


def create_provider_registry(
    providers: Mapping[str, Provider],
    *,
    separator: str = ":",
    language_model_middleware: LanguageModelMiddleware
    | Sequence[LanguageModelMiddleware]
    | None = None,
    image_model_middleware: ImageModelMiddleware | Sequence[ImageModelMiddleware] | None = None,
) -> ProviderRegistry:
    """Put several providers behind one object that resolves ``"<provider>:<model>"`` ids.

    Example::

        registry = create_provider_registry({"local": local, "gateway": gateway})
        model = registry.language_model("local:llama3.2")
        set_default_provider(registry)  # now model="local:llama3.2" works everywhere

    Args:
        providers: Provider id to provider.
        separator: Separates the provider id from the model id; the first occurrence splits.
        language_model_middleware: Middleware applied to every language model it returns.
        image_model_middleware: Middleware applied to every image model it returns.
    """
    registry = ProviderRegistry(
        separator=separator,
        language_model_middleware=language_model_middleware,
        image_model_middleware=image_model_middleware,
    )
    for provider_id, provider in providers.items():
        registry.register_provider(provider_id, provider)
    return registry
