"""Validation of the UI messages a browser posts: shape, size, schemas and approval signatures.

A chat endpoint faces the internet, so everything is bounded before pydantic sees it (bytes,
messages, parts, nesting, string lengths) and every failure is a typed error
(`TypeValidationError`, `InvalidArgumentError`, `InvalidToolApprovalSignatureError`) whose text
a server can log; it reaches the client only if you send it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError
from pydantic_core import from_json

from ai_sdk._approval_signature import canonical_json, verify_tool_approval_signature
from ai_sdk.generate_text._tool import Tool
from ai_sdk.provider import (
    InvalidArgumentError,
    InvalidToolApprovalSignatureError,
    TypeValidationError,
)
from ai_sdk.provider_utils import as_schema
from ai_sdk.ui._messages import (
    DataUIPart,
    DynamicToolUIPart,
    ToolUIPart,
    UIMessage,
    get_tool_name,
)

__all__ = [
    "DEFAULT_UI_MESSAGE_LIMITS",
    "UIMessageLimits",
    "safe_validate_ui_messages",
    "validate_ui_messages",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class UIMessageLimits:
    """Bounds on UI messages from a client; raise them for long chats with large files."""

    max_bytes: int = 8 * 1024 * 1024
    """The largest request body accepted when the messages are given as ``bytes``/``str``."""
    max_messages: int = 1_000
    """Messages in the request."""
    max_parts: int = 2_000
    """Parts per message."""
    max_depth: int = 64
    """Nesting of JSON values (tool inputs and outputs, data, metadata)."""
    max_string_length: int = 4 * 1024 * 1024
    """Characters of any one string (a ``data:`` URL of a file counts here)."""
    max_values: int = 200_000
    """JSON values in all messages together."""


DEFAULT_UI_MESSAGE_LIMITS = UIMessageLimits()


def _utf8_size(body: bytes | bytearray | str, limit: int) -> int:
    """The size of ``body`` in bytes (a character takes up to four), encoding a ``str`` only
    when its length alone cannot tell whether it fits in ``limit``."""
    if isinstance(body, bytes | bytearray) or len(body) * 4 <= limit or len(body) > limit:
        return len(body)
    return len(body.encode("utf-8", "surrogatepass"))


"""The limits `validate_ui_messages` applies unless told otherwise."""

_adapter: TypeAdapter[list[UIMessage]] | None = None

_NEWER_PART_TYPES = frozenset({"steering-message"})
"""Part types of newer clients (``ai`` 7.0.173) that this version does not model: dropped, so
that such a client's request still works."""


def _without_newer_parts(raw: list[object]) -> list[object]:
    def newer(part: object) -> bool:
        return (
            isinstance(part, dict)
            and cast("dict[str, object]", part).get("type") in _NEWER_PART_TYPES
        )

    result: list[object] = []
    for item in raw:
        kept_item: object = item
        if isinstance(item, dict):
            message = cast("dict[str, object]", item)
            parts = message.get("parts")
            if isinstance(parts, list) and any(newer(p) for p in cast("list[object]", parts)):
                kept = [p for p in cast("list[object]", parts) if not newer(p)]
                kept_item = {**message, "parts": kept}
        result.append(kept_item)
    return result


def _too_large(value: object, what: str) -> TypeValidationError:
    return TypeValidationError(value=value, cause=f"UI messages exceed the limit: {what}")


def _check_bounds(value: object, limits: UIMessageLimits) -> None:
    """Walk the raw JSON iteratively (no recursion for an attacker to exhaust)."""
    count = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        count += 1
        if count > limits.max_values:
            raise _too_large(None, f"more than {limits.max_values} JSON values")
        if depth > limits.max_depth:
            raise _too_large(None, f"nested deeper than {limits.max_depth}")
        if isinstance(item, str):
            if len(item) > limits.max_string_length:
                raise _too_large(
                    item[:64], f"a string longer than {limits.max_string_length} characters"
                )
        elif isinstance(item, dict):
            mapping = cast("dict[str, object]", item)
            for key in mapping:  # keys are strings a client chooses too
                if len(key) > limits.max_string_length:
                    raise _too_large(
                        key[:64], f"a key longer than {limits.max_string_length} characters"
                    )
            stack.extend((v, depth + 1) for v in mapping.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in cast("list[object]", item))


