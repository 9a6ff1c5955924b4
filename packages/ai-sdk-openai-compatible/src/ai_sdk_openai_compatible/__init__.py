"""The OpenAI-compatible provider for ai-sdk-python (OpenAI, Ollama, LM Studio, vLLM, llama.cpp).

Chat, completion, embedding, image, speech (``/audio/speech``) and transcription
(``/audio/transcriptions``) models.

```python
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(name="ollama", base_url="http://127.0.0.1:11434/v1")
model = local("llama3.2")                     # chat model
embedder = local.embedding_model("nomic-embed-text")
ears = local.transcription_model("whisper-1")  # /audio/transcriptions
```

Names are imported on first access, as in `ai_sdk`: `import ai_sdk_openai_compatible` alone
loads neither the models nor pydantic and httpx.
"""

from typing import TYPE_CHECKING, Any

from ai_sdk.provider_utils import LazyExports as _LazyExports
from ai_sdk_openai_compatible._version import __version__

# Each name of the TYPE_CHECKING block below is imported on first use, so that a text call
# does not load the other model kinds.
_exports = _LazyExports(__name__, __file__, globals())


__all__ = [
    "DEFAULT_ERROR_STRUCTURE",
    "DEFAULT_MAX_EMBEDDINGS_PER_CALL",
    "DEFAULT_MAX_IMAGES_PER_CALL",
    "SPEECH_OUTPUT_FORMATS",
    "ApiKey",
    "ErrorStructure",
    "MetadataExtractor",
    "OpenAICompatibleChatLanguageModel",
    "OpenAICompatibleCompletionLanguageModel",
    "OpenAICompatibleEmbeddingModel",
    "OpenAICompatibleErrorData",
    "OpenAICompatibleErrorDetail",
    "OpenAICompatibleImageModel",
    "OpenAICompatibleProvider",
    "OpenAICompatibleSpeechModel",
    "OpenAICompatibleTranscriptionModel",
    "RequestBodyTransform",
    "StreamMetadataExtractor",
    "UsageConverter",
    "__version__",
    "create_openai_compatible",
]


def __getattr__(name: str) -> Any:
    return _exports.get(name)


def __dir__() -> list[str]:
    return _exports.names()


if TYPE_CHECKING:
    from ai_sdk_openai_compatible._chat_model import OpenAICompatibleChatLanguageModel
    from ai_sdk_openai_compatible._completion_model import OpenAICompatibleCompletionLanguageModel
    from ai_sdk_openai_compatible._config import (
        DEFAULT_MAX_EMBEDDINGS_PER_CALL,
        DEFAULT_MAX_IMAGES_PER_CALL,
        ApiKey,
        RequestBodyTransform,
        UsageConverter,
    )
    from ai_sdk_openai_compatible._embedding_model import OpenAICompatibleEmbeddingModel
    from ai_sdk_openai_compatible._errors import (
        DEFAULT_ERROR_STRUCTURE,
        ErrorStructure,
        OpenAICompatibleErrorData,
        OpenAICompatibleErrorDetail,
    )
    from ai_sdk_openai_compatible._image_model import OpenAICompatibleImageModel
    from ai_sdk_openai_compatible._metadata import MetadataExtractor, StreamMetadataExtractor
    from ai_sdk_openai_compatible._provider import (
        OpenAICompatibleProvider,
        create_openai_compatible,
    )
    from ai_sdk_openai_compatible._speech_model import (
        SPEECH_OUTPUT_FORMATS,
        OpenAICompatibleSpeechModel,
    )
    from ai_sdk_openai_compatible._transcription_model import OpenAICompatibleTranscriptionModel
