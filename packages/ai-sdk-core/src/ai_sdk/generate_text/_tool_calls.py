"""Tool calls: parse and validate what the model sent (with repair), execute, and report back.

A call that fails to parse or validate is never raised: it becomes an invalid `ToolCall` plus a
`ToolError`, so the model sees the problem on the next step and can correct itself. Exceptions
from ``execute`` likewise become `ToolError` results.
"""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias, cast

from pydantic import TypeAdapter
from pydantic_core import to_jsonable_python

from ai_sdk.generate_text._parts import (
    ContentPart,
    GeneratedFilePart,
    GeneratedReasoningFilePart,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolCall,
    ToolError,
    ToolResult,
)
from ai_sdk.generate_text._tool import Tool, ToolExecutionOptions
from ai_sdk.prompt._messages import (
    AssistantModelMessage,
    FilePart,
    Instructions,
    ModelMessage,
    ReasoningFilePart,
    ResponseMessage,
    ToolApprovalRequestPart,
    ToolModelMessage,
)
from ai_sdk.provider import (
    CustomContent,
    CustomPart,
    ErrorJsonOutput,
    ErrorTextOutput,
    ExecutionDeniedOutput,
    InvalidToolInputError,
    JsonOutput,
    JSONValue,
    NoSuchToolError,
    ProviderOptions,
    ReasoningContent,
    ReasoningPart,
    TextContent,
    TextOutput,
    TextPart,
    ToolApprovalResponsePart,
    ToolCallContent,
    ToolCallPart,
    ToolCallRepairError,
    ToolResultOutput,
    ToolResultPart,
    get_error_message,
)
from ai_sdk.provider_utils import JSONSchema, ParseFailure, safe_parse_json

__all__ = [
    "RepairToolCall",
    "ToolCallRepairContext",
    "create_tool_model_output",
    "execute_tool_call",
    "parse_tool_call",
    "to_json_value",
    "to_response_messages",
    "tool_result_part",
]


@dataclass(frozen=True, slots=True)
class ToolCallRepairContext:
    """What `repair_tool_call` receives: the failed call and why it failed."""

    tool_call: ToolCallContent
    """The call as the model sent it (``input`` is JSON text)."""
    tools: Mapping[str, Tool[Any]]
    error: NoSuchToolError | InvalidToolInputError
    """`NoSuchToolError` (unknown tool) or `InvalidToolInputError` (bad JSON or schema)."""
    messages: list[ModelMessage]
    """The messages of the step that made the call."""
    instructions: Instructions | None

    def input_schema(self, tool_name: str) -> JSONSchema | None:
        """The JSON Schema of a tool's input (``None`` for an unknown tool)."""
        found = self.tools.get(tool_name)
        return None if found is None else found.input_schema.json_schema


RepairToolCall: TypeAlias = Callable[
    [ToolCallRepairContext], ToolCallContent | Awaitable[ToolCallContent | None] | None
]
"""Fixes a failed tool call: return a corrected `ToolCallContent` (e.g.
``dataclasses.replace(context.tool_call, input=fixed_json)``) or ``None`` to give up."""


def to_json_value(value: object) -> JSONValue:
    """A JSON value for any tool input or output (pydantic models by alias, others by pydantic's
    rules, anything unknown as its ``str``)."""
    return cast("JSONValue", to_jsonable_python(value, by_alias=True, fallback=str))


def _validate_input(tool: Tool[Any], call: ToolCallContent) -> Any:
    schema = tool.input_schema
    if call.input.strip() == "":
        # Models often send "" for tools without parameters.
        result = schema.safe_validate({})
    else:
        result = safe_parse_json(call.input, schema)
    if isinstance(result, ParseFailure):
        raise InvalidToolInputError(
            tool_name=call.tool_name, tool_input=call.input, cause=result.error
        )
    return result.value


