"""Wrap a model in middleware: the result is again a model, usable anywhere a model is.

With a list of middleware the first is the outermost: it sees the caller's options first and the
model's result last, as with decorators stacked from the top.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, Literal, TypeVar

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
W = TypeVar("W", LanguageModel, EmbeddingModel, ImageModel)
_Model = TypeVar("_Model")
_Middleware = TypeVar("_Middleware")


def _as_list(middleware: M | Sequence[M]) -> list[M]:
    if isinstance(middleware, Sequence):
        return list(middleware)
    return [middleware]


class _Wrapped(Generic[_Model, _Middleware]):
    """What the three wrapped model kinds share: the model, its middleware, and the values the
    wrapped model reports (the middleware's ``override_<name>`` hook, else the model's own)."""

    specification_version: Literal["v4"] = "v4"
    _kind: str = "model"
    _overridden: tuple[str, ...] = ()
    """The attributes besides ``provider`` and ``model_id`` a middleware may override."""

    def __init__(
        self,
        model: _Model,
        middleware: _Middleware,
        model_id: str | None,
        provider_id: str | None,
    ) -> None:
        self._model = model
        self._middleware = middleware
        self.provider: str = provider_id or self._reported("provider")
        self.model_id: str = model_id or self._reported("model_id")
        for name in self._overridden:
            setattr(self, name, self._reported(name))

    def _reported(self, name: str) -> Any:
        override = getattr(self._middleware, f"override_{name}")
        return override(model=self._model) if override else getattr(self._model, name)

    def __repr__(self) -> str:
        return f"<wrapped {self._kind} {self.provider}/{self.model_id}>"


def _wrap(
    wrapper: Callable[[W, M, str | None, str | None], W],
    model: W,
    middleware: M | Sequence[M],
    model_id: str | None,
    provider_id: str | None,
) -> W:
    wrapped = model
    for item in reversed(_as_list(middleware)):
        wrapped = wrapper(wrapped, item, model_id, provider_id)
    return wrapped


class _WrappedLanguageModel(_Wrapped[LanguageModel, LanguageModelMiddleware]):
    """A language model that runs one middleware around another language model."""

    _kind = "language model"
    _overridden = ("supported_urls",)
    supported_urls: Mapping[str, Sequence[re.Pattern[str]]]

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
    return _wrap(_WrappedLanguageModel, model, middleware, model_id, provider_id)


class _WrappedEmbeddingModel(_Wrapped[EmbeddingModel, EmbeddingModelMiddleware]):
    """An embedding model that runs one middleware around another embedding model."""

    _kind = "embedding model"
    _overridden = ("max_embeddings_per_call", "supports_parallel_calls")
    max_embeddings_per_call: int | None
    supports_parallel_calls: bool

    async def do_embed(self, options: EmbeddingCallOptions) -> EmbeddingResult:
        """Run the middleware's `transform_params` and `wrap_embed` around the model."""
        model = self._model
        transform = self._middleware.transform_params
        params = options if transform is None else await transform(params=options, model=model)
        wrap = self._middleware.wrap_embed
        if wrap is None:
            return await model.do_embed(params)
        return await wrap(do_embed=lambda: model.do_embed(params), params=params, model=model)


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
    return _wrap(_WrappedEmbeddingModel, model, middleware, model_id, provider_id)


class _WrappedImageModel(_Wrapped[ImageModel, ImageModelMiddleware]):
    """An image model that runs one middleware around another image model."""

    _kind = "image model"
    _overridden = ("max_images_per_call",)
    max_images_per_call: int | None

    async def do_generate(self, options: ImageCallOptions) -> ImageResult:
        """Run the middleware's `transform_params` and `wrap_generate` around the model."""
        model = self._model
        transform = self._middleware.transform_params
        params = options if transform is None else await transform(params=options, model=model)
        wrap = self._middleware.wrap_generate
        if wrap is None:
            return await model.do_generate(params)
        return await wrap(do_generate=lambda: model.do_generate(params), params=params, model=model)


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
    return _wrap(_WrappedImageModel, model, middleware, model_id, provider_id)
