"""transcribe: every kind of audio input, media types, results, errors, resolution, sync."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ai_sdk import TranscribeResult, custom_provider, transcribe, transcribe_sync
from ai_sdk._version import __version__
from ai_sdk.prompt import create_download
from ai_sdk.provider import (
    APICallError,
    DownloadError,
    InvalidArgumentError,
    InvalidDataContentError,
    NoSuchModelError,
    NoTranscriptGeneratedError,
    OtherWarning,
    TranscriptionCallOptions,
    TranscriptionResponseInfo,
    TranscriptionResult,
    TranscriptionSegment,
)
from ai_sdk.registry import create_provider_registry
from ai_sdk.testing import MockTranscriptionModel
from tests.core.registry._models import EchoProvider
from tests.servers import LoopbackServer, Reply

WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
RESPONSE = TranscriptionResponseInfo(timestamp=WHEN, model_id="whisper-1")
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24
MP3 = b"\xff\xfb\x90\x00" + b"\x00" * 24
UA = {"user-agent": f"ai/{__version__}"}


def heard(text: str = "hello", **kwargs: object) -> TranscriptionResult:
    return TranscriptionResult(text=text, response=RESPONSE, **kwargs)  # type: ignore[arg-type]


async def test_bytes_in_the_full_result_out() -> None:
    segments = [TranscriptionSegment(text="hello", start_second=0.0, end_second=0.8)]
    model = MockTranscriptionModel(
        do_generate=heard(
            segments=segments,
            language="en",
            duration_in_seconds=0.8,
            warnings=[OtherWarning(message="w")],
            provider_metadata={"p": {"k": 1}},
        )
    )

    result = await transcribe(
        model=model, audio=WAV, provider_options={"p": {"x": 1}}, headers={"X-H": "1"}
    )

    assert model.calls == [
        TranscriptionCallOptions(
            audio=WAV,
            media_type="audio/wav",
            provider_options={"p": {"x": 1}},
            headers={"x-h": "1", **UA},
        )
    ]
    assert result == TranscribeResult(
        text="hello",
        segments=segments,
        language="en",
        duration_in_seconds=0.8,
        warnings=[OtherWarning(message="w")],
        responses=[RESPONSE],
        provider_metadata={"p": {"k": 1}},
    )


@pytest.mark.parametrize(
    "audio",
    [
        bytearray(MP3),
        memoryview(MP3),
        base64.b64encode(MP3).decode(),
        "data:audio/mpeg;base64," + base64.b64encode(MP3).decode(),
    ],
)
async def test_every_inline_form_is_sent_as_bytes_with_the_sniffed_type(audio: object) -> None:
    model = MockTranscriptionModel(do_generate=heard())

    await transcribe(model=model, audio=audio)  # type: ignore[arg-type]

    assert (model.calls[0].audio, model.calls[0].media_type) == (MP3, "audio/mpeg")


async def test_unrecognised_audio_is_sent_as_wav_with_empty_provider_options() -> None:
    model = MockTranscriptionModel(do_generate=heard())

    await transcribe(model=model, audio=b"raw pcm")

    assert model.calls[0] == TranscriptionCallOptions(
        audio=b"raw pcm", media_type="audio/wav", provider_options={}, headers=UA
    )


async def test_a_path_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(WAV)
    model = MockTranscriptionModel(do_generate=heard())

    await transcribe(model=model, audio=path)

    assert model.calls[0].audio == WAV


async def test_a_missing_file_is_an_invalid_argument(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="cannot read the file") as caught:
        await transcribe(model=MockTranscriptionModel(), audio=tmp_path / "missing.wav")
    assert caught.value.parameter == "audio"


async def test_a_url_is_downloaded(server: LoopbackServer) -> None:
    server.route("/a.mp3", Reply(headers={"content-type": "audio/mpeg"}, body=MP3), method="GET")
    model = MockTranscriptionModel(do_generate=heard())

    await transcribe(
        model=model,
        audio=f"{server.url}/a.mp3",
        download=create_download(allow_private_network=True),
    )

    assert (model.calls[0].audio, model.calls[0].media_type) == (MP3, "audio/mpeg")


async def test_the_default_download_refuses_private_addresses(server: LoopbackServer) -> None:
    model = MockTranscriptionModel(do_generate=heard())

    with pytest.raises(DownloadError):
        await transcribe(model=model, audio=f"{server.url}/a.mp3")

    assert (server.requests, model.calls) == ([], [])


async def test_a_failed_download_is_a_download_error(server: LoopbackServer) -> None:
    server.route("/gone.mp3", Reply(status=404), method="GET")

    with pytest.raises(DownloadError) as caught:
        await transcribe(
            model=MockTranscriptionModel(),
            audio=f"{server.url}/gone.mp3",
            download=create_download(allow_private_network=True),
        )

    assert caught.value.status_code == 404


@pytest.mark.parametrize(
    ("audio", "error"),
    [
        (b"", InvalidArgumentError),
        (12, InvalidArgumentError),
        ("not base64!", InvalidDataContentError),
    ],
)
async def test_bad_audio_is_a_typed_error_before_any_call(
    audio: object, error: type[Exception]
) -> None:
    model = MockTranscriptionModel(do_generate=heard())

    with pytest.raises(error):
        await transcribe(model=model, audio=audio)  # type: ignore[arg-type]

    assert model.calls == []


async def test_no_text_is_no_transcript_generated_with_the_response() -> None:
    with pytest.raises(NoTranscriptGeneratedError) as caught:
        await transcribe(model=MockTranscriptionModel(do_generate=heard("")), audio=WAV)
    assert caught.value.responses == [RESPONSE]


async def test_retryable_errors_are_retried() -> None:
    busy = APICallError("busy", url="u", status_code=500, response_headers={"retry-after-ms": "0"})
    model = MockTranscriptionModel(do_generate=[busy, heard()])

    assert (await transcribe(model=model, audio=WAV)).text == "hello"
    assert len(model.calls) == 2


def test_the_sync_twin_works() -> None:
    assert transcribe_sync(model=MockTranscriptionModel(do_generate=heard()), audio=WAV).text == (
        "hello"
    )


def test_transcription_models_resolve_through_custom_providers_and_registries() -> None:
    model = MockTranscriptionModel(model_id="ears")
    provider = custom_provider(transcription_models={"ears": model})
    registry = create_provider_registry({"mine": provider, "echo": EchoProvider("e")})

    assert registry.transcription_model("mine:ears") is model
    with pytest.raises(NoSuchModelError) as caught:
        registry.transcription_model("echo:ears")
    assert caught.value.model_type == "transcriptionModel"
