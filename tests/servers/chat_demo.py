"""`nox -s chat`: the chat example (examples/chat) on Gemma 3 270M, served by llama.cpp.

The `chat` session runs this module in its own venv (ai-sdk-core[web], the OpenAI-compatible
provider, FastAPI, uvicorn)::

    python -m tests.servers.chat_demo --server-python .nox/_llama-server/bin/python

It assembles the demo model (see `tests.servers.demo_model`), starts the llama.cpp server on a
free loopback port, points the app at it (``AI_SDK_BASE_URL``, ``AI_SDK_API_KEY``,
``AI_SDK_MODEL``), serves the app on 127.0.0.1, prints the URL, and stops both on Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys

import uvicorn

from tests.servers.chat_example import CHAT_EXAMPLE, load_chat_example
from tests.servers.demo_model import DEMO_MODEL_ALIAS, assemble_model, start_demo_server
from tests.servers.llama_server import free_port

__all__ = ["MAX_OUTPUT_TOKENS", "main"]

MAX_OUTPUT_TOKENS = 160
"""A bound on each answer: the demo model is a small base model that would ramble."""


def _say(message: str) -> None:
    print(f"chat: {message}", flush=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Serve the llama.cpp server and the chat app until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m tests.servers.chat_demo")
    parser.add_argument("--server-python", required=True, help="the llama.cpp server's python")
    parser.add_argument("--port", type=int, default=8000, help="the app's port (0: any free one)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    logging.basicConfig(level=logging.INFO, format="chat: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per model call

    model_path = assemble_model(args.server_python)
    llama = start_demo_server(model_path, args.server_python)
    try:
        os.environ["AI_SDK_BASE_URL"] = llama.base_url
        os.environ["AI_SDK_API_KEY"] = llama.api_key
        os.environ["AI_SDK_MODEL"] = DEMO_MODEL_ALIAS
        app = load_chat_example().create_app(max_output_tokens=MAX_OUTPUT_TOKENS)
        port = args.port or free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        _say(f"conversations are stored in {CHAT_EXAMPLE / 'chat.sqlite3'}")
        _say(f"open http://127.0.0.1:{port}/  (Ctrl-C stops the app and the llama.cpp server)")
        with contextlib.suppress(KeyboardInterrupt):
            server.run()  # uvicorn ends on Ctrl-C by itself
        return 0
    finally:
        llama.stop()
        _say(f"llama.cpp server stopped (pid {llama.process.pid})")


if __name__ == "__main__":
    sys.exit(main())