def validate_ui_messages(
    messages: object,
    *,
    metadata_schema: object = None,
    data_schemas: Mapping[str, object] | None = None,
    tools: Mapping[str, Tool[Any]] | None = None,
    tool_approval_secret: str | bytes | None = None,
    trusted_messages: Sequence[UIMessage] | None = None,
    limits: UIMessageLimits = DEFAULT_UI_MESSAGE_LIMITS,
) -> list[UIMessage]:
    """The request's UI messages, validated: what a chat endpoint does first.

    Unknown keys are ignored (newer clients send more); unknown part types are rejected, except
    the ``steering-message`` parts of newer clients, which are dropped.

    Args:
        messages: the parsed JSON (``body["messages"]``), or the raw JSON text/bytes of the
            messages array (its size is then checked before parsing).
        metadata_schema: validates each message's ``metadata`` (anything `as_schema` takes).
        data_schemas: ``{name: schema}`` for ``data-<name>`` parts; with it, a data part of
            another name is rejected.
        tools: the server's tools: a static tool part must name one of them (except in a
            final state), and its input is validated while ``input-available``.
        tool_approval_secret: the secret the tool loop signs approval requests with: every
            answered approval (``approval-responded``) must carry the signature the server
            sent for exactly that call and input, so a client cannot approve a call it was not
            asked about or change the input it approves.
        trusted_messages: the history as the server stored it (from ``on_finish``). The client
            posts the whole history and may rewrite it; with this, every assistant message must
            be a stored one, changed only by answering an approval request or by giving the
            output of a client-side tool (one in ``tools`` without ``execute``): a forged tool
            result or approval, or an invented assistant message, is rejected.
        limits: size bounds (`UIMessageLimits`).

    Raises:
        InvalidArgumentError: ``messages`` is ``None``.
        TypeValidationError: too large, not a non-empty list of valid messages, or a schema
            failed.
        InvalidToolApprovalSignatureError: an approval answer without a valid signature.
    """
    global _adapter
    if messages is None:
        raise InvalidArgumentError(
            "messages parameter must be provided", parameter="messages", value=None
        )
    if isinstance(messages, bytes | bytearray | str):
        if _utf8_size(messages, limits.max_bytes) > limits.max_bytes:
            raise _too_large(None, f"more than {limits.max_bytes} bytes")
        try:
            messages = from_json(messages)
        except ValueError as error:
            raise TypeValidationError(value=None, cause=error) from error
    if not isinstance(messages, list):
        raise TypeValidationError(value=messages, cause="UI messages must be a JSON array")
    raw = cast("list[object]", messages)
    if not raw:
        raise TypeValidationError(value=raw, cause="Messages array must not be empty")
    if len(raw) > limits.max_messages:
        raise _too_large(None, f"more than {limits.max_messages} messages")
    for item in raw:
        parts = cast("dict[str, object]", item).get("parts") if isinstance(item, dict) else None
        if isinstance(parts, list) and len(cast("list[object]", parts)) > limits.max_parts:
            raise _too_large(None, f"a message with more than {limits.max_parts} parts")
    _check_bounds(raw, limits)
    raw = _without_newer_parts(raw)

    if _adapter is None:
        _adapter = TypeAdapter(list[UIMessage])
    try:
        validated = _adapter.validate_python(raw)
    except ValidationError as error:
        raise TypeValidationError(value=raw, cause=error) from error

    for index, message in enumerate(validated):
        if message.role != "assistant" and not message.parts:
            raise TypeValidationError(
                value=message.id,
                cause="Message must contain at least one part",
                context={"field": f"messages[{index}].parts", "entity_id": message.id},
            )
        if metadata_schema is not None:
            as_schema(metadata_schema).validate(
                message.metadata,
                context={"field": f"messages[{index}].metadata", "entity_id": message.id},
            )
        for part_index, part in enumerate(message.parts):
            where = f"messages[{index}].parts[{part_index}]"
            if data_schemas is not None and isinstance(part, DataUIPart):
                name = part.type[len("data-") :]
                schema = data_schemas.get(name)
                context: Any = {"field": f"{where}.data", "entity_name": name}
                if part.id is not None:
                    context["entity_id"] = part.id
                if schema is None:
                    raise TypeValidationError(
                        value=part.data,
                        cause=f"No data schema found for data part {name}",
                        context=context,
                    )
                as_schema(schema).validate(part.data, context=context)
            if not isinstance(part, ToolUIPart | DynamicToolUIPart):
                continue
            _check_tool_part(part, where, tools)
            if tool_approval_secret is not None:
                _check_signature(part, tool_approval_secret)
    if trusted_messages is not None:
        _check_against_trusted(validated, trusted_messages, tools)
    return validated


def _check_tool_part(
    part: ToolUIPart | DynamicToolUIPart, where: str, tools: Mapping[str, Tool[Any]] | None
) -> None:
    state = part.state
    problem: str | None = None
    if state != "output-available" and part.output is not None:
        problem = f"a tool part in state {state} has an output"
    elif (state == "output-error") != (part.error_text is not None):
        problem = "errorText belongs to (and is required in) state output-error"
    elif state in ("input-streaming", "input-available") and part.approval is not None:
        problem = f"a tool part in state {state} has an approval"
    elif state in ("approval-requested", "approval-responded", "output-denied") and (
        part.approval is None
    ):
        problem = f"a tool part in state {state} needs an approval"
    elif part.approval is not None:
        approved = part.approval.approved
        if state == "approval-requested" and (
            approved is not None or part.approval.reason is not None
        ):
            problem = "an approval request cannot be answered yet"
        elif state == "approval-responded" and approved is None:
            problem = "an answered approval needs approved: true or false"
        elif state in ("output-available", "output-error") and approved is False:
            problem = "a denied tool call has no output"
        elif state == "output-denied" and approved is not False:
            problem = "a tool call in state output-denied must have approved: false"
    if problem is not None:
        raise TypeValidationError(
            value=part.to_json(),
            cause=problem,
            context={"field": where, "entity_id": part.tool_call_id},
        )
    if tools is None or isinstance(part, DynamicToolUIPart):
        return
    name = get_tool_name(part)
    tool = tools.get(name)
    context: Any = {"field": f"{where}.input", "entity_name": name, "entity_id": part.tool_call_id}
    if tool is None:
        if state in ("output-available", "output-error", "output-denied"):
            return
        raise TypeValidationError(
            value=part.input, cause=f"No tool schema found for tool part {name}", context=context
        )
    if state == "input-available":
        tool.input_schema.validate(part.input, context=context)


