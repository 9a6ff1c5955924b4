"""The image model: generation body, base64 and URL responses, edits, warnings."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from ai_sdk.provider import (
    APICallError,
    ImageCallOptions,
    ImageFileData,
    ImageFileUrl,
    ImageResponseInfo,
    ImageResult,
    ImageUsage,
    UnsupportedWarning,
)
from ai_sdk_openai_compatible import OpenAICompatibleImageModel, OpenAICompatibleProvider
from tests.openai_compatible._helpers import IMAGES
from tests.servers import LoopbackServer, Reply, json_reply

PNG = b"\x89PNG\r\n\x1a\nfake-image"
PNG_B64 = base64.b64encode(PNG).decode()
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def image_model(provider: OpenAICompatibleProvider, **settings: Any) -> OpenAICompatibleImageModel:
    model = provider.image_model("painter", **settings)
    model._now = lambda: NOW  # type: ignore[method-assign]  # a fixed clock for whole-object checks
    return model


def png_reply() -> Reply:
    return Reply(headers={"content-type": "image/png"}, body=PNG)


async def test_generate_base64(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    body = {
        "created": 1,
        "data": [{"b64_json": PNG_B64}, {"b64_json": PNG_B64, "revised_prompt": "A cat."}],
        "usage": {"input_tokens": 10, "output_tokens": 20, "total_tokens": 30},
    }
    server.route(IMAGES, json_reply(body, headers={"x-id": "1"}))

    result = await image_model(provider).do_generate(
        ImageCallOptions(
            prompt="a cat",
            n=2,
            size="512x512",
            aspect_ratio="1:1",
            seed=3,
            provider_options={"testProvider": {"quality": "hd", "response_format": "b64_json"}},
        )
    )

    assert server.requests[-1].json() == {
        "model": "painter",
        "prompt": "a cat",
        "n": 2,
        "size": "512x512",
        "quality": "hd",
        "response_format": "b64_json",
    }
    assert result == ImageResult(
        images=[PNG_B64, PNG_B64],
        warnings=[
            UnsupportedWarning(
                feature="aspectRatio",
                details="This model does not support aspect ratio. Use `size` instead.",
            ),
            UnsupportedWarning(feature="seed"),
        ],
        provider_metadata={"testProvider": {"images": [{}, {"revisedPrompt": "A cat."}]}},
        response=ImageResponseInfo(
            timestamp=NOW,
            model_id="painter",
            headers={
                "content-type": "application/json",
                "x-id": "1",
                "content-length": str(len(json.dumps(body))),
            },
        ),
        usage=ImageUsage(input_tokens=10, output_tokens=20, total_tokens=30),
    )


async def test_url_on_the_server_is_downloaded_with_auth(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(IMAGES, json_reply({"data": [{"url": f"{server.url}/files/1.png"}]}))
    server.route("/files/1.png", png_reply(), method="GET")

    result = await image_model(provider).do_generate(ImageCallOptions(prompt="x", n=1))

    assert result.images == [PNG]
    download = server.requests[-1]
    assert (download.method, download.path, download.headers["authorization"]) == (
        "GET",
        "/files/1.png",
        "Bearer test-key",
    )


async def test_url_elsewhere_is_downloaded_without_auth(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    with LoopbackServer() as storage:
        storage.route("/bucket/1.png", png_reply(), method="GET")
        server.route(
            IMAGES,
            json_reply(
                {"data": [{"b64_json": PNG_B64}, {"url": f"{storage.url}/bucket/1.png?sig=abc"}]}
            ),
        )

        result = await image_model(provider).do_generate(ImageCallOptions(prompt="x", n=2))

        assert result.images == [PNG, PNG]
        assert storage.requests[-1].target == "/bucket/1.png?sig=abc"
        assert "authorization" not in storage.requests[-1].headers


async def test_failed_download(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    server.route(IMAGES, json_reply({"data": [{"url": f"{server.url}/gone.png"}]}))

    with pytest.raises(APICallError) as caught:
        await image_model(provider).do_generate(ImageCallOptions(prompt="x", n=1))

    assert (caught.value.status_code, caught.value.url) == (404, f"{server.url}/gone.png")


@pytest.mark.parametrize(
    "body", [{"data": []}, {"nothing": True}, {"data": [{"revised_prompt": "no image"}]}]
)
async def test_response_without_images(
    server: LoopbackServer, provider: OpenAICompatibleProvider, body: Any
) -> None:
    server.route(IMAGES, json_reply(body))

    with pytest.raises(APICallError, match="Invalid image response"):
        await image_model(provider).do_generate(ImageCallOptions(prompt="x", n=1))


async def test_edit_with_files(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    server.route("/v1/images/edits", json_reply({"data": [{"b64_json": PNG_B64}]}))
    server.route("/files/input.png", png_reply(), method="GET")

    result = await image_model(provider).do_generate(
        ImageCallOptions(
            prompt="add a hat",
            n=1,
            size="256x256",
            files=[
                ImageFileData(media_type="image/png", data=PNG),
                ImageFileUrl(url=f"{server.url}/files/input.png"),
            ],
            mask=ImageFileData(media_type="image/png", data=PNG_B64),
            provider_options={"testProvider": {"quality": "low", "extra": {"a": 1}}},
        )
    )

    assert result.images == [PNG_B64]
    request = server.requests[-1]
    assert request.path == "/v1/images/edits"
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=")[1].encode()
    fields: dict[str, list[bytes]] = {}
    for section in request.body.split(b"--" + boundary)[1:-1]:
        head, _, value = section.strip(b"\r\n").partition(b"\r\n\r\n")
        name = head.split(b'name="')[1].split(b'"')[0].decode()
        fields.setdefault(name, []).append(value)
    assert fields == {
        "model": [b"painter"],
        "prompt": [b"add a hat"],
        "n": [b"1"],
        "size": [b"256x256"],
        "quality": [b"low"],
        "extra": [b'{"a":1}'],
        "image[]": [PNG, PNG],
        "mask": [PNG],
    }


async def test_limits_and_names(provider: OpenAICompatibleProvider) -> None:
    assert provider.image_model("p").max_images_per_call == 10
    assert provider.image_model("p", max_images_per_call=None).max_images_per_call is None
    assert provider.image_model("p").provider == "test-provider.image"
