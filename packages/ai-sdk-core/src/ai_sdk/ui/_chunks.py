"""The UI message stream's chunks: what a chat server sends and the TypeScript `useChat` reads.

Each chunk is a slotted dataclass with a class-level ``type`` (as the stream parts), built once per
streamed token on the server, so construction stays cheap. `chunk_to_json` writes the exact JSON
the TS client validates: camelCase keys, optional fields left out when ``None`` (zod's
``.optional()`` rejects ``null``), but the value slots ``input``, ``output`` and ``data`` always
present (they are required keys that may hold ``null``). `parse_ui_message_chunk` reads the JSON
back (Python clients, tests), rejecting unknown types as the TS client does.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal, TypeAlias, cast

from pydantic import ConfigDict, TypeAdapter, ValidationError
from pydantic.alias_generators import to_camel

from ai_sdk.provider import JSONObject, JSONValue, ProviderMetadata, TypeValidationError

__all__ = [
    "UI_FINISH_REASONS",
    "AbortChunk",
    "CustomChunk",
    "DataChunk",
    "ErrorChunk",
    "FileChunk",
    "FinishChunk",
    "FinishStepChunk",
    "MessageMetadataChunk",
    "ReasoningDeltaChunk",
    "ReasoningEndChunk",
    "ReasoningFileChunk",
    "ReasoningStartChunk",
    "ResetStepChunk",
    "SourceDocumentChunk",
    "SourceUrlChunk",
    "StartChunk",
    "StartStepChunk",
    "TextDeltaChunk",
    "TextEndChunk",
    "TextStartChunk",
    "ToolApprovalRequestChunk",
    "ToolApprovalResponseChunk",
    "ToolInputAvailableChunk",
    "ToolInputDeltaChunk",
    "ToolInputErrorChunk",
    "ToolInputStartChunk",
    "ToolOutputAvailableChunk",
    "ToolOutputDeniedChunk",
    "ToolOutputErrorChunk",
    "UIFinishReason",
    "UIMessageChunk",
    "chunk_to_json",
    "parse_ui_message_chunk",
]

UIFinishReason: TypeAlias = Literal[
    "stop", "length", "content-filter", "tool-calls", "error", "other"
]
"""The finish reasons the TS client accepts on a ``finish`` chunk."""

UI_FINISH_REASONS: frozenset[str] = frozenset(
    ("stop", "length", "content-filter", "tool-calls", "error", "other")
)

# Read by pydantic only when a chunk is parsed back from JSON (`parse_ui_message_chunk`).
_PYDANTIC_CONFIG = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore")


class _Chunk:
    __slots__ = ()
    __pydantic_config__: ClassVar[ConfigDict] = _PYDANTIC_CONFIG
    _json_value_fields: ClassVar[tuple[str, ...]] = ()


@dataclass(slots=True, kw_only=True)
class StartChunk(_Chunk):
    """The response message starts; carries its id (persistence) and metadata."""

    type: ClassVar[Literal["start"]] = "start"
    message_metadata: JSONValue = None
    """Metadata of the message (``message_metadata=`` callback), merged into the client's."""
    message_id: str | None = None
    """The response message's id; on a continuation, the continued message's id."""


@dataclass(frozen=True, slots=True)
class StartStepChunk(_Chunk):
    """A step (one model call) starts: the client adds a ``step-start`` part."""

    type: ClassVar[Literal["start-step"]] = "start-step"


@dataclass(frozen=True, slots=True)
class FinishStepChunk(_Chunk):
    """A step ends: the client closes the step's open text and reasoning parts."""

    type: ClassVar[Literal["finish-step"]] = "finish-step"


@dataclass(frozen=True, slots=True)
class ResetStepChunk(_Chunk):
    """Drop the parts of the current step (newer clients only: ``ai`` >= 7.0.70)."""

    type: ClassVar[Literal["reset-step"]] = "reset-step"


@dataclass(frozen=True, slots=True, kw_only=True)
class TextStartChunk(_Chunk):
    """A text part starts; its deltas and end carry the same ``id``."""

    type: ClassVar[Literal["text-start"]] = "text-start"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)  # not frozen: made once per token (see generate_text/_parts)
class TextDeltaChunk(_Chunk):
    """A piece of text for the open text part ``id``."""

    type: ClassVar[Literal["text-delta"]] = "text-delta"
    id: str
    delta: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TextEndChunk(_Chunk):
    """The text part ``id`` is complete."""

    type: ClassVar[Literal["text-end"]] = "text-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasoningStartChunk(_Chunk):
    """A reasoning part starts."""

    type: ClassVar[Literal["reasoning-start"]] = "reasoning-start"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)  # not frozen: made once per token
