"""What `client.tools()` builds from a real server's tool list, and how results reach the model."""

from __future__ import annotations

import base64
import sys
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from mcp_types import CallToolResult, ImageContent, ListToolsResult, TextContent
from mcp_types import Tool as MCPTool
from pydantic import BaseModel

from ai_sdk import Tool
from ai_sdk.provider import (
    ContentOutput,
    ContentOutputFile,
    ContentOutputText,
    FileDataBytes,
    JsonOutput,
)
from ai_sdk_mcp import MCPClient, MCPClientError, StdioTransport, ToolSchemas, mcp_to_model_output
from tests.mcp.conftest import SERVER, stdio_transport
from tests.mcp.mcp_server import PNG

PNG_BASE64 = base64.b64encode(PNG).decode()

# One server process for the whole module (its tools here change nothing on it).
module_loop = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client() -> AsyncIterator[MCPClient]:
    async with MCPClient(transport=stdio_transport()) as connected:
        yield connected


async def run(tool: Tool[Any], value: Any) -> Any:
    """Call a built tool's ``execute`` as the tool loop does (validated input first)."""
    assert tool.execute is not None
    return await tool.execute(tool.input_schema.validate(value))


@module_loop
async def test_automatic_tools_are_dynamic_tools_with_the_servers_schemas(
    client: MCPClient,
) -> None:
    tools = await client.tools()

    assert sorted(tools) == [
        "add", "crash", "echo", "fail", "forecast", "forecast_text", "mixed", "pixel", "slow",
        "slow_stats", "text_json", "whereami",
    ]  # fmt: skip
    add = tools["add"]
    assert (add.type, add.description, add.title) == ("dynamic", "Add two integers.", "Add numbers")
    assert add.metadata == {
        "clientName": "ai-sdk-mcp-client",
        "toolName": "add",
        "title": "Add numbers",
    }
    assert add.input_schema.json_schema == {
        "type": "object",
        "title": "addArguments",
        "properties": {
            "a": {"title": "A", "type": "integer"},
            "b": {"title": "B", "type": "integer"},
        },
        "required": ["a", "b"],
        "additionalProperties": False,
    }
    # A tool without a title has no title key in its metadata.
    assert tools["echo"].metadata == {"clientName": "ai-sdk-mcp-client", "toolName": "echo"}
    assert tools["echo"].title is None
    assert all(t.to_model_output is mcp_to_model_output for t in tools.values())


def test_two_tools_of_the_same_name_are_an_error_not_a_silent_overwrite() -> None:
    client = MCPClient(transport=object(), name="mine")  # type: ignore[arg-type]  # never connected
    definitions = ListToolsResult(
        tools=[
            MCPTool(name="ping", description="first", input_schema={"type": "object"}),
            MCPTool(name="ping", description="second", input_schema={"type": "object"}),
        ]
    )
    with pytest.raises(MCPClientError, match="two tools named 'ping'"):
        client.tools_from_definitions(definitions)


def test_a_schema_without_properties_gets_empty_properties_and_no_extra_keys() -> None:
    client = MCPClient(transport=object(), name="mine")  # type: ignore[arg-type]  # never connected
    definitions = ListToolsResult(
        tools=[
            MCPTool(name="ping", input_schema={"type": "object"}),
            MCPTool(
                name="open",
                input_schema={"type": "object", "properties": None, "additionalProperties": True},
                annotations={"title": "From annotations"},  # type: ignore[arg-type]
            ),
        ]
    )

    tools = client.tools_from_definitions(definitions)

    empty: dict[str, object] = {"type": "object", "properties": {}, "additionalProperties": False}
    assert tools["ping"].input_schema.json_schema == empty
    assert tools["open"].input_schema.json_schema == empty
    assert tools["open"].title == "From annotations"
    assert tools["open"].metadata == {
        "clientName": "mine",
        "toolName": "open",
        "title": "From annotations",
    }


@module_loop
async def test_execute_returns_the_call_tool_result(client: MCPClient) -> None:
    tools = await client.tools()

    result = await run(tools["add"], {"a": 2, "b": 3})

    assert isinstance(result, CallToolResult)
    assert result.content == [TextContent(text="5")]
    assert result.structured_content == {"result": 5}
    assert result.is_error is False


@module_loop
async def test_an_is_error_result_is_returned_not_raised(client: MCPClient) -> None:
    tools = await client.tools()

    result = await run(tools["fail"], {"message": "disk full"})

    assert isinstance(result, CallToolResult)
    assert result.is_error is True
    assert result.content == [TextContent(text="Error executing tool fail: disk full")]
    assert mcp_to_model_output(output=result) == ContentOutput(
        value=[ContentOutputText(text="Error executing tool fail: disk full")]
    )


@module_loop
async def test_images_become_files_and_other_content_json_text(client: MCPClient) -> None:
    tools = await client.tools()

    pixel = await run(tools["pixel"], {})
    mixed = await run(tools["mixed"], {})

    assert pixel.content == [ImageContent(data=PNG_BASE64, mime_type="image/png")]
    assert mcp_to_model_output(output=pixel) == ContentOutput(
        value=[ContentOutputFile(data=FileDataBytes(data=PNG_BASE64), media_type="image/png")]
    )
    assert mcp_to_model_output(output=mixed) == ContentOutput(
        value=[
            ContentOutputText(text="three parts"),
            ContentOutputFile(data=FileDataBytes(data=PNG_BASE64), media_type="image/png"),
            ContentOutputText(text='{"type":"audio","data":"AAAA","mimeType":"audio/wav"}'),
        ]
    )


