"""Text generation: `generate_text`, `stream_text`, tools and the tool loop, structured output.

Async first; `generate_text_sync` and `stream_text_sync` run the same implementation from
synchronous code (also inside a running event loop).
"""

from typing import TYPE_CHECKING, Any

from ai_sdk._lazy import LazyExports

_exports = LazyExports(__name__, __file__, globals())


def __getattr__(name: str) -> Any:
    return _exports.get(name)


def __dir__() -> list[str]:
    return _exports.names()


if TYPE_CHECKING:  # each name is imported on first use (`ai_sdk._lazy`)
    from ai_sdk.generate_text._approval import ToolApproval as ToolApproval
    from ai_sdk.generate_text._approval import ToolApprovalContext as ToolApprovalContext
    from ai_sdk.generate_text._approval import ToolApprovalOptions as ToolApprovalOptions
    from ai_sdk.generate_text._approval import ToolApprovalStatus as ToolApprovalStatus
    from ai_sdk.generate_text._approval import ToolApprovalType as ToolApprovalType
    from ai_sdk.generate_text._config import CallArguments as CallArguments
    from ai_sdk.generate_text._config import Include as Include
    from ai_sdk.generate_text._config import LoopArguments as LoopArguments
    from ai_sdk.generate_text._config import PrepareStep as PrepareStep
    from ai_sdk.generate_text._config import PrepareStepContext as PrepareStepContext
    from ai_sdk.generate_text._config import PrepareStepResult as PrepareStepResult
    from ai_sdk.generate_text._generate_object import GenerateObjectResult as GenerateObjectResult
    from ai_sdk.generate_text._generate_object import StreamObjectResult as StreamObjectResult
    from ai_sdk.generate_text._generate_object import generate_object as generate_object
    from ai_sdk.generate_text._generate_object import generate_object_sync as generate_object_sync
    from ai_sdk.generate_text._generate_object import stream_object as stream_object
    from ai_sdk.generate_text._generate_text import generate_text as generate_text
    from ai_sdk.generate_text._generate_text import generate_text_sync as generate_text_sync
    from ai_sdk.generate_text._output import Output as Output
    from ai_sdk.generate_text._output import OutputContext as OutputContext
    from ai_sdk.generate_text._parts import AbortPart as AbortPart
    from ai_sdk.generate_text._parts import ContentPart as ContentPart
    from ai_sdk.generate_text._parts import FinishPart as FinishPart
    from ai_sdk.generate_text._parts import FinishStepPart as FinishStepPart
    from ai_sdk.generate_text._parts import GeneratedFilePart as GeneratedFilePart
    from ai_sdk.generate_text._parts import GeneratedReasoningFilePart as GeneratedReasoningFilePart
    from ai_sdk.generate_text._parts import (
        LanguageModelResponseMetadata as LanguageModelResponseMetadata,
    )
    from ai_sdk.generate_text._parts import ObjectResponse as ObjectResponse
    from ai_sdk.generate_text._parts import RawPart as RawPart
    from ai_sdk.generate_text._parts import ReasoningDeltaPart as ReasoningDeltaPart
    from ai_sdk.generate_text._parts import ReasoningEndPart as ReasoningEndPart
    from ai_sdk.generate_text._parts import ReasoningStartPart as ReasoningStartPart
    from ai_sdk.generate_text._parts import Source as Source
    from ai_sdk.generate_text._parts import StartPart as StartPart
    from ai_sdk.generate_text._parts import StartStepPart as StartStepPart
    from ai_sdk.generate_text._parts import StepPerformance as StepPerformance
    from ai_sdk.generate_text._parts import StepRequest as StepRequest
    from ai_sdk.generate_text._parts import StepResponse as StepResponse
    from ai_sdk.generate_text._parts import StreamErrorPart as StreamErrorPart
    from ai_sdk.generate_text._parts import TextDeltaPart as TextDeltaPart
    from ai_sdk.generate_text._parts import TextEndPart as TextEndPart
    from ai_sdk.generate_text._parts import TextStartPart as TextStartPart
    from ai_sdk.generate_text._parts import TextStreamPart as TextStreamPart
    from ai_sdk.generate_text._parts import ToolApprovalRequest as ToolApprovalRequest
    from ai_sdk.generate_text._parts import ToolApprovalResponse as ToolApprovalResponse
    from ai_sdk.generate_text._parts import ToolCall as ToolCall
    from ai_sdk.generate_text._parts import ToolError as ToolError
    from ai_sdk.generate_text._parts import ToolInputDeltaPart as ToolInputDeltaPart
    from ai_sdk.generate_text._parts import ToolInputEndPart as ToolInputEndPart
    from ai_sdk.generate_text._parts import ToolInputStartPart as ToolInputStartPart
    from ai_sdk.generate_text._parts import ToolOutputDenied as ToolOutputDenied
    from ai_sdk.generate_text._parts import ToolResult as ToolResult
    from ai_sdk.generate_text._result import GenerateTextResult as GenerateTextResult
    from ai_sdk.generate_text._smooth_stream import ChunkDetector as ChunkDetector
    from ai_sdk.generate_text._smooth_stream import smooth_stream as smooth_stream
    from ai_sdk.generate_text._step import ModelInfo as ModelInfo
    from ai_sdk.generate_text._step import StepResult as StepResult
    from ai_sdk.generate_text._step import StopCondition as StopCondition
    from ai_sdk.generate_text._step import has_tool_call as has_tool_call
    from ai_sdk.generate_text._step import is_loop_finished as is_loop_finished
    from ai_sdk.generate_text._step import is_step_count as is_step_count
    from ai_sdk.generate_text._stream_result import Aggregate as Aggregate
    from ai_sdk.generate_text._stream_result import StreamTextResult as StreamTextResult
    from ai_sdk.generate_text._stream_result import StreamTransform as StreamTransform
    from ai_sdk.generate_text._stream_sync import StreamTextResultSync as StreamTextResultSync
    from ai_sdk.generate_text._stream_text import stream_text as stream_text
    from ai_sdk.generate_text._stream_text import stream_text_sync as stream_text_sync
    from ai_sdk.generate_text._tool import Tool as Tool
    from ai_sdk.generate_text._tool import ToolExecutionOptions as ToolExecutionOptions
    from ai_sdk.generate_text._tool import ToolSet as ToolSet
    from ai_sdk.generate_text._tool import dynamic_tool as dynamic_tool
    from ai_sdk.generate_text._tool import tool as tool
    from ai_sdk.generate_text._tool_calls import RepairToolCall as RepairToolCall
    from ai_sdk.generate_text._tool_calls import ToolCallRepairContext as ToolCallRepairContext
    from ai_sdk.generate_text._usage import InputTokenDetails as InputTokenDetails
    from ai_sdk.generate_text._usage import LanguageModelUsage as LanguageModelUsage
    from ai_sdk.generate_text._usage import OutputTokenDetails as OutputTokenDetails

