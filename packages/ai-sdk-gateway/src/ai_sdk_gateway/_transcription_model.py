"""The gateway transcription model: base64 audio out, text and timed segments back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from ai_sdk.provider import (
    CallWarning,
    JSONObject,
    ProviderMetadata,
    TranscriptionCallOptions,
    TranscriptionResponseInfo,
    TranscriptionResult,
    TranscriptionSegment,
)
from ai_sdk.provider_utils import convert_bytes_to_base64
from ai_sdk_gateway._model import GatewayModel
from ai_sdk_gateway._transport import validated_json_handler

if TYPE_CHECKING:
    from ai_sdk.provider import TranscriptionModel

__all__ = ["GatewayTranscriptionModel"]


class _TranscriptionResponse(BaseModel):
    """The gateway's answer; ``language`` and ``durationInSeconds`` may be ``null``."""

    model_config = ConfigDict(extra="ignore", defer_build=True, populate_by_name=True)

    text: str
    segments: list[TranscriptionSegment] | None = None
    language: str | None = None
    duration_in_seconds: float | None = Field(default=None, alias="durationInSeconds")
    warnings: list[CallWarning] | None = None
    provider_metadata: ProviderMetadata | None = Field(default=None, alias="providerMetadata")


class GatewayTranscriptionModel(GatewayModel):
    """A transcription (speech-to-text) model behind the Vercel AI Gateway, e.g.
    ``openai/whisper-1``.

    Create it with ``gateway.transcription_model(...)``. The audio travels as base64 in JSON.
    """

    _kind = "transcription"

    async def do_generate(self, options: TranscriptionCallOptions) -> TranscriptionResult:
        """Transcribe ``options.audio`` in one gateway call.

        Args:
            options: the audio (bytes are base64-encoded, text is sent as it is), its media
                type, provider options and extra headers.

        Raises:
            GatewayError: the call failed.
        """
        audio = options.audio
        body: JSONObject = {
            "audio": audio if isinstance(audio, str) else convert_bytes_to_base64(audio),
            "mediaType": options.media_type,
        }
        if options.provider_options is not None:
            body["providerOptions"] = dict(options.provider_options)
        result = await self._post(
            body, options.headers, validated_json_handler(_TranscriptionResponse.model_validate)
        )
        parsed = result.value
        return TranscriptionResult(
            text=parsed.text,
            segments=parsed.segments or [],
            language=parsed.language,
            duration_in_seconds=parsed.duration_in_seconds,
            warnings=parsed.warnings or [],
            provider_metadata=parsed.provider_metadata,
            response=TranscriptionResponseInfo(
                timestamp=self._now(),
                model_id=self._model_id,
                headers=result.response_headers,
                body=result.raw_value,
            ),
        )


if TYPE_CHECKING:
    _conforms_to_spec: type[TranscriptionModel] = GatewayTranscriptionModel
