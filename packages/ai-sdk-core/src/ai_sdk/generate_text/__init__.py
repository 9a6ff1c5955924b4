"""Text generation: `generate_text`, `stream_text`, tools and the tool loop, structured output.

Async first; `generate_text_sync` and `stream_text_sync` run the same implementation from
synchronous code (also inside a running event loop).
"""

from ai_sdk.generate_text._config import (
    CallArguments,
    Include,
    PrepareStep,
    PrepareStepContext,
    PrepareStepResult,
)
from ai_sdk.generate_text._generate_object import (
    GenerateObjectResult,
    StreamObjectResult,
    generate_object,
    generate_object_sync,
    stream_object,
)
from ai_sdk.generate_text._generate_text import generate_text, generate_text_sync
from ai_sdk.generate_text._output import Output, OutputContext
from ai_sdk.generate_text._parts import (
    AbortPart,
    ContentPart,
    FinishPart,
    FinishStepPart,
    GeneratedFilePart,
    GeneratedReasoningFilePart,
    RawPart,
    ReasoningDeltaPart,
    ReasoningEndPart,
    ReasoningStartPart,
    Source,
    StartPart,
    StartStepPart,
    StepPerformance,
    StepRequest,
    StepResponse,
    StreamErrorPart,
    TextDeltaPart,
    TextEndPart,
    TextStartPart,
    TextStreamPart,
    ToolCall,
    ToolError,
    ToolInputDeltaPart,
    ToolInputEndPart,
    ToolInputStartPart,
    ToolResult,
)
from ai_sdk.generate_text._result import GenerateTextResult
from ai_sdk.generate_text._smooth_stream import ChunkDetector, smooth_stream
from ai_sdk.generate_text._step import (
    ModelInfo,
    StepResult,
    StopCondition,
    has_tool_call,
    is_loop_finished,
    is_step_count,
)
from ai_sdk.generate_text._stream_result import Aggregate, StreamTextResult, StreamTransform
from ai_sdk.generate_text._stream_sync import StreamTextResultSync
from ai_sdk.generate_text._stream_text import stream_text, stream_text_sync
from ai_sdk.generate_text._tool import Tool, ToolExecutionOptions, ToolSet, dynamic_tool, tool
from ai_sdk.generate_text._tool_calls import RepairToolCall, ToolCallRepairContext
from ai_sdk.generate_text._usage import InputTokenDetails, LanguageModelUsage, OutputTokenDetails

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
    "LanguageModelUsage",
    "ModelInfo",
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
    "ToolCall",
    "ToolCallRepairContext",
    "ToolError",
    "ToolExecutionOptions",
    "ToolInputDeltaPart",
    "ToolInputEndPart",
    "ToolInputStartPart",
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
