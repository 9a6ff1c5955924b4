"""Speech (``/audio/speech``) and transcription (``/audio/transcriptions``) models on loopback,
with response shapes from OpenAI's published API reference."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

import pytest

from ai_sdk import generate_speech, transcribe
from ai_sdk.provider import (
    APICallError,
    SpeechCallOptions,
    SpeechRequestInfo,
    SpeechResponseInfo,
    SpeechResult,
    TranscriptionCallOptions,
    TranscriptionResponseInfo,
    TranscriptionResult,
    TranscriptionSegment,
    UnsupportedWarning,
)
from ai_sdk_openai_compatible import OpenAICompatibleProvider
from tests.servers import LoopbackServer, RecordedRequest, Reply, json_reply

SPEECH = "/v1/audio/speech"
TRANSCRIPTIONS = "/v1/audio/transcriptions"
MP3 = b"\xff\xfb\x90\x00" + bytes(range(40))
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24

# OpenAI API reference, "Create transcription", verbose_json with segment timestamps.
VERBOSE_SEGMENTS = {
    "task": "transcribe",
    "language": "english",
    "duration": 8.470000267028809,
    "text": "The beach was a popular spot on a hot summer day. People were swimming in the ocean.",
    "segments": [
        {
            "id": 0,
            "seek": 0,
            "start": 0.0,
            "end": 3.319999933242798,
            "text": " The beach was a popular spot on a hot summer day.",
            "tokens": [
                50364,
                440,
                7534,
                390,
                257,
                3743,
                4008,
                322,
                257,
                2368,
                4266,
                786,
                13,
                50530,
            ],
            "temperature": 0.0,
            "avg_logprob": -0.2860786020755768,
            "compression_ratio": 1.2363636493682861,
            "no_speech_prob": 0.00985979475080967,
        },
        {
            "id": 1,
            "seek": 0,
            "start": 3.319999933242798,
            "end": 5.5,
            "text": " People were swimming in the ocean.",
            "tokens": [50530, 3432, 645, 11989, 294, 264, 7810, 13, 50640],
            "temperature": 0.0,
            "avg_logprob": -0.2860786020755768,
            "compression_ratio": 1.2363636493682861,
            "no_speech_prob": 0.00985979475080967,
        },
    ],
}
# The same, with word timestamps (the shape of @ai-sdk/openai's recorded fixture).
VERBOSE_WORDS = {
    "task": "transcribe",
    "language": "english",
    "duration": 36.709999084472656,
    "text": "Galileo was an American robotic space program",
    "words": [
        {"word": "Galileo", "start": 0, "end": 0.6600000262260437},
        {"word": "was", "start": 0.6600000262260437, "end": 0.8999999761581421},
    ],
    "usage": {"type": "duration", "seconds": 37},
}
# gpt-4o-transcribe answers `json`: text and token usage only.
PLAIN_JSON = {
    "text": "Imagine the wildest idea that you've ever had.",
    "usage": {
        "type": "tokens",
        "input_tokens": 14,
        "input_token_details": {"text_tokens": 0, "audio_tokens": 14},
        "output_tokens": 45,
        "total_tokens": 59,
    },
}
OPENAI_ERROR = {
    "error": {
        "message": "Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'wav']",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }
}
WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def form(request: RecordedRequest) -> list[tuple[str, str | None, str | None, bytes]]:
    """The multipart parts: (field name, file name, content type, content)."""
    message = BytesParser(policy=HTTP).parsebytes(
        b"content-type: " + request.headers["content-type"].encode() + b"\r\n\r\n" + request.body
    )
    parts: list[tuple[str, str | None, str | None, bytes]] = []
    for part in message.iter_parts():
        assert isinstance(part, Message)
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        filename = part.get_filename()
        content_type = part.get_content_type() if filename else None
        parts.append(
            (
                str(part.get_param("name", header="content-disposition")),
                filename,
                content_type,
                payload,
            )
        )
    return parts


async def test_speech_request_and_raw_audio(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(SPEECH, Reply(headers={"content-type": "audio/mpeg"}, body=MP3))
    model = provider.speech_model("gpt-4o-mini-tts")
    model._now = lambda: WHEN  # type: ignore[method-assign]

    result = await model.do_generate(
        SpeechCallOptions(
            text="Hello",
            voice="coral",
            output_format="wav",
            speed=1.5,
            instructions="cheerful",
            provider_options={"testProvider": {"stream_format": "audio"}},
            headers={"X-Call": "1"},
        )
    )

    [request] = server.requests
    assert request.headers["authorization"] == "Bearer test-key"
    assert request.headers["x-call"] == "1"
    body = {
        "model": "gpt-4o-mini-tts",
        "input": "Hello",
        "voice": "coral",
        "response_format": "wav",
        "speed": 1.5,
        "instructions": "cheerful",
        "stream_format": "audio",
    }
    assert request.json() == body
    assert result == SpeechResult(
        audio=MP3,
        request=SpeechRequestInfo(body=json.dumps(body, separators=(",", ":"))),
        response=SpeechResponseInfo(
            timestamp=WHEN,
            model_id="gpt-4o-mini-tts",
            headers={"content-type": "audio/mpeg", "content-length": str(len(MP3))},
        ),
    )
    assert model.provider == "test-provider.speech"


async def test_speech_defaults_and_warnings(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(SPEECH, Reply(headers={"content-type": "audio/mpeg"}, body=MP3))

    result = await provider.speech_model("tts-1").do_generate(
        SpeechCallOptions(text="Hi", output_format="ogg", language="de")
    )

    assert server.requests[0].json() == {
        "model": "tts-1",
        "input": "Hi",
        "voice": "alloy",
        "response_format": "mp3",
    }
    assert result.warnings == [
        UnsupportedWarning(
            feature="outputFormat", details="Unsupported output format: ogg. Using mp3 instead."
        ),
        UnsupportedWarning(
            feature="language",
            details="OpenAI-compatible speech models do not support language selection. "
            'Language parameter "de" was ignored.',
        ),
    ]


async def test_generate_speech_end_to_end(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(SPEECH, Reply(headers={"content-type": "audio/wav"}, body=WAV))

    result = await generate_speech(
        model=provider.speech_model("kokoro"), text="Hi", output_format="wav"
    )

    assert (result.audio.data, result.audio.media_type, result.audio.format) == (
        WAV,
        "audio/wav",
        "wav",
    )


async def test_speech_errors_keep_the_openai_message(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(SPEECH, json_reply(OPENAI_ERROR, 400))

    with pytest.raises(APICallError, match="Invalid file format") as caught:
        await provider.speech_model("tts-1").do_generate(SpeechCallOptions(text="Hi"))

    assert (caught.value.status_code, caught.value.is_retryable) == (400, False)


async def test_whisper_models_ask_for_verbose_json_and_read_segments(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(TRANSCRIPTIONS, json_reply(VERBOSE_SEGMENTS))
    model = provider.transcription_model("whisper-1")
    model._now = lambda: WHEN  # type: ignore[method-assign]

    result = await model.do_generate(
        TranscriptionCallOptions(
            audio=MP3,
            media_type="audio/mpeg",
            provider_options={
                "testProvider": {
                    "language": "en",
                    "temperature": 0,
                    "timestampGranularities": ["segment", "word"],
                }
            },
            headers={"X-Call": "1"},
        )
    )

    [request] = server.requests
    assert request.headers["authorization"] == "Bearer test-key"
    assert request.headers["x-call"] == "1"
    assert form(request) == [
        ("model", None, None, b"whisper-1"),
        ("response_format", None, None, b"verbose_json"),
        ("language", None, None, b"en"),
        ("temperature", None, None, b"0"),
        ("timestamp_granularities[]", None, None, b"segment"),
        ("timestamp_granularities[]", None, None, b"word"),
        ("file", "audio.mp3", "audio/mpeg", MP3),
    ]
    assert result == TranscriptionResult(
        text=VERBOSE_SEGMENTS["text"],  # type: ignore[arg-type]
        segments=[
            TranscriptionSegment(
                text=" The beach was a popular spot on a hot summer day.",
                start_second=0.0,
                end_second=3.319999933242798,
            ),
            TranscriptionSegment(
                text=" People were swimming in the ocean.",
                start_second=3.319999933242798,
                end_second=5.5,
            ),
        ],
        language="en",
        duration_in_seconds=8.470000267028809,
        response=TranscriptionResponseInfo(
            timestamp=WHEN,
            model_id="whisper-1",
            headers={
                "content-type": "application/json",
                "content-length": str(len(json.dumps(VERBOSE_SEGMENTS))),
            },
            body=VERBOSE_SEGMENTS,
        ),
    )


async def test_words_become_segments_when_there_are_no_segments(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(TRANSCRIPTIONS, json_reply(VERBOSE_WORDS))

    result = await provider.transcription_model("whisper-1").do_generate(
        TranscriptionCallOptions(audio=base64.b64encode(WAV).decode(), media_type="audio/wav")
    )

    assert form(server.requests[0])[-1] == ("file", "audio.wav", "audio/wav", WAV)
    assert result.segments == [
        TranscriptionSegment(text="Galileo", start_second=0, end_second=0.6600000262260437),
        TranscriptionSegment(
            text="was", start_second=0.6600000262260437, end_second=0.8999999761581421
        ),
    ]
    assert (result.language, result.duration_in_seconds) == ("en", 36.709999084472656)


async def test_other_models_leave_the_format_to_the_server_and_read_plain_json(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(TRANSCRIPTIONS, json_reply(PLAIN_JSON))

    result = await transcribe(model=provider.transcription_model("gpt-4o-transcribe"), audio=WAV)

    assert form(server.requests[0]) == [
        ("model", None, None, b"gpt-4o-transcribe"),
        ("file", "audio.wav", "audio/wav", WAV),
    ]
    assert (result.text, result.segments, result.language, result.duration_in_seconds) == (
        "Imagine the wildest idea that you've ever had.",
        [],
        None,
        None,
    )


@pytest.mark.parametrize(("language", "expected"), [("de", "de"), ("Klingon", None)])
async def test_local_servers_answering_with_a_code_keep_it(
    server: LoopbackServer, provider: OpenAICompatibleProvider, language: str, expected: str | None
) -> None:
    server.route(TRANSCRIPTIONS, json_reply({"text": "Hallo", "language": language}))
    result = await provider.transcription_model("large-v3").do_generate(
        TranscriptionCallOptions(audio=WAV, media_type="audio/wav")
    )
    assert result.language == expected


@pytest.mark.parametrize(
    "body", [{"segments": []}, {"text": "x", "segments": [{"text": "a"}]}, ["text"]]
)
async def test_an_unusable_body_is_an_api_call_error(
    server: LoopbackServer, provider: OpenAICompatibleProvider, body: Any
) -> None:
    server.route(TRANSCRIPTIONS, json_reply(body))

    with pytest.raises(APICallError, match="Invalid transcription response") as caught:
        await provider.transcription_model("whisper-1").do_generate(
            TranscriptionCallOptions(audio=WAV, media_type="audio/wav")
        )

    assert not caught.value.is_retryable


async def test_transcription_errors_keep_the_openai_message(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    server.route(TRANSCRIPTIONS, json_reply(OPENAI_ERROR, 400))

    with pytest.raises(APICallError, match="Invalid file format"):
        await provider.transcription_model("whisper-1").do_generate(
            TranscriptionCallOptions(audio=b"????", media_type="application/octet-stream")
        )

    assert form(server.requests[0])[-1][1] == "audio.octet-stream"


async def test_media_type_parameters_stay_out_of_the_file_name(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    # A browser's MediaRecorder says `audio/webm;codecs=opus`; servers read the file's name.
    server.route(TRANSCRIPTIONS, json_reply(PLAIN_JSON))

    await provider.transcription_model("large-v3").do_generate(
        TranscriptionCallOptions(audio=b"webm", media_type="audio/webm;codecs=opus")
    )

    assert form(server.requests[0])[-1] == ("file", "audio.webm", "audio/webm", b"webm")
