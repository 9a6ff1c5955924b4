"""The gateway reranking model against the loopback server, alone and under `rerank`."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import pytest

from ai_sdk import generate_speech, generate_video, rerank, set_default_provider, transcribe
from ai_sdk.provider import (
    RankedDocument,
    RerankingCallOptions,
    RerankingResponseInfo,
    RerankingResult,
    RerankObjectDocuments,
    RerankTextDocuments,
    UnsupportedWarning,
)
from ai_sdk.rerank import RankedItem
from ai_sdk_gateway import (
    GatewayInternalServerError,
    GatewayInvalidRequestError,
    GatewayProvider,
    GatewayResponseError,
)
from tests.gateway.conftest import common_headers, sent_headers
from tests.servers import LoopbackServer, json_reply, sse_reply

RERANK = "/v4/ai/reranking-model"
MODEL = "cohere/rerank-v3.5"
MODEL_HEADERS = {"ai-reranking-model-specification-version": "4", "ai-model-id": MODEL}


async def test_text_documents_with_top_n_and_provider_options(
    server: LoopbackServer, provider: GatewayProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VERCEL_DEPLOYMENT_ID", "dpl_1")
    monkeypatch.setenv("VERCEL_ENV", "production")
    monkeypatch.setenv("VERCEL_REGION", "iad1")
    monkeypatch.setenv("VERCEL_PROJECT_ID", "prj_1")
    body = {
        "ranking": [{"index": 1, "relevanceScore": 0.9}, {"index": 0, "relevanceScore": 0.1}],
        "warnings": [{"type": "unsupported", "feature": "topN", "details": "capped"}],
        "providerMetadata": {"cohere": {"billedUnits": 1}},
    }
    server.route(RERANK, json_reply(body, headers={"x-request-id": "req-123"}))
    model = provider.reranking_model(MODEL)

    result = await model.do_rerank(
        RerankingCallOptions(
            documents=RerankTextDocuments(values=["sunny", "rainy"]),
            query="rain",
            top_n=2,
            provider_options={"cohere": {"maxTokensPerDoc": 100}},
            headers={"X-Call": "1"},
        )
    )

    [request] = server.requests
    assert (request.method, request.target) == ("POST", RERANK)
    assert sent_headers(request) == {
        **common_headers(),
        "x-call": "1",
        **MODEL_HEADERS,
        "ai-o11y-deployment-id": "dpl_1",
        "ai-o11y-environment": "production",
        "ai-o11y-region": "iad1",
        "ai-o11y-project-id": "prj_1",
    }
    assert request.json() == {
        "documents": {"type": "text", "values": ["sunny", "rainy"]},
        "query": "rain",
        "topN": 2,
        "providerOptions": {"cohere": {"maxTokensPerDoc": 100}},
    }
    raw = json.dumps(body)
    assert result == RerankingResult(
        ranking=[
            RankedDocument(index=1, relevance_score=0.9),
            RankedDocument(index=0, relevance_score=0.1),
        ],
        provider_metadata={"cohere": {"billedUnits": 1}},
        warnings=[UnsupportedWarning(feature="topN", details="capped")],
        response=RerankingResponseInfo(
            headers={
                "content-type": "application/json",
                "x-request-id": "req-123",
                "content-length": str(len(raw)),
            },
            body=body,
        ),
    )


async def test_object_documents_without_top_n_or_options(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(RERANK, json_reply({"ranking": [{"index": 0, "relevanceScore": 0.5}]}))

    result = await provider.reranking_model(MODEL).do_rerank(
        RerankingCallOptions(
            documents=RerankObjectDocuments(values=[{"title": "a", "stars": 3}]), query="q"
        )
    )

    assert server.requests[0].json() == {
        "documents": {"type": "object", "values": [{"title": "a", "stars": 3}]},
        "query": "q",
    }
    assert (result.warnings, result.provider_metadata) == ([], None)


async def test_rerank_through_the_gateway_maps_indices_to_documents(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        RERANK,
        json_reply(
            {"ranking": [{"index": 2, "relevanceScore": 0.8}, {"index": 0, "relevanceScore": 0.3}]}
        ),
    )
    documents = [{"id": "a"}, {"id": "b"}, {"id": "c"}]

    result = await rerank(
        model=provider.reranking_model(MODEL), documents=documents, query="c", top_n=2
    )

    assert server.requests[0].json() == {
        "documents": {"type": "object", "values": documents},
        "query": "c",
        "topN": 2,
    }
    assert result.ranking == [
        RankedItem(original_index=2, score=0.8, document={"id": "c"}),
        RankedItem(original_index=0, score=0.3, document={"id": "a"}),
    ]
    assert result.reranked_documents == [{"id": "c"}, {"id": "a"}]
    assert result.response.model_id == MODEL


async def test_invalid_request_is_a_gateway_invalid_request_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        RERANK,
        json_reply(
            {"error": {"message": "topN too large", "type": "invalid_request_error"}}, status=400
        ),
    )

    with pytest.raises(GatewayInvalidRequestError) as caught:
        await provider.reranking_model(MODEL).do_rerank(
            RerankingCallOptions(documents=RerankTextDocuments(values=["a"]), query="q")
        )

    assert (caught.value.status_code, caught.value.message) == (400, "topN too large")


async def test_server_error_is_a_gateway_internal_server_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        RERANK,
        json_reply({"error": {"message": "boom", "type": "internal_server_error"}}, status=500),
    )

    with pytest.raises(GatewayInternalServerError) as caught:
        await provider.reranking_model(MODEL).do_rerank(
            RerankingCallOptions(documents=RerankTextDocuments(values=["a"]), query="q")
        )

    assert caught.value.status_code == 500
    assert caught.value.is_retryable


async def test_a_malformed_ranking_is_a_gateway_response_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(RERANK, json_reply({"ranking": [{"index": "first"}]}))

    with pytest.raises(GatewayResponseError):
        await provider.reranking_model(MODEL).do_rerank(
            RerankingCallOptions(documents=RerankTextDocuments(values=["a"]), query="q")
        )


@pytest.fixture
def default_gateway(provider: GatewayProvider) -> Iterator[GatewayProvider]:
    set_default_provider(provider)
    yield provider
    set_default_provider(None)


async def test_string_ids_of_every_new_kind_resolve_through_the_default_provider(
    server: LoopbackServer, default_gateway: GatewayProvider
) -> None:
    wav = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24
    server.route(RERANK, json_reply({"ranking": [{"index": 0, "relevanceScore": 1.0}]}))
    server.route("/v4/ai/speech-model", json_reply({"audio": base64.b64encode(wav).decode()}))
    server.route("/v4/ai/transcription-model", json_reply({"text": "hi"}))
    server.route(
        "/v4/ai/video-model",
        sse_reply(
            [
                {
                    "type": "result",
                    "videos": [{"type": "base64", "data": "AAAA", "mediaType": "video/mp4"}],
                }
            ]
        ),
    )

    ranked = await rerank(model=MODEL, documents=["a"], query="q")
    spoken = await generate_speech(model="openai/tts-1", text="hi")
    heard = await transcribe(model="openai/whisper-1", audio=wav)
    video = await generate_video(model="google/veo-3.1", prompt="p")

    assert (ranked.reranked_documents, spoken.audio.data, heard.text) == (["a"], wav, "hi")
    assert video.video.media_type == "video/mp4"
    assert [request.headers["ai-model-id"] for request in server.requests] == [
        MODEL,
        "openai/tts-1",
        "openai/whisper-1",
        "google/veo-3.1",
    ]
