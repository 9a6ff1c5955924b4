"""The standardized prompt as OpenAI chat ``messages``.

Choices that matter for real servers: an assistant turn sends ``content: null`` only when it has
tool calls (OpenAI rejects null otherwise; Bedrock, xAI and DeepSeek reject ``""`` next to tool
calls), earlier reasoning goes back as ``reasoning_content`` (DeepSeek's thinking mode answers
400 without it), and every message or part may carry extra wire fields under
``provider_options["openaiCompatible"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic_core import to_json

from ai_sdk.provider import (
    AssistantMessage,
    ContentOutput,
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
    ProviderOptions,
    SystemMessage,
    TextOutput,
    TextPart,
    ToolCallPart,
    ToolMessage,
    ToolResultPart,
    UnsupportedFunctionalityError,
    UserMessage,
    to_wire,
)
from ai_sdk.provider_utils import convert_base64_to_bytes, convert_to_base64, detect_media_type

__all__ = ["convert_to_chat_messages", "json_text"]

_AUDIO_FORMATS = {"audio/wav": "wav", "audio/mp3": "mp3", "audio/mpeg": "mp3"}
_EXTRA_KEY = "openaiCompatible"


def json_text(value: object) -> str:
    """Compact JSON text, as JavaScript's ``JSON.stringify`` writes it."""
    return to_json(value).decode()


def _extra(provider_options: ProviderOptions | None) -> dict[str, Any]:
    if not provider_options:
        return {}
    return dict(provider_options.get(_EXTRA_KEY) or {})


def _full_media_type(part: FilePart) -> str:
    """``part.media_type`` with its subtype, sniffed from inline bytes when only ``image`` (or
    ``image/*``) was given."""
    top, _, sub = part.media_type.partition("/")
    if sub and sub != "*":
        return part.media_type
    if isinstance(part.data, FileDataBytes):
        detected = detect_media_type(part.data.data, top)
        if detected is not None:
            return detected
        reason = "it could not be detected from the data"
    else:
        reason = "it is not given as inline data"
    raise UnsupportedFunctionalityError(
        functionality=f'file of media type "{part.media_type}"',
        message=(
            f'File parts of media type "{part.media_type}" need a full media type (such as '
            f'"{top}/png") because {reason}.'
        ),
    )


def _data_url(part: FilePart, data: FileDataBytes) -> str:
    return f"data:{_full_media_type(part)};base64,{convert_to_base64(data.data)}"


def _file_part(part: FilePart) -> dict[str, Any]:
    data = part.data
    if isinstance(data, FileDataReference):
        raise UnsupportedFunctionalityError(functionality="file parts with provider references")
    if isinstance(data, FileDataText):
        raise UnsupportedFunctionalityError(functionality="text file parts")
    top = part.media_type.partition("/")[0].lower()
    if top in ("image", "video"):
        url = data.url if isinstance(data, FileDataUrl) else _data_url(part, data)
        kind = "image_url" if top == "image" else "video_url"
        return {"type": kind, kind: {"url": url}}
    if top == "audio":
        if isinstance(data, FileDataUrl):
            raise UnsupportedFunctionalityError(functionality="audio file parts with URLs")
        media_type = _full_media_type(part)
        audio_format = _AUDIO_FORMATS.get(media_type)
        if audio_format is None:
            raise UnsupportedFunctionalityError(functionality=f"audio media type {media_type}")
        return {
            "type": "input_audio",
            "input_audio": {"data": convert_to_base64(data.data), "format": audio_format},
        }
    if top == "application":
        if isinstance(data, FileDataUrl):
            raise UnsupportedFunctionalityError(functionality="PDF file parts with URLs")
        media_type = _full_media_type(part)
        if media_type != "application/pdf":
            raise UnsupportedFunctionalityError(functionality=f"file part media type {media_type}")
        return {
            "type": "file",
            "file": {
                "filename": part.filename or "document.pdf",
                "file_data": f"data:application/pdf;base64,{convert_to_base64(data.data)}",
            },
        }
    if top == "text":
        if isinstance(data, FileDataUrl):
            text = data.url
        else:
            raw = data.data
            content = convert_base64_to_bytes(raw) if isinstance(raw, str) else raw
            text = content.decode("utf-8", "replace")
        return {"type": "text", "text": text}
    raise UnsupportedFunctionalityError(functionality=f"file part media type {part.media_type}")


