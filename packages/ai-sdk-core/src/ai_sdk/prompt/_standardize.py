"""Turn the prompt arguments (``prompt``/``messages``/``instructions``) into validated messages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError

from ai_sdk.prompt._messages import (
    AssistantModelMessage,
    Instructions,
    ModelMessage,
    SystemModelMessage,
    ToolModelMessage,
    UserModelMessage,
)
from ai_sdk.provider import InvalidPromptError

__all__ = ["StandardizedPrompt", "standardize_prompt", "validate_instructions", "validate_messages"]

_MESSAGE_TYPES = (SystemModelMessage, UserModelMessage, AssistantModelMessage, ToolModelMessage)
_ROLES = ("system", "user", "assistant", "tool")
_message_adapter: TypeAdapter[ModelMessage] | None = None
_system_adapter: TypeAdapter[SystemModelMessage] | None = None


def _adapter() -> TypeAdapter[ModelMessage]:
    global _message_adapter
    if _message_adapter is None:  # built on first use: keeps `import ai_sdk` fast
        _message_adapter = TypeAdapter(ModelMessage)
    return _message_adapter


@dataclass(frozen=True, slots=True)
class StandardizedPrompt:
    """A prompt after validation: optional instructions and a non-empty list of messages."""

    instructions: str | list[SystemModelMessage] | None
    messages: list[ModelMessage]


_UNION_LABELS = ("list[", "tagged-union[", "function-", "json-or-python[", "union[")


def _describe(error: ValidationError, role: object) -> str:
    """Pydantic's errors as ``path: message``, without the union-branch labels in the paths."""
    lines: list[str] = []
    for item in error.errors(include_url=False):
        loc = list(item["loc"])
        if loc and loc[0] == role:
            loc = loc[1:]
        path = [
            str(p)
            for p in loc
            if not (isinstance(p, str) and (p in ("str", "bytes") or p.startswith(_UNION_LABELS)))
        ]
        lines.append(f"{'.'.join(path) or '(message)'}: {item['msg']}")
    # `content` is "a string or a list of parts": a broken part list also fails the string
    # branch, which only adds noise.
    specific = [line for line in lines if line != "content: Input should be a valid string"]
    return "; ".join(specific or lines)


def validate_messages(messages: Sequence[object], *, prompt: object = None) -> list[ModelMessage]:
    """Validate each message (model instances or dicts) and return them as message models.

    Raises:
        InvalidPromptError: a message is invalid; the message names its index and the fields.
    """
    result: list[ModelMessage] = []
    for index, message in enumerate(messages):
        if isinstance(message, _MESSAGE_TYPES):
            result.append(message)
            continue
        role = (
            cast("Mapping[str, object]", message).get("role")
            if isinstance(message, Mapping)
            else None
        )
        if isinstance(message, Mapping) and role not in _ROLES:
            raise InvalidPromptError(
                f"message at index {index} has an invalid role {role!r}; "
                f"expected one of {', '.join(_ROLES)}.",
                prompt=prompt,
            )
        try:
            result.append(_adapter().validate_python(message))
        except ValidationError as error:
            raise InvalidPromptError(
                f"message at index {index} (role {role!r}) is invalid: {_describe(error, role)}",
                prompt=prompt,
                cause=error,
            ) from error
    return result


def validate_instructions(
    instructions: object, *, prompt: object = None
) -> str | list[SystemModelMessage] | None:
    """Validate ``instructions``: a string, a system message (or dict), or a list of them.

    Raises:
        InvalidPromptError: anything else.
    """
    global _system_adapter
    if instructions is None or isinstance(instructions, str):
        return instructions
    items = (
        list(cast("Sequence[object]", instructions))
        if isinstance(instructions, Sequence)
        else [instructions]
    )
    if _system_adapter is None:
        _system_adapter = TypeAdapter(SystemModelMessage)
    result: list[SystemModelMessage] = []
    for item in items:
        if isinstance(item, SystemModelMessage):
            result.append(item)
            continue
        try:
            result.append(_system_adapter.validate_python(item))
        except ValidationError as error:
            raise InvalidPromptError(
                "instructions must be a string, a system message, or a list of system messages",
                prompt=prompt,
                cause=error,
            ) from error
    return result


def _check_tool_results_have_calls(messages: Sequence[ModelMessage], prompt: object) -> None:
    # Every provider rejects a tool result whose call is not in the history (HTTP 400, after a
    # paid round trip at best); name the message instead.
    calls: set[str] = set()
    for index, message in enumerate(messages):
        if isinstance(message, AssistantModelMessage) and not isinstance(message.content, str):
            calls.update(p.tool_call_id for p in message.content if p.type == "tool-call")
        elif isinstance(message, ToolModelMessage):
            for part in message.content:
                if part.type == "tool-result" and part.tool_call_id not in calls:
                    raise InvalidPromptError(
                        f"message at index {index} has a result for tool call "
                        f"{part.tool_call_id!r}, but no earlier assistant message made that "
                        "call. Keep each assistant tool call in the history with its results.",
                        prompt=prompt,
                    )


def standardize_prompt(
    *,
    prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    instructions: Instructions | Mapping[str, Any] | None = None,
    allow_system_in_messages: bool = False,
) -> StandardizedPrompt:
    """Check the prompt arguments of a call and return instructions plus validated messages.

    Args:
        prompt: a user text, or a list of messages.
        messages: a list of messages (give either ``prompt`` or ``messages``).
        instructions: system instructions (``system=`` is the same argument).
        allow_system_in_messages: accept system messages inside the message list.

    Raises:
        InvalidPromptError: both or neither of ``prompt``/``messages`` are given, the list is
            empty, it holds a system message without ``allow_system_in_messages``, or a
            message is malformed (the error names its index).
    """
    given = prompt if prompt is not None else messages
    if prompt is None and messages is None:
        raise InvalidPromptError("prompt or messages must be defined", prompt=given)
    if prompt is not None and messages is not None:
        raise InvalidPromptError(
            "prompt and messages cannot be defined at the same time", prompt=given
        )
    checked_instructions = validate_instructions(instructions, prompt=given)
    if isinstance(prompt, str):
        # One user message built here: nothing in it to check.
        return StandardizedPrompt(
            instructions=checked_instructions, messages=[UserModelMessage(content=prompt)]
        )
    raw: object
    if prompt is not None:
        raw = prompt
    else:
        raw = messages
    if isinstance(raw, str | bytes | Mapping) or not isinstance(raw, Sequence):
        raise InvalidPromptError(
            "messages must be a list of messages (or pass a string as prompt=)", prompt=given
        )
    items = cast("Sequence[object]", raw)
    if len(items) == 0:
        raise InvalidPromptError("messages must not be empty", prompt=given)
    validated = validate_messages(items, prompt=given)
    if not allow_system_in_messages:
        for index, message in enumerate(validated):
            if message.role == "system":
                raise InvalidPromptError(
                    f"message at index {index} is a system message. System messages are not "
                    "allowed in prompt or messages: pass them as instructions= (or system=), or "
                    "set allow_system_in_messages=True.",
                    prompt=given,
                )
    _check_tool_results_have_calls(validated, given)
    return StandardizedPrompt(instructions=checked_instructions, messages=validated)
