"""The Vercel AI Gateway provider for ai-sdk-python.

One credential (an AI Gateway API key or a Vercel OIDC token) reaches the language, embedding,
image, reranking, speech, transcription and video models of every provider the gateway routes
to, by ids like ``openai/gpt-5``. Requests are the spec v4 wire format of ``@ai-sdk/gateway`` 4.x,
so the gateway sees this client exactly as it sees the TypeScript one.

>>> from ai_sdk_gateway import gateway
>>> model = gateway("anthropic/claude-sonnet-4")
"""

from typing import TYPE_CHECKING, Any

from ai_sdk.provider_utils import LazyExports as _LazyExports
from ai_sdk_gateway._version import __version__

# Each name of the TYPE_CHECKING block below is imported on first use, so that a text call
# does not load the other model kinds.
_exports = _LazyExports(__name__, __file__, globals())


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_METADATA_CACHE_REFRESH",
    "MAX_EMBEDDINGS_PER_CALL",
    "MAX_IMAGES_PER_CALL",
    "MAX_VIDEOS_PER_CALL",
    "PROTOCOL_VERSION",
    "ApiKey",
    "AuthMethod",
    "ExaSearchInput",
    "GatewayAuthenticationError",
    "GatewayAvailableModels",
    "GatewayByokCredential",
    "GatewayCredits",
    "GatewayEmbeddingModel",
    "GatewayError",
    "GatewayFailedDependencyError",
    "GatewayForbiddenError",
    "GatewayGenerationInfo",
    "GatewayImageModel",
    "GatewayInternalServerError",
    "GatewayInvalidRequestError",
    "GatewayLanguageModel",
    "GatewayModelEntry",
    "GatewayModelNotFoundError",
    "GatewayModelPricing",
    "GatewayModelSpecification",
    "GatewayModelType",
    "GatewayNotFoundError",
    "GatewayProvider",
    "GatewayProviderOptions",
    "GatewayProviderTimeouts",
    "GatewayRateLimitError",
    "GatewayRerankingModel",
    "GatewayResponseError",
    "GatewaySpeechModel",
    "GatewaySpendReport",
    "GatewaySpendReportRow",
    "GatewayTimeoutError",
    "GatewayTools",
    "GatewayTranscriptionModel",
    "GatewayVideoModel",
    "OidcTokenProvider",
    "ParallelSearchInput",
    "PerplexitySearchInput",
    "TakoSearchInput",
    "VercelOidcTokenError",
    "VercelRequestContextMiddleware",
    "__version__",
    "as_gateway_error",
    "create_gateway",
    "create_gateway_error_from_response",
    "gateway",
    "gateway_options",
    "get_vercel_request_headers",
    "reset_vercel_request_headers",
    "set_vercel_request_headers",
    "vercel_request_context",
]


def __getattr__(name: str) -> Any:
    return _exports.get(name)


def __dir__() -> list[str]:
    return _exports.names()


if TYPE_CHECKING:
    from ai_sdk_gateway._auth import ApiKey, OidcTokenProvider
    from ai_sdk_gateway._embedding_model import MAX_EMBEDDINGS_PER_CALL, GatewayEmbeddingModel
    from ai_sdk_gateway._errors import (
        AuthMethod,
        GatewayAuthenticationError,
        GatewayError,
        GatewayFailedDependencyError,
        GatewayForbiddenError,
        GatewayInternalServerError,
        GatewayInvalidRequestError,
        GatewayModelNotFoundError,
        GatewayNotFoundError,
        GatewayRateLimitError,
        GatewayResponseError,
        GatewayTimeoutError,
        as_gateway_error,
        create_gateway_error_from_response,
    )
    from ai_sdk_gateway._image_model import MAX_IMAGES_PER_CALL, GatewayImageModel
    from ai_sdk_gateway._language_model import GatewayLanguageModel
    from ai_sdk_gateway._metadata import (
        GatewayAvailableModels,
        GatewayCredits,
        GatewayGenerationInfo,
        GatewayModelEntry,
        GatewayModelPricing,
        GatewayModelSpecification,
        GatewayModelType,
        GatewaySpendReport,
        GatewaySpendReportRow,
    )
    from ai_sdk_gateway._options import (
        GatewayByokCredential,
        GatewayProviderOptions,
        GatewayProviderTimeouts,
        gateway_options,
    )
    from ai_sdk_gateway._provider import (
        DEFAULT_METADATA_CACHE_REFRESH,
        GatewayProvider,
        create_gateway,
        gateway,
    )
    from ai_sdk_gateway._reranking_model import GatewayRerankingModel
    from ai_sdk_gateway._speech_model import GatewaySpeechModel
    from ai_sdk_gateway._tools import (
        ExaSearchInput,
        GatewayTools,
        ParallelSearchInput,
        PerplexitySearchInput,
        TakoSearchInput,
    )
    from ai_sdk_gateway._transcription_model import GatewayTranscriptionModel
    from ai_sdk_gateway._transport import DEFAULT_BASE_URL, PROTOCOL_VERSION
    from ai_sdk_gateway._vercel import (
        VercelOidcTokenError,
        VercelRequestContextMiddleware,
        get_vercel_request_headers,
        reset_vercel_request_headers,
        set_vercel_request_headers,
        vercel_request_context,
    )
    from ai_sdk_gateway._video_model import MAX_VIDEOS_PER_CALL, GatewayVideoModel
