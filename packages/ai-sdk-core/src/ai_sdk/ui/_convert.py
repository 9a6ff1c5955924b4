"""UI messages -> model messages: the chat history as `stream_text`'s ``messages=``.

The rules are upstream's ``convertToModelMessages``: sources and step boundaries are not content
(a ``step-start`` splits an assistant message into one assistant + tool message pair per model
call), tool parts become calls, approval requests and results in the state they reached, and
data parts reach the model only through your ``convert_data_part``.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeAlias

from ai_sdk._sync import sync_twin
from ai_sdk.generate_text._tool import Tool
from ai_sdk.generate_text._tool_calls import create_tool_model_output
from ai_sdk.prompt import (
    AssistantModelMessage,
    FilePart,
    ModelMessage,
    ReasoningFilePart,
    SystemModelMessage,
    ToolApprovalRequestPart,
    ToolModelMessage,
    UserModelMessage,
)
from ai_sdk.provider import (
    CustomPart,
    ErrorTextOutput,
    ExecutionDeniedOutput,
    MessageConversionError,
    ProviderMetadata,
    ReasoningPart,
    TextPart,
    ToolApprovalResponsePart,
    ToolCallPart,
    ToolResultPart,
)
from ai_sdk.ui._messages import (
    CustomUIPart,
    DataUIPart,
    DynamicToolUIPart,
    FileUIPart,
    ReasoningFileUIPart,
    ReasoningUIPart,
    StepStartUIPart,
    TextUIPart,
    ToolUIPart,
    UIMessage,
    UIMessagePart,
    get_tool_name,
)

__all__ = ["DataPartConverter", "convert_to_model_messages", "convert_to_model_messages_sync"]

DataPartConverter: TypeAlias = Callable[
    [DataUIPart], TextPart | FilePart | Awaitable[TextPart | FilePart | None] | None
]
"""Turns a ``data-*`` part into a text or file part for the model, or ``None`` to leave it out."""

_ToolPart = ToolUIPart | DynamicToolUIPart


def _file(part: FileUIPart) -> FilePart:
    return FilePart(
        data=part.provider_reference if part.provider_reference is not None else part.url,
        media_type=part.media_type,
        filename=part.filename,
        provider_options=part.provider_metadata,
    )


def _kept(part: UIMessagePart) -> bool:
    if not isinstance(part, _ToolPart):
        return True
    return part.state in ("approval-responded", "output-error", "output-denied") or (
        part.state == "output-available" and part.preliminary is not True
    )


async def convert_to_model_messages(
    messages: Sequence[UIMessage],
    *,
    tools: Mapping[str, Tool[Any]] | None = None,
    ignore_incomplete_tool_calls: bool = False,
    convert_data_part: DataPartConverter | None = None,
) -> list[ModelMessage]:
    """The model messages for a UI chat history (validate it first: `validate_ui_messages`).

    Args:
        messages: the UI messages.
        tools: the tools, for their ``to_model_output`` (what the model sees of a result).
        ignore_incomplete_tool_calls: leave out tool calls that have no result or approval
            answer yet (e.g. a call cut off by a disconnect), which the model would reject.
        convert_data_part: turns ``data-*`` parts into text or file parts; without it they are
            left out.

    Raises:
        MessageConversionError: a message with an unsupported role.
    """
    result: list[ModelMessage] = []

    async def data(part: DataUIPart) -> TextPart | FilePart | None:
        if convert_data_part is None:
            return None
        converted = convert_data_part(part)
        if inspect.isawaitable(converted):
            converted = await converted
        return converted

    for message in messages:
        parts = (
            [p for p in message.parts if _kept(p)]
            if ignore_incomplete_tool_calls
            else (message.parts)
        )
        match message.role:
            case "system":
                texts = [p for p in parts if isinstance(p, TextUIPart)]
                options: ProviderMetadata = {}
                for text in texts:
                    if text.provider_metadata:
                        options.update(text.provider_metadata)
                result.append(
                    SystemModelMessage(
                        content="".join(t.text for t in texts), provider_options=options or None
                    )
                )
            case "user":
                content: list[Any] = []
                for part in parts:
                    if isinstance(part, TextUIPart):
                        content.append(
                            TextPart(text=part.text, provider_options=part.provider_metadata)
                        )
                    elif isinstance(part, FileUIPart):
                        content.append(_file(part))
                    elif isinstance(part, DataUIPart):
                        converted = await data(part)
                        if converted is not None:
                            content.append(converted)
                result.append(UserModelMessage(content=content))
            case "assistant":
                block: list[UIMessagePart] = []
                for part in parts:
                    if isinstance(part, StepStartUIPart):
                        result.extend(await _block(block, tools, data))
                        block = []
                    else:
                        block.append(part)
                result.extend(await _block(block, tools, data))
            case _:  # pyright: ignore[reportUnnecessaryComparison] - constructed, not validated
                raise MessageConversionError(
                    original_message=message, message=f"Unsupported role: {message.role}"
                )
    return result


async def _tool_result(
    part: _ToolPart,
    tools: Mapping[str, Tool[Any]] | None,
    *,
    error_mode: str,
    provider_options: ProviderMetadata | None,
) -> ToolResultPart:
    """A finished tool part's result as the model sees it (through the tool's
    ``to_model_output``); an ``output-error`` part's text as ``error_mode`` (``"json"`` for a
    provider-executed tool, ``"text"`` otherwise, as upstream)."""
    name = get_tool_name(part)
    error = part.state == "output-error"
    return ToolResultPart(
        tool_call_id=part.tool_call_id,
        tool_name=name,
        output=await create_tool_model_output(
            tool=tools.get(name) if tools else None,
            tool_call_id=part.tool_call_id,
            input=part.input,
            output=part.error_text if error else part.output,
            error_mode=error_mode if error else "none",
        ),
        provider_options=provider_options,
    )


async def _block(
    block: list[UIMessagePart],
    tools: Mapping[str, Tool[Any]] | None,
    data: Callable[[DataUIPart], Awaitable[TextPart | FilePart | None]],
) -> list[ModelMessage]:
    """One step of an assistant message: its assistant message and its tool message."""
    if not block:
        return []
    messages: list[ModelMessage] = []
    content: list[Any] = []
    for part in block:
        if isinstance(part, TextUIPart):
            content.append(TextPart(text=part.text, provider_options=part.provider_metadata))
        elif isinstance(part, CustomUIPart):
            content.append(CustomPart(kind=part.kind, provider_options=part.provider_metadata))
        elif isinstance(part, FileUIPart):
            content.append(_file(part))
        elif isinstance(part, ReasoningFileUIPart):
            content.append(
                ReasoningFilePart(
                    data=part.url,
                    media_type=part.media_type,
                    provider_options=part.provider_metadata,
                )
            )
        elif isinstance(part, ReasoningUIPart):
            content.append(ReasoningPart(text=part.text, provider_options=part.provider_metadata))
        elif isinstance(part, _ToolPart):
            if part.state == "input-streaming":
                continue
            name = get_tool_name(part)
            tool_input = part.input
            if part.state == "output-error" and tool_input is None:
                tool_input = part.raw_input
            content.append(
                ToolCallPart(
                    tool_call_id=part.tool_call_id,
                    tool_name=name,
                    input=tool_input,
                    provider_executed=part.provider_executed,
                    provider_options=part.call_provider_metadata,
                )
            )
            if part.approval is not None:
                content.append(
                    ToolApprovalRequestPart(
                        approval_id=part.approval.id,
                        tool_call_id=part.tool_call_id,
                        is_automatic=part.approval.is_automatic,
                        signature=part.approval.signature,
                    )
                )
            if part.provider_executed is True and part.state in (
                "output-available",
                "output-error",
            ):
                content.append(
                    await _tool_result(
                        part,
                        tools,
                        error_mode="json",
                        provider_options=part.result_provider_metadata
                        or part.call_provider_metadata,
                    )
                )
        elif isinstance(part, DataUIPart):
            converted = await data(part)
            if converted is not None:
                content.append(converted)
        # source-url / source-document: citations for the UI, not content for the model
    if content:
        messages.append(AssistantModelMessage(content=content))

    results: list[Any] = []
    for part in block:
        if not isinstance(part, _ToolPart):
            continue
        approval = part.approval
        if part.provider_executed is True and (approval is None or approval.approved is None):
            continue
        name = get_tool_name(part)
        if approval is not None and approval.approved is not None:
            results.append(
                ToolApprovalResponsePart(
                    approval_id=approval.id,
                    approved=approval.approved,
                    reason=approval.reason,
                    provider_executed=part.provider_executed,
                )
            )
            if part.state == "approval-responded" and approval.approved is False:
                results.append(
                    ToolResultPart(
                        tool_call_id=part.tool_call_id,
                        tool_name=name,
                        output=ExecutionDeniedOutput(reason=approval.reason),
                        provider_options=part.call_provider_metadata,
                    )
                )
        if part.provider_executed is True:
            continue
        if part.state == "output-denied":
            results.append(
                ToolResultPart(
                    tool_call_id=part.tool_call_id,
                    tool_name=name,
                    output=ErrorTextOutput(
                        value=approval.reason
                        if approval is not None and approval.reason is not None
                        else "Tool call execution denied."
                    ),
                    provider_options=part.call_provider_metadata,
                )
            )
        elif part.state in ("output-available", "output-error"):
            results.append(
                await _tool_result(
                    part, tools, error_mode="text", provider_options=part.call_provider_metadata
                )
            )
    if results:
        messages.append(ToolModelMessage(content=results))
    return messages


convert_to_model_messages_sync = sync_twin(convert_to_model_messages)
"""`convert_to_model_messages` for synchronous code (WSGI apps)."""
