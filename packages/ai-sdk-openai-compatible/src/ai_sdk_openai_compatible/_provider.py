"""`create_openai_compatible`: one provider object for any server that speaks OpenAI's HTTP API."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Self

import httpx

from ai_sdk._sync import run_sync
from ai_sdk.provider import InvalidArgumentError
from ai_sdk.provider_utils import AsyncHTTPClient, HTTPClientHolder, without_trailing_slash
from ai_sdk_openai_compatible._chat_model import OpenAICompatibleChatLanguageModel
from ai_sdk_openai_compatible._config import (
    DEFAULT_MAX_EMBEDDINGS_PER_CALL,
    DEFAULT_MAX_IMAGES_PER_CALL,
    ApiKey,
    ProviderConfig,
    RequestBodyTransform,
    UsageConverter,
)
from ai_sdk_openai_compatible._errors import DEFAULT_ERROR_STRUCTURE, ErrorStructure
from ai_sdk_openai_compatible._metadata import MetadataExtractor

# The other model kinds are imported by the methods that make them, so that a chat call does not
# load their modules (nor the spec modules they build on).
if TYPE_CHECKING:
    from ai_sdk_openai_compatible._completion_model import (
        OpenAICompatibleCompletionLanguageModel,
    )
    from ai_sdk_openai_compatible._embedding_model import OpenAICompatibleEmbeddingModel
    from ai_sdk_openai_compatible._image_model import OpenAICompatibleImageModel
    from ai_sdk_openai_compatible._speech_model import OpenAICompatibleSpeechModel
    from ai_sdk_openai_compatible._transcription_model import (
        OpenAICompatibleTranscriptionModel,
    )

__all__ = ["OpenAICompatibleProvider", "create_openai_compatible"]

_closing: set[asyncio.Task[None]] = set()
"""Closings `OpenAICompatibleProvider.close` scheduled on a running loop, kept alive until done."""


class OpenAICompatibleProvider:
    """Models of one OpenAI-compatible server; calling it makes a chat model.

    It owns one HTTP client per event loop (an `httpx.AsyncClient` by default), created on first
    use and shared by all of its models (unless an ``http_client`` was given, which is used as is
    and never closed here). Close it with ``await provider.aclose()`` or
    ``async with provider: ...`` (in synchronous code ``provider.close()`` or
    ``with provider: ...``).

    Create it with `create_openai_compatible`.
    """

    specification_version: Literal["v4"] = "v4"

    def __init__(self, config: ProviderConfig) -> None:
        self._config = config

    @property
    def name(self) -> str:
        """The provider name (the prefix of each model's ``provider``)."""
        return self._config.name

    @property
    def base_url(self) -> str:
        """The API base URL, e.g. ``http://127.0.0.1:11434/v1``."""
        return self._config.base_url

    def __call__(self, model_id: str) -> OpenAICompatibleChatLanguageModel:
        """The chat model ``model_id`` (same as `chat_model`)."""
        return self.chat_model(model_id)

    def language_model(self, model_id: str) -> OpenAICompatibleChatLanguageModel:
        """The chat model ``model_id`` (the `Provider` protocol's name for it)."""
        return self.chat_model(model_id)

    def chat_model(self, model_id: str) -> OpenAICompatibleChatLanguageModel:
        """A chat model (``/chat/completions``)."""
        return OpenAICompatibleChatLanguageModel(model_id, self._config)

    def completion_model(self, model_id: str) -> OpenAICompatibleCompletionLanguageModel:
        """A text completion model (``/completions``)."""
        from ai_sdk_openai_compatible._completion_model import (
            OpenAICompatibleCompletionLanguageModel,
        )

        return OpenAICompatibleCompletionLanguageModel(model_id, self._config)

    def embedding_model(
        self,
        model_id: str,
        *,
        max_embeddings_per_call: int | None = DEFAULT_MAX_EMBEDDINGS_PER_CALL,
        supports_parallel_calls: bool = True,
    ) -> OpenAICompatibleEmbeddingModel:
        """An embedding model (``/embeddings``).

        Args:
            model_id: the server's model name.
            max_embeddings_per_call: the most values per request (``embed_many`` splits
                larger inputs); ``None`` for no limit.
            supports_parallel_calls: whether ``embed_many`` may send requests concurrently.
        """
        from ai_sdk_openai_compatible._embedding_model import OpenAICompatibleEmbeddingModel

        return OpenAICompatibleEmbeddingModel(
            model_id,
            self._config,
            max_embeddings_per_call=max_embeddings_per_call,
            supports_parallel_calls=supports_parallel_calls,
        )

    text_embedding_model = embedding_model
    """Another name for `embedding_model`."""

    def image_model(
        self, model_id: str, *, max_images_per_call: int | None = DEFAULT_MAX_IMAGES_PER_CALL
    ) -> OpenAICompatibleImageModel:
        """An image model (``/images/generations``, ``/images/edits``)."""
        from ai_sdk_openai_compatible._image_model import OpenAICompatibleImageModel

        return OpenAICompatibleImageModel(
            model_id, self._config, max_images_per_call=max_images_per_call
        )

    def speech_model(self, model_id: str) -> OpenAICompatibleSpeechModel:
        """A text-to-speech model (``/audio/speech``), e.g. ``gpt-4o-mini-tts``."""
        from ai_sdk_openai_compatible._speech_model import OpenAICompatibleSpeechModel

        return OpenAICompatibleSpeechModel(model_id, self._config)

    def transcription_model(self, model_id: str) -> OpenAICompatibleTranscriptionModel:
        """A speech-to-text model (``/audio/transcriptions``), e.g. ``whisper-1``."""
        from ai_sdk_openai_compatible._transcription_model import OpenAICompatibleTranscriptionModel

        return OpenAICompatibleTranscriptionModel(model_id, self._config)

    async def aclose(self) -> None:
        """Close the HTTP clients this provider created (a given ``http_client`` stays open)."""
        await self._config.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def close(self) -> None:
        """`aclose` for synchronous code (after the ``_sync`` functions); also ``with provider:``.

        With no event loop running in this thread it blocks until the clients are closed. Where
        one runs (a Jupyter cell, a coroutine) it cannot wait for that loop's own client without
        blocking the loop, so the closing is scheduled on it and done when it next runs;
        ``await provider.aclose()`` there closes at once.
        """
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            run_sync(self.aclose)
            return
        task = loop.create_task(self.aclose())
        _closing.add(task)  # the loop keeps only a weak reference to its tasks
        task.add_done_callback(_closing.discard)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"OpenAICompatibleProvider(name={self.name!r}, base_url={self.base_url!r})"


def create_openai_compatible(
    *,
    name: str,
    base_url: str,
    api_key: ApiKey | None = None,
    headers: Mapping[str, str | None] | None = None,
    query_params: Mapping[str, str] | None = None,
    http_client: AsyncHTTPClient | None = None,
    timeout: httpx.Timeout | float | None = None,
    include_usage: bool = False,
    supports_structured_outputs: bool = False,
    json_object_schema: bool = False,
    null_content_with_tool_calls: bool = True,
    transform_request_body: RequestBodyTransform | None = None,
    metadata_extractor: MetadataExtractor | None = None,
    error_structure: ErrorStructure[Any] | None = None,
    convert_usage: UsageConverter | None = None,
    supported_urls: Mapping[str, Sequence[re.Pattern[str]]] | None = None,
    embedding_encoding: Literal["float", "base64"] = "float",
) -> OpenAICompatibleProvider:
    """A provider for a server that speaks OpenAI's HTTP API (Ollama, LM Studio, vLLM, llama.cpp,
    OpenAI itself, and the many hosted ones).

    Args:
        name: names the provider: models report ``<name>.chat`` etc., and call-level
            ``provider_options`` are read under this name (or its camelCase form).
        base_url: the API root, e.g. ``http://127.0.0.1:11434/v1``; paths such as
            ``/chat/completions`` are appended. A query string in it is kept.
        api_key: sent as ``Authorization: Bearer <key>``: a string, or a function (sync or
            async) called before every request (for short-lived tokens). ``None`` (local
            servers) sends no Authorization header.
        headers: extra headers for every request; they may override Authorization, and a
            ``None`` value removes a header.
        query_params: added to every request URL (e.g. Azure's ``api-version``).
        http_client: your own `httpx.AsyncClient` or `httpx2.AsyncClient` (proxies, mTLS,
            custom transports); it is
            never closed by the provider.
        timeout: the timeout of every request; by default 10 minutes between received bytes
            and 10 s to connect (see `ai_sdk.provider_utils.DEFAULT_TIMEOUT`).
        include_usage: ask for token usage when streaming (``stream_options.include_usage``).
            Off by default because some servers reject ``stream_options``; without it most
            servers report no usage for streams, and usage is then ``None``.
        supports_structured_outputs: send JSON schemas as ``response_format: {"type":
            "json_schema", ...}`` (OpenAI, vLLM, LM Studio, Ollama). Without it a schema is
            dropped (with a warning) and ``json_object`` is asked for.
        json_object_schema: when structured outputs are not supported, send the schema as
            ``{"type": "json_object", "schema": ...}``, which llama.cpp servers (and
            llama-cpp-python) enforce with a grammar; their ``json_schema`` form fails.
        null_content_with_tool_calls: an assistant turn with tool calls but no text is sent
            with ``content: null`` (OpenAI's form; Bedrock, xAI and DeepSeek reject ``""``
            there). Set ``False`` for servers that demand a string (llama-cpp-python answers
            HTTP 500 to null), which then get ``""``.
        transform_request_body: rewrites every chat request body just before it is sent.
        metadata_extractor: lifts server-specific response fields into provider metadata.
        error_structure: the shape of the server's error bodies, if it is not OpenAI's.
        convert_usage: replaces the conversion of the server's ``usage`` object.
        supported_urls: file URLs (by media type pattern) the server downloads itself; others
            are downloaded by the SDK and sent inline.
        embedding_encoding: how embedding models ask for vectors: ``"float"`` (JSON numbers,
            the default and what the TypeScript SDK sends) or ``"base64"`` (little-endian
            float32, as openai-python asks), for servers that support it (OpenAI, vLLM, ...):
            fewer bytes and far less JSON to parse. Vectors are lists of floats either way.

    Returns:
        The provider: ``provider("model")`` is a chat model; ``.completion_model``,
        ``.embedding_model`` and ``.image_model`` make the other kinds.

    Example:
        >>> ollama = create_openai_compatible(name="ollama", base_url="http://127.0.0.1:11434/v1")
        >>> model = ollama("llama3.2")
    """
    if not name:
        raise InvalidArgumentError("The provider needs a non-empty name.", argument="name")
    base = without_trailing_slash(base_url)
    if not base or not base.startswith(("http://", "https://")):
        raise InvalidArgumentError(
            "base_url must be an http(s) URL such as 'http://127.0.0.1:8080/v1', "
            f"got {base_url!r}.",
            argument="base_url",
            value=base_url,
        )
    config = ProviderConfig(
        name=name,
        base_url=base,
        api_key=api_key,
        headers=dict(headers or {}),
        query_params=dict(query_params) if query_params else None,
        http=HTTPClientHolder(http_client, timeout=timeout),
        error_structure=error_structure or DEFAULT_ERROR_STRUCTURE,
        include_usage=include_usage,
        supports_structured_outputs=supports_structured_outputs,
        json_object_schema=json_object_schema,
        null_content_with_tool_calls=null_content_with_tool_calls,
        transform_request_body=transform_request_body,
        metadata_extractor=metadata_extractor,
        convert_usage=convert_usage,
        supported_urls=dict(supported_urls or {}),
        embedding_encoding=_embedding_encoding(embedding_encoding),
    )
    return OpenAICompatibleProvider(config)


def _embedding_encoding(value: str) -> Literal["float", "base64"]:
    if value == "float" or value == "base64":
        return value
    raise InvalidArgumentError(
        f"embedding_encoding must be 'float' or 'base64', got {value!r}.",
        argument="embedding_encoding",
        value=value,
    )
