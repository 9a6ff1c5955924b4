"""The package surface: the default instance, the provider protocol, repr, provider options."""

from __future__ import annotations

import re

import ai_sdk_gateway
from ai_sdk.provider import EmbeddingModel, ImageModel, LanguageModel, Provider
from ai_sdk_gateway import (
    DEFAULT_BASE_URL,
    GatewayProvider,
    create_gateway,
    gateway,
    gateway_options,
)
from tests.servers import LoopbackServer


def test_version_is_semver() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", ai_sdk_gateway.__version__)


def test_every_public_name_is_exported() -> None:
    # The names are imported on first use: each one in `__all__` must resolve, and nothing
    # public may be left out of it (the TYPE_CHECKING block is what type checkers read).
    exported = set(ai_sdk_gateway.__all__) - {"__version__"}
    for name in exported:
        getattr(ai_sdk_gateway, name)
    public = {name for name in vars(ai_sdk_gateway) if not name.startswith("_")}

    assert public - {"Any", "TYPE_CHECKING"} == exported


def test_package_import_is_lazy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ai_sdk_gateway as g\n"
        "print('ai_sdk_gateway._provider' in sys.modules)\n"
        "g.gateway('openai/gpt-5')\n"
        "print('ai_sdk_gateway._video_model' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_default_instance_is_a_provider_with_the_v4_base_url() -> None:
    assert isinstance(gateway, GatewayProvider)
    assert isinstance(gateway, Provider)
    assert gateway.base_url == DEFAULT_BASE_URL == "https://ai-gateway.vercel.sh/v4/ai"
    assert gateway.specification_version == "v4"


def test_models_fit_the_spec_protocols() -> None:
    language = gateway("openai/gpt-5")
    embedding = gateway.embedding_model("openai/text-embedding-3-small")
    image = gateway.image_model("openai/gpt-image-1")

    assert isinstance(language, LanguageModel)
    assert isinstance(embedding, EmbeddingModel)
    assert isinstance(image, ImageModel)
    assert [
        (m.provider, m.model_id, m.specification_version) for m in (language, embedding, image)
    ] == [
        ("gateway", "openai/gpt-5", "v4"),
        ("gateway", "openai/text-embedding-3-small", "v4"),
        ("gateway", "openai/gpt-image-1", "v4"),
    ]
    assert gateway.language_model("x/y").model_id == "x/y"


def test_language_model_lets_the_gateway_fetch_every_url() -> None:
    urls = gateway("openai/gpt-5").supported_urls

    assert list(urls) == ["*/*"]
    assert all(p.search("https://example.com/a.pdf") for p in urls["*/*"])


def test_repr_never_shows_the_key() -> None:
    gw = create_gateway(api_key="vck_secret_value", base_url="https://gw.test/v4/ai/")

    assert repr(gw) == "GatewayProvider(base_url='https://gw.test/v4/ai', api_key=<set>)"
    assert "secret" not in repr(gw("openai/gpt-5"))
    assert (
        repr(gateway)
        == "GatewayProvider(base_url='https://ai-gateway.vercel.sh/v4/ai', api_key=None)"
    )


async def test_creating_providers_and_models_sends_nothing(server: LoopbackServer) -> None:
    gw = create_gateway(base_url=f"{server.url}/v4/ai")
    gw("openai/gpt-5")
    gw.embedding_model("a/b")
    gw.image_model("a/b")
    await gw.aclose()

    assert server.requests == []
    assert server.connections_opened == 0


def test_gateway_options_uses_the_wire_keys() -> None:
    options = gateway_options(
        order=["vertex", "anthropic"],
        only=["anthropic"],
        models=["openai/gpt-5"],
        user="u1",
        tags=["chat"],
        byok={"anthropic": [{"apiKey": "sk-ant"}]},
        zero_data_retention=True,
        disallow_prompt_training=False,
        provider_timeouts={"byok": {"anthropic": 2000}},
        quota_entity_id="team-a",
        sort="ttft",
        service_tier="flex",
        has=["vision"],
        caching="auto",
        futureOption={"x": 1},
    )

    assert options == {
        "order": ["vertex", "anthropic"],
        "only": ["anthropic"],
        "models": ["openai/gpt-5"],
        "user": "u1",
        "tags": ["chat"],
        "byok": {"anthropic": [{"apiKey": "sk-ant"}]},
        "zeroDataRetention": True,
        "disallowPromptTraining": False,
        "providerTimeouts": {"byok": {"anthropic": 2000}},
        "quotaEntityId": "team-a",
        "sort": "ttft",
        "serviceTier": "flex",
        "has": ["vision"],
        "caching": "auto",
        "futureOption": {"x": 1},
    }
    assert gateway_options() == {}