def _parse_unknown_provider_call(call: ToolCallContent) -> ToolCall:
    if call.input.strip() == "":
        value: JSONValue = {}
    else:
        parsed = safe_parse_json(call.input)
        if isinstance(parsed, ParseFailure):
            raise InvalidToolInputError(
                tool_name=call.tool_name, tool_input=call.input, cause=parsed.error
            )
        value = parsed.value
    return ToolCall(
        tool_call_id=call.tool_call_id,
        tool_name=call.tool_name,
        input=value,
        provider_executed=True,
        dynamic=True,
        provider_metadata=call.provider_metadata,
    )


def _parse(call: ToolCallContent, tools: Mapping[str, Tool[Any]] | None) -> ToolCall:
    found = tools.get(call.tool_name) if tools is not None else None
    if found is None:
        if call.provider_executed and call.dynamic:
            return _parse_unknown_provider_call(call)
        raise NoSuchToolError(
            tool_name=call.tool_name,
            available_tools=list(tools) if tools is not None else None,
        )
    value = _validate_input(found, call)
    return ToolCall(
        tool_call_id=call.tool_call_id,
        tool_name=call.tool_name,
        input=value,
        provider_executed=call.provider_executed,
        dynamic=found.type == "dynamic",
        title=found.title,
        provider_metadata=call.provider_metadata,
        tool_metadata=found.metadata,
    )


async def parse_tool_call(
    call: ToolCallContent,
    *,
    tools: Mapping[str, Tool[Any]] | None,
    repair_tool_call: RepairToolCall | None,
    messages: list[ModelMessage],
    instructions: Instructions | None,
) -> ToolCall:
    """Parse and validate a tool call from the model; never raises for a bad call.

    Returns a valid `ToolCall`, or one with ``invalid=True`` and ``error`` set (`NoSuchToolError`,
    `InvalidToolInputError` or `ToolCallRepairError`) when it could not be used.
    """
    try:
        try:
            return _parse(call, tools)
        except (NoSuchToolError, InvalidToolInputError) as error:
            if repair_tool_call is None or tools is None:
                raise
            context = ToolCallRepairContext(
                tool_call=call,
                tools=tools,
                error=error,
                messages=messages,
                instructions=instructions,
            )
            try:
                repaired: Any = repair_tool_call(context)
                if inspect.isawaitable(repaired):
                    repaired = await repaired
            except Exception as repair_error:
                raise ToolCallRepairError(cause=repair_error, original_error=error) from (
                    repair_error
                )
            if repaired is None:
                raise
            return _parse(cast("ToolCallContent", repaired), tools)
    except (NoSuchToolError, InvalidToolInputError, ToolCallRepairError) as error:
        parsed = safe_parse_json(call.input)
        known = tools.get(call.tool_name) if tools is not None else None
        return ToolCall(
            tool_call_id=call.tool_call_id,
            tool_name=call.tool_name,
            input=call.input if isinstance(parsed, ParseFailure) else parsed.value,
            provider_executed=call.provider_executed,
            dynamic=True,
            invalid=True,
            error=error,
            title=known.title if known is not None else None,
            provider_metadata=call.provider_metadata,
            tool_metadata=known.metadata if known is not None else None,
        )


def invalid_call_error(call: ToolCall) -> ToolError:
    """The tool error reported for an invalid call, so the model can correct it."""
    return ToolError(
        tool_call_id=call.tool_call_id,
        tool_name=call.tool_name,
        input=call.input,
        error=get_error_message(call.error),
        dynamic=True,
        tool_metadata=call.tool_metadata,
    )


# -- execution -----------------------------------------------------------------------------------


async def _run_execute(
    tool: Tool[Any],
    value: Any,
    options: ToolExecutionOptions,
    on_preliminary: Callable[[Any], None] | None,
) -> Any:
    execute = cast("Callable[..., Any]", tool.execute)
    args: tuple[Any, ...] = (value, options) if tool.call_style == "input_options" else (value,)
    if inspect.iscoroutinefunction(execute) or inspect.isasyncgenfunction(execute):
        result: Any = execute(*args)
    else:
        result = await asyncio.to_thread(execute, *args)
    if inspect.isawaitable(result):
        return await result
    if isinstance(result, AsyncIterator):
        last: Any = None
        async for item in cast("AsyncIterator[Any]", result):
            last = item
            if on_preliminary is not None:
                on_preliminary(item)
        return last
    return result


