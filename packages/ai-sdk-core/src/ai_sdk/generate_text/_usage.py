"""Token usage as users read it: flat counts with details, summed over steps, None if unknown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ai_sdk.provider import JSONObject, Usage

__all__ = [
    "InputTokenDetails",
    "LanguageModelUsage",
    "OutputTokenDetails",
    "add_token_counts",
    "sum_usage",
]


def add_token_counts(a: int | None, b: int | None) -> int | None:
    """``a + b`` where an unknown count is ``None``: unknown plus unknown stays unknown."""
    if a is None:
        return b
    if b is None:
        return a
    return a + b


@dataclass(frozen=True, slots=True)
class InputTokenDetails:
    """How the input tokens split up; each count is ``None`` when the provider did not say."""

    no_cache_tokens: int | None = None
    """Input tokens neither read from nor written to a cache."""
    cache_read_tokens: int | None = None
    """Input tokens read from a cache."""
    cache_write_tokens: int | None = None
    """Input tokens written to a cache."""


@dataclass(frozen=True, slots=True)
class OutputTokenDetails:
    """How the output tokens split up; each count is ``None`` when the provider did not say."""

    text_tokens: int | None = None
    """Output tokens of text."""
    reasoning_tokens: int | None = None
    """Output tokens spent on reasoning."""


@dataclass(frozen=True, slots=True)
class LanguageModelUsage:
    """Token usage of one step, or summed over all steps of a call.

    Counts are ``None`` when unknown, never a made-up zero (and never NaN). Adding two usages adds
    each count, where ``None + None`` is ``None`` and ``None + n`` is ``n``.
    """

    input_tokens: int | None = None
    """All input (prompt) tokens."""
    input_token_details: InputTokenDetails = field(default_factory=InputTokenDetails)
    """The input tokens by cache use."""
    output_tokens: int | None = None
    """All output (completion) tokens."""
    output_token_details: OutputTokenDetails = field(default_factory=OutputTokenDetails)
    """The output tokens by kind."""
    total_tokens: int | None = None
    """``input_tokens + output_tokens``."""
    raw: JSONObject | None = None
    """The provider's own usage object (single steps only; sums leave it out)."""

    @classmethod
    def from_spec(cls, usage: Usage) -> LanguageModelUsage:
        """Flatten a provider's nested `Usage`."""
        inp = usage.input_tokens
        out = usage.output_tokens
        return cls(
            input_tokens=inp.total,
            input_token_details=InputTokenDetails(
                no_cache_tokens=inp.no_cache,
                cache_read_tokens=inp.cache_read,
                cache_write_tokens=inp.cache_write,
            ),
            output_tokens=out.total,
            output_token_details=OutputTokenDetails(
                text_tokens=out.text, reasoning_tokens=out.reasoning
            ),
            total_tokens=add_token_counts(inp.total, out.total),
            raw=usage.raw,
        )

    def __add__(self, other: LanguageModelUsage) -> LanguageModelUsage:
        a_in, b_in = self.input_token_details, other.input_token_details
        a_out, b_out = self.output_token_details, other.output_token_details
        return LanguageModelUsage(
            input_tokens=add_token_counts(self.input_tokens, other.input_tokens),
            input_token_details=InputTokenDetails(
                no_cache_tokens=add_token_counts(a_in.no_cache_tokens, b_in.no_cache_tokens),
                cache_read_tokens=add_token_counts(a_in.cache_read_tokens, b_in.cache_read_tokens),
                cache_write_tokens=add_token_counts(
                    a_in.cache_write_tokens, b_in.cache_write_tokens
                ),
            ),
            output_tokens=add_token_counts(self.output_tokens, other.output_tokens),
            output_token_details=OutputTokenDetails(
                text_tokens=add_token_counts(a_out.text_tokens, b_out.text_tokens),
                reasoning_tokens=add_token_counts(a_out.reasoning_tokens, b_out.reasoning_tokens),
            ),
            total_tokens=add_token_counts(self.total_tokens, other.total_tokens),
        )


def sum_usage(usages: Iterable[LanguageModelUsage]) -> LanguageModelUsage:
    """The total of the steps' usages (without ``raw``, as every sum)."""
    total: LanguageModelUsage | None = None
    for usage in usages:
        total = usage if total is None else total + usage
    if total is None:
        return LanguageModelUsage()
    return total if total.raw is None else replace(total, raw=None)
