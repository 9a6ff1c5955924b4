"""Token usage and finish reasons, reported by generate results and by the `finish` stream part."""

from typing import Literal, TypeAlias

from pydantic import Field

from ai_sdk.provider._wire import JSONObject, WireModel

__all__ = [
    "FinishReason",
    "InputTokens",
    "OutputTokens",
    "UnifiedFinishReason",
    "Usage",
]


class InputTokens(WireModel):
    """Prompt token counts; `None` means the provider did not say (never a made-up zero)."""

    total: int | None = None
    """All input tokens."""
    no_cache: int | None = None
    """Input tokens that were not read from or written to a cache."""
    cache_read: int | None = None
    """Input tokens read from a cache."""
    cache_write: int | None = None
    """Input tokens written to a cache."""


class OutputTokens(WireModel):
    """Completion token counts; `None` means the provider did not say."""

    total: int | None = None
    """All output tokens."""
    text: int | None = None
    """Output tokens of text."""
    reasoning: int | None = None
    """Output tokens spent on reasoning."""


class Usage(WireModel):
    """Token usage of one call. `Usage()` is the "nothing known" value."""

    input_tokens: InputTokens = Field(default_factory=InputTokens)
    output_tokens: OutputTokens = Field(default_factory=OutputTokens)
    raw: JSONObject | None = None
    """The provider's own usage object, unchanged."""


UnifiedFinishReason: TypeAlias = Literal[
    "stop", "length", "content-filter", "tool-calls", "error", "other"
]
"""Why generation stopped, in provider-independent terms."""


class FinishReason(WireModel):
    """Why generation stopped: the unified reason and the provider's own value."""

    unified: UnifiedFinishReason
    raw: str | None = None
    """The provider's finish reason as it sent it, if it sent one."""
