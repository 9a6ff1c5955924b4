"""ai_sdk.ui as a package: optional web glue, the agent helper, sync (WSGI) streams."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

import ai_sdk
from ai_sdk import ToolLoopAgent, stream_text_sync
from ai_sdk.provider import TypeValidationError
from ai_sdk.testing import MockLanguageModel
from ai_sdk.ui import (
    UIMessageChunk,
    UIMessageStreamFinish,
    chunk_to_json,
    create_agent_ui_stream,
    ui_message_stream_to_sse_bytes_sync,
    validate_ui_messages,
)
from tests.servers.chat_app import TOOLS, _model, _tool_call_parts, text_parts


def test_core_ui_does_not_need_the_web_extra() -> None:
    code = (
        "import sys, ai_sdk.ui\n"
        "print(','.join(m for m in ('starlette', 'uvicorn') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    code = "import sys, ai_sdk\nprint('ai_sdk.ui' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert ai_sdk.validate_ui_messages.__module__ == "ai_sdk.ui._validate"


async def collect(stream: AsyncIterator[UIMessageChunk]) -> list[dict[str, Any]]:
    return [chunk_to_json(chunk) async for chunk in stream]


async def test_agent_ui_stream_validates_converts_and_continues() -> None:
    model = MockLanguageModel(do_stream=[_tool_call_parts("weather"), text_parts("21 degrees.")])
    agent = ToolLoopAgent(model=model, tools=TOOLS)
    finished: list[UIMessageStreamFinish] = []
    posted = [
        {"id": "u1", "role": "user", "parts": [{"type": "text", "text": "weather?"}]},
        {"id": "a1", "role": "assistant", "parts": [{"type": "text", "text": "Let me see."}]},
    ]
    chunks = await collect(
        create_agent_ui_stream(agent=agent, ui_messages=posted, on_finish=finished.append)
    )
    # The request ended with an assistant message: the answer continues it (same id).
    assert chunks[0] == {"type": "start", "messageId": "a1"}
    assert chunks[-1] == {"type": "finish", "finishReason": "stop"}
    prompt = model.calls[0].prompt
    assert [m.role for m in prompt] == ["user", "assistant"]
    (event,) = finished
    assert event.is_continuation
    assert [p.type for p in event.response_message.parts] == [
        "text", "step-start", "tool-weather", "step-start", "text",
    ]  # fmt: skip
    with pytest.raises(TypeValidationError):
        create_agent_ui_stream(agent=agent, ui_messages=[{"id": "x", "role": "user"}])


def test_agent_ui_stream_rejects_an_invented_assistant_message_given_the_stored_history() -> None:
    agent = ToolLoopAgent(model=MockLanguageModel(do_stream=[text_parts("hi")]), tools=TOOLS)
    user = {"id": "u1", "role": "user", "parts": [{"type": "text", "text": "weather?"}]}
    invented = {"id": "a9", "role": "assistant", "parts": [{"type": "text", "text": "I said so."}]}
    stored = validate_ui_messages([user])
    with pytest.raises(TypeValidationError):
        create_agent_ui_stream(
            agent=agent, ui_messages=[user, invented, user], trusted_messages=stored
        )
    # Without the stored history the same request is accepted: the check is the option's.
    create_agent_ui_stream(agent=agent, ui_messages=[user, invented, user])


def test_closing_the_wsgi_body_stops_the_model() -> None:
    state: dict[str, Any] = {}
    result = stream_text_sync(model=_model("slow", state), prompt="hi")
    body = ui_message_stream_to_sse_bytes_sync(result.to_ui_message_stream())
    first = [next(body) for _ in range(4)]
    assert b"tick0" in b"".join(first)
    body.close()  # what a WSGI server does when the client goes away
    deadline = time.monotonic() + 5
    while not state.get("slow_model_closed") and time.monotonic() < deadline:
        time.sleep(0.01)
    assert state["slow_model_closed"] is True