async def execute_tool_call(
    tool: Tool[Any],
    call: ToolCall,
    *,
    messages: list[ModelMessage],
    context: object,
    runtime_context: object = None,
    timeout: float | None,  # noqa: ASYNC109 - applied inside, with a named error
    on_preliminary: Callable[[ToolResult], None] | None = None,
) -> tuple[ToolResult | ToolError, float]:
    """Run one tool call; returns its result or error, and how long it took (seconds).

    Exceptions from ``execute`` (and hitting ``timeout``) become a `ToolError`; cancellation
    propagates.
    """
    options = ToolExecutionOptions(
        tool_call_id=call.tool_call_id, messages=messages, context=context
    )
    common: dict[str, Any] = {
        "tool_call_id": call.tool_call_id,
        "tool_name": call.tool_name,
        "input": call.input,
        "dynamic": tool.type == "dynamic",
        "provider_metadata": call.provider_metadata,
        "tool_metadata": call.tool_metadata,
    }

    def preliminary(output: Any) -> None:
        if on_preliminary is not None:
            on_preliminary(ToolResult(output=output, preliminary=True, **common))

    started = time.perf_counter()
    try:
        if tool.on_input_available is not None:
            hook: Any = tool.on_input_available(
                call.input, dataclasses.replace(options, context=runtime_context)
            )
            if inspect.isawaitable(hook):
                await hook
        if timeout is None:
            output = await _run_execute(tool, call.input, options, preliminary)
        else:
            limit = asyncio.timeout(timeout)
            try:
                async with limit:
                    output = await _run_execute(tool, call.input, options, preliminary)
            except TimeoutError as error:
                if not limit.expired():  # the tool's own timeout: its message stays
                    raise
                raise TimeoutError(
                    f"Tool {call.tool_name!r} timed out after {timeout} s"
                ) from error
    except Exception as error:
        return ToolError(error=error, **common), time.perf_counter() - started
    return ToolResult(output=output, **common), time.perf_counter() - started


# -- what the model sees -------------------------------------------------------------------------

_output_adapter: TypeAdapter[ToolResultOutput] | None = None


async def create_tool_model_output(
    *,
    tool: Tool[Any] | None,
    tool_call_id: str,
    input: Any,
    output: Any,
    error_mode: str,
) -> ToolResultOutput:
    """The tool result as the model sees it.

    ``error_mode`` ``"text"`` gives ``error-text`` with the error message, ``"json"`` gives
    ``error-json``; otherwise the tool's ``to_model_output`` decides, or a ``str`` becomes
    ``text`` and anything else ``json``.
    """
    global _output_adapter
    if error_mode == "text":
        return ErrorTextOutput(value=get_error_message(output))
    if error_mode == "json":
        return ErrorJsonOutput(value=to_json_value(output))
    if tool is not None and tool.to_model_output is not None:
        converted: Any = tool.to_model_output(tool_call_id=tool_call_id, input=input, output=output)
        if inspect.isawaitable(converted):
            converted = await converted
        if _output_adapter is None:
            _output_adapter = TypeAdapter(ToolResultOutput)
        return _output_adapter.validate_python(converted)
    if isinstance(output, str):
        return TextOutput(value=output)
    return JsonOutput(value=to_json_value(output))


async def tool_result_part(
    output: ToolResult | ToolError,
    tools: Mapping[str, Tool[Any]],
    *,
    error_mode: str,
    provider_options: ProviderOptions | None = None,
) -> ToolResultPart:
    """A tool's output as the model sees it (``error_mode`` for a `ToolError`: see
    `create_tool_model_output`)."""
    failed = isinstance(output, ToolError)
    return ToolResultPart(
        tool_call_id=output.tool_call_id,
        tool_name=output.tool_name,
        output=await create_tool_model_output(
            tool=tools.get(output.tool_name),
            tool_call_id=output.tool_call_id,
            input=output.input,
            output=output.error if isinstance(output, ToolError) else output.output,
            error_mode=error_mode if failed else "none",
        ),
        provider_options=provider_options,
    )


