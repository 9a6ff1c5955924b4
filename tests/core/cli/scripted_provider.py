"""A provider the CLI tests register under the entry-point name ``scripted`` (core only, no HTTP).

Its models answer what ``AI_SDK_TEST_SCRIPT`` (JSON) says and write every call's options, as wire
JSON, to the file named by ``AI_SDK_TEST_RECORD``: the tests check both ends of the command line.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ai_sdk.provider import (
    APICallError,
    CallOptions,
    EmbeddingCallOptions,
    EmbeddingResult,
    RankedDocument,
    RerankingCallOptions,
    RerankingResult,
    SpeechCallOptions,
    SpeechResponseInfo,
    SpeechResult,
    TranscriptionCallOptions,
    TranscriptionResponseInfo,
    TranscriptionResult,
    TranscriptionSegment,
    WireModel,
    to_wire,
)
from ai_sdk.testing import (
    MockEmbeddingModel,
    MockLanguageModel,
    MockRerankingModel,
    MockSpeechModel,
    MockTranscriptionModel,
    text_result,
    text_stream_parts,
    usage,
)

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24
"""What the scripted speech model says, whatever the text."""
WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def _script() -> dict[str, Any]:
    return json.loads(os.environ.get("AI_SDK_TEST_SCRIPT", "{}"))


def _record(options: CallOptions | EmbeddingCallOptions | WireModel) -> None:
    path = os.environ.get("AI_SDK_TEST_RECORD")
    if path:
        with Path(path).open("a") as file:
            file.write(json.dumps(to_wire(options)) + "\n")


def _failure() -> APICallError | None:
    error = _script().get("error")
    if error is None:
        return None
    return APICallError(
        error["message"], url="http://scripted.test/v1", status_code=error["status"]
    )


class ScriptedProvider:
    """Language, embedding, reranking, speech and transcription models from the script; no
    image models."""

    def language_model(self, model_id: str) -> MockLanguageModel:
        script = _script()

        def generate(options: CallOptions) -> Any:
            _record(options)
            if (error := _failure()) is not None:
                raise error
            return text_result(script.get("text", ""), usage=usage(3, 5))

        def stream(options: CallOptions) -> Any:
            _record(options)
            if (error := _failure()) is not None:
                raise error
            return text_stream_parts(*script.get("deltas", []), usage=usage(3, 5))

        return MockLanguageModel(
            provider="scripted", model_id=model_id, do_generate=generate, do_stream=stream
        )

    def embedding_model(self, model_id: str) -> MockEmbeddingModel:
        def embed(options: EmbeddingCallOptions) -> EmbeddingResult:
            _record(options)
            return EmbeddingResult(embeddings=[[float(len(v)), 0.5] for v in options.values])

        return MockEmbeddingModel(
            provider="scripted", model_id=model_id, max_embeddings_per_call=2, do_embed=embed
        )

    def image_model(self, model_id: str) -> Any:
        raise NotImplementedError

    def reranking_model(self, model_id: str) -> MockRerankingModel:
        """Ranks documents by how often the query's first letter occurs in them."""

        def rank(options: RerankingCallOptions) -> RerankingResult:
            _record(options)
            letter = options.query[:1]
            values = [str(value) for value in options.documents.values]
            scores = [value.count(letter) / (len(value) or 1) for value in values]
            order = sorted(range(len(values)), key=lambda index: -scores[index])
            return RerankingResult(
                ranking=[
                    RankedDocument(index=index, relevance_score=scores[index])
                    for index in order[: options.top_n]
                ]
            )

        return MockRerankingModel(provider="scripted", model_id=model_id, do_rerank=rank)

    def speech_model(self, model_id: str) -> MockSpeechModel:
        def speak(options: SpeechCallOptions) -> SpeechResult:
            _record(options)
            return SpeechResult(
                audio=WAV, response=SpeechResponseInfo(timestamp=WHEN, model_id=model_id)
            )

        return MockSpeechModel(provider="scripted", model_id=model_id, do_generate=speak)

    def transcription_model(self, model_id: str) -> MockTranscriptionModel:
        def hear(options: TranscriptionCallOptions) -> TranscriptionResult:
            _record(options)
            return TranscriptionResult(
                text=_script().get("text", "hello world"),
                segments=[
                    TranscriptionSegment(text="hello", start_second=0, end_second=0.5),
                    TranscriptionSegment(text="world", start_second=0.5, end_second=1.25),
                ],
                language="en",
                duration_in_seconds=1.25,
                response=TranscriptionResponseInfo(timestamp=WHEN, model_id=model_id),
            )

        return MockTranscriptionModel(provider="scripted", model_id=model_id, do_generate=hear)


provider = ScriptedProvider()
