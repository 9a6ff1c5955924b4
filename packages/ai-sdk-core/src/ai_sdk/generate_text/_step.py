"""`StepResult`: one model call and its tool executions, and the stop conditions that read steps."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from ai_sdk._files import GeneratedFile
from ai_sdk.generate_text._parts import (
    ContentPart,
    GeneratedFilePart,
    GeneratedReasoningFilePart,
    Source,
    StepPerformance,
    StepRequest,
    StepResponse,
    ToolCall,
    ToolError,
    ToolResult,
)
from ai_sdk.generate_text._usage import LanguageModelUsage
from ai_sdk.provider import (
    CallWarning,
    DocumentSource,
    ProviderMetadata,
    ReasoningContent,
    TextContent,
    UnifiedFinishReason,
    UrlSource,
)

__all__ = [
    "ModelInfo",
    "StepResult",
    "StopCondition",
    "has_tool_call",
    "is_loop_finished",
    "is_step_count",
    "is_stop_condition_met",
]


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Which model ran a step."""

    provider: str
    model_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StepResult:
    """One step of a call: a model call and the tools it executed.

    The text, reasoning, tool and file views are computed from ``content``.
    """

    call_id: str
    """The id of the whole call (shared by its steps)."""
    step_number: int
    """0 for the first step."""
    model: ModelInfo
    content: list[ContentPart]
    """Everything generated in the step, tool outputs included, in order."""
    finish_reason: UnifiedFinishReason
    raw_finish_reason: str | None
    usage: LanguageModelUsage
    performance: StepPerformance
    warnings: list[CallWarning]
    request: StepRequest
    response: StepResponse
    provider_metadata: ProviderMetadata | None = None
    runtime_context: Mapping[str, object] = field(default_factory=dict[str, object])
    """The call's runtime context during this step (`prepare_step` may change it)."""
    tools_context: Mapping[str, object] = field(default_factory=dict[str, object])
    """The per-tool contexts during this step."""

    @property
    def text(self) -> str:
        """The generated text."""
        return "".join(p.text for p in self.content if isinstance(p, TextContent))

    @property
    def reasoning(self) -> list[ReasoningContent | GeneratedReasoningFilePart]:
        """The reasoning parts (text and files)."""
        return [
            p for p in self.content if isinstance(p, ReasoningContent | GeneratedReasoningFilePart)
        ]

    @property
    def reasoning_text(self) -> str | None:
        """The reasoning text, or ``None`` when there was no reasoning."""
        parts = [p.text for p in self.content if isinstance(p, ReasoningContent)]
        return "".join(parts) if parts else None

    @property
    def files(self) -> list[GeneratedFile]:
        """The generated files."""
        return [p.file for p in self.content if isinstance(p, GeneratedFilePart)]

    @property
    def sources(self) -> list[Source]:
        """The cited sources."""
        return [p for p in self.content if isinstance(p, UrlSource | DocumentSource)]

    @property
    def tool_calls(self) -> list[ToolCall]:
        """Every tool call, invalid ones included."""
        return [p for p in self.content if isinstance(p, ToolCall)]

    @property
    def static_tool_calls(self) -> list[ToolCall]:
        """The tool calls of tools known in advance (not dynamic, not invalid)."""
        return [p for p in self.tool_calls if not p.dynamic]

    @property
    def dynamic_tool_calls(self) -> list[ToolCall]:
        """The tool calls of dynamic tools, and invalid calls."""
        return [p for p in self.tool_calls if p.dynamic]

    @property
    def tool_results(self) -> list[ToolResult]:
        """The successful tool results."""
        return [p for p in self.content if isinstance(p, ToolResult)]

    @property
    def static_tool_results(self) -> list[ToolResult]:
        """The results of tools known in advance."""
        return [p for p in self.tool_results if not p.dynamic]

    @property
    def dynamic_tool_results(self) -> list[ToolResult]:
        """The results of dynamic tools."""
        return [p for p in self.tool_results if p.dynamic]

    @property
    def tool_errors(self) -> list[ToolError]:
        """The failed tool calls (invalid calls included)."""
        return [p for p in self.content if isinstance(p, ToolError)]


StopCondition: TypeAlias = Callable[[Sequence[StepResult]], bool | Awaitable[bool]]
"""Decides after each step whether the tool loop stops: ``(steps) -> bool`` (sync or async)."""


def is_step_count(count: int) -> StopCondition:
    """Stop once ``count`` steps have run (the default is ``is_step_count(1)``)."""

    def condition(steps: Sequence[StepResult]) -> bool:
        return len(steps) >= count

    condition.__qualname__ = f"is_step_count({count})"
    return condition


def has_tool_call(*tool_names: str) -> StopCondition:
    """Stop when the last step called one of the named tools."""
    names = frozenset(tool_names)

    def condition(steps: Sequence[StepResult]) -> bool:
        return bool(steps) and any(call.tool_name in names for call in steps[-1].tool_calls)

    return condition


def is_loop_finished() -> StopCondition:
    """Never stop: run until the model stops calling tools."""

    def condition(steps: Sequence[StepResult]) -> bool:
        return False

    return condition


async def is_stop_condition_met(
    conditions: Sequence[StopCondition], steps: Sequence[StepResult]
) -> bool:
    """Whether any condition holds (all are evaluated, sync or async)."""
    met = False
    for condition in conditions:
        outcome: Any = condition(steps)
        if inspect.isawaitable(outcome):
            outcome = await outcome
        met = met or bool(outcome)
    return met
