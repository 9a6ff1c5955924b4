"""What users read from results and streams: content items, tool calls/results, stream parts.

Stream parts are slotted dataclasses with a class-level ``type`` tag (as in the upstream
`TextStreamPart` union), so building one per streamed token stays cheap. They are frozen, except
the three made once per streamed token (`TextDeltaPart`, `ReasoningDeltaPart`,
`ToolInputDeltaPart`): a frozen dataclass sets each field through ``object.__setattr__``, which
makes the per-token path measurably slower (bench/README.md, "Measured design choices"). Text,
reasoning, custom and source content reuse the spec classes (`TextContent`, `ReasoningContent`,
`CustomContent`, `UrlSource`/`DocumentSource`), which already have the shape users read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Literal, Self, TypeAlias

from ai_sdk._files import GeneratedFile
from ai_sdk.generate_text._usage import LanguageModelUsage
from ai_sdk.prompt._messages import ModelMessage, ResponseMessage
from ai_sdk.provider import (
    CallWarning,
    CustomContent,
    DocumentSource,
    JSONObject,
    ProviderMetadata,
    ReasoningContent,
    TextContent,
    UnifiedFinishReason,
    UrlSource,
)

__all__ = [
    "AbortPart",
    "ContentPart",
    "FinishPart",
    "FinishStepPart",
    "GeneratedFilePart",
    "GeneratedReasoningFilePart",
    "LanguageModelResponseMetadata",
    "ObjectResponse",
    "RawPart",
    "ReasoningDeltaPart",
    "ReasoningEndPart",
    "ReasoningStartPart",
    "Source",
    "StartPart",
    "StartStepPart",
    "StepPerformance",
    "StepRequest",
    "StepResponse",
    "StreamErrorPart",
    "TextDeltaPart",
    "TextEndPart",
    "TextStartPart",
    "TextStreamPart",
    "ToolApprovalRequest",
    "ToolApprovalResponse",
    "ToolCall",
    "ToolError",
    "ToolInputDeltaPart",
    "ToolInputEndPart",
    "ToolInputStartPart",
    "ToolOutputDenied",
    "ToolResult",
]

Source: TypeAlias = UrlSource | DocumentSource
"""A source the model cited."""


# -- content ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GeneratedFilePart:
    """A file the model generated (``type == "file"``)."""

    type: ClassVar[Literal["file"]] = "file"
    file: GeneratedFile
    """The file, readable as ``.data`` (bytes) or ``.base64``."""
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True)
class GeneratedReasoningFilePart:
    """A file the model generated while reasoning (``type == "reasoning-file"``)."""

    type: ClassVar[Literal["reasoning-file"]] = "reasoning-file"
    file: GeneratedFile
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolCall:
    """A tool call the model made (``type == "tool-call"``).

    ``input`` is the validated input (e.g. your pydantic model instance). A call that could not
    be parsed or validated, even after `repair_tool_call`, has ``invalid=True`` and the reason
    in ``error``; its ``input`` is then the raw parsed JSON (or text), and the model is told
    about the error on the next step instead of the call failing.
    """

    type: ClassVar[Literal["tool-call"]] = "tool-call"
    tool_call_id: str
    tool_name: str
    input: Any
    provider_executed: bool | None = None
    """Whether the provider ran the tool itself."""
    dynamic: bool = False
    """Whether the tool is dynamic (`dynamic_tool`), or unknown (invalid calls)."""
    invalid: bool = False
    error: BaseException | None = None
    title: str | None = None
    provider_metadata: ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolResult:
    """The result of a tool call (``type == "tool-result"``)."""

    type: ClassVar[Literal["tool-result"]] = "tool-result"
    tool_call_id: str
    tool_name: str
    input: Any
    output: Any
    """What ``execute`` returned (or the provider's result for provider-executed tools)."""
    provider_executed: bool | None = None
    dynamic: bool = False
    preliminary: bool = False
    """Streaming only: an intermediate result of an async-generator tool."""
    provider_metadata: ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolError:
    """A tool call that failed (``type == "tool-error"``); the model sees the error message."""

    type: ClassVar[Literal["tool-error"]] = "tool-error"
    tool_call_id: str
    tool_name: str
    input: Any
    error: object
    """The exception ``execute`` raised (or the provider's error value)."""
    provider_executed: bool | None = None
    dynamic: bool = False
    provider_metadata: ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolApprovalRequest:
    """A tool call waits for approval before it runs (``type == "tool-approval-request"``).

    Answer it by appending a tool message with a `ToolApprovalResponsePart` (same
    ``approval_id``) to the conversation and calling again; the approved call then runs first.
    """

    type: ClassVar[Literal["tool-approval-request"]] = "tool-approval-request"
    approval_id: str
    tool_call: ToolCall
    reason: str | None = None
    """Why approval is needed (from a ``user-approval`` status), to show to the approver."""
    is_automatic: bool | None = None
    """``True`` when the approval configuration answered the request itself."""
    signature: str | None = None
    """The HMAC signature binding this request to its tool call (with ``tool_approval_secret``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolApprovalResponse:
    """An approval answered by the approval configuration (``type == "tool-approval-response"``)."""

    type: ClassVar[Literal["tool-approval-response"]] = "tool-approval-response"
    approval_id: str
    tool_call: ToolCall
    approved: bool
    reason: str | None = None
    provider_executed: bool | None = None
    """Only provider-executed approval responses are sent to the model."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolOutputDenied:
    """A tool call whose execution was denied (``type == "tool-output-denied"``)."""

    type: ClassVar[Literal["tool-output-denied"]] = "tool-output-denied"
    tool_call_id: str
    tool_name: str
    provider_executed: bool | None = None


ContentPart: TypeAlias = (
    TextContent
    | ReasoningContent
    | CustomContent
    | UrlSource
    | DocumentSource
    | GeneratedFilePart
    | GeneratedReasoningFilePart
    | ToolCall
    | ToolResult
    | ToolError
    | ToolApprovalRequest
    | ToolApprovalResponse
)
"""One item of a step's content, in generation order (tool outputs after the model output)."""


# -- request / response / performance -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StepRequest:
    """What was sent to the model in a step (kept only when asked for with ``include``)."""

    body: object = None
    """The HTTP request body (``include={"request_body": True}``)."""
    messages: list[ModelMessage] | None = None
    """The messages sent (``include={"request_messages": True}``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageModelResponseMetadata:
    """Who answered and when (what a ``finish-step`` part reports)."""

    id: str
    """The provider's response id (generated when the provider gives none)."""
    timestamp: datetime
    model_id: str
    """The model that answered."""
    headers: dict[str, str] | None = None

    @classmethod
    def of(cls, response: LanguageModelResponseMetadata, **extra: Any) -> Self:
        """``response``'s metadata as this class, with ``extra`` fields."""
        return cls(
            id=response.id,
            timestamp=response.timestamp,
            model_id=response.model_id,
            headers=response.headers,
            **extra,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ObjectResponse(LanguageModelResponseMetadata):
    """The response of `generate_object`: the metadata and the raw body."""

    body: object = None
    """The raw response body."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StepResponse(LanguageModelResponseMetadata):
    """What the model answered in a step besides the content."""

    body: object = None
    """The raw response body (``include={"response_body": True}``; generate only)."""
    messages: list[ResponseMessage] = field(default_factory=list[ResponseMessage])
    """The response messages of the step (assistant and tool messages): append them to the
    conversation to continue it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StepPerformance:
    """Timings of a step, in seconds."""

    step_time: float
    """The whole step: model call plus tool executions."""
    response_time: float
    """The model call (until the last chunk when streaming)."""
    tool_execution_time: dict[str, float] = field(default_factory=dict[str, float])
    """Each executed tool call's duration, by tool call id."""
    time_to_first_output: float | None = None
    """Streaming only: until the first content chunk."""
    output_tokens_per_second: float | None = None
    """Output tokens over the response time (``None`` when the token count is unknown)."""


# -- stream parts -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StartPart:
    """The stream started."""

    type: ClassVar[Literal["start"]] = "start"


@dataclass(frozen=True, slots=True)
class StartStepPart:
    """A step (one model call and its tool executions) started."""

    type: ClassVar[Literal["start-step"]] = "start-step"
    request: StepRequest
    warnings: list[CallWarning]


@dataclass(frozen=True, slots=True)
class TextStartPart:
    """A text block starts; its deltas and end share ``id``."""

    type: ClassVar[Literal["text-start"]] = "text-start"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(slots=True)  # not frozen: see the module docstring
class TextDeltaPart:
    """A piece of text."""

    type: ClassVar[Literal["text-delta"]] = "text-delta"
    id: str
    text: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True)
class TextEndPart:
    """A text block ends."""

    type: ClassVar[Literal["text-end"]] = "text-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True)
class ReasoningStartPart:
    """A reasoning block starts."""

    type: ClassVar[Literal["reasoning-start"]] = "reasoning-start"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(slots=True)  # not frozen: see the module docstring
class ReasoningDeltaPart:
    """A piece of reasoning text."""

    type: ClassVar[Literal["reasoning-delta"]] = "reasoning-delta"
    id: str
    text: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True)
