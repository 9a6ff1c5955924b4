"""The Vercel AI Gateway provider for ai-sdk-python.

One credential (an AI Gateway API key or a Vercel OIDC token) reaches the language, embedding,
image, reranking, speech, transcription and video models of every provider the gateway routes
to, by ids like ``openai/gpt-5``. Requests are the spec v4 wire format of ``@ai-sdk/gateway`` 4.x,
so the gateway sees this client exactly as it sees the TypeScript one.

>>> from ai_sdk_gateway import gateway
>>> model = gateway("anthropic/claude-sonnet-4")
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ai_sdk_gateway._version import __version__

# name -> module that defines it: each is imported on first use, so that a text call does not
# load the other model kinds.
_EXPORTS: dict[str, str] = {
    "ApiKey": "ai_sdk_gateway._auth",
    "as_gateway_error": "ai_sdk_gateway._errors",
    "AuthMethod": "ai_sdk_gateway._errors",
    "create_gateway": "ai_sdk_gateway._provider",
    "create_gateway_error_from_response": "ai_sdk_gateway._errors",
    "DEFAULT_BASE_URL": "ai_sdk_gateway._transport",
    "DEFAULT_METADATA_CACHE_REFRESH": "ai_sdk_gateway._provider",
    "ExaSearchInput": "ai_sdk_gateway._tools",
    "gateway": "ai_sdk_gateway._provider",
    "gateway_options": "ai_sdk_gateway._options",
    "GatewayAuthenticationError": "ai_sdk_gateway._errors",
    "GatewayAvailableModels": "ai_sdk_gateway._metadata",
    "GatewayByokCredential": "ai_sdk_gateway._options",
    "GatewayCredits": "ai_sdk_gateway._metadata",
    "GatewayEmbeddingModel": "ai_sdk_gateway._embedding_model",
    "GatewayError": "ai_sdk_gateway._errors",
    "GatewayFailedDependencyError": "ai_sdk_gateway._errors",
    "GatewayForbiddenError": "ai_sdk_gateway._errors",
    "GatewayGenerationInfo": "ai_sdk_gateway._metadata",
    "GatewayImageModel": "ai_sdk_gateway._image_model",
    "GatewayInternalServerError": "ai_sdk_gateway._errors",
    "GatewayInvalidRequestError": "ai_sdk_gateway._errors",
    "GatewayLanguageModel": "ai_sdk_gateway._language_model",
    "GatewayModelEntry": "ai_sdk_gateway._metadata",
    "GatewayModelNotFoundError": "ai_sdk_gateway._errors",
    "GatewayModelPricing": "ai_sdk_gateway._metadata",
    "GatewayModelSpecification": "ai_sdk_gateway._metadata",
    "GatewayModelType": "ai_sdk_gateway._metadata",
    "GatewayNotFoundError": "ai_sdk_gateway._errors",
    "GatewayProvider": "ai_sdk_gateway._provider",
    "GatewayProviderOptions": "ai_sdk_gateway._options",
    "GatewayProviderTimeouts": "ai_sdk_gateway._options",
    "GatewayRateLimitError": "ai_sdk_gateway._errors",
    "GatewayRerankingModel": "ai_sdk_gateway._reranking_model",
    "GatewayResponseError": "ai_sdk_gateway._errors",
    "GatewaySpeechModel": "ai_sdk_gateway._speech_model",
    "GatewaySpendReport": "ai_sdk_gateway._metadata",
    "GatewaySpendReportRow": "ai_sdk_gateway._metadata",
    "GatewayTimeoutError": "ai_sdk_gateway._errors",
    "GatewayTools": "ai_sdk_gateway._tools",
    "GatewayTranscriptionModel": "ai_sdk_gateway._transcription_model",
    "GatewayVideoModel": "ai_sdk_gateway._video_model",
    "get_vercel_request_headers": "ai_sdk_gateway._vercel",
    "MAX_EMBEDDINGS_PER_CALL": "ai_sdk_gateway._embedding_model",
    "MAX_IMAGES_PER_CALL": "ai_sdk_gateway._image_model",
    "MAX_VIDEOS_PER_CALL": "ai_sdk_gateway._video_model",
    "OidcTokenProvider": "ai_sdk_gateway._auth",
    "ParallelSearchInput": "ai_sdk_gateway._tools",
    "PerplexitySearchInput": "ai_sdk_gateway._tools",
    "PROTOCOL_VERSION": "ai_sdk_gateway._transport",
    "reset_vercel_request_headers": "ai_sdk_gateway._vercel",
    "set_vercel_request_headers": "ai_sdk_gateway._vercel",
    "TakoSearchInput": "ai_sdk_gateway._tools",
    "vercel_request_context": "ai_sdk_gateway._vercel",
    "VercelOidcTokenError": "ai_sdk_gateway._vercel",
    "VercelRequestContextMiddleware": "ai_sdk_gateway._vercel",
}

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
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ai_sdk_gateway' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