async def to_response_messages(
    content: Sequence[ContentPart], tools: Mapping[str, Tool[Any]] | None
) -> list[ResponseMessage]:
    """The assistant message (and the tool message with client tool results) of a step."""
    tools = tools or {}
    assistant: list[Any] = []
    order: dict[str, int] = {}
    for part in content:
        if isinstance(part, TextContent):
            if part.text:
                assistant.append(TextPart(text=part.text, provider_options=part.provider_metadata))
        elif isinstance(part, ReasoningContent):
            assistant.append(ReasoningPart(text=part.text, provider_options=part.provider_metadata))
        elif isinstance(part, CustomContent):
            assistant.append(CustomPart(kind=part.kind, provider_options=part.provider_metadata))
        elif isinstance(part, GeneratedFilePart):
            assistant.append(
                FilePart(
                    data=part.file.base64,
                    media_type=part.file.media_type,
                    provider_options=part.provider_metadata,
                )
            )
        elif isinstance(part, GeneratedReasoningFilePart):
            assistant.append(
                ReasoningFilePart(
                    data=part.file.base64,
                    media_type=part.file.media_type,
                    provider_options=part.provider_metadata,
                )
            )
        elif isinstance(part, ToolCall):
            order.setdefault(part.tool_call_id, len(order))
            value = to_json_value(part.input)
            if part.invalid and not isinstance(value, dict):
                value = {}
            assistant.append(
                ToolCallPart(
                    tool_call_id=part.tool_call_id,
                    tool_name=part.tool_name,
                    input=value,
                    provider_executed=part.provider_executed,
                    provider_options=part.provider_metadata,
                )
            )
        elif isinstance(part, ToolApprovalRequest):
            assistant.append(
                ToolApprovalRequestPart(
                    approval_id=part.approval_id,
                    tool_call_id=part.tool_call.tool_call_id,
                    reason=part.reason,
                    is_automatic=part.is_automatic,
                    signature=part.signature,
                )
            )
        elif isinstance(part, ToolResult | ToolError) and part.provider_executed:
            assistant.append(
                await tool_result_part(
                    part, tools, error_mode="json", provider_options=part.provider_metadata
                )
            )
    messages: list[ResponseMessage] = []
    if assistant:
        messages.append(AssistantModelMessage(content=assistant))
    results: list[tuple[int, int, ToolResultPart | ToolApprovalResponsePart]] = []
    for index, part in enumerate(content):
        if isinstance(part, ToolApprovalResponse):
            # An approval the configuration answered; a denied call gets its denial as result.
            call = part.tool_call
            rank = order.get(call.tool_call_id, len(order) + index)
            results.append(
                (
                    rank,
                    index,
                    ToolApprovalResponsePart(
                        approval_id=part.approval_id,
                        approved=part.approved,
                        reason=part.reason,
                        provider_executed=part.provider_executed,
                    ),
                )
            )
            if not part.approved:
                results.append(
                    (
                        rank,
                        index,
                        ToolResultPart(
                            tool_call_id=call.tool_call_id,
                            tool_name=call.tool_name,
                            output=ExecutionDeniedOutput(reason=part.reason),
                        ),
                    )
                )
            continue
        if not isinstance(part, ToolResult | ToolError) or part.provider_executed:
            continue
        if isinstance(part, ToolResult) and part.preliminary:
            continue
        rank = order.get(part.tool_call_id, len(order) + index)
        result = await tool_result_part(
            part, tools, error_mode="text", provider_options=part.provider_metadata
        )
        results.append((rank, index, result))
    if results:
        results.sort(key=lambda item: (item[0], item[1]))
        messages.append(ToolModelMessage(content=[item[2] for item in results]))
    return messages
