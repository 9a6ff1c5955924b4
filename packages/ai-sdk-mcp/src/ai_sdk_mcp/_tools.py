"""MCP tool definitions as ai_sdk tools, and MCP tool results as what the model sees.

The mapping follows `@ai-sdk/mcp`: with ``schemas="automatic"`` every server tool becomes a
`dynamic_tool` whose input schema is the server's (with ``properties`` defaulted to ``{}`` and
``additionalProperties: false``); with a mapping of `ToolSchemas` only the listed tools are
built, as typed `tool`s. ``execute`` returns the server's `CallToolResult` (an ``isError``
result included) and `mcp_to_model_output` turns it into a ``content`` tool output.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias, cast

from mcp_types import CallToolResult, ListToolsResult, TextContent
from mcp_types import Tool as MCPTool
from pydantic_core import to_jsonable_python

from ai_sdk import Tool, dynamic_tool, tool
from ai_sdk.provider import (
    ContentOutput,
    ContentOutputFile,
    ContentOutputText,
    FileDataBytes,
    JSONObject,
    JsonOutput,
    JSONValue,
    TypeValidationError,
)
from ai_sdk.provider_utils import ParseFailure, Schema, as_schema, json_schema, safe_parse_json
from ai_sdk_mcp._errors import MCPClientError

__all__ = ["SchemaMode", "ToolSchemas", "build_tools", "mcp_to_model_output"]


@dataclass(frozen=True, slots=True)
class ToolSchemas:
    """The schemas of one server tool, for typed tools (``client.tools(schemas={name: ...})``).

    Args:
        input_schema: what the tool takes: a pydantic model, any type pydantic validates, or
            `json_schema(...)`. The model sees its JSON Schema instead of the server's, and the
            input is validated into it before the call.
        output_schema: what the tool returns, when given: the result's ``structuredContent``
            (or else its first text content, parsed as JSON) is validated into it and becomes
            the tool's output instead of the `CallToolResult`. A mismatch raises
            `MCPClientError`.
    """

    input_schema: object
    output_schema: object = None


SchemaMode: TypeAlias = Literal["automatic"] | Mapping[str, ToolSchemas]
"""``"automatic"`` (a dynamic tool for every server tool) or typed schemas for chosen tools."""

CallTool: TypeAlias = Callable[[str, JSONObject, float | None], Awaitable[CallToolResult]]
"""How a built tool calls its server: ``(name, arguments, timeout) -> CallToolResult``."""


def mcp_to_model_output(*, output: object, **_: object) -> ContentOutput | JsonOutput:
    """What the model sees of an MCP tool's output (a tool's ``to_model_output``).

    A `CallToolResult` (or its JSON, as replayed from a conversation history) becomes
    ``content``: text items as text, images as files (media type and base64 data), anything
    else (audio, resource links, embedded resources) as text holding its JSON. Any other output
    (a typed tool's validated ``output_schema`` value) becomes ``json``.

    Args:
        output: the tool's output.
    """
    if isinstance(output, CallToolResult):
        content: list[object] = [
            item.model_dump(mode="json", by_alias=True, exclude_none=True)
            for item in output.content
        ]
    else:
        value: object = to_jsonable_python(output, by_alias=True, fallback=str)
        listed = (
            cast("dict[str, object]", value).get("content") if isinstance(value, dict) else None
        )
        if not isinstance(listed, list):
            return JsonOutput(value=cast("JSONValue", value))
        content = cast("list[object]", listed)
    return ContentOutput(value=[_content_item(item) for item in content])


def _content_item(item: object) -> ContentOutputText | ContentOutputFile:
    match item:
        case {"type": "text", "text": str(text)}:
            return ContentOutputText(text=text)
        case {"type": "image", "data": str(data), "mimeType": str(media_type)}:
            return ContentOutputFile(data=FileDataBytes(data=data), media_type=media_type)
        case _:
            return ContentOutputText(text=json.dumps(item, separators=(",", ":")))


def _automatic_input_schema(definition: MCPTool) -> Schema[Any]:
    schema: dict[str, Any] = dict(definition.input_schema)
    if schema.get("properties") is None:
        schema["properties"] = {}
    schema["additionalProperties"] = False
    return json_schema(schema)


def _structured_output(result: CallToolResult, schema: Schema[Any], name: str) -> object:
    """The result's structured content (else its first text as JSON), validated by ``schema``."""
    if result.structured_content is not None:
        try:
            return schema.validate(result.structured_content)
        except TypeValidationError as error:
            raise MCPClientError(
                f"MCP tool {name!r} returned structuredContent that does not match the "
                f"output_schema of its ToolSchemas: {error.message}",
                cause=error,
            ) from error
    text = next((item.text for item in result.content if isinstance(item, TextContent)), None)
    if text is not None:
        parsed = safe_parse_json(text, schema)
        if isinstance(parsed, ParseFailure):
            raise MCPClientError(
                f"MCP tool {name!r} returned text content that does not match the output_schema "
                f"of its ToolSchemas: {parsed.error.message}",
                cause=parsed.error,
            )
        return parsed.value
    raise MCPClientError(
        f"MCP tool {name!r} returned neither structuredContent nor text content to validate "
        "against the output_schema of its ToolSchemas"
    )


def _arguments(value: object) -> JSONObject:
    """The tool input as the JSON object sent as ``arguments``."""
    if value is None:
        return {}
    converted = to_jsonable_python(value, by_alias=True, fallback=str)
    if not isinstance(converted, dict):
        raise MCPClientError(
            f"MCP tool arguments must be a JSON object, not {type(value).__name__} "
            f"({converted!r:.80}); a ToolSchemas input_schema must describe an object"
        )
    return {str(key): item for key, item in cast("dict[object, JSONValue]", converted).items()}


def _execute(
    call: CallTool, name: str, output_schema: Schema[Any] | None, timeout: float | None
) -> Callable[[object], Awaitable[object]]:
    async def execute(value: object) -> object:
        result = await call(name, _arguments(value), timeout)
        if result.is_error or output_schema is None:
            return result  # an isError result is the model's to read, not an exception
        return _structured_output(result, output_schema, name)

    return execute


def build_tools(
    definitions: ListToolsResult,
    *,
    call: CallTool,
    client_name: str,
    schemas: SchemaMode = "automatic",
    timeout: float | None = None,
) -> dict[str, Tool[Any]]:
    """The ai_sdk tools for listed MCP tool definitions.

    Args:
        definitions: the server's tool list.
        call: calls a tool on the server.
        client_name: the client's name, recorded in each tool's ``metadata``.
        schemas: ``"automatic"`` or typed `ToolSchemas` by tool name.
        timeout: seconds each call may take (``None``: the client's default).
    """
    tools: dict[str, Tool[Any]] = {}
    for definition in definitions.tools:
        name = definition.name
        if schemas != "automatic" and name not in schemas:
            continue
        if name in tools:
            # One of the two would be lost, and which one the model gets would be an accident.
            raise MCPClientError(
                f"The server lists two tools named {name!r}; an MCP server's tool names must "
                "be unique (fix the server)."
            )
        title = definition.title
        if title is None and definition.annotations is not None:
            title = definition.annotations.title
        metadata: JSONObject = {"clientName": client_name, "toolName": name}
        if title is not None:
            metadata["title"] = title
        if schemas == "automatic":
            tools[name] = dynamic_tool(
                description=definition.description,
                title=title,
                metadata=metadata,
                input_schema=_automatic_input_schema(definition),
                execute=_execute(call, name, None, timeout),
                to_model_output=mcp_to_model_output,
            )
        else:
            typed = schemas[name]
            output = None if typed.output_schema is None else as_schema(typed.output_schema)
            tools[name] = tool(
                description=definition.description,
                title=title,
                metadata=metadata,
                input_schema=as_schema(typed.input_schema),
                execute=_execute(call, name, output, timeout),
                to_model_output=mcp_to_model_output,
            )
    return tools
