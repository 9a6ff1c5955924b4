"""The messages users write (and get back as response messages), looser than the spec prompt.

Compared with `ai_sdk.provider.Message`, content may be a plain string, files may be given as
bytes, base64 text, a URL string or a tagged `FileData`, and the legacy `image` part is accepted.
Every class also accepts plain dicts (snake_case or camelCase keys) wherever a message is expected;
`ai_sdk.prompt.standardize_prompt` validates them.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias, cast

from pydantic import BeforeValidator, Field, Strict

from ai_sdk.provider import (
    CustomPart,
    FileDataBytes,
    FileDataReference,
    FileDataText,
    FileDataUrl,
    ProviderOptions,
    ReasoningPart,
    TextPart,
    ToolApprovalResponsePart,
    ToolCallPart,
    ToolResultPart,
    WireModel,
)
from ai_sdk.provider._wire import WireBytes

__all__ = [
    "AssistantModelMessage",
    "FilePart",
    "FilePartData",
    "ImagePart",
    "Instructions",
    "ModelMessage",
    "ReasoningFilePart",
    "ResponseMessage",
    "SystemModelMessage",
    "ToolApprovalRequestPart",
    "ToolModelMessage",
    "UserModelMessage",
]


def _plain_bytes(value: object) -> object:
    # bytearray and memoryview are accepted as data too; pydantic's strict bytes is not.
    if isinstance(value, bytearray | memoryview):
        return bytes(cast("bytearray", value))
    return value


FilePartData: TypeAlias = Annotated[
    Annotated[
        Annotated[
            FileDataBytes | FileDataUrl | FileDataReference | FileDataText,
            Field(discriminator="type"),
        ]
        | Annotated[str, Strict()]
        | Annotated[WireBytes, Strict()]
        | dict[str, str],
        Field(union_mode="left_to_right"),
    ],
    BeforeValidator(_plain_bytes),
]
"""File content as users give it.

- ``bytes`` (also ``bytearray``/``memoryview``): inline data;
- ``str``: a URL (``https://...``, ``data:...``) when it starts with a scheme, else base64 text;
- a tagged `FileData` (``FileDataBytes``, ``FileDataUrl``, ``FileDataReference``, ``FileDataText``);
- a ``{provider: file_id}`` dict: a file uploaded to a provider.
"""


class ImagePart(WireModel):
    """An image in a user message (legacy: prefer `FilePart` with ``media_type="image"``)."""

    type: Literal["image"] = "image"
    image: FilePartData
    """The image: bytes, base64 text, a URL string or tagged file data."""
    media_type: str | None = None
    """The media type; sniffed from the bytes, or ``image`` when unknown."""
    provider_options: ProviderOptions | None = None


class FilePart(WireModel):
    """A file (image, PDF, audio, ...) in a user or assistant message."""

    type: Literal["file"] = "file"
    data: FilePartData
    """The content: bytes, base64 text, a URL string, tagged file data or a provider reference."""
    media_type: str
    """A full media type (``application/pdf``) or only the top-level type (``image``)."""
    filename: str | None = None
    provider_options: ProviderOptions | None = None


class ReasoningFilePart(WireModel):
    """A file the assistant produced while reasoning."""

    type: Literal["reasoning-file"] = "reasoning-file"
    data: FilePartData
    media_type: str
    provider_options: ProviderOptions | None = None


class ToolApprovalRequestPart(WireModel):
    """A request, earlier in the conversation, to approve a tool call before it runs."""

    type: Literal["tool-approval-request"] = "tool-approval-request"
    approval_id: str
    tool_call_id: str
    reason: str | None = None
    """Why approval was asked for."""
    is_automatic: bool | None = None
    """Whether the SDK answered the request itself (from the approval configuration)."""
    signature: str | None = None
    provider_options: ProviderOptions | None = None


UserContentPart: TypeAlias = Annotated[TextPart | ImagePart | FilePart, Field(discriminator="type")]
AssistantContentPart: TypeAlias = Annotated[
    TextPart
    | FilePart
    | ReasoningPart
    | ReasoningFilePart
    | CustomPart
    | ToolCallPart
    | ToolResultPart
    | ToolApprovalRequestPart,
    Field(discriminator="type"),
]
ToolContentPart: TypeAlias = Annotated[
    ToolResultPart | ToolApprovalResponsePart, Field(discriminator="type")
]


class SystemModelMessage(WireModel):
    """Instructions for the model (pass them as ``instructions=``/``system=``)."""

    role: Literal["system"] = "system"
    content: str
    provider_options: ProviderOptions | None = None


class UserModelMessage(WireModel):
    """A message from the user: text, or a list of text, image and file parts."""

    role: Literal["user"] = "user"
    content: str | list[UserContentPart]
    provider_options: ProviderOptions | None = None


class AssistantModelMessage(WireModel):
    """A message the model produced: text, or a list of parts (text, reasoning, tool calls...)."""

    role: Literal["assistant"] = "assistant"
    content: str | list[AssistantContentPart]
    provider_options: ProviderOptions | None = None


class ToolModelMessage(WireModel):
    """The results of the tool calls of the preceding assistant message."""

    role: Literal["tool"] = "tool"
    content: list[ToolContentPart]
    provider_options: ProviderOptions | None = None


ModelMessage: TypeAlias = Annotated[
    SystemModelMessage | UserModelMessage | AssistantModelMessage | ToolModelMessage,
    Field(discriminator="role"),
]
"""One message of a conversation, tagged by ``role``."""

ResponseMessage: TypeAlias = AssistantModelMessage | ToolModelMessage
"""A message a call produced: append them to the history to continue the conversation."""

Instructions: TypeAlias = str | SystemModelMessage | list[SystemModelMessage]
"""System instructions: text, one system message, or several."""
