"""Find providers that installed packages register under the `ai_sdk.providers` entry-point group.

A provider package makes its models reachable by string id (``"<name>:<model id>"``) by declaring,
in its ``pyproject.toml``::

    [project.entry-points."ai_sdk.providers"]
    openai-compatible = "ai_sdk_openai_compatible:provider_from_env"

The entry point's name is the id prefix. Its object is either a provider (anything with
``language_model``, ``embedding_model`` and ``image_model`` methods) or a zero-argument callable
that returns one; the callable is called once, on first use, and the provider is kept for the
life of the process (so its HTTP connection pool is reused).

Nothing here runs at import time: the installed distributions are scanned the first time a string
id needs it, and the scan is kept.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, cast

from ai_sdk.provider import InvalidArgumentError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from ai_sdk.provider import Provider

__all__ = [
    "ENTRY_POINT_GROUP",
    "clear_entry_point_cache",
    "entry_point_names",
    "load_entry_point_provider",
]

ENTRY_POINT_GROUP = "ai_sdk.providers"
"""The entry-point group provider packages register their providers under."""

_lock = threading.RLock()
_entry_points: dict[str, EntryPoint] | None = None
_loaded: dict[str, Provider] = {}


def _scan() -> dict[str, EntryPoint]:
    global _entry_points
    with _lock:
        if _entry_points is None:
            # Imported here: importlib.metadata costs import time most programs never need.
            from importlib.metadata import entry_points

            found: dict[str, EntryPoint] = {}
            for entry_point in entry_points(group=ENTRY_POINT_GROUP):
                # The first distribution on sys.path wins, as for imports.
                found.setdefault(entry_point.name, entry_point)
            _entry_points = found
        return _entry_points


def entry_point_names() -> list[str]:
    """The names (id prefixes) of every provider registered by an installed package, sorted."""
    return sorted(_scan())


def _is_provider(obj: object) -> bool:
    return all(
        callable(getattr(obj, name, None))
        for name in ("language_model", "embedding_model", "image_model")
    )


def load_entry_point_provider(name: str) -> Provider | None:
    """The provider registered under ``name``, loaded on first use; ``None`` if there is none.

    Raises:
        InvalidArgumentError: the entry point names neither a provider nor a factory of one.
    """
    provider = _loaded.get(name)
    if provider is not None:
        return provider
    entry_point = _scan().get(name)
    if entry_point is None:
        return None
    with _lock:
        provider = _loaded.get(name)
        if provider is not None:
            return provider
        obj: object = entry_point.load()
        # A provider object may itself be callable (`provider("model-id")`), so the provider
        # check comes first and only non-providers are treated as factories.
        if not _is_provider(obj) and callable(obj):
            obj = obj()
        if not _is_provider(obj):
            raise InvalidArgumentError(
                f"The entry point {name!r} in group {ENTRY_POINT_GROUP!r} ({entry_point.value}) "
                "must name a provider or a zero-argument function returning one, with "
                "language_model, embedding_model and image_model methods. Fix or uninstall the "
                "package that registers it.",
                argument="model",
                value=entry_point.value,
            )
        provider = cast("Provider", obj)
        _loaded[name] = provider
        return provider


def clear_entry_point_cache() -> None:
    """Forget the scan and the loaded providers (for tests that change sys.path)."""
    global _entry_points
    with _lock:
        _entry_points = None
        _loaded.clear()
