"""Validation of the call settings every generate/stream call takes, and the timeout config."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from ai_sdk.provider import InvalidArgumentError, ReasoningEffort

__all__ = ["CallSettings", "TimeoutConfig", "prepare_call_settings", "prepare_timeout"]

_REASONING: frozenset[str] = frozenset(
    {"provider-default", "none", "minimal", "low", "medium", "high", "xhigh"}
)


@dataclass(frozen=True, slots=True)
class CallSettings:
    """The model settings of a call after validation (``None`` = the provider's default)."""

    max_output_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: float | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    stop_sequences: list[str] | None = None
    seed: int | None = None
    reasoning: ReasoningEffort | None = None


_DEFAULT_SETTINGS = CallSettings()


def _is_int(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and value.is_integer()


def _is_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and not (isinstance(value, float) and math.isnan(value))
    )


def prepare_call_settings(
    *,
    max_output_tokens: object = None,
    temperature: object = None,
    top_p: object = None,
    top_k: object = None,
    presence_penalty: object = None,
    frequency_penalty: object = None,
    stop_sequences: object = None,
    seed: object = None,
    reasoning: object = None,
) -> CallSettings:
    """Check each setting and return them together.

    Raises:
        InvalidArgumentError: a setting has the wrong type or range; ``parameter`` names it.
    """
    if (
        max_output_tokens is None
        and temperature is None
        and top_p is None
        and top_k is None
        and presence_penalty is None
        and frequency_penalty is None
        and stop_sequences is None
        and seed is None
        and reasoning is None
    ):
        return _DEFAULT_SETTINGS
    if max_output_tokens is not None:
        if not _is_int(max_output_tokens):
            raise InvalidArgumentError(
                "max_output_tokens must be an integer",
                parameter="max_output_tokens",
                value=max_output_tokens,
            )
        if int(max_output_tokens) < 1:  # type: ignore[call-overload]
            raise InvalidArgumentError(
                "max_output_tokens must be >= 1",
                parameter="max_output_tokens",
                value=max_output_tokens,
            )
    numbers = {
        "temperature": temperature,
        "top_p": top_p,
        "top_k": top_k,
        "presence_penalty": presence_penalty,
        "frequency_penalty": frequency_penalty,
    }
    for name, value in numbers.items():
        if value is not None and not _is_number(value):
            raise InvalidArgumentError(f"{name} must be a number", parameter=name, value=value)
    if seed is not None and not _is_int(seed):
        raise InvalidArgumentError("seed must be an integer", parameter="seed", value=seed)
    if stop_sequences is not None and (
        isinstance(stop_sequences, str)
        or not isinstance(stop_sequences, Sequence)
        or not all(isinstance(s, str) for s in stop_sequences)  # pyright: ignore[reportUnknownVariableType]
    ):
        raise InvalidArgumentError(
            "stop_sequences must be a list of strings",
            parameter="stop_sequences",
            value=cast("object", stop_sequences),
        )
    if reasoning is not None and reasoning not in _REASONING:
        raise InvalidArgumentError(
            f"reasoning must be one of {', '.join(sorted(_REASONING))}",
            parameter="reasoning",
            value=reasoning,
        )
    return CallSettings(
        max_output_tokens=int(max_output_tokens) if max_output_tokens is not None else None,  # type: ignore[call-overload]
        temperature=temperature,  # type: ignore[arg-type]
        top_p=top_p,  # type: ignore[arg-type]
        top_k=top_k,  # type: ignore[arg-type]
        presence_penalty=presence_penalty,  # type: ignore[arg-type]
        frequency_penalty=frequency_penalty,  # type: ignore[arg-type]
        stop_sequences=list(stop_sequences) if stop_sequences is not None else None,  # type: ignore[arg-type]
        seed=int(seed) if seed is not None else None,  # type: ignore[call-overload]
        reasoning=reasoning,  # type: ignore[arg-type]
    )


@dataclass(frozen=True, slots=True)
class TimeoutConfig:
    """Time limits of a call, in seconds; ``None`` means no limit.

    Every limit that fires cancels the work it covers and raises (or, when streaming, emits an
    error part with) a `TimeoutError` that names the limit; a tool that times out becomes a
    tool error that the model sees.

    Args:
        total: the whole call, all steps and tools included.
        step: each step (one model call plus its tool executions).
        first_chunk: streaming only: the wait for the first content chunk of each step.
        chunk: streaming only: the longest gap between two chunks of the model stream.
        tool: each tool execution.
        tools: per-tool limits by tool name, overriding ``tool``.
    """

    total: float | None = None
    step: float | None = None
    first_chunk: float | None = None
    chunk: float | None = None
    tool: float | None = None
    tools: Mapping[str, float] = field(default_factory=dict[str, float])

    def for_tool(self, name: str) -> float | None:
        """The limit for one execution of the tool ``name``."""
        return self.tools.get(name, self.tool)


def prepare_timeout(timeout: float | TimeoutConfig | None) -> TimeoutConfig:
    """Normalize the ``timeout=`` argument (a number is the ``total`` limit).

    Raises:
        InvalidArgumentError: a limit is not a positive number.
    """
    if timeout is None:
        return _NO_TIMEOUT
    if isinstance(timeout, TimeoutConfig):
        config = timeout
    elif _is_number(timeout):
        config = TimeoutConfig(total=float(timeout))
    else:
        raise InvalidArgumentError(
            "timeout must be a number of seconds or a TimeoutConfig",
            parameter="timeout",
            value=timeout,
        )
    limits: dict[str, object] = {
        "total": config.total,
        "step": config.step,
        "first_chunk": config.first_chunk,
        "chunk": config.chunk,
        "tool": config.tool,
        **{f"tools[{name!r}]": value for name, value in config.tools.items()},
    }
    for name, value in limits.items():
        if value is not None and (not _is_number(value) or value <= 0):  # type: ignore[operator]
            raise InvalidArgumentError(
                f"timeout.{name} must be a positive number of seconds",
                parameter="timeout",
                value=timeout,
            )
    return config


_NO_TIMEOUT = TimeoutConfig()
