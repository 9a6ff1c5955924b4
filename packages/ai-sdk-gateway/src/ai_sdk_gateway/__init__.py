"""The Vercel AI Gateway provider for ai-sdk-python."""

from ai_sdk_gateway._version import __version__

__all__ = ["__version__"]
