"""`GenerateTextResult`: the steps of a finished call, summed usage, and the parsed output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic

from typing_extensions import TypeVar

from ai_sdk._files import GeneratedFile
from ai_sdk.generate_text._output import Output, OutputContext
from ai_sdk.generate_text._parts import (
    ContentPart,
    GeneratedReasoningFilePart,
    Source,
    StepRequest,
    StepResponse,
    ToolCall,
    ToolResult,
)
from ai_sdk.generate_text._step import StepResult
from ai_sdk.generate_text._usage import LanguageModelUsage, sum_usage
from ai_sdk.prompt import ResponseMessage
from ai_sdk.provider import (
    CallWarning,
    NoOutputGeneratedError,
    ProviderMetadata,
    ReasoningContent,
    UnifiedFinishReason,
)

__all__ = ["GenerateTextResult", "OutputParser", "result_of"]

OutputT = TypeVar("OutputT", default=str)


class OutputParser(Generic[OutputT]):
    """Parses the structured output of the last step once, on first access."""

    __slots__ = ("_done", "_error", "_output", "_step", "_value")

    def __init__(self, output: Output[Any, Any, Any] | None, step: StepResult) -> None:
        self._output = output if output is not None else Output.text()
        self._step = step
        self._done = False
        self._value: Any = None
        self._error: BaseException | None = None

    def get(self) -> OutputT:
        """The output, or raise `NoOutputGeneratedError`/`NoObjectGeneratedError`."""
        if not self._done:
            step = self._step
            try:
                if step.finish_reason != "stop":
                    raise NoOutputGeneratedError(
                        "No output generated: the last step finished with "
                        f"'{step.finish_reason}', not 'stop' (output is parsed only then). "
                        "Raise max_output_tokens or check the steps for tool calls."
                    )
                self._value = self._output.parse_complete(
                    step.text,
                    OutputContext(
                        response=step.response, usage=step.usage, finish_reason=step.finish_reason
                    ),
                )
            except Exception as error:
                self._error = error
            self._done = True
        if self._error is not None:
            raise self._error
        return self._value


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerateTextResult(Generic[OutputT]):
    """The result of `generate_text` (and what ``on_end`` receives).

    Content views (``content``, ``tool_calls``, ``files``, ...) cover all steps; ``text``,
    ``reasoning``, ``finish_reason``, ``request``, ``response`` and ``provider_metadata`` come
    from the last step; ``usage`` is the sum over all steps.
    """

    steps: list[StepResult]
    """Every step, in order."""
    usage: LanguageModelUsage
    """Token usage summed over all steps (``None`` counts where unknown)."""
    _parser: OutputParser[OutputT] = field(repr=False, compare=False)
    initial_response_messages: list[ResponseMessage] = field(default_factory=list[ResponseMessage])
    """The tool message with the results of the calls approved in the history (run before the
    first step), if any."""

    @property
    def final_step(self) -> StepResult:
        """The last step."""
        return self.steps[-1]

    @property
    def total_usage(self) -> LanguageModelUsage:
        """Same as ``usage`` (the upstream v6 name)."""
        return self.usage

    @property
    def output(self) -> OutputT:
        """The structured output (the text without ``output=``).

        Raises:
            NoOutputGeneratedError: the last step did not finish with ``stop``.
            NoObjectGeneratedError: the text is not valid output (carries the text, the
                validation error, usage and finish reason).
        """
        return self._parser.get()

    @property
    def text(self) -> str:
        """The text of the last step."""
        return self.final_step.text

    @property
    def content(self) -> list[ContentPart]:
        """The content of all steps."""
        return [part for step in self.steps for part in step.content]

    @property
    def reasoning(self) -> list[ReasoningContent | GeneratedReasoningFilePart]:
        """The reasoning of the last step."""
        return self.final_step.reasoning

    @property
    def reasoning_text(self) -> str | None:
        """The reasoning text of the last step, or ``None``."""
        return self.final_step.reasoning_text

    @property
    def files(self) -> list[GeneratedFile]:
        """The files generated in all steps."""
        return [f for step in self.steps for f in step.files]

    @property
    def sources(self) -> list[Source]:
        """The sources cited in all steps."""
        return [s for step in self.steps for s in step.sources]

    @property
    def tool_calls(self) -> list[ToolCall]:
        """The tool calls of all steps."""
        return [c for step in self.steps for c in step.tool_calls]

    @property
    def static_tool_calls(self) -> list[ToolCall]:
        """The tool calls of tools known in advance, all steps."""
        return [c for step in self.steps for c in step.static_tool_calls]

    @property
    def dynamic_tool_calls(self) -> list[ToolCall]:
        """The dynamic (and invalid) tool calls, all steps."""
        return [c for step in self.steps for c in step.dynamic_tool_calls]

    @property
    def tool_results(self) -> list[ToolResult]:
        """The tool results of all steps."""
        return [r for step in self.steps for r in step.tool_results]

    @property
    def static_tool_results(self) -> list[ToolResult]:
        """The results of tools known in advance, all steps."""
        return [r for step in self.steps for r in step.static_tool_results]

    @property
    def dynamic_tool_results(self) -> list[ToolResult]:
        """The results of dynamic tools, all steps."""
        return [r for step in self.steps for r in step.dynamic_tool_results]

    @property
    def finish_reason(self) -> UnifiedFinishReason:
        """Why the last step stopped."""
        return self.final_step.finish_reason

    @property
    def raw_finish_reason(self) -> str | None:
        """The provider's own finish reason of the last step."""
        return self.final_step.raw_finish_reason

    @property
    def warnings(self) -> list[CallWarning]:
        """The warnings of all steps."""
        return [w for step in self.steps for w in step.warnings]

    @property
    def request(self) -> StepRequest:
        """The request of the last step."""
        return self.final_step.request

    @property
    def response(self) -> StepResponse:
        """The response of the last step (its ``messages`` are the last step's; the messages
        of all steps are ``response_messages``)."""
        return self.final_step.response

    @property
    def response_messages(self) -> list[ResponseMessage]:
        """The messages of the call: the results of approved calls run before the first step,
        then the assistant and tool messages of all steps."""
        return [
            *self.initial_response_messages,
            *(m for step in self.steps for m in step.response.messages),
        ]

    @property
    def provider_metadata(self) -> ProviderMetadata | None:
        """The provider metadata of the last step."""
        return self.final_step.provider_metadata


def result_of(
    steps: list[StepResult],
    output: Output[Any, Any, Any] | None,
    initial_response_messages: list[ResponseMessage] | None = None,
) -> GenerateTextResult[Any]:
    """The result of a call that ran ``steps`` (at least one)."""
    # One step keeps the provider's raw usage; a sum of several has none.
    usage = steps[0].usage if len(steps) == 1 else sum_usage(step.usage for step in steps)
    return GenerateTextResult(
        steps=list(steps),
        usage=usage,
        _parser=OutputParser(output, steps[-1]),
        initial_response_messages=list(initial_response_messages or []),
    )
