"""The OpenAI-compatible provider for ai-sdk-python (OpenAI, Ollama, LM Studio, vLLM, llama.cpp).

```python
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(name="ollama", base_url="http://127.0.0.1:11434/v1")
model = local("llama3.2")                     # chat model
embedder = local.embedding_model("nomic-embed-text")
```
"""

from ai_sdk_openai_compatible._chat_model import OpenAICompatibleChatLanguageModel
from ai_sdk_openai_compatible._completion_model import OpenAICompatibleCompletionLanguageModel
from ai_sdk_openai_compatible._config import ApiKey, RequestBodyTransform, UsageConverter
from ai_sdk_openai_compatible._embedding_model import (
    DEFAULT_MAX_EMBEDDINGS_PER_CALL,
    OpenAICompatibleEmbeddingModel,
)
from ai_sdk_openai_compatible._errors import (
    DEFAULT_ERROR_STRUCTURE,
    ErrorStructure,
    OpenAICompatibleErrorData,
    OpenAICompatibleErrorDetail,
)
from ai_sdk_openai_compatible._image_model import (
    DEFAULT_MAX_IMAGES_PER_CALL,
    OpenAICompatibleImageModel,
)
from ai_sdk_openai_compatible._metadata import MetadataExtractor, StreamMetadataExtractor
from ai_sdk_openai_compatible._provider import OpenAICompatibleProvider, create_openai_compatible
from ai_sdk_openai_compatible._version import __version__

__all__ = [
    "DEFAULT_ERROR_STRUCTURE",
    "DEFAULT_MAX_EMBEDDINGS_PER_CALL",
    "DEFAULT_MAX_IMAGES_PER_CALL",
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
    "RequestBodyTransform",
    "StreamMetadataExtractor",
    "UsageConverter",
    "__version__",
    "create_openai_compatible",
]
