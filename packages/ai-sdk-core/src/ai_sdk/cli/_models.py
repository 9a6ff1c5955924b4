"""Turn the command line's `--model` (and `--base-url`, `--api-key`) into a model object.

Core never imports a provider package: the two the command line knows by name are imported
here on first use, like the registry imports the gateway, and typed by the protocols below.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Protocol, cast

from ai_sdk.cli._parser import UsageError
from ai_sdk.provider import (
    EmbeddingModel,
    LanguageModel,
    Provider,
    RerankingModel,
    SpeechModel,
    TranscriptionModel,
)
from ai_sdk.registry import (
    create_provider_registry,
    resolve_embedding_model,
    resolve_language_model,
    resolve_reranking_model,
    resolve_speech_model,
    resolve_transcription_model,
)
from ai_sdk.registry._entry_points import entry_point_names
from ai_sdk.registry._resolve import model_of

__all__ = [
    "GATEWAY",
    "OPENAI_COMPATIBLE",
    "ClosableProvider",
    "GatewayModels",
    "Models",
    "import_provider_package",
]

OPENAI_COMPATIBLE = "openai-compatible"
"""The id prefix of the server given with ``--base-url``."""
GATEWAY = "gateway"
"""The id prefix of the Vercel AI Gateway (optional: unprefixed ids go there)."""


class ClosableProvider(Provider, Protocol):
    """A provider that owns HTTP clients to close."""

    async def aclose(self) -> None:
        """Close the provider's HTTP clients."""
        ...


class _Pricing(Protocol):
    @property
    def input(self) -> str: ...
    @property
    def output(self) -> str: ...


class _ModelEntry(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def model_type(self) -> str | None: ...
    @property
    def pricing(self) -> _Pricing | None: ...


class GatewayModels(Protocol):
    """What `ai-sdk models` reads from the gateway's model list."""

    @property
    def models(self) -> list[_ModelEntry]:
        """The entries."""
        ...


class _Gateway(ClosableProvider, Protocol):
    async def get_available_models(self) -> GatewayModels: ...


class _OpenAICompatibleFactory(Protocol):
    def __call__(
        self,
        *,
        name: str,
        base_url: str,
        api_key: str | None = None,
        include_usage: bool = False,
        supports_structured_outputs: bool = False,
        json_object_schema: bool = False,
        null_content_with_tool_calls: bool = True,
    ) -> ClosableProvider: ...


class _GatewayFactory(Protocol):
    def __call__(self, *, api_key: str | None = None, base_url: str | None = None) -> _Gateway: ...


_MISSING = {
    "ai_sdk_openai_compatible": "--base-url needs the OpenAI-compatible provider: "
    "pip install ai-sdk-openai-compatible",
    "ai_sdk_gateway": "AI Gateway models need the gateway provider: pip install ai-sdk-gateway",
}


def import_provider_package(module: str) -> ModuleType:
    """Import a provider package, or explain which distribution to install.

    Raises:
        UsageError: the package is not installed.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name != module:
            raise
        raise UsageError(_MISSING[module]) from None


_Close = Callable[[], Awaitable[None]]


@dataclass
class Models:
    """Creates the providers the command line needs and closes them at the end."""

    base_url: str | None
    api_key: str | None
    gateway_url: str | None = None
    llama_cpp: bool = False
    _opened: list[_Close] = field(default_factory=list[_Close])

    def _openai_compatible(self) -> ClosableProvider:
        assert self.base_url is not None
        module = import_provider_package("ai_sdk_openai_compatible")
        factory = cast("_OpenAICompatibleFactory", module.create_openai_compatible)
        provider = factory(
            name=OPENAI_COMPATIBLE,
            base_url=self.base_url,
            api_key=self.api_key,
            include_usage=True,
            # Servers other than llama.cpp take OpenAI's json_schema response format; llama.cpp
            # wants the schema inside json_object and rejects `content: null` on tool turns.
            supports_structured_outputs=not self.llama_cpp,
            json_object_schema=self.llama_cpp,
            null_content_with_tool_calls=not self.llama_cpp,
        )
        self._opened.append(provider.aclose)
        return provider

    def gateway(self) -> _Gateway:
        """A gateway provider with the command line's key and URL."""
        module = import_provider_package("ai_sdk_gateway")
        factory = cast("_GatewayFactory", module.create_gateway)
        provider = factory(api_key=self.api_key, base_url=self.gateway_url)
        self._opened.append(provider.aclose)
        return provider

    def _route(self, model_id: str) -> tuple[Provider | None, str]:
        """The provider for ``model_id`` and the id to give it; ``None``: the registry's
        own resolution (entry points, else the default gateway)."""
        if not model_id:
            raise UsageError("no model: pass --model provider:model-id or set AI_SDK_MODEL")
        prefix, sep, rest = model_id.partition(":")
        if self.base_url is not None:
            inner = rest if sep and prefix == OPENAI_COMPATIBLE else model_id
            registry = create_provider_registry({OPENAI_COMPATIBLE: self._openai_compatible()})
            return registry, f"{OPENAI_COMPATIBLE}:{inner}"
        if sep and prefix in entry_point_names():
            return None, model_id
        if sep and prefix == OPENAI_COMPATIBLE:
            raise UsageError(
                "openai-compatible models need --base-url (or AI_SDK_BASE_URL): the server's "
                "API root, e.g. http://127.0.0.1:11434/v1"
            )
        inner = rest if sep and prefix == GATEWAY else model_id
        try:
            gateway = self.gateway()
        except UsageError:
            return None, inner  # the registry raises its own error that says what to install
        return gateway, inner

    def language_model(self, model_id: str) -> LanguageModel:
        """The language model for ``--model``."""
        provider, inner = self._route(model_id)
        return resolve_language_model(inner if provider is None else provider.language_model(inner))

    def embedding_model(self, model_id: str) -> EmbeddingModel:
        """The embedding model for ``--model``."""
        provider, inner = self._route(model_id)
        return resolve_embedding_model(
            inner if provider is None else provider.embedding_model(inner)
        )

    def reranking_model(self, model_id: str) -> RerankingModel:
        """The reranking model for ``--model``."""
        provider, inner = self._route(model_id)
        if provider is None:
            return resolve_reranking_model(inner)
        return resolve_reranking_model(
            cast("RerankingModel", model_of(provider, "rerankingModel", inner))
        )

    def speech_model(self, model_id: str) -> SpeechModel:
        """The speech model for ``--model``."""
        provider, inner = self._route(model_id)
        if provider is None:
            return resolve_speech_model(inner)
        return resolve_speech_model(cast("SpeechModel", model_of(provider, "speechModel", inner)))

    def transcription_model(self, model_id: str) -> TranscriptionModel:
        """The transcription model for ``--model``."""
        provider, inner = self._route(model_id)
        if provider is None:
            return resolve_transcription_model(inner)
        return resolve_transcription_model(
            cast("TranscriptionModel", model_of(provider, "transcriptionModel", inner))
        )

    async def aclose(self) -> None:
        """Close every provider created here."""
        opened, self._opened = self._opened, []
        for close in opened:
            await close()
