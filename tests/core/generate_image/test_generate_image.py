"""generate_image: batching by images per call, parallel calls, sniffing, merging, errors, sync."""

from __future__ import annotations

import asyncio
import base64
from datetime import UTC, datetime

import pytest

from ai_sdk._files import GeneratedFile
from ai_sdk._version import __version__
from ai_sdk.generate_image import GenerateImageResult, generate_image, generate_image_sync
from ai_sdk.provider import (
    APICallError,
    ImageCallOptions,
    ImageFileData,
    ImageFileUrl,
    ImageResponseInfo,
    ImageResult,
    ImageUsage,
    InvalidArgumentError,
    JSONObject,
    NoImageGeneratedError,
    OtherWarning,
    ProviderMetadata,
    UnsupportedWarning,
)
from ai_sdk.testing._image import MockImageModel
from tests.core.generate_image._images import (
    GIF,
    JPEG,
    JPEG_B64,
    PNG,
    PNG_B64,
    UNKNOWN,
    WEBP_B64,
)

WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
RESPONSE = ImageResponseInfo(timestamp=WHEN, model_id="mock-model-id")

SDK_AGENT: dict[str, str | None] = {"user-agent": f"ai/{__version__}"}
"""What upstream adds to every generateImage call's headers."""


def numbered(options: ImageCallOptions) -> ImageResult:
    """``n`` distinct PNGs; the byte after the signature counts images across calls."""
    numbered.counter += options.n  # type: ignore[attr-defined]
    start = numbered.counter - options.n  # type: ignore[attr-defined]
    return ImageResult(
        images=[PNG + bytes([start + i]) for i in range(options.n)], response=RESPONSE
    )


@pytest.fixture(autouse=True)
def reset_counter() -> None:
    numbered.counter = 0  # type: ignore[attr-defined]


def result(
    images: list[str] | list[bytes],
    *,
    metadata: ProviderMetadata | None = None,
    usage: ImageUsage | None = None,
) -> ImageResult:
    return ImageResult(images=images, response=RESPONSE, provider_metadata=metadata, usage=usage)


async def test_one_image_as_bytes_and_base64() -> None:
    model = MockImageModel(do_generate=result([PNG_B64]))
    out = await generate_image(model=model, prompt="a cat")
    assert out == GenerateImageResult(
        images=[GeneratedFile(data=PNG, media_type="image/png")],
        warnings=[],
        responses=[RESPONSE],
        provider_metadata={},
        usage=ImageUsage(),
    )
    assert out.image.base64 == PNG_B64
    assert out.image.data == PNG
    assert out.image.uint8_array == PNG
    assert model.calls == [
        ImageCallOptions(prompt="a cat", n=1, provider_options={}, headers=SDK_AGENT)
    ]


async def test_n_images_are_split_into_calls_of_the_models_size() -> None:
    model = MockImageModel(max_images_per_call=2, do_generate=numbered)
    out = await generate_image(model=model, prompt="p", n=5)
    assert [call.n for call in model.calls] == [2, 2, 1]
    assert [image.data[-1] for image in out.images] == [0, 1, 2, 3, 4]
    assert len(out.responses) == 3


async def test_the_argument_overrides_the_models_images_per_call() -> None:
    model = MockImageModel(max_images_per_call=1, do_generate=numbered)
    await generate_image(model=model, prompt="p", n=7, max_images_per_call=3)
    assert [call.n for call in model.calls] == [3, 3, 1]


async def test_a_model_without_a_limit_gets_one_image_per_call() -> None:
    model = MockImageModel(max_images_per_call=None, do_generate=numbered)
    await generate_image(model=model, prompt="p", n=3)
    assert [call.n for call in model.calls] == [1, 1, 1]


async def test_calls_run_in_parallel_and_can_be_bounded() -> None:
    current = peak = 0

    async def slow(options: ImageCallOptions) -> ImageResult:
        nonlocal current, peak
        current += 1
        peak = max(peak, current)
        await asyncio.sleep(0.02)
        current -= 1
        return numbered(options)

    await generate_image(model=MockImageModel(do_generate=slow), prompt="p", n=4)
    assert peak == 4
    peak = 0
    out = await generate_image(
        model=MockImageModel(do_generate=slow), prompt="p", n=5, max_parallel_calls=2
    )
    assert peak == 2
    assert len(out.images) == 5


@pytest.mark.parametrize(
    ("image", "media_type"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (JPEG_B64, "image/jpeg"),
        (WEBP_B64, "image/webp"),
        (GIF, "image/gif"),
        (UNKNOWN, "image/png"),  # unrecognised bytes: the upstream default
    ],
)
async def test_media_types_are_sniffed_from_the_bytes(image: str | bytes, media_type: str) -> None:
    model = MockImageModel(do_generate=ImageResult(images=[image], response=RESPONSE))
    out = await generate_image(model=model, prompt="p")
    assert out.image.media_type == media_type


async def test_no_images_raise_no_image_generated_with_the_responses() -> None:
    model = MockImageModel(max_images_per_call=1, do_generate=result([]))
    with pytest.raises(NoImageGeneratedError) as info:
        await generate_image(model=model, prompt="p", n=2)
    assert info.value.responses == [RESPONSE, RESPONSE]
    assert "returned no images in 2 call(s)" in info.value.message


