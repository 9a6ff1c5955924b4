"""The speech model: ``POST /audio/speech`` (OpenAI's text-to-speech API), audio bytes back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ai_sdk.provider import (
    CallWarning,
    SpeechCallOptions,
    SpeechRequestInfo,
    SpeechResponseInfo,
    SpeechResult,
    UnsupportedWarning,
)
from ai_sdk.provider_utils import create_binary_response_handler
from ai_sdk_openai_compatible._chat_messages import json_text
from ai_sdk_openai_compatible._config import ProviderConfig, merged_options
from ai_sdk_openai_compatible._model import OpenAICompatibleModel

if TYPE_CHECKING:
    from ai_sdk.provider import SpeechModel

__all__ = ["SPEECH_OUTPUT_FORMATS", "OpenAICompatibleSpeechModel"]

SPEECH_OUTPUT_FORMATS = ("mp3", "opus", "aac", "flac", "wav", "pcm")
"""The ``response_format`` values of OpenAI's speech API; any other falls back to ``mp3``."""

_binary_handler = create_binary_response_handler()


def _utc_now() -> datetime:
    return datetime.now(UTC)


class OpenAICompatibleSpeechModel(OpenAICompatibleModel):
    """A text-to-speech model of a server with OpenAI's ``/audio/speech`` (OpenAI itself, and the
    local servers that copy it), created with ``provider.speech_model``.

    The body is ``{"model", "input", "voice" ("alloy" by default), "response_format" ("mp3" by
    default), "speed"?, "instructions"?}``, as ``@ai-sdk/openai`` sends it; provider options under
    ``openaiCompatible`` or the provider's name are added to the body as they are (e.g.
    ``{"myServer": {"stream_format": "audio"}}``). ``language`` is not part of the API: it is
    dropped with a warning.

    Args:
        model_id: the server's model name, e.g. ``gpt-4o-mini-tts`` or ``tts-1``.
        config: the provider's shared settings.
        now: the clock for the response timestamp (inject one in tests).
    """

    _kind = "speech"

    def __init__(
        self,
        model_id: str,
        config: ProviderConfig,
        *,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__(model_id, config)
        self._now = now

    async def do_generate(self, options: SpeechCallOptions) -> SpeechResult:
        """Speak ``options.text``; the audio comes back as the server's raw bytes.

        Raises:
            APICallError: the server answered with an error or could not be reached.
        """
        timestamp = self._now()
        warnings: list[CallWarning] = []
        merged, _ = merged_options(self._config.name, options.provider_options, warnings)
        body: dict[str, Any] = {
            "model": self._model_id,
            "input": options.text,
            "voice": options.voice or "alloy",
            "response_format": "mp3",
        }
        if options.output_format:
            if options.output_format in SPEECH_OUTPUT_FORMATS:
                body["response_format"] = options.output_format
            else:
                warnings.append(
                    UnsupportedWarning(
                        feature="outputFormat",
                        details=f"Unsupported output format: {options.output_format}. Using mp3 "
                        "instead.",
                    )
                )
        if options.speed is not None:
            body["speed"] = options.speed
        if options.instructions is not None:
            body["instructions"] = options.instructions
        body.update(merged)
        if options.language:
            warnings.append(
                UnsupportedWarning(
                    feature="language",
                    details="OpenAI-compatible speech models do not support language selection. "
                    f'Language parameter "{options.language}" was ignored.',
                )
            )
        result = await self._config.post(
            "/audio/speech", body=body, call_headers=options.headers, success=_binary_handler
        )
        return SpeechResult(
            audio=result.value,
            warnings=warnings,
            request=SpeechRequestInfo(body=json_text(body)),
            response=SpeechResponseInfo(
                timestamp=timestamp, model_id=self._model_id, headers=result.response_headers
            ),
        )


if TYPE_CHECKING:
    _conforms_to_spec: type[SpeechModel] = OpenAICompatibleSpeechModel
