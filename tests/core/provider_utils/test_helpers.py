"""Headers, user agent and the small helpers."""

from __future__ import annotations

import re
import sys

import httpx
import pytest

from ai_sdk._version import __version__
from ai_sdk.provider_utils import (
    RUNTIME_USER_AGENT,
    SDK_USER_AGENT,
    build_user_agent,
    combine_headers,
    get_error_message,
    is_url_supported,
    normalize_headers,
    remove_none_entries,
    resolve,
    with_user_agent_suffix,
    without_trailing_slash,
)


def test_combine_headers_lowercases_and_lets_none_remove() -> None:
    assert combine_headers(
        {"Authorization": "Bearer a", "X-Keep": "1", "X-Drop": "2"},
        None,
        {"authorization": "Bearer b", "x-drop": None, "X-Gone": None},
        {},
    ) == {"authorization": "Bearer b", "x-keep": "1"}


def test_normalize_headers() -> None:
    assert normalize_headers(None) == {}
    assert normalize_headers([("A", "1"), ("B", None)]) == {"a": "1"}
    assert normalize_headers(httpx.Headers({"X-Y": "z"})) == {"x-y": "z"}


def test_with_user_agent_suffix() -> None:
    assert with_user_agent_suffix({"User-Agent": "app/1", "X": "y"}, "a/1", "", "b/2") == {
        "user-agent": "app/1 a/1 b/2",
        "x": "y",
    }
    assert with_user_agent_suffix(None, "a/1") == {"user-agent": "a/1"}


def test_build_user_agent() -> None:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert f"ai-sdk-python/{__version__}" == SDK_USER_AGENT
    assert f"runtime/python/{version}" == RUNTIME_USER_AGENT
    assert build_user_agent("ai-sdk/gateway/1.0") == (
        f"ai-sdk-python/{__version__} ai-sdk/gateway/1.0 runtime/python/{version}"
    )


def test_without_trailing_slash_and_remove_none_entries() -> None:
    assert [without_trailing_slash(u) for u in ["http://a/v1/", "http://a/v1", None]] == [
        "http://a/v1",
        "http://a/v1",
        None,
    ]
    assert remove_none_entries({"a": 1, "b": None, "c": 0, "d": ""}) == {"a": 1, "c": 0, "d": ""}


async def test_resolve_values_callables_and_awaitables() -> None:
    async def token() -> str:
        return "async-fn"

    async def coroutine_value() -> str:
        return "awaitable"

    assert await resolve("plain") == "plain"
    assert await resolve(lambda: "sync-fn") == "sync-fn"
    assert await resolve(token) == "async-fn"
    assert await resolve(coroutine_value()) == "awaitable"
    assert await resolve(None) is None


HTTPS = re.compile(r"^https://")
IMAGES = re.compile(r"^https://images\.example\.com/")


@pytest.mark.parametrize(
    ("media_type", "url", "supported", "expected"),
    [
        ("image/png", "https://x/a.png", {"image/*": [HTTPS]}, True),
        ("IMAGE/PNG", "HTTPS://X/A.PNG", {"image/*": [HTTPS]}, True),
        ("image/png", "http://x/a.png", {"image/*": [HTTPS]}, False),
        ("audio/mp3", "https://x/a.mp3", {"image/*": [HTTPS]}, False),
        ("audio/mp3", "https://x/a.mp3", {"*": [HTTPS]}, True),
        ("audio/mp3", "https://x/a.mp3", {"*/*": [HTTPS]}, True),
        ("application/pdf", "https://x/a.pdf", {"application/pdf": [HTTPS]}, True),
        ("image", "https://x/a", {"image/*": [HTTPS]}, True),
        ("image", "https://x/a", {"image/png": [HTTPS]}, False),
        ("image/png", "https://images.example.com/a", {"image/*": [IMAGES]}, True),
        ("image/png", "https://other.com/a", {"image/*": [IMAGES]}, False),
        ("image/png", "https://x/a", {}, False),
    ],
)
def test_is_url_supported(
    media_type: str, url: str, supported: dict[str, list[re.Pattern[str]]], expected: bool
) -> None:
    assert is_url_supported(media_type, url, supported) is expected


def test_get_error_message() -> None:
    assert [
        get_error_message(v) for v in [None, "text", ValueError("bad"), KeyError(), {"a": 1}]
    ] == ["unknown error", "text", "bad", "KeyError", '{"a":1}']
