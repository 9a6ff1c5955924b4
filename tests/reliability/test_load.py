"""Load: 200 concurrent `stream_text` calls of 500 chunks each through one provider.

Every text must come out exact, the connections in use must stay within the pool's limits (100
at once, 20 kept alive afterwards: httpx's defaults, which the provider keeps), nothing may stay
open after the provider is closed, and memory must not grow from one run to the next.
"""

from __future__ import annotations

import asyncio
import gc
import json
import time

from ai_sdk import stream_text
from tests.reliability._helpers import CHAT, chunk, client_sockets_to, eventually, rss_bytes
from tests.reliability.conftest import ProviderFactory
from tests.servers import Delay, LoopbackServer, RecordedRequest, Reply, http_backend

CALLS = 200
CHUNKS = 500
EVENTS_PER_WRITE = 25
MAX_CONNECTIONS = 100  # httpx.Limits defaults
# httpx keeps 20 idle connections; aiohttp keeps every one of its pool (docs/guides/http.md).
MAX_KEEPALIVE = 100 if http_backend() == "aiohttp" else 20
MiB = 1024 * 1024


def expected_text(n: int) -> str:
    return "".join(f"{n}.{i} " for i in range(CHUNKS))


def stream_body(n: int) -> list[bytes | Delay]:
    events = [chunk({"role": "assistant", "content": f"{n}.0 "})]
    events += [chunk({"content": f"{n}.{i} "}) for i in range(1, CHUNKS)]
    events.append(chunk({}, "stop"))
    raw = [b"data: " + json.dumps(e, separators=(",", ":")).encode() + b"\n\n" for e in events]
    raw.append(b"data: [DONE]\n\n")
    writes: list[bytes | Delay] = [
        b"".join(raw[i : i + EVENTS_PER_WRITE]) for i in range(0, len(raw), EVENTS_PER_WRITE)
    ]
    # A pause after the first write keeps every call in flight at once, so the pool fills up.
    return [writes[0], Delay(0.05), *writes[1:]]


def serve(bodies: dict[int, list[bytes | Delay]]):
    def reply(request: RecordedRequest) -> Reply:
        n = int(request.json()["messages"][0]["content"])
        return Reply(headers={"content-type": "text/event-stream"}, chunks=bodies[n])

    return reply


async def run_batch(model: object, calls: int) -> list[str]:
    async def one(n: int) -> str:
        async with stream_text(model=model, prompt=str(n)) as result:  # type: ignore[arg-type]
            return "".join([delta async for delta in result.text_stream])

    return await asyncio.gather(*(one(n) for n in range(calls)))


async def test_200_concurrent_streams_of_500_chunks(
    server: LoopbackServer, make_provider: ProviderFactory
) -> None:
    bodies = {n: stream_body(n) for n in range(CALLS)}
    server.route(CHAT, serve(bodies))
    warm_up = make_provider()
    await run_batch(warm_up("test-model"), 20)  # imports and caches, on a pool of its own
    await warm_up.aclose()
    provider = make_provider()
    model = provider("test-model")
    gc.collect()
    rss_before = rss_bytes()
    server.peak_connections = 0

    started = time.perf_counter()
    texts = await run_batch(model, CALLS)
    first_run = time.perf_counter() - started
    assert texts == [expected_text(n) for n in range(CALLS)]
    assert len(server.requests) == 20 + CALLS
    assert MAX_CONNECTIONS // 2 <= server.peak_connections <= MAX_CONNECTIONS
    gc.collect()
    rss_after_first = rss_bytes()

    # Idle connections go back to the pool, and the pool keeps at most its keep-alive limit.
    client_open = client_sockets_to(server.port)
    assert client_open is None or client_open <= MAX_KEEPALIVE
    assert server.open_connections <= MAX_KEEPALIVE

    texts = await run_batch(model, CALLS)
    assert texts == [expected_text(n) for n in range(CALLS)]
    gc.collect()
    rss_after_second = rss_bytes()

    await provider.aclose()
    await eventually(lambda: server.open_connections == 0)
    assert client_sockets_to(server.port) in (0, None)

    # 100,000 chunks per run: the first run may grow the heap (allocator pools, the recorded
    # parts of 200 live results); a second identical run must not grow it much further.
    assert rss_after_first - rss_before < 150 * MiB, (rss_before, rss_after_first)
    assert rss_after_second - rss_after_first < 25 * MiB, (rss_after_first, rss_after_second)
    print(
        f"\n{CALLS} streams x {CHUNKS} chunks: {first_run:.2f} s; "
        f"peak connections {server.peak_connections}; RSS {rss_before / MiB:.0f} -> "
        f"{rss_after_first / MiB:.0f} -> {rss_after_second / MiB:.0f} MiB"
    )
