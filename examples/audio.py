"""Text to speech and back: `generate_speech` writes an audio file, `transcribe` reads it.

    AI_SDK_BASE_URL=https://api.openai.com/v1 AI_SDK_API_KEY=sk-... python examples/audio.py

Needs a server with OpenAI's /audio/speech and /audio/transcriptions endpoints (OpenAI, or a
local one such as Speaches or LocalAI); AI_SDK_SPEECH_MODEL and AI_SDK_TRANSCRIPTION_MODEL name
its models.
"""

import asyncio
import os
from pathlib import Path

from ai_sdk import generate_speech, transcribe
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:8000/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
SPEECH_MODEL = os.environ.get("AI_SDK_SPEECH_MODEL", "gpt-4o-mini-tts")
TRANSCRIPTION_MODEL = os.environ.get("AI_SDK_TRANSCRIPTION_MODEL", "whisper-1")
OUTPUT_DIR = Path(os.environ.get("AI_SDK_OUTPUT_DIR", "."))


async def main() -> None:
    async with local:
        speech = await generate_speech(
            model=local.speech_model(SPEECH_MODEL),
            text="The quick brown fox jumps over the lazy dog.",
            voice="alloy",
            output_format="mp3",
        )
        path = OUTPUT_DIR / f"fox.{speech.audio.format}"
        path.write_bytes(speech.audio.data)
        print(f"saved {path} ({len(speech.audio.data)} bytes, {speech.audio.media_type})")

        heard = await transcribe(model=local.transcription_model(TRANSCRIPTION_MODEL), audio=path)
    print(f"heard: {heard.text}")
    for segment in heard.segments:
        print(f"  {segment.start_second:5.2f}-{segment.end_second:5.2f} {segment.text.strip()}")


if __name__ == "__main__":
    asyncio.run(main())