class ReasoningEndPart:
    """A reasoning block ends."""

    type: ClassVar[Literal["reasoning-end"]] = "reasoning-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolInputStartPart:
    """The model starts sending a tool call's input; ``id`` becomes its ``tool_call_id``."""

    type: ClassVar[Literal["tool-input-start"]] = "tool-input-start"
    id: str
    tool_name: str
    provider_executed: bool | None = None
    dynamic: bool = False
    title: str | None = None
    provider_metadata: ProviderMetadata | None = None
    tool_metadata: JSONObject | None = None


@dataclass(slots=True)  # not frozen: see the module docstring
class ToolInputDeltaPart:
    """A piece of a tool call's input JSON text."""

    type: ClassVar[Literal["tool-input-delta"]] = "tool-input-delta"
    id: str
    delta: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True)
class ToolInputEndPart:
    """A tool call's input is complete; the `ToolCall` follows."""

    type: ClassVar[Literal["tool-input-end"]] = "tool-input-end"
    id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FinishStepPart:
    """A step finished."""

    type: ClassVar[Literal["finish-step"]] = "finish-step"
    response: LanguageModelResponseMetadata
    """Who answered and when (the step's messages are on its `StepResult`)."""
    usage: LanguageModelUsage
    performance: StepPerformance
    finish_reason: UnifiedFinishReason
    raw_finish_reason: str | None = None
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FinishPart:
    """The last part: why the last step stopped, and the usage of all steps."""

    type: ClassVar[Literal["finish"]] = "finish"
    finish_reason: UnifiedFinishReason
    raw_finish_reason: str | None = None
    total_usage: LanguageModelUsage


