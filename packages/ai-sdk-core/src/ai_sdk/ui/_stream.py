"""`stream_text` parts -> UI message chunks, and what happens when a UI message stream ends.

Two stages, as upstream: `to_ui_message_chunks` maps each `TextStreamPart` (masking errors,
dropping what the options leave out), and `handle_ui_message_stream_finish` injects the
response message id and, when asked for ``on_finish``/``on_step_finish``, assembles the message
the client will hold so that the server can persist it. Leaving either stage early (a client
that disconnected) closes what it reads, so the model call stops; ``on_finish`` still runs, once,
with what was produced.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict, cast

from ai_sdk.generate_text._parts import (
    AbortPart,
    FinishPart,
    FinishStepPart,
    GeneratedFilePart,
    GeneratedReasoningFilePart,
    ReasoningDeltaPart,
    ReasoningEndPart,
    ReasoningStartPart,
    StartPart,
    StartStepPart,
    StreamErrorPart,
    TextDeltaPart,
    TextEndPart,
    TextStartPart,
    TextStreamPart,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolCall,
    ToolError,
    ToolInputDeltaPart,
    ToolInputStartPart,
    ToolOutputDenied,
    ToolResult,
)
from ai_sdk.generate_text._tool import Tool
from ai_sdk.generate_text._tool_calls import to_json_value
from ai_sdk.provider import (
    CustomContent,
    DocumentSource,
    JSONValue,
    UrlSource,
)
from ai_sdk.ui._assemble import UIMessageAssembler
from ai_sdk.ui._chunks import (
    AbortChunk,
    CustomChunk,
    ErrorChunk,
    FileChunk,
    FinishChunk,
    FinishStepChunk,
    MessageMetadataChunk,
    ReasoningDeltaChunk,
    ReasoningEndChunk,
    ReasoningFileChunk,
    ReasoningStartChunk,
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
from ai_sdk.ui._messages import UIMessage

if TYPE_CHECKING:
    from ai_sdk.generate_text._stream_result import StreamTextResult

__all__ = [
    "DEFAULT_ERROR_TEXT",
    "ErrorHandler",
    "UIMessageStreamFinish",
    "UIMessageStreamOptions",
    "UIMessageStreamStepFinish",
    "aclose_iterator",
    "get_response_message_id",
    "handle_ui_message_stream_finish",
    "safe_error_text",
    "to_ui_message_chunks",
    "ui_message_stream_of",
]

logger = logging.getLogger("ai_sdk")

DEFAULT_ERROR_TEXT = "An error occurred."
"""What the client sees of an error unless your ``on_error`` tells more (server details such as
API keys in provider error messages must not reach browsers by default)."""

ErrorHandler = Callable[[object], str]
"""``(error) -> text`` shown to the client for an error (exception or provider error value)."""


def safe_error_text(on_error: ErrorHandler | None, error: object) -> str:
    """``on_error(error)``, or the default text; a failing handler never leaks the error."""
    if on_error is None:
        return DEFAULT_ERROR_TEXT
    try:
        text = on_error(error)
    except Exception:
        logger.exception("on_error raised; the client gets the default error text")
        return DEFAULT_ERROR_TEXT
    if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance] - user code
        logger.warning("on_error returned %r, not a str; the client gets the default", text)
        return DEFAULT_ERROR_TEXT
    return text


@dataclass(frozen=True, slots=True, kw_only=True)
class UIMessageStreamFinish:
    """What ``on_finish`` gets when a UI message stream ends (completed, aborted or cut off)."""

    messages: list[UIMessage]
    """The original messages with the response message (replacing the continued one)."""
    response_message: UIMessage
    """The assistant message as the client assembled it (parts still ``streaming`` if the
    client went away)."""
    is_continuation: bool
    """The response continued the last original (assistant) message."""
    is_aborted: bool
    """The stream carried an ``abort`` chunk (the generation was cancelled)."""
    finish_reason: UIFinishReason | None = None
    """The ``finish`` chunk's reason; ``None`` if the stream ended before it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class UIMessageStreamStepFinish:
    """What ``on_step_finish`` gets at each ``finish-step``: copies, safe to keep."""

    messages: list[UIMessage]
    """The original messages with the response message so far (replacing the continued one)."""
    response_message: UIMessage
    """The assistant message as assembled up to this step's end."""
    is_continuation: bool
    """The response continues the last original (assistant) message."""


def _dynamic(tools: Mapping[str, Tool[Any]] | None, tool_name: str, dynamic: bool) -> bool | None:
    # The tool set decides when it knows the tool; otherwise (unknown or provider-executed
    # dynamic tools) the part's own flag does.
    tool = tools.get(tool_name) if tools is not None else None
    if tool is None:
        return True if dynamic else None
    return True if tool.type == "dynamic" else None


