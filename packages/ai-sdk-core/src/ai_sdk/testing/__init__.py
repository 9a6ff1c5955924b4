"""Test doubles for your own tests: scripted models that record their calls.

`MockLanguageModel` answers ``do_generate``/``do_stream`` from a script (`text_result` and
`text_stream_parts` build the common ones); `MockEmbeddingModel`, `MockImageModel` and
`MockRerankingModel` do the same for embeddings, images and rankings; `simulate_readable_stream`
turns a list into a (slow) async stream.
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
from ai_sdk.testing._stream import simulate_readable_stream

__all__ = [
    "EmbedScript",
    "GenerateScript",
    "ImageScript",
    "MockEmbeddingModel",
    "MockImageModel",
    "MockLanguageModel",
    "MockRerankingModel",
    "MockStreamRecord",
    "RerankScript",
    "StreamScript",
    "simulate_readable_stream",
    "text_result",
    "text_stream_parts",
    "usage",
]
