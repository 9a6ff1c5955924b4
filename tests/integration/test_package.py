"""The three distributions together: compatible versions, one registry over both providers."""

from __future__ import annotations

from importlib.metadata import distribution
from typing import Any

import pytest
from packaging.requirements import Requirement

import ai_sdk
from ai_sdk import (
    EmbeddingModel,
    LanguageModel,
    Provider,
    create_provider_registry,
    generate_text,
    set_default_provider,
)
from ai_sdk_gateway import create_gateway
from ai_sdk_openai_compatible import create_openai_compatible
from tests.servers import LoopbackServer, json_reply


@pytest.mark.parametrize("provider", ["ai-sdk-gateway", "ai-sdk-mcp", "ai-sdk-openai-compatible"])
def test_installed_core_is_in_each_providers_declared_range(provider: str) -> None:
    [core] = [
        Requirement(line)
        for line in distribution(provider).requires or []
        if Requirement(line).name == "ai-sdk-core"
    ]

    assert core.specifier, f"{provider} must pin a core range"
    assert core.specifier.contains(ai_sdk.__version__)
    assert distribution("ai-sdk-core").version == ai_sdk.__version__


async def test_both_providers_conform_to_the_spec_protocols(server: LoopbackServer) -> None:
    async with (
        create_gateway(api_key="k", base_url=server.url) as gw,
        create_openai_compatible(name="local", base_url=server.url) as local,
    ):
        providers: list[Any] = [gw, local]
        for provider in providers:
            assert isinstance(provider, Provider)
            assert isinstance(provider.language_model("m"), LanguageModel)
            assert isinstance(provider.embedding_model("m"), EmbeddingModel)


def completion(text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "created": 1_700_000_000,
        "model": "local-model",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
    }


async def test_one_registry_routes_string_ids_to_either_provider(server: LoopbackServer) -> None:
    server.route("/v1/chat/completions", json_reply(completion("from local")))
    server.route(
        "/v4/ai/language-model",
        json_reply(
            {
                "content": [{"type": "text", "text": "from gateway"}],
                "finishReason": {"unified": "stop", "raw": "stop"},
                "usage": {"inputTokens": {"total": 1}, "outputTokens": {"total": 1}},
                "warnings": [],
            }
        ),
    )
    async with (
        create_gateway(api_key="k", base_url=f"{server.url}/v4/ai") as gw,
        create_openai_compatible(name="local", base_url=f"{server.url}/v1") as local,
    ):
        set_default_provider(create_provider_registry({"gateway": gw, "local": local}))

        via_local = await generate_text(model="local:local-model", prompt="Hi")
        via_gateway = await generate_text(model="gateway:openai/gpt-5", prompt="Hi")

    assert (via_local.text, via_gateway.text) == ("from local", "from gateway")
    assert [(r.path, r.json().get("model")) for r in server.requests] == [
        ("/v1/chat/completions", "local-model"),
        ("/v4/ai/language-model", None),
    ]
    assert server.requests[1].headers["ai-language-model-id"] == "openai/gpt-5"
