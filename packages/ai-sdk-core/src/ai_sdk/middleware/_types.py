"""Middleware for embedding and image models: the same idea as `LanguageModelMiddleware`.

The language model middleware type lives in `ai_sdk.provider` (it is part of the specification);
these two follow it field for field, with the hooks each model kind has.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from ai_sdk.provider import (
    EmbeddingCallOptions,
    EmbeddingModel,
    EmbeddingResult,
    ImageCallOptions,
    ImageModel,
    ImageResult,
)
from ai_sdk.provider._middleware import ModelOverride

__all__ = [
    "EmbeddingModelMiddleware",
    "EmbeddingModelOverride",
    "EmbeddingTransformParams",
    "ImageModelMiddleware",
    "ImageModelOverride",
    "ImageTransformParams",
    "WrapEmbed",
    "WrapImageGenerate",
]

T_co = TypeVar("T_co", covariant=True)
OptionsT = TypeVar("OptionsT")
M_contra = TypeVar("M_contra", contravariant=True)


class EmbeddingModelOverride(ModelOverride[EmbeddingModel, T_co], Protocol[T_co]):
    """Compute a value the wrapped embedding model reports (its provider, id, batch size...)."""


class ImageModelOverride(ModelOverride[ImageModel, T_co], Protocol[T_co]):
    """Compute a value the wrapped image model reports (its provider, id, batch size)."""


class ModelTransformParams(Protocol[OptionsT, M_contra]):
    """Change the options of a call before the model sees them."""

    def __call__(self, *, params: OptionsT, model: M_contra) -> Awaitable[OptionsT]:
        """Return the options to use.

        Args:
            params: The call options so far.
            model: The wrapped model.
        """
        ...


class EmbeddingTransformParams(
    ModelTransformParams[EmbeddingCallOptions, EmbeddingModel], Protocol
):
    """Change the options of an embedding call before the model sees them."""


class WrapEmbed(Protocol):
    """Run around `do_embed`: call ``do_embed()`` (or not) and return a result."""

    def __call__(
        self,
        *,
        do_embed: Callable[[], Awaitable[EmbeddingResult]],
        params: EmbeddingCallOptions,
        model: EmbeddingModel,
    ) -> Awaitable[EmbeddingResult]:
        """Return the result of the call.

        Args:
            do_embed: Calls the wrapped model with the transformed options.
            params: The transformed call options.
            model: The wrapped model.
        """
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class EmbeddingModelMiddleware:
    """Hooks that change how a wrapped embedding model is called (all optional).

    Args:
        transform_params: Changes the call options.
        wrap_embed: Runs around `do_embed`.
        override_provider: ``(*, model) -> str``: the provider name to report.
        override_model_id: ``(*, model) -> str``: the model id to report.
        override_max_embeddings_per_call: ``(*, model) -> int | None``: the batch size to report.
        override_supports_parallel_calls: ``(*, model) -> bool``: the parallelism to report.
    """

    specification_version: Literal["v4"] = "v4"
    transform_params: EmbeddingTransformParams | None = None
    wrap_embed: WrapEmbed | None = None
    override_provider: EmbeddingModelOverride[str] | None = None
    override_model_id: EmbeddingModelOverride[str] | None = None
    override_max_embeddings_per_call: EmbeddingModelOverride[int | None] | None = None
    override_supports_parallel_calls: EmbeddingModelOverride[bool] | None = None


class ImageTransformParams(ModelTransformParams[ImageCallOptions, ImageModel], Protocol):
    """Change the options of an image call before the model sees them."""


class WrapImageGenerate(Protocol):
    """Run around an image model's `do_generate`: call ``do_generate()`` (or not)."""

    def __call__(
        self,
        *,
        do_generate: Callable[[], Awaitable[ImageResult]],
        params: ImageCallOptions,
        model: ImageModel,
    ) -> Awaitable[ImageResult]:
        """Return the result of the call.

        Args:
            do_generate: Calls the wrapped model with the transformed options.
            params: The transformed call options.
            model: The wrapped model.
        """
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageModelMiddleware:
    """Hooks that change how a wrapped image model is called (all optional).

    Args:
        transform_params: Changes the call options.
        wrap_generate: Runs around `do_generate`.
        override_provider: ``(*, model) -> str``: the provider name to report.
        override_model_id: ``(*, model) -> str``: the model id to report.
        override_max_images_per_call: ``(*, model) -> int | None``: the batch size to report.
    """

    specification_version: Literal["v4"] = "v4"
    transform_params: ImageTransformParams | None = None
    wrap_generate: WrapImageGenerate | None = None
    override_provider: ImageModelOverride[str] | None = None
    override_model_id: ImageModelOverride[str] | None = None
    override_max_images_per_call: ImageModelOverride[int | None] | None = None
