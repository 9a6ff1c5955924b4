"""MCP tools inside `generate_text`'s tool loop, with a scripted model (`ai_sdk.testing`).

The model asks for tools; the loop runs them against the real stdio server and sends the
results back on the next step. What the model receives there is the assertion.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any

import pytest
from mcp_types import CallToolResult, TextContent

from ai_sdk import (
    TimeoutConfig,
    Tool,
    ToolError,
    generate_text,
    generate_text_sync,
    is_step_count,
    stream_text,
)
from ai_sdk.provider import (
    ContentOutput,
    ContentOutputFile,
    ContentOutputText,
    ErrorTextOutput,
    FileDataBytes,
    Finish,
    FinishReason,
    GenerateResult,
    StreamStart,
    ToolCallContent,
    ToolMessage,
    ToolResultPart,
    Usage,
)
from ai_sdk.testing import MockLanguageModel, text_result, text_stream_parts
from ai_sdk_mcp import MCPClient, MCPClientError, create_mcp_client, create_mcp_client_sync
from tests.mcp.conftest import slow_stats, stdio_transport, wait_for_slow
from tests.mcp.test_tools import PNG_BASE64

LOOP = is_step_count(3)


def calls(*requested: tuple[str, dict[str, Any]]) -> GenerateResult:
    """One step in which the model calls these tools (ids call-0, call-1, ...)."""
    return GenerateResult(
        content=[
            ToolCallContent(tool_call_id=f"call-{i}", tool_name=name, input=json.dumps(args))
            for i, (name, args) in enumerate(requested)
        ],
        finish_reason=FinishReason(unified="tool-calls", raw="tool_calls"),
        usage=Usage(),
    )


def tool_message(model: MockLanguageModel, step: int = 1) -> ToolMessage:
    """The tool results the model received at the start of ``step``."""
    message = model.generate_calls[step].prompt[-1]
    assert isinstance(message, ToolMessage)
    return message


async def test_results_images_and_is_error_results_reach_the_model(
    http_client: MCPClient,
) -> None:
    client = http_client
    model = MockLanguageModel(
        do_generate=[
            calls(("add", {"a": 2, "b": 3}), ("pixel", {}), ("fail", {"message": "no"})),
            text_result("done"),
        ]
    )

    result = await generate_text(
        model=model, tools=await client.tools(), prompt="go", stop_when=LOOP
    )

    assert result.text == "done"
    assert tool_message(model).content == [
        ToolResultPart(
            tool_call_id="call-0",
            tool_name="add",
            output=ContentOutput(value=[ContentOutputText(text="5")]),
        ),
        ToolResultPart(
            tool_call_id="call-1",
            tool_name="pixel",
            output=ContentOutput(
                value=[
                    ContentOutputFile(data=FileDataBytes(data=PNG_BASE64), media_type="image/png")
                ]
            ),
        ),
        ToolResultPart(
            tool_call_id="call-2",
            tool_name="fail",
            output=ContentOutput(value=[ContentOutputText(text="Error executing tool fail: no")]),
        ),
    ]
    first = result.steps[0]
    assert first.tool_errors == []  # isError results are outputs, not tool errors
    assert [(r.tool_name, r.dynamic, r.tool_metadata) for r in first.tool_results] == [
        (
            "add",
            True,
            {"clientName": "ai-sdk-mcp-client", "toolName": "add", "title": "Add numbers"},
        ),
        ("pixel", True, {"clientName": "ai-sdk-mcp-client", "toolName": "pixel"}),
        ("fail", True, {"clientName": "ai-sdk-mcp-client", "toolName": "fail"}),
    ]
    failed = first.tool_results[2].output
    assert isinstance(failed, CallToolResult)
    assert failed.is_error is True
    # The model was offered the server's tools with their schemas.
    offered = {t.name: t for t in model.generate_calls[0].tools or []}
    assert offered["add"].input_schema["required"] == ["a", "b"]  # type: ignore[union-attr]


async def test_a_crash_mid_call_is_a_tool_error_the_model_sees(client: MCPClient) -> None:
    model = MockLanguageModel(do_generate=[calls(("crash", {})), text_result("sorry")])

    result = await generate_text(
        model=model, tools=await client.tools(), prompt="go", stop_when=LOOP
    )

    assert result.text == "sorry"
    [error] = result.steps[0].tool_errors
    assert isinstance(error, ToolError)
    message = tool_message(model).content[0]
    assert isinstance(message, ToolResultPart)
    assert isinstance(message.output, ErrorTextOutput)
    assert "was lost during the request for tool 'crash'" in message.output.value


async def test_the_loops_tool_timeout_cancels_the_call_on_the_server(
    http_client: MCPClient,
) -> None:
    model = MockLanguageModel(do_generate=[calls(("slow", {"seconds": 30})), text_result("ok")])
    before = await slow_stats(http_client)

    result = await generate_text(
        model=model,
        tools=await http_client.tools(),
        prompt="go",
        stop_when=LOOP,
        timeout=TimeoutConfig(tool=0.3),
    )

    [error] = result.steps[0].tool_errors
    assert isinstance(error.error, TimeoutError)
    after = await wait_for_slow(http_client, "slow_cancelled", before["slow_cancelled"] + 1)
    assert after["slow_cancelled"] == before["slow_cancelled"] + 1
    assert after["slow_finished"] == before["slow_finished"]


async def test_a_total_timeout_cancels_the_running_mcp_call(http_client: MCPClient) -> None:
    model = MockLanguageModel(do_generate=[calls(("slow", {"seconds": 30})), text_result("ok")])
    before = await slow_stats(http_client)

    with pytest.raises(TimeoutError):
        await generate_text(
            model=model, tools=await http_client.tools(), prompt="go", stop_when=LOOP, timeout=0.5
        )

    after = await wait_for_slow(http_client, "slow_cancelled", before["slow_cancelled"] + 1)
    assert after["slow_cancelled"] == before["slow_cancelled"] + 1
    assert after["slow_finished"] == before["slow_finished"]


async def test_stream_text_runs_mcp_tools_too(http_client: MCPClient) -> None:
    call = ToolCallContent(tool_call_id="s1", tool_name="echo", input='{"text": "streamed"}')
    model = MockLanguageModel(
        do_stream=[
            [
                StreamStart(),
                call,
                Finish(usage=Usage(), finish_reason=FinishReason(unified="tool-calls", raw="t")),
            ],
            text_stream_parts("ok"),
        ]
    )

    async with stream_text(
        model=model, tools=await http_client.tools(), prompt="go", stop_when=LOOP
    ) as result:
        text = "".join([delta async for delta in result.text_stream])
        steps = await result.steps

    assert text == "ok"
    [echoed] = steps[0].tool_results
    assert echoed.dynamic is True
    assert echoed.output.content == [TextContent(text="streamed")]
    message = model.stream_calls[1].prompt[-1]
    assert isinstance(message, ToolMessage)
    assert message.content == [
        ToolResultPart(
            tool_call_id="s1",
            tool_name="echo",
            output=ContentOutput(value=[ContentOutputText(text="streamed")]),
        )
    ]


def test_generate_text_sync_with_a_client_on_its_loop() -> None:
    model = MockLanguageModel(do_generate=[calls(("echo", {"text": "hi"})), text_result("ok")])

    with create_mcp_client_sync(transport=stdio_transport()) as client:
        result = generate_text_sync(
            model=model, tools=client.tools_sync(), prompt="go", stop_when=LOOP
        )
        direct = client.call_tool_sync("add", {"a": 1, "b": 2})

    assert result.steps[0].tool_results[0].output.content == [TextContent(text="hi")]
    assert direct.content == [TextContent(text="3")]


async def test_generate_text_sync_in_another_thread_calls_the_client_on_its_own_loop(
    http_client: MCPClient,
) -> None:
    client = http_client
    model = MockLanguageModel(do_generate=[calls(("echo", {"text": "hi"})), text_result("ok")])
    tools = await client.tools()

    # generate_text_sync runs on its thread's loop; this client lives on the test's, which
    # runs while the thread works: the tool's request is made there.
    result = await asyncio.to_thread(
        generate_text_sync, model=model, tools=tools, prompt="go", stop_when=LOOP
    )

    assert result.steps[0].tool_errors == []
    assert result.steps[0].tool_results[0].output.content == [TextContent(text="hi")]


async def test_a_client_whose_loop_has_stopped_is_a_clear_tool_error() -> None:
    model = MockLanguageModel(do_generate=[calls(("echo", {"text": "hi"})), text_result("ok")])

    def on_a_loop_that_stops() -> dict[str, Any]:
        async def open_it() -> tuple[MCPClient, dict[str, Any]]:
            client = await create_mcp_client(transport=stdio_transport())
            return client, await client.tools()

        loop = asyncio.new_event_loop()
        client, tools = loop.run_until_complete(open_it())
        try:
            # The loop is idle now: the tool cannot reach its connection.
            result = generate_text_sync(model=model, tools=tools, prompt="go", stop_when=LOOP)
        finally:
            loop.run_until_complete(client.close())
            loop.close()
        return {"result": result}

    result = (await asyncio.to_thread(on_a_loop_that_stops))["result"]

    [error] = result.steps[0].tool_errors
    assert str(error.error).startswith(
        "Cannot tool 'echo': this MCPClient was connected on another event loop"
    )


async def test_closing_from_another_loop_is_refused_and_changes_nothing(
    http_client: MCPClient,
) -> None:
    with pytest.raises(MCPClientError, match="Cannot close: this MCPClient was connected on"):
        await asyncio.to_thread(http_client.close_sync)

    assert (await http_client.call_tool("echo", {"text": "still here"})).content == [
        TextContent(text="still here")
    ]


@pytest.mark.skipif(
    "needs_approval" not in {f.name for f in dataclasses.fields(Tool)},
    reason="this ai-sdk-core has no tool approval",
)
async def test_an_mcp_tool_waiting_for_approval_runs_on_the_server_only_once_approved(
    http_client: MCPClient,
) -> None:
    from ai_sdk import ToolApprovalRequest
    from ai_sdk.prompt import ToolModelMessage, UserModelMessage
    from ai_sdk.provider import ToolApprovalResponsePart

    model = MockLanguageModel(do_generate=[calls(("slow", {"seconds": 0.1})), text_result("ok")])
    tools = await http_client.tools()
    options: dict[str, Any] = {"tool_approval": {"slow": "user-approval"}, "stop_when": LOOP}
    messages: list[Any] = [UserModelMessage(content="go")]
    before = await slow_stats(http_client)

    waiting = await generate_text(model=model, tools=tools, messages=messages, **options)

    [request] = [p for p in waiting.final_step.content if isinstance(p, ToolApprovalRequest)]
    assert await slow_stats(http_client) == before  # nothing ran on the server
    messages += [
        *waiting.response_messages,
        ToolModelMessage(
            content=[ToolApprovalResponsePart(approval_id=request.approval_id, approved=True)]
        ),
    ]
    approved = await generate_text(model=model, tools=tools, messages=messages, **options)

    assert approved.text == "ok"
    after = await slow_stats(http_client)
    assert after["slow_finished"] == before["slow_finished"] + 1
    last = model.generate_calls[-1].prompt[-1]
    assert isinstance(last, ToolMessage)
    assert last.content == [
        ToolResultPart(
            tool_call_id="call-0",
            tool_name="slow",
            output=ContentOutput(value=[ContentOutputText(text="slept 0.1")]),
        )
    ]
