"""Gateway test fixtures: a clean environment, a provider aimed at the loopback server."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator

import pytest

from ai_sdk._version import __version__ as core_version
from ai_sdk_gateway import GatewayProvider, __version__, create_gateway
from tests.servers import LoopbackServer, RecordedRequest

USER_AGENT = (
    f"ai-sdk-python/{core_version} ai-sdk/gateway/{__version__} "
    f"runtime/python/{sys.version_info.major}.{sys.version_info.minor}"
)

# Added by httpx and the HTTP framing, not by the gateway client.
_TRANSPORT_HEADERS = {"host", "accept", "accept-encoding", "connection", "content-length"}

_ENV_VARS = (
    "AI_GATEWAY_API_KEY",
    "VERCEL_OIDC_TOKEN",
    "VERCEL_DEPLOYMENT_ID",
    "VERCEL_ENV",
    "VERCEL_REGION",
    "VERCEL_PROJECT_ID",
)


def sent_headers(request: RecordedRequest) -> dict[str, str]:
    """The headers the gateway client chose (transport headers left out)."""
    return {k: v for k, v in request.headers.items() if k not in _TRANSPORT_HEADERS}


def common_headers(
    token: str = "test-key", auth_method: str = "api-key", *, post: bool = True
) -> dict[str, str]:
    """The headers every gateway request carries."""
    headers = {
        "authorization": f"Bearer {token}",
        "ai-gateway-protocol-version": "0.0.1",
        "ai-gateway-auth-method": auth_method,
        "user-agent": USER_AGENT,
    }
    if post:
        headers["content-type"] = "application/json"
    return headers


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No gateway or Vercel variables from the machine running the tests."""
    for name in _ENV_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def base_url(server: LoopbackServer) -> str:
    """The loopback server with the gateway's spec v4 path."""
    return f"{server.url}/v4/ai"


@pytest.fixture
async def provider(base_url: str) -> AsyncIterator[GatewayProvider]:
    """A gateway with an explicit API key, closed after the test."""
    async with create_gateway(api_key="test-key", base_url=base_url) as gw:
        yield gw
