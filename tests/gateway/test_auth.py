"""Credential precedence, OIDC, and the authentication errors, through real requests."""

from __future__ import annotations

import base64
import json
import time

import pytest

from ai_sdk.provider import CallOptions, EmbeddingCallOptions, TextPart, UserMessage
from ai_sdk_gateway import (
    GatewayAuthenticationError,
    VercelOidcTokenError,
    create_gateway,
    vercel_request_context,
)
from tests.gateway.conftest import common_headers, sent_headers
from tests.servers import LoopbackServer, json_reply

PATH = "/v4/ai/language-model"
OK = {
    "content": [{"type": "text", "text": "ok"}],
    "finishReason": {"unified": "stop", "raw": "stop"},
    "usage": {"inputTokens": {}, "outputTokens": {}},
}
OPTIONS = CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
UNAUTHORIZED = json_reply(
    {"error": {"message": "Invalid token", "type": "authentication_error"}}, status=401
)


def jwt(exp: float) -> str:
    def b64(value: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{b64({'alg': 'RS256'})}.{b64({'sub': 'project', 'exp': exp})}.c2lnbmF0dXJl"


async def call_and_get_auth(
    server: LoopbackServer, base_url: str, **settings: object
) -> tuple[str, str]:
    server.route(PATH, json_reply(OK))
    async with create_gateway(base_url=base_url, **settings) as gw:  # type: ignore[arg-type]
        await gw("openai/gpt-5").do_generate(OPTIONS)
    headers = server.requests[-1].headers
    return headers["authorization"], headers["ai-gateway-auth-method"]


async def test_explicit_api_key_beats_the_environment(
    server: LoopbackServer, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")
    monkeypatch.setenv("VERCEL_OIDC_TOKEN", "oidc-token")

    assert await call_and_get_auth(server, base_url, api_key="explicit") == (
        "Bearer explicit",
        "api-key",
    )


async def test_env_api_key_beats_oidc(
    server: LoopbackServer, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")
    monkeypatch.setenv("VERCEL_OIDC_TOKEN", "oidc-token")

    assert await call_and_get_auth(server, base_url) == ("Bearer env-key", "api-key")


async def test_oidc_token_from_the_environment(
    server: LoopbackServer, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AI_GATEWAY_API_KEY", "")  # empty counts as unset
    token = jwt(time.time() + 3600)
    monkeypatch.setenv("VERCEL_OIDC_TOKEN", token)

    assert await call_and_get_auth(server, base_url) == (f"Bearer {token}", "oidc")
    assert sent_headers(server.requests[0]) == {
        **common_headers(token, "oidc"),
        "ai-language-model-specification-version": "4",
        "ai-language-model-id": "openai/gpt-5",
        "ai-language-model-streaming": "false",
    }


async def test_oidc_token_of_the_incoming_request_beats_the_environment(
    server: LoopbackServer, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VERCEL_OIDC_TOKEN", "env-oidc")

    with vercel_request_context({"X-Vercel-OIDC-Token": "request-oidc"}):
        result = await call_and_get_auth(server, base_url)

    assert result == ("Bearer request-oidc", "oidc")


async def test_the_environment_is_read_on_every_request(
    server: LoopbackServer, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.route(PATH, json_reply(OK))
    async with create_gateway(base_url=base_url) as gw:
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "first")
        await gw("a/b").do_generate(OPTIONS)
        monkeypatch.setenv("AI_GATEWAY_API_KEY", "second")
        await gw("a/b").do_generate(OPTIONS)

    assert [r.headers["authorization"] for r in server.requests] == [
        "Bearer first",
        "Bearer second",
    ]


async def test_api_key_callables_sync_and_async_are_called_per_request(
    server: LoopbackServer, base_url: str
) -> None:
    keys = iter(["k1", "k2"])

    async def async_key() -> str:
        return "async-key"

    assert await call_and_get_auth(server, base_url, api_key=lambda: next(keys)) == (
        "Bearer k1",
        "api-key",
    )
    assert await call_and_get_auth(server, base_url, api_key=async_key) == (
        "Bearer async-key",
        "api-key",
    )


async def test_api_key_callable_returning_nothing_falls_through(
    server: LoopbackServer, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AI_GATEWAY_API_KEY", "env-key")

    assert await call_and_get_auth(server, base_url, api_key=lambda: None) == (
        "Bearer env-key",
        "api-key",
    )


async def test_oidc_token_provider_refreshes_a_missing_or_expired_token(
    server: LoopbackServer, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    async def refresh() -> str:
        calls.append("refresh")
        return "fresh-oidc"

    monkeypatch.setenv("VERCEL_OIDC_TOKEN", jwt(time.time() - 60))  # expired
    assert await call_and_get_auth(server, base_url, oidc_token_provider=refresh) == (
        "Bearer fresh-oidc",
        "oidc",
    )
    monkeypatch.delenv("VERCEL_OIDC_TOKEN")  # missing
    assert await call_and_get_auth(server, base_url, oidc_token_provider=refresh) == (
        "Bearer fresh-oidc",
        "oidc",
    )
    valid = jwt(time.time() + 60)
    monkeypatch.setenv("VERCEL_OIDC_TOKEN", valid)  # valid: the provider is not needed
    assert await call_and_get_auth(server, base_url, oidc_token_provider=refresh) == (
        f"Bearer {valid}",
        "oidc",
    )
    assert calls == ["refresh", "refresh"]


async def test_no_credentials_fails_before_any_request(
    server: LoopbackServer, base_url: str
) -> None:
    server.route(PATH, json_reply(OK))
    async with create_gateway(base_url=base_url) as gw:
        with pytest.raises(GatewayAuthenticationError) as caught:
            await gw("openai/gpt-5").do_generate(OPTIONS)
        with pytest.raises(GatewayAuthenticationError):
            await gw("openai/gpt-5").do_stream(OPTIONS)
        with pytest.raises(GatewayAuthenticationError):
            await gw.get_credits()

    assert server.requests == []
    error = caught.value
    assert (error.status_code, error.type, error.is_retryable) == (
        401,
        "authentication_error",
        False,
    )
    assert "No authentication provided" in error.message
    # Both ways to fix it are spelled out.
    assert "AI_GATEWAY_API_KEY" in error.message
    assert "api_key=" in error.message
    assert "vercel env pull" in error.message
    assert "VERCEL_OIDC_TOKEN" in error.message
    assert isinstance(error.cause, VercelOidcTokenError)


async def test_expired_oidc_token_without_provider_explains_the_expiry(
    server: LoopbackServer, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VERCEL_OIDC_TOKEN", jwt(1_700_000_000))

    async with create_gateway(base_url=base_url) as gw:
        with pytest.raises(GatewayAuthenticationError) as caught:
            await gw("openai/gpt-5").do_generate(OPTIONS)

    assert server.requests == []
    cause = caught.value.cause
    assert isinstance(cause, VercelOidcTokenError)
    assert cause.message.startswith(
        "The Vercel OIDC token from VERCEL_OIDC_TOKEN expired at 2023-11-14T22:13:20+00:00."
    )


async def test_failing_oidc_token_provider_is_the_cause(
    server: LoopbackServer, base_url: str
) -> None:
    def broken() -> str:
        raise RuntimeError("vercel CLI not logged in")

    async with create_gateway(base_url=base_url, oidc_token_provider=broken) as gw:
        with pytest.raises(GatewayAuthenticationError) as caught:
            await gw.embedding_model("a/b").do_embed(EmbeddingCallOptions(values=["x"]))

    cause = caught.value.cause
    assert isinstance(cause, VercelOidcTokenError)
    assert cause.message == "oidc_token_provider failed: vercel CLI not logged in"
    assert isinstance(cause.cause, RuntimeError)


def _embed_options():
    from ai_sdk.provider import EmbeddingCallOptions

    return EmbeddingCallOptions(values=["x"])


async def test_server_401_with_an_api_key_gives_api_key_advice(
    server: LoopbackServer, base_url: str
) -> None:
    server.route(PATH, UNAUTHORIZED)

    async with create_gateway(api_key="bad", base_url=base_url) as gw:
        with pytest.raises(GatewayAuthenticationError) as caught:
            await gw("openai/gpt-5").do_generate(OPTIONS)

    message = caught.value.message
    assert message.startswith("AI Gateway authentication failed: the API key or access token")
    assert "https://vercel.com/d?to=%2F%5Bteam%5D%2F%7E%2Fai%2Fapi-keys" in message
    assert "Invalid token" not in message  # the advice replaces the server's terse message
    assert caught.value.response_body == UNAUTHORIZED.body.decode()


async def test_server_401_with_oidc_gives_oidc_advice(
    server: LoopbackServer, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VERCEL_OIDC_TOKEN", "opaque-oidc")
    server.route("/v4/ai/config", UNAUTHORIZED, method="GET")

    async with create_gateway(base_url=base_url) as gw:
        with pytest.raises(GatewayAuthenticationError) as caught:
            await gw.get_available_models()

    assert caught.value.message.startswith(
        "AI Gateway authentication failed: the Vercel OIDC token was rejected"
    )
    assert "vercel env pull" in caught.value.message


async def test_team_header_and_custom_headers_can_override_the_common_ones(
    server: LoopbackServer, base_url: str
) -> None:
    server.route("/v1/credits", json_reply({"balance": "1", "total_used": "2"}), method="GET")

    async with create_gateway(
        api_key="vca_token",
        base_url=base_url,
        team_id_or_slug="my-team",
        headers={"Authorization": "Bearer override", "X-Extra": "1"},
    ) as gw:
        await gw.get_credits()

    assert sent_headers(server.requests[0]) == {
        **common_headers("override", post=False),
        "x-vercel-ai-gateway-team": "my-team",
        "x-extra": "1",
    }
