"""The language model middleware specification: hooks that change calls to a wrapped model."""

import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from ai_sdk.provider._call_options import CallOptions
from ai_sdk.provider._language_model import GenerateResult, LanguageModel, StreamResult

__all__ = [
    "LanguageModelMiddleware",
    "OverrideModelInfo",
    "OverrideSupportedUrls",
    "TransformParams",
    "WrapGenerate",
    "WrapStream",
]


R_co = TypeVar("R_co", covariant=True)
M_contra = TypeVar("M_contra", contravariant=True)


class TransformParams(Protocol):
    """Change the call options before the model (and the wrap hooks) see them."""

    def __call__(
        self, *, type: Literal["generate", "stream"], params: CallOptions, model: LanguageModel
    ) -> Awaitable[CallOptions]:
        """Return the options to use.

        Args:
            type: Which call is being made.
            params: The call options so far.
            model: The wrapped model.
        """
        ...


class WrapCall(Protocol[R_co]):
    """Run around a model call: `WrapGenerate` and `WrapStream` are this with their result."""

    def __call__(
        self,
        *,
        do_generate: Callable[[], Awaitable[GenerateResult]],
        do_stream: Callable[[], Awaitable[StreamResult]],
        params: CallOptions,
        model: LanguageModel,
    ) -> Awaitable[R_co]:
        """Return the result of the call.

        Args:
            do_generate: Calls the wrapped model's `do_generate` with the transformed options.
            do_stream: Calls the wrapped model's `do_stream` with the transformed options.
            params: The transformed call options.
            model: The wrapped model.
        """
        ...


class WrapGenerate(WrapCall[GenerateResult], Protocol):
    """Run around `do_generate`: call `do_generate()` (or not) and return a result."""


class WrapStream(WrapCall[StreamResult], Protocol):
    """Run around `do_stream`: call `do_stream()` (or not) and return a stream result."""


class ModelOverride(Protocol[M_contra, R_co]):
    """Compute a value a wrapped model reports (its provider, id, supported URLs, ...)."""

    def __call__(self, *, model: M_contra) -> R_co:
        """Return the value to report.

        Args:
            model: The wrapped model.
        """
        ...


class OverrideModelInfo(ModelOverride[LanguageModel, str], Protocol):
    """Compute the provider name or model id the wrapped model reports."""


class OverrideSupportedUrls(
    ModelOverride[LanguageModel, Mapping[str, Sequence[re.Pattern[str]]]], Protocol
):
    """Compute the supported URLs the wrapped model reports."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageModelMiddleware:
    """Hooks that change how a wrapped language model is called (all optional).

    Hooks are keyword-only callables; a hook that needs only some arguments can take the rest
    as `**_`. Example: a middleware that lowers the temperature::

        async def cooler(*, params: CallOptions, **_: object) -> CallOptions:
            return params.model_copy(update={"temperature": 0.2})

        middleware = LanguageModelMiddleware(transform_params=cooler)

    Args:
        transform_params: Changes the call options of both calls.
        wrap_generate: Runs around `do_generate`.
        wrap_stream: Runs around `do_stream`.
        override_provider: The provider name the wrapped model reports.
        override_model_id: The model id the wrapped model reports.
        override_supported_urls: The supported URLs the wrapped model reports.
    """

    specification_version: Literal["v4"] = "v4"
    transform_params: TransformParams | None = None
    wrap_generate: WrapGenerate | None = None
    wrap_stream: WrapStream | None = None
    override_provider: OverrideModelInfo | None = None
    override_model_id: OverrideModelInfo | None = None
    override_supported_urls: OverrideSupportedUrls | None = None
