"""The parts a streaming language model call yields, in order, as a union tagged by `type`.

Providers build one of these per streamed token, so they carry no validators of their own: a
plain constructor call is the cheapest way to make one (cheaper than `model_construct`).
"""

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
    KeepsJSONNull,
    ProviderMetadata,
    WireDatetime,
    WireModel,
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


class StreamStart(WireModel):
    """The first part: the call's warnings (e.g. unsupported settings)."""

    type: Literal["stream-start"] = "stream-start"
    warnings: list[CallWarning] = Field(default_factory=list[CallWarning])


class ResponseMetadata(WireModel):
    """Response metadata, sent once the provider knows it."""

    type: Literal["response-metadata"] = "response-metadata"
    id: str | None = None
    """The provider's response id."""
    timestamp: WireDatetime | None = None
    """When the response was created."""
    model_id: str | None = None
    """The model that actually answered (may differ from the requested id)."""


class TextStart(WireModel):
    """A text block begins; its deltas and end share its `id`."""

    type: Literal["text-start"] = "text-start"
    id: str
    provider_metadata: ProviderMetadata | None = None


class TextDelta(WireModel):
    """A piece of a text block."""

    type: Literal["text-delta"] = "text-delta"
    id: str
    delta: str
    provider_metadata: ProviderMetadata | None = None


class TextEnd(WireModel):
    """A text block ends."""

    type: Literal["text-end"] = "text-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


class ReasoningStart(WireModel):
    """A reasoning block begins; its deltas and end share its `id`."""

    type: Literal["reasoning-start"] = "reasoning-start"
    id: str
    provider_metadata: ProviderMetadata | None = None


class ReasoningDelta(WireModel):
    """A piece of a reasoning block."""

    type: Literal["reasoning-delta"] = "reasoning-delta"
    id: str
    delta: str
    provider_metadata: ProviderMetadata | None = None


class ReasoningEnd(WireModel):
    """A reasoning block ends."""

    type: Literal["reasoning-end"] = "reasoning-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


class ToolInputStart(WireModel):
    """The input of a tool call begins to stream; `id` becomes the call's `tool_call_id`."""

    type: Literal["tool-input-start"] = "tool-input-start"
    id: str
    tool_name: str
    provider_executed: bool | None = None
    dynamic: bool | None = None
    title: str | None = None
    """A human-readable title for the tool call."""
    provider_metadata: ProviderMetadata | None = None


class ToolInputDelta(WireModel):
    """A piece of a tool call's input JSON text."""

    type: Literal["tool-input-delta"] = "tool-input-delta"
    id: str
    delta: str
    provider_metadata: ProviderMetadata | None = None


class ToolInputEnd(WireModel):
    """The input of a tool call is complete; a `tool-call` part follows."""

    type: Literal["tool-input-end"] = "tool-input-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


class Finish(WireModel):
    """The last part: usage and why generation stopped."""

    type: Literal["finish"] = "finish"
    usage: Usage
    finish_reason: FinishReason
    provider_metadata: ProviderMetadata | None = None


class Raw(KeepsJSONNull):
    """A provider chunk exactly as received (only when `include_raw_chunks` is set)."""

    _json_null_fields: ClassVar[tuple[str, ...]] = ("raw_value",)

    type: Literal["raw"] = "raw"
    raw_value: WireUnknown


class ErrorPart(KeepsJSONNull):
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
