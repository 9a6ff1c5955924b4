"""Start and stop a real llama.cpp OpenAI-compatible server (llama-cpp-python) on 127.0.0.1.

The server runs in its own virtualenv (see the ``realserver`` and ``demo`` nox sessions), named
by the ``AI_SDK_LLAMA_PYTHON`` environment variable. It serves one GGUF file under several model
aliases: a plain chat model, one with the ``chatml-function-calling`` format (tool calls) and one
with embeddings enabled.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

__all__ = ["LlamaServer", "free_port", "start_llama_server"]

CHAT_MODEL = "tiny-chat"
TOOLS_MODEL = "tiny-tools"
EMBEDDING_MODEL = "tiny-embed"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LlamaServer:
    """A running server: where it listens, its key, and its process."""

    base_url: str
    api_key: str
    process: subprocess.Popen[bytes]
    log_path: Path
    chat_model: str = CHAT_MODEL
    tools_model: str = TOOLS_MODEL
    embedding_model: str = EMBEDDING_MODEL

    def stop(self) -> None:
        """Terminate the server process (by its pid) and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_llama_server(
    model_path: Path,
    *,
    python: str | None = None,
    api_key: str = "test-key",
    n_ctx: int = 512,
    ready_timeout: float = 120.0,
    extra_models: list[dict[str, object]] | None = None,
) -> LlamaServer:
    """Start ``python -m llama_cpp.server`` and wait until ``GET /v1/models`` answers 200.

    Args:
        model_path: the GGUF file to serve.
        python: the interpreter of the server's venv (default: ``$AI_SDK_LLAMA_PYTHON``).
        api_key: the key the server demands as ``Authorization: Bearer``.
        n_ctx: context size of each alias.
        ready_timeout: seconds to wait for readiness before giving up.
        extra_models: more entries for the server's ``models`` list.
    """
    python = python or os.environ.get("AI_SDK_LLAMA_PYTHON") or sys.executable
    port = free_port()
    common = {"model": str(model_path), "n_ctx": n_ctx, "seed": 0, "verbose": False}
    config = {
        "host": "127.0.0.1",
        "port": port,
        "api_key": api_key,
        "models": [
            {**common, "model_alias": CHAT_MODEL, "chat_format": "chatml"},
            {**common, "model_alias": TOOLS_MODEL, "chat_format": "chatml-function-calling"},
            {**common, "model_alias": EMBEDDING_MODEL, "embedding": True},
            *(extra_models or []),
        ],
    }
    workdir = Path(tempfile.mkdtemp(prefix="llama-server-"))
    config_path = workdir / "config.json"
    config_path.write_text(json.dumps(config))
    log_path = workdir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [python, "-m", "llama_cpp.server", "--config_file", str(config_path)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server = LlamaServer(f"http://127.0.0.1:{port}/v1", api_key, process, log_path)
    deadline = time.monotonic() + ready_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log_tail = log_path.read_text()[-4000:]
            raise RuntimeError(f"llama.cpp server exited with {process.returncode}:\n{log_tail}")
        try:
            response = httpx.get(
                f"{server.base_url}/models",
                headers={"Authorization": f"Bearer {api_key}"},
                timeout=2,
            )
            if response.status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.stop()
    raise TimeoutError(
        f"llama.cpp server not ready after {ready_timeout}s:\n{log_path.read_text()}"
    )
