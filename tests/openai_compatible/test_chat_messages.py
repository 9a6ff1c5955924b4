"""The prompt as chat ``messages`` on the wire: every role, part and tool output kind."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from ai_sdk.provider import (
    AssistantMessage,
    ContentOutput,
    ContentOutputFile,
    ContentOutputText,
    ErrorJsonOutput,
    ErrorTextOutput,
    ExecutionDeniedOutput,
    FileDataBytes,
    FileDataReference,
    FileDataText,
    FileDataUrl,
    FilePart,
    JsonOutput,
    Message,
    ReasoningPart,
    SystemMessage,
    TextOutput,
    TextPart,
    ToolApprovalResponsePart,
    ToolCallPart,
    ToolMessage,
    ToolResultPart,
    UnsupportedFunctionalityError,
    UserMessage,
)
from ai_sdk_openai_compatible import OpenAICompatibleProvider
from tests.openai_compatible._helpers import CHAT, chat_completion, options
from tests.openai_compatible.conftest import ProviderFactory
from tests.servers import LoopbackServer, json_reply

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
PNG_B64 = base64.b64encode(PNG).decode()
WAV = b"RIFF\x00\x00\x00\x00WAVEfmt " + b"\x00" * 8
PDF = b"%PDF-1.7 test"


@pytest.fixture(autouse=True)
def _reply(server: LoopbackServer) -> None:
    server.route(CHAT, json_reply(chat_completion({"role": "assistant", "content": "ok"})))


async def sent_messages(
    server: LoopbackServer, provider: OpenAICompatibleProvider, prompt: list[Message]
) -> list[dict[str, Any]]:
    await provider("test-model").do_generate(options(prompt))
    return server.requests[-1].json()["messages"]


async def test_system_and_single_text(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    prompt: list[Message] = [
        SystemMessage(content="Be brief."),
        UserMessage(content=[TextPart(text="Hi")]),
    ]

    assert await sent_messages(server, provider, prompt) == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
    ]


async def test_user_parts(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    prompt: list[Message] = [
        UserMessage(
            content=[
                TextPart(text="Look:"),
                FilePart(data=FileDataBytes(data=PNG), media_type="image/png"),
                FilePart(data=FileDataBytes(data=PNG_B64), media_type="image"),
                FilePart(data=FileDataUrl(url="https://example.com/cat.jpg"), media_type="image/*"),
                FilePart(
                    data=FileDataUrl(url="https://example.com/clip.mp4"), media_type="video/mp4"
                ),
                FilePart(data=FileDataBytes(data=WAV), media_type="audio/wav"),
                FilePart(data=FileDataBytes(data=b"\xff\xfb\x90"), media_type="audio/mpeg"),
                FilePart(data=FileDataBytes(data=PDF), media_type="application/pdf"),
                FilePart(
                    data=FileDataBytes(data=PDF), media_type="application/pdf", filename="a.pdf"
                ),
                FilePart(data=FileDataBytes(data="aMOpbGxv"), media_type="text/plain"),
                FilePart(data=FileDataBytes(data=b"raw text"), media_type="text/markdown"),
            ]
        )
    ]

    pdf_url = "data:application/pdf;base64," + base64.b64encode(PDF).decode()
    assert await sent_messages(server, provider, prompt) == [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Look:"},
                {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG_B64}"}},
                {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG_B64}"}},
                {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}},
                {"type": "video_url", "video_url": {"url": "https://example.com/clip.mp4"}},
                {
                    "type": "input_audio",
                    "input_audio": {"data": base64.b64encode(WAV).decode(), "format": "wav"},
                },
                {"type": "input_audio", "input_audio": {"data": "//uQ", "format": "mp3"}},
                {"type": "file", "file": {"filename": "document.pdf", "file_data": pdf_url}},
                {"type": "file", "file": {"filename": "a.pdf", "file_data": pdf_url}},
                {"type": "text", "text": "héllo"},
                {"type": "text", "text": "raw text"},
            ],
        }
    ]


@pytest.mark.parametrize(
    ("part", "message"),
    [
        (
            FilePart(
                data=FileDataReference(reference={"openai": "file-1"}), media_type="image/png"
            ),
            "file parts with provider references",
        ),
        (FilePart(data=FileDataText(text="x"), media_type="text/plain"), "text file parts"),
        (
            FilePart(data=FileDataUrl(url="https://x/a.wav"), media_type="audio/wav"),
            "audio file parts with URLs",
        ),
        (
            FilePart(data=FileDataBytes(data=b"OggS"), media_type="audio/ogg"),
            "audio media type audio/ogg",
        ),
        (
            FilePart(data=FileDataUrl(url="https://x/a.pdf"), media_type="application/pdf"),
            "PDF file parts with URLs",
        ),
        (
            FilePart(data=FileDataBytes(data=b"PK"), media_type="application/zip"),
            "file part media type application/zip",
        ),
        (
            FilePart(data=FileDataBytes(data=b"not an image"), media_type="image"),
            "could not be detected",
        ),
        (
            FilePart(data=FileDataUrl(url="https://x/a"), media_type="image/*", filename=None),
            None,
        ),
        (FilePart(data=FileDataBytes(data=b"x"), media_type="model/gltf"), "model/gltf"),
    ],
)
async def test_unsupported_user_parts(
    server: LoopbackServer,
    provider: OpenAICompatibleProvider,
    part: FilePart,
    message: str | None,
) -> None:
    prompt: list[Message] = [UserMessage(content=[TextPart(text="see"), part])]
    if message is None:  # an image URL needs no subtype: it is passed as it is
        assert (await sent_messages(server, provider, prompt))[0]["content"][1] == {
            "type": "image_url",
            "image_url": {"url": "https://x/a"},
        }
        return
    with pytest.raises(UnsupportedFunctionalityError, match=message):
        await sent_messages(server, provider, prompt)
    assert server.requests == []


async def test_extra_wire_fields_from_provider_options(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    extra = {"openaiCompatible": {"cache_control": {"type": "ephemeral"}}}
    prompt: list[Message] = [
        SystemMessage(content="sys", provider_options={"openaiCompatible": {"name": "rules"}}),
        UserMessage(content=[TextPart(text="one", provider_options=extra)]),
        UserMessage(
            content=[TextPart(text="a", provider_options=extra), TextPart(text="b")],
            provider_options={"openaiCompatible": {"name": "bob"}},
        ),
        AssistantMessage(
            content=[TextPart(text="ok")], provider_options={"openaiCompatible": {"prefix": True}}
        ),
    ]

    assert await sent_messages(server, provider, prompt) == [
        {"role": "system", "content": "sys", "name": "rules"},
        {"role": "user", "content": "one", "cache_control": {"type": "ephemeral"}},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "a", "cache_control": {"type": "ephemeral"}},
                {"type": "text", "text": "b"},
            ],
            "name": "bob",
        },
        {"role": "assistant", "content": "ok", "prefix": True},
    ]


async def test_assistant_messages(
    server: LoopbackServer, provider: OpenAICompatibleProvider
) -> None:
    call = ToolCallPart(tool_call_id="call-1", tool_name="weather", input={"city": "Paris"})
    prompt: list[Message] = [
        AssistantMessage(content=[TextPart(text="Hello "), TextPart(text="there")]),
        AssistantMessage(content=[]),
        AssistantMessage(content=[ReasoningPart(text="think"), ReasoningPart(text="ing"), call]),
        AssistantMessage(content=[TextPart(text="Checking."), call]),
        AssistantMessage(
            content=[
                ToolCallPart(
                    tool_call_id="call-2",
                    tool_name="lookup",
                    input=None,
                    provider_options={"testProvider": {"thoughtSignature": "sig-1"}},
                ),
                ToolCallPart(
                    tool_call_id="call-3",
                    tool_name="lookup",
                    input=[1, "é"],
                    provider_options={"google": {"thoughtSignature": "sig-2"}},
                ),
            ]
        ),
    ]

    weather_call = {
        "id": "call-1",
        "type": "function",
        "function": {"name": "weather", "arguments": '{"city":"Paris"}'},
    }
    assert await sent_messages(server, provider, prompt) == [
        {"role": "assistant", "content": "Hello there"},
        {"role": "assistant", "content": ""},
        {
            "role": "assistant",
            "content": None,
            "reasoning_content": "thinking",
            "tool_calls": [weather_call],
        },
        {"role": "assistant", "content": "Checking.", "tool_calls": [weather_call]},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call-2",
                    "type": "function",
                    "function": {"name": "lookup", "arguments": "null"},
                    "extra_content": {"google": {"thought_signature": "sig-1"}},
                },
                {
                    "id": "call-3",
                    "type": "function",
                    "function": {"name": "lookup", "arguments": '[1,"é"]'},
                    "extra_content": {"google": {"thought_signature": "sig-2"}},
                },
            ],
        },
    ]


async def test_empty_string_content_with_tool_calls(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    provider = make_provider(null_content_with_tool_calls=False)
    call = ToolCallPart(tool_call_id="c1", tool_name="f", input={})

    messages = await sent_messages(server, provider, [AssistantMessage(content=[call])])

    assert messages == [
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
            ],
        }
    ]


async def test_tool_results(server: LoopbackServer, provider: OpenAICompatibleProvider) -> None:
    def result(call_id: str, output: Any) -> ToolResultPart:
        return ToolResultPart(tool_call_id=call_id, tool_name="t", output=output)

    prompt: list[Message] = [
        ToolMessage(
            content=[
                result("c1", TextOutput(value="sunny")),
                result("c2", JsonOutput(value={"temp": 21, "unit": "C"})),
                result("c3", JsonOutput(value=None)),
                result("c4", ErrorTextOutput(value="boom")),
                result("c5", ErrorJsonOutput(value={"error": "bad"})),
                result("c6", ExecutionDeniedOutput()),
                result("c7", ExecutionDeniedOutput(reason="Not allowed.")),
                result(
                    "c8",
                    ContentOutput(
                        value=[
                            ContentOutputText(text="chart:"),
                            ContentOutputFile(
                                data=FileDataBytes(data=b"\x01\x02"), media_type="image/png"
                            ),
                        ]
                    ),
                ),
                ToolApprovalResponsePart(approval_id="a1", approved=True),
            ]
        ),
        ToolMessage(
            content=[
                ToolResultPart(
                    tool_call_id="c9",
                    tool_name="t",
                    output=TextOutput(value="x"),
                    provider_options={"openaiCompatible": {"name": "t"}},
                )
            ]
        ),
    ]

    assert await sent_messages(server, provider, prompt) == [
        {"role": "tool", "tool_call_id": "c1", "content": "sunny"},
        {"role": "tool", "tool_call_id": "c2", "content": '{"temp":21,"unit":"C"}'},
        {"role": "tool", "tool_call_id": "c3", "content": "null"},
        {"role": "tool", "tool_call_id": "c4", "content": "boom"},
        {"role": "tool", "tool_call_id": "c5", "content": '{"error":"bad"}'},
        {"role": "tool", "tool_call_id": "c6", "content": "Tool call execution denied."},
        {"role": "tool", "tool_call_id": "c7", "content": "Not allowed."},
        {
            "role": "tool",
            "tool_call_id": "c8",
            "content": (
                '[{"type":"text","text":"chart:"},{"type":"file","data":{"type":"data",'
                '"data":"AQI="},"mediaType":"image/png"}]'
            ),
        },
        {"role": "tool", "tool_call_id": "c9", "content": "x", "name": "t"},
    ]
