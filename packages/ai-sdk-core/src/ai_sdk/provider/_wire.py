"""The base classes and value types that make every spec object dump to the exact upstream JSON.

The TypeScript SDK sends spec objects with `JSON.stringify`, so the rules here mirror what that
does: camelCase keys, `undefined` fields left out (our `None` on optional fields), `null` kept
where the value is a JSON value, `Uint8Array` as standard base64 and `Date` as
`toISOString()` text.
"""

import base64
import functools
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar, TypeAlias, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    JsonValue,
    PlainSerializer,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    model_serializer,
)
from pydantic.alias_generators import to_camel
from pydantic_core import to_jsonable_python

__all__ = [
    "JSONArray",
    "JSONObject",
    "JSONValue",
    "ProviderMetadata",
    "ProviderOptions",
    "WireData",
    "WireModel",
    "to_wire",
]

JSONValue: TypeAlias = JsonValue
"""Any value JSON can express: `None`, `str`, `int`, `float`, `bool`, a list or a str-keyed dict.

Pydantic's own alias is reused because its validator is fast on JSON input and rejects
non-JSON Python values (tuples, sets, objects) instead of coercing them.
"""

JSONObject: TypeAlias = dict[str, JSONValue]
"""A JSON object."""

JSONArray: TypeAlias = list[JSONValue]
"""A JSON array."""

ProviderOptions: TypeAlias = dict[str, JSONObject]
"""Provider-specific options keyed by provider name, e.g. `{"openai": {"user": "u1"}}`."""

ProviderMetadata: TypeAlias = dict[str, JSONObject]
"""Provider-specific metadata keyed by provider name, e.g. `{"gateway": {"generationId": "g"}}`."""


class WireModel(BaseModel):
    """Base class of the spec objects that travel as JSON and are pydantic models.

    Attributes are snake_case and accept either spelling on input; the camelCase aliases are
    the wire keys. Objects are immutable: derive a changed copy with `model_copy(update=...)`.
    Unknown keys from newer servers are ignored rather than rejected.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="ignore",
        frozen=True,
        # Build validators on first use: halves `import ai_sdk` time, and unused models
        # (image, embedding, ...) are never built.
        defer_build=True,
        # `model_id` is a spec field name; pydantic < 2.10 reserves the `model_` prefix.
        protected_namespaces=(),
    )


class WireData:
    """Base class of the spec objects that are slotted stdlib dataclasses (stream parts, content).

    Stream parts are built once per streamed token, so they are plain data with no validation: a
    constructor call costs what a dataclass costs. Attributes are snake_case; the camelCase
    aliases are the wire keys, read and written by a pydantic `TypeAdapter` only where the data
    crosses the wire (the gateway parses streamed parts, `to_wire` dumps them). Derive a changed
    copy with `dataclasses.replace(part, ...)`. Unknown keys from newer servers are ignored.
    """

    __slots__ = ()

    # Read by pydantic when a `TypeAdapter` covers a subclass; never used on the per-token path.
    __pydantic_config__: ClassVar[ConfigDict] = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="ignore"
    )


@functools.cache
def _adapter(cls: type[WireData]) -> TypeAdapter[Any]:
    # Built on first dump of each class, not at import.
    return TypeAdapter(cls)


def to_wire(obj: WireModel | WireData) -> JSONObject:
    """Dump a spec object to the JSON dict the TypeScript SDK would put on the wire.

    Args:
        obj: Any spec object (call options, a message, a stream part, a result, ...).

    Returns:
        A dict of JSON values with camelCase keys; optional fields that are `None` are left out.
    """
    if isinstance(obj, WireModel):
        return cast("JSONObject", obj.model_dump(mode="json", by_alias=True, exclude_none=True))
    return cast(
        "JSONObject",
        _adapter(type(obj)).dump_python(obj, mode="json", by_alias=True, exclude_none=True),
    )


def _restore_json_nulls(
    data: dict[str, Any], obj: object, names: tuple[str, ...], info: SerializationInfo
) -> dict[str, Any]:
    """Put back the `None` of `names` that `exclude_none` dropped: they are JSON `null`."""
    if not info.exclude_none:
        return data
    include = cast("Any", info.include)
    exclude = cast("Any", info.exclude)
    for name in names:
        if getattr(obj, name) is not None:
            continue
        if (include is not None and name not in include) or (
            exclude is not None and name in exclude
        ):
            continue
        data[to_camel(name) if info.by_alias else name] = None
    return data


class KeepsJSONNull(WireModel):
    """A wire model whose `_json_null_fields` stay `null` when `exclude_none` drops the rest.

    `exclude_none` stands for TypeScript's omission of `undefined`, but in a JSON-valued field
    `None` is JSON `null`, which `JSON.stringify` keeps (`{"type": "json", "value": null}`).
    """

    _json_null_fields: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _restore_json_nulls(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data = cast("dict[str, Any]", handler(self))
        return _restore_json_nulls(data, self, self._json_null_fields, info)


class KeepsJSONNullData(WireData):
    """`KeepsJSONNull` for dataclass spec objects: `_json_null_fields` dump `None` as `null`."""

    __slots__ = ()

    _json_null_fields: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _restore_json_nulls(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data = cast("dict[str, Any]", handler(self))
        return _restore_json_nulls(data, self, self._json_null_fields, info)


def _bytes_to_base64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


WireBytes = Annotated[bytes, PlainSerializer(_bytes_to_base64, return_type=str, when_used="json")]
"""Binary data: `bytes` in Python, standard (not URL-safe) base64 text in JSON."""


def _datetime_to_iso(value: datetime) -> str:
    # Naive datetimes are read as UTC so the wire text never depends on the machine's zone.
    utc = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


WireDatetime = Annotated[
    datetime, PlainSerializer(_datetime_to_iso, return_type=str, when_used="json")
]
"""A point in time: `datetime` in Python, `Date.toISOString()` text in JSON (`...12:00:00.000Z`)."""


def _unknown_fallback(value: Any) -> Any:
    if isinstance(value, BaseException):
        name = getattr(value, "name", None)
        return {
            "name": name if isinstance(name, str) else type(value).__name__,
            "message": str(value),
        }
    return str(value)


def _unknown_to_json(value: object) -> Any:
    return to_jsonable_python(value, fallback=_unknown_fallback)


WireUnknown = Annotated[
    object, PlainSerializer(_unknown_to_json, return_type=Any, when_used="json")
]
"""A value the spec types as `unknown` (raw chunks, errors, bodies).

Kept as-is in Python; in JSON, exceptions become `{"name", "message"}` and other values that
JSON cannot express become their `str()`, so dumping never fails.
"""


def _drop_none_headers(
    value: dict[str, str | None], info: SerializationInfo
) -> dict[str, str | None]:
    if info.exclude_none:
        return {key: item for key, item in value.items() if item is not None}
    return value


RequestHeaders = Annotated[dict[str, str | None], PlainSerializer(_drop_none_headers)]
"""Extra request headers; a `None` value removes a header and is left out on the wire."""
