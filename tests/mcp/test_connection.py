"""Connecting over each transport, what the server reports, closing, and connection errors."""

from __future__ import annotations

import asyncio
import io
import os
import sys
from pathlib import Path

import httpx2
import pytest
from mcp_types import TextContent

from ai_sdk_mcp import (
    HttpTransport,
    MCPClient,
    MCPClientError,
    MCPConnectionError,
    ProtocolMode,
    SSETransport,
    StdioTransport,
    create_mcp_client,
)
from tests.mcp.conftest import SERVER, free_port, stdio_transport


async def check_server(client: MCPClient) -> None:
    info = client.server_info
    assert info is not None
    assert (info.name, info.version) == ("test-server", "9.9.9")
    assert client.instructions == "Tools for the ai-sdk-mcp tests."
    result = await client.call_tool("add", {"a": 20, "b": 22})
    assert result.content == [TextContent(text="42")]
    tools = await client.tools()
    assert "forecast" in tools


async def test_stdio() -> None:
    async with await create_mcp_client(transport=stdio_transport()) as client:
        await check_server(client)
        assert client.protocol_version == "2026-07-28"


async def test_stdio_legacy_handshake() -> None:
    async with MCPClient(transport=stdio_transport(), protocol="legacy") as client:
        await check_server(client)
        assert client.protocol_version == "2025-11-25"


async def test_streamable_http(http_url: str) -> None:
    transport = HttpTransport(http_url, headers={"Authorization": "Bearer test"})
    async with MCPClient(transport=transport) as client:
        await check_server(client)


async def test_streamable_http_with_your_own_http_client(http_url: str) -> None:
    async with httpx2.AsyncClient(headers={"Authorization": "Bearer test"}) as http:
        async with MCPClient(transport=HttpTransport(http_url, http_client=http)) as client:
            await check_server(client)
        assert not http.is_closed  # yours: used, not closed
        with pytest.raises(ValueError, match="headers= or http_client=, not both"):
            HttpTransport(http_url, http_client=http, headers={"X": "1"})


@pytest.mark.parametrize("protocol", ["auto", "legacy"])
async def test_sse(sse_url: str, protocol: ProtocolMode) -> None:
    async with MCPClient(transport=SSETransport(sse_url), protocol=protocol) as client:
        await check_server(client)


async def test_resources_and_prompts(http_client: MCPClient) -> None:
    client = http_client
    resources = await client.list_resources()
    assert [(str(r.uri), r.name, r.mime_type) for r in resources.resources] == [
        ("memo://greeting", "greeting", "text/plain")
    ]
    read = await client.read_resource("memo://greeting")
    assert [getattr(c, "text", None) for c in read.contents] == ["hello from the server"]
    prompts = await client.list_prompts()
    assert [p.name for p in prompts.prompts] == ["review"]
    prompt = await client.get_prompt("review", {"code": "x = 1"})
    assert [(m.role, m.content) for m in prompt.messages] == [
        ("user", TextContent(text="Please review: x = 1"))
    ]


async def test_closing_ends_the_server_process_and_later_calls_fail() -> None:
    client = await create_mcp_client(transport=stdio_transport())
    pid = (await client.call_tool("whereami")).structured_content["pid"]
    tasks_before = asyncio.all_tasks()
    await client.close()
    await client.close()  # idempotent

    assert asyncio.all_tasks() < tasks_before  # the connection's task is gone
    with pytest.raises(ProcessLookupError):  # the server process is gone (and reaped)
        os.kill(pid, 0)
    with pytest.raises(MCPConnectionError, match="is closed"):
        await client.call_tool("add", {"a": 1, "b": 2})
    with pytest.raises(MCPConnectionError, match="is closed"):
        _ = client.server_info


async def test_a_client_used_before_connecting_or_connected_twice(http_url: str) -> None:
    client = MCPClient(transport=HttpTransport(http_url))
    with pytest.raises(MCPClientError, match="not connected yet"):
        await client.tools()
    async with client:
        with pytest.raises(MCPConnectionError, match="a client connects once"):
            await client.connect()


async def test_a_command_that_does_not_exist() -> None:
    transport = StdioTransport("/nonexistent/mcp-server")
    with pytest.raises(MCPConnectionError) as caught:
        await create_mcp_client(transport=transport)
    assert str(caught.value) == (
        "Could not connect to the stdio MCP server `/nonexistent/mcp-server`: FileNotFoundError: "
        "[Errno 2] No such file or directory: '/nonexistent/mcp-server'. The command could not "
        "be started: check that it is installed and on PATH (or give its full path), and that "
        "cwd= exists."
    )
    assert isinstance(caught.value.cause, FileNotFoundError)


async def test_a_process_that_exits_without_speaking_mcp() -> None:
    transport = StdioTransport(sys.executable, ["-c", "print('not mcp')"])
    with pytest.raises(MCPConnectionError, match="closed the connection during the handshake"):
        await create_mcp_client(transport=transport)


async def test_a_process_that_never_answers_hits_the_connect_timeout() -> None:
    # Reads until its stdin closes and never answers.
    transport = StdioTransport(sys.executable, ["-c", "import sys; sys.stdin.read()"])
    started = asyncio.get_running_loop().time()
    with pytest.raises(MCPConnectionError, match=r"did not finish connecting within 0\.5 s"):
        await create_mcp_client(transport=transport, connect_timeout=0.5)
    assert asyncio.get_running_loop().time() - started < 10


async def test_a_url_nobody_listens_on() -> None:
    url = f"http://127.0.0.1:{free_port()}/mcp"
    with pytest.raises(MCPConnectionError, match="could not be reached"):
        await create_mcp_client(transport=HttpTransport(url))


async def test_a_wrong_http_path(http_url: str) -> None:
    wrong = http_url.replace("/mcp", "/nope")
    with pytest.raises(MCPConnectionError) as caught:
        await create_mcp_client(transport=HttpTransport(wrong))
    assert str(caught.value) == (
        f"Could not connect to the streamable HTTP MCP server at {wrong}: MCPError: Not Found. "
        "The server rejected the handshake: check the URL (the endpoint path, usually /mcp for "
        "streamable HTTP and /sse for SSE) and the headers (authorization); for an old server "
        "try protocol='legacy'."
    )
    assert caught.value.code == -32601


async def test_cwd_env_and_client_name(tmp_path: Path) -> None:
    transport = StdioTransport(
        sys.executable, [str(SERVER), "stdio"], env={"AI_SDK_MCP_TEST": "yes"}, cwd=tmp_path
    )
    async with MCPClient(transport=transport, name="probe", version="2.0") as client:
        result = await client.call_tool("whereami")
        assert client.name == "probe"
    assert result.structured_content == {
        "pid": result.structured_content["pid"],
        "cwd": str(tmp_path),
        "env": "yes",
    }


async def test_the_servers_stderr_goes_where_asked(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with log.open("w") as stderr:
        transport = StdioTransport(sys.executable, [str(SERVER), "stdio"], stderr=stderr)
        async with MCPClient(transport=transport) as client:
            await client.call_tool("fail", {"message": "logged"})
    assert "Error executing tool fail: logged" in log.read_text()


async def test_a_stderr_without_a_file_descriptor_is_refused() -> None:
    transport = StdioTransport(sys.executable, [str(SERVER), "stdio"], stderr=io.StringIO())
    with pytest.raises(MCPConnectionError, match=r"must be a file with a fileno\(\)"):
        await create_mcp_client(transport=transport)
