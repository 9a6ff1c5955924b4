"""Vercel integration: observability headers, the request context hook, the ASGI middleware."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from ai_sdk.provider import (
    CallOptions,
    EmbeddingCallOptions,
    ImageCallOptions,
    TextPart,
    UserMessage,
)
from ai_sdk_gateway import (
    GatewayProvider,
    VercelRequestContextMiddleware,
    get_vercel_request_headers,
    reset_vercel_request_headers,
    set_vercel_request_headers,
    vercel_request_context,
)
from tests.gateway.conftest import sent_headers
from tests.servers import LoopbackServer, json_reply, sse_reply

OK = {
    "content": [],
    "finishReason": {"unified": "stop", "raw": None},
    "usage": {"inputTokens": {}, "outputTokens": {}},
}
OPTIONS = CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
FINISH = {
    "type": "finish",
    "finishReason": {"unified": "stop"},
    "usage": {"inputTokens": {}, "outputTokens": {}},
}


def o11y(request_headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in request_headers.items() if k.startswith("ai-o11y-")}


@pytest.fixture
def vercel_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERCEL_DEPLOYMENT_ID", "dpl_1")
    monkeypatch.setenv("VERCEL_ENV", "production")
    monkeypatch.setenv("VERCEL_REGION", "iad1")
    monkeypatch.setenv("VERCEL_PROJECT_ID", "prj_1")


@pytest.mark.usefixtures("vercel_env")
async def test_model_calls_send_observability_headers(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route("/v4/ai/language-model", json_reply(OK), sse_reply([FINISH]), json_reply(OK))
    server.route("/v4/ai/embedding-model", json_reply({"embeddings": [[1.0]]}))
    server.route("/v4/ai/image-model", json_reply({"images": []}))
    model = provider("openai/gpt-5")

    with vercel_request_context({"X-Vercel-Id": "iad1::abc-123"}):
        await model.do_generate(OPTIONS)
        result = await model.do_stream(OPTIONS)
        [part async for part in result.stream]
        await provider.embedding_model("a/b").do_embed(EmbeddingCallOptions(values=["x"]))
        await provider.image_model("a/b").do_generate(ImageCallOptions(prompt="x"))
    await model.do_generate(OPTIONS)  # outside the request: no request id

    expected = {
        "ai-o11y-deployment-id": "dpl_1",
        "ai-o11y-environment": "production",
        "ai-o11y-region": "iad1",
        "ai-o11y-project-id": "prj_1",
    }
    with_id = {**expected, "ai-o11y-request-id": "iad1::abc-123"}
    assert [o11y(r.headers) for r in server.requests] == [with_id] * 4 + [expected]


@pytest.mark.usefixtures("vercel_env")
async def test_metadata_calls_send_no_observability_headers(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route("/v1/credits", json_reply({"balance": "1", "total_used": "0"}), method="GET")

    with vercel_request_context({"x-vercel-id": "r1"}):
        await provider.get_credits()

    assert o11y(server.requests[0].headers) == {}


async def test_environment_is_read_when_the_model_is_created(
    server: LoopbackServer, provider: GatewayProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.route("/v4/ai/language-model", json_reply(OK))
    monkeypatch.setenv("VERCEL_REGION", "fra1")
    model = provider("openai/gpt-5")
    monkeypatch.setenv("VERCEL_REGION", "sfo1")

    await model.do_generate(OPTIONS)
    await provider("openai/gpt-5").do_generate(OPTIONS)

    assert [o11y(r.headers) for r in server.requests] == [
        {"ai-o11y-region": "fra1"},
        {"ai-o11y-region": "sfo1"},
    ]


async def test_empty_environment_values_are_left_out(
    server: LoopbackServer, provider: GatewayProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.route("/v4/ai/language-model", json_reply(OK))
    monkeypatch.setenv("VERCEL_ENV", "")

    with vercel_request_context({"x-vercel-id": ""}):
        await provider("openai/gpt-5").do_generate(OPTIONS)

    assert o11y(sent_headers(server.requests[0])) == {}


async def test_request_context_is_per_task() -> None:
    seen: dict[str, Any] = {}

    async def handler(name: str) -> None:
        with vercel_request_context({"x-vercel-id": name}):
            await asyncio.sleep(0.01)
            seen[name] = dict(get_vercel_request_headers() or {})

    await asyncio.gather(handler("a"), handler("b"))

    assert seen == {"a": {"x-vercel-id": "a"}, "b": {"x-vercel-id": "b"}}
    assert get_vercel_request_headers() is None


def test_set_and_reset_for_before_and_after_hooks() -> None:
    token = set_vercel_request_headers([("X-Vercel-Id", "r2")])
    assert get_vercel_request_headers() == {"x-vercel-id": "r2"}
    reset_vercel_request_headers(token)
    assert get_vercel_request_headers() is None


async def test_asgi_middleware_exposes_the_request_headers() -> None:
    seen: list[object] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(get_vercel_request_headers())

    middleware = VercelRequestContextMiddleware(app)
    http_scope = {"type": "http", "headers": [(b"x-vercel-id", b"iad1::r3"), (b"Host", b"x")]}

    async def receive() -> Any:
        return {}

    async def send(message: Any) -> None:
        return None

    await middleware(http_scope, receive, send)
    await middleware({"type": "lifespan"}, receive, send)

    assert seen == [{"x-vercel-id": "iad1::r3", "host": "x"}, None]
