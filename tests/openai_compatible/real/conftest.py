"""The real llama.cpp server for this folder, started once per test session.

Only the ``realserver`` nox session runs this folder: it builds llama-cpp-python in its own venv
and names that venv's interpreter in ``AI_SDK_LLAMA_PYTHON``.
"""

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers.llama_server import LlamaServer, start_llama_server

TINY_MODEL_SCRIPT = Path(__file__).parents[2] / "servers" / "tiny_model.py"


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    """A llama.cpp server serving a freshly generated tiny random-weight model."""
    python = os.environ.get("AI_SDK_LLAMA_PYTHON")
    if not python:
        pytest.fail("AI_SDK_LLAMA_PYTHON is not set: run these tests with `nox -s realserver`")
    model = tmp_path_factory.mktemp("model") / "tiny.gguf"
    subprocess.run([python, str(TINY_MODEL_SCRIPT), str(model)], check=True, capture_output=True)
    server = start_llama_server(model, python=python)
    try:
        yield server
    finally:
        server.stop()
