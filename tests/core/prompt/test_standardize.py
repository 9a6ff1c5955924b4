"""Prompt standardization: prompt/messages/instructions forms and message validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ai_sdk.prompt import (
    AssistantModelMessage,
    FilePart,
    ImagePart,
    StandardizedPrompt,
    SystemModelMessage,
    ToolModelMessage,
    UserModelMessage,
    standardize_prompt,
)
from ai_sdk.provider import (
    FileDataUrl,
    InvalidPromptError,
    JsonOutput,
    TextPart,
    ToolCallPart,
    ToolResultPart,
)


def test_string_prompt_becomes_one_user_message() -> None:
    assert standardize_prompt(prompt="Hi", instructions="Be brief") == StandardizedPrompt(
        instructions="Be brief", messages=[UserModelMessage(content="Hi")]
    )


def test_dict_messages_are_validated_into_models_with_either_key_style() -> None:
    result = standardize_prompt(
        messages=[
            {"role": "user", "content": [{"type": "text", "text": "Look"}]},
            {
                "role": "assistant",
                "content": [
                    {"type": "tool-call", "toolCallId": "c1", "toolName": "t", "input": {}},
                ],
            },
            {
                "role": "tool",
                "content": [
                    {
                        "type": "tool-result",
                        "tool_call_id": "c1",
                        "tool_name": "t",
                        "output": {"type": "json", "value": None},
                    }
                ],
            },
            {
                "role": "user",
                "content": [
                    {"type": "image", "image": b"\x89PNG"},
                    {
                        "type": "file",
                        "data": {"type": "url", "url": "https://x/a.pdf"},
                        "mediaType": "application/pdf",
                    },
                ],
            },
        ]
    )
    assert result.messages == [
        UserModelMessage(content=[TextPart(text="Look")]),
        AssistantModelMessage(content=[ToolCallPart(tool_call_id="c1", tool_name="t", input={})]),
        ToolModelMessage(
            content=[
                ToolResultPart(tool_call_id="c1", tool_name="t", output=JsonOutput(value=None))
            ]
        ),
        UserModelMessage(
            content=[
                ImagePart(image=b"\x89PNG"),
                FilePart(data=FileDataUrl(url="https://x/a.pdf"), media_type="application/pdf"),
            ]
        ),
    ]


def test_model_instances_are_kept_as_they_are() -> None:
    message = UserModelMessage(content="x")
    assert standardize_prompt(messages=[message]).messages[0] is message


def test_prompt_as_a_message_list() -> None:
    assert standardize_prompt(prompt=[{"role": "user", "content": "a"}]).messages == [
        UserModelMessage(content="a")
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "Invalid prompt: prompt or messages must be defined"),
        (
            {"prompt": "a", "messages": [{"role": "user", "content": "b"}]},
            "Invalid prompt: prompt and messages cannot be defined at the same time",
        ),
        ({"messages": []}, "Invalid prompt: messages must not be empty"),
        ({"messages": {"role": "user"}}, "Invalid prompt: messages must be a list"),
    ],
)
def test_prompt_shape_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidPromptError) as caught:
        standardize_prompt(**kwargs)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


def test_system_messages_in_the_list_are_rejected_unless_allowed() -> None:
    messages = [{"role": "user", "content": "a"}, {"role": "system", "content": "rules"}]
    with pytest.raises(InvalidPromptError) as caught:
        standardize_prompt(messages=messages)
    assert "message at index 1 is a system message" in str(caught.value)
    assert "instructions=" in str(caught.value)
    allowed = standardize_prompt(messages=messages, allow_system_in_messages=True)
    assert allowed.messages[1] == SystemModelMessage(content="rules")


def test_invalid_message_error_names_index_role_and_field() -> None:
    with pytest.raises(InvalidPromptError) as caught:
        standardize_prompt(
            messages=[
                {"role": "user", "content": "ok"},
                {"role": "assistant", "content": [{"type": "tool-call", "toolCallId": "1"}]},
            ]
        )
    assert str(caught.value) == (
        "Invalid prompt: message at index 1 (role 'assistant') is invalid: "
        "content.0.tool-call.toolName: Field required; content.0.tool-call.input: Field required"
    )
    assert isinstance(caught.value.cause, ValidationError)


def test_unknown_role_is_reported_with_its_index() -> None:
    with pytest.raises(InvalidPromptError) as caught:
        standardize_prompt(messages=[{"role": "bot", "content": "x"}])
    assert str(caught.value) == (
        "Invalid prompt: message at index 0 has an invalid role 'bot'; "
        "expected one of system, user, assistant, tool."
    )


def test_instructions_forms() -> None:
    single = standardize_prompt(prompt="x", instructions={"role": "system", "content": "a"})
    assert single.instructions == [SystemModelMessage(content="a")]
    several = standardize_prompt(
        prompt="x",
        instructions=[SystemModelMessage(content="a"), {"role": "system", "content": "b"}],
    )
    assert several.instructions == [
        SystemModelMessage(content="a"),
        SystemModelMessage(content="b"),
    ]
    with pytest.raises(InvalidPromptError, match="instructions must be a string"):
        standardize_prompt(prompt="x", instructions={"role": "user", "content": "a"})
