"""The embedding model: request body, options, vectors, usage and limits."""

from __future__ import annotations

import array
import base64
import json
from typing import Any

import pytest

from ai_sdk.provider import (
    APICallError,
    DeprecatedWarning,
    EmbeddingCallOptions,
    EmbeddingResponseInfo,
    EmbeddingResult,
    EmbeddingUsage,
    InvalidArgumentError,
    TooManyEmbeddingValuesForCallError,
)
from ai_sdk_openai_compatible import OpenAICompatibleProvider, create_openai_compatible
from tests.openai_compatible._helpers import EMBEDDINGS
from tests.openai_compatible.conftest import ProviderFactory
from tests.servers import LoopbackServer, json_reply


def embeddings(*vectors: Any, usage: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "object": "list",
        "data": [
            {"object": "embedding", "index": i, "embedding": vector}
            for i, vector in enumerate(vectors)
        ],
        "model": "embed",
    }
    if usage is not None:
        body["usage"] = usage
    return {**body, **extra}


async def test_embed(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    body = embeddings([0.1, 0.2], [1, -1], usage={"prompt_tokens": 8, "total_tokens": 8})
    server.route(EMBEDDINGS, json_reply(body))

    result = await provider.embedding_model("embed").do_embed(
        EmbeddingCallOptions(values=["sunny day", "rainy night"], headers={"X-Trace": "t"})
    )

    assert result == EmbeddingResult(
        embeddings=[[0.1, 0.2], [1.0, -1.0]],
        usage=EmbeddingUsage(tokens=8),
        response=EmbeddingResponseInfo(
            headers={
                "content-type": "application/json",
                "content-length": str(len(json.dumps(body))),
            },
            body=body,
        ),
        warnings=[],
    )
    request = server.requests[-1]
    assert request.json() == {
        "model": "embed",
        "input": ["sunny day", "rainy night"],
        "encoding_format": "float",
    }
    assert (request.headers["authorization"], request.headers["x-trace"]) == (
        "Bearer test-key",
        "t",
    )


async def test_options(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    server.route(EMBEDDINGS, json_reply(embeddings([1.0])))

    result = await provider.embedding_model("embed").do_embed(
        EmbeddingCallOptions(
            values=["a"],
            provider_options={
                "openai-compatible": {"user": "old"},
                "openaiCompatible": {"dimensions": 256},
                "test-provider": {"user": "u1", "ignored": True},
                # As upstream, embedding models read no camelCase provider key.
                "testProvider": {"user": "not read"},
            },
        )
    )

    assert server.requests[-1].json() == {
        "model": "embed",
        "input": ["a"],
        "encoding_format": "float",
        "dimensions": 256,
        "user": "u1",
    }
    assert result.warnings == [
        DeprecatedWarning(
            setting="providerOptions key 'openai-compatible'",
            message="Use 'openaiCompatible' instead.",
        ),
        DeprecatedWarning(  # upstream warns about the raw name here too
            setting="providerOptions key 'test-provider'", message="Use 'testProvider' instead."
        ),
    ]


async def test_invalid_dimensions(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    with pytest.raises(InvalidArgumentError, match="'dimensions' must be an integer, got str"):
        await provider.embedding_model("embed").do_embed(
            EmbeddingCallOptions(
                values=["a"], provider_options={"openaiCompatible": {"dimensions": "8"}}
            )
        )
    assert server.requests == []


async def test_out_of_order_and_base64_vectors(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    packed = base64.b64encode(array.array("f", [0.5, -2.0]).tobytes()).decode()
    body = {
        "data": [
            {"index": 1, "embedding": packed},
            {"index": 0, "embedding": [3, 4]},
        ],
        "usage": None,
        "providerMetadata": {"server": {"cached": True}},
    }
    server.route(EMBEDDINGS, json_reply(body))

    result = await provider.embedding_model("embed").do_embed(
        EmbeddingCallOptions(values=["first", "second"])
    )

    assert (result.embeddings, result.usage, result.provider_metadata) == (
        [[3.0, 4.0], [0.5, -2.0]],
        None,
        {"server": {"cached": True}},
    )
    assert {type(x) for vector in result.embeddings for x in vector} == {float}  # 3 -> 3.0


async def test_base64_encoding(server: LoopbackServer, make_provider: ProviderFactory) -> None:
    vectors = [[0.5, -2.0, 0.25], [1.0, 0.0, -0.125]]
    packed = [base64.b64encode(array.array("f", v).tobytes()).decode() for v in vectors]
    # URL-safe and unpadded base64 is read too (by the lenient decoder).
    packed[1] = packed[1].rstrip("=").replace("+", "-").replace("/", "_")
    body = embeddings(*packed, usage={"prompt_tokens": 4, "total_tokens": 4})
    server.route(EMBEDDINGS, json_reply(body))
    provider = make_provider(embedding_encoding="base64")
    result = await provider.embedding_model("embed").do_embed(
        EmbeddingCallOptions(values=["a", "b"])
    )

    assert server.requests[-1].json() == {
        "model": "embed",
        "input": ["a", "b"],
        "encoding_format": "base64",
    }
    assert result == EmbeddingResult(
        embeddings=vectors,
        usage=EmbeddingUsage(tokens=4),
        response=EmbeddingResponseInfo(
            headers={
                "content-type": "application/json",
                "content-length": str(len(json.dumps(body))),
            },
            body=body,
        ),
    )
    assert {type(x) for vector in result.embeddings for x in vector} == {float}


async def test_base64_not_float32(server: LoopbackServer, make_provider: ProviderFactory) -> None:
    server.route(EMBEDDINGS, json_reply(embeddings(base64.b64encode(b"abc").decode())))
    provider = make_provider(embedding_encoding="base64")
    with pytest.raises(APICallError, match="Invalid embeddings response"):
        await provider.embedding_model("embed").do_embed(EmbeddingCallOptions(values=["a"]))


def test_unknown_embedding_encoding() -> None:
    with pytest.raises(InvalidArgumentError, match="embedding_encoding must be 'float' or"):
        create_openai_compatible(
            name="p",
            base_url="http://127.0.0.1:1/v1",
            embedding_encoding="int8",  # pyright: ignore[reportArgumentType]
        )


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"data": [{"embedding": [1.0]}]}, "expected 2 embeddings, got 1"),
        ({"data": "nope"}, "'data' is not a list"),
        ({"data": [{"embedding": [1.0]}, {"no": "vector"}]}, "'embedding'"),
        ({"data": [{"embedding": [1.0]}, {"embedding": [2.0, "x"]}]}, "valid number"),
        ({"data": [{"embedding": [1.0]}, {"embedding": {"a": 1}}]}, "expected a list"),
    ],
)
async def test_malformed_response(
    server: LoopbackServer, provider: OpenAICompatibleProvider, body: Any, detail: str
) -> None:
    server.route(EMBEDDINGS, json_reply(body))

    with pytest.raises(APICallError, match="Invalid embeddings response") as caught:
        await provider.embedding_model("embed").do_embed(EmbeddingCallOptions(values=["a", "b"]))

    assert detail in caught.value.message
    assert caught.value.is_retryable is False
    assert json.loads(caught.value.response_body or "") == body  # JSON, not a Python repr


async def test_limits(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    default = provider.embedding_model("embed")
    small = provider.text_embedding_model(
        "embed", max_embeddings_per_call=2, supports_parallel_calls=False
    )
    unlimited = provider.embedding_model("embed", max_embeddings_per_call=None)

    assert (default.max_embeddings_per_call, default.supports_parallel_calls) == (2048, True)
    assert (small.max_embeddings_per_call, small.supports_parallel_calls) == (2, False)
    with pytest.raises(TooManyEmbeddingValuesForCallError) as caught:
        await small.do_embed(EmbeddingCallOptions(values=["a", "b", "c"]))
    assert (caught.value.max_embeddings_per_call, caught.value.provider, caught.value.model_id) == (
        2,
        "test-provider.embedding",
        "embed",
    )
    assert server.requests == []

    server.route(EMBEDDINGS, json_reply(embeddings(*([0.0] for _ in range(3000)))))
    result = await unlimited.do_embed(EmbeddingCallOptions(values=["x"] * 3000))
    assert len(result.embeddings) == 3000
