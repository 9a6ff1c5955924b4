"""`generate_object` and `stream_object`: thin conveniences over ``output=Output.object(...)``.

Upstream deprecated them in favour of ``output=``; Python users still look for them, so they stay
as shortcuts that return the object (or its partial stream) directly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from typing_extensions import Unpack

from ai_sdk._sync import sync_twin
from ai_sdk.generate_text._config import CallArguments
from ai_sdk.generate_text._generate_text import generate_text
from ai_sdk.generate_text._output import Output
from ai_sdk.generate_text._parts import ObjectResponse, StepRequest
from ai_sdk.generate_text._stream_result import Aggregate, StreamTextResult
from ai_sdk.generate_text._stream_text import stream_text
from ai_sdk.generate_text._usage import LanguageModelUsage
from ai_sdk.prompt import Instructions, ModelMessage
from ai_sdk.provider import (
    CallWarning,
    JSONValue,
    LanguageModel,
    ProviderMetadata,
    UnifiedFinishReason,
)
from ai_sdk.provider_utils import Schema
from ai_sdk.provider_utils._closing import AsyncClosing

__all__ = [
    "GenerateObjectResult",
    "StreamObjectResult",
    "generate_object",
    "generate_object_sync",
    "stream_object",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerateObjectResult(Generic[T]):
    """The result of `generate_object`."""

    object: T
    """The validated object."""
    reasoning: str | None
    """The model's reasoning text, or ``None``."""
    finish_reason: UnifiedFinishReason
    usage: LanguageModelUsage
    warnings: list[CallWarning]
    request: StepRequest
    """What was sent (the request body is kept)."""
    response: ObjectResponse
    """Who answered, when, and the raw response body."""
    provider_metadata: ProviderMetadata | None


def _output(
    schema: Any, output: str, name: str | None, description: str | None, enum: Any
) -> Output[Any, Any, Any]:
    if output == "object":
        return Output.object(schema=schema, name=name, description=description)
    if output == "array":
        return Output.array(element=schema, name=name, description=description)
    if output == "enum":
        return Output.choice(options=list(enum or ()), name=name, description=description)
    if output == "no-schema":
        return Output.json(name=name, description=description)
    raise ValueError(f'output must be "object", "array", "enum" or "no-schema", got {output!r}')


@overload
async def generate_object(
    *,
    model: LanguageModel | str,
    schema: type[T] | Schema[T],
    schema_name: str | None = None,
    schema_description: str | None = None,
    **options: Unpack[CallArguments],
) -> GenerateObjectResult[T]: ...
@overload
async def generate_object(
    *,
    model: LanguageModel | str,
    schema: None = None,
    schema_name: str | None = None,
    schema_description: str | None = None,
    **options: Unpack[CallArguments],
) -> GenerateObjectResult[JSONValue]: ...
async def generate_object(
    *,
    model: LanguageModel | str,
    schema: object = None,
    schema_name: str | None = None,
    schema_description: str | None = None,
    output: str = "object",
    enum: Sequence[str] | None = None,
    **options: Unpack[CallArguments],
) -> GenerateObjectResult[Any]:
    """Generate one object matching ``schema``: ``generate_text(output=Output.object(...))``.

    Args:
        model: the language model (or a model id string).
        schema: a pydantic model, any type pydantic validates, or `json_schema(...)`; omit it
            (with ``output="no-schema"``) for any JSON.
        schema_name: a name for the object, used by some providers.
        schema_description: a description of the object, used by some providers.
        output: ``"object"`` (default), ``"array"`` (``schema`` describes an element),
            ``"enum"`` (one of ``enum``) or ``"no-schema"``.
        enum: the choices for ``output="enum"``.
        **options: any other `generate_text` argument (``prompt`` or ``messages``,
            ``instructions``, settings, ``max_retries``, ...).

    Raises:
        NoObjectGeneratedError: the answer could not be parsed or validated (it carries the text,
            the cause with the validation paths, usage and finish reason).
    """
    if schema is None and output == "object":
        output = "no-schema"
    # As upstream, an object call keeps the request and response bodies.
    options.setdefault("include", {"request_body": True, "response_body": True})
    result = await generate_text(
        model=model,
        output=_output(schema, output, schema_name, schema_description, enum),
        **options,
    )
    response = result.response
    return GenerateObjectResult(
        object=result.output,
        reasoning=result.reasoning_text,
        finish_reason=result.finish_reason,
        usage=result.usage,
        warnings=result.warnings,
        request=StepRequest(body=result.request.body),
        response=ObjectResponse.of(response, body=response.body),
        provider_metadata=result.provider_metadata,
    )


generate_object_sync = sync_twin(generate_object)
"""`generate_object` for synchronous code (works inside a running event loop too)."""


class StreamObjectResult(AsyncClosing, Generic[T]):
    """The result of `stream_object`: partial objects as they grow, then the object."""

    def __init__(self, inner: StreamTextResult[Any, Any, Any]) -> None:
        self._inner = inner

    @property
    def partial_object_stream(self) -> AsyncIterator[Any]:
        """The object parsed so far (repaired JSON, not validated), each time it changes."""
        return self._inner.partial_output_stream

    @property
    def element_stream(self) -> AsyncIterator[Any]:
        """``output="array"``: each complete element once."""
        return self._inner.element_stream

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """The raw JSON text deltas."""
        return self._inner.text_stream

    @property
    def object(self) -> Aggregate[T]:
        """The validated object, once the stream ends."""
        return self._inner.output

    @property
    def usage(self) -> Aggregate[LanguageModelUsage]:
        """Token usage."""
        return self._inner.usage

    @property
    def finish_reason(self) -> Aggregate[UnifiedFinishReason]:
        """Why generation stopped."""
        return self._inner.finish_reason

    @property
    def stream_text_result(self) -> StreamTextResult[Any, Any, Any]:
        """The underlying `StreamTextResult` (every part, steps, ...)."""
        return self._inner

    async def aclose(self) -> None:
        """Close the model stream."""
        await self._inner.aclose()


def stream_object(
    *,
    model: LanguageModel | str,
    schema: type[T] | Schema[T] | None = None,
    prompt: str | Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    messages: Sequence[ModelMessage | Mapping[str, Any]] | None = None,
    instructions: Instructions | None = None,
    schema_name: str | None = None,
    schema_description: str | None = None,
    output: str = "object",
    enum: Sequence[str] | None = None,
    **options: Any,
) -> StreamObjectResult[T]:
    """Stream one object matching ``schema``: ``stream_text(output=Output.object(...))``.

    Arguments as in `generate_object`; ``**options`` takes any `stream_text` argument.
    """
    if schema is None and output == "object":
        output = "no-schema"
    inner: StreamTextResult[Any, Any, Any] = stream_text(
        model=model,
        prompt=prompt,
        messages=messages,
        instructions=instructions,
        output=_output(schema, output, schema_name, schema_description, enum),
        **options,
    )
    return StreamObjectResult(inner)