_ANSWERABLE = {
    # stored state -> the states a client may turn it into
    "approval-requested": ("approval-responded",),
    "input-available": ("output-available", "output-error"),
}


def _check_against_trusted(
    validated: list[UIMessage],
    trusted: Sequence[UIMessage],
    tools: Mapping[str, Tool[Any]] | None,
) -> None:
    """Every assistant message must be one the server produced, changed only where a client
    may change it: answering an approval request, or giving the output of a client-side tool
    (one the server cannot execute)."""
    stored = {message.id: message for message in trusted if message.role == "assistant"}
    for index, message in enumerate(validated):
        if message.role != "assistant":
            continue
        original = stored.get(message.id)
        where = f"messages[{index}]"
        if original is None:
            raise TypeValidationError(
                value=message.id,
                cause="an assistant message the server did not produce",
                context={"field": where, "entity_id": message.id},
            )
        if len(message.parts) != len(original.parts):
            raise TypeValidationError(
                value=message.id,
                cause="an assistant message whose parts differ from the server's",
                context={"field": f"{where}.parts", "entity_id": message.id},
            )
        for part_index, (part, before) in enumerate(
            zip(message.parts, original.parts, strict=True)
        ):
            if part.to_json() == before.to_json():
                continue
            if not _allowed_change(before, part, tools):
                raise TypeValidationError(
                    value=part.to_json(),
                    cause="a part the server produced was changed by the client",
                    context={"field": f"{where}.parts[{part_index}]", "entity_id": message.id},
                )


def _allowed_change(before: object, after: object, tools: Mapping[str, Tool[Any]] | None) -> bool:
    if not isinstance(before, ToolUIPart | DynamicToolUIPart) or type(after) is not type(before):
        return False
    assert isinstance(after, ToolUIPart | DynamicToolUIPart)
    if after.state not in _ANSWERABLE.get(before.state, ()):
        return False
    same_call = (
        after.type == before.type
        and after.tool_call_id == before.tool_call_id
        and get_tool_name(after) == get_tool_name(before)
        and canonical_json(after.input) == canonical_json(before.input)
        and after.provider_executed == before.provider_executed
    )
    if not same_call:
        return False
    if before.state == "approval-requested":
        # The answer keeps the request (id, signature) and adds approved/reason.
        request, answer = before.approval, after.approval
        return (
            request is not None
            and answer is not None
            and answer.id == request.id
            and answer.signature == request.signature
            and answer.is_automatic == request.is_automatic
        )
    # A tool output from the client: only for tools the server does not execute.
    tool = tools.get(get_tool_name(before)) if tools is not None else None
    return (
        tool is not None
        and tool.execute is None
        and not before.provider_executed
        and before.approval is None
    )


def _check_signature(part: ToolUIPart | DynamicToolUIPart, secret: str | bytes) -> None:
    approval = part.approval
    if part.state != "approval-responded" or approval is None or part.provider_executed:
        return
    if approval.signature is None:
        reason = "missing signature"
    elif verify_tool_approval_signature(
        secret,
        approval.signature,
        approval_id=approval.id,
        tool_call_id=part.tool_call_id,
        tool_name=get_tool_name(part),
        tool_input=part.input,
    ):
        return
    else:
        reason = "invalid signature"
    raise InvalidToolApprovalSignatureError(
        approval_id=approval.id, tool_call_id=part.tool_call_id, reason=reason
    )


def safe_validate_ui_messages(
    messages: object,
    *,
    metadata_schema: object = None,
    data_schemas: Mapping[str, object] | None = None,
    tools: Mapping[str, Tool[Any]] | None = None,
    tool_approval_secret: str | bytes | None = None,
    trusted_messages: Sequence[UIMessage] | None = None,
    limits: UIMessageLimits = DEFAULT_UI_MESSAGE_LIMITS,
) -> list[UIMessage] | Exception:
    """`validate_ui_messages` returning the error instead of raising it."""
    try:
        return validate_ui_messages(
            messages,
            metadata_schema=metadata_schema,
            data_schemas=data_schemas,
            tools=tools,
            tool_approval_secret=tool_approval_secret,
            trusted_messages=trusted_messages,
            limits=limits,
        )
    except (TypeValidationError, InvalidArgumentError, InvalidToolApprovalSignatureError) as e:
        return e
