"""The gateway embedding and image models against the loopback server."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from ai_sdk.provider import (
    EmbeddingCallOptions,
    EmbeddingResponseInfo,
    EmbeddingResult,
    EmbeddingUsage,
    ImageCallOptions,
    ImageFileData,
    ImageFileUrl,
    ImageResponseInfo,
    ImageResult,
    ImageUsage,
    TooManyEmbeddingValuesForCallError,
    TypeValidationError,
    UnsupportedWarning,
)
from ai_sdk_gateway import GatewayModelNotFoundError, GatewayProvider, GatewayResponseError
from tests.gateway.conftest import common_headers, sent_headers
from tests.servers import LoopbackServer, json_reply

EMBED = "/v4/ai/embedding-model"
IMAGE = "/v4/ai/image-model"


def embedding_headers(model_id: str) -> dict[str, str]:
    return {"ai-embedding-model-specification-version": "4", "ai-model-id": model_id}


def image_headers(model_id: str) -> dict[str, str]:
    return {"ai-image-model-specification-version": "4", "ai-model-id": model_id}


async def test_embed_sends_values_and_provider_options(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    body = {
        "embeddings": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
        "usage": {"tokens": 7},
        "providerMetadata": {"gateway": {"generationId": "gen_e"}},
        "warnings": [{"type": "unsupported", "feature": "dimensions"}],
    }
    server.route(EMBED, json_reply(body))
    model = provider.embedding_model("openai/text-embedding-3-small")

    result = await model.do_embed(
        EmbeddingCallOptions(
            values=["sunny day", "rainy day", "snow"],
            provider_options={"openai": {"dimensions": 2}, "gateway": {"order": ["openai"]}},
            headers={"X-Call": "1"},
        )
    )

    [request] = server.requests
    assert (request.method, request.target) == ("POST", EMBED)
    assert sent_headers(request) == {
        **common_headers(),
        "x-call": "1",
        **embedding_headers("openai/text-embedding-3-small"),
    }
    assert request.json() == {
        "values": ["sunny day", "rainy day", "snow"],
        "providerOptions": {"openai": {"dimensions": 2}, "gateway": {"order": ["openai"]}},
    }
    assert result == EmbeddingResult(
        embeddings=[[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
        usage=EmbeddingUsage(tokens=7),
        provider_metadata={"gateway": {"generationId": "gen_e"}},
        response=EmbeddingResponseInfo(
            headers={
                "content-type": "application/json",
                "content-length": str(len(json.dumps(body))),
            },
            body=body,
        ),
        warnings=[UnsupportedWarning(feature="dimensions")],
    )
    assert (model.max_embeddings_per_call, model.supports_parallel_calls) == (2048, True)


async def test_embed_without_provider_options_and_with_null_usage(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(EMBED, json_reply({"embeddings": [[1.0]], "usage": None}))

    result = await provider.embedding_model("a/b").do_embed(EmbeddingCallOptions(values=["x"]))

    assert server.requests[0].json() == {"values": ["x"]}
    assert (result.embeddings, result.usage, result.warnings) == ([[1.0]], None, [])


async def test_embed_rejects_more_values_than_one_call_takes(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    with pytest.raises(TooManyEmbeddingValuesForCallError) as caught:
        await provider.embedding_model("a/b").do_embed(EmbeddingCallOptions(values=["v"] * 2049))

    assert caught.value.max_embeddings_per_call == 2048
    assert server.requests == []


async def test_embed_errors_are_gateway_errors(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        EMBED,
        json_reply(
            {
                "error": {
                    "message": "no such model",
                    "type": "model_not_found",
                    "param": {"modelId": "a/b"},
                },
            },
            status=404,
        ),
    )

    with pytest.raises(GatewayModelNotFoundError) as caught:
        await provider.embedding_model("a/b").do_embed(EmbeddingCallOptions(values=["x"]))

    assert caught.value.model_id == "a/b"


IMAGE_RESPONSE = {
    "images": ["aW1hZ2Ux", "aW1hZ2Uy"],
    "warnings": [{"type": "unsupported", "feature": "seed"}],
    "providerMetadata": {"gateway": {"images": [{"revisedPrompt": "a cat"}, {}]}},
    "usage": {"inputTokens": 5, "outputTokens": None, "totalTokens": 5},
}


async def test_image_generation_request_and_result(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(IMAGE, json_reply(IMAGE_RESPONSE))
    model = provider.image_model("openai/gpt-image-1")
    before = datetime.now(UTC)

    result = await model.do_generate(
        ImageCallOptions(
            prompt="a cat",
            n=2,
            size="1024x1024",
            aspect_ratio="1:1",
            seed=42,
            files=[
                ImageFileData(media_type="image/png", data=b"\x89PNG"),
                ImageFileUrl(url="https://x.test/cat.png"),
            ],
            mask=ImageFileData(media_type="image/png", data="bWFzaw=="),
            provider_options={"openai": {"quality": "high"}},
            headers={"x-call": "2"},
        )
    )

    [request] = server.requests
    assert sent_headers(request) == {
        **common_headers(),
        "x-call": "2",
        **image_headers("openai/gpt-image-1"),
    }
    assert request.json() == {
        "prompt": "a cat",
        "n": 2,
        "size": "1024x1024",
        "aspectRatio": "1:1",
        "seed": 42,
        "providerOptions": {"openai": {"quality": "high"}},
        "files": [
            {
                "type": "file",
                "mediaType": "image/png",
                "data": base64.b64encode(b"\x89PNG").decode(),
            },
            {"type": "url", "url": "https://x.test/cat.png"},
        ],
        "mask": {"type": "file", "mediaType": "image/png", "data": "bWFzaw=="},
    }
    assert result.response.timestamp >= before
    assert result == ImageResult(
        images=["aW1hZ2Ux", "aW1hZ2Uy"],
        warnings=[UnsupportedWarning(feature="seed")],
        provider_metadata={"gateway": {"images": [{"revisedPrompt": "a cat"}, {}]}},
        response=ImageResponseInfo(
            timestamp=result.response.timestamp,
            model_id="openai/gpt-image-1",
            headers={
                "content-type": "application/json",
                "content-length": str(len(json.dumps(IMAGE_RESPONSE))),
            },
        ),
        usage=ImageUsage(input_tokens=5, total_tokens=5),
    )
    assert model.max_images_per_call == 2**53 - 1


async def test_image_minimal_body_keeps_a_zero_seed_and_empty_provider_options(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(IMAGE, json_reply({"images": ["eA=="]}))

    result = await provider.image_model("a/b").do_generate(ImageCallOptions(prompt="x", seed=0))

    # As @ai-sdk/gateway 4 (`seed != null`): a seed of 0 is sent.
    assert server.requests[0].json() == {"prompt": "x", "n": 1, "seed": 0, "providerOptions": {}}
    assert (result.images, result.usage, result.warnings) == (["eA=="], None, [])


async def test_image_result_that_is_not_an_object_is_a_response_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(IMAGE, json_reply(["aW1hZ2Ux"]))

    with pytest.raises(GatewayResponseError) as caught:
        await provider.image_model("a/b").do_generate(ImageCallOptions(prompt="x"))

    error = caught.value
    assert (error.status_code, error.is_retryable) == (200, False)
    assert isinstance(error.validation_error, TypeValidationError)
    assert (error.response, error.response_body) == (["aW1hZ2Ux"], '["aW1hZ2Ux"]')
