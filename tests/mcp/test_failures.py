"""A server that crashes mid-call, one that is slow (timeouts, cancellation), over real transports.

Protocol and transport failures raise typed errors from ``execute``; the tool loop turns them
into ``tool-error`` results (see test_tool_loop.py). Cancelling the caller cancels the request
on the server too: the server's own counters show it. The slow tests share one HTTP server, so
they compare its counters before and after.
"""

from __future__ import annotations

import asyncio

import pytest
from mcp_types import TextContent

from ai_sdk_mcp import HttpTransport, MCPClient, MCPConnectionError, MCPTimeoutError
from tests.mcp.conftest import serve, slow_stats, wait_for_slow


async def test_a_server_that_crashes_mid_call(client: MCPClient) -> None:
    tools = await client.tools()
    assert tools["crash"].execute is not None

    with pytest.raises(MCPConnectionError) as caught:
        await tools["crash"].execute({})

    assert "was lost during the request for tool 'crash'" in str(caught.value)
    assert caught.value.code == -32000
    # Every later request fails the same way, at once.
    with pytest.raises(MCPConnectionError, match="was lost during the request for tool 'add'"):
        await client.call_tool("add", {"a": 1, "b": 2})
    await client.close()  # closing a broken connection is clean


async def test_an_http_server_that_crashes_mid_call() -> None:
    with serve("http") as base:
        async with MCPClient(transport=HttpTransport(f"{base}/mcp")) as client:
            with pytest.raises(MCPConnectionError, match="lost during the request for tool"):
                await client.call_tool("crash")


async def test_closing_fails_the_calls_in_flight(http_client: MCPClient) -> None:
    call = asyncio.create_task(http_client.call_tool("slow", {"seconds": 30}))
    await asyncio.sleep(0.2)

    await http_client.close()

    with pytest.raises(MCPConnectionError, match="was lost during the request for tool 'slow'"):
        await call


async def test_a_call_past_its_timeout_is_cancelled_on_the_server(
    http_client: MCPClient, http_url: str
) -> None:
    before = await slow_stats(http_client)
    with pytest.raises(MCPTimeoutError) as caught:
        await http_client.call_tool("slow", {"seconds": 30}, timeout=0.3)

    assert str(caught.value) == (
        f"the streamable HTTP MCP server at {http_url} did not answer the request for tool "
        "'slow' within 0.3 s; the server was asked to cancel it. Pass a larger timeout= if it "
        "needs longer."
    )
    assert caught.value.code == -32001
    after = await wait_for_slow(http_client, "slow_cancelled", before["slow_cancelled"] + 1)
    assert after["slow_cancelled"] == before["slow_cancelled"] + 1
    assert after["slow_finished"] == before["slow_finished"]


async def test_the_clients_timeout_applies_to_every_tool_and_tools_can_override_it(
    http_url: str,
) -> None:
    async with MCPClient(transport=HttpTransport(http_url), timeout=0.3) as client:
        before = await slow_stats(client)
        strict = await client.tools()
        relaxed = await client.tools(timeout=5)
        assert strict["slow"].execute is not None
        assert relaxed["slow"].execute is not None
        with pytest.raises(MCPTimeoutError, match=r"within 0\.3 s"):
            await strict["slow"].execute({"seconds": 2})
        result = await relaxed["slow"].execute({"seconds": 0.5})
        assert result.content == [TextContent(text="slept 0.5")]
        after = await wait_for_slow(client, "slow_cancelled", before["slow_cancelled"] + 1)
    assert after["slow_cancelled"] == before["slow_cancelled"] + 1
    assert after["slow_finished"] == before["slow_finished"] + 1


async def test_cancelling_the_caller_cancels_the_call_on_the_server(
    http_client: MCPClient,
) -> None:
    before = await slow_stats(http_client)
    tools = await http_client.tools()
    assert tools["slow"].execute is not None
    call = asyncio.create_task(tools["slow"].execute({"seconds": 30}))
    await wait_for_slow(http_client, "slow_started", before["slow_started"] + 1)

    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call

    after = await wait_for_slow(http_client, "slow_cancelled", before["slow_cancelled"] + 1)
    assert after["slow_cancelled"] == before["slow_cancelled"] + 1
    assert after["slow_finished"] == before["slow_finished"]
    # The connection survives a cancelled request.
    assert (await http_client.call_tool("add", {"a": 1, "b": 1})).content == [TextContent(text="2")]


async def test_a_timeout_around_the_caller_cancels_the_call_on_the_server(
    http_client: MCPClient,
) -> None:
    before = await slow_stats(http_client)
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.3):
            await http_client.call_tool("slow", {"seconds": 30})

    after = await wait_for_slow(http_client, "slow_cancelled", before["slow_cancelled"] + 1)
    assert after["slow_cancelled"] == before["slow_cancelled"] + 1
    assert after["slow_finished"] == before["slow_finished"]


async def test_a_client_connected_in_one_task_is_used_and_closed_from_others(
    http_url: str,
) -> None:
    client = await asyncio.create_task(MCPClient(transport=HttpTransport(http_url)).connect())
    result = await asyncio.create_task(client.call_tool("echo", {"text": "elsewhere"}))
    await asyncio.create_task(client.close())

    assert result.content == [TextContent(text="elsewhere")]
    with pytest.raises(MCPConnectionError, match="is closed"):
        await client.call_tool("echo", {"text": "again"})
