"""The provider interface: a factory of models by id."""

from typing import Protocol, runtime_checkable

from ai_sdk.provider._embedding_model import EmbeddingModel
from ai_sdk.provider._image_model import ImageModel
from ai_sdk.provider._language_model import LanguageModel

__all__ = ["Provider"]


@runtime_checkable
class Provider(Protocol):
    """A provider, as provider packages implement it (specification v4).

    Each method raises `NoSuchModelError` for an id (or a model kind) it does not offer.
    """

    def language_model(self, model_id: str) -> LanguageModel:
        """The language model with this id."""
        ...

    def embedding_model(self, model_id: str) -> EmbeddingModel:
        """The embedding model with this id."""
        ...

    def image_model(self, model_id: str) -> ImageModel:
        """The image model with this id."""
        ...
