"""Test doubles for your own tests: scripted models that record their calls.

`MockLanguageModel` answers ``do_generate``/``do_stream`` from a script (`text_result` and
`text_stream_parts` build the common ones); the mocks of the other model kinds
(`MockEmbeddingModel`, `MockImageModel`, `MockRerankingModel`, `MockSpeechModel`, ...) do the same
for theirs; `simulate_readable_stream` turns a list into a (slow) async stream.
"""

from ai_sdk.testing._embedding import EmbedScript, MockEmbeddingModel
from ai_sdk.testing._image import ImageScript, MockImageModel
from ai_sdk.testing._language import (
    GenerateScript,
    MockLanguageModel,
    MockStreamRecord,
    StreamScript,
    text_result,
    text_stream_parts,
    usage,
)
from ai_sdk.testing._reranking import MockRerankingModel, RerankScript
from ai_sdk.testing._speech import MockSpeechModel, SpeechScript
from ai_sdk.testing._stream import simulate_readable_stream
from ai_sdk.testing._transcription import MockTranscriptionModel, TranscriptionScript
from ai_sdk.testing._video import MockVideoModel, VideoScript

__all__ = [
    "EmbedScript",
    "GenerateScript",
    "ImageScript",
    "MockEmbeddingModel",
    "MockImageModel",
    "MockLanguageModel",
    "MockRerankingModel",
    "MockSpeechModel",
    "MockStreamRecord",
    "MockTranscriptionModel",
    "MockVideoModel",
    "RerankScript",
    "SpeechScript",
    "StreamScript",
    "TranscriptionScript",
    "VideoScript",
    "simulate_readable_stream",
    "text_result",
    "text_stream_parts",
    "usage",
]
