"""Fixtures of the reliability suite: providers aimed at the loopback server, and a guard that
fails any test in which an SDK error, or a log record, contains the API key."""

from __future__ import annotations

import logging
import weakref
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from ai_sdk.provider import AISDKError
from ai_sdk_openai_compatible import OpenAICompatibleProvider, create_openai_compatible
from tests.reliability._helpers import SECRET
from tests.servers import LoopbackServer

ProviderFactory = Callable[..., OpenAICompatibleProvider]


def _texts(error: BaseException, seen: set[int]) -> Iterator[str]:
    """Every string a user could see from ``error``: message, repr, attributes, the chain."""
    if id(error) in seen:
        return
    seen.add(id(error))
    yield str(error)
    yield repr(error)
    for value in vars(error).values():
        if isinstance(value, BaseException):
            yield from _texts(value, seen)
        else:
            yield repr(value)
    for linked in (error.__cause__, error.__context__):
        if linked is not None:
            yield from _texts(linked, seen)


class SecretGuard:
    """Records every `AISDKError` created during a test (each provider package's too)."""

    def __init__(self) -> None:
        self.created = 0
        self.leaks: list[str] = []
        self._alive: list[weakref.ref[AISDKError]] = []
        self._leaked: set[int] = set()

    def check(self, error: BaseException) -> None:
        if id(error) in self._leaked:
            return
        for text in _texts(error, set()):
            if SECRET in text:
                self._leaked.add(id(error))
                self.leaks.append(f"{type(error).__name__}: {text[:300]}")
                return

    def record(self, error: AISDKError) -> None:
        self.created += 1
        self.check(error)  # message and cause now; every attribute again at teardown
        self._alive.append(weakref.ref(error))

    def finish(self) -> None:
        for ref in self._alive:
            error = ref()
            if error is not None:
                self.check(error)
        self._alive.clear()


@pytest.fixture(autouse=True)
def secret_guard(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> Iterator[SecretGuard]:
    """Fail the test if the API key shows up in any SDK error (message, repr, fields, causes)
    or in any log record, at any level."""
    guard = SecretGuard()
    original = AISDKError.__init__

    def init(self: AISDKError, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        guard.record(self)

    monkeypatch.setattr(AISDKError, "__init__", init)
    caplog.set_level(logging.DEBUG)
    yield guard
    monkeypatch.setattr(AISDKError, "__init__", original)
    guard.finish()
    for record in caplog.records:
        if SECRET in record.getMessage():
            guard.leaks.append(f"log {record.name}: {record.getMessage()[:300]}")
    assert guard.leaks == []


@pytest.fixture
async def make_provider(server: LoopbackServer) -> AsyncIterator[ProviderFactory]:
    """Build OpenAI-compatible providers aimed at the test's server (API key `SECRET`); all are
    closed after the test."""
    made: list[OpenAICompatibleProvider] = []

    def make(**settings: Any) -> OpenAICompatibleProvider:
        settings.setdefault("name", "reliability")
        settings.setdefault("base_url", f"{server.url}/v1")
        settings.setdefault("api_key", SECRET)
        provider = create_openai_compatible(**settings)
        made.append(provider)
        return provider

    yield make
    for provider in made:
        await provider.aclose()


@pytest.fixture
def provider(make_provider: ProviderFactory) -> OpenAICompatibleProvider:
    """A provider with the default settings, aimed at the test's server."""
    return make_provider()
