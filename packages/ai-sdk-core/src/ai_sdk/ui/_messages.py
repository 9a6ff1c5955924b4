"""UI messages: the chat history as the TypeScript `useChat` holds it and posts it to the server.

They are pydantic models because they arrive as JSON from browsers: `validate_ui_messages` checks
them once at the boundary. Keys are camelCase on the wire and snake_case here; unknown keys are
ignored (the client echoes fields of newer versions back, such as ``title`` or ``citations``).
Unlike the spec's wire models they are mutable: a message is assembled in place while a stream
is read (`read_ui_message_stream`), as on the client.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, TypeAlias, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    Tag,
    model_serializer,
)
from pydantic.alias_generators import to_camel

from ai_sdk.provider import JSONObject, JSONValue, ProviderMetadata

__all__ = [
    "CustomUIPart",
    "DataUIPart",
    "DynamicToolUIPart",
    "FileUIPart",
    "ReasoningFileUIPart",
    "ReasoningUIPart",
    "SourceDocumentUIPart",
    "SourceUrlUIPart",
    "StepStartUIPart",
    "TextUIPart",
    "ToolUIPart",
    "ToolUIPartState",
    "UIMessage",
    "UIMessagePart",
    "UIToolApproval",
    "get_tool_name",
    "is_tool_ui_part",
]

ToolUIPartState: TypeAlias = Literal[
    "input-streaming",
    "input-available",
    "approval-requested",
    "approval-responded",
    "output-available",
    "output-error",
    "output-denied",
]
"""Where a tool call stands: its input streams in, is complete, waits for or got an approval,
and ends with an output, an error or a denial."""


class _UIModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="ignore",
        defer_build=True,
        protected_namespaces=(),
    )

    # JSON-valued fields whose None is JSON null (kept by `to_json`), not "absent".
    _json_null_fields: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _keep_json_nulls(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if info.exclude_none:
            for name in self._kept_nulls():
                if getattr(self, name) is None:
                    data[to_camel(name) if info.by_alias else name] = None
        return data

    def _kept_nulls(self) -> tuple[str, ...]:
        return self._json_null_fields

    def to_json(self) -> dict[str, Any]:
        """The JSON object the TS client uses (camelCase; unset optional fields left out)."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class TextUIPart(_UIModel):
    """Text."""

    type: Literal["text"] = "text"
    text: str
    state: Literal["streaming", "done"] | None = None
    """``streaming`` while its deltas arrive."""
    provider_metadata: ProviderMetadata | None = None


class ReasoningUIPart(_UIModel):
    """The model's reasoning."""

    type: Literal["reasoning"] = "reasoning"
    text: str
    id: str | None = None
    state: Literal["streaming", "done"] | None = None
    provider_metadata: ProviderMetadata | None = None


class CustomUIPart(_UIModel):
    """Provider-specific content."""

    type: Literal["custom"] = "custom"
    kind: str
    provider_metadata: ProviderMetadata | None = None


class SourceUrlUIPart(_UIModel):
    """A cited web page."""

    type: Literal["source-url"] = "source-url"
    source_id: str
    url: str
    title: str | None = None
    provider_metadata: ProviderMetadata | None = None


class SourceDocumentUIPart(_UIModel):
    """A cited document."""

    type: Literal["source-document"] = "source-document"
    source_id: str
    media_type: str
    title: str
    filename: str | None = None
    provider_metadata: ProviderMetadata | None = None


class FileUIPart(_UIModel):
    """A file: a hosted URL or a ``data:`` URL, or a file uploaded to a provider."""

    type: Literal["file"] = "file"
    media_type: str
    """A full media type, or only the top-level type (``image``)."""
    url: str
    filename: str | None = None
    provider_reference: dict[str, str] | None = None
    """``{provider: file_id}``: wins over ``url`` when converted for the model."""
    provider_metadata: ProviderMetadata | None = None


class ReasoningFileUIPart(_UIModel):
    """A file the model produced while reasoning."""

    type: Literal["reasoning-file"] = "reasoning-file"
    media_type: str
    url: str
    provider_metadata: ProviderMetadata | None = None


class StepStartUIPart(_UIModel):
    """The boundary between two steps (model calls) of an assistant message."""

    type: Literal["step-start"] = "step-start"


