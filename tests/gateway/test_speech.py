"""The gateway speech model against the loopback server, alone and under `generate_speech`."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from ai_sdk import GeneratedAudioFile, generate_speech
from ai_sdk._version import __version__ as core_version
from ai_sdk.provider import (
    DeprecatedWarning,
    SpeechCallOptions,
    SpeechResponseInfo,
    SpeechResult,
)
from ai_sdk_gateway import (
    GatewayAuthenticationError,
    GatewayProvider,
    GatewayRateLimitError,
    GatewayResponseError,
    create_gateway,
)
from tests.gateway.conftest import USER_AGENT, common_headers, sent_headers
from tests.servers import LoopbackServer, json_reply

SPEECH = "/v4/ai/speech-model"
MODEL = "openai/gpt-4o-mini-tts"
MODEL_HEADERS = {"ai-speech-model-specification-version": "4", "ai-model-id": MODEL}
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24
WAV_B64 = base64.b64encode(WAV).decode()


async def test_every_option_is_sent_and_the_audio_comes_back_as_base64(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    body = {
        "audio": WAV_B64,
        "warnings": [{"type": "deprecated", "setting": "voice", "message": "use another"}],
        "providerMetadata": {"openai": {"characters": 5}},
    }
    server.route(SPEECH, json_reply(body))
    model = provider.speech_model(MODEL)
    before = datetime.now(UTC)

    result = await model.do_generate(
        SpeechCallOptions(
            text="Hello",
            voice="alloy",
            output_format="wav",
            instructions="slowly",
            speed=1.25,
            language="en",
            provider_options={"openai": {"stream_format": "audio"}},
            headers={"X-Call": "1"},
        )
    )

    [request] = server.requests
    assert (request.method, request.target) == ("POST", SPEECH)
    assert sent_headers(request) == {**common_headers(), "x-call": "1", **MODEL_HEADERS}
    assert request.json() == {
        "text": "Hello",
        "voice": "alloy",
        "outputFormat": "wav",
        "instructions": "slowly",
        "speed": 1.25,
        "language": "en",
        "providerOptions": {"openai": {"stream_format": "audio"}},
    }
    assert result == SpeechResult(
        audio=WAV_B64,
        warnings=[DeprecatedWarning(setting="voice", message="use another")],
        provider_metadata={"openai": {"characters": 5}},
        response=SpeechResponseInfo(
            timestamp=result.response.timestamp,
            model_id=MODEL,
            headers={
                "content-type": "application/json",
                "content-length": str(len(json.dumps(body))),
            },
            body=body,
        ),
    )
    assert before <= result.response.timestamp <= datetime.now(UTC)


async def test_empty_strings_are_left_out_and_speed_zero_is_kept(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(SPEECH, json_reply({"audio": WAV_B64}))

    result = await provider.speech_model(MODEL).do_generate(
        SpeechCallOptions(text="Hi", voice="", output_format="", language="", speed=0)
    )

    assert server.requests[0].json() == {"text": "Hi", "speed": 0}
    assert (result.warnings, result.provider_metadata) == ([], None)


async def test_generate_speech_sends_empty_provider_options_and_the_sdk_user_agent(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(SPEECH, json_reply({"audio": WAV_B64}))

    result = await generate_speech(model=provider.speech_model(MODEL), text="Hi", voice="nova")

    [request] = server.requests
    # As upstream: generateSpeech passes `providerOptions: {}`, which the gateway sends.
    assert request.json() == {"text": "Hi", "voice": "nova", "providerOptions": {}}
    assert request.headers["user-agent"] == f"ai/{core_version} {USER_AGENT}"
    assert result.audio == GeneratedAudioFile(data=WAV, media_type="audio/wav")
    assert result.audio.format == "wav"
    assert result.responses[0].model_id == MODEL


async def test_a_rate_limit_is_a_retryable_gateway_rate_limit_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        SPEECH,
        json_reply({"error": {"message": "slow down", "type": "rate_limit_exceeded"}}, 429),
    )

    with pytest.raises(GatewayRateLimitError) as caught:
        await provider.speech_model(MODEL).do_generate(SpeechCallOptions(text="Hi"))

    assert (caught.value.status_code, caught.value.is_retryable) == (429, True)


async def test_a_rejected_key_is_an_authentication_error_with_advice(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        SPEECH,
        json_reply({"error": {"message": "bad key", "type": "authentication_error"}}, 401),
    )

    with pytest.raises(GatewayAuthenticationError, match="API key or access token was rejected"):
        await provider.speech_model(MODEL).do_generate(SpeechCallOptions(text="Hi"))


async def test_no_credential_sends_nothing(server: LoopbackServer, base_url: str) -> None:
    async with create_gateway(base_url=base_url) as gateway:
        with pytest.raises(GatewayAuthenticationError, match="No authentication provided"):
            await gateway.speech_model(MODEL).do_generate(SpeechCallOptions(text="Hi"))

    assert server.requests == []


async def test_a_response_without_audio_is_a_gateway_response_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(SPEECH, json_reply({"warnings": []}))

    with pytest.raises(GatewayResponseError):
        await provider.speech_model(MODEL).do_generate(SpeechCallOptions(text="Hi"))
