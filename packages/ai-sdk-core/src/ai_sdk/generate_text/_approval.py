"""Tool approval: which calls wait for a person, and what the next call does with the answers.

A step resolves an approval status for each valid call (`resolve_tool_approval`): the call-level
``tool_approval`` decides first, then the tool's ``needs_approval``. A call waiting for approval
ends the step with a `ToolApprovalRequest` and does not run. The caller answers by appending a
tool message with a `ToolApprovalResponsePart`; the next call finds the answers in the history
(`collect_tool_approvals`), checks them (`validate_approved`) and runs the approved calls before
its first step. History comes from clients, so every id is checked against the history and a
call cannot be answered twice.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias, cast, get_args

from ai_sdk._approval_signature import verify_tool_approval_signature
from ai_sdk.generate_text._parts import ToolCall, ToolError
from ai_sdk.generate_text._tool import Tool, ToolExecutionOptions, call_style_of
from ai_sdk.generate_text._tool_calls import to_json_value
from ai_sdk.prompt._messages import (
    AssistantModelMessage,
    ModelMessage,
    ToolApprovalRequestPart,
    ToolCallPart,
    ToolModelMessage,
)
from ai_sdk.provider import (
    InvalidArgumentError,
    InvalidToolApprovalError,
    InvalidToolApprovalSignatureError,
    InvalidToolInputError,
    ToolApprovalResponsePart,
    ToolCallNotFoundForApprovalError,
    ToolResultPart,
    get_error_message,
)
from ai_sdk.provider_utils import ParseFailure

__all__ = [
    "CheckedApprovals",
    "CollectedApproval",
    "ToolApproval",
    "ToolApprovalContext",
    "ToolApprovalOptions",
    "ToolApprovalStatus",
    "ToolApprovalType",
    "collect_tool_approvals",
    "resolve_tool_approval",
    "validate_approved",
]

ToolApprovalType: TypeAlias = Literal["not-applicable", "approved", "denied", "user-approval"]
"""``not-applicable``: no approval involved, the call runs; ``user-approval``: the call waits for
an answer from the caller; ``approved`` / ``denied``: the configuration answered it itself."""

_TYPES: frozenset[str] = frozenset(get_args(ToolApprovalType))


@dataclass(frozen=True, slots=True)
class ToolApprovalStatus:
    """An approval decision with a reason (all but ``not-applicable`` take one).

    Approval functions may also return the type as a plain string, or ``None``
    (``not-applicable``).
    """

    type: ToolApprovalType
    reason: str | None = None
    """Why: for ``user-approval`` it is on the request, to show to the approver; for
    ``approved`` / ``denied`` on the automatic response (a denial's reaches the model)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolApprovalContext:
    """What a call-level ``tool_approval`` function receives for each valid tool call."""

    tool_call: ToolCall
    tools: Mapping[str, Tool[Any]]
    """The tools of the step."""
    tools_context: Mapping[str, object]
    runtime_context: Mapping[str, object]
    messages: list[ModelMessage]
    """The messages sent to the model in the step that made the call."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolApprovalOptions:
    """What a per-tool entry of ``tool_approval`` receives besides the input (when it takes a
    second parameter)."""

    tool_call_id: str
    messages: list[ModelMessage]
    tool_context: object
    """This tool's entry of ``tools_context``."""
    runtime_context: Mapping[str, object]


ToolApprovalAnswer: TypeAlias = ToolApprovalStatus | ToolApprovalType | Mapping[str, Any] | None
"""A status, its type as a string, ``{"type": ..., "reason": ...}``, or ``None``."""

ToolApproval: TypeAlias = (
    Callable[[ToolApprovalContext], Any] | Mapping[str, ToolApprovalAnswer | Callable[..., Any]]
)
"""The ``tool_approval`` option: one function deciding for every call (it gets a
`ToolApprovalContext`), or a dict by tool name of a status or a function
``(input[, ToolApprovalOptions]) -> status`` (sync or async). It takes precedence over each
tool's ``needs_approval``."""


def _status(given: object) -> ToolApprovalStatus:
    answer: Any = given
    if answer is None:
        return ToolApprovalStatus("not-applicable")
    if isinstance(answer, ToolApprovalStatus):
        kind, reason = answer.type, answer.reason
    elif isinstance(answer, str):
        kind, reason = answer, None
    elif isinstance(answer, Mapping):
        mapping = cast("Mapping[str, Any]", answer)
        kind, reason = mapping.get("type"), mapping.get("reason")
    else:
        kind, reason = None, None
    if kind not in _TYPES:
        raise InvalidArgumentError(
            f"a tool approval status must be one of {sorted(_TYPES)} (or None), "
            f"optionally as {{'type': ..., 'reason': ...}}; got {answer!r}",
            parameter="tool_approval",
            value=given,
        )
    if reason is not None and kind == "not-applicable":
        raise InvalidArgumentError(
            f"a 'not-applicable' approval status takes no reason; got {answer!r}",
            parameter="tool_approval",
            value=given,
        )
    return ToolApprovalStatus(cast("ToolApprovalType", kind), reason)


async def _call(function: Callable[..., Any], value: object, options: object) -> object:
    arguments = (value, options) if call_style_of(function) == "input_options" else (value,)
    outcome = function(*arguments)
    if inspect.isawaitable(outcome):
        outcome = await outcome
    return outcome


async def resolve_tool_approval(
    call: ToolCall,
    *,
    tools: Mapping[str, Tool[Any]],
    approval: ToolApproval | None,
    messages: list[ModelMessage],
    tools_context: Mapping[str, object],
    runtime_context: Mapping[str, object],
) -> ToolApprovalStatus:
    """The approval status of a valid call: ``tool_approval`` decides first (the function, or
    the tool's entry), then the tool's ``needs_approval`` (true means ``user-approval``)."""
    name = call.tool_name
    if approval is not None and not isinstance(approval, Mapping):
        context = ToolApprovalContext(
            tool_call=call,
            tools=tools,
            tools_context=tools_context,
            runtime_context=runtime_context,
            messages=messages,
        )
        outcome = approval(context)
        if inspect.isawaitable(outcome):
            outcome = await outcome
        return _status(outcome)
    entries: Mapping[str, object] = cast("Mapping[str, object]", approval or {})
    entry = entries.get(name)
    if entry is not None:
        if callable(entry):
            function = cast("Callable[..., Any]", entry)
            options = ToolApprovalOptions(
                tool_call_id=call.tool_call_id,
                messages=messages,
                tool_context=tools_context.get(name),
                runtime_context=runtime_context,
            )
            return _status(await _call(function, call.input, options))
        return _status(entry)
    tool = tools.get(name)
    needs = tool.needs_approval if tool is not None else None
    if callable(needs):
        options = ToolExecutionOptions(
            tool_call_id=call.tool_call_id, messages=messages, context=tools_context.get(name)
        )
        needs = await _call(needs, call.input, options)
    return ToolApprovalStatus("user-approval" if needs else "not-applicable")


# -- resuming -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CollectedApproval:
    """An answered approval found in the history, with the call it is for."""

    request: ToolApprovalRequestPart
    response: ToolApprovalResponsePart
    call: ToolCallPart
    existing_result: ToolResultPart | None = None


def collect_tool_approvals(
    messages: Sequence[ModelMessage],
) -> tuple[list[CollectedApproval], list[CollectedApproval]]:
    """The approved and the denied answers in the last message (when it is a tool message)
    that still need acting on.

    An answer whose call already has a result in that message is skipped (unless it was denied
    and the result is the denial), which is what keeps a tool from running on every later turn.

    Raises:
        InvalidToolApprovalError: an answer names no approval request of the history, answers
            one twice, or answers one answered in an earlier message.
        ToolCallNotFoundForApprovalError: the request's tool call is not in the history.
    """
    if not messages or not isinstance(messages[-1], ToolModelMessage):
        return [], []
    last = messages[-1]
    calls: dict[str, ToolCallPart] = {}
    order: dict[str, int] = {}
    requests: dict[str, ToolApprovalRequestPart] = {}
    answered_before: set[str] = set()
    for message in messages[:-1]:
        if isinstance(message, AssistantModelMessage) and not isinstance(message.content, str):
            for part in message.content:
                if isinstance(part, ToolCallPart):
                    calls[part.tool_call_id] = part
                    order.setdefault(part.tool_call_id, len(order))
                elif isinstance(part, ToolApprovalRequestPart):
                    requests[part.approval_id] = part
        elif isinstance(message, ToolModelMessage):
            answered_before.update(
                part.approval_id
                for part in message.content
                if isinstance(part, ToolApprovalResponsePart)
            )
    results = {part.tool_call_id: part for part in last.content if isinstance(part, ToolResultPart)}
    approved: list[CollectedApproval] = []
    denied: list[CollectedApproval] = []
    seen: set[str] = set()
    for response in last.content:
        if not isinstance(response, ToolApprovalResponsePart):
            continue
        approval_id = response.approval_id
        request = requests.get(approval_id)
        if request is None:
            raise InvalidToolApprovalError(approval_id=approval_id)
        if approval_id in seen or approval_id in answered_before:
            raise InvalidToolApprovalError(
                approval_id=approval_id,
                message=f'Tool approval "{approval_id}" is answered more than once; '
                "answer each approval request once.",
            )
        seen.add(approval_id)
        existing = results.get(request.tool_call_id)
        if existing is not None and (
            response.approved or existing.output.type != "execution-denied"
        ):
            continue
        call = calls.get(request.tool_call_id)
        if call is None:
            raise ToolCallNotFoundForApprovalError(
                tool_call_id=request.tool_call_id, approval_id=approval_id
            )
        collected = CollectedApproval(request, response, call, existing)
        (approved if response.approved else denied).append(collected)
    # Approved calls run in the order the model made them, whatever the order of the answers.
    approved.sort(key=lambda collected: order[collected.call.tool_call_id])
    return approved, denied


@dataclass(frozen=True, slots=True)
class CheckedApprovals:
    """Approved answers after `validate_approved`."""

    runnable: list[ToolCall]
    """The calls to run, with their validated input."""
    denied: list[CollectedApproval]
    """Answers the approval configuration turned into denials."""
    invalid: list[ToolError]
    """Calls whose approved input no longer validates: not run; the model sees the error."""


async def validate_approved(
    approved: Sequence[CollectedApproval],
    *,
    tools: Mapping[str, Tool[Any]],
    approval: ToolApproval | None,
    secret: str | bytes | None,
    messages: list[ModelMessage],
    tools_context: Mapping[str, object],
    runtime_context: Mapping[str, object],
) -> CheckedApprovals:
    """Check approved answers again before their calls run: the signature (with a ``secret``),
    the input against the tool's schema (validation must not change what was approved), and
    the approval configuration, which may still deny.

    Raises:
        InvalidToolApprovalSignatureError: with a ``secret``, the request has no signature or
            one that does not match its call.
    """
    checked = CheckedApprovals([], [], [])
    for collected in approved:
        request, part = collected.request, collected.call
        if secret is not None:
            reason = None
            if request.signature is None:
                reason = "missing signature"
            elif not verify_tool_approval_signature(
                secret,
                request.signature,
                approval_id=request.approval_id,
                tool_call_id=part.tool_call_id,
                tool_name=part.tool_name,
                tool_input=part.input,
            ):
                reason = "invalid signature"
            if reason is not None:
                raise InvalidToolApprovalSignatureError(
                    approval_id=request.approval_id, tool_call_id=part.tool_call_id, reason=reason
                )
        tool = tools.get(part.tool_name)
        call = ToolCall(
            tool_call_id=part.tool_call_id,
            tool_name=part.tool_name,
            input=part.input,
            provider_executed=part.provider_executed,
            dynamic=tool is not None and tool.type == "dynamic",
            title=tool.title if tool is not None else None,
            provider_metadata=part.provider_options,
            tool_metadata=tool.metadata if tool is not None else None,
        )
        if tool is not None and tool.execute is not None:
            validated = tool.input_schema.safe_validate(part.input)
            problem: Exception | None = None
            if isinstance(validated, ParseFailure):
                problem = validated.error
            elif to_json_value(validated.value) != part.input:
                # Validation must not change the operation that was approved.
                problem = ValueError(
                    "Approved tool input does not match the validated schema output."
                )
            else:
                call = dataclasses.replace(call, input=validated.value)
            if problem is not None:
                error = InvalidToolInputError(
                    tool_name=part.tool_name,
                    tool_input=json.dumps(part.input, ensure_ascii=False),
                    cause=problem,
                )
                checked.invalid.append(
                    ToolError(
                        tool_call_id=call.tool_call_id,
                        tool_name=call.tool_name,
                        input=call.input,
                        error=get_error_message(error),
                        dynamic=call.dynamic,
                        tool_metadata=call.tool_metadata,
                    )
                )
                continue
        status = await resolve_tool_approval(
            call,
            tools=tools,
            approval=approval,
            messages=messages,
            tools_context=tools_context,
            runtime_context=runtime_context,
        )
        if status.type == "denied":
            response = collected.response.model_copy(
                update={"approved": False, "reason": status.reason or collected.response.reason}
            )
            checked.denied.append(
                CollectedApproval(request, response, part, collected.existing_result)
            )
        else:
            checked.runnable.append(call)
    return checked