async def to_ui_message_chunks(
    parts: AsyncIterator[TextStreamPart],
    *,
    tools: Mapping[str, Tool[Any]] | None = None,
    send_reasoning: bool = True,
    send_sources: bool = False,
    send_start: bool = True,
    send_finish: bool = True,
    on_error: ErrorHandler | None = None,
    redact_tool_errors: bool = True,
    message_metadata: Callable[[TextStreamPart], Any] | None = None,
    response_message_id: str | None = None,
    close: Callable[[], Awaitable[None]] | None = None,
) -> AsyncIterator[UIMessageChunk]:
    """Map each part to its chunk (see `StreamTextResult.to_ui_message_stream` for the options).

    ``close`` runs when this generator ends, however it ends (a stream result's ``aclose``).
    """

    def tool_error_text(error: object) -> str:
        if redact_tool_errors:
            return safe_error_text(on_error, error)
        return str(error)

    try:
        async for part in parts:
            metadata: JSONValue = None
            if message_metadata is not None:
                metadata = message_metadata(part)
                if inspect.isawaitable(metadata):
                    metadata = await cast("Awaitable[JSONValue]", metadata)
            chunk: UIMessageChunk | None = None
            match part:
                case TextDeltaPart():
                    chunk = TextDeltaChunk(
                        id=part.id, delta=part.text, provider_metadata=part.provider_metadata
                    )
                case TextStartPart():
                    chunk = TextStartChunk(id=part.id, provider_metadata=part.provider_metadata)
                case TextEndPart():
                    chunk = TextEndChunk(id=part.id, provider_metadata=part.provider_metadata)
                case ReasoningDeltaPart():
                    if send_reasoning:
                        chunk = ReasoningDeltaChunk(
                            id=part.id, delta=part.text, provider_metadata=part.provider_metadata
                        )
                case ReasoningStartPart():
                    if send_reasoning:
                        chunk = ReasoningStartChunk(
                            id=part.id, provider_metadata=part.provider_metadata
                        )
                case ReasoningEndPart():
                    if send_reasoning:
                        chunk = ReasoningEndChunk(
                            id=part.id, provider_metadata=part.provider_metadata
                        )
                case GeneratedFilePart():
                    chunk = FileChunk(
                        media_type=part.file.media_type,
                        url=f"data:{part.file.media_type};base64,{part.file.base64}",
                        provider_metadata=part.provider_metadata,
                    )
                case GeneratedReasoningFilePart():
                    if send_reasoning:
                        chunk = ReasoningFileChunk(
                            media_type=part.file.media_type,
                            url=f"data:{part.file.media_type};base64,{part.file.base64}",
                            provider_metadata=part.provider_metadata,
                        )
                case UrlSource():
                    if send_sources:
                        chunk = SourceUrlChunk(
                            source_id=part.id,
                            url=part.url,
                            title=part.title,
                            provider_metadata=part.provider_metadata,
                        )
                case DocumentSource():
                    if send_sources:
                        chunk = SourceDocumentChunk(
                            source_id=part.id,
                            media_type=part.media_type,
                            title=part.title,
                            filename=part.filename,
                            provider_metadata=part.provider_metadata,
                        )
                case CustomContent():
                    chunk = CustomChunk(kind=part.kind, provider_metadata=part.provider_metadata)
                case ToolInputStartPart():
                    chunk = ToolInputStartChunk(
                        tool_call_id=part.id,
                        tool_name=part.tool_name,
                        provider_executed=part.provider_executed,
                        provider_metadata=part.provider_metadata,
                        tool_metadata=part.tool_metadata,
                        dynamic=_dynamic(tools, part.tool_name, part.dynamic),
                        title=part.title,
                    )
                case ToolInputDeltaPart():
                    chunk = ToolInputDeltaChunk(tool_call_id=part.id, input_text_delta=part.delta)
                case ToolCall():
                    chunk = _tool_call_chunk(part, tools, on_error, tool_error_text)
                case ToolResult():
                    chunk = ToolOutputAvailableChunk(
                        tool_call_id=part.tool_call_id,
                        output=to_json_value(part.output),
                        provider_executed=part.provider_executed,
                        provider_metadata=part.provider_metadata,
                        tool_metadata=part.tool_metadata,
                        preliminary=True if part.preliminary else None,
                        dynamic=_dynamic(tools, part.tool_name, part.dynamic),
                    )
                case ToolError():
                    if part.provider_executed:
                        # The provider's own error value: upstream sends it as is.
                        error = part.error
                        text = error if isinstance(error, str) else _json_text(error)
                    else:
                        text = tool_error_text(part.error)
                    chunk = ToolOutputErrorChunk(
                        tool_call_id=part.tool_call_id,
                        error_text=text,
                        provider_executed=part.provider_executed,
                        provider_metadata=part.provider_metadata,
                        tool_metadata=part.tool_metadata,
                        dynamic=_dynamic(tools, part.tool_name, part.dynamic),
                    )
                case ToolApprovalRequest():
                    chunk = ToolApprovalRequestChunk(
                        approval_id=part.approval_id,
                        tool_call_id=part.tool_call.tool_call_id,
                        is_automatic=part.is_automatic,
                        signature=part.signature,
                    )
                case ToolApprovalResponse():
                    chunk = ToolApprovalResponseChunk(
                        approval_id=part.approval_id,
                        approved=part.approved,
                        reason=part.reason,
                        provider_executed=part.provider_executed,
                    )
                case ToolOutputDenied():
                    chunk = ToolOutputDeniedChunk(tool_call_id=part.tool_call_id)
                case StreamErrorPart():
                    chunk = ErrorChunk(safe_error_text(on_error, part.error))
                case StartStepPart():
                    chunk = StartStepChunk()
                case FinishStepPart():
                    chunk = FinishStepChunk()
                case StartPart():
                    if send_start:
                        chunk = StartChunk(
                            message_metadata=metadata, message_id=response_message_id
                        )
                case FinishPart():
                    if send_finish:
                        chunk = FinishChunk(
                            finish_reason=part.finish_reason, message_metadata=metadata
                        )
                case AbortPart():
                    chunk = AbortChunk(part.reason)
                case _:  # tool-input-end, raw: nothing the client needs
                    pass
            if chunk is not None:
                yield chunk
            if metadata is not None and not isinstance(part, StartPart | FinishPart):
                yield MessageMetadataChunk(message_metadata=metadata)
    finally:
        await aclose_iterator(parts)
        if close is not None:
            await close()


