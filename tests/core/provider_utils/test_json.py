"""parse_json / safe_parse_json / is_parsable_json and the partial JSON table."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from ai_sdk.provider._errors import JSONParseError, TypeValidationError
from ai_sdk.provider_utils import (
    ParseFailure,
    ParseSuccess,
    is_parsable_json,
    parse_json,
    parse_partial_json,
    safe_parse_json,
)


class Item(BaseModel):
    id: int


def test_parse_json() -> None:
    assert parse_json('{"a": [1, 2.5, null, true]}') == {"a": [1, 2.5, None, True]}
    assert parse_json(b'{"id": "3"}', Item) == Item(id=3)


def test_parse_json_errors() -> None:
    with pytest.raises(JSONParseError) as info:
        parse_json("{oops")
    assert info.value.text == "{oops"
    assert info.value.message.startswith("JSON parsing failed: Text: {oops.\nError message: ")
    with pytest.raises(JSONParseError):
        parse_json("NaN")  # not JSON, even though Python's json module accepts it
    with pytest.raises(TypeValidationError):
        parse_json('{"id": "x"}', Item)


def test_safe_parse_json() -> None:
    assert safe_parse_json("[1]") == ParseSuccess([1], [1])
    assert safe_parse_json('{"id": 1}', Item) == ParseSuccess(Item(id=1), {"id": 1})
    bad = safe_parse_json("[1,")
    assert isinstance(bad, ParseFailure)
    assert isinstance(bad.error, JSONParseError)
    assert bad.raw_value is None
    invalid = safe_parse_json('{"id": []}', Item)
    assert isinstance(invalid, ParseFailure)
    assert isinstance(invalid.error, TypeValidationError)
    assert invalid.raw_value == {"id": []}
    assert invalid.success is False
    assert safe_parse_json("1").success is True


def test_is_parsable_json() -> None:
    assert [is_parsable_json(t) for t in ["{}", '"x"', "1e3", "", "{", "undefined"]] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, (None, "undefined-input")),
        ('{"a": 1}', ({"a": 1}, "successful-parse")),
        ("null", (None, "successful-parse")),
        ("", (None, "failed-parse")),
        ("   ", (None, "failed-parse")),
        ("abc", (None, "failed-parse")),
        ('{"a": nul}', (None, "failed-parse")),  # broken in the middle, not just cut off
        # incomplete literals are finished
        ("nul", (None, "repaired-parse")),
        ("t", (True, "repaired-parse")),
        ("fals", (False, "repaired-parse")),
        ('{"a": tr', ({"a": True}, "repaired-parse")),
        ("[[false], [nu", ([[False], [None]], "repaired-parse")),
        # incomplete numbers are cut back to their last complete form
        ("12.", (12, "repaired-parse")),
        ("2.5e", (2.5, "repaired-parse")),
        ("2.5e-", (2.5, "repaired-parse")),
        ("12.e", (12, "repaired-parse")),
        ('{"a": 12.', ({"a": 12}, "repaired-parse")),
        ('{"a": 1.5e+', ({"a": 1.5}, "repaired-parse")),
        ("-", (None, "failed-parse")),
        ('{"a": -', ({}, "repaired-parse")),
        ("[1, -", ([1], "repaired-parse")),
        # strings are closed, escapes cut back
        ('"abc', ("abc", "repaired-parse")),
        ('"value with \\', ("value with ", "repaired-parse")),
        ('"text \\u00', ("text ", "repaired-parse")),
        ('{"a": "x\\"tr', ({"a": 'x"tr'}, "repaired-parse")),  # "tr" is inside the string
        ('{"a": "x\\\\", "b": fa', ({"a": "x\\", "b": False}, "repaired-parse")),
        # containers are closed, keys without values dropped
        ("[", ([], "repaired-parse")),
        ("[1, ", ([1], "repaired-parse")),
        ("[[1], [2", ([[1], [2]], "repaired-parse")),
        ('{"key":', ({}, "repaired-parse")),
        ('{"ke', ({}, "repaired-parse")),
        ('{"k1": 1, "k2', ({"k1": 1}, "repaired-parse")),
        ('{"k1": 1, "k2":', ({"k1": 1}, "repaired-parse")),
        ('{"key": "value"  ', ({"key": "value"}, "repaired-parse")),
        ('{"a": 1, "b": "', ({"a": 1, "b": ""}, "repaired-parse")),
        ('{"a": {"b": ["c", {"d": "e",', ({"a": {"b": ["c", {"d": "e"}]}}, "repaired-parse")),
    ],
)
def test_parse_partial_json(text: str | None, expected: tuple[object, str]) -> None:
    assert parse_partial_json(text) == expected


def test_parse_partial_json_prefixes_of_a_document_never_fail() -> None:
    document = '{"name": "Ada \\"L\\"", "age": 36.5, "tags": ["x", true, null], "n": -1e-3}'
    for end in range(1, len(document) + 1):
        value, state = parse_partial_json(document[:end])
        assert state in ("repaired-parse", "successful-parse"), document[:end]
        assert isinstance(value, dict)
    assert parse_partial_json(document)[1] == "successful-parse"