class ReasoningDeltaChunk(_Chunk):
    """A piece of reasoning text."""

    type: ClassVar[Literal["reasoning-delta"]] = "reasoning-delta"
    id: str
    delta: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasoningEndChunk(_Chunk):
    """The reasoning part ``id`` is complete."""

    type: ClassVar[Literal["reasoning-end"]] = "reasoning-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomChunk(_Chunk):
    """Provider-specific content (``kind`` is ``"<provider>.<type>"``)."""

    type: ClassVar[Literal["custom"]] = "custom"
    kind: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolInputStartChunk(_Chunk):
    """The model starts streaming a tool call's input."""

    type: ClassVar[Literal["tool-input-start"]] = "tool-input-start"
    tool_call_id: str
    tool_name: str
    provider_executed: bool | None = None
    provider_metadata: ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None
    dynamic: bool | None = None
    """``True`` for dynamic tools (the client makes a ``dynamic-tool`` part)."""
    title: str | None = None


@dataclass(slots=True, kw_only=True)  # not frozen: made once per token
class ToolInputDeltaChunk(_Chunk):
    """A piece of a tool call's input JSON text."""

    type: ClassVar[Literal["tool-input-delta"]] = "tool-input-delta"
    tool_call_id: str
    input_text_delta: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolInputAvailableChunk(_Chunk):
    """A tool call's complete input."""

    type: ClassVar[Literal["tool-input-available"]] = "tool-input-available"
    _json_value_fields: ClassVar[tuple[str, ...]] = ("input",)
    tool_call_id: str
    tool_name: str
    input: JSONValue
    provider_executed: bool | None = None
    provider_metadata: ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None
    dynamic: bool | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolInputErrorChunk(_Chunk):
    """A tool call whose input could not be parsed or validated (or names an unknown tool)."""

    type: ClassVar[Literal["tool-input-error"]] = "tool-input-error"
    _json_value_fields: ClassVar[tuple[str, ...]] = ("input",)
    tool_call_id: str
    tool_name: str
    input: JSONValue
    """The raw input as the model sent it."""
    provider_executed: bool | None = None
    provider_metadata: ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None
    dynamic: bool | None = None
    error_text: str
    title: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolApprovalRequestChunk(_Chunk):
    """A tool call waits for the user's approval."""

    type: ClassVar[Literal["tool-approval-request"]] = "tool-approval-request"
    approval_id: str
    tool_call_id: str
    is_automatic: bool | None = None
    """``True`` when the server's approval policy answered it (a response chunk follows)."""
    signature: str | None = None
    """The HMAC binding the approval to the call; the client sends it back with its answer."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolApprovalResponseChunk(_Chunk):
    """An approval answered on the server (by the approval policy)."""

    type: ClassVar[Literal["tool-approval-response"]] = "tool-approval-response"
    approval_id: str
    approved: bool
    reason: str | None = None
    provider_executed: bool | None = None
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolOutputAvailableChunk(_Chunk):
    """A tool call's result (``preliminary`` for the intermediate results of a streaming tool)."""

    type: ClassVar[Literal["tool-output-available"]] = "tool-output-available"
    _json_value_fields: ClassVar[tuple[str, ...]] = ("output",)
    tool_call_id: str
    output: JSONValue
    provider_executed: bool | None = None
    provider_metadata: ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None
    preliminary: bool | None = None
    dynamic: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolOutputErrorChunk(_Chunk):
    """A tool call failed; ``error_text`` is masked by ``on_error`` unless you say otherwise."""

    type: ClassVar[Literal["tool-output-error"]] = "tool-output-error"
    tool_call_id: str
    error_text: str
    provider_executed: bool | None = None
    provider_metadata: ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None
    dynamic: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolOutputDeniedChunk(_Chunk):
    """The execution of a tool call was denied."""

    type: ClassVar[Literal["tool-output-denied"]] = "tool-output-denied"
    tool_call_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceUrlChunk(_Chunk):
    """A cited web page (sent only with ``send_sources=True``)."""

    type: ClassVar[Literal["source-url"]] = "source-url"
    source_id: str
    url: str
    title: str | None = None
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceDocumentChunk(_Chunk):
    """A cited document (sent only with ``send_sources=True``)."""

    type: ClassVar[Literal["source-document"]] = "source-document"
    source_id: str
    media_type: str
    title: str
    filename: str | None = None
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FileChunk(_Chunk):
    """A generated file; ``url`` is a hosted URL or a ``data:`` URL."""

    type: ClassVar[Literal["file"]] = "file"
    media_type: str
    url: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasoningFileChunk(_Chunk):
    """A file generated while reasoning (sent only with ``send_reasoning=True``)."""

    type: ClassVar[Literal["reasoning-file"]] = "reasoning-file"
    media_type: str
    url: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DataChunk(_Chunk):
    """Your own data, as a ``data-<name>`` part of the message.

    A chunk with the ``id`` of an earlier data part of the same type replaces that part's data
    on the client; a ``transient`` one reaches the client's ``onData`` only and is not stored.
    """

    _json_value_fields: ClassVar[tuple[str, ...]] = ("data",)
    type: str
    """``"data-<name>"``."""
    data: JSONValue
    id: str | None = None
    transient: bool | None = None

    def __post_init__(self) -> None:
        if not self.type.startswith("data-") or len(self.type) == len("data-"):
            raise ValueError(f'a data chunk\'s type must be "data-<name>", got {self.type!r}')


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageMetadataChunk(_Chunk):
    """Metadata to merge into the message's."""

    type: ClassVar[Literal["message-metadata"]] = "message-metadata"
    _json_value_fields: ClassVar[tuple[str, ...]] = ("message_metadata",)
    message_metadata: JSONValue


