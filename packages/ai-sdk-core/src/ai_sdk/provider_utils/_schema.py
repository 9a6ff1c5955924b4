"""One `Schema` type for pydantic models, plain Python types and raw JSON Schema dicts.

A schema has two jobs: describe the expected value to a model (``json_schema``, with ``$defs``
inlined because several providers do not resolve ``$ref``; ``strict_json_schema`` for OpenAI strict
mode) and check what came back (``validate``, raising `TypeValidationError` with pydantic's error
paths).
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeAlias, TypeVar, cast, overload

from pydantic import JsonValue, TypeAdapter

from ai_sdk.provider._errors import TypeValidationContext, TypeValidationError
from ai_sdk.provider_utils._parse_result import ParseFailure, ParseResult, ParseSuccess

__all__ = [
    "JSONSchema",
    "Schema",
    "SchemaLike",
    "add_additional_properties_false",
    "as_schema",
    "inline_json_schema_refs",
    "json_schema",
    "remove_strict_nulls",
    "to_strict_json_schema",
]

T = TypeVar("T")

JSONSchema: TypeAlias = dict[str, Any]
"""A JSON Schema document as a dict (draft 2020-12 as pydantic emits it, or draft-07)."""

SchemaLike: TypeAlias = object
"""What `as_schema` accepts: a `Schema`, a pydantic model class, any type `TypeAdapter` accepts
(``list[int]``, a ``TypedDict``, a dataclass, ``Annotated[...]``), or ``None``."""


_EMPTY_OBJECT: JSONSchema = {"type": "object", "properties": {}, "additionalProperties": False}
_DEF_PREFIXES = ("#/$defs/", "#/definitions/")


class Schema(Generic[T]):
    """A JSON Schema for the model plus an optional validator for the value it returns.

    Build one with `as_schema` (from a type) or `json_schema` (from a dict); providers and SDK
    functions accept either form wherever a schema is expected.

    Args:
        json_schema: the JSON Schema dict, or a zero-argument callable returning it (called once,
            on first use).
        validate: converts and checks a value, raising on failure; without it values pass
            through unchecked.
        python_type: the Python type the schema was derived from, if any.
    """

    __slots__ = ("_cache", "_source", "_validator", "python_type")

    def __init__(
        self,
        json_schema: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
        *,
        validate: Callable[[Any], T] | None = None,
        python_type: object = None,
    ) -> None:
        self._source = json_schema
        self._validator = validate
        self._cache: dict[str, JSONSchema] = {}
        self.python_type = python_type
        """The type this schema was built from (``None`` for a raw JSON Schema)."""

    def _raw(self) -> JSONSchema:
        raw = self._cache.get("raw")
        if raw is None:
            source = self._source
            raw = dict(source() if callable(source) else source)
            self._cache["raw"] = raw
        return raw

    @property
    def json_schema(self) -> JSONSchema:
        """The schema to send to a model.

        For a type: pydantic's validation schema with ``$defs`` inlined (recursive definitions
        stay as ``$ref``) and ``additionalProperties: false`` on every object that does not say
        otherwise. A raw dict is returned as given. Each access returns a fresh copy.
        """
        cached = self._cache.get("default")
        if cached is None:
            cached = self._raw()
            if self.python_type is not None:
                cached = add_additional_properties_false(inline_json_schema_refs(cached))
            self._cache["default"] = cached
        return copy.deepcopy(cached)

    @property
    def strict_json_schema(self) -> JSONSchema:
        """The schema made acceptable to OpenAI's strict structured outputs.

        ``$defs`` inlined, ``additionalProperties: false`` on every object, every property listed
        in ``required`` and no ``default`` keywords. Strict mode has no optional properties, so
        a property that was optional becomes nullable; `remove_strict_nulls` turns the model's
        ``null`` for it back into an omitted key (and so the field's default).
        """
        cached = self._cache.get("strict")
        if cached is None:
            cached = to_strict_json_schema(self._raw())
            self._cache["strict"] = cached
        return copy.deepcopy(cached)

    @property
    def has_validator(self) -> bool:
        """Whether `validate` checks values (``False`` for a raw schema without ``validate=``)."""
        return self._validator is not None

    def validate(self, value: object, *, context: TypeValidationContext | None = None) -> T:
        """Check ``value`` and return it converted to the schema's type.

        Raises:
            TypeValidationError: the value does not match; for pydantic types the message lists
                each failing path, and ``cause`` is the pydantic ``ValidationError``.
        """
        validator = self._validator
        if validator is None:
            return cast("T", value)
        try:
            return validator(value)
        except Exception as error:
            raise TypeValidationError.wrap(value=value, cause=error, context=context) from error

    def safe_validate(
        self, value: object, *, context: TypeValidationContext | None = None
    ) -> ParseResult[T]:
        """Like `validate`, but return a `ParseSuccess` or `ParseFailure`."""
        validator = self._validator
        if validator is None:
            return ParseSuccess(cast("T", value), cast("JsonValue", value))
        try:
            return ParseSuccess(validator(value), cast("JsonValue", value))
        except Exception as error:
            wrapped = TypeValidationError.wrap(value=value, cause=error, context=context)
            return ParseFailure(wrapped, cast("JsonValue", value))

    def __repr__(self) -> str:
        if self.python_type is not None:
            return f"Schema({getattr(self.python_type, '__name__', self.python_type)!s})"
        return f"Schema({self._raw()!r})"


@overload
def json_schema(
    schema: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
) -> Schema[JsonValue]: ...
@overload
def json_schema(
    schema: Mapping[str, Any] | Callable[[], Mapping[str, Any]], validate: Callable[[Any], T]
) -> Schema[T]: ...
def json_schema(
    schema: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
    validate: Callable[[Any], Any] | None = None,
) -> Schema[Any]:
    """A `Schema` from a raw JSON Schema dict (or a callable returning one, called lazily).

    Args:
        schema: the JSON Schema, sent to the model as given.
        validate: optional; called with each value, returns the converted value or raises.
            Without it values are not checked.
    """
    return Schema(schema, validate=validate)


@functools.lru_cache(maxsize=512)
def _schema_for_type(tp: Any) -> Schema[Any]:
    adapter: TypeAdapter[Any] = TypeAdapter(tp)
    return Schema(
        lambda: adapter.json_schema(mode="validation"),
        validate=adapter.validate_python,
        python_type=tp,
    )


@overload
def as_schema(value: None) -> Schema[JsonValue]: ...
@overload
def as_schema(value: Schema[T]) -> Schema[T]: ...
@overload
def as_schema(value: type[T]) -> Schema[T]: ...
@overload
def as_schema(value: SchemaLike) -> Schema[Any]: ...
def as_schema(value: object) -> Schema[Any]:
    """Turn anything schema-like into a `Schema`.

    ``None`` gives an empty object schema (``{"type": "object", "properties": {},
    "additionalProperties": false}``) without validation; a `Schema` is returned as is; a pydantic
    model class or any other type is wrapped with a cached ``TypeAdapter``.
    """
    if value is None:
        return Schema(_EMPTY_OBJECT)
    if isinstance(value, Schema):
        return cast("Schema[Any]", value)
    if isinstance(value, Mapping):
        raise TypeError(
            "as_schema() got a dict; wrap a raw JSON Schema with json_schema(...) to use it"
        )
    try:
        return _schema_for_type(value)
    except TypeError:  # unhashable annotation objects cannot be cached
        return _schema_for_type.__wrapped__(value)


# -- JSON Schema transforms -------------------------------------------------------------------


def _def_name(ref: object) -> str | None:
    if isinstance(ref, str):
        for prefix in _DEF_PREFIXES:
            if ref.startswith(prefix):
                return ref[len(prefix) :].replace("~1", "/").replace("~0", "~")
    return None


def inline_json_schema_refs(schema: Mapping[str, Any]) -> JSONSchema:
    """Replace every ``$ref`` to ``#/$defs/...`` (or ``#/definitions/...``) with its definition.

    Sibling keywords of a ``$ref`` (a field's ``description``, say) override the definition's.
    Recursive definitions cannot be inlined: their references stay, and only those definitions
    are kept under ``$defs``. The input is not modified.
    """
    defs: dict[str, Any] = {}
    for key in ("definitions", "$defs"):
        found = schema.get(key)
        if isinstance(found, Mapping):
            defs.update(cast("Mapping[str, Any]", found))
    kept: dict[str, Any] = {}

    def visit(node: Any, stack: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [visit(item, stack) for item in cast("list[Any]", node)]
        if not isinstance(node, Mapping):
            return node
        mapping = cast("Mapping[str, Any]", node)
        name = _def_name(mapping.get("$ref"))
        if name is not None and name in defs:
            if name in stack:  # recursion: keep the reference and the definition
                if name not in kept:
                    kept[name] = None
                    kept[name] = visit(defs[name], (name,))
                # References may use either prefix; the kept definitions live under `$defs`.
                out = {k: visit(v, stack) for k, v in mapping.items() if k != "$ref"}
                out["$ref"] = "#/$defs/" + name.replace("~", "~0").replace("/", "~1")
                return out
            merged = dict(visit(defs[name], (*stack, name)))
            merged.update({k: visit(v, stack) for k, v in mapping.items() if k != "$ref"})
            return merged
        return {k: visit(v, stack) for k, v in mapping.items() if k not in ("$defs", "definitions")}

    result: JSONSchema = visit(schema, ())
    if kept:
        result["$defs"] = kept
    return result


def add_additional_properties_false(
    schema: Mapping[str, Any], *, force: bool = False
) -> JSONSchema:
    """Set ``additionalProperties: false`` on every object schema that does not define it.

    A schema-valued ``additionalProperties`` (``dict[str, int]``) is visited, not replaced. An
    explicit ``true`` (``dict[str, Any]``) is kept unless ``force`` is set, as strict mode needs.
    The input is not modified.
    """
    return cast("JSONSchema", _visit_objects(schema, strict=False, force=force))


def to_strict_json_schema(schema: Mapping[str, Any]) -> JSONSchema:
    """The OpenAI-strict form of ``schema`` (see `Schema.strict_json_schema`)."""
    inlined = inline_json_schema_refs(schema)
    return cast("JSONSchema", _visit_objects(inlined, strict=True, force=True))


_SUBSCHEMA_LISTS = ("anyOf", "allOf", "oneOf", "prefixItems")
_SUBSCHEMA_MAPS = ("properties", "$defs", "definitions", "patternProperties")
_SUBSCHEMA_ONE = ("items", "not", "if", "then", "else", "contains")


def _visit_objects(node: Any, *, strict: bool, force: bool) -> Any:
    if isinstance(node, list):
        return [
            _visit_objects(item, strict=strict, force=force) for item in cast("list[Any]", node)
        ]
    if not isinstance(node, Mapping):
        return node
    out: dict[str, Any] = dict(cast("Mapping[str, Any]", node))
    for key in _SUBSCHEMA_LISTS:
        if isinstance(out.get(key), list):
            out[key] = _visit_objects(out[key], strict=strict, force=force)
    for key in _SUBSCHEMA_MAPS:
        sub = out.get(key)
        if isinstance(sub, Mapping):
            out[key] = {
                k: _visit_objects(v, strict=strict, force=force)
                for k, v in cast("Mapping[str, Any]", sub).items()
            }
    for key in _SUBSCHEMA_ONE:
        if key in out:
            out[key] = _visit_objects(out[key], strict=strict, force=force)

    kind = out.get("type")
    is_object = (
        kind == "object"
        or (isinstance(kind, list) and "object" in cast("list[Any]", kind))
        or (kind is None and "properties" in out)
    )
    if is_object:
        extra = out.get("additionalProperties")
        if isinstance(extra, Mapping):
            out["additionalProperties"] = _visit_objects(extra, strict=strict, force=force)
        elif extra is None or (force and extra is True):
            out["additionalProperties"] = False
    if strict:
        out.pop("default", None)
        properties = out.get("properties")
        if isinstance(properties, Mapping):
            properties = cast("Mapping[str, Any]", properties)
            required = out.get("required")
            was_required: set[object] = (
                set(cast("list[object]", required)) if isinstance(required, list) else set()
            )
            out["properties"] = {
                name: sub if name in was_required else _nullable(sub)
                for name, sub in properties.items()
            }
            out["required"] = list(properties)
        all_of = out.get("allOf")
        if isinstance(all_of, list) and len(cast("list[Any]", all_of)) == 1:
            only = cast("list[Any]", all_of)[0]
            if isinstance(only, Mapping):
                del out["allOf"]
                out = {**cast("Mapping[str, Any]", only), **out}
    return out


_SCALAR_TYPES = frozenset({"string", "integer", "number", "boolean"})
_COMPOSITE_KEYS = ("enum", "const", "anyOf", "oneOf", "allOf", "$ref")


def _allows_null(schema: object) -> bool:
    if not isinstance(schema, Mapping):
        return True  # `true` and the like accept anything
    node = cast("Mapping[str, Any]", schema)
    if not node:
        return True
    kind = node.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in cast("list[Any]", kind)):
        return True
    if "const" in node and node["const"] is None:
        return True
    enum = node.get("enum")
    if isinstance(enum, list) and None in cast("list[Any]", enum):
        return True
    for key in ("anyOf", "oneOf"):
        branches = node.get(key)
        if isinstance(branches, list) and any(
            _allows_null(branch) for branch in cast("list[Any]", branches)
        ):
            return True
    return False


def _nullable(schema: Any) -> Any:
    """``schema`` accepting ``null`` too (a type list for scalars, ``anyOf`` otherwise)."""
    if _allows_null(schema):
        return schema
    node = cast("Mapping[str, Any]", schema)
    kind = node.get("type")
    if kind in _SCALAR_TYPES and not any(key in node for key in _COMPOSITE_KEYS):
        return {**node, "type": [kind, "null"]}
    return {"anyOf": [dict(node), {"type": "null"}]}


def remove_strict_nulls(value: Any, schema: Mapping[str, Any]) -> Any:
    """Drop the ``null`` a model gave for an optional, non-nullable property of ``schema``.

    The inverse of what `to_strict_json_schema` does to such a property: the key is left out,
    so the field's default applies on validation. ``schema`` is the schema before the strict
    transform (``Schema.json_schema``); values it does not describe are returned unchanged.
    """
    root_defs: Mapping[str, Any] = {}
    for key in ("definitions", "$defs"):
        found = schema.get(key)
        if isinstance(found, Mapping):
            root_defs = {**root_defs, **cast("Mapping[str, Any]", found)}

    def resolve(node: object, depth: int = 0) -> Mapping[str, Any] | None:
        if not isinstance(node, Mapping) or depth > 32:
            return None
        mapping = cast("Mapping[str, Any]", node)
        name = _def_name(mapping.get("$ref"))
        if name is not None and name in root_defs:
            return resolve(root_defs[name], depth + 1)
        all_of = mapping.get("allOf")
        if isinstance(all_of, list) and len(cast("list[Any]", all_of)) == 1:
            return resolve(cast("list[Any]", all_of)[0], depth + 1)
        return mapping

    def only_branch_with(node: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
        # The one `anyOf`/`oneOf` branch that has `key` (an optional object or array is the
        # union of it and null); none when no branch or several have it.
        for union in ("anyOf", "oneOf"):
            branches = node.get(union)
            if isinstance(branches, list):
                found = [
                    resolved
                    for branch in cast("list[Any]", branches)
                    if (resolved := resolve(branch)) is not None and key in resolved
                ]
                if len(found) == 1:
                    return found[0]
        return None

    def object_branch(node: Mapping[str, Any]) -> Mapping[str, Any] | None:
        return node if "properties" in node else only_branch_with(node, "properties")

    def array_items(node: Mapping[str, Any]) -> Mapping[str, Any] | None:
        items = resolve(node.get("items"))
        if items is not None:
            return items
        array = only_branch_with(node, "items")
        return None if array is None else resolve(array.get("items"))

    def visit(item: object, node: Mapping[str, Any] | None, depth: int) -> object:
        if node is None or depth > 64:
            return item
        if isinstance(item, dict):
            item = cast("dict[str, object]", item)
            described = object_branch(node)
            if described is None:
                return item
            properties = described.get("properties")
            if not isinstance(properties, Mapping):
                return item
            properties = cast("Mapping[str, Any]", properties)
            required = described.get("required")
            kept: set[object] = (
                set(cast("list[object]", required)) if isinstance(required, list) else set()
            )
            out: dict[str, Any] = {}
            for key, sub_value in item.items():
                sub = resolve(properties.get(key))
                omitted = sub_value is None and sub is not None and key not in kept
                if omitted and not _allows_null(sub):
                    continue
                out[key] = visit(sub_value, sub, depth + 1)
            return out
        if isinstance(item, list):
            items = array_items(node)
            return [visit(element, items, depth + 1) for element in cast("list[Any]", item)]
        return item

    return visit(value, resolve(schema), 0)