def _user_message(message: UserMessage) -> dict[str, Any]:
    content = message.content
    if len(content) == 1 and isinstance(content[0], TextPart):
        only = content[0]
        return {"role": "user", "content": only.text, **_extra(only.provider_options)}
    parts: list[dict[str, Any]] = []
    for part in content:
        if isinstance(part, TextPart):
            wire: dict[str, Any] = {"type": "text", "text": part.text}
        else:
            wire = _file_part(part)
        parts.append({**wire, **_extra(part.provider_options)})
    return {"role": "user", "content": parts, **_extra(message.provider_options)}


def _tool_call(part: ToolCallPart, signature_keys: Sequence[str]) -> dict[str, Any]:
    call: dict[str, Any] = {
        "id": part.tool_call_id,
        "type": "function",
        "function": {"name": part.tool_name, "arguments": json_text(part.input)},
        **_extra(part.provider_options),
    }
    options = part.provider_options or {}
    signature = next(
        (
            found
            for key in signature_keys
            if (found := (options.get(key) or {}).get("thoughtSignature"))
        ),
        None,
    )
    if signature:  # Gemini's OpenAI endpoint wants its thought signatures back
        call["extra_content"] = {"google": {"thought_signature": str(signature)}}
    return call


def _assistant_message(
    message: AssistantMessage, signature_keys: Sequence[str], null_content: bool
) -> dict[str, Any]:
    text: list[str] = []
    reasoning: list[str] = []
    tool_calls: list[dict[str, Any]] = []
    for part in message.content:
        if part.type == "text":
            text.append(part.text)
        elif part.type == "reasoning":
            reasoning.append(part.text)
        elif part.type == "tool-call":
            tool_calls.append(_tool_call(part, signature_keys))
    joined = "".join(text)
    wire: dict[str, Any] = {
        "role": "assistant",
        "content": (joined or None) if tool_calls and null_content else joined,
    }
    reasoning_text = "".join(reasoning)
    if reasoning_text:
        wire["reasoning_content"] = reasoning_text
    if tool_calls:
        wire["tool_calls"] = tool_calls
    wire.update(_extra(message.provider_options))
    return wire


def _tool_output_text(part: ToolResultPart) -> str:
    output = part.output
    if isinstance(output, TextOutput | ErrorTextOutput):
        return output.value
    if isinstance(output, ExecutionDeniedOutput):
        return output.reason if output.reason is not None else "Tool call execution denied."
    if isinstance(output, JsonOutput | ErrorJsonOutput):
        return json_text(output.value)
    assert isinstance(output, ContentOutput)
    return json_text([to_wire(item) for item in output.value])


def _tool_messages(message: ToolMessage) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    for part in message.content:
        if not isinstance(part, ToolResultPart):  # approval answers are not sent to the model
            continue
        messages.append(
            {
                "role": "tool",
                "tool_call_id": part.tool_call_id,
                "content": _tool_output_text(part),
                **_extra(part.provider_options),
            }
        )
    return messages


def convert_to_chat_messages(
    prompt: list[Message],
    *,
    signature_keys: Sequence[str] = ("google",),
    null_content_with_tool_calls: bool = True,
) -> list[dict[str, Any]]:
    """The prompt as OpenAI chat messages.

    Args:
        prompt: the standardized prompt.
        signature_keys: the provider option keys under which a tool call part may carry a
            Gemini ``thoughtSignature`` to send back, in order of preference.
        null_content_with_tool_calls: send ``content: null`` (rather than ``""``) for an
            assistant turn that has tool calls but no text.

    Raises:
        UnsupportedFunctionalityError: a part the chat API cannot carry (a provider file
            reference, audio or PDF by URL, an unknown media type).
    """
    messages: list[dict[str, Any]] = []
    for message in prompt:
        if isinstance(message, SystemMessage):
            messages.append(
                {"role": "system", "content": message.content, **_extra(message.provider_options)}
            )
        elif isinstance(message, UserMessage):
            messages.append(_user_message(message))
        elif isinstance(message, AssistantMessage):
            messages.append(
                _assistant_message(message, signature_keys, null_content_with_tool_calls)
            )
        else:
            messages.extend(_tool_messages(message))
    return messages
