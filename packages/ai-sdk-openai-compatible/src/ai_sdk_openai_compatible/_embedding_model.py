"""The embedding model: ``POST /embeddings``, vectors (JSON floats or base64) in input order."""

from __future__ import annotations

import array
import binascii
import sys
from typing import Any, cast

from ai_sdk.provider import (
    APICallError,
    CallWarning,
    EmbeddingCallOptions,
    EmbeddingResponseInfo,
    EmbeddingResult,
    EmbeddingUsage,
    InvalidArgumentError,
    ProviderMetadata,
    TooManyEmbeddingValuesForCallError,
)
from ai_sdk.provider_utils import convert_base64_to_bytes, create_json_response_handler
from ai_sdk_openai_compatible._chat_messages import json_text
from ai_sdk_openai_compatible._config import (
    DEFAULT_MAX_EMBEDDINGS_PER_CALL,
    ProviderConfig,
    merged_options,
)
from ai_sdk_openai_compatible._mapping import count
from ai_sdk_openai_compatible._model import OpenAICompatibleModel

__all__ = ["DEFAULT_MAX_EMBEDDINGS_PER_CALL", "OpenAICompatibleEmbeddingModel"]

_json_handler = create_json_response_handler()


def _vector(value: object) -> list[float]:
    if isinstance(value, list):
        # Checked (and integers made floats) by `EmbeddingResult`'s validation, once.
        return cast("list[float]", value)
    if isinstance(value, str):  # base64 little-endian float32 (embedding_encoding="base64")
        try:
            raw = binascii.a2b_base64(value, strict_mode=True)
        except binascii.Error:  # URL-safe, unpadded or wrapped: the lenient decoder
            raw = convert_base64_to_bytes(value)
        floats = array.array("f", raw)
        if sys.byteorder != "little":  # pragma: no cover - big-endian machines
            floats.byteswap()
        return floats.tolist()
    raise TypeError(f"expected a list of numbers, got {type(value).__name__}")


class OpenAICompatibleEmbeddingModel(OpenAICompatibleModel):
    """An embedding model of an OpenAI-compatible server (``provider.embedding_model``).

    Provider options (under ``openaiCompatible`` or the provider's name): ``dimensions`` and
    ``user``. Vectors are asked for as JSON floats, or as base64 when the provider was created
    with ``embedding_encoding="base64"``.

    Args:
        model_id: the server's model name.
        config: the provider's shared settings.
        max_embeddings_per_call: the most values one request may carry (default 2048).
        supports_parallel_calls: whether several requests may run at once (default true).
    """

    _kind = "embedding"

    def __init__(
        self,
        model_id: str,
        config: ProviderConfig,
        *,
        max_embeddings_per_call: int | None = DEFAULT_MAX_EMBEDDINGS_PER_CALL,
        supports_parallel_calls: bool = True,
    ) -> None:
        super().__init__(model_id, config)
        self._max = max_embeddings_per_call
        self._parallel = supports_parallel_calls

    @property
    def max_embeddings_per_call(self) -> int | None:
        """The most values one call accepts (``None``: no limit)."""
        return self._max

    @property
    def supports_parallel_calls(self) -> bool:
        """Whether several calls may run at the same time."""
        return self._parallel

    async def do_embed(self, options: EmbeddingCallOptions) -> EmbeddingResult:
        """Embed the values, one vector per value in the same order.

        Raises:
            TooManyEmbeddingValuesForCallError: more values than `max_embeddings_per_call`.
            APICallError: the server answered with an error, could not be reached, or returned
                something that is not one vector per value.
        """
        values = options.values
        if self._max is not None and len(values) > self._max:
            raise TooManyEmbeddingValuesForCallError(
                provider=self.provider,
                model_id=self._model_id,
                max_embeddings_per_call=self._max,
                values=values,
            )
        warnings: list[CallWarning] = []
        merged, _ = merged_options(
            self._config.name, options.provider_options, warnings, include_camel=False
        )
        body: dict[str, Any] = {
            "model": self._model_id,
            "input": values,
            "encoding_format": self._config.embedding_encoding,
        }
        for key, expected, kind in (("dimensions", int, "an integer"), ("user", str, "a string")):
            value = merged.get(key)
            if value is None:
                continue
            if not isinstance(value, expected) or isinstance(value, bool):
                raise InvalidArgumentError(
                    f"Provider option '{key}' must be {kind}, got {type(value).__name__}.",
                    argument="providerOptions",
                    value=value,
                )
            body[key] = value
        # The call option, unless a provider option set it (as upstream). Read leniently:
        # core 0.2.0's call options have no `dimensions` yet.
        dimensions: object = getattr(options, "dimensions", None)
        if "dimensions" not in body and isinstance(dimensions, int):
            body["dimensions"] = dimensions
        result = await self._config.post(
            "/embeddings", body=body, call_headers=options.headers, success=_json_handler
        )
        response = result.value
        try:
            embeddings, usage, metadata = _read(response, len(values))
            decoded = all(type(item) is str for item in _raw_vectors(response))
            embedded = EmbeddingResult(
                # Vectors decoded from base64 are lists of floats by construction; validating
                # every float of them again would cost more than decoding them did.
                embeddings=[] if decoded else embeddings,
                usage=usage,
                provider_metadata=metadata,
                response=EmbeddingResponseInfo(headers=result.response_headers, body=response),
                warnings=warnings,
            )
            return embedded.model_copy(update={"embeddings": embeddings}) if decoded else embedded
        except (TypeError, ValueError, KeyError, AttributeError) as error:  # ValidationError too
            raise APICallError(
                f"Invalid embeddings response: {error}.",
                url=self._config.url("/embeddings"),
                request_body_values=body,
                status_code=200,
                response_headers=result.response_headers,
                response_body=json_text(response),
                cause=error,
                is_retryable=False,
            ) from error


def _raw_vectors(response: object) -> list[object]:
    """The ``embedding`` values of a body `_read` accepted, as sent."""
    data = cast("list[dict[str, object]]", cast("dict[str, Any]", response)["data"])
    return [item["embedding"] for item in data]


def _read(
    response: object, expected: int
) -> tuple[list[list[float]], EmbeddingUsage | None, ProviderMetadata | None]:
    if not isinstance(response, dict):
        raise TypeError("the body is not a JSON object")
    body = cast("dict[str, Any]", response)
    data = body.get("data")
    if not isinstance(data, list):
        raise TypeError("'data' is not a list")
    items = [cast("dict[str, Any]", item) for item in cast("list[object]", data)]
    if all(isinstance(item.get("index"), int) for item in items):
        items.sort(key=lambda item: cast("int", item["index"]))
    embeddings: list[list[float]] = []
    for position, item in enumerate(items):
        if "embedding" not in item:
            raise ValueError(f"item {position} of 'data' has no 'embedding'")
        embeddings.append(_vector(item["embedding"]))
    if len(embeddings) != expected:
        raise ValueError(f"expected {expected} embeddings, got {len(embeddings)}")
    usage = body.get("usage")
    tokens = None
    if isinstance(usage, dict):
        tokens = count(cast("dict[str, Any]", usage).get("prompt_tokens"))
    metadata = body.get("providerMetadata")
    return (
        embeddings,
        EmbeddingUsage(tokens=tokens) if tokens is not None else None,
        cast("ProviderMetadata", metadata) if isinstance(metadata, dict) else None,
    )
