"""The provider object: model kinds, auth, headers, URLs, its HTTP client, and what repr shows."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest

from ai_sdk import generate_text_sync
from ai_sdk.provider import (
    EmbeddingModel,
    ImageModel,
    InvalidArgumentError,
    LanguageModel,
    Provider,
)
from ai_sdk_openai_compatible import (
    OpenAICompatibleChatLanguageModel,
    OpenAICompatibleCompletionLanguageModel,
    OpenAICompatibleEmbeddingModel,
    OpenAICompatibleImageModel,
    OpenAICompatibleProvider,
    create_openai_compatible,
)
from tests.openai_compatible._helpers import CHAT, chat_completion, options
from tests.openai_compatible.conftest import ProviderFactory
from tests.servers import LoopbackServer, json_reply

SECRET = "sk-very-secret-key"


@pytest.fixture(autouse=True)
def _reply(server: LoopbackServer) -> None:
    server.route(CHAT, json_reply(chat_completion({"role": "assistant", "content": "ok"})))


def test_model_kinds(provider: OpenAICompatibleProvider) -> None:
    chat = provider("m1")
    models: list[Any] = [
        chat,
        provider.chat_model("m1"),
        provider.language_model("m1"),
        provider.completion_model("m2"),
        provider.embedding_model("m3"),
        provider.text_embedding_model("m3"),
        provider.image_model("m4"),
    ]

    assert [(type(m).__name__, m.provider, m.model_id) for m in models] == [
        ("OpenAICompatibleChatLanguageModel", "test-provider.chat", "m1"),
        ("OpenAICompatibleChatLanguageModel", "test-provider.chat", "m1"),
        ("OpenAICompatibleChatLanguageModel", "test-provider.chat", "m1"),
        ("OpenAICompatibleCompletionLanguageModel", "test-provider.completion", "m2"),
        ("OpenAICompatibleEmbeddingModel", "test-provider.embedding", "m3"),
        ("OpenAICompatibleEmbeddingModel", "test-provider.embedding", "m3"),
        ("OpenAICompatibleImageModel", "test-provider.image", "m4"),
    ]
    assert isinstance(provider, Provider)
    assert isinstance(chat, LanguageModel)
    assert isinstance(provider.completion_model("m"), LanguageModel)
    assert isinstance(provider.embedding_model("m"), EmbeddingModel)
    assert isinstance(provider.image_model("m"), ImageModel)
    assert (chat.specification_version, provider.specification_version) == ("v4", "v4")
    assert (chat.supported_urls, chat.supports_structured_outputs) == ({}, False)
    assert provider.completion_model("m").supported_urls == {}
    assert (provider.name, provider.base_url) == ("test-provider", provider.base_url)


def test_repr_never_shows_the_key(server: LoopbackServer) -> None:
    provider = create_openai_compatible(name="p", base_url=f"{server.url}/v1/", api_key=SECRET)

    shown = [
        repr(provider),
        repr(provider("m")),
        repr(provider.completion_model("m")),
        repr(provider.embedding_model("m")),
        repr(provider.image_model("m")),
        repr(provider._config),  # pyright: ignore[reportPrivateUsage]
    ]

    assert shown == [
        f"OpenAICompatibleProvider(name='p', base_url='{server.url}/v1')",
        "OpenAICompatibleChatLanguageModel(provider='p.chat', model_id='m')",
        "OpenAICompatibleCompletionLanguageModel(provider='p.completion', model_id='m')",
        "OpenAICompatibleEmbeddingModel(provider='p.embedding', model_id='m')",
        "OpenAICompatibleImageModel(provider='p.image', model_id='m')",
        f"ProviderConfig(name='p', base_url='{server.url}/v1')",
    ]
    assert all(SECRET not in text for text in shown)


@pytest.mark.parametrize(
    ("api_key", "expected"),
    [
        ("k1", "Bearer k1"),
        (lambda: "k2", "Bearer k2"),
        (None, None),
        ("", None),
        (lambda: None, None),
    ],
)
async def test_api_key_forms(
    server: LoopbackServer, make_provider: ProviderFactory, api_key: Any, expected: str | None
) -> None:
    await make_provider(api_key=api_key)("m").do_generate(options())

    assert server.requests[-1].headers.get("authorization") == expected


async def test_async_api_key_is_fetched_per_request(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    tokens = iter(["t1", "t2"])

    async def fetch_token() -> str:
        await asyncio.sleep(0)
        return next(tokens)

    provider = make_provider(api_key=fetch_token)
    await provider("m").do_generate(options())
    await provider("m").do_generate(options())

    assert [r.headers["authorization"] for r in server.requests] == ["Bearer t1", "Bearer t2"]


async def test_headers_override_and_remove(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    provider = make_provider(headers={"Authorization": "Token custom", "X-App": "demo"})
    await provider("m").do_generate(options())
    await provider("m").do_generate(options(headers={"authorization": None}))

    first, second = server.requests
    assert (first.headers["authorization"], first.headers["x-app"]) == ("Token custom", "demo")
    assert "authorization" not in second.headers


@pytest.mark.parametrize(
    ("base_path", "query_params", "target"),
    [
        ("/v1", {"api-version": "2024-10-21"}, "/v1/chat/completions?api-version=2024-10-21"),
        ("/v1/?key=a&keep=1", {"key": "b"}, "/v1/chat/completions?keep=1&key=b"),
        ("/openai/deployments/x", None, "/openai/deployments/x/chat/completions"),
    ],
)
async def test_urls(
    server: LoopbackServer,
    make_provider: ProviderFactory,
    base_path: str,
    query_params: dict[str, str] | None,
    target: str,
) -> None:
    server.route(target.partition("?")[0], json_reply(chat_completion()))
    provider = make_provider(base_url=f"{server.url}{base_path}", query_params=query_params)

    await provider("m").do_generate(options())

    assert server.requests[-1].target == target


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"name": "", "base_url": "http://x/v1"}, "non-empty name"),
        ({"name": "p", "base_url": "localhost:8080/v1"}, "base_url must be an http"),
        ({"name": "p", "base_url": ""}, "base_url must be an http"),
    ],
)
def test_invalid_settings(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        create_openai_compatible(**settings)


async def test_user_client_is_used_and_left_open(server: LoopbackServer) -> None:
    seen: list[str] = []

    async def record(request: httpx.Request) -> None:
        seen.append(str(request.url))

    async with httpx.AsyncClient(event_hooks={"request": [record]}) as client:
        provider = create_openai_compatible(
            name="p", base_url=f"{server.url}/v1", http_client=client, timeout=5
        )
        async with provider:
            await provider("m").do_generate(options())
        assert not client.is_closed
        assert seen == [f"{server.url}/v1/chat/completions"]


async def test_owned_client_is_shared_and_closed(server: LoopbackServer) -> None:
    provider = create_openai_compatible(name="p", base_url=f"{server.url}/v1")
    async with provider:
        await provider("a").do_generate(options())
        await provider("b").do_generate(options())
        client = provider._config.http.get()  # pyright: ignore[reportPrivateUsage]
        assert server.connections_opened == 1  # one pooled connection for both calls
    assert client.is_closed


def test_close_after_a_sync_call_closes_the_owned_client(server: LoopbackServer) -> None:
    with create_openai_compatible(name="p", base_url=f"{server.url}/v1") as provider:
        result = generate_text_sync(model=provider("m"), prompt="Hi")
        open_before_close = server.open_connections

    assert (result.text, open_before_close, server.wait_for_open_connections()) == ("ok", 1, 0)
    provider.close()  # idempotent
    assert generate_text_sync(model=provider("m"), prompt="Hi").text == "ok"  # a new client
    provider.close()
    assert server.wait_for_open_connections() == 0


async def test_close_inside_a_running_loop_closes_once_the_loop_runs(
    server: LoopbackServer,
) -> None:
    provider = create_openai_compatible(name="p", base_url=f"{server.url}/v1")
    await provider("m").do_generate(options())
    await asyncio.to_thread(lambda: generate_text_sync(model=provider("m"), prompt="Hi"))
    open_before_close = server.open_connections

    provider.close()  # returns at once: this loop's client can only be closed on this loop

    assert (open_before_close, await asyncio.to_thread(server.wait_for_open_connections)) == (2, 0)


def test_usable_from_several_event_loops(server: LoopbackServer) -> None:
    """Sync wrappers run calls on their own loop: a provider must work from any loop."""
    provider = create_openai_compatible(name="p", base_url=f"{server.url}/v1")
    results: list[str] = []

    async def call() -> None:
        result = await provider("m").do_generate(options())
        results.append(result.content[0].type)

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        asyncio.run_coroutine_threadsafe(call(), loop).result(timeout=10)

        async def main() -> None:
            await call()
            await provider.aclose()  # also closes the other loop's client, on that loop

        asyncio.run(main())
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
        loop.close()

    assert results == ["text", "text"]
    assert server.connections_opened == 2


async def test_model_classes_are_exported(provider: OpenAICompatibleProvider) -> None:
    assert isinstance(provider("m"), OpenAICompatibleChatLanguageModel)
    assert isinstance(provider.completion_model("m"), OpenAICompatibleCompletionLanguageModel)
    assert isinstance(provider.embedding_model("m"), OpenAICompatibleEmbeddingModel)
    assert isinstance(provider.image_model("m"), OpenAICompatibleImageModel)


def test_package_import_is_lazy_and_names_resolve() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ai_sdk_openai_compatible as p\n"
        "print('ai_sdk_openai_compatible._provider' in sys.modules)\n"
        "print(p.create_openai_compatible.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "create_openai_compatible"]