def _tool_call_chunk(
    part: ToolCall,
    tools: Mapping[str, Tool[Any]] | None,
    on_error: ErrorHandler | None,
    tool_error_text: Callable[[object], str],
) -> UIMessageChunk:
    dynamic = _dynamic(tools, part.tool_name, part.dynamic)
    if part.invalid:
        return ToolInputErrorChunk(
            tool_call_id=part.tool_call_id,
            tool_name=part.tool_name,
            input=to_json_value(part.input),
            provider_executed=part.provider_executed,
            provider_metadata=part.provider_metadata,
            tool_metadata=part.tool_metadata,
            dynamic=dynamic,
            error_text=(
                safe_error_text(on_error, part.error)
                if part.provider_executed
                else tool_error_text(part.error)
            ),
            title=part.title,
        )
    return ToolInputAvailableChunk(
        tool_call_id=part.tool_call_id,
        tool_name=part.tool_name,
        input=to_json_value(part.input),
        provider_executed=part.provider_executed,
        provider_metadata=part.provider_metadata,
        tool_metadata=part.tool_metadata,
        dynamic=dynamic,
        title=part.title,
    )


def _json_text(value: object) -> str:
    import json

    return json.dumps(to_json_value(value), separators=(",", ":"), ensure_ascii=False)


async def aclose_iterator(iterator: object) -> None:
    """Close an async iterator that has ``aclose`` (async generators); others need nothing."""
    aclose = getattr(iterator, "aclose", None)
    if aclose is not None:
        await aclose()


def get_response_message_id(
    original_messages: Sequence[UIMessage] | None,
    generate_message_id: Callable[[], str] | None,
) -> str | None:
    """The id for the response message: the continued message's, else a generated one."""
    if generate_message_id is None:
        return None
    if original_messages and original_messages[-1].role == "assistant":
        return original_messages[-1].id
    return generate_message_id()


