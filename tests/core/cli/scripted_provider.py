"""A provider the CLI tests register under the entry-point name ``scripted`` (core only, no HTTP).

Its models answer what ``AI_SDK_TEST_SCRIPT`` (JSON) says and write every call's options, as wire
JSON, to the file named by ``AI_SDK_TEST_RECORD``: the tests check both ends of the command line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ai_sdk.provider import (
    APICallError,
    CallOptions,
    EmbeddingCallOptions,
    EmbeddingResult,
    to_wire,
)
from ai_sdk.testing import (
    MockEmbeddingModel,
    MockLanguageModel,
    text_result,
    text_stream_parts,
    usage,
)


def _script() -> dict[str, Any]:
    return json.loads(os.environ.get("AI_SDK_TEST_SCRIPT", "{}"))


def _record(options: CallOptions | EmbeddingCallOptions) -> None:
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
    """Language and embedding models from the script; no image models."""

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


provider = ScriptedProvider()
