"""Run the benchmark suite: every client on the same workloads, one table of medians and ratios.

    python bench/run.py [--quick] [--only W2,W5] [--clients ours,openai,floor] [--reps N]

The mock server (``server.py``) runs in its own process; each (client, workload) pair runs in its
own worker process (``worker.py``), started together per workload and driven round-robin, one
repetition at a time, so that every client of a workload sees the same background load. The
floor (httpx + a blank-line split + ``pydantic_core.from_json``) is always measured, since every
ratio is taken to it. ``bench/README.md`` explains how to read the output; it is printed and
written to ``bench/results/latest.md`` (raw numbers in ``latest.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import select
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from clients import CLIENTS, available  # noqa: E402

__all__ = ["main"]

RESULTS = HERE / "results"
WORKLOADS = ("W1", "W2", "W3", "W4", "W5", "W6", "SSE")
NETWORK = ("W1", "W2", "W3", "W4")
W6_CLIENTS = ("floor", "ours", "ours-sync")
# Left out of --quick unless --clients names them: litellm imports for 10 s and more, and
# openai-sync adds little to openai.
QUICK_SKIPS = ("litellm", "openai-sync")
# Everything a worker needs in its environment: no network for litellm's price list.
WORKER_ENV = {"LITELLM_LOCAL_MODEL_COST_MAP": "True", "PYTHONHASHSEED": "0"}

FULL: dict[str, Any] = {
    "reps": 5,
    "W1": {"calls": 500, "reply_chunks": 20},
    "W2": {"chunks": 20_000},
    "W3": {"streams": 100, "chunks": 500},
    "W4": {"values": 2_000, "dims": 1_536},
    "W5": {"reps": 7},
    "W6": {"parts": 20_000},
}
QUICK: dict[str, Any] = {
    "reps": 3,
    "W1": {"calls": 80, "reply_chunks": 20},
    "W2": {"chunks": 3_000},
    "W3": {"streams": 100, "chunks": 20},
    "W4": {"values": 500, "dims": 1_536},
    "W5": {"reps": 3},
    "W6": {"parts": 5_000},
}
TITLES = {
    "W1": "W1: {calls} sequential non-streaming calls",
    "W2": "W2: one stream of {chunks:,} chunks",
    "W3": "W3: {streams} concurrent streams x {chunks} chunks",
    "W4": "W4: embed_many of {values:,} values ({dims} dims)",
    "W5": "W5: cold import (fresh interpreter, {reps} runs)",
    "W6": "W6: stream_text over an in-process mock model, {parts:,} text parts (no HTTP)",
    "SSE": "SSE: the parser alone (`bench/sse_parse.py`)",
}
UNITS = {"W1": "call", "W2": "chunk", "W3": "chunk", "W4": "value", "W6": "part"}
IMPORTS = {
    "python": "pass",
    "floor": "import pydantic, httpx",
    "ours": "import ai_sdk, ai_sdk_openai_compatible",
    "ours-api": (
        "from ai_sdk import generate_text, stream_text, embed_many; "
        "from ai_sdk_openai_compatible import create_openai_compatible"
    ),
    "openai": "import openai",
    "litellm": "import litellm",
    # Cold start to a first answer: what a lazily importing library cannot defer. URL is the mock
    # server's base URL (the process gets it in BENCH_BASE_URL).
    "floor-call": (
        "import os, httpx, pydantic_core; "
        "r = httpx.post(os.environ['BENCH_BASE_URL'] + '/chat/completions', "
        "content=pydantic_core.to_json({'model': 'bench-c20-s4', "
        "'messages': [{'role': 'user', 'content': 'hi'}]}), "
        "headers={'authorization': 'Bearer k', 'content-type': 'application/json'}); "
        "pydantic_core.from_json(r.content)['choices'][0]['message']['content']"
    ),
    "ours-call": (
        "import os; from ai_sdk import generate_text_sync; "
        "from ai_sdk_openai_compatible import create_openai_compatible; "
        "p = create_openai_compatible(name='b', base_url=os.environ['BENCH_BASE_URL'], "
        "api_key='k'); generate_text_sync(model=p('bench-c20-s4'), prompt='hi').text"
    ),
    # The same on plain httpx: the default backend is aiohttp when it is installed, whose import
    # the cold start pays.
    "ours-httpx-call": (
        "import os; os.environ['AI_SDK_HTTP_BACKEND'] = 'httpx'; "
        "from ai_sdk import generate_text_sync; "
        "from ai_sdk_openai_compatible import create_openai_compatible; "
        "p = create_openai_compatible(name='b', base_url=os.environ['BENCH_BASE_URL'], "
        "api_key='k'); generate_text_sync(model=p('bench-c20-s4'), prompt='hi').text"
    ),
    # `ai-sdk --help`: the command line's start-up, which must not load the SDK.
    "cli-help": (
        "import sys; sys.argv = ['ai-sdk', '--help']; from ai_sdk.cli import main; sys.exit(main())"
    ),
    "openai-call": (
        "import os, openai; "
        "openai.OpenAI(base_url=os.environ['BENCH_BASE_URL'], api_key='k').chat.completions"
        ".create(model='bench-c20-s4', messages=[{'role': 'user', 'content': 'hi'}])"
        ".choices[0].message.content"
    ),
}
IMPORT_NEEDS = {
    "python": (),
    "floor": ("pydantic", "httpx"),
    "ours": ("ai_sdk", "ai_sdk_openai_compatible"),
    "ours-api": ("ai_sdk", "ai_sdk_openai_compatible"),
    "openai": ("openai",),
    "litellm": ("litellm",),
    "floor-call": ("pydantic", "httpx"),
    "ours-call": ("ai_sdk", "ai_sdk_openai_compatible"),
    "ours-httpx-call": ("ai_sdk", "ai_sdk_openai_compatible"),
    "cli-help": ("ai_sdk",),
    "openai-call": ("openai",),
}


# -- processes -------------------------------------------------------------------------------------
def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU of a running process (Linux ``/proc``), or ``None`` elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    """The mock server process."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "server.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("PORT "):
            raise SystemExit(f"the mock server did not start: {line!r}")
        self.base_url = f"http://127.0.0.1:{int(line.split()[1])}/v1"

    def cpu(self) -> float | None:
        return _cpu_seconds(self.proc.pid)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


