"""The core-name checker that the compat session runs against a provider's lowest core."""

from pathlib import Path

from tests.compat.check_core_names import core_references, missing


def test_finds_imports_at_any_depth_and_flags_missing_names(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text(
        "from ai_sdk.provider import APICallError\n"
        "import ai_sdk.provider_utils\n"
        "def lazy():\n"
        "    from ai_sdk import name_that_core_never_had\n"
        "    from ai_sdk.not_a_module import x\n"
    )
    references = core_references(tmp_path)
    assert {(m, n) for m, n, _ in references} == {
        ("ai_sdk.provider", "APICallError"),
        ("ai_sdk.provider_utils", None),
        ("ai_sdk", "name_that_core_never_had"),
        ("ai_sdk.not_a_module", "x"),
    }
    problems = missing(references)
    assert len(problems) == 2
    assert "ai_sdk.name_that_core_never_had does not exist" in problems[0]
    assert "module ai_sdk.not_a_module is missing" in problems[1]
