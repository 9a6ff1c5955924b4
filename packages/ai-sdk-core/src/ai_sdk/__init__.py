"""ai-sdk-python: one typed interface to call any LLM.

The public surface is re-exported here; the specification types live in `ai_sdk.provider` and the
helpers providers build on in `ai_sdk.provider_utils`.
"""

from ai_sdk._version import __version__

__all__ = ["__version__"]
