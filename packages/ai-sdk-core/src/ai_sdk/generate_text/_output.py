"""Structured output: what to ask the model for, and how to read its answer (whole or partial).

Pass ``output=Output.object(schema=Model)`` (or ``array``, ``choice``, ``json``, ``text``) to
`generate_text`/`stream_text`. The final text is parsed only when the last step finished with
``stop``; partial outputs (streaming) are repaired JSON that is never validated, so they never
fail mid-stream.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Generic, TypeVar, cast, overload

from pydantic import PydanticUserError

from ai_sdk.generate_text._usage import LanguageModelUsage
from ai_sdk.provider import (
    InvalidArgumentError,
    JSONObject,
    JsonResponseFormat,
    JSONValue,
    NoObjectGeneratedError,
    ResponseFormat,
    TextResponseFormat,
    TypeValidationError,
)
from ai_sdk.provider_utils import (
    ParseFailure,
    Schema,
    as_schema,
    parse_partial_json,
    remove_strict_nulls,
    safe_parse_json,
)

__all__ = ["Output", "OutputContext", "schema_argument"]

OutputT = TypeVar("OutputT")
PartialT = TypeVar("PartialT")
ElementT = TypeVar("ElementT")
T = TypeVar("T")
ChoiceT = TypeVar("ChoiceT", bound=str)

_DRAFT_07 = "http://json-schema.org/draft-07/schema#"
_NOT_PARSED = "No object generated: could not parse the response."
_NOT_VALID = "No object generated: response did not match schema."


def schema_argument(value: object, parameter: str) -> Schema[Any]:
    """`as_schema` for a schema a user passed: anything that is not one (a number, a raw dict, a
    type pydantic cannot describe) is an `InvalidArgumentError` naming ``parameter``."""
    try:
        return as_schema(value)
    except (TypeError, PydanticUserError) as error:
        is_dict = isinstance(value, Mapping)
        hint = (
            "wrap a raw JSON Schema dict with json_schema(...)"
            if is_dict
            else "expected a pydantic model class, a type, or json_schema(...)"
        )
        raise InvalidArgumentError(
            f"{hint}, got {value!r:.100}", parameter=parameter, value=value, cause=error
        ) from error


class OutputContext:
    """What an output parser knows about the response, for `NoObjectGeneratedError`."""

    __slots__ = ("finish_reason", "response", "usage")

    def __init__(self, *, response: object, usage: LanguageModelUsage, finish_reason: str) -> None:
        self.response = response
        self.usage = usage
        self.finish_reason = finish_reason


class Output(Generic[OutputT, PartialT, ElementT]):
    """An output specification; build one with `Output.text`, `Output.object`, `Output.array`,
    `Output.choice` or `Output.json`.

    Subclass it for a custom format: override `response_format`, `parse_complete` and
    `parse_partial` (and `elements` for element streams).
    """

    name: str = "text"

    def response_format(self) -> ResponseFormat:
        """The response format sent to the model."""
        return TextResponseFormat()

    def parse_complete(self, text: str, context: OutputContext) -> OutputT:
        """Parse the final text of the last step.

        Raises:
            NoObjectGeneratedError: the text is not valid output.
        """
        return cast("OutputT", text)

    def parse_partial(self, text: str) -> tuple[PartialT] | None:
        """The partial output for streamed text so far, as a 1-tuple, or ``None`` if none yet."""
        return (cast("PartialT", text),)

    def elements(self, partial: PartialT) -> Sequence[ElementT]:
        """The complete elements within a partial output (array outputs only)."""
        return ()

    # -- factories ------------------------------------------------------------------------------

    @staticmethod
    def text() -> Output[str, str, Any]:
        """Plain text (the default)."""
        return Output()

    @overload
    @staticmethod
    def object(
        *, schema: type[T], name: str | None = None, description: str | None = None
    ) -> Output[T, JSONValue, Any]: ...
    @overload
    @staticmethod
    def object(
        *, schema: Schema[T], name: str | None = None, description: str | None = None
    ) -> Output[T, JSONValue, Any]: ...
    @staticmethod
    def object(
        *, schema: object, name: str | None = None, description: str | None = None
    ) -> Output[Any, JSONValue, Any]:
        """An object matching ``schema``: a pydantic model (the output is an instance), any type
        pydantic validates, or `json_schema(...)`.

        Args:
            schema: the object's schema.
            name: a name for the output, used by some providers as guidance.
            description: a description of the output, used by some providers as guidance.
        """
        return _ObjectOutput(schema_argument(schema, "schema"), name, description)

    @overload
    @staticmethod
    def array(
        *, element: type[T], name: str | None = None, description: str | None = None
    ) -> Output[list[T], list[T], T]: ...
    @overload
    @staticmethod
    def array(
        *, element: Schema[T], name: str | None = None, description: str | None = None
    ) -> Output[list[T], list[T], T]: ...
    @staticmethod
    def array(
        *, element: object, name: str | None = None, description: str | None = None
    ) -> Output[list[Any], list[Any], Any]:
        """A list of elements matching ``element``; the model answers ``{"elements": [...]}``.

        While streaming, the partial output holds the elements complete so far (validated), and
        `StreamTextResult.element_stream` yields each once.
        """
        return _ArrayOutput(schema_argument(element, "element"), name, description)

    @staticmethod
    def choice(
        *, options: Sequence[ChoiceT], name: str | None = None, description: str | None = None
    ) -> Output[ChoiceT, ChoiceT, Any]:
        """One of ``options``; the model answers ``{"result": "<option>"}``."""
        if (
            isinstance(options, str)
            or not options
            or not all(isinstance(cast("object", option), str) for option in options)
        ):
            raise InvalidArgumentError(
                f"options must be a non-empty list of strings, got {options!r:.100}",
                parameter="options",
                value=options,
            )
        return _ChoiceOutput(list(options), name, description)

    @staticmethod
    def json(
        *, name: str | None = None, description: str | None = None
    ) -> Output[JSONValue, JSONValue, Any]:
        """Any JSON value (JSON mode without a schema)."""
        return _JsonOutput(name, description)


def _no_object(message: str, cause: object, text: str, context: OutputContext) -> Exception:
    return NoObjectGeneratedError(
        message,
        cause=cause,
        text=text,
        response=context.response,
        usage=context.usage,
        finish_reason=context.finish_reason,
    )


def _parse_json(text: str, context: OutputContext) -> JSONValue:
    result = safe_parse_json(text)
    if isinstance(result, ParseFailure):
        raise _no_object(_NOT_PARSED, result.error, text, context)
    return result.value


def _partial_json(text: str) -> tuple[JSONValue] | None:
    value, state = parse_partial_json(text)
    if state in ("failed-parse", "undefined-input"):
        return None
    return (value,)


class _JsonOutput(Output[JSONValue, JSONValue, Any]):
    name = "json"

    def __init__(self, name: str | None, description: str | None) -> None:
        self._format = JsonResponseFormat(name=name, description=description)

    def response_format(self) -> ResponseFormat:
        return self._format

    def parse_complete(self, text: str, context: OutputContext) -> JSONValue:
        return _parse_json(text, context)

    def parse_partial(self, text: str) -> tuple[JSONValue] | None:
        return _partial_json(text)


class _ObjectOutput(Output[Any, JSONValue, Any]):
    name = "object"

    def __init__(self, schema: Schema[Any], name: str | None, description: str | None) -> None:
        self._schema = schema
        self._name = name
        self._description = description

    def response_format(self) -> ResponseFormat:
        return JsonResponseFormat(
            schema=self._schema.json_schema, name=self._name, description=self._description
        )

    def parse_complete(self, text: str, context: OutputContext) -> Any:
        # A strict schema made optional properties nullable: their nulls become omitted keys.
        value = remove_strict_nulls(_parse_json(text, context), self._schema.json_schema)
        result = self._schema.safe_validate(value)
        if isinstance(result, ParseFailure):
            raise _no_object(_NOT_VALID, result.error, text, context)
        return result.value

    def parse_partial(self, text: str) -> tuple[JSONValue] | None:
        return _partial_json(text)


class _ArrayOutput(Output[list[Any], list[Any], Any]):
    name = "array"

    def __init__(self, element: Schema[Any], name: str | None, description: str | None) -> None:
        self._element = element
        self._name = name
        self._description = description

    def response_format(self) -> ResponseFormat:
        item = dict(self._element.json_schema)
        item.pop("$schema", None)
        definitions = item.pop("definitions", None)
        defs = item.pop("$defs", None)
        schema: dict[str, Any] = {"$schema": _DRAFT_07}
        if definitions is not None:
            schema["definitions"] = definitions
        if defs is not None:
            schema["$defs"] = defs
        schema.update(
            {
                "type": "object",
                "properties": {"elements": {"type": "array", "items": item}},
                "required": ["elements"],
                "additionalProperties": False,
            }
        )
        return JsonResponseFormat(schema=schema, name=self._name, description=self._description)

    def parse_complete(self, text: str, context: OutputContext) -> list[Any]:
        outer = _parse_json(text, context)
        if not isinstance(outer, dict) or not isinstance(outer.get("elements"), list):
            raise _no_object(
                _NOT_VALID,
                TypeValidationError(
                    value=outer, cause="response must be an object with an elements array"
                ),
                text,
                context,
            )
        validated: list[Any] = []
        element_schema = self._element.json_schema
        for element in cast("list[JSONValue]", outer["elements"]):
            result = self._element.safe_validate(remove_strict_nulls(element, element_schema))
            if isinstance(result, ParseFailure):
                raise _no_object(_NOT_VALID, result.error, text, context)
            validated.append(result.value)
        return validated

    def parse_partial(self, text: str) -> tuple[list[Any]] | None:
        value, state = parse_partial_json(text)
        if state in ("failed-parse", "undefined-input"):
            return None
        if not isinstance(value, dict) or not isinstance(value.get("elements"), list):
            return None
        raw = cast("list[JSONValue]", value["elements"])
        if state == "repaired-parse" and raw:
            raw = raw[:-1]  # the last element may still be incomplete
        elements: list[Any] = []
        for element in raw:
            result = self._element.safe_validate(element)
            if not isinstance(result, ParseFailure):
                elements.append(result.value)
        return (elements,)

    def elements(self, partial: list[Any]) -> Sequence[Any]:
        return partial


class _ChoiceOutput(Output[Any, Any, Any]):
    name = "choice"

    def __init__(self, options: list[str], name: str | None, description: str | None) -> None:
        self._options = options
        enum: list[JSONValue] = list(options)
        schema: JSONObject = {
            "$schema": _DRAFT_07,
            "type": "object",
            "properties": {"result": {"type": "string", "enum": enum}},
            "required": ["result"],
            "additionalProperties": False,
        }
        self._format = JsonResponseFormat(
            schema=schema,
            name=name,
            description=description,
        )

    def response_format(self) -> ResponseFormat:
        return self._format

    def parse_complete(self, text: str, context: OutputContext) -> str:
        outer = _parse_json(text, context)
        result = outer.get("result") if isinstance(outer, dict) else None
        if not isinstance(result, str) or result not in self._options:
            raise _no_object(
                _NOT_VALID,
                TypeValidationError(
                    value=outer,
                    cause=f"response must be an object whose result is one of {self._options}",
                ),
                text,
                context,
            )
        return result

    def parse_partial(self, text: str) -> tuple[str] | None:
        value, state = parse_partial_json(text)
        if state in ("failed-parse", "undefined-input") or not isinstance(value, dict):
            return None
        result = value.get("result")
        if not isinstance(result, str):
            return None
        matches = [option for option in self._options if option.startswith(result)]
        if state == "successful-parse":
            return (result,) if result in matches else None
        return (matches[0],) if len(matches) == 1 else None
