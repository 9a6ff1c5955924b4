"""Replays every recorded case (see README.md); expected failures live in expected_failures.toml.

A case listed there must still differ (strict: once it passes, remove it from the list), and a
case not listed must match the TS recording exactly.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from conformance.replay import load_cases, replay

EXPECTED_FAILURES: dict[str, str] = tomllib.loads(
    (Path(__file__).parent / "expected_failures.toml").read_text()
)
CASES = load_cases()


def test_expected_failures_name_real_cases() -> None:
    names = {case["name"] for case in CASES}
    assert sorted(set(EXPECTED_FAILURES) - names) == []


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
async def test_case(case: dict[str, object]) -> None:
    diffs = await replay(case)
    reason = EXPECTED_FAILURES.get(str(case["name"]))
    if reason is None:
        assert not diffs, "differs from the TypeScript AI SDK:\n" + "\n".join(diffs)
    else:
        assert diffs, f"now matches the TypeScript AI SDK: remove it from expected_failures.toml ({reason})"