class Worker:
    """One client process for a group of workloads, spoken to one JSON line at a time."""

    def __init__(self, client: str, group: str, base_url: str, params: dict[str, Any],
                 profile: str = "") -> None:  # fmt: skip
        RESULTS.joinpath("logs").mkdir(parents=True, exist_ok=True)
        self.client = client
        self.log = RESULTS / "logs" / f"{group}-{client}.log"
        command = [sys.executable, str(HERE / "worker.py"), client,
                   "--base-url", base_url, "--params", json.dumps(params)]  # fmt: skip
        if group == "W6":
            command.append("--w6")
        if profile:
            command += ["--profile", profile]
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                env={**os.environ, **WORKER_ENV},
                cwd=HERE,
            )

    def read(self, timeout: float) -> dict[str, Any]:
        stdout = self.proc.stdout
        assert stdout is not None
        ready, _, _ = select.select([stdout], [], [], timeout)
        line = stdout.readline() if ready else ""
        if not line:
            self.proc.kill()
            tail = self.log.read_text()[-1500:].strip() if self.log.exists() else ""
            reason = "timed out" if not ready else "exited"
            return {"error": f"worker {reason}: {tail.splitlines()[-1] if tail else ''}",
                    "log": tail, "dead": True}  # fmt: skip
        return json.loads(line)

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def run(self, workload: str, scale: float, timeout: float) -> dict[str, Any]:
        self.send(f"run {workload} {scale}")
        return self.read(timeout)

    def finish(self) -> dict[str, Any]:
        if self.proc.poll() is not None:
            return {}
        self.send("quit")
        result = self.read(120)
        self.proc.wait(30)
        return result


# -- measurement -----------------------------------------------------------------------------------
@dataclass
class Row:
    """Every repetition of one client on one workload."""

    client: str
    wall: list[float] = field(default_factory=list[float])
    cpu: list[float] = field(default_factory=list[float])
    units: int = 0
    peak_rss_mb: float | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict[str, Any])


