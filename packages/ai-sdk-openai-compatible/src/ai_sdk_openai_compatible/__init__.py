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

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ai_sdk_openai_compatible._version import __version__

# name -> module that defines it
_EXPORTS: dict[str, str] = {
    "ApiKey": "ai_sdk_openai_compatible._config",
    "create_openai_compatible": "ai_sdk_openai_compatible._provider",
    "DEFAULT_ERROR_STRUCTURE": "ai_sdk_openai_compatible._errors",
    "DEFAULT_MAX_EMBEDDINGS_PER_CALL": "ai_sdk_openai_compatible._config",
    "DEFAULT_MAX_IMAGES_PER_CALL": "ai_sdk_openai_compatible._config",
    "ErrorStructure": "ai_sdk_openai_compatible._errors",
    "MetadataExtractor": "ai_sdk_openai_compatible._metadata",
    "OpenAICompatibleChatLanguageModel": "ai_sdk_openai_compatible._chat_model",
    "OpenAICompatibleCompletionLanguageModel": "ai_sdk_openai_compatible._completion_model",
    "OpenAICompatibleEmbeddingModel": "ai_sdk_openai_compatible._embedding_model",
    "OpenAICompatibleErrorData": "ai_sdk_openai_compatible._errors",
    "OpenAICompatibleErrorDetail": "ai_sdk_openai_compatible._errors",
    "OpenAICompatibleImageModel": "ai_sdk_openai_compatible._image_model",
    "OpenAICompatibleProvider": "ai_sdk_openai_compatible._provider",
    "OpenAICompatibleSpeechModel": "ai_sdk_openai_compatible._speech_model",
    "OpenAICompatibleTranscriptionModel": "ai_sdk_openai_compatible._transcription_model",
    "SPEECH_OUTPUT_FORMATS": "ai_sdk_openai_compatible._speech_model",
    "RequestBodyTransform": "ai_sdk_openai_compatible._config",
    "StreamMetadataExtractor": "ai_sdk_openai_compatible._metadata",
    "UsageConverter": "ai_sdk_openai_compatible._config",
}

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
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ai_sdk_openai_compatible' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
