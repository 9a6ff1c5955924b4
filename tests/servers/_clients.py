"""The HTTP client of the backend under test: ``AI_SDK_HTTP_BACKEND`` (httpx, httpx2, aiohttp)
picks the same kind of client the providers create, so one test runs on every backend."""

from __future__ import annotations

import os
from typing import Any

import httpx


def http_backend() -> str:
    """The backend the tests run on (``httpx`` unless ``AI_SDK_HTTP_BACKEND`` says otherwise)."""
    return os.environ.get("AI_SDK_HTTP_BACKEND", "httpx")


def http_client_for_tests(**options: Any) -> Any:
    """A new async client of the backend under test, built with ``options`` (e.g. ``timeout``)."""
    backend = http_backend()
    if backend == "httpx2":
        import httpx2

        return httpx2.AsyncClient(**options)
    if backend == "aiohttp":
        from httpx_aiohttp import HttpxAiohttpClient

        return HttpxAiohttpClient(**options)
    return httpx.AsyncClient(**options)


def http_library() -> Any:
    """The module whose exceptions the backend under test raises (httpx2 for httpx2; the
    aiohttp transport maps aiohttp's failures onto httpx's)."""
    if http_backend() == "httpx2":
        import httpx2

        return httpx2
    return httpx
