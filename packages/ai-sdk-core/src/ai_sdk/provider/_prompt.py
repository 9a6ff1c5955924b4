"""The standardized prompt a language model receives: messages by role, parts, tool outputs."""

from typing import Annotated, ClassVar, Literal, TypeAlias

from pydantic import Field

from ai_sdk.provider._shared import FileData, GeneratedFileData
from ai_sdk.provider._wire import JSONValue, KeepsJSONNull, ProviderOptions, WireModel

__all__ = [
    "AssistantContentPart",
    "AssistantMessage",
    "ContentOutput",
    "ContentOutputCustom",
    "ContentOutputFile",
    "ContentOutputItem",
    "ContentOutputText",
    "CustomPart",
    "ErrorJsonOutput",
    "ErrorTextOutput",
    "ExecutionDeniedOutput",
    "FilePart",
    "JsonOutput",
    "Message",
    "Prompt",
    "ReasoningFilePart",
    "ReasoningPart",
    "SystemMessage",
    "TextOutput",
    "TextPart",
    "ToolApprovalResponsePart",
    "ToolCallPart",
    "ToolContentPart",
    "ToolMessage",
    "ToolResultOutput",
    "ToolResultPart",
    "UserContentPart",
    "UserMessage",
]


# --- parts ----------------------------------------------------------------------------------


class TextPart(WireModel):
    """Text in a user or assistant message."""

    type: Literal["text"] = "text"
    text: str
    provider_options: ProviderOptions | None = None


class ReasoningPart(WireModel):
    """Reasoning text the assistant produced earlier in the conversation."""

    type: Literal["reasoning"] = "reasoning"
    text: str
    provider_options: ProviderOptions | None = None


class ReasoningFilePart(WireModel):
    """A file the assistant produced while reasoning."""

    type: Literal["reasoning-file"] = "reasoning-file"
    data: GeneratedFileData
    media_type: str
    """IANA media type, e.g. `image/png`."""
    provider_options: ProviderOptions | None = None


class CustomPart(WireModel):
    """Provider-specific content that has no standard part, named `<provider>.<type>`."""

    type: Literal["custom"] = "custom"
    kind: str
    """`<provider>.<type>`, e.g. `openai.compaction`."""
    provider_options: ProviderOptions | None = None


class FilePart(WireModel):
    """A file (image, PDF, audio, ...) in a user or assistant message."""

    type: Literal["file"] = "file"
    data: FileData
    media_type: str
    """A full media type (`image/png`) or a top-level one (`image`); `image/*` means `image`."""
    filename: str | None = None
    provider_options: ProviderOptions | None = None


class ToolCallPart(KeepsJSONNull):
    """A tool call the assistant made earlier in the conversation."""

    _json_null_fields: ClassVar[tuple[str, ...]] = ("input",)

    type: Literal["tool-call"] = "tool-call"
    tool_call_id: str
    tool_name: str
    input: JSONValue
    """The tool input as parsed JSON (unlike `ToolCallContent.input`, which is JSON text)."""
    provider_executed: bool | None = None
    """Whether the provider ran the tool itself."""
    provider_options: ProviderOptions | None = None


class ToolApprovalResponsePart(WireModel):
    """The user's answer to a tool approval request."""

    type: Literal["tool-approval-response"] = "tool-approval-response"
    approval_id: str
    """The id of the `tool-approval-request` this answers."""
    approved: bool
    reason: str | None = None
    provider_executed: bool | None = None
    """Whether the call is provider-executed: only those answers are sent to the model."""
    provider_options: ProviderOptions | None = None


# --- tool result outputs --------------------------------------------------------------------


class TextOutput(WireModel):
    """A tool result given as text."""

    type: Literal["text"] = "text"
    value: str
    provider_options: ProviderOptions | None = None


class JsonOutput(KeepsJSONNull):
    """A tool result given as JSON (`null` included)."""

    _json_null_fields: ClassVar[tuple[str, ...]] = ("value",)

    type: Literal["json"] = "json"
    value: JSONValue
    provider_options: ProviderOptions | None = None


