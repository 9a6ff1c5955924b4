"""wrap_language_model / wrap_embedding_model / wrap_image_model: order, overrides, hooks."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Literal

from ai_sdk.middleware import (
    EmbeddingModelMiddleware,
    ImageModelMiddleware,
    LanguageModelMiddleware,
    default_embedding_settings_middleware,
    wrap_embedding_model,
    wrap_image_model,
    wrap_language_model,
)
from ai_sdk.provider import (
    CallOptions,
    EmbeddingCallOptions,
    EmbeddingModel,
    EmbeddingResult,
    GenerateResult,
    ImageCallOptions,
    ImageModel,
    ImageResponseInfo,
    ImageResult,
    LanguageModel,
    StreamResult,
    TextContent,
)
from ai_sdk.testing._embedding import MockEmbeddingModel
from ai_sdk.testing._image import MockImageModel
from tests.core.middleware._fake import OPTIONS, STOP, FakeModel, collect, text_parts


def recording(name: str, log: list[str]) -> LanguageModelMiddleware:
    """A middleware that logs when each of its hooks runs and tags the result text."""

    async def transform_params(
        *, type: Literal["generate", "stream"], params: CallOptions, model: LanguageModel
    ) -> CallOptions:
        log.append(f"{name}.transform({type})")
        stops = [*(params.stop_sequences or []), name]
        return params.model_copy(update={"stop_sequences": stops})

    async def wrap_generate(
        *,
        do_generate: Callable[[], Awaitable[GenerateResult]],
        do_stream: Callable[[], Awaitable[StreamResult]],
        params: CallOptions,
        model: LanguageModel,
    ) -> GenerateResult:
        log.append(f"{name}.before")
        result = await do_generate()
        log.append(f"{name}.after")
        text = result.content[0]
        assert isinstance(text, TextContent)
        return result.model_copy(update={"content": [TextContent(text=f"{text.text}<{name}")]})

    return LanguageModelMiddleware(transform_params=transform_params, wrap_generate=wrap_generate)


async def test_the_first_middleware_is_the_outermost() -> None:
    log: list[str] = []
    base = FakeModel()
    model = wrap_language_model(model=base, middleware=[recording("a", log), recording("b", log)])
    result = await model.do_generate(OPTIONS)
    assert log == ["a.transform(generate)", "a.before", "b.transform(generate)", "b.before",
                   "b.after", "a.after"]  # fmt: skip
    # The outer middleware transforms first, so the model sees a's change before b's.
    assert base.generate_calls[0].stop_sequences == ["a", "b"]
    assert result.content == [TextContent(text="ok<b<a")]


async def test_a_middleware_without_wrap_hooks_transforms_both_calls() -> None:
    log: list[str] = []
    base = FakeModel(parts=text_parts("x"))
    model = wrap_language_model(
        model=base,
        middleware=LanguageModelMiddleware(transform_params=recording("t", log).transform_params),
    )
    await model.do_generate(OPTIONS)
    parts = await collect(await model.do_stream(OPTIONS))
    assert log == ["t.transform(generate)", "t.transform(stream)"]
    assert base.stream_calls[0].stop_sequences == ["t"]
    assert parts == text_parts("x")


async def test_wrap_stream_can_answer_from_do_generate() -> None:
    async def from_generate(
        *,
        do_generate: Callable[[], Awaitable[GenerateResult]],
        do_stream: Callable[[], Awaitable[StreamResult]],
        params: CallOptions,
        model: LanguageModel,
    ) -> StreamResult:
        result = await do_generate()
        text = result.content[0]
        assert isinstance(text, TextContent)

        async def one() -> object:
            yield text_parts(text.text)[1]

        return StreamResult(stream=one())  # type: ignore[arg-type]

    base = FakeModel()
    model = wrap_language_model(
        model=base, middleware=LanguageModelMiddleware(wrap_stream=from_generate)
    )
    parts = await collect(await model.do_stream(OPTIONS))
    assert parts == [text_parts("ok")[1]]
    assert (len(base.generate_calls), len(base.stream_calls)) == (1, 0)


def test_identity_comes_from_the_arguments_then_the_middleware_then_the_model() -> None:
    urls: Mapping[str, Sequence[re.Pattern[str]]] = {"image/*": [re.compile(r"^https://")]}
    middleware = LanguageModelMiddleware(
        override_provider=lambda *, model: f"mw-{model.provider}",
        override_model_id=lambda *, model: f"mw-{model.model_id}",
        override_supported_urls=lambda *, model: urls,
    )
    base = FakeModel()
    plain = wrap_language_model(model=base, middleware=[])
    overridden = wrap_language_model(model=base, middleware=middleware)
    named = wrap_language_model(
        model=base, middleware=middleware, model_id="mine", provider_id="me"
    )
    assert plain is base
    assert isinstance(overridden, LanguageModel)
    assert (overridden.provider, overridden.model_id, overridden.supported_urls) == (
        "mw-fake",
        "mw-fake-1",
        urls,
    )
    assert (named.provider, named.model_id, named.specification_version) == ("me", "mine", "v4")


async def test_wrap_embedding_model_runs_hooks_outermost_first() -> None:
    log: list[str] = []

    def tagging(name: str) -> EmbeddingModelMiddleware:
        async def transform_params(
            *, params: EmbeddingCallOptions, model: EmbeddingModel
        ) -> EmbeddingCallOptions:
            log.append(f"{name}.transform")
            return params.model_copy(update={"values": [v + name for v in params.values]})

        async def wrap_embed(
            *,
            do_embed: Callable[[], Awaitable[EmbeddingResult]],
            params: EmbeddingCallOptions,
            model: EmbeddingModel,
        ) -> EmbeddingResult:
            result = await do_embed()
            log.append(f"{name}.after")
            return result.model_copy(
                update={"embeddings": [[*e, float(len(name))] for e in result.embeddings]}
            )

        return EmbeddingModelMiddleware(transform_params=transform_params, wrap_embed=wrap_embed)

    base = MockEmbeddingModel(do_embed=EmbeddingResult(embeddings=[[0.0]]))
    model = wrap_embedding_model(model=base, middleware=[tagging("a"), tagging("bb")])
    result = await model.do_embed(EmbeddingCallOptions(values=["v"]))
    assert log == ["a.transform", "bb.transform", "bb.after", "a.after"]
    assert base.calls[0].values == ["vabb"]
    assert result.embeddings == [[0.0, 2.0, 1.0]]


def test_wrap_embedding_model_overrides_batching_and_identity() -> None:
    base = MockEmbeddingModel(max_embeddings_per_call=1, supports_parallel_calls=False)
    model = wrap_embedding_model(
        model=base,
        middleware=EmbeddingModelMiddleware(
            override_max_embeddings_per_call=lambda *, model: 64,
            override_supports_parallel_calls=lambda *, model: True,
            override_model_id=lambda *, model: "renamed",
        ),
        provider_id="custom",
    )
    assert isinstance(model, EmbeddingModel)
    assert (model.provider, model.model_id) == ("custom", "renamed")
    assert (model.max_embeddings_per_call, model.supports_parallel_calls) == (64, True)


async def test_default_embedding_settings_merge_under_the_call() -> None:
    base = MockEmbeddingModel(do_embed=EmbeddingResult(embeddings=[[1.0]]))
    model = wrap_embedding_model(
        model=base,
        middleware=default_embedding_settings_middleware(
            headers={"x-default": "1", "x-both": "default"},
            provider_options={"p": {"dims": 8, "nested": {"a": 1}}},
        ),
    )
    await model.do_embed(
        EmbeddingCallOptions(
            values=["v"],
            headers={"x-both": "call"},
            provider_options={"p": {"nested": {"b": 2}}},
        )
    )
    assert base.calls[0] == EmbeddingCallOptions(
        values=["v"],
        headers={"x-default": "1", "x-both": "call"},
        provider_options={"p": {"dims": 8, "nested": {"a": 1, "b": 2}}},
    )


async def test_wrap_image_model_transforms_wraps_and_overrides() -> None:
    response = ImageResponseInfo(timestamp=datetime.now(UTC), model_id="m")
    base = MockImageModel(
        max_images_per_call=1, do_generate=ImageResult(images=["aGk="], response=response)
    )

    async def transform_params(*, params: ImageCallOptions, model: ImageModel) -> ImageCallOptions:
        return params.model_copy(update={"size": "256x256"})

    async def wrap_generate(
        *,
        do_generate: Callable[[], Awaitable[ImageResult]],
        params: ImageCallOptions,
        model: ImageModel,
    ) -> ImageResult:
        result = await do_generate()
        return result.model_copy(update={"images": [*result.images, "Ynll"]})

    model = wrap_image_model(
        model=base,
        middleware=ImageModelMiddleware(
            transform_params=transform_params,
            wrap_generate=wrap_generate,
            override_max_images_per_call=lambda *, model: 4,
        ),
        model_id="wrapped",
    )
    assert isinstance(model, ImageModel)
    assert (model.provider, model.model_id, model.max_images_per_call) == (
        "mock-provider",
        "wrapped",
        4,
    )
    result = await model.do_generate(ImageCallOptions(prompt="p"))
    assert result.images == ["aGk=", "Ynll"]
    assert base.calls == [ImageCallOptions(prompt="p", size="256x256")]


async def test_a_stream_wrapped_without_stream_hooks_is_the_models_own() -> None:
    base = FakeModel(parts=text_parts("a", "b"))
    model = wrap_language_model(model=base, middleware=LanguageModelMiddleware())
    assert await collect(await model.do_stream(OPTIONS)) == text_parts("a", "b")
    result = await model.do_generate(OPTIONS)
    assert result.finish_reason == STOP
