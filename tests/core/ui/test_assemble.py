"""Reading chunks back into a message by the TS client's rules (processUIMessageStream)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from ai_sdk import is_step_count, stream_text
from ai_sdk.ui import (
    DataChunk,
    FinishChunk,
    FinishStepChunk,
    MessageMetadataChunk,
    ResetStepChunk,
    StartChunk,
    StartStepChunk,
    TextDeltaChunk,
    TextEndChunk,
    TextStartChunk,
    ToolInputAvailableChunk,
    ToolInputErrorChunk,
    ToolOutputAvailableChunk,
    UIMessage,
    UIMessageAssembler,
    UIMessageChunk,
    UIMessageStreamStepFinish,
    chunk_to_json,
)
from tests.servers.chat_app import TOOLS, _model


def assemble(*chunks: UIMessageChunk) -> UIMessageAssembler:
    assembler = UIMessageAssembler(message_id="m")
    for chunk in chunks:
        assembler.apply(chunk)
    return assembler


def parts(assembler: UIMessageAssembler) -> list[dict[str, Any]]:
    return [part.to_json() for part in assembler.message.parts]


def test_metadata_merges_deeply_and_finish_reason_is_kept() -> None:
    assembler = assemble(
        StartChunk(message_id="m2", message_metadata={"a": {"x": 1}, "b": 1}),
        MessageMetadataChunk(message_metadata={"a": {"y": 2}}),
        FinishChunk(finish_reason="length", message_metadata={"b": 2}),
    )
    assert assembler.message.id == "m2"
    assert assembler.message.metadata == {"a": {"x": 1, "y": 2}, "b": 2}
    assert assembler.finish_reason == "length"


def test_data_parts_replace_by_id_and_transient_ones_are_not_stored() -> None:
    assembler = assemble(
        DataChunk(type="data-s", id="1", data="a"),
        DataChunk(type="data-s", id="1", data="b"),
        DataChunk(type="data-s", id="2", data="c"),
        DataChunk(type="data-s", data="no id"),
        DataChunk(type="data-s", data="gone", transient=True),
    )
    assert parts(assembler) == [
        {"type": "data-s", "id": "1", "data": "b"},
        {"type": "data-s", "id": "2", "data": "c"},
        {"type": "data-s", "data": "no id"},
    ]


def test_reset_step_drops_the_current_steps_parts() -> None:
    assembler = assemble(
        StartStepChunk(),
        TextStartChunk(id="1"),
        TextDeltaChunk(id="1", delta="kept"),
        TextEndChunk(id="1"),
        FinishStepChunk(),
        StartStepChunk(),
        TextStartChunk(id="1"),
        TextDeltaChunk(id="1", delta="dropped"),
        ResetStepChunk(),
    )
    assert parts(assembler) == [
        {"type": "step-start"},
        {"type": "text", "text": "kept", "state": "done"},
        {"type": "step-start"},
    ]


def test_invalid_calls_and_preliminary_results() -> None:
    assembler = assemble(
        ToolInputErrorChunk(tool_call_id="c1", tool_name="w", input="{bad", error_text="e"),
        ToolInputErrorChunk(
            tool_call_id="c2", tool_name="d", input="{bad", error_text="e", dynamic=True
        ),
        ToolInputAvailableChunk(tool_call_id="c3", tool_name="w", input={"a": 1}),
        ToolOutputAvailableChunk(tool_call_id="c3", output=1, preliminary=True),
    )
    assert parts(assembler) == [
        {"type": "tool-w", "toolCallId": "c1", "state": "output-error", "errorText": "e",
         "rawInput": "{bad"},
        {"type": "dynamic-tool", "toolName": "d", "toolCallId": "c2", "state": "output-error",
         "input": "{bad", "errorText": "e"},
        {"type": "tool-w", "toolCallId": "c3", "state": "output-available", "input": {"a": 1},
         "output": 1, "preliminary": True},
    ]  # fmt: skip


async def test_on_step_finish_gets_copies_at_each_step() -> None:
    steps: list[UIMessageStreamStepFinish] = []
    result = stream_text(
        model=_model("tools", {}), prompt="hi", tools=TOOLS, stop_when=is_step_count(3)
    )
    user = UIMessage(id="u", role="user", parts=[])
    chunks: AsyncIterator[UIMessageChunk] = result.to_ui_message_stream(
        original_messages=[user], on_step_finish=steps.append
    )
    seen = [chunk_to_json(c) async for c in chunks]
    assert sum(c["type"] == "finish-step" for c in seen) == 2
    assert [len(s.response_message.parts) for s in steps] == [2, 4]
    assert [m.id for m in steps[0].messages] == ["u", ""]
    steps[0].response_message.parts.clear()  # a copy: the next step is unaffected
    assert len(steps[1].response_message.parts) == 4
