"""Real MCP servers for the tests: `mcp_server.py` over stdio (a subprocess per client), and
over streamable HTTP and SSE (uvicorn subprocesses on free 127.0.0.1 ports)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Generator, Iterator
from pathlib import Path
from typing import cast

import pytest

from ai_sdk_mcp import HttpTransport, MCPClient, StdioTransport

SERVER = Path(__file__).with_name("mcp_server.py")


def stdio_transport() -> StdioTransport:
    """A fresh server process per client, over stdin/stdout."""
    return StdioTransport(sys.executable, [str(SERVER), "stdio"])


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (just now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serve(kind: str) -> Generator[str]:
    """Run `mcp_server.py` over ``kind`` (``http`` or ``sse``); yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(SERVER), kind, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the {kind} MCP server exited with {process.returncode}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"the {kind} MCP server did not listen on {port}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def http_url() -> Iterator[str]:
    """A streamable HTTP server shared by the tests that do not crash it: its /mcp URL."""
    with serve("http") as base:
        yield f"{base}/mcp"


@pytest.fixture(scope="session")
def sse_url() -> Iterator[str]:
    """An SSE server shared by the tests that do not crash it: its /sse URL."""
    with serve("sse") as base:
        yield f"{base}/sse"


@pytest.fixture
async def client() -> AsyncIterator[MCPClient]:
    """A client connected to a fresh stdio server."""
    async with MCPClient(transport=stdio_transport()) as connected:
        yield connected


@pytest.fixture
async def http_client(http_url: str) -> AsyncIterator[MCPClient]:
    """A client of the shared streamable HTTP server (cheaper than a process per test)."""
    async with MCPClient(transport=HttpTransport(http_url)) as connected:
        yield connected


async def slow_stats(client: MCPClient) -> dict[str, int]:
    """How often the server's ``slow`` tool started, was cancelled and finished."""
    stats = (await client.call_tool("slow_stats")).structured_content
    assert isinstance(stats, dict)
    return cast("dict[str, int]", stats)


async def wait_for_slow(client: MCPClient, key: str, count: int) -> dict[str, int]:
    """The ``slow`` counters once ``key`` reached ``count`` (or after 5 s)."""
    for _ in range(250):
        stats = await slow_stats(client)
        if stats[key] >= count:
            return stats
        await asyncio.sleep(0.02)
    return await slow_stats(client)