class ExecutionDeniedOutput(WireModel):
    """The tool was not run because its execution was denied (e.g. approval refused)."""

    type: Literal["execution-denied"] = "execution-denied"
    reason: str | None = None
    provider_options: ProviderOptions | None = None


class ErrorTextOutput(WireModel):
    """A tool failure described as text."""

    type: Literal["error-text"] = "error-text"
    value: str
    provider_options: ProviderOptions | None = None


class ErrorJsonOutput(KeepsJSONNull):
    """A tool failure described as JSON."""

    _json_null_fields: ClassVar[tuple[str, ...]] = ("value",)

    type: Literal["error-json"] = "error-json"
    value: JSONValue
    provider_options: ProviderOptions | None = None


class ContentOutputText(WireModel):
    """Text inside a `ContentOutput`."""

    type: Literal["text"] = "text"
    text: str
    provider_options: ProviderOptions | None = None


class ContentOutputFile(WireModel):
    """A file inside a `ContentOutput`."""

    type: Literal["file"] = "file"
    data: FileData
    media_type: str
    filename: str | None = None
    provider_options: ProviderOptions | None = None


class ContentOutputCustom(WireModel):
    """Provider-specific content inside a `ContentOutput`, described by its provider options."""

    type: Literal["custom"] = "custom"
    provider_options: ProviderOptions | None = None


ContentOutputItem: TypeAlias = Annotated[
    ContentOutputText | ContentOutputFile | ContentOutputCustom, Field(discriminator="type")
]
"""One item of a `ContentOutput`, tagged by `type`."""


class ContentOutput(WireModel):
    """A tool result made of several items (text, files, custom content)."""

    type: Literal["content"] = "content"
    value: list[ContentOutputItem]


ToolResultOutput: TypeAlias = Annotated[
    TextOutput
    | JsonOutput
    | ExecutionDeniedOutput
    | ErrorTextOutput
    | ErrorJsonOutput
    | ContentOutput,
    Field(discriminator="type"),
]
"""The output of a tool as the model sees it, tagged by `type`."""


class ToolResultPart(WireModel):
    """The result of a tool call."""

    type: Literal["tool-result"] = "tool-result"
    tool_call_id: str
    tool_name: str
    output: ToolResultOutput
    provider_options: ProviderOptions | None = None


# --- messages -------------------------------------------------------------------------------

UserContentPart: TypeAlias = Annotated[TextPart | FilePart, Field(discriminator="type")]
"""A part of a user message."""

AssistantContentPart: TypeAlias = Annotated[
    TextPart
    | FilePart
    | CustomPart
    | ReasoningPart
    | ReasoningFilePart
    | ToolCallPart
    | ToolResultPart,
    Field(discriminator="type"),
]
"""A part of an assistant message (tool results only for provider-executed tools)."""

ToolContentPart: TypeAlias = Annotated[
    ToolResultPart | ToolApprovalResponsePart, Field(discriminator="type")
]
"""A part of a tool message."""


class SystemMessage(WireModel):
    """Instructions for the model."""

    role: Literal["system"] = "system"
    content: str
    provider_options: ProviderOptions | None = None


class UserMessage(WireModel):
    """A message from the user."""

    role: Literal["user"] = "user"
    content: list[UserContentPart]
    provider_options: ProviderOptions | None = None


class AssistantMessage(WireModel):
    """A message the model produced earlier in the conversation."""

    role: Literal["assistant"] = "assistant"
    content: list[AssistantContentPart]
    provider_options: ProviderOptions | None = None


class ToolMessage(WireModel):
    """Tool results and approval answers sent back to the model."""

    role: Literal["tool"] = "tool"
    content: list[ToolContentPart]
    provider_options: ProviderOptions | None = None


Message: TypeAlias = Annotated[
    SystemMessage | UserMessage | AssistantMessage | ToolMessage, Field(discriminator="role")
]
"""One prompt message, tagged by `role`."""

Prompt: TypeAlias = list[Message]
"""The standardized prompt: the messages a language model receives, in order."""