async def test_each_call_is_retried_on_its_own() -> None:
    seen: list[int] = []

    def flaky(options: ImageCallOptions) -> ImageResult:
        seen.append(len(seen))
        if len(seen) == 2:
            raise APICallError(
                "overloaded", url="u", status_code=529, response_headers={"retry-after-ms": "0"}
            )
        return numbered(options)

    model = MockImageModel(do_generate=flaky)
    out = await generate_image(model=model, prompt="p", n=2, max_parallel_calls=1)
    assert len(model.calls) == 3
    assert len(out.images) == 2


async def test_warnings_usage_and_metadata_are_combined_across_calls() -> None:
    model = MockImageModel(
        do_generate=[
            ImageResult(
                images=[PNG_B64],
                response=RESPONSE,
                warnings=[UnsupportedWarning(feature="seed")],
                usage=ImageUsage(input_tokens=3, total_tokens=3),
                provider_metadata={
                    "vertex": {"images": [{"revisedPrompt": "r1"}], "region": "eu"},
                    "gateway": {"images": [], "routing": {"provider": "vertex"}, "cost": "0.01"},
                },
            ),
            ImageResult(
                images=[PNG_B64],
                response=RESPONSE,
                warnings=[OtherWarning(message="slow")],
                usage=ImageUsage(input_tokens=4, output_tokens=10),
                provider_metadata={
                    "vertex": {"images": [None]},
                    "gateway": {"images": [], "cost": "0.02", "generationId": "g"},
                    "openai": {"images": []},
                },
            ),
        ]
    )
    out = await generate_image(model=model, prompt="p", n=2, max_parallel_calls=1)
    assert out.warnings == [UnsupportedWarning(feature="seed"), OtherWarning(message="slow")]
    assert out.usage == ImageUsage(input_tokens=7, output_tokens=10, total_tokens=3)
    expected: dict[str, JSONObject] = {
        "vertex": {"images": [{"revisedPrompt": "r1"}, None], "region": "eu"},
        # The gateway's empty images list is dropped; other keys merge, later calls winning.
        "gateway": {"routing": {"provider": "vertex"}, "cost": "0.02", "generationId": "g"},
        "openai": {"images": []},
    }
    assert out.provider_metadata == expected


async def test_all_settings_reach_the_model() -> None:
    model = MockImageModel(do_generate=numbered)
    await generate_image(
        model=model,
        prompt="p",
        size="512x512",
        aspect_ratio="16:9",
        seed=7,
        provider_options={"mock": {"style": "vivid"}},
        headers={"x-a": "1"},
    )
    assert model.calls == [
        ImageCallOptions(
            prompt="p",
            n=1,
            size="512x512",
            aspect_ratio="16:9",
            seed=7,
            provider_options={"mock": {"style": "vivid"}},
            headers={"x-a": "1", **SDK_AGENT},  # the SDK's token joins the user-agent
        )
    ]


async def test_input_images_in_every_form_become_image_files() -> None:
    model = MockImageModel(do_generate=numbered)
    data_url = "data:image/webp;base64," + base64.b64encode(PNG).decode()
    await generate_image(
        model=model,
        prompt={
            "text": "make it blue",
            "images": [PNG, JPEG_B64, data_url, "https://example.com/cat.png", UNKNOWN],
            "mask": PNG_B64,
        },
    )
    assert model.calls[0] == ImageCallOptions(
        prompt="make it blue",
        n=1,
        files=[
            ImageFileData(data=PNG, media_type="image/png"),
            ImageFileData(data=JPEG, media_type="image/jpeg"),
            ImageFileData(data=PNG, media_type="image/webp"),  # the data URL's type wins
            ImageFileUrl(url="https://example.com/cat.png"),
            ImageFileData(data=UNKNOWN, media_type="image/png"),
        ],
        mask=ImageFileData(data=PNG, media_type="image/png"),
        provider_options={},
        headers=SDK_AGENT,
    )


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"n": 0}, "n"),
        ({"n": 2.5}, "n"),
        ({"max_images_per_call": -1}, "max_images_per_call"),
        ({"max_images_per_call": 0}, "max_images_per_call"),
        ({"max_parallel_calls": 0}, "max_parallel_calls"),
        ({"max_retries": -1}, "max_retries"),
    ],
)
async def test_invalid_arguments_are_rejected_before_any_call(
    kwargs: dict[str, object], parameter: str
) -> None:
    model = MockImageModel(do_generate=numbered)
    with pytest.raises(InvalidArgumentError) as info:
        await generate_image(model=model, prompt="p", **kwargs)  # type: ignore[arg-type]
    assert info.value.parameter == parameter
    assert model.calls == []


def test_sync_twin() -> None:
    out = generate_image_sync(model=MockImageModel(do_generate=numbered), prompt="p", n=2)
    assert [image.data[-1] for image in out.images] == [0, 1]


async def test_sync_twin_inside_a_running_event_loop() -> None:
    out = generate_image_sync(model=MockImageModel(do_generate=numbered), prompt="p", n=3)
    assert len(out.images) == 3
