"""`MCPClient`: one connection to one MCP server, its tools as ai_sdk tools.

The connection (the `mcp` SDK's ``Client`` over a transport) lives in a task of its own, started
by `connect` on the running event loop. The SDK's transports are anyio task groups that must be
entered and left by the same task; owning them in one task lets any task of that loop use the
client and close it, and a cancelled tool call cancels only that request. Calls from another
event loop are refused with a clear error rather than deadlocking: the `_sync` functions run on
ai_sdk's own loop, so a client for them is connected there (`create_mcp_client_sync`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Literal, Self, TypeAlias, TypeVar, cast

import anyio
import httpx2
import mcp
from mcp.client import Transport
from mcp.shared.exceptions import MCPError
from mcp_types import (
    CONNECTION_CLOSED,
    REQUEST_TIMEOUT,
    CallToolResult,
    GetPromptResult,
    Implementation,
    ListPromptsResult,
    ListResourcesResult,
    ListResourceTemplatesResult,
    ListToolsResult,
    ReadResourceResult,
)
from pydantic import ValidationError

from ai_sdk import Tool
from ai_sdk._sync import run_sync
from ai_sdk.provider import JSONObject
from ai_sdk_mcp._errors import MCPClientError, MCPConnectionError, MCPTimeoutError
from ai_sdk_mcp._tools import SchemaMode, build_tools
from ai_sdk_mcp._transports import HttpTransport, MCPTransport, SSETransport, StdioTransport

__all__ = [
    "DEFAULT_CLIENT_NAME",
    "DEFAULT_CLIENT_VERSION",
    "MCPClient",
    "ProtocolMode",
    "create_mcp_client",
    "create_mcp_client_sync",
]

T = TypeVar("T")

DEFAULT_CLIENT_NAME = "ai-sdk-mcp-client"
"""The client name sent to servers and recorded in tool metadata (as `@ai-sdk/mcp`)."""
DEFAULT_CLIENT_VERSION = "1.0.0"
"""The client version sent to servers (as `@ai-sdk/mcp`)."""
_CLOSE_GRACE = 10.0  # seconds for a transport to shut down before its task is cancelled
_MAX_TOOL_PAGES = 1_000  # pages of tools/list that tools() follows before it gives up

ProtocolMode: TypeAlias = Literal["auto", "legacy"]
"""How the protocol version is agreed: ``"auto"`` asks the server first (``server/discover``)
and falls back to the ``initialize`` handshake; ``"legacy"`` starts with ``initialize``, for old
servers that reject anything else first."""

_State: TypeAlias = Literal["new", "connecting", "open", "closed"]


class MCPClient:
    """A connection to one MCP server whose tools the model can call.

    ::

        async with MCPClient(transport=StdioTransport("uvx", ["mcp-server-time"])) as client:
            tools = await client.tools()
            result = await generate_text(model=model, tools=tools, prompt="What time is it?")

    The client is async: connect, call and close it on one event loop (any task of it). For
    ``generate_text_sync`` and the other ``_sync`` functions, which run on ai_sdk's background
    loop, use `create_mcp_client_sync` (or `connect_sync`) and ``with``.

    Args:
        transport: how to reach the server: `StdioTransport`, `HttpTransport`,
            `SSETransport`, or any ``mcp.client.Transport``.
        name: the client name sent to the server, recorded in each tool's ``metadata``.
        version: the client version sent to the server.
        timeout: seconds any request may wait for its answer (``None``: no limit); a tool call
            past it raises `MCPTimeoutError` and the server is asked to cancel it. Per call:
            ``call_tool(timeout=)``, ``tools(timeout=)``.
        connect_timeout: seconds to start the transport and finish the handshake (``None``: no
            limit; a server started with ``npx``/``uvx`` may first download itself).
        protocol: ``"auto"`` or ``"legacy"`` (see `ProtocolMode`).
    """

    def __init__(
        self,
        *,
        transport: MCPTransport,
        name: str = DEFAULT_CLIENT_NAME,
        version: str = DEFAULT_CLIENT_VERSION,
        timeout: float | None = None,
        connect_timeout: float | None = None,
        protocol: ProtocolMode = "auto",
    ) -> None:
        self._transport = transport
        self._name = name
        self._version = version
        self._timeout = timeout
        self._connect_timeout = connect_timeout
        self._protocol: ProtocolMode = protocol
        self._state: _State = "new"
        self._loop: asyncio.AbstractEventLoop | None = None
        self._owner: asyncio.Task[None] | None = None
        self._closing: asyncio.Event | None = None
        self._mcp: mcp.Client | None = None
        self._failure: BaseException | None = None

    def __repr__(self) -> str:
        return f"MCPClient({self._describe()}, state={self._state!r})"

    # -- lifecycle ---------------------------------------------------------------------------

    async def connect(self) -> Self:
        """Start the transport and initialize the session; returns the client.

        Raises:
            MCPConnectionError: the server could not be started or reached, did not complete
                the handshake (within ``connect_timeout``), or the client was used before.
        """
        if self._state != "new":
            raise MCPConnectionError(
                f"This MCPClient is {self._state}; a client connects once. Create a new one."
            )
        self._state = "connecting"
        loop = asyncio.get_running_loop()
        self._loop = loop
        self._closing = asyncio.Event()
        ready: asyncio.Future[None] = loop.create_future()
        owner = loop.create_task(self._own(ready), name=f"ai-sdk-mcp {self._describe()}")
        self._owner = owner
        try:
            async with asyncio.timeout(self._connect_timeout):
                await asyncio.wait({ready, owner}, return_when=asyncio.FIRST_COMPLETED)
            if not ready.done():  # the task ended without a word: report what it recorded
                raise self._failure or RuntimeError("the connection task ended early")
            ready.result()
        except BaseException as error:
            self._state = "closed"
            self._owner = None
            owner.cancel()
            await asyncio.wait({owner})
            if isinstance(error, TimeoutError) and not isinstance(self._failure, TimeoutError):
                raise MCPConnectionError(
                    f"{self._describe()} did not finish connecting within "
                    f"{self._connect_timeout} s. Check that it starts (run it by hand) or raise "
                    "connect_timeout=."
                ) from None
            if isinstance(error, Exception):
                raise self._connect_error(error) from error
            raise
        self._state = "open"
        return self

    async def _own(self, ready: asyncio.Future[None]) -> None:
        """The connection's task: enter the `mcp` client, wait for `close`, leave it."""
        assert self._closing is not None
        try:
            client = mcp.Client(
                self._open_transport(),
                read_timeout_seconds=self._timeout,
                client_info=Implementation(name=self._name, version=self._version),
                mode=self._protocol,
            )
            async with client:
                self._mcp = client
                if not ready.done():
                    ready.set_result(None)
                await self._closing.wait()
        except BaseException as error:
            failure = _leaf(error)
            self._failure = failure
            if not ready.done():
                if isinstance(failure, Exception):
                    ready.set_exception(failure)
                else:
                    ready.cancel()
            if not isinstance(error, Exception):
                raise
            # After the handshake a transport failure is reported by the calls it breaks
            # (the SDK answers them with "connection closed"), not by this task.
        finally:
            self._mcp = None

    def _open_transport(self) -> Transport:
        transport = self._transport
        match transport:
            case StdioTransport() | HttpTransport() | SSETransport():
                return transport.open()
            case _:
                return transport

    async def close(self) -> None:
        """Close the connection (ends a stdio server's process); safe to call more than once.

        Requests still waiting fail with `MCPConnectionError`.
        """
        owner = self._owner
        if owner is None:
            self._state = "closed"
            return
        self._check_loop("close")  # before changing anything: the client stays usable there
        self._state = "closed"
        self._owner = None
        assert self._closing is not None
        self._closing.set()
        done, _ = await asyncio.wait({asyncio.shield(owner)}, timeout=_CLOSE_GRACE)
        if not done:  # a transport that does not shut down: cancel it
            owner.cancel()
            await asyncio.wait({owner})
        if not owner.cancelled():
            owner.exception()  # retrieved: a failure was already reported to the calls

    async def __aenter__(self) -> Self:
        """Connect (unless `connect` or `create_mcp_client` already did)."""
        if self._state == "new":
            await self.connect()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """`close`."""
        await self.close()

    def connect_sync(self) -> Self:
        """`connect` on ai_sdk's background loop, for the ``_sync`` functions."""
        return run_sync(self.connect)

    def close_sync(self) -> None:
        """`close` for a client connected with `connect_sync` / `create_mcp_client_sync`."""
        run_sync(self.close)

    def __enter__(self) -> Self:
        """`connect_sync` (unless already connected)."""
        if self._state == "new":
            self.connect_sync()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """`close_sync`."""
        self.close_sync()

    # -- what the server said at connection ----------------------------------------------------

    @property
    def name(self) -> str:
        """The client name sent to the server (``metadata["clientName"]`` of the tools)."""
        return self._name

    @property
    def server_info(self) -> Implementation | None:
        """The server's name and version, or ``None`` if it did not say."""
        return self._client("server_info").server_info

    @property
    def instructions(self) -> str | None:
        """The server's instructions for using it (for a system prompt), if any."""
        return self._client("instructions").instructions

    @property
    def protocol_version(self) -> str:
        """The protocol version agreed with the server, e.g. ``"2025-11-25"``."""
        return self._client("protocol_version").protocol_version

    @property
    def mcp_client(self) -> mcp.Client:
        """The `mcp` SDK's client under this one, for what this wrapper does not cover."""
        return self._client("mcp_client")

    # -- tools ---------------------------------------------------------------------------------

    async def list_tools(self, *, cursor: str | None = None) -> ListToolsResult:
        """One page of the server's tool definitions (``next_cursor`` points at the next)."""
        client = self._client("list_tools")
        return await self._request("tools/list", lambda: client.list_tools(cursor=cursor))

    async def tools(
        self,
        *,
        schemas: SchemaMode = "automatic",
        timeout: float | None = None,  # noqa: ASYNC109 - a limit for the tools' calls
    ) -> dict[str, Tool[Any]]:
        """The server's tools as ai_sdk tools, by name, for ``tools=`` of `generate_text`.

        With ``schemas="automatic"`` every server tool is a `dynamic_tool` taking the server's
        input schema. With ``{name: ToolSchemas(...)}`` only those tools are built (names the
        server does not list are left out), as typed tools. Each tool's ``execute`` calls the
        server and returns the `CallToolResult`, a result with ``is_error`` included.

        Args:
            schemas: ``"automatic"`` or typed `ToolSchemas` by tool name.
            timeout: seconds each call of these tools may take (default: the client's).
        """
        definitions = await self._all_tool_definitions()
        return self.tools_from_definitions(definitions, schemas=schemas, timeout=timeout)

    def tools_sync(
        self, *, schemas: SchemaMode = "automatic", timeout: float | None = None
    ) -> dict[str, Tool[Any]]:
        """`tools` for a client connected with `create_mcp_client_sync`."""
        return run_sync(lambda: self.tools(schemas=schemas, timeout=timeout))

    def tools_from_definitions(
        self,
        definitions: ListToolsResult,
        *,
        schemas: SchemaMode = "automatic",
        timeout: float | None = None,
    ) -> dict[str, Tool[Any]]:
        """`tools` from definitions you already have (e.g. a cached `list_tools` result)."""
        return build_tools(
            definitions,
            call=self._call_for_tool,
            client_name=self._name,
            schemas=schemas,
            timeout=timeout,
        )

    async def _all_tool_definitions(self) -> ListToolsResult:
        first = await self.list_tools()
        tools, cursor = list(first.tools), first.next_cursor
        seen: set[str] = set()
        while cursor is not None:
            # A server that hands back a cursor it gave before would be paged forever.
            if cursor in seen or len(seen) >= _MAX_TOOL_PAGES:
                raise MCPClientError(
                    f"{self._describe()} kept paging its tool list ("
                    + (
                        f"the cursor {cursor[:64]!r} came back"
                        if cursor in seen
                        else f"more than {_MAX_TOOL_PAGES} pages"
                    )
                    + "). Use list_tools(cursor=...) and tools_from_definitions to page it "
                    "yourself."
                )
            seen.add(cursor)
            page = await self.list_tools(cursor=cursor)
            tools.extend(page.tools)
            cursor = page.next_cursor
        return ListToolsResult(tools=tools)

    async def call_tool(
        self,
        name: str,
        arguments: JSONObject | None = None,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 - forwarded to the SDK's request timeout
    ) -> CallToolResult:
        """Call a server tool; a result with ``is_error`` is returned, not raised.

        Args:
            name: the tool's name on the server.
            arguments: its input.
            timeout: seconds to wait for the answer (default: the client's); past it the
                server is asked to cancel the call and `MCPTimeoutError` is raised.

        Raises:
            MCPClientError: the server answered with a protocol error (unknown tool, invalid
                arguments, ...), or its result was malformed.
            MCPConnectionError: the connection was lost (e.g. the server crashed).
            MCPTimeoutError: no answer within ``timeout``.
        """
        client = self._client(f"call tool {name!r}")
        return await self._request(
            f"tool {name!r}",
            lambda: client.call_tool(name, dict(arguments or {}), read_timeout_seconds=timeout),
            timeout=timeout,
        )

    def call_tool_sync(
        self, name: str, arguments: JSONObject | None = None, *, timeout: float | None = None
    ) -> CallToolResult:
        """`call_tool` for a client connected with `create_mcp_client_sync`."""
        return run_sync(lambda: self.call_tool(name, arguments, timeout=timeout))

    async def _call_for_tool(
        self,
        name: str,
        arguments: JSONObject,
        timeout: float | None,  # noqa: ASYNC109
    ) -> CallToolResult:
        return await self.call_tool(name, arguments, timeout=timeout)

    # -- resources and prompts -----------------------------------------------------------------

    async def list_resources(self, *, cursor: str | None = None) -> ListResourcesResult:
        """One page of the server's resources."""
        client = self._client("list_resources")
        return await self._request("resources/list", lambda: client.list_resources(cursor=cursor))

    async def list_resource_templates(
        self, *, cursor: str | None = None
    ) -> ListResourceTemplatesResult:
        """One page of the server's resource templates."""
        client = self._client("list_resource_templates")
        return await self._request(
            "resources/templates/list", lambda: client.list_resource_templates(cursor=cursor)
        )

    async def read_resource(self, uri: str) -> ReadResourceResult:
        """The contents of the resource at ``uri``."""
        client = self._client("read_resource")
        return await self._request(f"resource {uri!r}", lambda: client.read_resource(uri))

    async def list_prompts(self, *, cursor: str | None = None) -> ListPromptsResult:
        """One page of the server's prompts."""
        client = self._client("list_prompts")
        return await self._request("prompts/list", lambda: client.list_prompts(cursor=cursor))

    async def get_prompt(
        self, name: str, arguments: dict[str, str] | None = None
    ) -> GetPromptResult:
        """The messages of the prompt ``name`` filled with ``arguments``."""
        client = self._client("get_prompt")
        return await self._request(f"prompt {name!r}", lambda: client.get_prompt(name, arguments))

    # -- plumbing ------------------------------------------------------------------------------

    def _describe(self) -> str:
        transport = self._transport
        match transport:
            case StdioTransport() | HttpTransport() | SSETransport():
                return transport.describe()
            case _:
                return f"the MCP server behind {type(transport).__name__}"

    def _check_loop(self, what: str) -> None:
        if _running_loop() is not self._loop:
            raise MCPClientError(
                f"Cannot {what}: this MCPClient was connected on another event loop, and an MCP "
                "connection lives on the loop that opened it (requests from other threads are "
                "made there while it runs). Use the client on that loop; for "
                "generate_text_sync and the other _sync functions, connect it with "
                "create_mcp_client_sync(...) (or client.connect_sync()), which opens it on "
                "the SDK's background loop."
            )

    def _client(self, what: str) -> mcp.Client:
        if self._state == "new" or self._state == "connecting":
            raise MCPClientError(
                f"Cannot {what}: the MCPClient is not connected yet. Use "
                "`async with MCPClient(...)`, `await create_mcp_client(...)` or "
                "`await client.connect()` first."
            )
        client = self._mcp
        if self._state == "closed" or client is None:
            raise MCPConnectionError(
                f"Cannot {what}: the connection to {self._describe()} is closed"
                + (f" ({_message(self._failure)})" if self._failure is not None else "")
                + ". Create a new client to reconnect.",
                cause=self._failure,
                code=CONNECTION_CLOSED,
            )
        return client

    async def _request(
        self,
        what: str,
        send: Callable[[], Awaitable[T]],
        *,
        timeout: float | None = None,  # noqa: ASYNC109 - only named in the error message
    ) -> T:
        home = self._loop
        if home is not None and home.is_running() and home is not _running_loop():
            # Called from another thread's loop (a `_sync` function runs on its caller's): the
            # connection lives on `home`, so the request is made there.
            future = asyncio.run_coroutine_threadsafe(
                self._request(what, send, timeout=timeout), home
            )
            return await asyncio.wrap_future(future)
        self._check_loop(what)
        try:
            return await send()
        except MCPError as error:
            raise self._request_error(what, error, timeout) from error
        except ValidationError as error:
            raise MCPClientError(
                f"{self._describe()} answered the request for {what} with a malformed result: "
                f"{error}",
                cause=error,
            ) from error
        except (
            httpx2.HTTPError,
            OSError,
            anyio.BrokenResourceError,
            anyio.ClosedResourceError,
        ) as error:
            raise MCPConnectionError(
                f"The request for {what} to {self._describe()} failed: {_message(error)}",
                cause=error,
                code=CONNECTION_CLOSED,
            ) from error
        except RuntimeError as error:  # the SDK's checks of a result (e.g. its output schema)
            raise MCPClientError(
                f"The request for {what} to {self._describe()} failed: {error}", cause=error
            ) from error

    def _request_error(self, what: str, error: MCPError, timeout: float | None) -> MCPClientError:
        if error.code == CONNECTION_CLOSED:
            detail = f" ({_message(self._failure)})" if self._failure is not None else ""
            return MCPConnectionError(
                f"The connection to {self._describe()} was lost during the request for "
                f"{what}{detail}: the server exited, crashed or closed the connection. Create a "
                "new client to reconnect.",
                cause=self._failure or error,
                code=error.code,
            )
        if error.code == REQUEST_TIMEOUT:
            limit = timeout if timeout is not None else self._timeout
            return MCPTimeoutError(
                f"{self._describe()} did not answer the request for {what} within {limit} s; the "
                "server was asked to cancel it. Pass a larger timeout= if it needs longer.",
                cause=error,
                code=error.code,
            )
        return MCPClientError(
            f"{self._describe()} rejected the request for {what}: {error.message} "
            f"(JSON-RPC error {error.code})",
            cause=error,
            code=error.code,
            data=error.data,
        )

    def _connect_error(self, error: Exception) -> MCPConnectionError:
        where = self._describe()
        match error:
            case FileNotFoundError() | PermissionError():
                hint = (
                    "the command could not be started: check that it is installed and on PATH "
                    "(or give its full path), and that cwd= exists"
                )
            case httpx2.HTTPStatusError(response=response):
                hint = (
                    f"the server answered HTTP {response.status_code}: check the URL (the "
                    "endpoint path, e.g. /mcp for streamable HTTP or /sse for SSE) and the "
                    "headers (authorization)"
                )
            case httpx2.TransportError():
                hint = "the server could not be reached: check that it runs and the URL is right"
            case MCPError(code=code) if code == CONNECTION_CLOSED:
                hint = (
                    "the server closed the connection during the handshake: it may have "
                    "crashed on start (see its stderr) or not be an MCP server; for an old "
                    "server try protocol='legacy'"
                )
            case MCPError() if isinstance(self._transport, HttpTransport | SSETransport):
                hint = (
                    "the server rejected the handshake: check the URL (the endpoint path, "
                    "usually /mcp for streamable HTTP and /sse for SSE) and the headers "
                    "(authorization); for an old server try protocol='legacy'"
                )
            case MCPError():
                hint = (
                    "the handshake failed; for an old server that rejects the version probe "
                    "try protocol='legacy'"
                )
            case _:
                hint = "see the cause below"
        return MCPConnectionError(
            f"Could not connect to {where}: {_message(error)}. {hint[0].upper()}{hint[1:]}.",
            cause=error,
            code=error.code if isinstance(error, MCPError) else None,
        )


