"""The outcome of parsing or validating without raising: `_schema` and `_json` both return it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Generic, Literal, TypeAlias, TypeVar

from pydantic import JsonValue

from ai_sdk.provider._errors import JSONParseError, TypeValidationError

__all__ = ["ParseFailure", "ParseResult", "ParseSuccess"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ParseSuccess(Generic[T]):
    """A value that parsed (and validated, when a schema was given).

    Narrow a `ParseResult` with ``isinstance(result, ParseSuccess)`` or ``result.success is True``.
    """

    value: T
    """The parsed value, validated into the schema's type when there was one."""
    raw_value: JsonValue
    """The JSON value before validation."""
    success: ClassVar[Literal[True]] = True


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """Text that did not parse, or a value that failed validation."""

    error: JSONParseError | TypeValidationError
    """Why: `JSONParseError` for malformed text, `TypeValidationError` for a schema mismatch."""
    raw_value: JsonValue
    """The JSON value when parsing succeeded but validation failed; ``None`` otherwise."""
    success: ClassVar[Literal[False]] = False


ParseResult: TypeAlias = ParseSuccess[T] | ParseFailure
"""The outcome of `safe_parse_json` and of each event of a JSON event stream."""
