"""Default call settings for a wrapped model: the caller's own settings still win."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar, cast

from ai_sdk.middleware._types import EmbeddingModelMiddleware
from ai_sdk.provider import (
    CallOptions,
    EmbeddingCallOptions,
    LanguageModelMiddleware,
    ProviderOptions,
    ReasoningEffort,
    ResponseFormat,
    ToolChoice,
    ToolDefinition,
)

__all__ = [
    "default_embedding_settings_middleware",
    "default_settings_middleware",
    "merge_settings",
]


def _merge(default: object, value: object) -> object:
    if isinstance(default, dict) and isinstance(value, dict):
        merged = dict(cast("dict[object, object]", default))
        for key, item in cast("dict[object, object]", value).items():
            merged[key] = _merge(merged[key], item) if key in merged else item
        return merged
    return value


def merge_settings(
    defaults: Mapping[str, object], params: Mapping[str, object]
) -> dict[str, object]:
    """Deep-merge call settings: ``params`` win, ``None`` in ``params`` means "not set".

    Dicts (``provider_options``, ``headers``) merge key by key at every depth, and there a
    ``None`` value is kept as given (JSON ``null``, or "remove this header"). Any other value,
    lists and pydantic objects included, replaces the default as a whole.
    """
    merged = dict(defaults)
    for key, value in params.items():
        if value is None:
            continue
        merged[key] = _merge(merged[key], value) if merged.get(key) is not None else value
    return merged


OptionsT = TypeVar("OptionsT", CallOptions, EmbeddingCallOptions)


def _apply(defaults: dict[str, object], params: OptionsT) -> OptionsT:
    current = {name: getattr(params, name) for name in defaults}
    update = merge_settings(defaults, current)
    return params.model_copy(update=update)


def default_settings_middleware(
    *,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    stop_sequences: Sequence[str] | None = None,
    top_p: float | None = None,
    top_k: int | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    response_format: ResponseFormat | None = None,
    seed: int | None = None,
    tools: Sequence[ToolDefinition] | None = None,
    tool_choice: ToolChoice | None = None,
    reasoning: ReasoningEffort | None = None,
    headers: Mapping[str, str | None] | None = None,
    provider_options: ProviderOptions | None = None,
) -> LanguageModelMiddleware:
    """Middleware that fills in call settings the caller left unset.

    A setting the call gives wins over the default; ``provider_options`` and ``headers`` are
    merged key by key (deeply), so a call can add or override single provider options. Settings
    left as ``None`` here are not defaulted.

    Example::

        model = wrap_language_model(
            model=base,
            middleware=default_settings_middleware(
                temperature=0.3, provider_options={"openai": {"store": False}}
            ),
        )

    Args:
        max_output_tokens: Default for the call setting of the same name.
        temperature: Likewise.
        stop_sequences: Likewise.
        top_p: Likewise.
        top_k: Likewise.
        presence_penalty: Likewise.
        frequency_penalty: Likewise.
        response_format: Likewise.
        seed: Likewise.
        tools: Likewise.
        tool_choice: Likewise.
        reasoning: Likewise.
        headers: Default HTTP headers, merged with the call's.
        provider_options: Default provider options, deep-merged with the call's.
    """
    given: dict[str, object] = {
        "max_output_tokens": max_output_tokens,
        "temperature": temperature,
        "stop_sequences": list(stop_sequences) if stop_sequences is not None else None,
        "top_p": top_p,
        "top_k": top_k,
        "presence_penalty": presence_penalty,
        "frequency_penalty": frequency_penalty,
        "response_format": response_format,
        "seed": seed,
        "tools": list(tools) if tools is not None else None,
        "tool_choice": tool_choice,
        "reasoning": reasoning,
        "headers": dict(headers) if headers is not None else None,
        "provider_options": provider_options,
    }
    defaults = {key: value for key, value in given.items() if value is not None}

    async def transform_params(*, params: CallOptions, **_: object) -> CallOptions:
        return _apply(defaults, params)

    return LanguageModelMiddleware(transform_params=transform_params)


def default_embedding_settings_middleware(
    *,
    headers: Mapping[str, str | None] | None = None,
    provider_options: ProviderOptions | None = None,
) -> EmbeddingModelMiddleware:
    """Middleware that fills in embedding call settings the caller left unset (deep merge).

    Args:
        headers: Default HTTP headers, merged with the call's.
        provider_options: Default provider options, deep-merged with the call's.
    """
    given: dict[str, object] = {
        "headers": dict(headers) if headers is not None else None,
        "provider_options": provider_options,
    }
    defaults = {key: value for key, value in given.items() if value is not None}

    async def transform_params(
        *, params: EmbeddingCallOptions, **_: object
    ) -> EmbeddingCallOptions:
        return _apply(defaults, params)

    return EmbeddingModelMiddleware(transform_params=transform_params)