__all__ = [
    "AbortPart",
    "Aggregate",
    "CallArguments",
    "ChunkDetector",
    "ContentPart",
    "FinishPart",
    "FinishStepPart",
    "GenerateObjectResult",
    "GenerateTextResult",
    "GeneratedFilePart",
    "GeneratedReasoningFilePart",
    "Include",
    "InputTokenDetails",
    "LanguageModelResponseMetadata",
    "LanguageModelUsage",
    "LoopArguments",
    "ModelInfo",
    "ObjectResponse",
    "Output",
    "OutputContext",
    "OutputTokenDetails",
    "PrepareStep",
    "PrepareStepContext",
    "PrepareStepResult",
    "RawPart",
    "ReasoningDeltaPart",
    "ReasoningEndPart",
    "ReasoningStartPart",
    "RepairToolCall",
    "Source",
    "StartPart",
    "StartStepPart",
    "StepPerformance",
    "StepRequest",
    "StepResponse",
    "StepResult",
    "StopCondition",
    "StreamErrorPart",
    "StreamObjectResult",
    "StreamTextResult",
    "StreamTextResultSync",
    "StreamTransform",
    "TextDeltaPart",
    "TextEndPart",
    "TextStartPart",
    "TextStreamPart",
    "Tool",
    "ToolApproval",
    "ToolApprovalContext",
    "ToolApprovalOptions",
    "ToolApprovalRequest",
    "ToolApprovalResponse",
    "ToolApprovalStatus",
    "ToolApprovalType",
    "ToolCall",
    "ToolCallRepairContext",
    "ToolError",
    "ToolExecutionOptions",
    "ToolInputDeltaPart",
    "ToolInputEndPart",
    "ToolInputStartPart",
    "ToolOutputDenied",
    "ToolResult",
    "ToolSet",
    "dynamic_tool",
    "generate_object",
    "generate_object_sync",
    "generate_text",
    "generate_text_sync",
    "has_tool_call",
    "is_loop_finished",
    "is_step_count",
    "smooth_stream",
    "stream_object",
    "stream_text",
    "stream_text_sync",
    "tool",
]
