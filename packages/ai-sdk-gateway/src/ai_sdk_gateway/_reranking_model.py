"""The gateway reranking model: documents and a query out, a ranking back, in one call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ai_sdk.provider import (
    JSONObject,
    RerankingCallOptions,
    RerankingResponseInfo,
    RerankingResult,
    to_wire,
)
from ai_sdk_gateway._model import GatewayModel
from ai_sdk_gateway._transport import validated_json_handler

if TYPE_CHECKING:
    from ai_sdk.provider import RerankingModel

__all__ = ["GatewayRerankingModel"]


class GatewayRerankingModel(GatewayModel):
    """A reranking model behind the Vercel AI Gateway, e.g. ``cohere/rerank-v3.5``.

    Create it with ``gateway.reranking_model(...)``.
    """

    _kind = "reranking"

    async def do_rerank(self, options: RerankingCallOptions) -> RerankingResult:
        """Rank the documents in one gateway call.

        Args:
            options: the documents, query, ``top_n``, provider options and extra headers.

        Raises:
            GatewayError: the call failed.
        """
        body: JSONObject = {"documents": to_wire(options.documents), "query": options.query}
        if options.top_n is not None:
            body["topN"] = options.top_n
        if options.provider_options is not None:
            body["providerOptions"] = dict(options.provider_options)
        result = await self._post(
            body, options.headers, validated_json_handler(RerankingResult.model_validate)
        )
        # The server's own response fields are not read, as upstream: headers and raw body only.
        return result.value.model_copy(
            update={
                "response": RerankingResponseInfo(
                    headers=result.response_headers, body=result.raw_value
                )
            }
        )


if TYPE_CHECKING:
    _conforms_to_spec: type[RerankingModel] = GatewayRerankingModel
