"""Real MCP servers for the tests: `mcp_server.py` over stdio (a subprocess per client), and
over streamable HTTP and SSE (uvicorn subprocesses on free 127.0.0.1 ports)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Generator, Iterator
from pathlib import Path

import pytest

from ai_sdk_mcp import MCPClient, StdioTransport

SERVER = Path(__file__).with_name("mcp_server.py")


def stdio_transport() -> StdioTransport:
    """A fresh server process per client, over stdin/stdout."""
    return StdioTransport(sys.executable, [str(SERVER), "stdio"])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serve(kind: str) -> Generator[str]:
    """Run `mcp_server.py` over ``kind`` (``http`` or ``sse``); yields its base URL."""
    port = _free_port()
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
