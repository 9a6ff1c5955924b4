"""`create_agent_ui_stream`: a chat endpoint's whole job for an agent, in one call.

Validate the posted UI messages against the agent's tools, convert them, stream the agent and
turn the stream into UI message chunks, continuing the last assistant message when the request
ends with one (approvals, client tool results).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from typing_extensions import Unpack

from ai_sdk.agent import Agent
from ai_sdk.ui._chunks import UIMessageChunk
from ai_sdk.ui._convert import DataPartConverter, convert_to_model_messages
from ai_sdk.ui._messages import UIMessage
from ai_sdk.ui._stream import UIMessageStreamOptions, aclose_iterator, ui_message_stream_of
from ai_sdk.ui._validate import DEFAULT_UI_MESSAGE_LIMITS, UIMessageLimits, validate_ui_messages

__all__ = ["create_agent_ui_stream"]


def create_agent_ui_stream(
    *,
    agent: Agent[Any, Any, Any],
    ui_messages: object,
    options: Any = None,
    convert_data_part: DataPartConverter | None = None,
    tool_approval_secret: str | bytes | None = None,
    trusted_messages: Sequence[UIMessage] | None = None,
    limits: UIMessageLimits = DEFAULT_UI_MESSAGE_LIMITS,
    **stream_options: Unpack[UIMessageStreamOptions],
) -> AsyncIterator[UIMessageChunk]:
    """The agent's answer to a chat request as UI message chunks.

    The messages are validated at once (so a bad request fails before a response starts);
    the conversion and the agent call run when the stream is first read.

    Args:
        agent: the agent (e.g. a `ToolLoopAgent`).
        ui_messages: the request's ``messages`` as posted (validated here).
        options: the agent call's ``options``.
        convert_data_part: see `convert_to_model_messages`.
        tool_approval_secret: see `validate_ui_messages`.
        trusted_messages: the stored history, so that a client cannot forge tool results or
            approvals (see `validate_ui_messages`); give it in an app that faces the internet.
        limits: see `validate_ui_messages`.
        **stream_options: as for `StreamTextResult.to_ui_message_stream`;
            ``original_messages`` defaults to the validated messages.

    Raises:
        TypeValidationError: invalid messages (before anything is streamed).
        InvalidArgumentError: ``ui_messages`` is ``None``.
        InvalidToolApprovalSignatureError: with ``tool_approval_secret``, an approval answer
            without a valid signature.
    """
    validated = validate_ui_messages(
        ui_messages,
        tools=agent.tools,
        tool_approval_secret=tool_approval_secret,
        trusted_messages=trusted_messages,
        limits=limits,
    )
    if stream_options.get("original_messages") is None:
        stream_options["original_messages"] = validated
    return _agent_chunks(agent, validated, options, convert_data_part, stream_options)


async def _agent_chunks(
    agent: Agent[Any, Any, Any],
    validated: list[UIMessage],
    options: Any,
    convert_data_part: DataPartConverter | None,
    stream_options: UIMessageStreamOptions,
) -> AsyncIterator[UIMessageChunk]:
    model_messages = await convert_to_model_messages(
        validated, tools=agent.tools, convert_data_part=convert_data_part
    )
    result = await agent.stream(messages=model_messages, options=options)
    chunks = ui_message_stream_of(result, stream_options)
    try:
        async for chunk in chunks:
            yield chunk
    finally:
        await aclose_iterator(chunks)