class DataUIPart(_UIModel):
    """Your own data (``type`` is ``"data-<name>"``)."""

    _json_null_fields: ClassVar[tuple[str, ...]] = ("data",)
    type: Annotated[str, Field(pattern=r"^data-.+")]
    id: str | None = None
    data: JSONValue


class UIToolApproval(_UIModel):
    """The approval of a tool call: requested (``approved`` is ``None``) or answered."""

    id: str
    approved: bool | None = None
    reason: str | None = None
    is_automatic: bool | None = None
    signature: str | None = None
    """The server's HMAC over the call; must come back unchanged with the answer."""


class _ToolPartBase(_UIModel):
    tool_call_id: str
    state: ToolUIPartState
    input: JSONValue = None
    """The input (partial while ``input-streaming``)."""
    output: JSONValue = None
    """``output-available`` only: the result."""
    error_text: str | None = None
    """``output-error`` only: what went wrong (as the server chose to tell)."""
    raw_input: JSONValue = None
    """``output-error`` of an invalid call: the input as the model sent it."""
    preliminary: bool | None = None
    provider_executed: bool | None = None
    call_provider_metadata: ProviderMetadata | None = None
    result_provider_metadata: ProviderMetadata | None = None
    title: str | None = None
    tool_metadata: JSONObject | None = None
    approval: UIToolApproval | None = None

    def _kept_nulls(self) -> tuple[str, ...]:
        # A null input or output is a value (a tool may return None), but only in the states
        # that have one: an input still streaming, or an invalid call's, is absent.
        if self.state == "output-available":
            return ("input", "output")
        if self.state in ("input-streaming", "output-error"):
            return ()
        return ("input",)


class ToolUIPart(_ToolPartBase):
    """A call of a tool known to the UI (``type`` is ``"tool-<name>"``)."""

    type: Annotated[str, Field(pattern=r"^tool-.+")]


class DynamicToolUIPart(_ToolPartBase):
    """A call of a dynamic tool (inputs typed only at run time)."""

    type: Literal["dynamic-tool"] = "dynamic-tool"
    tool_name: str


def _part_tag(value: Any) -> str | None:
    kind: object = (
        cast("dict[str, object]", value).get("type")
        if isinstance(value, dict)
        else getattr(value, "type", None)
    )
    if not isinstance(kind, str):
        return None
    if kind.startswith("tool-"):
        return "tool"
    if kind.startswith("data-"):
        return "data"
    return kind


UIMessagePart: TypeAlias = Annotated[
    Annotated[TextUIPart, Tag("text")]
    | Annotated[ReasoningUIPart, Tag("reasoning")]
    | Annotated[CustomUIPart, Tag("custom")]
    | Annotated[SourceUrlUIPart, Tag("source-url")]
    | Annotated[SourceDocumentUIPart, Tag("source-document")]
    | Annotated[FileUIPart, Tag("file")]
    | Annotated[ReasoningFileUIPart, Tag("reasoning-file")]
    | Annotated[StepStartUIPart, Tag("step-start")]
    | Annotated[DataUIPart, Tag("data")]
    | Annotated[ToolUIPart, Tag("tool")]
    | Annotated[DynamicToolUIPart, Tag("dynamic-tool")],
    Discriminator(_part_tag),
]
"""One part of a UI message, tagged by ``type``."""


class UIMessage(_UIModel):
    """One message of the chat as the UI shows it: an id, a role, metadata and parts."""

    id: str
    role: Literal["system", "user", "assistant"]
    metadata: JSONValue = None
    parts: list[UIMessagePart] = Field(default_factory=list[UIMessagePart])


def is_tool_ui_part(part: object) -> bool:
    """Whether ``part`` is a tool call part (static ``tool-<name>`` or ``dynamic-tool``)."""
    return isinstance(part, ToolUIPart | DynamicToolUIPart)


def get_tool_name(part: ToolUIPart | DynamicToolUIPart) -> str:
    """The tool's name: ``tool_name`` of a dynamic part, else ``type`` without ``tool-``."""
    if isinstance(part, DynamicToolUIPart):
        return part.tool_name
    return part.type[len("tool-") :]
