"""Minimal language models for the registry tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ai_sdk.provider import (
    CallOptions,
    EmbeddingModel,
    GenerateResult,
    ImageModel,
    LanguageModel,
    NoSuchModelError,
    StreamResult,
)
from ai_sdk.testing._embedding import MockEmbeddingModel
from ai_sdk.testing._image import MockImageModel


@dataclass
class NamedModel:
    """A language model that only knows its name (never called in these tests)."""

    model_id: str
    provider: str = "named"
    specification_version: Literal["v4"] = "v4"
    supported_urls = {}  # noqa: RUF012

    async def do_generate(self, options: CallOptions) -> GenerateResult:
        raise NotImplementedError

    async def do_stream(self, options: CallOptions) -> StreamResult:
        raise NotImplementedError


class EchoProvider:
    """Makes a model for any id, named after the provider and the id."""

    def __init__(self, name: str) -> None:
        self.name = name

    def language_model(self, model_id: str) -> LanguageModel:
        return NamedModel(model_id=model_id, provider=self.name)

    def embedding_model(self, model_id: str) -> EmbeddingModel:
        return MockEmbeddingModel(provider=self.name, model_id=model_id)

    def image_model(self, model_id: str) -> ImageModel:
        if model_id == "missing":
            raise NoSuchModelError(model_id=model_id, model_type="imageModel")
        return MockImageModel(provider=self.name, model_id=model_id)
