"""Reading a UI message stream back into a `UIMessage`, by the rules the TS client applies.

The same assembly serves the server (``on_finish`` gets the message the client will hold, for
persistence) and Python clients and tests (`read_ui_message_stream`). Out-of-order chunks raise
`UIMessageStreamError` with the client's messages, so a server bug shows up in Python tests the
way it would in a browser.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Callable
from typing import Any

from ai_sdk.provider import JSONValue, UIMessageStreamError
from ai_sdk.provider_utils import parse_partial_json
from ai_sdk.ui._chunks import (
    AbortChunk,
    CustomChunk,
    DataChunk,
    ErrorChunk,
    FileChunk,
    FinishChunk,
    FinishStepChunk,
    MessageMetadataChunk,
    ReasoningDeltaChunk,
    ReasoningEndChunk,
    ReasoningFileChunk,
    ReasoningStartChunk,
    ResetStepChunk,
    SourceDocumentChunk,
    SourceUrlChunk,
    StartChunk,
    StartStepChunk,
    TextDeltaChunk,
    TextEndChunk,
    TextStartChunk,
    ToolApprovalRequestChunk,
    ToolApprovalResponseChunk,
    ToolInputAvailableChunk,
    ToolInputDeltaChunk,
    ToolInputErrorChunk,
    ToolInputStartChunk,
    ToolOutputAvailableChunk,
    ToolOutputDeniedChunk,
    ToolOutputErrorChunk,
    UIFinishReason,
    UIMessageChunk,
)
from ai_sdk.ui._messages import (
    CustomUIPart,
    DataUIPart,
    DynamicToolUIPart,
    FileUIPart,
    ReasoningFileUIPart,
    ReasoningUIPart,
    SourceDocumentUIPart,
    SourceUrlUIPart,
    StepStartUIPart,
    TextUIPart,
    ToolUIPart,
    UIMessage,
    UIMessagePart,
    UIToolApproval,
)

__all__ = ["UIMessageAssembler", "read_ui_message_stream"]

_ToolPart = ToolUIPart | DynamicToolUIPart


def merge_metadata(base: JSONValue, update: JSONValue) -> JSONValue:
    """Deep merge of two metadata values (objects merge key by key; anything else replaces)."""
    if isinstance(base, dict) and isinstance(update, dict):
        merged = dict(base)
        for key, value in update.items():
            merged[key] = merge_metadata(merged.get(key), value) if key in merged else value
        return merged
    return update


class _PartialCall:
    __slots__ = ("dynamic", "text", "title", "tool_metadata", "tool_name")

    def __init__(self, chunk: ToolInputStartChunk) -> None:
        self.text = ""
        self.tool_name = chunk.tool_name
        self.dynamic = bool(chunk.dynamic)
        self.title = chunk.title
        self.tool_metadata = chunk.tool_metadata


class UIMessageAssembler:
    """Applies chunks to one assistant message, in place.

    Args:
        message: the assistant message to continue (a continuation), or ``None`` for a new one.
        message_id: the id of a new message (a ``start`` chunk's ``message_id`` replaces it).
    """

    def __init__(self, message: UIMessage | None = None, message_id: str = "") -> None:
        if message is not None and message.role == "assistant":
            self.message = message
        else:
            self.message = UIMessage(id=message_id, role="assistant", parts=[])
        self.finish_reason: UIFinishReason | None = None
        self.aborted = False
        self._text: dict[str, TextUIPart] = {}
        self._reasoning: dict[str, ReasoningUIPart] = {}
        self._calls: dict[str, _PartialCall] = {}

    # -- lookups --------------------------------------------------------------------------------

    def _step_parts(self) -> list[UIMessagePart]:
        parts = self.message.parts
        index = len(parts) - 1
        while index >= 0 and not isinstance(parts[index], StepStartUIPart):
            index -= 1
        return parts[index + 1 :]

    def _tool_part(self, tool_call_id: str) -> _ToolPart:
        for part in self._step_parts():
            if isinstance(part, _ToolPart) and part.tool_call_id == tool_call_id:
                return part
        for part in reversed(self.message.parts):
            if isinstance(part, _ToolPart) and part.tool_call_id == tool_call_id:
                return part
        raise UIMessageStreamError(
            chunk_type="tool-invocation",
            chunk_id=tool_call_id,
            message=f'No tool invocation found for tool call ID "{tool_call_id}".',
        )

    def _step_tool_part(self, tool_call_id: str, dynamic: bool) -> _ToolPart | None:
        for part in self._step_parts():
            if (
                isinstance(part, DynamicToolUIPart if dynamic else ToolUIPart)
                and part.tool_call_id == tool_call_id
            ):
                return part
        return None

    def _upsert_tool(
        self,
        *,
        tool_call_id: str,
        tool_name: str,
        dynamic: bool,
        existing: _ToolPart | None = None,
        **values: Any,
    ) -> None:
        """Update a tool part's state and fields (``values``), creating it if needed."""
        part = existing if existing is not None else self._step_tool_part(tool_call_id, dynamic)
        metadata = values.pop("provider_metadata", None)
        title = values.pop("title", None)
        tool_metadata = values.pop("tool_metadata", None)
        provider_executed = values.pop("provider_executed", None)
        resulting = values["state"] in ("output-available", "output-error")
        if part is None:
            common: dict[str, Any] = {
                "tool_call_id": tool_call_id,
                "title": title,
                "tool_metadata": tool_metadata,
                "provider_executed": provider_executed,
                **values,
            }
            if metadata is not None:
                key = "result_provider_metadata" if resulting else "call_provider_metadata"
                common[key] = metadata
            if dynamic:
                self.message.parts.append(DynamicToolUIPart(tool_name=tool_name, **common))
            else:
                self.message.parts.append(ToolUIPart(type=f"tool-{tool_name}", **common))
            return
        if isinstance(part, DynamicToolUIPart):
            part.tool_name = tool_name
        raw_input = values.get("raw_input")
        part.state = values["state"]
        part.input = values.get("input")
        part.output = values.get("output")
        part.error_text = values.get("error_text")
        # A dynamic part keeps its raw input once known (the static one takes what it is given).
        part.raw_input = (
            (raw_input if raw_input is not None else part.raw_input)
            if isinstance(part, DynamicToolUIPart)
            else raw_input
        )
        part.preliminary = values.get("preliminary")
        if title is not None:
            part.title = title
        if tool_metadata is not None:
            part.tool_metadata = tool_metadata
        if provider_executed is not None:
            part.provider_executed = provider_executed
        if metadata is not None:
            if resulting:
                part.result_provider_metadata = metadata
            else:
                part.call_provider_metadata = metadata

    # -- chunks ---------------------------------------------------------------------------------

    def apply(self, chunk: UIMessageChunk) -> bool:
        """Apply one chunk; returns whether the message changed in a way a UI would show.

        Raises:
            UIMessageStreamError: a delta or end without its start, or a tool chunk for an
                unknown tool call or approval.
        """
        message = self.message
        match chunk:
            case TextStartChunk():
                part = TextUIPart(
                    text="", state="streaming", provider_metadata=chunk.provider_metadata
                )
                self._text[chunk.id] = part
                message.parts.append(part)
            case TextDeltaChunk():
                part = self._open(self._text, chunk.id, "text-delta", "text")
                part.text += chunk.delta
                if chunk.provider_metadata is not None:
                    part.provider_metadata = chunk.provider_metadata
            case TextEndChunk():
                part = self._open(self._text, chunk.id, "text-end", "text")
                part.state = "done"
                if chunk.provider_metadata is not None:
                    part.provider_metadata = chunk.provider_metadata
                del self._text[chunk.id]
            case ReasoningStartChunk():
                reasoning = ReasoningUIPart(
                    id=chunk.id,
                    text="",
                    state="streaming",
                    provider_metadata=chunk.provider_metadata,
                )
                self._reasoning[chunk.id] = reasoning
                message.parts.append(reasoning)
            case ReasoningDeltaChunk():
                reasoning = self._open(self._reasoning, chunk.id, "reasoning-delta", "reasoning")
                reasoning.text += chunk.delta
                if chunk.provider_metadata is not None:
                    reasoning.provider_metadata = chunk.provider_metadata
            case ReasoningEndChunk():
                reasoning = self._open(self._reasoning, chunk.id, "reasoning-end", "reasoning")
                reasoning.state = "done"
                if chunk.provider_metadata is not None:
                    reasoning.provider_metadata = chunk.provider_metadata
                del self._reasoning[chunk.id]
            case CustomChunk():
                message.parts.append(
                    CustomUIPart(kind=chunk.kind, provider_metadata=chunk.provider_metadata)
                )
            case FileChunk():
                message.parts.append(
                    FileUIPart(
                        media_type=chunk.media_type,
                        url=chunk.url,
                        provider_metadata=chunk.provider_metadata,
                    )
                )
            case ReasoningFileChunk():
                message.parts.append(
                    ReasoningFileUIPart(
                        media_type=chunk.media_type,
                        url=chunk.url,
                        provider_metadata=chunk.provider_metadata,
                    )
                )
            case SourceUrlChunk():
                message.parts.append(
                    SourceUrlUIPart(
                        source_id=chunk.source_id,
                        url=chunk.url,
                        title=chunk.title,
                        provider_metadata=chunk.provider_metadata,
                    )
                )
            case SourceDocumentChunk():
                message.parts.append(
                    SourceDocumentUIPart(
                        source_id=chunk.source_id,
                        media_type=chunk.media_type,
                        title=chunk.title,
                        filename=chunk.filename,
                        provider_metadata=chunk.provider_metadata,
                    )
                )
            case ToolInputStartChunk():
                self._calls[chunk.tool_call_id] = _PartialCall(chunk)
                self._upsert_tool(
                    tool_call_id=chunk.tool_call_id,
                    tool_name=chunk.tool_name,
                    dynamic=bool(chunk.dynamic),
                    state="input-streaming",
                    input=None,
                    provider_executed=chunk.provider_executed,
                    title=chunk.title,
                    tool_metadata=chunk.tool_metadata,
                    provider_metadata=chunk.provider_metadata,
                )
            case ToolInputDeltaChunk():
                call = self._calls.get(chunk.tool_call_id)
                if call is None:
                    raise UIMessageStreamError(
                        chunk_type="tool-input-delta",
                        chunk_id=chunk.tool_call_id,
                        message=(
                            "Received tool-input-delta for missing tool call with ID "
                            f'"{chunk.tool_call_id}". Ensure a "tool-input-start" chunk is '
                            'sent before any "tool-input-delta" chunks.'
                        ),
                    )
                call.text += chunk.input_text_delta
                self._upsert_tool(
                    tool_call_id=chunk.tool_call_id,
                    tool_name=call.tool_name,
                    dynamic=call.dynamic,
                    state="input-streaming",
                    input=parse_partial_json(call.text)[0],
                    title=call.title,
                    tool_metadata=call.tool_metadata,
                )
            case ToolInputAvailableChunk():
                self._upsert_tool(
                    tool_call_id=chunk.tool_call_id,
                    tool_name=chunk.tool_name,
                    dynamic=bool(chunk.dynamic),
                    state="input-available",
                    input=chunk.input,
                    provider_executed=chunk.provider_executed,
                    provider_metadata=chunk.provider_metadata,
                    title=chunk.title,
                    tool_metadata=chunk.tool_metadata,
                )
            case ToolInputErrorChunk():
                self._input_error(chunk)
            case ToolApprovalRequestChunk():
                tool = self._tool_part(chunk.tool_call_id)
                tool.state = "approval-requested"
                tool.approval = UIToolApproval(
                    id=chunk.approval_id,
                    is_automatic=True if chunk.is_automatic is True else None,
                    signature=chunk.signature,
                )
            case ToolApprovalResponseChunk():
                tool = self._by_approval(chunk.approval_id)
                previous = tool.approval
                tool.state = "approval-responded"
                tool.approval = UIToolApproval(
                    id=chunk.approval_id,
                    approved=chunk.approved,
                    reason=chunk.reason,
                    is_automatic=True if previous and previous.is_automatic is True else None,
                    signature=previous.signature if previous else None,
                )
                if chunk.provider_executed is not None:
                    tool.provider_executed = chunk.provider_executed
                if chunk.provider_metadata is not None:
                    tool.call_provider_metadata = chunk.provider_metadata
            case ToolOutputDeniedChunk():
                self._tool_part(chunk.tool_call_id).state = "output-denied"
            case ToolOutputAvailableChunk():
                tool = self._tool_part(chunk.tool_call_id)
                self._upsert_tool(
                    tool_call_id=chunk.tool_call_id,
                    tool_name=_name_of(tool),
                    dynamic=isinstance(tool, DynamicToolUIPart),
                    existing=tool,
                    state="output-available",
                    input=tool.input,
                    output=chunk.output,
                    preliminary=chunk.preliminary,
                    provider_executed=chunk.provider_executed,
                    provider_metadata=chunk.provider_metadata,
                )
            case ToolOutputErrorChunk():
                tool = self._tool_part(chunk.tool_call_id)
                self._upsert_tool(
                    tool_call_id=chunk.tool_call_id,
                    tool_name=_name_of(tool),
                    dynamic=isinstance(tool, DynamicToolUIPart),
                    existing=tool,
                    state="output-error",
                    input=tool.input,
                    raw_input=tool.raw_input,
                    error_text=chunk.error_text,
                    provider_executed=chunk.provider_executed,
                    provider_metadata=chunk.provider_metadata,
                )
            case StartStepChunk():
                message.parts.append(StepStartUIPart())
                return False
            case FinishStepChunk():
                self._text = {}
                self._reasoning = {}
                return False
            case ResetStepChunk():
                current = self._step_parts()
                self._text, self._reasoning, self._calls = {}, {}, {}
                if not current:
                    return False
                del message.parts[len(message.parts) - len(current) :]
            case StartChunk():
                if chunk.message_id is not None:
                    message.id = chunk.message_id
                self._merge_metadata(chunk.message_metadata)
                return chunk.message_id is not None or chunk.message_metadata is not None
            case FinishChunk():
                if chunk.finish_reason is not None:
                    self.finish_reason = chunk.finish_reason
                self._merge_metadata(chunk.message_metadata)
                return chunk.message_metadata is not None
            case MessageMetadataChunk():
                self._merge_metadata(chunk.message_metadata)
                return chunk.message_metadata is not None
            case ErrorChunk():
                return False
            case AbortChunk():
                self.aborted = True
                return False
            case DataChunk():
                if chunk.transient:
                    return False
                existing = (
                    next(
                        (
                            part
                            for part in message.parts
                            if isinstance(part, DataUIPart)
                            and part.type == chunk.type
                            and part.id == chunk.id
                        ),
                        None,
                    )
                    if chunk.id is not None
                    else None
                )
                if existing is not None:
                    existing.data = chunk.data
                else:
                    message.parts.append(DataUIPart(type=chunk.type, id=chunk.id, data=chunk.data))
        return True

    def _open(self, open_parts: dict[str, Any], id: str, chunk_type: str, kind: str) -> Any:
        part = open_parts.get(id)
        if part is None:
            raise UIMessageStreamError(
                chunk_type=chunk_type,
                chunk_id=id,
                message=(
                    f'Received {chunk_type} for missing {kind} part with ID "{id}". '
                    f'Ensure a "{kind}-start" chunk is sent before any "{chunk_type}" chunks.'
                ),
            )
        return part

    def _by_approval(self, approval_id: str) -> _ToolPart:
        for part in self.message.parts:
            if (
                isinstance(part, _ToolPart)
                and part.approval is not None
                and part.approval.id == approval_id
            ):
                return part
        raise UIMessageStreamError(
            chunk_type="tool-approval-response",
            chunk_id=approval_id,
            message=f'No tool invocation found for approval ID "{approval_id}".',
        )

    def _input_error(self, chunk: ToolInputErrorChunk) -> None:
        existing = next(
            (
                part
                for part in self._step_parts()
                if isinstance(part, _ToolPart) and part.tool_call_id == chunk.tool_call_id
            ),
            None,
        )
        dynamic = (
            isinstance(existing, DynamicToolUIPart) if existing is not None else bool(chunk.dynamic)
        )
        self._upsert_tool(
            tool_call_id=chunk.tool_call_id,
            tool_name=chunk.tool_name,
            dynamic=dynamic,
            state="output-error",
            # A static part keeps the invalid input apart, as ``raw_input``.
            input=chunk.input if dynamic else None,
            raw_input=None if dynamic else chunk.input,
            error_text=chunk.error_text,
            provider_executed=chunk.provider_executed,
            provider_metadata=chunk.provider_metadata,
            tool_metadata=chunk.tool_metadata,
        )

    def _merge_metadata(self, metadata: JSONValue) -> None:
        if metadata is None:
            return
        current = self.message.metadata
        self.message.metadata = (
            merge_metadata(current, metadata) if current is not None else metadata
        )


def _name_of(part: _ToolPart) -> str:
    return part.tool_name if isinstance(part, DynamicToolUIPart) else part.type[len("tool-") :]


async def read_ui_message_stream(
    stream: AsyncIterable[UIMessageChunk],
    *,
    message: UIMessage | None = None,
    on_error: Callable[[BaseException], Any] | None = None,
    terminate_on_error: bool = False,
) -> AsyncIterator[UIMessage]:
    """The assistant message as it grows: one snapshot (a deep copy) per visible change.

    Args:
        stream: the chunks (e.g. `parse_ui_message_sse` over an HTTP response body).
        message: the assistant message to continue, as the client does on a continuation.
        on_error: called with each error: an ``error`` chunk (as an exception carrying its
            ``error_text``) or a malformed chunk sequence (`UIMessageStreamError`). Without it,
            malformed sequences raise and ``error`` chunks are skipped.
        terminate_on_error: stop at the first error.

    Ending early (``terminate_on_error``, an error raised, or ``break``) closes ``stream``.
    """
    assembler = UIMessageAssembler(message.model_copy(deep=True) if message else None)
    iterator = aiter(stream)
    try:
        async for chunk in iterator:
            try:
                if isinstance(chunk, ErrorChunk):
                    raise _StreamReportedError(chunk.error_text)
                changed = assembler.apply(chunk)
            except (UIMessageStreamError, _StreamReportedError) as error:
                if on_error is None and isinstance(error, UIMessageStreamError):
                    raise
                if on_error is not None:
                    on_error(error)
                if terminate_on_error:
                    return
                continue
            if changed:
                yield assembler.message.model_copy(deep=True)
    finally:
        # Stopping early (an error, or the reader's ``break``) closes the chunks, and through
        # them the HTTP response they are read from.
        aclose = getattr(iterator, "aclose", None)
        if aclose is not None:
            await aclose()


class _StreamReportedError(Exception):
    """An ``error`` chunk, handed to ``on_error`` (its message is the chunk's ``error_text``)."""
