"""A provider made from fixed models (aliases, pre-configured models), with a fallback provider."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar, cast

from ai_sdk.provider import (
    EmbeddingModel,
    ImageModel,
    LanguageModel,
    ModelType,
    NoSuchModelError,
    Provider,
    RerankingModel,
    SpeechModel,
    TranscriptionModel,
    VideoModel,
)
from ai_sdk.registry._resolve import model_of

__all__ = ["CustomProvider", "custom_provider"]


M = TypeVar("M")


def _find(
    table: Mapping[str, M], model_id: str, kind: ModelType, fallback: Callable[[str], M] | None
) -> M:
    model = table.get(model_id)
    if model is not None:
        return model
    if fallback is not None:
        return fallback(model_id)
    raise NoSuchModelError(model_id=model_id, model_type=kind)


class CustomProvider:
    """A provider that looks model ids up in its own tables, then asks its fallback provider.

    Build one with `custom_provider`. Calling it (``provider("fast")``) is the same as
    `language_model`. A lookup raises `NoSuchModelError` when neither the table nor the fallback
    provider has the id.
    """

    def __init__(
        self,
        *,
        language_models: Mapping[str, LanguageModel] | None = None,
        embedding_models: Mapping[str, EmbeddingModel] | None = None,
        image_models: Mapping[str, ImageModel] | None = None,
        reranking_models: Mapping[str, RerankingModel] | None = None,
        speech_models: Mapping[str, SpeechModel] | None = None,
        transcription_models: Mapping[str, TranscriptionModel] | None = None,
        video_models: Mapping[str, VideoModel] | None = None,
        fallback_provider: Provider | None = None,
    ) -> None:
        self._language_models = dict(language_models or {})
        self._embedding_models = dict(embedding_models or {})
        self._image_models = dict(image_models or {})
        self._reranking_models = dict(reranking_models or {})
        self._video_models = dict(video_models or {})
        self._transcription_models = dict(transcription_models or {})
        self._speech_models = dict(speech_models or {})
        self._fallback = fallback_provider

    def _optional(self, table: Mapping[str, M], model_id: str, kind: ModelType) -> M:
        # Kinds a provider may lack: the fallback is asked only if it has the method.
        model = table.get(model_id)
        if model is not None:
            return model
        if self._fallback is not None:
            return cast("M", model_of(self._fallback, kind, model_id))
        raise NoSuchModelError(model_id=model_id, model_type=kind)

    def language_model(self, model_id: str) -> LanguageModel:
        """The language model with this id (or alias)."""
        fallback = None if self._fallback is None else self._fallback.language_model
        return _find(self._language_models, model_id, "languageModel", fallback)

    def embedding_model(self, model_id: str) -> EmbeddingModel:
        """The embedding model with this id (or alias)."""
        fallback = None if self._fallback is None else self._fallback.embedding_model
        return _find(self._embedding_models, model_id, "embeddingModel", fallback)

    def image_model(self, model_id: str) -> ImageModel:
        """The image model with this id (or alias)."""
        fallback = None if self._fallback is None else self._fallback.image_model
        return _find(self._image_models, model_id, "imageModel", fallback)

    def reranking_model(self, model_id: str) -> RerankingModel:
        """The reranking model with this id (or alias)."""
        return self._optional(self._reranking_models, model_id, "rerankingModel")

    def speech_model(self, model_id: str) -> SpeechModel:
        """The speech model with this id (or alias)."""
        return self._optional(self._speech_models, model_id, "speechModel")

    def transcription_model(self, model_id: str) -> TranscriptionModel:
        """The transcription model with this id (or alias)."""
        return self._optional(self._transcription_models, model_id, "transcriptionModel")

    def video_model(self, model_id: str) -> VideoModel:
        """The video model with this id (or alias)."""
        return self._optional(self._video_models, model_id, "videoModel")

    def __call__(self, model_id: str) -> LanguageModel:
        """Same as `language_model`."""
        return self.language_model(model_id)


def custom_provider(
    *,
    language_models: Mapping[str, LanguageModel] | None = None,
    embedding_models: Mapping[str, EmbeddingModel] | None = None,
    image_models: Mapping[str, ImageModel] | None = None,
    reranking_models: Mapping[str, RerankingModel] | None = None,
    speech_models: Mapping[str, SpeechModel] | None = None,
    transcription_models: Mapping[str, TranscriptionModel] | None = None,
    video_models: Mapping[str, VideoModel] | None = None,
    fallback_provider: Provider | None = None,
) -> CustomProvider:
    """A provider with fixed models by id, e.g. aliases or models with preset middleware.

    Example::

        provider = custom_provider(
            language_models={"fast": local("llama3.2:1b"), "smart": local("qwen3:32b")},
            fallback_provider=local,
        )
        model = provider.language_model("fast")

    Args:
        language_models: Id to language model.
        embedding_models: Id to embedding model.
        image_models: Id to image model.
        reranking_models: Id to reranking model.
        speech_models: Id to speech model.
        transcription_models: Id to transcription model.
        video_models: Id to video model.
        fallback_provider: Asked for ids not in the tables; without one they raise
            `NoSuchModelError`.
    """
    return CustomProvider(
        language_models=language_models,
        embedding_models=embedding_models,
        image_models=image_models,
        reranking_models=reranking_models,
        speech_models=speech_models,
        transcription_models=transcription_models,
        video_models=video_models,
        fallback_provider=fallback_provider,
    )
