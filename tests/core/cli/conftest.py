"""Run `python -m ai_sdk` as a subprocess, with the ``scripted`` provider registered.

The provider is registered the way a provider package does it: an ``ai_sdk.providers`` entry
point in a distribution's metadata (here a dist-info folder on the subprocess's PYTHONPATH).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
_SCRUBBED = ("AI_SDK_MODEL", "AI_SDK_BASE_URL", "AI_SDK_API_KEY", "AI_GATEWAY_API_KEY")


@dataclass
class CLIResult:
    """What one run of the command line did."""

    code: int
    out: str
    err: str
    calls: list[dict[str, Any]]
    """The call options the scripted models received, as wire JSON."""


RunCLI = Callable[..., CLIResult]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """The subprocess environment: the scripted provider registered, no model settings."""
    dist_info = tmp_path / "site" / "scripted_provider-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: scripted-provider\nVersion: 1.0\n"
    )
    (dist_info / "entry_points.txt").write_text(
        "[ai_sdk.providers]\nscripted = tests.core.cli.scripted_provider:provider\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED and not k.startswith("VERCEL")}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path / "site"), str(ROOT)])
    env["AI_SDK_TEST_RECORD"] = str(tmp_path / "calls.jsonl")
    return env


@pytest.fixture
def run_cli(cli_env: dict[str, str]) -> RunCLI:
    """Run ``python -m ai_sdk ARGS``; ``script`` is what the scripted models answer."""

    def run(
        *args: str,
        stdin: str = "",
        script: dict[str, Any] | None = None,
        env: dict[str, str] | None = None,
        prelude: str = "",
    ) -> CLIResult:
        full_env = {**cli_env, "AI_SDK_TEST_SCRIPT": json.dumps(script or {}), **(env or {})}
        record = Path(full_env["AI_SDK_TEST_RECORD"])
        record.unlink(missing_ok=True)
        # `prelude` runs first in the child (e.g. to hide an installed package).
        command = (
            [sys.executable, "-c", f"{prelude}\nimport sys\nfrom ai_sdk.cli import main\n"
             "sys.exit(main())", *args]
            if prelude
            else [sys.executable, "-m", "ai_sdk", *args]
        )  # fmt: skip
        done = subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            text=True,
            env=full_env,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        calls = (
            [json.loads(line) for line in record.read_text().splitlines()]
            if record.exists()
            else []
        )
        return CLIResult(done.returncode, done.stdout, done.stderr, calls)

    return run
