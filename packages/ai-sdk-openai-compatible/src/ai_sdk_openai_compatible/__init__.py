"""The OpenAI-compatible provider for ai-sdk-python (OpenAI, Ollama, LM Studio, vLLM, llama.cpp)."""

from ai_sdk_openai_compatible._version import __version__

__all__ = ["__version__"]
