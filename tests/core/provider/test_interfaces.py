"""Model, provider and middleware interfaces: plain classes fit them; the package exports all."""

import re
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import FrozenInstanceError
from typing import Literal

import pytest

import ai_sdk.provider as p
from ai_sdk.provider import _errors


class EchoModel:
    """A minimal language model with no base class."""

    specification_version: Literal["v4"] = "v4"
    provider = "test"
    model_id = "echo"

    @property
    def supported_urls(self) -> Mapping[str, Sequence[re.Pattern[str]]]:
        return {"image/*": [re.compile(r"^https://")]}

    async def do_generate(self, options: p.CallOptions) -> p.GenerateResult:
        text = "".join(
            part.text
            for message in options.prompt
            if isinstance(message, p.UserMessage)
            for part in message.content
            if isinstance(part, p.TextPart)
        )
        return p.GenerateResult(
            content=[p.TextContent(text=text)],
            finish_reason=p.FinishReason(unified="stop"),
            usage=p.Usage(),
        )

    async def do_stream(self, options: p.CallOptions) -> p.StreamResult:
        async def parts() -> AsyncIterator[p.StreamPart]:
            yield p.StreamStart()
            yield p.TextStart(id="0")
            yield p.TextDelta(id="0", delta="hi")
            yield p.TextEnd(id="0")
            yield p.Finish(usage=p.Usage(), finish_reason=p.FinishReason(unified="stop"))

        return p.StreamResult(parts(), response=p.StreamResponseInfo(headers={"a": "b"}))


class EchoEmbedding:
    specification_version: Literal["v4"] = "v4"
    provider = "test"
    model_id = "embed"
    max_embeddings_per_call: int | None = 2
    supports_parallel_calls = True

    async def do_embed(self, options: p.EmbeddingCallOptions) -> p.EmbeddingResult:
        return p.EmbeddingResult(embeddings=[[float(len(v))] for v in options.values])


class EchoImage:
    specification_version: Literal["v4"] = "v4"
    provider = "test"
    model_id = "img"
    max_images_per_call: int | None = 1

    async def do_generate(self, options: p.ImageCallOptions) -> p.ImageResult:
        raise NotImplementedError


class EchoProvider:
    def language_model(self, model_id: str) -> p.LanguageModel:
        return EchoModel()

    def embedding_model(self, model_id: str) -> p.EmbeddingModel:
        return EchoEmbedding()

    def image_model(self, model_id: str) -> p.ImageModel:
        return EchoImage()


def test_plain_classes_satisfy_the_protocols_at_run_time() -> None:
    assert isinstance(EchoModel(), p.LanguageModel)
    assert isinstance(EchoEmbedding(), p.EmbeddingModel)
    assert isinstance(EchoImage(), p.ImageModel)
    assert isinstance(EchoProvider(), p.Provider)
    assert not isinstance(EchoEmbedding(), p.LanguageModel)


async def test_a_language_model_generates_and_streams() -> None:
    model: p.LanguageModel = EchoProvider().language_model("echo")
    options = p.CallOptions(prompt=[p.UserMessage(content=[p.TextPart(text="ping")])])

    result = await model.do_generate(options)
    streamed = await model.do_stream(options)
    parts = [part async for part in streamed.stream]

    assert result.content == [p.TextContent(text="ping")]
    assert [part.type for part in parts] == [
        "stream-start",
        "text-start",
        "text-delta",
        "text-end",
        "finish",
    ]
    assert streamed.response == p.StreamResponseInfo(headers={"a": "b"})
    assert streamed.request is None


def test_stream_result_is_read_only() -> None:
    async def empty() -> AsyncIterator[p.StreamPart]:
        return
        yield

    stream = empty()
    result = p.StreamResult(stream)
    with pytest.raises(FrozenInstanceError):
        result.request = p.RequestInfo(body={})  # type: ignore[misc]


async def test_middleware_holds_optional_keyword_hooks() -> None:
    async def cooler(*, params: p.CallOptions, **_: object) -> p.CallOptions:
        return params.model_copy(update={"temperature": 0.0})

    def rename(*, model: p.LanguageModel) -> str:
        return f"wrapped-{model.model_id}"

    middleware = p.LanguageModelMiddleware(transform_params=cooler, override_model_id=rename)
    assert middleware.transform_params is not None
    assert middleware.override_model_id is not None

    options = await middleware.transform_params(
        type="generate", params=p.CallOptions(prompt=[]), model=EchoModel()
    )

    assert options == p.CallOptions(prompt=[], temperature=0.0)
    assert middleware.override_model_id(model=EchoModel()) == "wrapped-echo"
    assert (middleware.specification_version, middleware.wrap_generate, middleware.wrap_stream) == (
        "v4",
        None,
        None,
    )


def test_package_exports_every_public_name_including_errors() -> None:
    assert set(_errors.__all__) <= set(p.__all__)
    assert "AISDKError" in p.__all__
    assert len(p.__all__) == len(set(p.__all__))
    for name in p.__all__:
        assert getattr(p, name) is not None, name
