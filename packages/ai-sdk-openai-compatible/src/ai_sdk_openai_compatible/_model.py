"""What the provider's chat, completion, embedding and image models share: name and config."""

from __future__ import annotations

from typing import ClassVar, Literal

from ai_sdk_openai_compatible._config import ProviderConfig

__all__ = ["OpenAICompatibleModel"]


class OpenAICompatibleModel:
    """The base of every model kind: the server's model name and the provider's shared config
    (and with it the one HTTP client of the provider)."""

    specification_version: Literal["v4"] = "v4"
    _kind: ClassVar[str]
    """What the model does, the suffix of `provider`: ``chat``, ``completion``, ..."""

    def __init__(self, model_id: str, config: ProviderConfig) -> None:
        self._model_id = model_id
        self._config = config

    @property
    def provider(self) -> str:
        """``<provider name>.<kind>``, e.g. ``ollama.chat`` or ``ollama.embedding``."""
        return f"{self._config.name}.{self._kind}"

    @property
    def model_id(self) -> str:
        """The server's model name."""
        return self._model_id

    def __repr__(self) -> str:
        return f"{type(self).__name__}(provider={self.provider!r}, model_id={self._model_id!r})"
