"""`transcribe`: turn audio (bytes, base64, a file or a URL) into text with one retried call."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TypeAlias, cast

from ai_sdk._model_warnings import log_warnings
from ai_sdk._sync import sync_twin
from ai_sdk._version import __version__
from ai_sdk.prompt._download import DownloadFunction, DownloadRequest, default_download
from ai_sdk.provider import (
    DownloadError,
    InvalidArgumentError,
    InvalidDataContentError,
    NoTranscriptGeneratedError,
    ProviderOptions,
    TranscriptionCallOptions,
    TranscriptionModel,
)
from ai_sdk.provider_utils import (
    DEFAULT_MAX_RETRIES,
    convert_base64_to_bytes,
    detect_media_type,
    retry_with_backoff,
    split_data_url,
    validate_max_retries,
    with_user_agent_suffix,
)
from ai_sdk.registry._resolve import resolve_transcription_model
from ai_sdk.transcribe._result import TranscribeResult

__all__ = ["AudioInput", "transcribe", "transcribe_sync"]

AudioInput: TypeAlias = bytes | bytearray | memoryview | str | os.PathLike[str]
"""Audio for `transcribe`: bytes, base64 text, a ``data:`` URL, an ``http(s)://`` URL, or the
path of a file (a `pathlib.Path`; a plain string is read as base64 or a URL, never as a path)."""

_DEFAULT_MEDIA_TYPE = "audio/wav"
"""Upstream's media type for audio whose bytes are not recognised."""


async def _audio_bytes(audio: object, download: DownloadFunction) -> bytes:
    if isinstance(audio, bytes | bytearray):
        return bytes(audio)
    if isinstance(audio, memoryview):
        return cast("memoryview[int]", audio).tobytes()
    if isinstance(audio, os.PathLike):
        path = Path(cast("os.PathLike[str]", audio))
        try:
            # Off the event loop: audio files are often megabytes.
            return await asyncio.to_thread(path.read_bytes)
        except OSError as error:
            raise InvalidArgumentError(
                f"audio: cannot read the file {str(path)!r} ({error.strerror or error})",
                parameter="audio",
                value=str(path),
                cause=error,
            ) from error
    if isinstance(audio, str):
        lowered = audio[:8].lower()
        if lowered.startswith(("http://", "https://")):
            [downloaded] = await download([DownloadRequest(audio, False)])
            if downloaded is None:
                raise DownloadError(url=audio, message=f"The download of {audio} returned nothing")
            return downloaded.data
        if lowered.startswith("data:"):
            _, content = split_data_url(audio)
            if content is None:
                raise InvalidDataContentError(content=audio[:100], message="Invalid data URL")
            return convert_base64_to_bytes(content)
        return convert_base64_to_bytes(audio)
    raise InvalidArgumentError(
        "audio must be bytes, base64 text, a data: or http(s):// URL, or a pathlib.Path; got "
        f"{type(audio).__name__}",
        parameter="audio",
        value=audio,
    )


async def transcribe(
    *,
    model: TranscriptionModel | str,
    audio: AudioInput,
    provider_options: ProviderOptions | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str | None] | None = None,
    download: DownloadFunction | None = None,
) -> TranscribeResult:
    """Transcribe audio with a transcription (speech-to-text) model.

    The audio is sent as bytes; its media type is sniffed from them (``audio/wav`` when
    unrecognised). A URL is downloaded first (no private addresses, 100 MiB at most; pass
    ``download=create_download(...)`` to change that).

    Example::

        result = await transcribe(model="openai/whisper-1", audio=Path("meeting.mp3"))
        print(result.text, result.language, result.duration_in_seconds)
        for segment in result.segments:
            print(f"{segment.start_second:7.2f} {segment.text}")

    Args:
        model: The transcription model, or a string id resolved through the default provider.
        audio: Bytes, base64 text, a ``data:`` URL, an ``http(s)://`` URL or a `pathlib.Path`.
        provider_options: Provider-specific options, keyed by provider.
        max_retries: Retries after the first attempt for retryable errors (0 disables).
        headers: Extra HTTP headers; a ``None`` value removes a header.
        download: Fetches a URL ``audio`` (see `create_download`); the default one by default.

    Raises:
        NoTranscriptGeneratedError: The model returned no text (``responses`` says what it did).
        RetryError: Every attempt failed with a retryable error.
        APICallError: The provider call failed with an error that is not retried.
        DownloadError: A URL could not be downloaded.
        InvalidArgumentError: ``audio`` (empty, of an unknown kind, or an unreadable file) or
            ``max_retries`` is invalid.
        InvalidDataContentError: ``audio`` text is not valid base64.
    """
    validate_max_retries(max_retries)
    resolved = resolve_transcription_model(model)
    data = await _audio_bytes(audio, download or default_download)
    if not data:
        raise InvalidArgumentError("audio is empty", parameter="audio", value=audio)
    options = TranscriptionCallOptions(
        audio=data,
        media_type=detect_media_type(data, "audio") or _DEFAULT_MEDIA_TYPE,
        # As upstream: `{}` when not given, which providers then send as it is.
        provider_options=provider_options or {},
        # As upstream: the SDK's `ai/<version>` token joins the user-agent of the call.
        headers=cast("dict[str, str | None]", with_user_agent_suffix(headers, f"ai/{__version__}")),
    )
    result = await retry_with_backoff(
        lambda: resolved.do_generate(options), max_retries=max_retries
    )
    log_warnings(result.warnings, provider=resolved.provider, model_id=resolved.model_id)
    if not result.text:
        raise NoTranscriptGeneratedError(responses=[result.response])
    return TranscribeResult(
        text=result.text,
        segments=list(result.segments),
        language=result.language,
        duration_in_seconds=result.duration_in_seconds,
        warnings=list(result.warnings),
        responses=[result.response],
        provider_metadata=dict(result.provider_metadata or {}),
    )


transcribe_sync = sync_twin(transcribe)
"""`transcribe` for synchronous code (works inside a running event loop too)."""
