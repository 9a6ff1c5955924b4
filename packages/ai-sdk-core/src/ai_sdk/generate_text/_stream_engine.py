"""The `stream_text` tool loop as one async generator of user-facing stream parts.

It runs in the task of whoever reads the stream (no background task), so reading is what drives
the model: a reader that stops stops the model stream, and closing the generator closes the
model stream (its HTTP response) and cancels running tools. Errors never escape: they become a
`StreamErrorPart` that ends the stream, except cancellation, which propagates.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, cast

from ai_sdk.generate_text._config import CallConfig
from ai_sdk.generate_text._kernel import StepLoop
from ai_sdk.generate_text._parts import (
    FinishPart,
    StartPart,
    StreamErrorPart,
    TextDeltaPart,
    TextStreamPart,
    ToolResult,
)
from ai_sdk.generate_text._step import StepResult
from ai_sdk.generate_text._stream_step import IdReserver, StreamState, StreamStep
from ai_sdk.provider import TextDelta
from ai_sdk.telemetry._hooks import ErrorEvent

__all__ = ["StreamCallbacks", "StreamEngine", "StreamState"]


@dataclass(slots=True)
class StreamCallbacks:
    """The stream-only callbacks of a `stream_text` call (each sync or async, or ``None``)."""

    on_chunk: Callable[[Any], Any] | None = None
    on_error: Callable[[object], Any] | None = None
    on_abort: Callable[[list[StepResult]], Any] | None = None


class StreamEngine:
    """Runs the steps of one `stream_text` call; iterate `run()` once."""

    def __init__(self, config: CallConfig, callbacks: StreamCallbacks, state: StreamState) -> None:
        self._config = config
        self._callbacks = callbacks
        self._state = state
        self._reservers = (IdReserver(), IdReserver())

    async def run(self) -> AsyncIterator[TextStreamPart]:
        """Every part of the call, from `StartPart` to `FinishPart` (or a final error part)."""
        config = self._config
        state = self._state
        hooks = config.hooks
        yield StartPart()
        try:
            loop = StepLoop(config, state.steps)
            await loop.start("stream_text")
            async for output in loop.resume():
                yield output
            while True:
                # As upstream, a stream always tells the model whether to include raw chunks.
                loop.deadlines.start_step()
                step = await loop.begin_step(include_raw_chunks=config.include.raw_chunks)
                streamed = StreamStep(step, self._reservers)
                try:
                    source = await streamed.open()
                    blocks = streamed.blocks
                    text_ids = streamed.text_ids
                    # The per-token path (text deltas) is inlined here: every other part goes
                    # through `streamed.handle`, which may emit several parts.
                    try:
                        async for part in source:
                            if part.__class__ is TextDelta:
                                delta: TextDelta = part  # pyright: ignore[reportAssignmentType]
                                if not streamed.started_step:
                                    streamed.started_step = True
                                    yield streamed.start_step_part()
                                text = delta.delta
                                metadata = delta.provider_metadata
                                if text or metadata is not None:
                                    block = blocks.get(delta.id)
                                    if block is None:
                                        block = streamed.open_block(delta.id, False, metadata)
                                    block.chunks.append(text)
                                    if metadata is not None:
                                        block.provider_metadata = metadata
                                    if streamed.first_output is None and text:
                                        streamed.first_output = time.perf_counter()
                                    yield TextDeltaPart(text_ids[delta.id], text, metadata)
                                continue
                            for out in await streamed.handle(part):
                                yield out
                    except TimeoutError as error:  # a time limit cut the model stream
                        for out in await streamed.interrupt(error):
                            yield out
                finally:
                    await streamed.close()
                ended = streamed.end_of_stream()
                if ended is not None:
                    if hooks is not None:
                        await hooks.error(
                            ErrorEvent(call_id=config.call_id, error=cast("Exception", ended.error))
                        )
                    yield ended
                    return
                if hooks is not None:
                    await hooks.model_call_end(streamed.model_call_end_event())
                tools = step.run_tools(streamed.finish_reason)
                try:
                    async for output in tools:
                        if not isinstance(output, ToolResult) or not output.preliminary:
                            step.add_output(output)
                        yield output
                finally:
                    await tools.aclose()
                result = await streamed.result()
                # Recorded before the part is read, so a reader that stops here keeps the step.
                loop.record_step(step, result)
                yield streamed.finish_step_part(result)
                if not await loop.end_step(step, result):
                    break
            final = loop.result()
            last = final.final_step
            state.finish = FinishPart(
                finish_reason=last.finish_reason,
                raw_finish_reason=last.raw_finish_reason,
                total_usage=final.usage,
            )
            state.final = final
            yield state.finish
            await loop.finish(final)
        except Exception as error:
            if hooks is not None:
                await hooks.error(ErrorEvent(call_id=config.call_id, error=error))
            yield StreamErrorPart(error)
