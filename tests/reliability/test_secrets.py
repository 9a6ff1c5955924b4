"""API keys never appear in errors, reprs or logs.

Every test of this folder runs under the ``secret_guard`` fixture (conftest.py): all SDK errors
created during the test and every log record (DEBUG included, httpx and httpcore too) are searched
for the key. The tests here add the faults most likely to leak one: authentication failures, a
key that is sent as a header and echoed back in response headers, keys from functions, and the
repr of every provider and model.
"""

from __future__ import annotations

import httpx
import pytest

from ai_sdk import embed_many, generate_text, stream_text
from ai_sdk.provider import AISDKError, APICallError, RetryError
from ai_sdk_gateway import create_gateway
from tests.reliability._helpers import CHAT, EMBEDDINGS, SECRET, closed_port, text_events
from tests.reliability.conftest import ProviderFactory, SecretGuard
from tests.servers import LoopbackServer, json_reply, sse_reply


def assert_clean(*objects: object) -> None:
    for obj in objects:
        assert SECRET not in repr(obj)
        assert SECRET not in str(obj)


async def test_reprs_of_providers_and_models_hide_the_key(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    provider = make_provider()
    keyed_by_function = make_provider(api_key=lambda: SECRET)
    gateway = create_gateway(api_key=SECRET, base_url=f"{server.url}/v4/ai")
    try:
        assert_clean(
            provider,
            keyed_by_function,
            provider("chat"),
            provider.completion_model("completion"),
            provider.embedding_model("embedder"),
            provider.image_model("painter"),
            provider._config,  # pyright: ignore[reportPrivateUsage]
            gateway,
            gateway("openai/gpt-5"),
            gateway.embedding_model("openai/text-embedding-3-small"),
            gateway.image_model("openai/dall-e-3"),
        )
        assert "api_key=<set>" in repr(gateway)
    finally:
        await gateway.aclose()


async def test_the_key_is_sent_but_not_kept_by_errors_of_a_401(
    server: LoopbackServer, make_provider: ProviderFactory, secret_guard: SecretGuard
) -> None:
    server.route(
        CHAT,
        json_reply(
            {"error": {"message": "Incorrect API key provided", "type": "invalid_api_key"}},
            401,
            {"www-authenticate": "Bearer"},
        ),
    )
    with pytest.raises(APICallError) as caught:
        await generate_text(model=make_provider()("test-model"), prompt="hi")
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"
    assert (caught.value.status_code, str(caught.value)) == (401, "Incorrect API key provided")
    assert_clean(caught.value, vars(caught.value))
    assert secret_guard.created >= 1


async def test_gateway_authentication_errors_hide_the_key(server: LoopbackServer) -> None:
    server.route(
        "/v4/ai/language-model",
        json_reply({"error": {"message": "Invalid API key", "type": "authentication_error"}}, 401),
    )
    gateway = create_gateway(api_key=SECRET, base_url=f"{server.url}/v4/ai")
    try:
        with pytest.raises(AISDKError) as caught:
            await generate_text(model=gateway("openai/gpt-5"), prompt="hi")
        result = stream_text(model=gateway("openai/gpt-5"), prompt="hi", raise_on_error=False)
        await result.consume_stream()
    finally:
        await gateway.aclose()
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"
    assert_clean(caught.value, vars(caught.value))


async def test_errors_of_every_kind_hide_the_key(
    server: LoopbackServer, make_provider: ProviderFactory, secret_guard: SecretGuard
) -> None:
    """One call per fault family, with the key given as a value and by a function."""
    caught: list[BaseException] = []

    async def attempt(call) -> None:
        try:
            await call()
        except Exception as error:
            caught.append(error)

    for api_key in (SECRET, lambda: SECRET):
        provider = make_provider(api_key=api_key, timeout=httpx.Timeout(1.0, read=0.1))
        model = provider("test-model")
        server.route(
            CHAT, json_reply({"error": {"message": "overloaded"}}, 503, {"retry-after-ms": "1"})
        )
        await attempt(lambda: generate_text(model=model, prompt="hi", max_retries=1))  # noqa: B023
        server.route(CHAT, json_reply("not an object"))
        await attempt(lambda: generate_text(model=model, prompt="hi"))  # noqa: B023
        server.route(CHAT, sse_reply(text_events("a", "b"), disconnect_after=1))
        await attempt(lambda: stream_text(model=model, prompt="hi").text)  # noqa: B023
        server.route(EMBEDDINGS, json_reply({"data": []}))
        await attempt(
            lambda: embed_many(model=provider.embedding_model("e"), values=["x"])  # noqa: B023
        )
        dead = make_provider(api_key=api_key, base_url=f"http://127.0.0.1:{closed_port()}/v1")
        await attempt(lambda: generate_text(model=dead("m"), prompt="hi", max_retries=0))  # noqa: B023

    assert [type(e).__name__ for e in caught] == [
        "RetryError",
        "APICallError",
        "APICallError",
        "APICallError",
        "APICallError",
    ] * 2
    assert isinstance(caught[0], RetryError)
    for error in caught:
        assert_clean(error, vars(error), error.__cause__)
    assert all(r.headers["authorization"] == f"Bearer {SECRET}" for r in server.requests)
    assert secret_guard.created >= len(caught)


def test_the_guard_catches_a_leak(secret_guard: SecretGuard) -> None:
    in_cause = APICallError("harmless message", url="http://x", cause=ValueError(SECRET))
    in_field = APICallError("clean", url="http://x", request_body_values={"k": SECRET})
    secret_guard.finish()
    assert [leak.split(":")[0] for leak in secret_guard.leaks] == ["APICallError"] * 2
    assert SECRET in repr(in_cause.cause)
    assert SECRET in repr(in_field.request_body_values)
    secret_guard.leaks.clear()  # planted on purpose