async def handle_ui_message_stream_finish(
    chunks: AsyncIterator[UIMessageChunk],
    *,
    message_id: str | None,
    original_messages: Sequence[UIMessage] | None = None,
    on_finish: Callable[[UIMessageStreamFinish], Any] | None = None,
    on_step_finish: Callable[[UIMessageStreamStepFinish], Any] | None = None,
    on_error: ErrorHandler | None = None,
) -> AsyncIterator[UIMessageChunk]:
    """Inject the response message id into ``start`` and run the finish callbacks.

    On a continuation (the last original message is the assistant's) the id is always the
    continued message's, as the TS client renames its message otherwise and shows it twice.
    """
    originals = list(original_messages or [])
    last = originals[-1] if originals and originals[-1].role == "assistant" else None
    if last is not None:
        message_id = last.id
    aborted = False
    if on_finish is None and on_step_finish is None:
        try:
            async for chunk in chunks:
                if (
                    isinstance(chunk, StartChunk)
                    and chunk.message_id is None
                    and message_id is not None
                ):
                    chunk.message_id = message_id
                yield chunk
        finally:
            await aclose_iterator(chunks)
        return

    assembler = UIMessageAssembler(
        last.model_copy(deep=True) if last is not None else None, message_id or ""
    )

    def history(message: UIMessage) -> tuple[bool, list[UIMessage]]:
        continuation = last is not None and message.id == last.id
        return continuation, [*(originals[:-1] if continuation else originals), message]

    try:
        async for chunk in chunks:
            if isinstance(chunk, StartChunk) and chunk.message_id is None and message_id:
                chunk.message_id = message_id
            if isinstance(chunk, AbortChunk):
                aborted = True
            # The server assembles only for its callbacks: a malformed stream is the client's
            # error to report, not a reason to cut the response off here.
            try:
                assembler.apply(chunk)
            except Exception as error:
                logger.warning("UI message stream: %s", error)
            if isinstance(chunk, FinishStepChunk) and on_step_finish is not None:
                response = assembler.message.model_copy(deep=True)
                continuation, messages = history(response)
                try:
                    await _call(
                        on_step_finish,
                        UIMessageStreamStepFinish(
                            messages=[m.model_copy(deep=True) for m in messages],
                            response_message=response,
                            is_continuation=continuation,
                        ),
                    )
                except Exception as error:
                    safe_error_text(on_error, error)
                    logger.exception("on_step_finish raised")
            yield chunk
    finally:
        await aclose_iterator(chunks)
        if on_finish is not None:
            continuation, messages = history(assembler.message)
            await _call(
                on_finish,
                UIMessageStreamFinish(
                    messages=messages,
                    response_message=assembler.message,
                    is_continuation=continuation,
                    is_aborted=aborted,
                    finish_reason=assembler.finish_reason,
                ),
            )


async def _call(callback: Callable[[Any], Any], event: object) -> None:
    outcome = callback(event)
    if inspect.isawaitable(outcome):
        await outcome


class UIMessageStreamOptions(TypedDict, total=False):
    """The options of `StreamTextResult.to_ui_message_stream` (and its response twin)."""

    original_messages: Sequence[UIMessage] | None
    """The request's UI messages: the response continues their last message if it is the
    assistant's (same id), and ``on_finish`` gets them with the response appended."""
    generate_message_id: Callable[[], str] | None
    """Makes the response message's id (sent in ``start``); pass one to persist messages."""
    on_finish: Callable[[UIMessageStreamFinish], Any] | None
    """Called once when the stream ends (completed, aborted, or the client went away) with the
    assembled messages (sync or async)."""
    on_step_finish: Callable[[UIMessageStreamStepFinish], Any] | None
    """Called at each step's end with copies of the messages so far."""
    message_metadata: Callable[[TextStreamPart], Any] | None
    """Called with every stream part; a non-``None`` result is the message's metadata (in the
    ``start``/``finish`` chunk, else in a ``message-metadata`` chunk after the part's)."""
    send_reasoning: bool
    """Send reasoning (default ``True``)."""
    send_sources: bool
    """Send sources (default ``False``)."""
    send_start: bool
    """Send the ``start`` chunk (default ``True``; ``False`` when merging several streams)."""
    send_finish: bool
    """Send the ``finish`` chunk (default ``True``)."""
    on_error: ErrorHandler | None
    """``(error) -> text`` for the client; by default every error is "An error occurred."."""
    redact_tool_errors: bool
    """Pass tool errors through ``on_error`` too (default ``True``); ``False`` sends the tool's
    error message, which the model sees anyway."""


def ui_message_stream_of(
    result: StreamTextResult[Any, Any, Any], options: UIMessageStreamOptions
) -> AsyncIterator[UIMessageChunk]:
    """The UI message stream of a `stream_text` result (its tools decide the ``dynamic`` flags).

    Ending the stream early (the client went away) closes the result: the model call stops.
    """
    original_messages = options.get("original_messages")
    message_id = get_response_message_id(original_messages, options.get("generate_message_id"))
    on_error = options.get("on_error")
    chunks = to_ui_message_chunks(
        result.stream,
        tools=result.tools,
        send_reasoning=options.get("send_reasoning", True),
        send_sources=options.get("send_sources", False),
        send_start=options.get("send_start", True),
        send_finish=options.get("send_finish", True),
        on_error=on_error,
        redact_tool_errors=options.get("redact_tool_errors", True),
        message_metadata=options.get("message_metadata"),
        response_message_id=message_id,
        close=result.aclose,
    )
    return handle_ui_message_stream_finish(
        chunks,
        message_id=message_id,
        original_messages=original_messages,
        on_finish=options.get("on_finish"),
        on_step_finish=options.get("on_step_finish"),
        on_error=on_error,
    )
