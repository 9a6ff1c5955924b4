"""Speech generation (text to speech): `generate_speech` and its result."""

from ai_sdk.generate_speech._generate_speech import generate_speech, generate_speech_sync
from ai_sdk.generate_speech._result import GenerateSpeechResult

__all__ = ["GenerateSpeechResult", "generate_speech", "generate_speech_sync"]
