"""convert_to_model_messages: upstream's rules for every part type and tool state."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk import tool
from ai_sdk.prompt import (
    AssistantModelMessage,
    FilePart,
    SystemModelMessage,
    ToolApprovalRequestPart,
    ToolModelMessage,
    UserModelMessage,
)
from ai_sdk.provider import (
    ErrorJsonOutput,
    ErrorTextOutput,
    ExecutionDeniedOutput,
    JsonOutput,
    MessageConversionError,
    ReasoningPart,
    TextOutput,
    TextPart,
    ToolApprovalResponsePart,
    ToolCallPart,
    ToolResultPart,
)
from ai_sdk.ui import DataUIPart, UIMessage, convert_to_model_messages


def ui(role: str, *parts: dict[str, Any], id: str = "m") -> UIMessage:
    return UIMessage.model_validate({"id": id, "role": role, "parts": list(parts)})


def tool_part(state: str, call: str = "c1", **fields: Any) -> dict[str, Any]:
    return {"type": "tool-weather", "toolCallId": call, "state": state,
            "input": {"city": "Paris"}, **fields}  # fmt: skip


def call(id: str = "c1", **fields: Any) -> ToolCallPart:
    return ToolCallPart(tool_call_id=id, tool_name="weather", input={"city": "Paris"}, **fields)


def result(output: Any, id: str = "c1") -> ToolResultPart:
    return ToolResultPart(tool_call_id=id, tool_name="weather", output=output)


async def test_system_user_files_and_data_parts() -> None:
    async def data(part: DataUIPart) -> TextPart | None:
        return TextPart(text=f"[{part.type}] {part.data}") if part.type == "data-note" else None

    messages = await convert_to_model_messages(
        [
            ui("system", {"type": "text", "text": "Be ", "providerMetadata": {"p": {"a": 1}}},
               {"type": "text", "text": "brief."}),
            ui("user", {"type": "text", "text": "look"},
               {"type": "file", "mediaType": "image/png", "url": "https://x.test/a.png",
                "filename": "a.png"},
               {"type": "file", "mediaType": "application/pdf", "url": "https://x.test/b",
                "providerReference": {"openai": "file-1"}},
               {"type": "data-note", "data": "n"}, {"type": "data-skip", "data": 1}),
        ],
        convert_data_part=data,
    )  # fmt: skip
    assert messages == [
        SystemModelMessage(content="Be brief.", provider_options={"p": {"a": 1}}),
        UserModelMessage(
            content=[
                TextPart(text="look"),
                FilePart(data="https://x.test/a.png", media_type="image/png", filename="a.png"),
                FilePart(data={"openai": "file-1"}, media_type="application/pdf"),
                TextPart(text="[data-note] n"),
            ]
        ),
    ]


async def test_step_boundaries_split_assistant_messages_and_sources_are_dropped() -> None:
    messages = await convert_to_model_messages(
        [
            ui("assistant",
               {"type": "step-start"}, {"type": "reasoning", "text": "hmm"},
               {"type": "source-url", "sourceId": "s", "url": "https://x.test"},
               tool_part("output-available", output={"t": 21}),
               {"type": "step-start"}, {"type": "text", "text": "21 degrees"},
               {"type": "data-x", "data": 1}),
        ]
    )  # fmt: skip
    assert messages == [
        AssistantModelMessage(content=[ReasoningPart(text="hmm"), call()]),
        ToolModelMessage(content=[result(JsonOutput(value={"t": 21}))]),
        AssistantModelMessage(content=[TextPart(text="21 degrees")]),
    ]


async def test_tool_states_errors_and_to_model_output() -> None:
    weather = tool(
        description="w",
        input_schema=dict[str, str],
        execute=lambda _: "x",
        to_model_output=lambda **kw: {"type": "text", "value": f"seen {kw['output']}"},
    )
    messages = await convert_to_model_messages(
        [
            ui("assistant",
               tool_part("input-streaming", "c0"),
               tool_part("output-available", "c1", output="sunny"),
               {**tool_part("output-error", "c2", errorText="boom"), "input": None,
                "rawInput": "{bad"},
               tool_part("input-available", "c3")),
        ],
        tools={"weather": weather},
    )  # fmt: skip
    assert messages == [
        AssistantModelMessage(
            content=[
                call("c1"),
                ToolCallPart(tool_call_id="c2", tool_name="weather", input="{bad"),
                call("c3"),
            ]
        ),
        ToolModelMessage(
            content=[
                result(TextOutput(value="seen sunny"), "c1"),
                result(ErrorTextOutput(value="boom"), "c2"),
            ]
        ),
    ]
    # Without the call's result the model would reject the history: leave such calls out.
    trimmed = await convert_to_model_messages(
        [ui("assistant", tool_part("input-available", "c3"),
            tool_part("output-available", "c4", output=1, preliminary=True))],
        ignore_incomplete_tool_calls=True,
    )  # fmt: skip
    assert trimmed == []


async def test_approvals() -> None:
    messages = await convert_to_model_messages(
        [
            ui("assistant",
               tool_part("approval-requested", "c1", approval={"id": "a1", "signature": "s"}),
               tool_part("approval-responded", "c2", approval={"id": "a2", "approved": True}),
               tool_part("approval-responded", "c3",
                         approval={"id": "a3", "approved": False, "reason": "no"}),
               tool_part("output-denied", "c4", approval={"id": "a4", "approved": False}),
               tool_part("output-available", "c5", output="ok",
                         approval={"id": "a5", "approved": True, "isAutomatic": True})),
        ]
    )  # fmt: skip
    assert messages == [
        AssistantModelMessage(
            content=[
                call("c1"),
                ToolApprovalRequestPart(approval_id="a1", tool_call_id="c1", signature="s"),
                call("c2"),
                ToolApprovalRequestPart(approval_id="a2", tool_call_id="c2"),
                call("c3"),
                ToolApprovalRequestPart(approval_id="a3", tool_call_id="c3"),
                call("c4"),
                ToolApprovalRequestPart(approval_id="a4", tool_call_id="c4"),
                call("c5"),
                ToolApprovalRequestPart(approval_id="a5", tool_call_id="c5", is_automatic=True),
            ]
        ),
        ToolModelMessage(
            content=[
                ToolApprovalResponsePart(approval_id="a2", approved=True),
                ToolApprovalResponsePart(approval_id="a3", approved=False, reason="no"),
                result(ExecutionDeniedOutput(reason="no"), "c3"),
                ToolApprovalResponsePart(approval_id="a4", approved=False),
                result(ErrorTextOutput(value="Tool call execution denied."), "c4"),
                ToolApprovalResponsePart(approval_id="a5", approved=True),
                result(TextOutput(value="ok"), "c5"),
            ]
        ),
    ]


async def test_provider_executed_results_stay_in_the_assistant_message() -> None:
    messages = await convert_to_model_messages(
        [
            ui("assistant",
               tool_part("output-available", "c1", output={"hits": 2}, providerExecuted=True,
                         resultProviderMetadata={"p": {"r": 1}}),
               tool_part("output-error", "c2", errorText="quota", providerExecuted=True)),
        ]
    )  # fmt: skip
    assert messages == [
        AssistantModelMessage(
            content=[
                call("c1", provider_executed=True),
                ToolResultPart(
                    tool_call_id="c1", tool_name="weather",
                    output=JsonOutput(value={"hits": 2}), provider_options={"p": {"r": 1}},
                ),
                call("c2", provider_executed=True),
                result(ErrorJsonOutput(value="quota"), "c2"),
            ]
        )
    ]  # fmt: skip


async def test_unsupported_role() -> None:
    message = UIMessage.model_construct(id="x", role="tool", parts=[])  # type: ignore[arg-type]
    with pytest.raises(MessageConversionError, match="Unsupported role: tool"):
        await convert_to_model_messages([message])
