"""How to reach an MCP server: value objects that open the `mcp` SDK's client transports.

Each transport is plain configuration; `MCPClient` opens it when it connects. The protocol
itself (JSON-RPC framing, sessions, the SSE and streamable HTTP wire formats) is the `mcp`
SDK's: nothing here speaks it.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
from collections.abc import AsyncGenerator, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import TextIO, TypeAlias, cast

import httpx2
from mcp.client import Transport
from mcp.client._transport import TransportStreams  # the tuple every transport yields
from mcp.client.sse import sse_client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

__all__ = [
    "DEFAULT_HTTP_TIMEOUT",
    "DEFAULT_SSE_READ_TIMEOUT",
    "HttpTransport",
    "MCPTransport",
    "SSETransport",
    "StdioTransport",
]

DEFAULT_HTTP_TIMEOUT = 30.0
"""Seconds to connect, write and wait for a pool slot on the HTTP transports (the `mcp` SDK's)."""
DEFAULT_SSE_READ_TIMEOUT = 300.0
"""Seconds an HTTP transport waits for the next event on an open stream (the `mcp` SDK's)."""


@dataclass(frozen=True, slots=True)
class StdioTransport:
    """Start the server as a subprocess and talk to it over its stdin and stdout.

    Closing the client closes the server's stdin, waits briefly, then terminates the process
    (and its children): no process outlives the client.

    Args:
        command: the executable, e.g. ``"uvx"``, ``"npx"`` or ``sys.executable``.
        args: its arguments.
        env: extra environment variables, added to a safe default set (``PATH``, ``HOME``,
            ``USER``, ... as the `mcp` SDK chooses); the rest of your environment is not
            passed on.
        cwd: the working directory of the server; yours by default.
        stderr: where the server's stderr goes: a file with a ``fileno`` (``ValueError`` on
            connecting otherwise). By default ``sys.stderr``, or the process's original stderr
            (``sys.__stderr__``) where ``sys.stderr`` is not a real file (Jupyter, captured
            output).
    """

    command: str
    args: Sequence[str] = ()
    env: Mapping[str, str] | None = field(default=None, repr=False)
    cwd: str | PathLike[str] | None = None
    stderr: TextIO | None = field(default=None, repr=False, compare=False)

    def describe(self) -> str:
        """The server as error messages name it."""
        return f"the stdio MCP server `{shlex.join([self.command, *self.args])}`"

    def open(self) -> Transport:
        """The `mcp` SDK transport that starts the process (entered by the client)."""
        parameters = StdioServerParameters(
            command=self.command,
            args=list(self.args),
            env=dict(self.env) if self.env is not None else None,
            cwd=os.fspath(self.cwd) if self.cwd is not None else None,
        )
        return stdio_client(parameters, errlog=_errlog(self.stderr))


def _has_fileno(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.fileno() >= 0
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        return False


def _errlog(stream: TextIO | None) -> TextIO:
    """The file the server's stderr is passed to (a subprocess needs a real descriptor)."""
    if stream is not None:
        if not _has_fileno(stream):
            raise ValueError(
                "StdioTransport(stderr=...) must be a file with a fileno(), e.g. "
                "open('server.log', 'w') or sys.__stderr__"
            )
        return stream
    for candidate in (sys.stderr, sys.__stderr__):
        if candidate is not None and _has_fileno(candidate):
            return candidate
    # No real stderr at all (e.g. pythonw): discard the server's.
    return cast("TextIO", subprocess.DEVNULL)


@dataclass(frozen=True, slots=True)
class HttpTransport:
    """Connect to a server over streamable HTTP (the current MCP HTTP transport).

    Args:
        url: the server's MCP endpoint, e.g. ``"https://example.com/mcp"``.
        headers: headers sent with every request (e.g. ``Authorization``).
        http_client: your own ``httpx2.AsyncClient`` (proxies, mTLS, auth flows); it is used as
            given and never closed here. Set headers and timeouts on it (``headers=`` with it is a
            ``ValueError``; ``timeout`` does not apply). The `mcp` SDK is built on ``httpx2``,
            not ``httpx``.
        timeout: seconds to connect and send (reading a response stream may take up to
            `DEFAULT_SSE_READ_TIMEOUT`); use the client's ``timeout=`` to bound a whole request.
        terminate_session_on_close: ask the server to end the session when the client closes.
    """

    url: str
    headers: Mapping[str, str] | None = field(default=None, repr=False)
    http_client: httpx2.AsyncClient | None = field(default=None, repr=False, compare=False)
    timeout: float = DEFAULT_HTTP_TIMEOUT
    terminate_session_on_close: bool = True

    def __post_init__(self) -> None:
        if self.http_client is not None and self.headers:
            raise ValueError(
                "HttpTransport takes headers= or http_client=, not both: set the headers on your "
                "httpx2.AsyncClient (httpx2.AsyncClient(headers=...))"
            )

    def describe(self) -> str:
        """The server as error messages name it."""
        return f"the streamable HTTP MCP server at {self.url}"

    def open(self) -> Transport:
        """The `mcp` SDK transport for this endpoint (entered by the client)."""
        return self._streams()

    @contextlib.asynccontextmanager
    async def _streams(self) -> AsyncGenerator[TransportStreams]:
        async with contextlib.AsyncExitStack() as stack:
            client = self.http_client
            if client is None:
                client = await stack.enter_async_context(
                    httpx2.AsyncClient(
                        headers=dict(self.headers or {}),
                        timeout=httpx2.Timeout(self.timeout, read=DEFAULT_SSE_READ_TIMEOUT),
                    )
                )
            streams = await stack.enter_async_context(
                streamable_http_client(
                    self.url,
                    http_client=client,
                    terminate_on_close=self.terminate_session_on_close,
                )
            )
            yield streams


@dataclass(frozen=True, slots=True)
class SSETransport:
    """Connect to a server over the HTTP+SSE transport of older MCP servers (2024-11-05).

    Prefer `HttpTransport` for servers that support streamable HTTP.

    Args:
        url: the server's SSE endpoint, e.g. ``"http://127.0.0.1:8000/sse"``.
        headers: headers sent with every request.
        timeout: seconds for each HTTP operation other than reading the event stream.
        sse_read_timeout: seconds to wait for the next event before giving up on the stream.
    """

    url: str
    headers: Mapping[str, str] | None = field(default=None, repr=False)
    timeout: float = DEFAULT_HTTP_TIMEOUT
    sse_read_timeout: float = DEFAULT_SSE_READ_TIMEOUT

    def describe(self) -> str:
        """The server as error messages name it."""
        return f"the SSE MCP server at {self.url}"

    def open(self) -> Transport:
        """The `mcp` SDK transport for this endpoint (entered by the client)."""
        return sse_client(
            self.url,
            headers=dict(self.headers) if self.headers is not None else None,
            timeout=self.timeout,
            sse_read_timeout=self.sse_read_timeout,
        )


MCPTransport: TypeAlias = StdioTransport | HttpTransport | SSETransport | Transport
"""What `MCPClient` connects through: one of ours, or any `mcp.client.Transport` (an async
context manager yielding the read and write streams), used as it is."""
