"""generate_speech: options, media type sniffing, empty audio, retries, bad input, resolution."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest

from ai_sdk import (
    GeneratedAudioFile,
    GenerateSpeechResult,
    custom_provider,
    generate_speech,
    generate_speech_sync,
)
from ai_sdk._version import __version__
from ai_sdk.provider import (
    APICallError,
    InvalidArgumentError,
    NoSpeechGeneratedError,
    NoSuchModelError,
    OtherWarning,
    SpeechCallOptions,
    SpeechResponseInfo,
    SpeechResult,
)
from ai_sdk.registry import create_provider_registry
from ai_sdk.testing import MockSpeechModel
from tests.core.registry._models import EchoProvider

WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
RESPONSE = SpeechResponseInfo(timestamp=WHEN, model_id="tts-1")
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24
MP3 = b"\xff\xfb\x90\x00" + b"\x00" * 24
OGG = b"OggS" + b"\x00" * 24


def spoken(audio: str | bytes, **kwargs: object) -> SpeechResult:
    return SpeechResult(audio=audio, response=RESPONSE, **kwargs)  # type: ignore[arg-type]


async def test_every_option_reaches_the_model_and_the_result_wraps_the_audio() -> None:
    model = MockSpeechModel(
        do_generate=spoken(
            WAV,
            warnings=[OtherWarning(message="w")],
            provider_metadata={"p": {"chars": 2}},
        )
    )

    result = await generate_speech(
        model=model,
        text="Hi",
        voice="alloy",
        output_format="wav",
        instructions="calm",
        speed=1.5,
        language="en",
        provider_options={"p": {"x": 1}},
        headers={"X-H": "1"},
    )

    assert model.calls == [
        SpeechCallOptions(
            text="Hi",
            voice="alloy",
            output_format="wav",
            instructions="calm",
            speed=1.5,
            language="en",
            provider_options={"p": {"x": 1}},
            headers={"x-h": "1", "user-agent": f"ai/{__version__}"},
        )
    ]
    assert result == GenerateSpeechResult(
        audio=GeneratedAudioFile(data=WAV, media_type="audio/wav"),
        warnings=[OtherWarning(message="w")],
        responses=[RESPONSE],
        provider_metadata={"p": {"chars": 2}},
    )


@pytest.mark.parametrize(
    ("audio", "media_type", "audio_format"),
    [
        (WAV, "audio/wav", "wav"),
        (base64.b64encode(MP3).decode(), "audio/mpeg", "mp3"),
        (OGG, "audio/ogg", "ogg"),
        (b"unknown audio", "audio/mp3", "mp3"),
    ],
)
async def test_the_media_type_and_format_come_from_the_bytes(
    audio: str | bytes, media_type: str, audio_format: str
) -> None:
    result = await generate_speech(model=MockSpeechModel(do_generate=spoken(audio)), text="Hi")

    assert (result.audio.media_type, result.audio.format) == (media_type, audio_format)


async def test_defaults_send_empty_provider_options_and_no_other_options() -> None:
    model = MockSpeechModel(do_generate=spoken(WAV))

    await generate_speech(model=model, text="Hi")

    assert model.calls[0] == SpeechCallOptions(
        text="Hi", provider_options={}, headers={"user-agent": f"ai/{__version__}"}
    )


@pytest.mark.parametrize("audio", [b"", ""])
async def test_no_audio_is_no_speech_generated_with_the_response(audio: str | bytes) -> None:
    model = MockSpeechModel(do_generate=spoken(audio))

    with pytest.raises(NoSpeechGeneratedError) as caught:
        await generate_speech(model=model, text="Hi")

    assert caught.value.responses == [RESPONSE]


async def test_retryable_errors_are_retried() -> None:
    overloaded = APICallError(
        "overloaded", url="u", status_code=503, response_headers={"retry-after-ms": "0"}
    )
    model = MockSpeechModel(do_generate=[overloaded, spoken(WAV)])

    result = await generate_speech(model=model, text="Hi")

    assert (len(model.calls), result.audio.data) == (2, WAV)


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [({"text": None}, "text"), ({"speed": "fast"}, "speed"), ({"max_retries": -1}, "max_retries")],
)
async def test_bad_input_is_an_invalid_argument_error(
    kwargs: dict[str, object], parameter: str
) -> None:
    model = MockSpeechModel(do_generate=spoken(WAV))
    arguments: dict[str, object] = {"text": "Hi", **kwargs}

    with pytest.raises(InvalidArgumentError) as caught:
        await generate_speech(model=model, **arguments)  # type: ignore[arg-type]

    assert caught.value.parameter == parameter
    assert model.calls == []


def test_the_sync_twin_works() -> None:
    result = generate_speech_sync(model=MockSpeechModel(do_generate=spoken(WAV)), text="Hi")
    assert result.audio.data == WAV


async def test_speech_models_resolve_through_custom_providers_and_registries() -> None:
    model = MockSpeechModel(model_id="voice", do_generate=spoken(WAV))
    provider = custom_provider(speech_models={"voice": model})
    registry = create_provider_registry({"mine": provider, "echo": EchoProvider("e")})

    assert registry.speech_model("mine:voice") is model
    with pytest.raises(NoSuchModelError) as caught:
        registry.speech_model("echo:voice")
    assert caught.value.model_type == "speechModel"
