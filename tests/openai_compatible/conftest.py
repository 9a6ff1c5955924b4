"""Fixtures for the OpenAI-compatible provider tests: a provider aimed at the loopback server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from ai_sdk_openai_compatible import OpenAICompatibleProvider, create_openai_compatible
from tests.servers import LoopbackServer

ProviderFactory = Callable[..., OpenAICompatibleProvider]


@pytest.fixture
async def make_provider(server: LoopbackServer) -> AsyncIterator[ProviderFactory]:
    """Build providers for the test's server (``name="test-provider"``, key ``test-key`` unless
    overridden); all are closed after the test."""
    made: list[OpenAICompatibleProvider] = []

    def make(**settings: Any) -> OpenAICompatibleProvider:
        settings.setdefault("name", "test-provider")
        settings.setdefault("base_url", f"{server.url}/v1")
        settings.setdefault("api_key", "test-key")
        provider = create_openai_compatible(**settings)
        made.append(provider)
        return provider

    yield make
    for provider in made:
        await provider.aclose()


@pytest.fixture
def provider(make_provider: ProviderFactory) -> OpenAICompatibleProvider:
    """A provider with the default test settings."""
    return make_provider()