@dataclass(frozen=True, slots=True, kw_only=True)
class FinishChunk(_Chunk):
    """The response message is complete."""

    type: ClassVar[Literal["finish"]] = "finish"
    finish_reason: UIFinishReason | None = None
    message_metadata: JSONValue = None


@dataclass(frozen=True, slots=True)
class AbortChunk(_Chunk):
    """The generation was cancelled on the server."""

    type: ClassVar[Literal["abort"]] = "abort"
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ErrorChunk(_Chunk):
    """An error (fatal for the TS ``Chat``: it stops with ``status: 'error'``)."""

    type: ClassVar[Literal["error"]] = "error"
    error_text: str


UIMessageChunk: TypeAlias = (
    StartChunk
    | StartStepChunk
    | FinishStepChunk
    | ResetStepChunk
    | TextStartChunk
    | TextDeltaChunk
    | TextEndChunk
    | ReasoningStartChunk
    | ReasoningDeltaChunk
    | ReasoningEndChunk
    | CustomChunk
    | ToolInputStartChunk
    | ToolInputDeltaChunk
    | ToolInputAvailableChunk
    | ToolInputErrorChunk
    | ToolApprovalRequestChunk
    | ToolApprovalResponseChunk
    | ToolOutputAvailableChunk
    | ToolOutputErrorChunk
    | ToolOutputDeniedChunk
    | SourceUrlChunk
    | SourceDocumentChunk
    | FileChunk
    | ReasoningFileChunk
    | DataChunk
    | MessageMetadataChunk
    | FinishChunk
    | AbortChunk
    | ErrorChunk
)
"""Every chunk of a UI message stream (upstream's ``UIMessageChunk``); switch on ``type``."""

_FIXED: tuple[type[Any], ...] = (
    StartChunk,
    StartStepChunk,
    FinishStepChunk,
    ResetStepChunk,
    TextStartChunk,
    TextDeltaChunk,
    TextEndChunk,
    ReasoningStartChunk,
    ReasoningDeltaChunk,
    ReasoningEndChunk,
    CustomChunk,
    ToolInputStartChunk,
    ToolInputDeltaChunk,
    ToolInputAvailableChunk,
    ToolInputErrorChunk,
    ToolApprovalRequestChunk,
    ToolApprovalResponseChunk,
    ToolOutputAvailableChunk,
    ToolOutputErrorChunk,
    ToolOutputDeniedChunk,
    SourceUrlChunk,
    SourceDocumentChunk,
    FileChunk,
    ReasoningFileChunk,
    MessageMetadataChunk,
    FinishChunk,
    AbortChunk,
    ErrorChunk,
)
_BY_TYPE: dict[str, type[Any]] = {cls.type: cls for cls in _FIXED}


@functools.cache
def _layout(cls: type[Any]) -> tuple[tuple[str, str, bool], ...]:
    """(attribute, JSON key, keep when None) for each field of a chunk class, in wire order."""
    keep = cast("tuple[str, ...]", cls._json_value_fields)
    return tuple(
        (f.name, to_camel(f.name), f.name in keep) for f in fields(cls) if f.name != "type"
    )


def chunk_to_json(chunk: UIMessageChunk) -> dict[str, Any]:
    """The chunk as the JSON object the TS client expects (camelCase, ``None`` left out except in
    the value slots ``input``/``output``/``data``/``messageMetadata`` of the chunks that need them).
    """
    result: dict[str, Any] = {"type": chunk.type}
    for name, key, keep in _layout(chunk.__class__):
        value = getattr(chunk, name)
        if value is not None or keep:
            result[key] = value
    return result


@functools.cache
def _adapter(cls: type[Any]) -> TypeAdapter[Any]:
    return TypeAdapter(cls)


def parse_ui_message_chunk(value: object) -> UIMessageChunk:
    """A chunk from its JSON object (as `chunk_to_json` writes it; unknown keys are ignored).

    Raises:
        TypeValidationError: not an object, an unknown ``type``, or missing/mistyped fields.
    """
    if not isinstance(value, dict):
        raise TypeValidationError(value=value, cause="a UI message chunk must be a JSON object")
    obj = cast("dict[str, Any]", value)
    original: object = obj
    kind = obj.get("type")
    if not isinstance(kind, str):
        raise TypeValidationError(value=original, cause='a UI message chunk needs a string "type"')
    cls = _BY_TYPE.get(kind)
    if cls is None:
        if not kind.startswith("data-"):
            raise TypeValidationError(
                value=original, cause=f"unknown UI message chunk type {kind!r}"
            )
        cls = DataChunk
    else:
        obj = {key: item for key, item in obj.items() if key != "type"}
    try:
        return cast("UIMessageChunk", _adapter(cls).validate_python(obj))
    except (ValidationError, ValueError) as error:
        raise TypeValidationError(value=original, cause=error) from error
