"""Schema: pydantic types and raw JSON Schema, inlined and strict JSON Schema, validation."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel, Field
from typing_extensions import TypedDict

from ai_sdk.provider._errors import TypeValidationError
from ai_sdk.provider_utils import (
    ParseFailure,
    ParseSuccess,
    Schema,
    as_schema,
    inline_json_schema_refs,
    json_schema,
    remove_strict_nulls,
    to_strict_json_schema,
)


class Address(BaseModel):
    street: str
    zip: str | None = None


class Person(BaseModel):
    """A person."""

    name: str = Field(description="Full name")
    age: int = 0
    home: Address
    others: list[Address] = []


ADDRESS_STRICT = {
    "properties": {
        "street": {"title": "Street", "type": "string"},
        "zip": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Zip"},
    },
    "required": ["street", "zip"],
    "title": "Address",
    "type": "object",
    "additionalProperties": False,
}


def test_nested_model_strict_schema_is_inlined() -> None:
    assert as_schema(Person).strict_json_schema == {
        "description": "A person.",
        "properties": {
            "name": {"description": "Full name", "title": "Name", "type": "string"},
            # Optional fields are required but nullable: strict mode has no optional properties.
            "age": {"title": "Age", "type": ["integer", "null"]},
            "home": ADDRESS_STRICT,
            "others": {
                "anyOf": [
                    {"items": ADDRESS_STRICT, "title": "Others", "type": "array"},
                    {"type": "null"},
                ]
            },
        },
        "required": ["name", "age", "home", "others"],
        "title": "Person",
        "type": "object",
        "additionalProperties": False,
    }


def test_default_schema_is_inlined_with_additional_properties_false() -> None:
    schema = as_schema(Person).json_schema
    assert "$defs" not in schema
    assert schema["required"] == ["name", "home"]  # optional fields stay optional
    assert schema["additionalProperties"] is False
    assert schema["properties"]["home"] == {
        "properties": {
            "street": {"title": "Street", "type": "string"},
            "zip": {
                "anyOf": [{"type": "string"}, {"type": "null"}],
                "default": None,
                "title": "Zip",
            },
        },
        "required": ["street"],
        "title": "Address",
        "type": "object",
        "additionalProperties": False,
    }


def test_json_schema_returns_a_fresh_copy() -> None:
    schema = as_schema(Person)
    schema.json_schema["title"] = "changed"
    schema.strict_json_schema["title"] = "changed"
    assert schema.json_schema["title"] == schema.strict_json_schema["title"] == "Person"


def test_recursive_model_keeps_only_its_own_definition() -> None:
    class Node(BaseModel):
        value: int
        children: list[Node] = []

    node = {
        "properties": {
            "value": {"title": "Value", "type": "integer"},
            "children": {
                "anyOf": [
                    {"items": {"$ref": "#/$defs/Node"}, "title": "Children", "type": "array"},
                    {"type": "null"},
                ]
            },
        },
        "required": ["value", "children"],
        "title": "Node",
        "type": "object",
        "additionalProperties": False,
    }
    assert as_schema(Node).strict_json_schema == {**node, "$defs": {"Node": node}}


def test_validation_converts_and_reports_error_paths() -> None:
    schema = as_schema(Person)
    assert schema.validate({"name": "Ada", "home": {"street": "Main"}, "extra": 1}) == Person(
        name="Ada", home=Address(street="Main")
    )

    value = {"name": 3, "home": {"zip": 5}, "others": [{"street": None}]}
    with pytest.raises(TypeValidationError) as info:
        schema.validate(value, context={"field": "output", "entity_name": "person"})

    error = info.value
    assert error.value is value
    assert error.context == {"field": "output", "entity_name": "person"}
    assert error.message == (
        'Type validation failed for output (person): Value: {"name":3,"home":{"zip":5},'
        '"others":[{"street":null}]}.\n'
        "Error message: name: Input should be a valid string; home.street: Field required; "
        "home.zip: Input should be a valid string; others.0.street: Input should be a valid string"
    )
    assert [e["loc"] for e in error.cause.errors()] == [  # type: ignore[attr-defined]
        ("name",),
        ("home", "street"),
        ("home", "zip"),
        ("others", 0, "street"),
    ]


def test_safe_validate() -> None:
    schema = as_schema(Address)
    assert schema.safe_validate({"street": "a"}) == ParseSuccess(
        Address(street="a"), {"street": "a"}
    )
    failure = schema.safe_validate({"street": 1})
    assert isinstance(failure, ParseFailure)
    assert isinstance(failure.error, TypeValidationError)
    assert failure.raw_value == {"street": 1}


def test_plain_types_and_typed_dicts() -> None:
    class Point(TypedDict):
        x: int
        y: int

    assert as_schema(list[int]).json_schema == {"items": {"type": "integer"}, "type": "array"}
    assert as_schema(list[int]).validate(["1", 2]) == [1, 2]
    assert as_schema(Point).validate({"x": 1, "y": "2"}) == {"x": 1, "y": 2}
    assert as_schema(Point).json_schema["additionalProperties"] is False
    positive = as_schema(Annotated[int, Field(gt=0)])
    with pytest.raises(TypeValidationError, match="greater than 0"):
        positive.validate(0)


def test_as_schema_none_and_passthrough() -> None:
    empty = as_schema(None)
    assert empty.json_schema == {"type": "object", "properties": {}, "additionalProperties": False}
    assert not empty.has_validator
    assert empty.validate({"anything": 1}) == {"anything": 1}
    schema = as_schema(Person)
    assert as_schema(schema) is schema
    assert as_schema(Person) is schema  # cached per type
    with pytest.raises(TypeError, match="json_schema"):
        as_schema({"type": "object"})


def test_raw_json_schema() -> None:
    raw = {"type": "object", "properties": {"a": {"type": "integer"}}}
    schema = json_schema(raw)
    assert schema.json_schema == raw  # sent as given
    assert schema.validate({"a": "not checked"}) == {"a": "not checked"}
    assert schema.strict_json_schema == {
        "type": "object",
        "properties": {"a": {"type": ["integer", "null"]}},
        "additionalProperties": False,
        "required": ["a"],
    }


def test_raw_json_schema_with_validator_and_lazy_source() -> None:
    calls: list[int] = []

    def source() -> dict[str, Any]:
        calls.append(1)
        return {"type": "integer"}

    def validate(value: object) -> int:
        if not isinstance(value, int):
            raise ValueError("expected an int")
        return value

    schema: Schema[int] = json_schema(source, validate)
    assert calls == []
    assert schema.json_schema == schema.json_schema == {"type": "integer"}
    assert calls == [1]
    assert schema.validate(3) == 3
    with pytest.raises(TypeValidationError, match="expected an int") as info:
        schema.validate("x")
    assert isinstance(info.value.__cause__, ValueError)


def test_inline_refs_handles_definitions_and_sibling_keywords() -> None:
    schema = {
        "definitions": {"Id": {"type": "string", "description": "an id"}},
        "type": "object",
        "properties": {"id": {"$ref": "#/definitions/Id", "description": "the user id"}},
    }
    assert inline_json_schema_refs(schema) == {
        "type": "object",
        "properties": {"id": {"type": "string", "description": "the user id"}},
    }
    assert "definitions" in schema  # input untouched


def test_strict_flattens_single_all_of_and_forces_closed_objects() -> None:
    schema = {
        "type": "object",
        "properties": {
            "a": {"allOf": [{"type": "object", "properties": {"b": {"type": "string"}}}]},
            "free": {"type": "object", "additionalProperties": True},
        },
    }
    assert to_strict_json_schema(schema) == {
        "type": "object",
        "properties": {
            "a": {
                "anyOf": [
                    {
                        "type": "object",
                        "properties": {"b": {"type": ["string", "null"]}},
                        "additionalProperties": False,
                        "required": ["b"],
                    },
                    {"type": "null"},
                ]
            },
            "free": {
                "anyOf": [{"type": "object", "additionalProperties": False}, {"type": "null"}]
            },
        },
        "additionalProperties": False,
        "required": ["a", "free"],
    }


class Tag(BaseModel):
    label: str
    color: str = "red"


class Item(BaseModel):
    name: str
    tags: list[Tag] = []
    note: str | None = None
    kind: Literal["a", "b"] = "a"


def test_strict_schema_makes_optional_fields_nullable_and_every_object_closed() -> None:
    """OpenAI strict mode: all properties required, optional ones nullable, recursively."""
    strict = as_schema(Item).strict_json_schema
    tag = {
        "properties": {
            "label": {"title": "Label", "type": "string"},
            "color": {"title": "Color", "type": ["string", "null"]},
        },
        "required": ["label", "color"],
        "title": "Tag",
        "type": "object",
        "additionalProperties": False,
    }
    assert strict == {
        "properties": {
            "name": {"title": "Name", "type": "string"},
            "tags": {"anyOf": [{"items": tag, "title": "Tags", "type": "array"}, {"type": "null"}]},
            "note": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Note"},
            "kind": {
                "anyOf": [{"enum": ["a", "b"], "title": "Kind", "type": "string"}, {"type": "null"}]
            },
        },
        "required": ["name", "tags", "note", "kind"],
        "title": "Item",
        "type": "object",
        "additionalProperties": False,
    }
    # The model's nulls for optional, non-nullable fields become omitted keys (their defaults).
    answer = {
        "name": "x",
        "tags": [{"label": "t", "color": None}],
        "note": None,
        "kind": None,
    }
    restored = remove_strict_nulls(answer, as_schema(Item).json_schema)
    assert restored == {"name": "x", "tags": [{"label": "t"}], "note": None}
    assert Item.model_validate(restored) == Item(name="x", tags=[Tag(label="t")])


def test_remove_strict_nulls_follows_recursive_refs_and_leaves_the_rest() -> None:
    class Node(BaseModel):
        value: int = 0
        child: Node | None = None
        children: list[Node] = []

    schema = as_schema(Node).json_schema
    answer = {"value": None, "child": {"value": 1, "child": None, "children": None}, "children": []}
    assert remove_strict_nulls(answer, schema) == {
        "child": {"value": 1, "child": None},
        "children": [],
    }
    assert remove_strict_nulls([1, None], schema) == [1, None]
    assert remove_strict_nulls({"x": None}, {"type": "object"}) == {"x": None}
