"""Wrap a model in middleware: the result is again a model, usable anywhere a model is.

With a list of middleware the first is the outermost: it sees the caller's options first and the
model's result last, as with decorators stacked from the top.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal, TypeVar

from ai_sdk.middleware._types import EmbeddingModelMiddleware, ImageModelMiddleware
from ai_sdk.provider import (
    CallOptions,
    EmbeddingCallOptions,
    EmbeddingModel,
    EmbeddingResult,
    GenerateResult,
    ImageCallOptions,
    ImageModel,
    ImageResult,
    LanguageModel,
    LanguageModelMiddleware,
    StreamResult,
)

__all__ = ["wrap_embedding_model", "wrap_image_model", "wrap_language_model"]

M = TypeVar("M", LanguageModelMiddleware, EmbeddingModelMiddleware, ImageModelMiddleware)


def _as_list(middleware: M | Sequence[M]) -> list[M]:
    if isinstance(middleware, Sequence):
        return list(middleware)
    return [middleware]


class _WrappedLanguageModel:
    """A language model that runs one middleware around another language model."""

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        model: LanguageModel,
        middleware: LanguageModelMiddleware,
        model_id: str | None,
        provider_id: str | None,
    ) -> None:
        self._model = model
        self._middleware = middleware
        m = middleware
        self.provider: str = provider_id or (
            m.override_provider(model=model) if m.override_provider else model.provider
        )
        self.model_id: str = model_id or (
            m.override_model_id(model=model) if m.override_model_id else model.model_id
        )
        self.supported_urls: Mapping[str, Sequence[re.Pattern[str]]] = (
            m.override_supported_urls(model=model)
            if m.override_supported_urls
            else model.supported_urls
        )

    async def _transform(
        self, kind: Literal["generate", "stream"], params: CallOptions
    ) -> CallOptions:
        transform = self._middleware.transform_params
        if transform is None:
            return params
        return await transform(type=kind, params=params, model=self._model)

    async def do_generate(self, options: CallOptions) -> GenerateResult:
        """Run the middleware's `transform_params` and `wrap_generate` around the model."""
        params = await self._transform("generate", options)
        model = self._model
        wrap = self._middleware.wrap_generate
        if wrap is None:
            return await model.do_generate(params)
        return await wrap(
            do_generate=lambda: model.do_generate(params),
            do_stream=lambda: model.do_stream(params),
            params=params,
            model=model,
        )

    async def do_stream(self, options: CallOptions) -> StreamResult:
        """Run the middleware's `transform_params` and `wrap_stream` around the model."""
        params = await self._transform("stream", options)
        model = self._model
        wrap = self._middleware.wrap_stream
        if wrap is None:
            return await model.do_stream(params)
        return await wrap(
            do_generate=lambda: model.do_generate(params),
            do_stream=lambda: model.do_stream(params),
            params=params,
            model=model,
        )

    def __repr__(self) -> str:
        return f"<wrapped language model {self.provider}/{self.model_id}>"


def wrap_language_model(
    *,
    model: LanguageModel,
    middleware: LanguageModelMiddleware | Sequence[LanguageModelMiddleware],
    model_id: str | None = None,
    provider_id: str | None = None,
) -> LanguageModel:
    """Wrap a language model in middleware.

    Example::

        model = wrap_language_model(
            model=base,
            middleware=[default_settings_middleware(temperature=0.2), logging_middleware],
        )

    Args:
        model: The model to wrap.
        middleware: One middleware, or a list whose first item is the outermost.
        model_id: The model id the wrapped model reports (else the middleware's override, else
            the model's own).
        provider_id: The provider name the wrapped model reports (likewise).

    Returns:
        A language model (specification v4).
    """
    wrapped: LanguageModel = model
    for item in reversed(_as_list(middleware)):
        wrapped = _WrappedLanguageModel(wrapped, item, model_id, provider_id)
    return wrapped


