"""stream_text -> UI message chunks -> SSE, over a real server, and read back into messages."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from typing import Any, cast

import httpx
import pytest

from ai_sdk import ToolApprovalStatus, stream_text, stream_text_sync
from ai_sdk.generate_text import (
    FinishPart,
    LanguageModelUsage,
    StartPart,
    StartStepPart,
    StepRequest,
    TextStreamPart,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolCall,
    ToolOutputDenied,
)
from ai_sdk.provider import TypeValidationError, UIMessageStreamError
from ai_sdk.testing import MockLanguageModel
from ai_sdk.ui import (
    UI_MESSAGE_STREAM_HEADERS,
    DataChunk,
    ErrorChunk,
    StartChunk,
    TextDeltaChunk,
    TextStartChunk,
    ToolUIPart,
    UIMessage,
    UIMessageChunk,
    UIMessageStreamFinish,
    chunk_to_json,
    convert_to_model_messages,
    create_ui_message_stream,
    parse_ui_message_sse,
    read_ui_message_stream,
    to_ui_message_chunks,
    ui_message_stream_to_sse_bytes,
    ui_message_stream_to_sse_bytes_sync,
    validate_ui_messages,
)
from tests.servers.chat_app import SECRET_ERROR, TOOLS, ChatServer, _model, text_parts
from tests.servers.chat_app import _tool_call_parts as _tool_call_parts_for

USER = {"id": "u1", "role": "user", "parts": [{"type": "text", "text": "hi"}]}


@pytest.fixture(scope="module")
def server() -> Iterator[ChatServer]:
    with ChatServer() as running:
        yield running


def events(body: str) -> list[Any]:
    assert body.endswith("data: [DONE]\n\n")
    blocks = body.split("\n\n")[:-1]
    assert all(block.startswith("data: ") for block in blocks)
    return [json.loads(b[6:]) if b != "data: [DONE]" else "[DONE]" for b in blocks]


async def collect(stream: AsyncIterator[UIMessageChunk]) -> list[dict[str, Any]]:
    return [chunk_to_json(chunk) async for chunk in stream]


def test_text_over_http_exact_bytes_and_headers(server: ChatServer) -> None:
    response = httpx.post(f"{server.url}/api/chat", json={"messages": [USER]}, timeout=10)
    assert response.status_code == 200
    for name, value in UI_MESSAGE_STREAM_HEADERS.items():
        assert response.headers[name] == value
    message_id = events(response.text)[0]["messageId"]
    assert response.text == "".join(
        f"data: {line}\n\n"
        for line in [
            f'{{"type":"start","messageId":"{message_id}"}}',
            '{"type":"start-step"}',
            '{"type":"text-start","id":"t"}',
            '{"type":"text-delta","id":"t","delta":"Hello"}',
            '{"type":"text-delta","id":"t","delta":", "}',
            '{"type":"text-delta","id":"t","delta":"world!"}',
            '{"type":"text-end","id":"t"}',
            '{"type":"finish-step"}',
            '{"type":"finish","finishReason":"stop"}',
            "[DONE]",
        ]
    )


async def test_tool_call_sequence_and_masked_tool_error() -> None:
    result = stream_text(model=_model("tool-error", {}), prompt="hi", tools=TOOLS)
    chunks = await collect(result.to_ui_message_stream())
    assert chunks[:8] == [
        {"type": "start"},
        {"type": "start-step"},
        {"type": "tool-input-start", "toolCallId": "call-1", "toolName": "broken"},
        {"type": "tool-input-delta", "toolCallId": "call-1", "inputTextDelta": '{"city":'},
        {"type": "tool-input-delta", "toolCallId": "call-1", "inputTextDelta": '"Paris"}'},
        {
            "type": "tool-input-available",
            "toolCallId": "call-1",
            "toolName": "broken",
            "input": {"city": "Paris"},
        },
        {"type": "tool-output-error", "toolCallId": "call-1", "errorText": "An error occurred."},
        {"type": "finish-step"},
    ]
    assert SECRET_ERROR not in json.dumps(chunks)


async def test_on_error_decides_what_the_client_sees() -> None:
    def reveal(error: object) -> str:
        return f"revealed: {error}"

    result = stream_text(model=_model("tool-error", {}), prompt="hi", tools=TOOLS)
    chunks = await collect(result.to_ui_message_stream(on_error=reveal))
    assert chunks[6]["errorText"] == f"revealed: {SECRET_ERROR}"

    def failing(error: object) -> str:
        raise ValueError(f"handler broke on {error}")

    result = stream_text(model=_model("error", {}), prompt="hi")
    chunks = await collect(result.to_ui_message_stream(on_error=failing))
    assert {"type": "error", "errorText": "An error occurred."} in chunks
    assert SECRET_ERROR not in json.dumps(chunks)

    result = stream_text(model=_model("tool-error", {}), prompt="hi", tools=TOOLS)
    chunks = await collect(result.to_ui_message_stream(redact_tool_errors=False))
    assert chunks[6]["errorText"] == SECRET_ERROR


async def test_send_flags_and_message_metadata() -> None:
    result = stream_text(model=_model("reasoning", {}), prompt="hi")
    chunks = await collect(
        result.to_ui_message_stream(
            send_reasoning=False,
            send_finish=False,
            message_metadata=lambda part: (
                {"at": part.type} if part.type in ("start", "text-end") else None
            ),
        )
    )
    types = [c["type"] for c in chunks]
    assert not any(t.startswith("reasoning") for t in types)
    assert "finish" not in types
    assert chunks[0] == {"type": "start", "messageMetadata": {"at": "start"}}
    end = types.index("text-end")
    assert chunks[end + 1] == {"type": "message-metadata", "messageMetadata": {"at": "text-end"}}


async def scripted(parts: list[TextStreamPart]) -> AsyncIterator[TextStreamPart]:
    for part in parts:
        yield part


async def test_approval_parts_map_to_chunks_and_states() -> None:
    """The tool loop cannot emit approval parts yet: they are fed directly."""
    call = ToolCall(tool_call_id="c1", tool_name="weather", input={"city": "Paris"})
    denied = ToolCall(tool_call_id="c2", tool_name="weather", input={"city": "Rome"})
    auto = ToolCall(tool_call_id="c3", tool_name="weather", input={"city": "Oslo"})
    parts: list[TextStreamPart] = [
        StartPart(),
        StartStepPart(request=StepRequest(), warnings=[]),
        call,
        ToolApprovalRequest(approval_id="a1", tool_call=call, signature="s1"),
        denied,
        ToolApprovalRequest(approval_id="a2", tool_call=denied),
        ToolOutputDenied(tool_call_id="c2", tool_name="weather"),
        auto,
        ToolApprovalRequest(approval_id="a3", tool_call=auto, is_automatic=True),
        ToolApprovalResponse(approval_id="a3", tool_call=auto, approved=False, reason="policy"),
        FinishPart(finish_reason="tool-calls", total_usage=LanguageModelUsage()),
    ]
    chunks = [c async for c in to_ui_message_chunks(scripted(parts), tools=TOOLS)]
    as_json = [chunk_to_json(c) for c in chunks]
    assert as_json[3] == {
        "type": "tool-approval-request",
        "approvalId": "a1",
        "toolCallId": "c1",
        "signature": "s1",
    }
    assert as_json[6] == {"type": "tool-output-denied", "toolCallId": "c2"}
    assert as_json[8:10] == [
        {
            "type": "tool-approval-request",
            "approvalId": "a3",
            "toolCallId": "c3",
            "isAutomatic": True,
        },
        {
            "type": "tool-approval-response",
            "approvalId": "a3",
            "approved": False,
            "reason": "policy",
        },
    ]

    async def replay() -> AsyncIterator[UIMessageChunk]:
        for chunk in chunks:
            yield chunk

    final = [m async for m in read_ui_message_stream(replay())][-1]
    states = {p.tool_call_id: (p.state, p.approval) for p in final.parts if hasattr(p, "state")}  # type: ignore[union-attr]
    assert states["c1"][0] == "approval-requested"
    assert states["c1"][1] is not None
    assert states["c1"][1].signature == "s1"
    assert states["c2"][0] == "output-denied"
    assert states["c3"][0] == "approval-responded"
    assert states["c3"][1] is not None
    assert (states["c3"][1].approved, states["c3"][1].is_automatic) == (False, True)


async def test_continuation_reuses_the_assistant_id_and_on_finish_gets_the_history() -> None:
    finished: list[UIMessageStreamFinish] = []
    assistant = UIMessage(id="a-1", role="assistant", parts=[])
    user = UIMessage.model_validate(USER)
    result = stream_text(model=_model("text", {}), prompt="hi")
    chunks = await collect(
        result.to_ui_message_stream(
            original_messages=[user, assistant],
            generate_message_id=lambda: "fresh",
            on_finish=finished.append,
        )
    )
    assert chunks[0] == {"type": "start", "messageId": "a-1"}
    (event,) = finished
    assert event.is_continuation
    assert [m.id for m in event.messages] == ["u1", "a-1"]
    assert event.response_message.parts[-1].to_json() == {
        "type": "text",
        "text": "Hello, world!",
        "state": "done",
    }


def test_client_disconnect_stops_the_model_and_still_calls_on_finish(server: ChatServer) -> None:
    def tasks() -> int:
        return httpx.get(f"{server.url}/api/tasks", timeout=10).json()["tasks"]

    baseline = tasks()
    before = len(server.app.state.finished)
    with httpx.stream(
        "POST", f"{server.url}/api/chat", json={"messages": [USER], "scenario": "slow"}, timeout=10
    ) as response:
        lines = response.iter_lines()
        seen = [next(lines) for _ in range(8)]
    assert any("tick0" in line for line in seen)
    deadline = time.monotonic() + 5
    state = server.app.state.model_state
    while time.monotonic() < deadline:
        if state.get("slow_model_closed") and len(server.app.state.finished) > before:
            break
        time.sleep(0.02)
    assert state["slow_model_closed"] is True
    record = server.app.state.finished[-1]
    text = record["messages"][-1]["parts"][-1]
    assert text["type"] == "text"
    assert text["state"] == "streaming"
    assert text["text"].startswith("tick0")
    assert record["finish_reason"] is None
    # Nothing is left running on the server: no pump, listener, tool or model task.
    deadline = time.monotonic() + 5
    while tasks() != baseline and time.monotonic() < deadline:
        time.sleep(0.02)
    assert tasks() == baseline


async def test_read_back_over_http(server: ChatServer) -> None:
    async with (
        httpx.AsyncClient() as client,
        client.stream(
            "POST", f"{server.url}/api/chat", json={"messages": [USER], "scenario": "tools"}
        ) as response,
    ):
        snapshots = [
            m async for m in read_ui_message_stream(parse_ui_message_sse(response.aiter_bytes()))
        ]
    final = snapshots[-1]
    assert final.role == "assistant"
    assert [p.type for p in final.parts] == ["step-start", "tool-weather", "step-start", "text"]
    assert snapshots[0].parts == []  # the start chunk set the id
    assert snapshots[0].id.startswith("msg-")
    assert snapshots[1].parts[-1].to_json() == {  # next visible change: the tool input starts
        "type": "tool-weather",
        "toolCallId": "call-1",
        "state": "input-streaming",
    }


async def test_malformed_streams_fail_as_in_the_ts_client() -> None:
    async def body(*lines: str) -> AsyncIterator[bytes]:
        for line in lines:
            yield f"data: {line}\n\n".encode()

    with pytest.raises(TypeValidationError, match="unknown UI message chunk type"):
        [c async for c in parse_ui_message_sse(body('{"type":"bogus"}'))]
    with pytest.raises(TypeValidationError):  # a required value slot is missing
        [
            c
            async for c in parse_ui_message_sse(
                body('{"type":"tool-output-available","toolCallId":"x"}')
            )
        ]

    async def chunks() -> AsyncIterator[UIMessageChunk]:
        yield TextDeltaChunk(id="nope", delta="x")

    with pytest.raises(UIMessageStreamError, match='missing text part with ID "nope"'):
        [m async for m in read_ui_message_stream(chunks())]


async def test_read_ui_message_stream_closes_the_chunks_when_it_stops_early() -> None:
    closed: list[str] = []

    def source(name: str) -> AsyncIterator[UIMessageChunk]:
        async def chunks() -> AsyncIterator[UIMessageChunk]:
            try:
                yield StartChunk(message_id="m")
                yield ErrorChunk(error_text="boom")
                yield TextStartChunk(id="t")
            finally:
                closed.append(name)

        return chunks()

    errors: list[BaseException] = []
    first = source("terminated")  # held, so only the reader can close it
    messages = [
        m
        async for m in read_ui_message_stream(
            first, on_error=errors.append, terminate_on_error=True
        )
    ]
    assert ([m.id for m in messages], [str(e) for e in errors]) == (["m"], ["boom"])
    assert closed == ["terminated"]

    second = source("broken off")
    reader = read_ui_message_stream(second)
    async for _ in reader:
        break
    # What `async for` leaves to the caller (or the garbage collector): the reader's aclose.
    await cast("AsyncGenerator[UIMessage]", reader).aclose()
    assert closed == ["terminated", "broken off"]


async def test_create_ui_message_stream_writer_merge_and_errors() -> None:
    finished: list[UIMessageStreamFinish] = []

    async def failing() -> AsyncIterator[UIMessageChunk]:
        yield DataChunk(type="data-a", data=1)
        await asyncio.sleep(0.05)
        raise RuntimeError(SECRET_ERROR)

    async def execute(writer: Any) -> None:
        writer.write({"type": "start"})
        writer.merge(failing())
        result = stream_text(model=MockLanguageModel(do_stream=text_parts("late")), prompt="x")

        async def later() -> None:
            await asyncio.sleep(0.01)  # a merge started after execute returned still counts
            writer.merge(result.to_ui_message_stream(send_start=False))

        asyncio.get_running_loop().create_task(later())
        with pytest.raises(TypeValidationError):
            writer.write({"type": "not-a-chunk"})

    chunks = await collect(
        create_ui_message_stream(
            execute=execute, on_finish=finished.append, generate_id=lambda: "gen-1"
        )
    )
    assert chunks[0] == {"type": "start", "messageId": "gen-1"}
    assert {"type": "data-a", "data": 1} in chunks
    assert {"type": "error", "errorText": "An error occurred."} in chunks
    assert {"type": "text-delta", "id": "t", "delta": "late"} in chunks
    assert finished[0].response_message.id == "gen-1"

    def broken(writer: Any) -> None:
        raise RuntimeError(SECRET_ERROR)

    assert await collect(create_ui_message_stream(execute=broken)) == [
        {"type": "error", "errorText": "An error occurred."}
    ]


def test_sync_result_and_wsgi_framing() -> None:
    with stream_text_sync(model=_model("text", {}), prompt="hi") as result:
        body = b"".join(ui_message_stream_to_sse_bytes_sync(result.to_ui_message_stream()))
    parsed = events(body.decode())
    assert parsed[0] == {"type": "start"}
    assert parsed[-2:] == [{"type": "finish", "finishReason": "stop"}, "[DONE]"]


async def test_async_framing_closes_its_source_when_closed_early() -> None:
    closed: list[bool] = []

    async def chunks() -> AsyncIterator[UIMessageChunk]:
        try:
            while True:
                yield ErrorChunk("x")
        finally:
            closed.append(True)

    framed = ui_message_stream_to_sse_bytes(chunks())
    assert await anext(framed) == b'data: {"type":"error","errorText":"x"}\n\n'
    await framed.aclose()
    assert closed == [True]


def test_sync_result_as_a_starlette_response(server: ChatServer) -> None:
    response = httpx.post(f"{server.url}/api/sync", json={"messages": [USER]}, timeout=10)
    assert response.headers["x-vercel-ai-ui-message-stream"] == "v1"
    assert events(response.text)[3] == {"type": "text-delta", "id": "t", "delta": "Hello"}


def test_text_stream_response(server: ChatServer) -> None:
    response = httpx.post(f"{server.url}/api/text", json={}, timeout=10)
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == "Hello, world!"


async def test_the_tool_loops_approval_round_trip_through_ui_messages() -> None:
    """Request -> the client's answer -> convert_to_model_messages -> the approved call runs
    first, streamed before the first step of the continuation."""
    from tests.servers.chat_app import APPROVAL_SECRET, APPROVAL_TOOLS, _tool_call_parts

    user = UIMessage.model_validate(USER)
    first = stream_text(
        model=MockLanguageModel(do_stream=_tool_call_parts("weather")),
        prompt="weather?",
        tools=APPROVAL_TOOLS,
        tool_approval_secret=APPROVAL_SECRET,
    )
    finished: list[UIMessageStreamFinish] = []
    chunks = await collect(
        first.to_ui_message_stream(
            original_messages=[user], generate_message_id=lambda: "a-1", on_finish=finished.append
        )
    )
    request = next(c for c in chunks if c["type"] == "tool-approval-request")
    assert set(request) == {"type", "approvalId", "toolCallId", "signature"}
    assert chunks[-2:] == [
        {"type": "finish-step"},
        {"type": "finish", "finishReason": "tool-calls"},
    ]

    answered = finished[0].response_message.model_copy(deep=True)
    part = answered.parts[1]
    assert isinstance(part, ToolUIPart)
    assert part.state == "approval-requested"
    part.state = "approval-responded"
    assert part.approval is not None
    part.approval.approved = True
    history = validate_ui_messages(
        [m.to_json() for m in (user, answered)],
        tools=APPROVAL_TOOLS,
        tool_approval_secret=APPROVAL_SECRET,
    )
    second = stream_text(
        model=MockLanguageModel(do_stream=text_parts("Sunny.")),
        messages=await convert_to_model_messages(history, tools=APPROVAL_TOOLS),
        tools=APPROVAL_TOOLS,
        tool_approval_secret=APPROVAL_SECRET,
    )
    chunks = await collect(second.to_ui_message_stream(original_messages=history))
    assert chunks[:3] == [
        {"type": "start", "messageId": "a-1"},
        {
            "type": "tool-output-available",
            "toolCallId": "call-1",
            "output": {"city": "Paris", "temperature": 21},
        },
        {"type": "start-step"},
    ]


async def test_automatic_denial_streams_request_and_response() -> None:
    result = stream_text(
        model=MockLanguageModel(
            do_stream=[_tool_call_parts_for("weather"), text_parts("Not allowed.")]
        ),
        prompt="weather?",
        tools=TOOLS,
        tool_approval={"weather": ToolApprovalStatus("denied", "blocked by policy")},
    )
    chunks = await collect(result.to_ui_message_stream())
    request = next(c for c in chunks if c["type"] == "tool-approval-request")
    assert request["isAutomatic"] is True
    response = chunks[chunks.index(request) + 1]
    assert response == {
        "type": "tool-approval-response",
        "approvalId": request["approvalId"],
        "approved": False,
        "reason": "blocked by policy",
    }
    assert not any(c["type"] == "tool-output-available" for c in chunks)


async def test_sse_events_are_compact_utf8_json_as_json_stringify_writes_them() -> None:
    from pydantic import BaseModel

    class Reading(BaseModel):
        city: str

    async def chunks() -> AsyncIterator[UIMessageChunk]:
        yield TextDeltaChunk(id="t", delta="héllo 😀")
        yield DataChunk(type="data-x", data={"nan": float("nan"), "model": Reading(city="P")})  # type: ignore[dict-item]

    body = b"".join([b async for b in ui_message_stream_to_sse_bytes(chunks())])
    assert (
        body
        == (
            'data: {"type":"text-delta","id":"t","delta":"héllo 😀"}\n\n'
            'data: {"type":"data-x","data":{"nan":null,"model":{"city":"P"}}}\n\n'
            "data: [DONE]\n\n"
        ).encode()
    )


async def test_keep_alive_comments_while_the_stream_is_idle() -> None:
    closed: list[bool] = []

    async def chunks() -> AsyncIterator[UIMessageChunk]:
        try:
            yield ErrorChunk("a")
            await asyncio.sleep(0.35)
            yield ErrorChunk("b")
            await asyncio.sleep(10)
        finally:
            closed.append(True)

    framed = ui_message_stream_to_sse_bytes(chunks(), keep_alive=0.1)
    received = [await anext(framed) for _ in range(2)]
    assert received == [b": stream-open\n\n", b'data: {"type":"error","errorText":"a"}\n\n']
    rest: list[bytes] = []
    while not rest or rest[-1] != b'data: {"type":"error","errorText":"b"}\n\n':
        rest.append(await anext(framed))
    assert 2 <= rest.count(b": keep-alive\n\n") == len(rest) - 1
    await framed.aclose()  # the source is waiting inside its sleep: it is cancelled and closed
    assert closed == [True]
