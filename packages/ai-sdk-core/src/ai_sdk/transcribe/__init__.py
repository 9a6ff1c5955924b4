"""Transcription (speech to text): `transcribe` and its result."""

from ai_sdk.transcribe._result import TranscribeResult
from ai_sdk.transcribe._transcribe import AudioInput, transcribe, transcribe_sync

__all__ = ["AudioInput", "TranscribeResult", "transcribe", "transcribe_sync"]
