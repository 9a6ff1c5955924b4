"""The transcription model: ``POST /audio/transcriptions`` (OpenAI's speech-to-text API) with the
audio as a multipart upload; text, timed segments, language and duration back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

import httpx

from ai_sdk.provider import (
    APICallError,
    CallWarning,
    TranscriptionCallOptions,
    TranscriptionResponseInfo,
    TranscriptionResult,
    TranscriptionSegment,
)
from ai_sdk.provider_utils import (
    convert_base64_to_bytes,
    create_json_response_handler,
    post_to_api,
)
from ai_sdk_openai_compatible._chat_messages import json_text
from ai_sdk_openai_compatible._config import ProviderConfig, merged_options
from ai_sdk_openai_compatible._model import OpenAICompatibleModel

if TYPE_CHECKING:
    from ai_sdk.provider import TranscriptionModel

__all__ = ["OpenAICompatibleTranscriptionModel"]

_json_handler = create_json_response_handler()

# OpenAI's verbose_json names the language ("english"); the spec wants ISO 639-1 codes.
_LANGUAGE_CODES = {
    "afrikaans": "af", "arabic": "ar", "armenian": "hy", "azerbaijani": "az",
    "belarusian": "be", "bosnian": "bs", "bulgarian": "bg", "catalan": "ca", "chinese": "zh",
    "croatian": "hr", "czech": "cs", "danish": "da", "dutch": "nl", "english": "en",
    "estonian": "et", "finnish": "fi", "french": "fr", "galician": "gl", "german": "de",
    "greek": "el", "hebrew": "he", "hindi": "hi", "hungarian": "hu", "icelandic": "is",
    "indonesian": "id", "italian": "it", "japanese": "ja", "kannada": "kn", "kazakh": "kk",
    "korean": "ko", "latvian": "lv", "lithuanian": "lt", "macedonian": "mk", "malay": "ms",
    "marathi": "mr", "maori": "mi", "nepali": "ne", "norwegian": "no", "persian": "fa",
    "polish": "pl", "portuguese": "pt", "romanian": "ro", "russian": "ru", "serbian": "sr",
    "slovak": "sk", "slovenian": "sl", "spanish": "es", "swahili": "sw", "swedish": "sv",
    "tagalog": "tl", "tamil": "ta", "thai": "th", "turkish": "tr", "ukrainian": "uk",
    "urdu": "ur", "vietnamese": "vi", "welsh": "cy",
}  # fmt: skip

# As upstream's mediaTypeToExtension: the subtype, with these exceptions.
_EXTENSIONS = {"mpeg": "mp3", "x-wav": "wav", "opus": "ogg", "mp4": "m4a", "x-m4a": "m4a"}

# Upstream's camelCase option names, accepted besides the API's own.
_OPTION_NAMES = {"timestampGranularities": "timestamp_granularities"}


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _extension(media_type: str) -> str:
    """The file name extension servers use to tell the format (they read the name, not the
    part's content type). Parameters (``audio/webm;codecs=opus``, as browsers record) are not
    part of it."""
    subtype = media_type.lower().partition(";")[0].strip().partition("/")[2]
    return _EXTENSIONS.get(subtype, subtype)


def _language(value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    lowered = value.lower()
    if lowered in _LANGUAGE_CODES:
        return _LANGUAGE_CODES[lowered]
    # Local servers (whisper.cpp, faster-whisper) already answer with a code.
    return lowered if len(lowered) == 2 and lowered.isalpha() else None


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _segments(body: dict[str, Any]) -> list[TranscriptionSegment]:
    for key, text_key in (("segments", "text"), ("words", "word")):
        items = body.get(key)
        if not isinstance(items, list):
            continue
        segments: list[TranscriptionSegment] = []
        for item in cast("list[object]", items):
            if not isinstance(item, dict):
                raise TypeError(f"an item of '{key}' is not an object")
            entry = cast("dict[str, Any]", item)
            start, end, text = (
                _number(entry.get("start")),
                _number(entry.get("end")),
                entry.get(text_key),
            )
            if start is None or end is None or not isinstance(text, str):
                raise TypeError(f"an item of '{key}' lacks '{text_key}', 'start' or 'end'")
            segments.append(TranscriptionSegment(text=text, start_second=start, end_second=end))
        return segments
    return []


def _form_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json_text(value)


class OpenAICompatibleTranscriptionModel(OpenAICompatibleModel):
    """A speech-to-text model of a server with OpenAI's ``/audio/transcriptions`` (OpenAI
    itself, and the local servers that copy it: whisper.cpp, faster-whisper, vLLM, ...),
    created with ``provider.transcription_model``.

    The audio goes as the multipart field ``file`` (named ``audio.<ext>`` for its media type)
    with ``model``. ``response_format`` is ``verbose_json`` (which has segments, language and
    duration) for models named ``whisper*``, as ``@ai-sdk/openai`` does for ``whisper-1``, and
    left to the server otherwise. Provider options under ``openaiCompatible`` or the provider's
    name become form fields: ``language``, ``prompt``, ``temperature``, ``response_format``
    (``json`` or ``verbose_json``; the text formats are not read), ``timestamp_granularities``
    (``["word", "segment"]``, sent as ``timestamp_granularities[]``), and any other key as is.

    Args:
        model_id: the server's model name, e.g. ``whisper-1`` or ``gpt-4o-transcribe``.
        config: the provider's shared settings.
        now: the clock for the response timestamp (inject one in tests).
    """

    _kind = "transcription"

    def __init__(
        self,
        model_id: str,
        config: ProviderConfig,
        *,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__(model_id, config)
        self._now = now

    async def do_generate(self, options: TranscriptionCallOptions) -> TranscriptionResult:
        """Transcribe ``options.audio``.

        Raises:
            APICallError: the server answered with an error, could not be reached, or returned
                a body without ``text``.
        """
        timestamp = self._now()
        warnings: list[CallWarning] = []
        merged, _ = merged_options(self._config.name, options.provider_options, warnings)
        fields: dict[str, str | list[str]] = {"model": self._model_id}
        form: dict[str, object] = {}
        if self._model_id.startswith("whisper"):
            form["response_format"] = "verbose_json"
        for key, value in merged.items():
            form[_OPTION_NAMES.get(key, key)] = value
        for key, value in form.items():
            if value is None:
                continue
            if isinstance(value, list):
                items = cast("list[object]", value)
                fields[f"{key}[]"] = [_form_value(item) for item in items]
            else:
                fields[key] = _form_value(value)
        audio = options.audio
        content = convert_base64_to_bytes(audio) if isinstance(audio, str) else audio
        file_name = f"audio.{_extension(options.media_type)}"
        url = self._config.url("/audio/transcriptions")
        request = httpx.Request(
            "POST", url, data=fields, files={"file": (file_name, content, options.media_type)}
        )
        headers = await self._config.request_headers(options.headers)
        body_values: dict[str, object] = {**fields, "file": file_name}
        result = await post_to_api(
            url=url,
            content=request.read(),
            body_values=body_values,
            success=_json_handler,
            failure=self._config.failed_response_handler,
            client=self._config.http.get(),
            headers={**headers, "content-type": request.headers["content-type"]},
            timeout=self._config.http.request_timeout,
            user_agent=self._config.user_agent,
        )
        response = result.value
        try:
            if not isinstance(response, dict):
                raise TypeError("the body is not a JSON object")
            body = cast("dict[str, Any]", response)
            text = body.get("text")
            if not isinstance(text, str):
                raise TypeError("'text' is missing or not a string")
            segments = _segments(body)
        except TypeError as error:
            raise APICallError(
                f"Invalid transcription response: {error}.",
                url=url,
                request_body_values=body_values,
                status_code=200,
                response_headers=result.response_headers,
                response_body=json_text(response),
                cause=error,
                is_retryable=False,
            ) from error
        return TranscriptionResult(
            text=text,
            segments=segments,
            language=_language(body.get("language")),
            duration_in_seconds=_number(body.get("duration")),
            warnings=warnings,
            response=TranscriptionResponseInfo(
                timestamp=timestamp,
                model_id=self._model_id,
                headers=result.response_headers,
                body=response,
            ),
        )


if TYPE_CHECKING:
    _conforms_to_spec: type[TranscriptionModel] = OpenAICompatibleTranscriptionModel