class _WrappedEmbeddingModel:
    """An embedding model that runs one middleware around another embedding model."""

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        model: EmbeddingModel,
        middleware: EmbeddingModelMiddleware,
        model_id: str | None,
        provider_id: str | None,
    ) -> None:
        self._model = model
        self._middleware = middleware
        m = middleware
        self.provider: str = provider_id or (
            m.override_provider(model=model) if m.override_provider else model.provider
        )
        self.model_id: str = model_id or (
            m.override_model_id(model=model) if m.override_model_id else model.model_id
        )
        self.max_embeddings_per_call: int | None = (
            m.override_max_embeddings_per_call(model=model)
            if m.override_max_embeddings_per_call
            else model.max_embeddings_per_call
        )
        self.supports_parallel_calls: bool = (
            m.override_supports_parallel_calls(model=model)
            if m.override_supports_parallel_calls
            else model.supports_parallel_calls
        )

    async def do_embed(self, options: EmbeddingCallOptions) -> EmbeddingResult:
        """Run the middleware's `transform_params` and `wrap_embed` around the model."""
        model = self._model
        transform = self._middleware.transform_params
        params = options if transform is None else await transform(params=options, model=model)
        wrap = self._middleware.wrap_embed
        if wrap is None:
            return await model.do_embed(params)
        return await wrap(do_embed=lambda: model.do_embed(params), params=params, model=model)

    def __repr__(self) -> str:
        return f"<wrapped embedding model {self.provider}/{self.model_id}>"


def wrap_embedding_model(
    *,
    model: EmbeddingModel,
    middleware: EmbeddingModelMiddleware | Sequence[EmbeddingModelMiddleware],
    model_id: str | None = None,
    provider_id: str | None = None,
) -> EmbeddingModel:
    """Wrap an embedding model in middleware (the first in a list is the outermost).

    Args:
        model: The model to wrap.
        middleware: One middleware, or a list whose first item is the outermost.
        model_id: The model id the wrapped model reports.
        provider_id: The provider name the wrapped model reports.

    Returns:
        An embedding model (specification v4).
    """
    wrapped: EmbeddingModel = model
    for item in reversed(_as_list(middleware)):
        wrapped = _WrappedEmbeddingModel(wrapped, item, model_id, provider_id)
    return wrapped


class _WrappedImageModel:
    """An image model that runs one middleware around another image model."""

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        model: ImageModel,
        middleware: ImageModelMiddleware,
        model_id: str | None,
        provider_id: str | None,
    ) -> None:
        self._model = model
        self._middleware = middleware
        m = middleware
        self.provider: str = provider_id or (
            m.override_provider(model=model) if m.override_provider else model.provider
        )
        self.model_id: str = model_id or (
            m.override_model_id(model=model) if m.override_model_id else model.model_id
        )
        self.max_images_per_call: int | None = (
            m.override_max_images_per_call(model=model)
            if m.override_max_images_per_call
            else model.max_images_per_call
        )

    async def do_generate(self, options: ImageCallOptions) -> ImageResult:
        """Run the middleware's `transform_params` and `wrap_generate` around the model."""
        model = self._model
        transform = self._middleware.transform_params
        params = options if transform is None else await transform(params=options, model=model)
        wrap = self._middleware.wrap_generate
        if wrap is None:
            return await model.do_generate(params)
        return await wrap(do_generate=lambda: model.do_generate(params), params=params, model=model)

    def __repr__(self) -> str:
        return f"<wrapped image model {self.provider}/{self.model_id}>"


def wrap_image_model(
    *,
    model: ImageModel,
    middleware: ImageModelMiddleware | Sequence[ImageModelMiddleware],
    model_id: str | None = None,
    provider_id: str | None = None,
) -> ImageModel:
    """Wrap an image model in middleware (the first in a list is the outermost).

    Args:
        model: The model to wrap.
        middleware: One middleware, or a list whose first item is the outermost.
        model_id: The model id the wrapped model reports.
        provider_id: The provider name the wrapped model reports.

    Returns:
        An image model (specification v4).
    """
    wrapped: ImageModel = model
    for item in reversed(_as_list(middleware)):
        wrapped = _WrappedImageModel(wrapped, item, model_id, provider_id)
    return wrapped