@dataclass
class Section:
    """One workload's rows and notes."""

    workload: str
    params: dict[str, Any]
    rows: dict[str, Row] = field(default_factory=dict[str, Row])
    notes: list[str] = field(default_factory=list[str])
    text: str = ""


def run_group(group: list[str], clients: list[str], config: dict[str, Any], reps: int,
              server: Server | None, profile: list[str]) -> dict[str, Section]:  # fmt: skip
    """Run the workloads of ``group`` in one process per client (the first workload's peak RSS
    is its own; later ones only get one when they are alone in their group)."""
    name = "-".join(group)
    sections = {w: Section(w, config[w]) for w in group}
    base_url = server.base_url if server else ""
    params = {w: config[w] for w in group}
    workers: dict[str, Worker] = {}
    for client in clients:
        out = str(RESULTS / f"profile-{name}-{client}.txt") if client in profile else ""
        workers[client] = Worker(client, name, base_url, params, out)
        for section in sections.values():
            section.rows[client] = Row(client)
    for client, worker in list(workers.items()):
        ready = worker.read(180)
        if "error" in ready:
            for section in sections.values():
                section.rows[client].error = ready["error"]
            del workers[client]
    for workload in group:
        print(f"  {workload}", file=sys.stderr, flush=True)
        section = sections[workload]
        _run_reps(workload, section, workers, reps, server, keep_rss=workload == group[0])
    for worker in workers.values():
        worker.finish()
    return sections


def _run_reps(workload: str, section: Section, workers: dict[str, Worker], reps: int,
              server: Server | None, keep_rss: bool) -> None:  # fmt: skip
    """Warm each client up, then run ``reps`` interleaved repetitions of ``workload``."""
    active = {c: w for c, w in workers.items() if w.proc.poll() is None}

    def failed(client: str, result: dict[str, Any]) -> None:
        section.rows[client].error = result["error"]
        del active[client]
        if result.get("dead"):
            del workers[client]

    # Warm-up: connections, caches, lazy imports, the server's pre-rendered bodies (twice for
    # W3, whose first round opens 100 connections and whose second finds a pool in steady state).
    warm_cpu: dict[str, float] = {}
    for client, worker in list(active.items()):
        for _ in range(2 if workload == "W3" else 1):
            warm = worker.run(workload, 0.1, 300)
            if "error" in warm:
                failed(client, warm)
                break
            warm_cpu[client] = warm["cpu"]
    # A client 5x slower than the floor needs no more than 3 repetitions for its ratio to be
    # clear, and would otherwise make the full run take half an hour (litellm, openai on W3).
    slow = {c for c, cpu in warm_cpu.items() if cpu > 5 * warm_cpu.get("floor", float("inf"))}
    server_cpu = 0.0
    for rep in range(reps):
        order = list(active)
        order = order[rep % len(order) :] + order[: rep % len(order)] if order else order
        for client in order:
            row = section.rows[client]
            if client not in active or (client in slow and rep >= 3):
                continue
            before = server.cpu() if server else None
            result = active[client].run(workload, 1.0, 600)
            after = server.cpu() if server else None
            if "error" in result:
                failed(client, result)
                continue
            row.wall.append(result["wall"])
            row.cpu.append(result["cpu"])
            row.units = result["units"]
            if keep_rss:
                row.peak_rss_mb = result["peak_rss_mb"]
            if before is not None and after is not None and client == "floor":
                server_cpu = max(server_cpu, (after - before) / result["wall"])
            if "reads" in result:
                row.extra["reads"] = result["reads"]
    floor = section.rows.get("floor")
    if workload == "W6":
        section.notes.append(
            "floor = the mock model's own stream iterated directly; ours = `stream_text(...)`"
            ".text_stream over the same mock (ours-sync: `stream_text_sync`)"
        )
    if not keep_rss:
        section.notes.append(
            "no peak RSS: these workers ran W2 first in the same process (see W2's)"
        )
    if server and floor and floor.wall:
        section.notes.append(
            f"mock server CPU during the floor's runs: {server_cpu:.0%} of the floor's wall time"
        )
    if workload in ("W2", "W3") and floor and floor.extra.get("reads"):
        per_read = floor.units / floor.extra["reads"]
        section.notes.append(
            f"the floor got {per_read:.1f} SSE events per `aiter_bytes()` item (h11 yields each "
            "HTTP chunk separately; the server sends one event per chunk unless `-g` says more)"
        )