@dataclass(frozen=True, slots=True)
class AbortPart:
    """The call was cancelled; nothing follows."""

    type: ClassVar[Literal["abort"]] = "abort"
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class StreamErrorPart:
    """An error: a provider error part, or the failure that ended the stream.

    ``error`` is usually an exception; a provider may also report a JSON value.
    """

    type: ClassVar[Literal["error"]] = "error"
    error: object


@dataclass(frozen=True, slots=True)
class RawPart:
    """A provider chunk as received (only with ``include={"raw_chunks": True}``)."""

    type: ClassVar[Literal["raw"]] = "raw"
    raw_value: object


TextStreamPart: TypeAlias = (
    StartPart
    | StartStepPart
    | TextStartPart
    | TextDeltaPart
    | TextEndPart
    | ReasoningStartPart
    | ReasoningDeltaPart
    | ReasoningEndPart
    | ToolInputStartPart
    | ToolInputDeltaPart
    | ToolInputEndPart
    | ToolCall
    | ToolResult
    | ToolError
    | ToolApprovalRequest
    | ToolApprovalResponse
    | ToolOutputDenied
    | CustomContent
    | UrlSource
    | DocumentSource
    | GeneratedFilePart
    | GeneratedReasoningFilePart
    | FinishStepPart
    | FinishPart
    | AbortPart
    | StreamErrorPart
    | RawPart
)
"""Every part of `StreamTextResult.stream`; switch on ``part.type`` (or ``isinstance``)."""