def _leaf(error: BaseException) -> BaseException:
    """The first real error inside anyio's exception groups."""
    while isinstance(error, BaseExceptionGroup):
        group = cast("BaseExceptionGroup[BaseException]", error)
        inner = [e for e in group.exceptions if not isinstance(e, asyncio.CancelledError)]
        error = (inner or list(group.exceptions))[0]
    return error


def _message(error: BaseException | None) -> str:
    if error is None:
        return ""
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


async def create_mcp_client(
    *,
    transport: MCPTransport,
    name: str = DEFAULT_CLIENT_NAME,
    version: str = DEFAULT_CLIENT_VERSION,
    timeout: float | None = None,  # noqa: ASYNC109 - a default for each request, not a wait
    connect_timeout: float | None = None,
    protocol: ProtocolMode = "auto",
) -> MCPClient:
    """Connect to an MCP server: `MCPClient(...)` then `MCPClient.connect`.

    ::

        async with await create_mcp_client(transport=HttpTransport(url)) as client:
            tools = await client.tools()

    Arguments as in `MCPClient`.

    Raises:
        MCPConnectionError: the server could not be started, reached or initialized.
    """
    client = MCPClient(
        transport=transport,
        name=name,
        version=version,
        timeout=timeout,
        connect_timeout=connect_timeout,
        protocol=protocol,
    )
    return await client.connect()


def create_mcp_client_sync(
    *,
    transport: MCPTransport,
    name: str = DEFAULT_CLIENT_NAME,
    version: str = DEFAULT_CLIENT_VERSION,
    timeout: float | None = None,
    connect_timeout: float | None = None,
    protocol: ProtocolMode = "auto",
) -> MCPClient:
    """`create_mcp_client` for synchronous code: the client lives on ai_sdk's background loop.

    Its tools then work in ``generate_text_sync`` and the other ``_sync`` functions. Close it
    with ``with`` or `MCPClient.close_sync`; use `MCPClient.tools_sync` for its tools.
    """
    client = MCPClient(
        transport=transport,
        name=name,
        version=version,
        timeout=timeout,
        connect_timeout=connect_timeout,
        protocol=protocol,
    )
    return client.connect_sync()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
