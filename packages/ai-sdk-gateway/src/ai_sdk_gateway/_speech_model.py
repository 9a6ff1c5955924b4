"""The gateway speech model: text out, base64 audio back, in one call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from ai_sdk.provider import (
    CallWarning,
    JSONObject,
    ProviderMetadata,
    SpeechCallOptions,
    SpeechResponseInfo,
    SpeechResult,
)
from ai_sdk_gateway._model import GatewayModel
from ai_sdk_gateway._transport import validated_json_handler

if TYPE_CHECKING:
    from ai_sdk.provider import SpeechModel

__all__ = ["GatewaySpeechModel"]


class _SpeechResponse(BaseModel):
    """The gateway's answer: base64 audio (required), warnings, provider metadata."""

    model_config = ConfigDict(alias_generator=None, extra="ignore", defer_build=True)

    audio: str
    warnings: list[CallWarning] | None = None
    provider_metadata: ProviderMetadata | None = Field(default=None, alias="providerMetadata")


class GatewaySpeechModel(GatewayModel):
    """A speech (text-to-speech) model behind the Vercel AI Gateway, e.g.
    ``openai/gpt-4o-mini-tts``.

    Create it with ``gateway.speech_model(...)``. The audio comes back as base64 text.
    """

    _kind = "speech"

    async def do_generate(self, options: SpeechCallOptions) -> SpeechResult:
        """Speak ``options.text`` in one gateway call.

        Args:
            options: the text, voice, output format, instructions, speed, language, provider
                options and extra headers.

        Raises:
            GatewayError: the call failed.
        """
        # As upstream: the optional strings only when non-empty, `speed` when set.
        body: JSONObject = {"text": options.text}
        optional: dict[str, str | None] = {
            "voice": options.voice,
            "outputFormat": options.output_format,
            "instructions": options.instructions,
        }
        body.update({key: value for key, value in optional.items() if value})
        if options.speed is not None:
            body["speed"] = options.speed
        if options.language:
            body["language"] = options.language
        if options.provider_options is not None:
            body["providerOptions"] = dict(options.provider_options)
        result = await self._post(
            body, options.headers, validated_json_handler(_SpeechResponse.model_validate)
        )
        parsed = result.value
        return SpeechResult(
            audio=parsed.audio,
            warnings=parsed.warnings or [],
            provider_metadata=parsed.provider_metadata,
            response=SpeechResponseInfo(
                timestamp=self._now(),
                model_id=self._model_id,
                headers=result.response_headers,
                body=result.raw_value,
            ),
        )


if TYPE_CHECKING:
    _conforms_to_spec: type[SpeechModel] = GatewaySpeechModel
