"""GeneratedFile (lazy bytes/base64, read-only, equality) and MockImageModel."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ai_sdk._files import GeneratedFile
from ai_sdk.provider import ImageCallOptions, ImageModel, ImageResponseInfo, ImageResult
from ai_sdk.testing._image import MockImageModel
from tests.core.generate_image._images import PNG, PNG_B64


def test_a_file_from_bytes_and_one_from_base64_are_equal() -> None:
    from_bytes = GeneratedFile(data=PNG, media_type="image/png")
    from_text = GeneratedFile(data=PNG_B64, media_type="image/png")
    assert from_bytes == from_text
    assert hash(from_bytes) == hash(from_text)
    assert (from_bytes.base64, from_text.data) == (PNG_B64, PNG)
    assert from_bytes != GeneratedFile(data=PNG, media_type="image/jpeg")


def test_url_safe_base64_and_bytearrays_are_accepted() -> None:
    data = bytes([0xFB, 0xFF, 0xFE])
    assert GeneratedFile(data="-__-", media_type="x/y").data == data
    assert GeneratedFile(data=bytearray(data), media_type="x/y").base64 == "+//+"


def test_files_are_read_only_and_repr_shows_size_not_content() -> None:
    file = GeneratedFile(data=PNG, media_type="image/png")
    with pytest.raises(AttributeError, match="read-only"):
        file.media_type = "image/gif"  # type: ignore[misc]
    assert repr(file) == f"GeneratedFile(media_type='image/png', {len(PNG)} bytes)"


async def test_mock_image_model_scripts_and_records() -> None:
    response = ImageResponseInfo(timestamp=datetime.now(UTC), model_id="m")
    answer = ImageResult(images=[PNG_B64], response=response)
    model = MockImageModel(do_generate=[answer, RuntimeError("second")])
    assert isinstance(model, ImageModel)
    assert (model.provider, model.model_id, model.max_images_per_call) == (
        "mock-provider",
        "mock-model-id",
        1,
    )
    options = ImageCallOptions(prompt="p")
    assert await model.do_generate(options) == answer
    with pytest.raises(RuntimeError, match="second"):
        await model.do_generate(options)
    assert model.calls == [options, options]
    with pytest.raises(NotImplementedError, match="pass do_generate="):
        await MockImageModel().do_generate(options)
