"""The gateway transcription model against the loopback server, alone and under `transcribe`."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from ai_sdk import transcribe
from ai_sdk._version import __version__ as core_version
from ai_sdk.provider import (
    TranscriptionCallOptions,
    TranscriptionResponseInfo,
    TranscriptionResult,
    TranscriptionSegment,
    UnsupportedWarning,
)
from ai_sdk_gateway import (
    GatewayInvalidRequestError,
    GatewayModelNotFoundError,
    GatewayProvider,
    GatewayResponseError,
)
from tests.gateway.conftest import USER_AGENT, common_headers, sent_headers
from tests.servers import LoopbackServer, json_reply

TRANSCRIBE = "/v4/ai/transcription-model"
MODEL = "openai/whisper-1"
MODEL_HEADERS = {"ai-transcription-model-specification-version": "4", "ai-model-id": MODEL}
MP3 = b"\xff\xfb\x90\x00" + bytes(range(28))
MP3_B64 = base64.b64encode(MP3).decode()


async def test_bytes_are_sent_as_base64_and_every_field_comes_back(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    body = {
        "text": "Hello world",
        "segments": [
            {"text": "Hello", "startSecond": 0, "endSecond": 0.5},
            {"text": "world", "startSecond": 0.5, "endSecond": 1.25},
        ],
        "language": "en",
        "durationInSeconds": 1.25,
        "warnings": [{"type": "unsupported", "feature": "prompt"}],
        "providerMetadata": {"openai": {"requestId": "r"}},
    }
    server.route(TRANSCRIBE, json_reply(body))
    model = provider.transcription_model(MODEL)

    result = await model.do_generate(
        TranscriptionCallOptions(
            audio=MP3,
            media_type="audio/mpeg",
            provider_options={"openai": {"timestampGranularities": ["segment"]}},
            headers={"X-Call": "1"},
        )
    )

    [request] = server.requests
    assert (request.method, request.target) == ("POST", TRANSCRIBE)
    assert sent_headers(request) == {**common_headers(), "x-call": "1", **MODEL_HEADERS}
    assert request.json() == {
        "audio": MP3_B64,
        "mediaType": "audio/mpeg",
        "providerOptions": {"openai": {"timestampGranularities": ["segment"]}},
    }
    assert result == TranscriptionResult(
        text="Hello world",
        segments=[
            TranscriptionSegment(text="Hello", start_second=0, end_second=0.5),
            TranscriptionSegment(text="world", start_second=0.5, end_second=1.25),
        ],
        language="en",
        duration_in_seconds=1.25,
        warnings=[UnsupportedWarning(feature="prompt")],
        provider_metadata={"openai": {"requestId": "r"}},
        response=TranscriptionResponseInfo(
            timestamp=result.response.timestamp,
            model_id=MODEL,
            headers={
                "content-type": "application/json",
                "content-length": str(len(json.dumps(body))),
            },
            body=body,
        ),
    )


async def test_base64_text_passes_through_and_nulls_read_as_absent(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        TRANSCRIBE, json_reply({"text": "hi", "language": None, "durationInSeconds": None})
    )

    result = await provider.transcription_model(MODEL).do_generate(
        TranscriptionCallOptions(audio="AAEC", media_type="audio/wav")
    )

    assert server.requests[0].json() == {"audio": "AAEC", "mediaType": "audio/wav"}
    assert (result.segments, result.language, result.duration_in_seconds) == ([], None, None)


async def test_transcribe_a_file_through_the_gateway(
    server: LoopbackServer, provider: GatewayProvider, tmp_path: Path
) -> None:
    server.route(TRANSCRIBE, json_reply({"text": "hello", "durationInSeconds": 2}))
    path = tmp_path / "hello.mp3"
    path.write_bytes(MP3)

    result = await transcribe(model=provider.transcription_model(MODEL), audio=path)

    [request] = server.requests
    assert request.json() == {"audio": MP3_B64, "mediaType": "audio/mpeg", "providerOptions": {}}
    assert request.headers["user-agent"] == f"ai/{core_version} {USER_AGENT}"
    assert (result.text, result.duration_in_seconds) == ("hello", 2)


async def test_an_unknown_model_is_a_model_not_found_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        TRANSCRIBE,
        json_reply(
            {"error": {"message": "no", "type": "model_not_found", "param": {"modelId": "x/y"}}},
            404,
        ),
    )

    with pytest.raises(GatewayModelNotFoundError) as caught:
        await provider.transcription_model("x/y").do_generate(
            TranscriptionCallOptions(audio=MP3, media_type="audio/mpeg")
        )

    assert caught.value.model_id == "x/y"


async def test_unsupported_audio_is_an_invalid_request_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        TRANSCRIBE,
        json_reply({"error": {"message": "bad audio", "type": "invalid_request_error"}}, 400),
    )

    with pytest.raises(GatewayInvalidRequestError, match="bad audio"):
        await provider.transcription_model(MODEL).do_generate(
            TranscriptionCallOptions(audio=MP3, media_type="audio/mpeg")
        )


async def test_a_response_without_text_is_a_gateway_response_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(TRANSCRIBE, json_reply({"segments": []}))

    with pytest.raises(GatewayResponseError):
        await provider.transcription_model(MODEL).do_generate(
            TranscriptionCallOptions(audio=MP3, media_type="audio/mpeg")
        )
