"""`generate_speech`: turn text into audio with one retried speech model call."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from ai_sdk._files import GeneratedAudioFile
from ai_sdk._model_warnings import log_warnings
from ai_sdk._sync import sync_twin
from ai_sdk._version import __version__
from ai_sdk.generate_speech._result import GenerateSpeechResult
from ai_sdk.provider import (
    InvalidArgumentError,
    NoSpeechGeneratedError,
    ProviderOptions,
    SpeechCallOptions,
    SpeechModel,
)
from ai_sdk.provider_utils import (
    DEFAULT_MAX_RETRIES,
    detect_media_type,
    retry_with_backoff,
    validate_max_retries,
    with_user_agent_suffix,
)
from ai_sdk.registry._resolve import resolve_speech_model

__all__ = ["generate_speech", "generate_speech_sync"]

_DEFAULT_MEDIA_TYPE = "audio/mp3"
"""Upstream's media type for audio whose bytes are not recognised."""


async def generate_speech(
    *,
    model: SpeechModel | str,
    text: str,
    voice: str | None = None,
    output_format: str | None = None,
    instructions: str | None = None,
    speed: float | None = None,
    language: str | None = None,
    provider_options: ProviderOptions | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str | None] | None = None,
) -> GenerateSpeechResult:
    """Speak a text with a speech (text-to-speech) model.

    The media type of the audio is sniffed from its bytes (``audio/mp3`` when unrecognised).

    Example::

        result = await generate_speech(
            model="openai/gpt-4o-mini-tts", text="Hello, world!", voice="alloy"
        )
        Path(f"hello.{result.audio.format}").write_bytes(result.audio.data)

    Args:
        model: The speech model, or a string id resolved through the default provider.
        text: The text to speak.
        voice: A provider-specific voice id or name.
        output_format: The audio format, e.g. ``"mp3"`` or ``"wav"``.
        instructions: How to speak, e.g. ``"Speak in a slow and steady tone"``.
        speed: The speaking speed (provider-specific scale, 1.0 is usually normal).
        language: An ISO 639-1 code (``"en"``) or ``"auto"``; provider support varies.
        provider_options: Provider-specific options, keyed by provider.
        max_retries: Retries after the first attempt for retryable errors (0 disables).
        headers: Extra HTTP headers; a ``None`` value removes a header.

    Raises:
        NoSpeechGeneratedError: The model returned no audio (``responses`` says what it did).
        RetryError: Every attempt failed with a retryable error.
        APICallError: The provider call failed with an error that is not retried.
        InvalidArgumentError: ``text``, ``speed`` or ``max_retries`` is invalid.
    """
    validate_max_retries(max_retries)
    if not isinstance(cast("object", text), str):
        raise InvalidArgumentError(
            f"text must be a string, got {text!r:.100}", parameter="text", value=text
        )
    if speed is not None and (
        not isinstance(cast("object", speed), int | float) or isinstance(speed, bool)
    ):
        raise InvalidArgumentError(
            f"speed must be a number, got {speed!r:.100}", parameter="speed", value=speed
        )
    resolved = resolve_speech_model(model)
    options = SpeechCallOptions(
        text=text,
        voice=voice,
        output_format=output_format,
        instructions=instructions,
        speed=speed,
        language=language,
        # As upstream: `{}` when not given, which providers then send as it is.
        provider_options=provider_options or {},
        # As upstream: the SDK's `ai/<version>` token joins the user-agent of the call.
        headers=cast("dict[str, str | None]", with_user_agent_suffix(headers, f"ai/{__version__}")),
    )
    result = await retry_with_backoff(
        lambda: resolved.do_generate(options), max_retries=max_retries
    )
    if not result.audio:
        raise NoSpeechGeneratedError(responses=[result.response])
    log_warnings(result.warnings, provider=resolved.provider, model_id=resolved.model_id)
    media_type = detect_media_type(result.audio, "audio") or _DEFAULT_MEDIA_TYPE
    return GenerateSpeechResult(
        audio=GeneratedAudioFile(data=result.audio, media_type=media_type),
        warnings=list(result.warnings),
        responses=[result.response],
        provider_metadata=dict(result.provider_metadata or {}),
    )


generate_speech_sync = sync_twin(generate_speech)
"""`generate_speech` for synchronous code (works inside a running event loop too)."""
