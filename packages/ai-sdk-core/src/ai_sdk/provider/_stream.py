"""The parts a streaming language model call yields, in order, as a union tagged by `type`.

Providers build one of these per streamed token, so the parts that only ever appear in streams
are slotted stdlib dataclasses (`WireData`): a constructor call is all they cost, about a fifth
of a pydantic model's (docs/architecture.md has the measurements). They are frozen, except the
three made once per token (`TextDelta`, `ReasoningDelta`, `ToolInputDelta`), where a frozen
dataclass's `object.__setattr__` per field would double the cost; treat those as read-only too.
`type` is a real field with a literal default, so one `TypeAdapter(StreamPart)` parses the
camelCase JSON of the gateway's stream and dumps parts back to it. The content parts that also
appear in generate results (`ToolCallContent`, `FileContent`, sources, ...) are frozen `WireData`
dataclasses too (`_content.py`).
"""

from dataclasses import dataclass, field
from typing import Annotated, ClassVar, Literal, TypeAlias

from pydantic import Field

from ai_sdk.provider._content import (
    CustomContent,
    FileContent,
    ReasoningFileContent,
    Source,
    ToolApprovalRequestContent,
    ToolCallContent,
    ToolResultContent,
)
from ai_sdk.provider._shared import CallWarning
from ai_sdk.provider._usage import FinishReason, Usage
from ai_sdk.provider._wire import (
    KeepsJSONNullData,
    ProviderMetadata,
    WireData,
    WireDatetime,
    WireUnknown,
)

__all__ = [
    "ErrorPart",
    "Finish",
    "Raw",
    "ReasoningDelta",
    "ReasoningEnd",
    "ReasoningStart",
    "ResponseMetadata",
    "StreamPart",
    "StreamStart",
    "TextDelta",
    "TextEnd",
    "TextStart",
    "ToolInputDelta",
    "ToolInputEnd",
    "ToolInputStart",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class StreamStart(WireData):
    """The first part: the call's warnings (e.g. unsupported settings)."""

    type: Literal["stream-start"] = "stream-start"
    warnings: list[CallWarning] = field(default_factory=list[CallWarning])


@dataclass(frozen=True, slots=True, kw_only=True)
class ResponseMetadata(WireData):
    """Response metadata, sent once the provider knows it."""

    type: Literal["response-metadata"] = "response-metadata"
    id: str | None = None
    """The provider's response id."""
    timestamp: WireDatetime | None = None
    """When the response was created."""
    model_id: str | None = None
    """The model that actually answered (may differ from the requested id)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TextStart(WireData):
    """A text block begins; its deltas and end share its `id`."""

    type: Literal["text-start"] = "text-start"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class TextDelta(WireData):
    """A piece of a text block."""

    type: Literal["text-delta"] = "text-delta"
    id: str
    delta: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TextEnd(WireData):
    """A text block ends."""

    type: Literal["text-end"] = "text-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasoningStart(WireData):
    """A reasoning block begins; its deltas and end share its `id`."""

    type: Literal["reasoning-start"] = "reasoning-start"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ReasoningDelta(WireData):
    """A piece of a reasoning block."""

    type: Literal["reasoning-delta"] = "reasoning-delta"
    id: str
    delta: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasoningEnd(WireData):
    """A reasoning block ends."""

    type: Literal["reasoning-end"] = "reasoning-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolInputStart(WireData):
    """The input of a tool call begins to stream; `id` becomes the call's `tool_call_id`."""

    type: Literal["tool-input-start"] = "tool-input-start"
    id: str
    tool_name: str
    provider_executed: bool | None = None
    dynamic: bool | None = None
    title: str | None = None
    """A human-readable title for the tool call."""
    provider_metadata: ProviderMetadata | None = None


@dataclass(slots=True, kw_only=True)
class ToolInputDelta(WireData):
    """A piece of a tool call's input JSON text."""

    type: Literal["tool-input-delta"] = "tool-input-delta"
    id: str
    delta: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolInputEnd(WireData):
    """The input of a tool call is complete; a `tool-call` part follows."""

    type: Literal["tool-input-end"] = "tool-input-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Finish(WireData):
    """The last part: usage and why generation stopped."""

    type: Literal["finish"] = "finish"
    usage: Usage
    finish_reason: FinishReason
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Raw(KeepsJSONNullData):
    """A provider chunk exactly as received (only when `include_raw_chunks` is set)."""

    _json_null_fields: ClassVar[tuple[str, ...]] = ("raw_value",)

    type: Literal["raw"] = "raw"
    raw_value: WireUnknown


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorPart(KeepsJSONNullData):
    """An error during streaming; the stream may go on, and several may arrive.

    `error` is whatever the provider reported: an exception raised on this side, or the JSON
    a server sent. In JSON an exception is written as `{"name": ..., "message": ...}`.
    """

    _json_null_fields: ClassVar[tuple[str, ...]] = ("error",)

    type: Literal["error"] = "error"
    error: WireUnknown


StreamPart: TypeAlias = Annotated[
    TextStart
    | TextDelta
    | TextEnd
    | ReasoningStart
    | ReasoningDelta
    | ReasoningEnd
    | ToolInputStart
    | ToolInputDelta
    | ToolInputEnd
    | ToolApprovalRequestContent
    | ToolCallContent
    | ToolResultContent
    | CustomContent
    | FileContent
    | ReasoningFileContent
    | Source
    | StreamStart
    | ResponseMetadata
    | Finish
    | Raw
    | ErrorPart,
    Field(discriminator="type"),
]
"""One part of a language model stream, tagged by `type` (sources further by `sourceType`)."""
