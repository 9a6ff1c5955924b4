"""MCP tools in a tool loop over the wire: the OpenAI-compatible provider against the loopback
server (scripted replies), the tools on the real test MCP server (a stdio subprocess)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from ai_sdk import generate_text, is_step_count
from ai_sdk_mcp import MCPClient
from ai_sdk_openai_compatible import OpenAICompatibleProvider, create_openai_compatible
from tests.integration.test_examples import CHAT, bodies, completion, tool_call
from tests.mcp.conftest import stdio_transport
from tests.servers import LoopbackServer


@pytest.fixture
async def local(server: LoopbackServer) -> AsyncIterator[OpenAICompatibleProvider]:
    async with create_openai_compatible(name="local", base_url=f"{server.url}/v1") as provider:
        yield provider


async def test_results_and_is_error_results_reach_the_model_over_the_wire(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    server.route(
        CHAT,
        completion(
            None,
            tool_calls=[
                tool_call("c1", "add", {"a": 2, "b": 3}),
                tool_call("c2", "fail", {"message": "no"}),
            ],
            tokens=(40, 9),
        ),
        # Alone in its step: a crash takes down the calls in flight with it.
        completion(None, tool_calls=[tool_call("c3", "crash", {})], tokens=(50, 5)),
        completion("Done.", tokens=(60, 2)),
    )

    async with MCPClient(transport=stdio_transport()) as client:
        tools = await client.tools()
        result = await generate_text(
            model=local("m"), tools=tools, prompt="go", stop_when=is_step_count(4)
        )

    assert result.text == "Done."
    assert [sorted(r.tool_name for r in step.tool_results) for step in result.steps] == [
        ["add", "fail"],
        [],
        [],
    ]
    assert [e.tool_name for e in result.steps[1].tool_errors] == ["crash"]
    first, _, third = bodies(server)
    assert {t["function"]["name"] for t in first["tools"]} == set(tools)
    results = {m["tool_call_id"]: m["content"] for m in third["messages"] if m["role"] == "tool"}
    assert json.loads(results["c1"]) == [{"type": "text", "text": "5"}]
    # An isError result is a normal output: the model reads the server's message.
    assert json.loads(results["c2"]) == [{"type": "text", "text": "Error executing tool fail: no"}]
    # A crash mid-call is a tool error: the model reads what happened.
    assert "was lost during the request for tool 'crash'" in results["c3"]
