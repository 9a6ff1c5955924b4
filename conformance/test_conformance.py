"""Replays every recorded case (see README.md); expected failures live in expected_failures.toml.

A case listed there must still differ (strict: once it matches, remove it from the list); a case
listed with ``diffs = [...]`` must differ by exactly those lines (a deliberate deviation that may
not grow); a case not listed must match the TS recording exactly.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, cast

import pytest

from conformance.replay import Case, load_cases, replay

EXPECTED: dict[str, Any] = tomllib.loads(
    (Path(__file__).parent / "expected_failures.toml").read_text()
)
CASES = load_cases()


def test_expected_failures_name_real_cases() -> None:
    names = {case["name"] for case in CASES}
    assert sorted(set(EXPECTED) - names) == []


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
async def test_case(case: Case) -> None:
    diffs = await replay(case)
    expected = EXPECTED.get(case["name"])
    if expected is None:
        assert not diffs, "differs from the TypeScript AI SDK:\n" + "\n".join(diffs)
    elif isinstance(expected, dict):
        pinned = cast("dict[str, Any]", expected)
        assert diffs == pinned["diffs"], (
            f"a pinned deviation changed ({pinned['reason']}); now:\n" + "\n".join(diffs)
        )
    else:
        reason = str(expected)
        assert diffs, (
            f"now matches the TypeScript AI SDK: delete it from expected_failures.toml ({reason})"
        )
