"""ai-sdk-python: one typed interface to call any LLM.

The public surface is re-exported here; the specification types live in `ai_sdk.provider` and the
helpers providers build on in `ai_sdk.provider_utils`. Names are imported on first access so that
`import ai_sdk` stays cheap for programs (and providers) that only need part of it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ai_sdk._version import __version__

# name -> module that defines it
_EXPORTS: dict[str, str] = {}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ai_sdk' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    pass
