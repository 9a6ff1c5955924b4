"""`stream_text` and `stream_text_sync`: start a streaming call and return its result at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Never

from typing_extensions import TypeVar, Unpack

from ai_sdk.generate_text._config import CallArguments, make_config
from ai_sdk.generate_text._output import Output
from ai_sdk.generate_text._parts import TextStreamPart
from ai_sdk.generate_text._result import GenerateTextResult
from ai_sdk.generate_text._step import StepResult
from ai_sdk.generate_text._stream_engine import StreamCallbacks
from ai_sdk.generate_text._stream_result import StreamTextResult, StreamTransform
from ai_sdk.generate_text._stream_sync import sync_stream_twin
from ai_sdk.provider import LanguageModel

__all__ = ["stream_text", "stream_text_sync"]

OutputT = TypeVar("OutputT", default=str)
PartialT = TypeVar("PartialT", default=str)
ElementT = TypeVar("ElementT", default=Never)


def stream_text(
    *,
    model: LanguageModel | str,
    output: Output[OutputT, PartialT, ElementT] | None = None,
    transform: StreamTransform | Sequence[StreamTransform] | None = None,
    raise_on_error: bool = True,
    on_chunk: Callable[[TextStreamPart], Any] | None = None,
    on_error: Callable[[object], Any] | None = None,
    on_end: Callable[[GenerateTextResult[OutputT]], Any] | None = None,
    on_abort: Callable[[list[StepResult]], Any] | None = None,
    **options: Unpack[CallArguments],
) -> StreamTextResult[OutputT, PartialT, ElementT]:
    """Stream text (and call tools) with a language model; returns immediately.

    Nothing is sent until the result is read (``async for delta in result.text_stream``, or
    ``await result.text``), and the model is read only as fast as the result is. Multi-step tool
    loops stream across steps: tool results appear as parts, then the next step's parts follow.

    Errors do not raise from this call: they become error parts (and go to ``on_error``). By
    default iterating ``text_stream`` raises the first error after yielding the text before it,
    and awaiting an aggregate raises it; ``raise_on_error=False`` restores upstream's behaviour
    (errors only in ``stream`` and ``on_error``).

    Takes every argument of `generate_text` (the ``timeout`` config's ``first_chunk`` and
    ``chunk`` limits apply here, around each read of the model stream; ``on_start`` runs on the
    first read), plus the stream's own:

    Args:
        model: a language model, or a model id string.
        output: structured output, e.g. ``Output.object(schema=MyModel)``.
        transform: one or more stream transforms, e.g. ``smooth_stream()``, applied in order.
        raise_on_error: raise stream errors from ``text_stream``, ``partial_output_stream``,
            ``element_stream`` and the aggregates (default), or only report them.
        on_chunk: called with every part (sync or async).
        on_error: called with every error.
        on_end: called with the final result, as a `GenerateTextResult`.
        on_abort: called with the steps so far when the reading task is cancelled.
        **options: the options shared with `generate_text` (`CallArguments`).

    Returns:
        A `StreamTextResult`; use it as ``async with`` to release the connection on early exit.

    Raises:
        TypeError: an unknown option (raised immediately).
        InvalidArgumentError: a setting is invalid (raised immediately).
        InvalidPromptError: the prompt is invalid (raised immediately).
    """
    config = make_config(
        "stream_text", model=model, output=output, on_end=on_end, arguments=options
    )
    if transform is None:
        transforms: list[StreamTransform] = []
    elif callable(transform):
        transforms = [transform]
    else:
        transforms = list(transform)
    return StreamTextResult(
        config,
        StreamCallbacks(on_chunk=on_chunk, on_error=on_error, on_abort=on_abort),
        transforms,
        raise_on_error,
    )


stream_text_sync = sync_stream_twin(stream_text)
"""`stream_text` for synchronous code: plain iterators and blocking properties.

``for delta in result.text_stream: ...``; ``result.text`` blocks until the stream ends. Use
``with stream_text_sync(...) as result:`` to release the connection on early exit. Works inside a
running event loop too (the stream runs on the SDK's background loop).
"""