def run_imports(names: list[str], reps: int, base_url: str, warm: bool) -> Section:
    """W5: time a fresh interpreter doing each import, interleaved, ``reps`` times."""
    section = Section("W5", {"reps": reps})
    env = {**os.environ, **WORKER_ENV, "BENCH_BASE_URL": base_url}
    # A cold start reads cached bytecode, as an installed package does (pip compiles it): with
    # PYTHONDONTWRITEBYTECODE inherited, the warm-up below caches nothing and every timed run
    # compiles each module from source instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runnable = []
    for name in names:
        section.rows[name] = Row(name)
        missing = [m for m in IMPORT_NEEDS[name] if not _has_module(m)]
        if missing:
            section.rows[name].error = f"not installed: {', '.join(missing)}"
        else:
            runnable.append(name)
    # One untimed run each, so that every module's bytecode is compiled and cached (the other
    # workloads' workers have done that when they ran first), and failures show here.
    for name in runnable if warm else []:
        done = subprocess.run([sys.executable, "-c", IMPORTS[name]], env=env, check=False,
                              capture_output=True, text=True)  # fmt: skip
        if done.returncode:
            section.rows[name].error = done.stderr.strip().splitlines()[-1][:300]
    runnable = [name for name in runnable if not section.rows[name].error]
    errors = RESULTS / "logs" / "W5.log"
    errors.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(reps):
        for name in runnable:
            row = section.rows[name]
            if row.error:
                continue
            with errors.open("w") as log:
                start = time.perf_counter()
                proc = subprocess.Popen([sys.executable, "-c", IMPORTS[name]], env=env,
                                        stdout=subprocess.DEVNULL, stderr=log)  # fmt: skip
                _, status, usage = os.wait4(proc.pid, 0)
                wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode:
                lines = errors.read_text().strip().splitlines()
                row.error = lines[-1][:300] if lines else f"exit code {proc.returncode}"
                continue
            row.wall.append(wall)
            row.cpu.append(usage.ru_utime + usage.ru_stime)
            row.units = 1
            rss = usage.ru_maxrss / 1024
            row.peak_rss_mb = max(row.peak_rss_mb or 0.0, rss)
    for name in ("ours-api", "ours"):  # the import a program that calls a model makes
        if name in runnable and not section.rows[name].error:
            section.notes.extend(_slowest_imports(IMPORTS[name], env))
            break
    return section


