"""The MCP server the tests connect to, built with the `mcp` package's own `MCPServer`.

Run as a script: ``python mcp_server.py stdio`` serves over stdin/stdout (the tests start it as a
subprocess); ``python mcp_server.py http PORT`` / ``sse PORT`` serve streamable HTTP / SSE on
127.0.0.1. `build()` returns the server for in-process uvicorn use.
"""

from __future__ import annotations

import base64
import json
import os
import sys

import anyio
from mcp.server.mcpserver import Image, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import AudioContent, CallToolResult, ImageContent, TextContent
from pydantic import BaseModel

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
"""A 1x1 PNG, returned by the ``pixel`` tool."""


class Forecast(BaseModel):
    """The ``forecast`` tool's structured output."""

    city: str
    temperature: int


def build(name: str = "test-server") -> MCPServer:
    """A fresh server with every tool the tests use (and their own counters)."""
    server = MCPServer(name, instructions="Tools for the ai-sdk-mcp tests.", version="9.9.9")
    stats: dict[str, int] = {"slow_started": 0, "slow_cancelled": 0, "slow_finished": 0}

    @server.tool(title="Add numbers")
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    @server.tool()
    def echo(text: str) -> str:
        """Echo the text back."""
        return text

    @server.tool()
    def forecast(city: str) -> Forecast:
        """The weather forecast for a city."""
        return Forecast(city=city, temperature=21 if city == "Paris" else 15)

    @server.tool()
    def text_json(city: str) -> str:
        """A forecast as JSON text (no structured content)."""
        return '{"city": "%s", "temperature": "warm"}' % city  # noqa: UP031 - wrong type on purpose

    @server.tool()
    def forecast_text(city: str) -> CallToolResult:
        """A forecast as JSON text only (no structured content, no output schema)."""
        text = json.dumps({"city": city, "temperature": "warm"})
        return CallToolResult(content=[TextContent(text=text)])

    @server.tool()
    def fail(message: str) -> str:
        """Always fails with the message (an isError result)."""
        raise ToolError(message)

    @server.tool()
    def pixel() -> Image:
        """A 1x1 PNG image."""
        return Image(data=PNG, format="png")

    @server.tool()
    def mixed() -> CallToolResult:
        """Text, an image and audio in one result."""
        return CallToolResult(
            content=[
                TextContent(text="three parts"),
                ImageContent(data=base64.b64encode(PNG).decode(), mime_type="image/png"),
                AudioContent(data="AAAA", mime_type="audio/wav"),
            ]
        )

    @server.tool()
    def crash() -> str:
        """Kill the server process in the middle of the call."""
        os._exit(3)

    @server.tool()
    async def slow(seconds: float) -> str:
        """Sleep, counting starts, cancellations and completions."""
        stats["slow_started"] += 1
        try:
            await anyio.sleep(seconds)
        except anyio.get_cancelled_exc_class():
            stats["slow_cancelled"] += 1
            raise
        stats["slow_finished"] += 1
        return f"slept {seconds}"

    @server.tool()
    def slow_stats() -> dict[str, int]:
        """How often ``slow`` started, was cancelled and finished."""
        return dict(stats)

    @server.tool()
    def whereami() -> dict[str, str | int | None]:
        """The server's process id, working directory and AI_SDK_MCP_TEST variable."""
        return {"pid": os.getpid(), "cwd": os.getcwd(), "env": os.environ.get("AI_SDK_MCP_TEST")}

    @server.resource("memo://greeting", mime_type="text/plain")
    def greeting() -> str:
        """A greeting."""
        return "hello from the server"

    @server.prompt()
    def review(code: str) -> str:
        """Ask for a code review."""
        return f"Please review: {code}"

    return server


def serve_endless_tool_pages() -> None:
    """Over stdio, a low-level server whose tool list hands back the cursor it was given: a
    client that follows ``nextCursor`` would page it forever."""
    from mcp.server.lowlevel.server import Server
    from mcp.server.stdio import stdio_server
    from mcp_types import ListToolsResult, PaginatedRequestParams, Tool

    async def list_tools(_ctx: object, params: PaginatedRequestParams | None) -> ListToolsResult:
        cursor = params.cursor if params is not None else None
        page = 0 if cursor is None else 1
        tool = Tool(name=f"t{page}", input_schema={"type": "object"})
        return ListToolsResult(tools=[tool], next_cursor="again")

    server = Server("endless-pages", on_list_tools=list_tools)

    async def run() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(run)


def main(argv: list[str]) -> None:
    """Serve over the transport named in ``argv``."""
    if argv == ["endless-pages"]:
        serve_endless_tool_pages()
        return
    server = build()
    match argv:
        case ["stdio"]:
            server.run("stdio")
        case ["http", port]:
            server.run("streamable-http", host="127.0.0.1", port=int(port))
        case ["sse", port]:
            server.run("sse", host="127.0.0.1", port=int(port))
        case _:
            raise SystemExit("usage: mcp_server.py stdio|http PORT|sse PORT|endless-pages")


if __name__ == "__main__":
    main(sys.argv[1:])
