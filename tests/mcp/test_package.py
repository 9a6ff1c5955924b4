"""The package surface: exports, docstrings, the error tree, and what creating a client does."""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import re
import sys

import pytest

import ai_sdk_mcp
from ai_sdk.provider import AISDKError
from ai_sdk_mcp import (
    HttpTransport,
    MCPClient,
    MCPClientError,
    MCPConnectionError,
    MCPTimeoutError,
    SSETransport,
    StdioTransport,
)


def test_version_is_semver() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", ai_sdk_mcp.__version__)


def test_every_public_name_is_exported() -> None:
    public = {name for name in vars(ai_sdk_mcp) if not name.startswith("_")}

    assert public == set(ai_sdk_mcp.__all__) - {"__version__"}


def test_every_public_name_and_member_has_a_docstring() -> None:
    missing: list[str] = []
    for name in ai_sdk_mcp.__all__:
        value = getattr(ai_sdk_mcp, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            if not (value.__doc__ or "").strip():
                missing.append(name)
            if inspect.isclass(value):
                for member, attribute in vars(value).items():
                    if member.startswith("_") and member not in ("__aenter__", "__enter__"):
                        continue
                    documented = (getattr(attribute, "__doc__", None) or "").strip()
                    if (callable(attribute) or isinstance(attribute, property)) and not documented:
                        missing.append(f"{name}.{member}")
    assert missing == []


def test_the_error_tree() -> None:
    assert issubclass(MCPClientError, AISDKError)
    assert issubclass(MCPConnectionError, MCPClientError)
    assert issubclass(MCPTimeoutError, MCPClientError)
    error = MCPClientError("bad params", code=-32602, data={"field": "a"})
    assert (error.message, error.code, error.data) == ("bad params", -32602, {"field": "a"})
    assert MCPClientError.is_instance(MCPTimeoutError("late"))


def test_transports_are_frozen_values_that_keep_secrets_out_of_repr() -> None:
    stdio = StdioTransport("uvx", ["mcp-server-time"], env={"TOKEN": "secret"})
    http = HttpTransport("https://example.com/mcp", headers={"Authorization": "Bearer secret"})
    sse = SSETransport("https://example.com/sse", headers={"Authorization": "Bearer secret"})

    with pytest.raises(dataclasses.FrozenInstanceError):
        stdio.command = "other"  # type: ignore[misc]
    assert "secret" not in repr(stdio)
    assert "secret" not in repr(http)
    assert "secret" not in repr(sse)
    assert stdio.describe() == "the stdio MCP server `uvx mcp-server-time`"
    assert http.describe() == "the streamable HTTP MCP server at https://example.com/mcp"


async def test_creating_a_client_starts_nothing() -> None:
    tasks = asyncio.all_tasks()
    client = MCPClient(transport=StdioTransport(sys.executable, ["-c", "raise SystemExit(1)"]))

    assert asyncio.all_tasks() == tasks
    assert repr(client) == (
        f"MCPClient(the stdio MCP server `{sys.executable} -c 'raise SystemExit(1)'`, state='new')"
    )
    await client.close()  # closing a client that never connected is a no-op