def run_sse_parse(quick: bool) -> Section:
    """The SSE parser micro-benchmark, run as it is and pasted into the report."""
    command = [sys.executable, str(HERE / "sse_parse.py"), *(["--quick"] if quick else [])]
    env = {**os.environ, **WORKER_ENV}
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    text = proc.stdout.strip() or f"failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}"
    return Section("SSE", {}, text=text)


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _slowest_imports(code: str, env: dict[str, str], top: int = 8) -> list[str]:
    """The modules with the largest self time in ``python -X importtime -c code``."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code],
                          env=env, capture_output=True, text=True, check=False)  # fmt: skip
    entries: list[tuple[int, int, str]] = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, module = line[len("import time:") :].split("|")
        entries.append((int(own), int(cumulative), module.strip()))
    total = sum(own for own, _, _ in entries)
    entries.sort(reverse=True)
    shown = ", ".join(f"{module} {own / 1000:.0f}" for own, _, module in entries[:top])
    return [f"`{code}`: {total / 1000:.0f} ms of imports; largest self times (ms): {shown}"]


# -- report ----------------------------------------------------------------------------------------
def _median(values: list[float]) -> float:
    return statistics.median(values)


def _spread(values: list[float], scale: float) -> str:
    return f"{_median(values) * scale:,.1f} ({min(values) * scale:,.1f}-{max(values) * scale:,.1f})"


def _ratio(value: float | None, reference: float | None) -> str:
    if value is None or not reference:
        return "-"
    return f"{value / reference:.2f}x"


def render_section(section: Section) -> list[str]:
    """One workload's markdown table."""
    title = TITLES[section.workload].format(**section.params)
    lines = [f"### {title}", ""]
    if section.text:
        return [*lines, "```", section.text, "```", ""]
    floor = section.rows.get("floor")
    floor_ok = floor is not None and floor.wall and not floor.error
    f_wall = _median(floor.wall) if floor_ok and floor else None
    f_cpu = _median(floor.cpu) if floor_ok and floor else None
    f_rss = floor.peak_rss_mb if floor_ok and floor else None
    if section.workload == "W5":
        lines += [
            "| import | wall ms median (min-max) | CPU ms median (min-max) | wall x floor "
            "| CPU x floor | peak RSS MB |",
            "|---|---|---|---|---|---|",
        ]
        call = section.rows.get("floor-call")
        call_ok = call is not None and call.wall and not call.error
        c_wall = _median(call.wall) if call_ok and call else None
        c_cpu = _median(call.cpu) if call_ok and call else None
        for row in section.rows.values():
            first_call = row.client.endswith("-call")
            name = row.client.removesuffix("-call")
            label = f"{name}: import + first call" if first_call else f"`{IMPORTS[row.client]}`"
            if row.client == "cli-help":
                label = "`ai-sdk --help`"
            if row.error or not row.wall:
                lines.append(f"| {label} | {row.error or 'no result'} | | | | |")
                continue
            r_wall, r_cpu = (c_wall, c_cpu) if first_call else (f_wall, f_cpu)
            lines.append(
                f"| {label} | {_spread(row.wall, 1e3)} | {_spread(row.cpu, 1e3)} "
                f"| {_ratio(_median(row.wall), r_wall)} | {_ratio(_median(row.cpu), r_cpu)} "
                f"| {row.peak_rss_mb:.0f} |"
            )
        notes = [
            *section.notes,
            "'import + first call' rows (ratios to the floor's) make one non-streamed call to the "
            "mock server with the sync API: the cold start a lazy import cannot defer.",
        ]
        return [*lines, "", *(f"- {note}" for note in notes), ""]

    unit = UNITS[section.workload]
    extra_head = " overhead µs/part |" if section.workload == "W6" else ""
    lines += [
        f"| client | wall ms median (min-max) | CPU ms median (min-max) | CPU µs/{unit} "
        f"| {unit}s/s | CPU x floor | wall x floor | peak RSS MB | RSS x floor |{extra_head}",
        "|---|---|---|---|---|---|---|---|---|" + ("---|" if extra_head else ""),
    ]
    for row in section.rows.values():
        if row.error or not row.wall:
            reason = (row.error or "no result").replace("|", "/").replace("\n", " ")
            lines.append(f"| {row.client} | {reason} |" + " |" * (7 + bool(extra_head)))
            continue
        wall, cpu = _median(row.wall), _median(row.cpu)
        rss = f"{row.peak_rss_mb:.0f}" if row.peak_rss_mb else "-"
        extra = ""
        if extra_head:
            overhead = (cpu - f_cpu) / row.units * 1e6 if f_cpu is not None else None
            shown = overhead is not None and row.client != "floor"
            extra = f" {overhead:.2f} |" if shown else " - |"
        lines.append(
            f"| {row.client} | {_spread(row.wall, 1e3)} | {_spread(row.cpu, 1e3)} "
            f"| {cpu / row.units * 1e6:,.1f} | {row.units / wall:,.0f} "
            f"| {_ratio(cpu, f_cpu)} | {_ratio(wall, f_wall)} | {rss} "
            f"| {_ratio(row.peak_rss_mb, f_rss)} |{extra}"
        )
    return [*lines, "", *(f"- {note}" for note in section.notes), ""]


def _value(sections: dict[str, Section], workload: str, client: str, what: str) -> float | None:
    section = sections.get(workload)
    row = section.rows.get(client) if section else None
    if row is None or row.error or not row.wall:
        return None
    if what == "rss":
        return row.peak_rss_mb
    return _median(row.wall if what == "wall" else row.cpu)


