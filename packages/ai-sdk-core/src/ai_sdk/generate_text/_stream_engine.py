"""The `stream_text` tool loop as one async generator of user-facing stream parts.

It runs in the task of whoever reads the stream (no background task), so reading is what drives
the model: a reader that stops stops the model stream, and closing the generator closes the
model stream (its HTTP response) and cancels running tools. Errors never escape: they become a
`StreamErrorPart` that ends the stream, except cancellation, which propagates.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, cast

from ai_sdk.generate_text._config import CallConfig
from ai_sdk.generate_text._parts import (
    FinishPart,
    StartPart,
    StreamErrorPart,
    TextDeltaPart,
    TextStreamPart,
)
from ai_sdk.generate_text._result import GenerateTextResult, OutputParser
from ai_sdk.generate_text._step import StepResult, is_stop_condition_met
from ai_sdk.generate_text._stream_step import IdReserver, StepRunner, StreamState, notify
from ai_sdk.generate_text._usage import sum_usage
from ai_sdk.provider import (
    TextDelta,
)
from ai_sdk.telemetry._hooks import ErrorEvent

__all__ = ["StreamCallbacks", "StreamEngine", "StreamState", "notify"]


@dataclass(slots=True)
class StreamCallbacks:
    """The callbacks of a `stream_text` call (each sync or async, or ``None``)."""

    on_chunk: Callable[[Any], Any] | None = None
    on_error: Callable[[object], Any] | None = None
    on_step_end: Callable[[StepResult], Any] | None = None
    on_end: Callable[[GenerateTextResult[Any]], Any] | None = None
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
        loop = asyncio.get_running_loop()
        total_deadline = (
            loop.time() + config.timeout.total if config.timeout.total is not None else None
        )
        instructions = config.instructions
        messages = list(config.messages)
        hooks = config.hooks
        yield StartPart()
        try:
            if hooks is not None:
                hooks.steps = state.steps
                await hooks.start(config.start_event("stream_text"))
            while True:
                step_deadline = (
                    loop.time() + config.timeout.step if config.timeout.step is not None else None
                )
                runner = StepRunner(config, state, self._reservers, total_deadline, step_deadline)
                try:
                    source = await runner.start(instructions, messages)
                    blocks = runner.blocks
                    text_ids = runner.text_ids
                    # The per-token path (text deltas) is inlined here: every other part goes
                    # through `runner.handle`, which may emit several parts.
                    try:
                        async for part in source:
                            if part.__class__ is TextDelta:
                                delta: TextDelta = part  # pyright: ignore[reportAssignmentType]
                                if not runner.started_step:
                                    runner.started_step = True
                                    yield runner.start_step_part()
                                text = delta.delta
                                metadata = delta.provider_metadata
                                if text or metadata is not None:
                                    block = blocks.get(delta.id)
                                    if block is None:
                                        block = runner.open_block(delta.id, False, metadata)
                                    block.chunks.append(text)
                                    if metadata is not None:
                                        block.provider_metadata = metadata
                                    if runner.first_output is None and text:
                                        runner.first_output = time.perf_counter()
                                    yield TextDeltaPart(text_ids[delta.id], text, metadata)
                                continue
                            for out in await runner.handle(part):
                                yield out
                    except TimeoutError as error:  # a time limit cut the model stream
                        for out in await runner.interrupt(error):
                            yield out
                finally:
                    await runner.close()
                ended = runner.end_of_stream()
                if ended is not None:
                    if hooks is not None:
                        await hooks.error(
                            ErrorEvent(call_id=config.call_id, error=cast("Exception", ended.error))
                        )
                    yield ended
                    return
                if hooks is not None:
                    await hooks.model_call_end(runner.model_call_end_event())
                tools = runner.run_tools()
                try:
                    async for out in tools:
                        yield out
                finally:
                    await tools.aclose()
                step = await runner.build_step()
                state.steps.append(step)
                instructions = runner.plan_instructions
                messages = [*runner.plan_messages, *step.response.messages]
                yield runner.finish_step_part(step)
                await notify(self._callbacks.on_step_end, step)
                if hooks is not None:
                    await hooks.step_end(step)
                client_calls = [c for c in runner.calls if not c.provider_executed]
                client_outputs = [o for o in runner.outputs if not o.provider_executed]
                if not (
                    client_calls
                    and len(client_outputs) == len(client_calls)
                    and not await is_stop_condition_met(config.stop_conditions, state.steps)
                ):
                    break
            usage = sum_usage(step.usage for step in state.steps)
            last = state.steps[-1]
            finish = FinishPart(
                finish_reason=last.finish_reason,
                raw_finish_reason=last.raw_finish_reason,
                total_usage=usage,
            )
            state.finish = finish
            state.final = GenerateTextResult(
                steps=list(state.steps), usage=usage, _parser=OutputParser(config.output, last)
            )
            yield finish
            await notify(self._callbacks.on_end, state.final)
            if hooks is not None:
                await hooks.end(state.final)
        except Exception as error:
            if hooks is not None:
                await hooks.error(ErrorEvent(call_id=config.call_id, error=error))
            yield StreamErrorPart(error)
