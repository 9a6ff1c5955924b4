"""Soak test: stream_text under steady load with faults mixed in, memory sampled over time.

Run it from the repository root (it is not collected by pytest)::

    python tests/reliability/soak.py                 # 10 minutes
    python tests/reliability/soak.py --minutes 1     # a quick look

Each round runs ``--concurrency`` streams of ``--chunks`` chunks through one provider against the
loopback server; one call in eight meets a fault (a dropped connection mid-stream, a 503 with
``retry-after-ms``, a stall cut by the chunk timeout). Every text is checked. RSS, open
connections and throughput are printed at each sample; at the end the script fails (exit 1) if
RSS grew by more than ``--max-growth-mib`` between the first and the last quarter of the run, if
any text was wrong, or if a connection is still open after the provider is closed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ai_sdk import TimeoutConfig, stream_text  # noqa: E402
from ai_sdk_openai_compatible import create_openai_compatible  # noqa: E402
from tests.reliability._helpers import (  # noqa: E402
    chunk,
    client_sockets_to,
    eventually,
    rss_bytes,
)
from tests.servers import (  # noqa: E402
    DISCONNECT,
    Delay,
    LoopbackServer,
    RecordedRequest,
    Reply,
    json_reply,
)

MiB = 1024 * 1024


def _events(n: int, chunks: int) -> list[bytes]:
    events = [chunk({"role": "assistant", "content": f"{n}.0 "})]
    events += [chunk({"content": f"{n}.{i} "}) for i in range(1, chunks)]
    events.append(chunk({}, "stop"))
    raw = [b"data: " + json.dumps(e, separators=(",", ":")).encode() + b"\n\n" for e in events]
    return [*raw, b"data: [DONE]\n\n"]


class Script:
    """Decides each request's reply from the prompt ``"<n> <kind>"``."""

    def __init__(self, chunks: int) -> None:
        self.chunks = chunks
        self.retried: set[str] = set()

    def __call__(self, request: RecordedRequest) -> Reply:
        prompt = request.json()["messages"][0]["content"]
        n, kind = prompt.split()
        raw = _events(int(n), self.chunks)
        head = {"content-type": "text/event-stream"}
        writes: list[bytes | Delay | object] = [
            b"".join(raw[i : i + 20]) for i in range(0, len(raw), 20)
        ]
        if kind == "drop":
            return Reply(headers=head, chunks=[writes[0], DISCONNECT])  # type: ignore[list-item]
        if kind == "stall":
            return Reply(headers=head, chunks=[writes[0], Delay(0.5), *writes[1:]])  # type: ignore[list-item]
        if kind == "busy" and prompt not in self.retried:
            self.retried.add(prompt)
            return json_reply({"error": {"message": "busy"}}, 503, {"retry-after-ms": "5"})
        return Reply(headers=head, chunks=writes)  # type: ignore[arg-type]


def _expected(n: int, chunks: int) -> str:
    return "".join(f"{n}.{i} " for i in range(chunks))


async def _one(model: object, n: int, kind: str, chunks: int) -> bool:
    """Run one call; whether its outcome is the expected one."""
    result = stream_text(
        model=model,  # type: ignore[arg-type]
        prompt=f"{n} {kind}",
        timeout=TimeoutConfig(chunk=0.2),
        raise_on_error=False,
    )
    async with result:
        text = await result.text
        steps = await result.steps
    full = _expected(n, chunks)
    if kind in ("drop", "stall"):
        return steps[-1].finish_reason == "error" and full.startswith(text) and text != full
    return text == full


async def soak(args: argparse.Namespace) -> int:
    kinds = ["ok"] * 5 + ["drop", "stall", "busy"]
    script = Script(args.chunks)
    samples: list[tuple[float, float, int, int | None, int, float]] = []
    failures = 0
    with LoopbackServer() as server:
        server.route("/v1/chat/completions", script)
        provider = create_openai_compatible(
            name="soak", base_url=f"{server.url}/v1", api_key="sk-soak"
        )
        model = provider("soak-model")
        started = time.monotonic()
        end = started + args.minutes * 60
        interval = args.interval or max(args.minutes * 60 / 20, 1.0)
        next_sample = started
        rounds = 0
        calls = 0
        window_calls = 0
        window_start = started
        print(
            f"{'t (s)':>7} {'RSS MiB':>8} {'server conns':>12} {'client conns':>12} "
            f"{'rounds':>7} {'calls/s':>8}"
        )
        while True:
            now = time.monotonic()
            if now >= next_sample:
                gc.collect()
                rate = window_calls / max(now - window_start, 1e-9)
                sample = (
                    now - started,
                    rss_bytes() / MiB,
                    server.open_connections,
                    client_sockets_to(server.port),
                    rounds,
                    rate,
                )
                samples.append(sample)
                client = "-" if sample[3] is None else str(sample[3])
                print(
                    f"{sample[0]:7.0f} {sample[1]:8.1f} {sample[2]:12d} {client:>12} "
                    f"{sample[4]:7d} {sample[5]:8.0f}",
                    flush=True,
                )
                next_sample = now + interval
                window_calls, window_start = 0, now
                if now >= end:
                    break
            batch = [
                _one(model, rounds * args.concurrency + i, kinds[i % len(kinds)], args.chunks)
                for i in range(args.concurrency)
            ]
            outcomes = await asyncio.gather(*batch)
            failures += outcomes.count(False)
            script.retried.clear()
            server.requests.clear()  # the server's own record would grow without end
            rounds += 1
            calls += len(batch)
            window_calls += len(batch)
        await provider.aclose()
        with contextlib.suppress(AssertionError):
            await eventually(lambda: server.open_connections == 0, within=5)
        left_open = server.open_connections

    quarter = max(len(samples) // 4, 1)
    early = statistics.median(s[1] for s in samples[1 : 1 + quarter] or samples[:1])
    late = statistics.median(s[1] for s in samples[-quarter:])
    growth = late - early
    print(
        f"\n{calls} calls in {rounds} rounds; wrong outcomes: {failures}; "
        f"RSS median {early:.1f} -> {late:.1f} MiB ({growth:+.1f}); "
        f"connections open after close: {left_open}"
    )
    ok = failures == 0 and left_open == 0 and growth <= args.max_growth_mib
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to run (10)")
    parser.add_argument("--concurrency", type=int, default=50, help="calls per round (50)")
    parser.add_argument("--chunks", type=int, default=200, help="chunks per stream (200)")
    parser.add_argument(
        "--interval",
        type=float,
        default=0.0,
        help="seconds between samples (default: 20 samples per run)",
    )
    parser.add_argument(
        "--max-growth-mib",
        type=float,
        default=20.0,
        help="allowed RSS growth from the first to the last quarter (20)",
    )
    return asyncio.run(soak(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
