"""The gateway embedding model: values out, vectors back, in one call of up to 2048 values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ai_sdk.provider import (
    EmbeddingCallOptions,
    EmbeddingResponseInfo,
    EmbeddingResult,
    JSONObject,
    JSONValue,
    TooManyEmbeddingValuesForCallError,
)
from ai_sdk_gateway._model import GatewayModel
from ai_sdk_gateway._transport import validated_json_handler

if TYPE_CHECKING:
    from ai_sdk.provider import EmbeddingModel

__all__ = ["MAX_EMBEDDINGS_PER_CALL", "GatewayEmbeddingModel"]

MAX_EMBEDDINGS_PER_CALL = 2048
"""The most values one gateway embedding call takes; `embed_many` splits larger inputs."""


def _parse_embedding_result(raw: JSONValue) -> EmbeddingResult:
    # `usage: null` is allowed on the wire; the result model wants it absent instead.
    if isinstance(raw, dict) and raw.get("usage", 0) is None:
        raw = {key: value for key, value in raw.items() if key != "usage"}
    return EmbeddingResult.model_validate(raw)


class GatewayEmbeddingModel(GatewayModel):
    """An embedding model behind the Vercel AI Gateway, e.g. ``openai/text-embedding-3-small``.

    Create it with ``gateway.embedding_model(...)``. Calls may run in parallel.
    """

    _kind = "embedding"

    @property
    def max_embeddings_per_call(self) -> int | None:
        """`MAX_EMBEDDINGS_PER_CALL` (2048)."""
        return MAX_EMBEDDINGS_PER_CALL

    @property
    def supports_parallel_calls(self) -> bool:
        """``True``."""
        return True

    async def do_embed(self, options: EmbeddingCallOptions) -> EmbeddingResult:
        """Embed the values in one gateway call.

        Args:
            options: the values, provider options and extra headers.

        Raises:
            TooManyEmbeddingValuesForCallError: more than 2048 values.
            GatewayError: the call failed.
        """
        if len(options.values) > MAX_EMBEDDINGS_PER_CALL:
            raise TooManyEmbeddingValuesForCallError(
                provider=self.provider,
                model_id=self._model_id,
                max_embeddings_per_call=MAX_EMBEDDINGS_PER_CALL,
                values=options.values,
            )
        body: JSONObject = {"values": list(options.values)}
        # Read leniently: core 0.2.0's call options have no `dimensions` yet.
        dimensions: object = getattr(options, "dimensions", None)
        if isinstance(dimensions, int):
            body["dimensions"] = dimensions
        if options.provider_options is not None:
            body["providerOptions"] = dict(options.provider_options)
        result = await self._post(
            body, options.headers, validated_json_handler(_parse_embedding_result)
        )
        return result.value.model_copy(
            update={
                "response": EmbeddingResponseInfo(
                    headers=result.response_headers, body=result.raw_value
                )
            }
        )


if TYPE_CHECKING:
    _conforms_to_spec: type[EmbeddingModel] = GatewayEmbeddingModel