def test_a_result_without_content_items_and_other_outputs() -> None:
    assert mcp_to_model_output(output=CallToolResult(content=[])) == ContentOutput(value=[])
    assert mcp_to_model_output(output={"city": "Paris"}) == JsonOutput(value={"city": "Paris"})
    assert mcp_to_model_output(output=None) == JsonOutput(value=None)


def test_a_result_replayed_as_json_maps_like_the_result() -> None:
    replayed = {
        "content": [
            {"type": "text", "text": "hi"},
            {"type": "image", "data": PNG_BASE64, "mimeType": "image/png"},
            {"type": "resource_link", "uri": "memo://x", "name": "x"},
        ],
        "isError": False,
    }

    assert mcp_to_model_output(output=replayed) == ContentOutput(
        value=[
            ContentOutputText(text="hi"),
            ContentOutputFile(data=FileDataBytes(data=PNG_BASE64), media_type="image/png"),
            ContentOutputText(text='{"type":"resource_link","uri":"memo://x","name":"x"}'),
        ]
    )


class CityInput(BaseModel):
    city: str


class Forecast(BaseModel):
    city: str
    temperature: int


@module_loop
async def test_typed_schemas_build_only_the_listed_tools(client: MCPClient) -> None:
    tools = await client.tools(
        schemas={
            "forecast": ToolSchemas(input_schema=CityInput, output_schema=Forecast),
            "echo": ToolSchemas(input_schema=dict[str, str]),
            "not_on_the_server": ToolSchemas(input_schema=CityInput),
        }
    )

    assert sorted(tools) == ["echo", "forecast"]
    forecast = tools["forecast"]
    assert forecast.type == "function"
    assert forecast.input_schema.json_schema == {
        "type": "object",
        "title": "CityInput",
        "properties": {"city": {"title": "City", "type": "string"}},
        "required": ["city"],
        "additionalProperties": False,
    }
    assert forecast.metadata == {"clientName": "ai-sdk-mcp-client", "toolName": "forecast"}
    # The structured content, validated into the output schema, is the output.
    assert await run(forecast, {"city": "Paris"}) == Forecast(city="Paris", temperature=21)
    assert mcp_to_model_output(output=Forecast(city="Paris", temperature=21)) == JsonOutput(
        value={"city": "Paris", "temperature": 21}
    )
    # Without an output schema the output is the CallToolResult.
    echoed = await run(tools["echo"], {"text": "hi"})
    assert isinstance(echoed, CallToolResult)
    assert echoed.content == [TextContent(text="hi")]


@module_loop
async def test_typed_output_falls_back_to_text_json_and_a_mismatch_raises(
    client: MCPClient,
) -> None:
    class Loose(BaseModel):
        city: str
        temperature: str

    tools = await client.tools(
        schemas={
            # text_json's structured content is {"result": "<json text>"}: no match.
            "text_json": ToolSchemas(input_schema=CityInput, output_schema=Loose),
            "add": ToolSchemas(input_schema=dict[str, int], output_schema=Forecast),
        }
    )

    with pytest.raises(MCPClientError, match="returned structuredContent that does not match"):
        await run(tools["text_json"], {"city": "Oslo"})
    with pytest.raises(MCPClientError, match="'add' returned structuredContent") as caught:
        await run(tools["add"], {"a": 1, "b": 2})
    assert caught.value.code is None


@module_loop
async def test_typed_output_parses_the_first_text_without_structured_content(
    client: MCPClient,
) -> None:
    # `mixed` returns no structured content: its first text ("three parts") is not JSON.
    tools = await client.tools(
        schemas={"mixed": ToolSchemas(input_schema=None, output_schema=Forecast)}
    )

    with pytest.raises(MCPClientError, match="returned text content that does not match"):
        await run(tools["mixed"], {})


@module_loop
async def test_typed_output_parses_json_text_when_there_is_no_structured_content(
    client: MCPClient,
) -> None:
    class Weather(BaseModel):
        city: str
        temperature: str

    tools = await client.tools(
        schemas={"forecast_text": ToolSchemas(input_schema=CityInput, output_schema=Weather)}
    )

    assert await run(tools["forecast_text"], {"city": "Rome"}) == Weather(
        city="Rome", temperature="warm"
    )


@module_loop
async def test_arguments_that_are_not_an_object_are_a_typed_error(client: MCPClient) -> None:
    tools = await client.tools(schemas={"echo": ToolSchemas(input_schema=list[str])})

    with pytest.raises(MCPClientError, match=r"must be a JSON object, not list \(\['a'\]\)"):
        await run(tools["echo"], ["a"])


async def test_tools_refuse_a_tool_list_that_pages_forever() -> None:
    # A server whose next_cursor comes back (a bug, or a hostile server) is not paged forever.
    transport = StdioTransport(sys.executable, [str(SERVER), "endless-pages"])
    async with MCPClient(transport=transport) as client:
        with pytest.raises(MCPClientError, match="the cursor 'again' came back"):
            await client.tools()
        # One page at a time still works: the caller decides when to stop.
        first = await client.list_tools()
        second = await client.list_tools(cursor=first.next_cursor)
    assert [t.name for t in first.tools + second.tools] == ["t0", "t1"]
    assert second.next_cursor == "again"
