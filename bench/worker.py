"""One client process: runs workloads on command and reports wall time, CPU time and peak RSS.

``python bench/worker.py CLIENT --base-url URL --params JSON`` imports only that client's library,
builds it, prints ``{"ready": ...}`` and then answers each stdin line ``run <workload> <scale>``
with one JSON line (``scale`` < 1 shrinks the workload, for warm-up); ``--params`` maps each
workload to its sizes. ``W6`` needs no server and uses a process of its own (``CLIENT --w6``).
``quit`` (or end of stdin) closes the client and prints the final peak RSS. Results go to the
original stdout; whatever a library prints is sent to stderr so it cannot corrupt the protocol.

CPU time is ``time.process_time()`` (every thread of this process, so the sync twins' portal
thread and the sync clients' worker threads count); peak RSS is ``ru_maxrss``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import chat_model, embedding_model, token

__all__ = ["main"]


class BenchError(Exception):
    """A client returned something other than what the server sent."""


def _expect_stream(got: tuple[str, int], chunks: int, chars: int) -> None:
    text, tokens = got
    if len(text) != chunks * chars or tokens != chunks:
        raise BenchError(
            f"stream returned {len(text)} chars / {tokens} tokens, "
            f"expected {chunks * chars} / {chunks}"
        )


def _expect_text(text: str, chunks: int, chars: int) -> None:
    if len(text) != chunks * chars:
        raise BenchError(f"generate returned {len(text)} chars, expected {chunks * chars}")


def _peak_rss_mb() -> float:
    # Linux reports kilobytes, macOS bytes.
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / 1024 / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _scaled(n: int, scale: float) -> int:
    return max(1, round(n * scale))


def _network_job(
    client: Any, workload: str, params: dict[str, Any], scale: float
) -> Callable[[], Any]:
    """The zero-argument job (a coroutine function or a plain function) for one repetition."""
    chars = params.get("chars", 4)
    if workload == "W1":
        calls = _scaled(params["calls"], scale)
        reply = params.get("reply_chunks", 20)
        model = chat_model(reply, chars)
        if client.is_async:

            async def w1_async() -> int:
                for _ in range(calls):
                    _expect_text(await client.generate(model), reply, chars)
                return calls

            return w1_async

        def w1_sync() -> int:
            for _ in range(calls):
                _expect_text(client.generate(model), reply, chars)
            return calls

        return w1_sync

    if workload in ("W2", "W3"):
        chunks = _scaled(params["chunks"], scale)
        streams = 1 if workload == "W2" else params["streams"]
        model = chat_model(chunks, chars, params.get("group", 1))
        if client.is_async:

            async def stream_async() -> int:
                if streams == 1:
                    _expect_stream(await client.stream(model), chunks, chars)
                else:
                    results = await asyncio.gather(*(client.stream(model) for _ in range(streams)))
                    for result in results:
                        _expect_stream(result, chunks, chars)
                return streams * chunks

            return stream_async

        pool = ThreadPoolExecutor(max_workers=streams) if streams > 1 else None

        def stream_sync() -> int:
            if pool is None:
                _expect_stream(client.stream(model), chunks, chars)
            else:
                for result in pool.map(lambda _: client.stream(model), range(streams)):
                    _expect_stream(result, chunks, chars)
            return streams * chunks

        return stream_sync

    if workload == "W4":
        count = _scaled(params["values"], scale)
        dims = params["dims"]
        values = [f"document {i}: a sentence about benchmarks number {i}" for i in range(count)]
        model = embedding_model(dims)

        def check(vectors: list[list[float]]) -> int:
            if len(vectors) != count or len(vectors[0]) != dims or len(vectors[-1]) != dims:
                raise BenchError(f"embed returned {len(vectors)} vectors, expected {count}x{dims}")
            return count

        if client.is_async:

            async def w4_async() -> int:
                return check(await client.embed(model, values))

            return w4_async

        def w4_sync() -> int:
            return check(client.embed(model, values))

        return w4_sync
    raise SystemExit(f"unknown workload {workload}")


class _W6:
    """W6: the same stream parts, iterated raw or through ``stream_text`` over a mock model."""

    def __init__(self, client: str) -> None:
        from ai_sdk.provider import (
            Finish,
            FinishReason,
            InputTokens,
            OutputTokens,
            StreamResult,
            StreamStart,
            TextDelta,
            TextEnd,
            TextStart,
            Usage,
        )

        self.client = client
        self.is_async = client != "ours-sync"
        self._text_delta = TextDelta
        self._head = [StreamStart(), TextStart(id="t0")]
        self._finish = Finish(
            usage=Usage(input_tokens=InputTokens(total=12), output_tokens=OutputTokens(total=0)),
            finish_reason=FinishReason(unified="stop", raw="stop"),
        )
        self._tail = [TextEnd(id="t0"), self._finish]
        self._stream_result = StreamResult
        self.parts: list[Any] = []
        from ai_sdk.provider import CallOptions, TextPart, UserMessage
        from ai_sdk.testing import MockLanguageModel

        # Both sides read the mock's stream (which wraps the parts in its own tracking
        # generator), so the difference between them is what core adds.
        self._options = CallOptions(prompt=[UserMessage(content=[TextPart(text="hi")])])
        self._model = MockLanguageModel(do_stream=self._do_stream)
        if client != "floor":
            from clients import core_functions

            self._ai = core_functions()

    def prepare(self, count: int, chars: int) -> None:
        deltas = [self._text_delta(id="t0", delta=token(i, chars)) for i in range(count)]
        self.parts = [*self._head, *deltas, *self._tail]

    async def _parts(self) -> Any:
        for part in self.parts:
            yield part

    async def _do_stream(self, options: Any) -> Any:
        return self._stream_result(stream=self._parts())

    async def raw(self) -> str:
        result = await self._model.do_stream(self._options)
        texts = [part.delta async for part in result.stream if part.type == "text-delta"]
        return "".join(texts)

    async def ours(self) -> str:
        result = self._ai.stream_text(model=self._model, prompt="hi")
        return "".join([delta async for delta in result.text_stream])

    def ours_sync(self) -> str:
        result = self._ai.stream_text_sync(model=self._model, prompt="hi")
        return "".join(result.text_stream)


def _w6_job(w6: _W6, params: dict[str, Any], scale: float) -> Callable[[], Any]:
    count = _scaled(params["parts"], scale)
    chars = params.get("chars", 4)
    w6.prepare(count, chars)
    run: Callable[[], Any] = {"floor": w6.raw, "ours": w6.ours, "ours-sync": w6.ours_sync}[
        w6.client
    ]

    def checked(text: str) -> int:
        _expect_text(text, count, chars)
        return count

    if w6.is_async:

        async def w6_async() -> int:
            return checked(await run())

        return w6_async

    return lambda: checked(run())


def main() -> None:
    """Entry point (see the module docstring)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("client")
    parser.add_argument("--w6", action="store_true", help="the in-process W6 workload")
    parser.add_argument("--base-url", default="")
    parser.add_argument("--params", default="{}")
    parser.add_argument("--profile", default="", help="write a pyinstrument profile here")
    args = parser.parse_args()
    params: dict[str, dict[str, Any]] = json.loads(args.params)

    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # libraries' prints go to stderr

    def emit(value: dict[str, Any]) -> None:
        out.write(json.dumps(value) + "\n")

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    started = time.perf_counter()
    if args.w6:
        client: Any = _W6(args.client)
    else:
        from clients import make_client

        client = make_client(args.client, args.base_url)

    def make_job(workload: str, scale: float) -> Callable[[], Any]:
        if workload == "W6":
            return _w6_job(client, params[workload], scale)
        return _network_job(client, workload, params[workload], scale)

    emit({"ready": True, "setup_s": time.perf_counter() - started, "rss_mb": _peak_rss_mb()})

    profiler: Any = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(async_mode="enabled", interval=0.0005)

    def run_once(job: Callable[[], Any]) -> Any:
        result = job()
        if isinstance(result, Awaitable):
            return loop.run_until_complete(result)  # type: ignore[arg-type]
        return result

    for line in sys.stdin:
        command, *rest = line.split()
        if command == "quit":
            break
        workload, scale = rest[0], float(rest[1])
        job = make_job(workload, scale)
        gc.collect()
        try:
            if profiler is not None and scale == 1.0:
                profiler.start()
            cpu0, wall0 = time.process_time(), time.perf_counter()
            units = run_once(job)
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            if profiler is not None and scale == 1.0:
                profiler.stop()
        except Exception as error:
            emit({"error": f"{type(error).__name__}: {error}"[:2000]})
            continue
        result = {"wall": wall, "cpu": cpu, "units": units, "peak_rss_mb": _peak_rss_mb()}
        reads = getattr(client, "reads", None)
        if reads is not None:
            result["reads"] = reads
            client.reads = 0
        emit(result)

    close = getattr(client, "close", None)
    if close is not None:
        run_once(close)
    if profiler is not None:
        Path(args.profile).write_text(profiler.output_text(unicode=True, show_all=False))
        Path(args.profile).with_suffix(".html").write_text(profiler.output_html())
    emit({"done": True, "peak_rss_mb": _peak_rss_mb()})
    loop.close()


if __name__ == "__main__":
    main()
