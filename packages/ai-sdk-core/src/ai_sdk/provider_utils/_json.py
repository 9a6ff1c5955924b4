"""Typed JSON parsing (validated through `_schema`) and partial JSON for streamed output."""

from __future__ import annotations

import re
from typing import Any, Literal, TypeAlias, TypeVar, overload

from pydantic import JsonValue
from pydantic_core import from_json

from ai_sdk.provider._errors import JSONParseError
from ai_sdk.provider_utils._parse_result import ParseFailure, ParseResult, ParseSuccess
from ai_sdk.provider_utils._schema import Schema, SchemaLike, as_schema

__all__ = [
    "JSONValue",
    "PartialJSONState",
    "is_parsable_json",
    "parse_json",
    "parse_partial_json",
    "safe_parse_json",
]

T = TypeVar("T")

JSONValue: TypeAlias = JsonValue
"""Any JSON value: ``None``, ``bool``, ``int``, ``float``, ``str``, a list or a str-keyed dict."""

PartialJSONState: TypeAlias = Literal[
    "undefined-input", "successful-parse", "repaired-parse", "failed-parse"
]
"""How `parse_partial_json` got its value."""


def _load(text: str | bytes) -> JsonValue:
    # `allow_inf_nan=False`: NaN/Infinity are not JSON, and `JSON.parse` rejects them upstream.
    return from_json(text, allow_inf_nan=False)


def _as_text(text: str | bytes) -> str:
    return text if isinstance(text, str) else text.decode("utf-8", "replace")


@overload
def parse_json(text: str | bytes, schema: None = None) -> JsonValue: ...
@overload
def parse_json(text: str | bytes, schema: Schema[T] | type[T]) -> T: ...
@overload
def parse_json(text: str | bytes, schema: SchemaLike) -> Any: ...
def parse_json(text: str | bytes, schema: object = None) -> object:
    """Parse JSON text, validating it against ``schema`` when one is given.

    Args:
        text: the JSON text (``str`` or UTF-8 ``bytes``).
        schema: anything `as_schema` accepts: a pydantic model class, a type, or a `Schema`.

    Raises:
        JSONParseError: the text is not valid JSON.
        TypeValidationError: the value does not match the schema.
    """
    try:
        value = _load(text)
    except ValueError as error:
        raise JSONParseError(text=_as_text(text), cause=error) from error
    if schema is None:
        return value
    return as_schema(schema).validate(value)


@overload
def safe_parse_json(text: str | bytes, schema: None = None) -> ParseResult[JsonValue]: ...
@overload
def safe_parse_json(text: str | bytes, schema: Schema[T] | type[T]) -> ParseResult[T]: ...
@overload
def safe_parse_json(text: str | bytes, schema: SchemaLike) -> ParseResult[Any]: ...
def safe_parse_json(text: str | bytes, schema: object = None) -> ParseResult[Any]:
    """Like `parse_json`, but return a `ParseSuccess` or `ParseFailure` instead of raising."""
    try:
        value = _load(text)
    except ValueError as error:
        return ParseFailure(JSONParseError(text=_as_text(text), cause=error), None)
    if schema is None:
        return ParseSuccess(value, value)
    return as_schema(schema).safe_validate(value)


def is_parsable_json(text: str | bytes) -> bool:
    """Whether ``text`` is valid JSON."""
    try:
        _load(text)
    except ValueError:
        return False
    return True


# -- partial JSON -------------------------------------------------------------------------------

# pydantic_core's partial mode completes open strings, arrays and objects and drops a trailing key
# without a value, but it cannot finish a scalar cut mid-token: a top-level `nul` or `12.` fails
# and inside a container the unfinished value vanishes (`[1, tr` -> `[1]`, `{"a": 12.` -> `{}`),
# so a streamed number would flicker in and out. Only the tail can be unfinished, so fixing the
# last token before handing over is enough: finish `t`/`fa`/`nu` literals and cut `12.`, `2e-`,
# `-` back to their last complete number. That needs to know whether the tail is inside a string,
# which the quote scan below answers in C-speed regex passes.
_NUMBER_PREFIX = re.compile(r"-?(?:\d+(?:\.\d*)?(?:[eE][+-]?\d*)?)?")
_COMPLETE_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*(")?')
_LITERALS = ("true", "false", "null")
_TOKEN_CHARS = frozenset("-+.0123456789eEtrufalsn")


def _ends_inside_string(text: str) -> bool:
    """Whether an unterminated string is open at the end of ``text``."""
    closed = True
    for match in _STRING.finditer(text):  # an unterminated string runs to the end of the text
        closed = match.group(1) is not None
    return not closed


def _finish_tail(text: str) -> str | None:
    """``text`` with an unfinished literal or number at its end completed, or ``None``."""
    body = text.rstrip()
    start = len(body)
    while start > 0 and body[start - 1] in _TOKEN_CHARS:
        start -= 1
    token = body[start:]
    if not token:
        return None
    fixed: str | None = None
    for word in _LITERALS:
        if word != token and word.startswith(token):
            fixed = body[:start] + word
            break
    else:
        if _NUMBER_PREFIX.fullmatch(token):
            complete = _COMPLETE_NUMBER.match(token)
            kept = complete.group() if complete is not None else ""
            if kept != token:
                fixed = body[:start] + kept
    if fixed is None or _ends_inside_string(body):
        return None
    return fixed


def parse_partial_json(text: str | None) -> tuple[JsonValue | None, PartialJSONState]:
    """Parse JSON that may be cut off mid-way, as a model streams it.

    Returns ``(value, state)``: ``(None, "undefined-input")`` for ``None``,
    ``(value, "successful-parse")`` for complete JSON, ``(value, "repaired-parse")`` when the text
    was completed (open strings closed, unfinished arrays and objects closed, a key without a
    value dropped, an unfinished ``tru``/``nul``/``12.`` finished or cut back), and
    ``(None, "failed-parse")`` when it cannot be read as the start of a JSON document.
    """
    if text is None:
        return None, "undefined-input"
    try:
        return _load(text), "successful-parse"
    except ValueError:
        pass
    candidates = [text]
    finished = _finish_tail(text)
    if finished is not None:
        candidates.insert(0, finished)
    for candidate in candidates:
        if not candidate.strip():
            continue
        try:
            return from_json(candidate, allow_partial="trailing-strings"), "repaired-parse"
        except ValueError:
            continue
    return None, "failed-parse"
