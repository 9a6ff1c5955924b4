"""Failed calls -> `APICallError` with the server's own message, whatever shape its body has."""

from __future__ import annotations

import json
import socket
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from ai_sdk.provider import APICallError, EmbeddingCallOptions, ImageCallOptions
from ai_sdk_openai_compatible import (
    ErrorStructure,
    OpenAICompatibleErrorData,
    OpenAICompatibleErrorDetail,
    OpenAICompatibleProvider,
    create_openai_compatible,
)
from tests.openai_compatible._helpers import CHAT, EMBEDDINGS, options
from tests.openai_compatible.conftest import ProviderFactory
from tests.servers import LoopbackServer, Reply, json_reply


def text_reply(status: int, text: str, content_type: str = "text/plain") -> Reply:
    return Reply(status=status, headers={"content-type": content_type}, body=text.encode())


async def failure(provider: OpenAICompatibleProvider) -> APICallError:
    with pytest.raises(APICallError) as caught:
        await provider("test-model").do_generate(options())
    return caught.value


async def test_openai_error_body(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    body = {
        "error": {
            "message": "This model's maximum context length is 512 tokens.",
            "type": "invalid_request_error",
            "param": "messages",
            "code": "context_length_exceeded",
        }
    }
    server.route(CHAT, json_reply(body, status=400))

    error = await failure(provider)

    assert error.message == "This model's maximum context length is 512 tokens."
    assert error.status_code == 400
    assert error.is_retryable is False
    assert error.url == f"{server.url}/v1/chat/completions"
    assert error.response_body == json.dumps(body)
    assert error.request_body_values == {
        "model": "test-model",
        "messages": [{"role": "user", "content": "Hello"}],
    }
    assert error.data == OpenAICompatibleErrorData(
        error=OpenAICompatibleErrorDetail(
            message="This model's maximum context length is 512 tokens.",
            type="invalid_request_error",
            param="messages",
            code="context_length_exceeded",
        )
    )
    assert "authorization" not in str(vars(error)).lower()


@pytest.mark.parametrize(
    ("status", "reply", "message", "data"),
    [
        (
            401,
            json_reply({"detail": "Invalid API key"}, 401),
            "Invalid API key",
            {"detail": "Invalid API key"},
        ),
        (
            422,
            json_reply(
                {
                    "detail": [
                        {"loc": ["body", "messages"], "msg": "Field required", "type": "missing"}
                    ]
                },
                422,
            ),
            "body.messages: Field required",
            None,
        ),
        (
            404,
            json_reply({"error": "model 'llama9' not found"}, 404),
            "model 'llama9' not found",
            None,
        ),
        (500, json_reply({"message": "boom"}, 500), "boom", None),
        (502, text_reply(502, "upstream connect error\n"), "upstream connect error", None),
        (
            503,
            text_reply(
                503,
                "<html><head><title>503 Service Temporarily Unavailable</title></head>"
                "<body><h1>503</h1></body></html>",
                "text/html",
            ),
            "503 Service Temporarily Unavailable",
            None,
        ),
        (
            504,
            text_reply(
                504, "<!DOCTYPE html><body><p>Gateway &amp; proxy timed out</p></body>", "text/html"
            ),
            "Gateway & proxy timed out",
            None,
        ),
        (500, text_reply(500, ""), "Internal Server Error", None),
        (429, json_reply({"unexpected": 1}, 429), "Too Many Requests", {"unexpected": 1}),
        (400, json_reply(["not", "an", "object"], 400), "Bad Request", None),
    ],
)
async def test_non_conforming_bodies(
    server: LoopbackServer,
    provider: OpenAICompatibleProvider,
    status: int,
    reply: Reply,
    message: str,
    data: Any,
) -> None:
    server.route(CHAT, reply)

    error = await failure(provider)

    assert (error.status_code, error.message) == (status, message)
    assert error.response_body == reply.body.decode()
    assert error.is_retryable == (status in (408, 409, 429) or status >= 500)
    if data is not None:
        assert error.data == data


async def test_empty_error_message(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    body = {"error": {"message": "", "type": "internal_server_error", "param": None, "code": None}}
    server.route(CHAT, json_reply(body, status=500))

    error = await failure(provider)

    assert error.message == (
        "Internal Server Error (the server sent an empty error message of type "
        "internal_server_error)"
    )
    assert isinstance(error.data, OpenAICompatibleErrorData)


async def test_long_text_bodies_are_shortened(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(CHAT, text_reply(500, "x" * 1500))

    error = await failure(provider)

    assert error.message == "x" * 1000 + "... (500 more characters)"
    assert error.response_body == "x" * 1500


class _MyError(BaseModel):
    code: int
    msg: str


async def test_custom_error_structure(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    seen: list[tuple[int, Any]] = []

    def retryable(response: httpx.Response, error: _MyError | None) -> bool:
        seen.append((response.status_code, error))
        return error is not None and error.code == 7

    provider = make_provider(
        error_structure=ErrorStructure(
            error_schema=_MyError,
            error_to_message=lambda e: f"[{e.code}] {e.msg}",
            is_retryable=retryable,
        )
    )
    server.route(
        EMBEDDINGS,
        json_reply({"code": 7, "msg": "busy"}, 400),
        json_reply({"detail": "other shape"}, 400),
    )

    with pytest.raises(APICallError) as first:
        await provider.embedding_model("e").do_embed(EmbeddingCallOptions(values=["a"]))
    with pytest.raises(APICallError) as second:
        await provider.embedding_model("e").do_embed(EmbeddingCallOptions(values=["a"]))

    assert (first.value.message, first.value.is_retryable, first.value.data) == (
        "[7] busy",
        True,
        _MyError(code=7, msg="busy"),
    )
    assert (second.value.message, second.value.is_retryable) == ("other shape", False)
    assert seen == [(400, _MyError(code=7, msg="busy")), (400, None)]


@pytest.mark.parametrize("kind", ["chat", "stream", "completion", "embedding", "image"])
async def test_every_model_uses_the_handler(
    server: LoopbackServer, provider: OpenAICompatibleProvider, kind: str
) -> None:
    for path in (
        "/v1/chat/completions",
        "/v1/completions",
        "/v1/embeddings",
        "/v1/images/generations",
    ):
        server.route(path, json_reply({"detail": "Invalid API key"}, 401))

    with pytest.raises(APICallError, match=r"^Invalid API key$") as caught:
        if kind == "chat":
            await provider("m").do_generate(options())
        elif kind == "stream":
            await provider("m").do_stream(options())
        elif kind == "completion":
            await provider.completion_model("m").do_generate(options())
        elif kind == "embedding":
            await provider.embedding_model("m").do_embed(EmbeddingCallOptions(values=["a"]))
        else:
            await provider.image_model("m").do_generate(ImageCallOptions(prompt="p"))

    assert caught.value.status_code == 401


async def test_unreachable_server_is_retryable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = create_openai_compatible(name="down", base_url=f"http://127.0.0.1:{port}/v1")

    async with provider:
        error = await failure(provider)

    assert error.is_retryable
    assert error.message.startswith("Cannot connect to API")
    assert error.status_code is None