def render_targets(sections: dict[str, Section]) -> list[str]:
    """The issue's targets, each with the ratio measured in this run."""
    targets: list[tuple[str, str, str, str, str, str, float]] = [
        # (label, workload, client, measure, reference client, reference workload, limit)
        # Issue 18 (performance round two): CPU against raw httpx (`floor`) in the same run.
        # `ours` runs on the default backend (aiohttp when httpx-aiohttp is installed, as in
        # `nox -s bench`), `ours-httpx` on plain httpx.
        ("W1 CPU per call vs floor (default backend)", "W1", "ours", "cpu", "floor", "W1", 1.1),
        ("W1 CPU per call vs floor (plain httpx)", "W1", "ours-httpx", "cpu", "floor", "W1", 1.1),
        ("W2 CPU on plain httpx vs floor", "W2", "ours-httpx", "cpu", "floor", "W2", 1.1),
        ("W3 CPU on plain httpx vs floor", "W3", "ours-httpx", "cpu", "floor", "W3", 1.1),
        ("W2 CPU on aiohttp vs floor", "W2", "ours-aiohttp", "cpu", "floor", "W2", 0.5),
        ("W3 CPU on aiohttp vs floor", "W3", "ours-aiohttp", "cpu", "floor", "W3", 0.5),
        ("W1 sync twin CPU vs floor-sync", "W1", "ours-sync", "cpu", "floor-sync", "W1", 1.3),
        ("W3 peak RSS vs floor", "W3", "ours", "rss", "floor", "W3", 1.3),
        ("W5 cold import vs pydantic+httpx", "W5", "ours", "wall", "floor", "W5", 1.3),
        # The W5 is the bare import, which a lazy package makes nearly free; these two
        # count what a program that calls a model cannot avoid.
        (
            "W5 importing the call API vs pydantic+httpx",
            "W5",
            "ours-api",
            "wall",
            "floor",
            "W5",
            1.3,
        ),
        (
            "W0 cold start to a first reply vs the raw httpx script",
            "W5",
            "ours-call",
            "wall",
            "floor-call",
            "W5",
            1.3,
        ),
        (
            "W0 on plain httpx vs the raw httpx script",
            "W5",
            "ours-httpx-call",
            "wall",
            "floor-call",
            "W5",
            1.3,
        ),
        ("W1 sync twin vs async (CPU)", "W1", "ours-sync", "cpu", "ours", "W1", 1.1),
        ("W2 sync twin vs async (CPU)", "W2", "ours-sync", "cpu", "ours", "W2", 1.1),
        ("W3 sync twin vs async (wall)", "W3", "ours-sync", "wall", "ours", "W3", 1.1),
    ]
    lines = ["| target | measured | limit | met |", "|---|---|---|---|"]
    for label, workload, client, what, ref_client, ref_workload, limit in targets:
        if workload not in sections:
            continue
        value = _value(sections, workload, client, what)
        reference = _value(sections, ref_workload, ref_client, what)
        if value is None or not reference:
            lines.append(f"| {label} | not measured ({client} unavailable) | {limit}x | - |")
            continue
        ratio = value / reference
        lines.append(f"| {label} | {ratio:.2f}x | {limit}x | {'yes' if ratio <= limit else 'NO'} |")
    help_wall = _value(sections, "W5", "cli-help", "wall")
    if help_wall is not None:
        met = "yes" if help_wall < 0.150 else "NO"
        lines.append(f"| `ai-sdk --help` wall time | {help_wall * 1e3:.0f} ms | 150 ms | {met} |")
    w6 = sections.get("W6")
    if w6 is not None:
        ours, floor = _value(sections, "W6", "ours", "cpu"), _value(sections, "W6", "floor", "cpu")
        if ours is not None and floor is not None:
            per_part = (ours - floor) / w6.rows["ours"].units * 1e6
            met = "yes" if per_part < 5 else "NO"
            lines.append(f"| W6 core overhead per part | {per_part:.2f} µs | 5 µs | {met} |")
        else:
            lines.append("| W6 core overhead per part | not measured | 5 µs | - |")
    return lines


def render(sections: dict[str, Section], mode: str, elapsed: float) -> str:
    """The whole markdown report."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        f"# Benchmark results ({mode})",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')} · Python {platform.python_version()} · "
        f"{platform.machine()} · {os.cpu_count()} CPUs · load average {load:.1f} at the end · "
        f"{elapsed:.0f} s. Ratios are to the raw floor measured in the same run; lower is better.",
        "",
        "## Targets",
        "",
        *render_targets(sections),
        "",
    ]
    for workload in WORKLOADS:
        if workload in sections:
            lines += render_section(sections[workload])
    return "\n".join(lines).rstrip() + "\n"


# -- main ------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """Entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="smaller workloads, 3 repetitions")
    parser.add_argument("--only", default="", help="workloads to run, e.g. W2,W5 (default: all)")
    parser.add_argument(
        "--clients",
        default="",
        help=f"any of {', '.join(CLIENTS)} (floor is always added); "
        "default: all installed, litellm only without --quick",
    )
    parser.add_argument("--reps", type=int, default=0, help="repetitions (default 5, quick 3)")
    parser.add_argument(
        "--profile",
        default="",
        help="clients to profile with pyinstrument (bench/results/profile-*; slows them)",
    )
    parser.add_argument("--output", default=str(RESULTS / "latest.md"))
    args = parser.parse_args(argv)

    config = QUICK if args.quick else FULL
    reps = args.reps or config["reps"]
    workloads = [w.strip().upper() for w in args.only.split(",") if w.strip()] or list(WORKLOADS)
    unknown = [w for w in workloads if w not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload(s): {', '.join(unknown)}")
    if args.clients:
        wanted = [c.strip() for c in args.clients.split(",") if c.strip()]
        bad = [c for c in wanted if c not in CLIENTS]
        if bad:
            parser.error(f"unknown client(s): {', '.join(bad)}; known: {', '.join(CLIENTS)}")
    else:
        wanted = [c for c in CLIENTS if c not in QUICK_SKIPS or not args.quick]
    wanted = ["floor", *(c for c in wanted if c != "floor")]
    skipped = [c for c in wanted if not available(c)]
    clients = [c for c in wanted if c not in skipped]
    profile = [c.strip() for c in args.profile.split(",") if c.strip()]

    started = time.perf_counter()
    sections: dict[str, Section] = {}
    server = Server() if any(w in (*NETWORK, "W5") for w in workloads) else None
    try:
        network = [w for w in ("W2", "W1", "W4") if w in workloads]  # W2 first: clean RSS
        plan: list[list[str]] = [network] if network else []
        plan += [[w] for w in ("W3", "W5", "W6", "SSE") if w in workloads]
        for group in plan:
            elapsed = time.perf_counter() - started
            print(f"[{elapsed:5.0f} s] running {', '.join(group)}", file=sys.stderr, flush=True)
            workload = group[0]
            if workload == "SSE":
                if (HERE / "sse_parse.py").exists():
                    sections[workload] = run_sse_parse(args.quick)
                continue
            if workload == "W5":
                names = ["python", "floor"]
                ours = "ours" in wanted
                # --quick times the peers' imports only when --clients names them (5 s a run).
                peers = wanted if args.clients or not args.quick else ["floor"]
                names += [
                    n
                    for n in IMPORTS
                    if n not in names
                    and (
                        n.removesuffix("-call") in peers
                        or (ours and (n[:4] == "ours" or n == "cli-help"))
                    )
                ]
                base_url = server.base_url if server else ""
                warm = not any(w in workloads for w in NETWORK)
                sections[workload] = run_imports(names, config["W5"]["reps"], base_url, warm)
                continue
            chosen = [c for c in clients if workload != "W6" or c in W6_CLIENTS]
            if workload == "W6":
                chosen = [c for c in chosen if c == "floor" or available("ours")]
            network_server = server if workload in NETWORK else None
            sections.update(run_group(group, chosen, config, reps, network_server, profile))
            for client in skipped:
                for w in group:
                    if w != "W6" or client in W6_CLIENTS:
                        sections[w].rows[client] = Row(client, error="not installed")
    finally:
        if server:
            server.stop()
    report = render(sections, "quick" if args.quick else "full", time.perf_counter() - started)
    print(report)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report)
    raw = {w: [vars(r) for r in s.rows.values()] for w, s in sections.items()}
    output.with_suffix(".json").write_text(json.dumps(raw, indent=1))
    print(f"written to {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
