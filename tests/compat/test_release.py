"""The release script on a throwaway git repository shaped like this one."""

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.release import ReleaseError, bumped, check_core_ranges, release

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 24)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for dist in ("ai-sdk-core", "ai-sdk-gateway"):
        source = ROOT / "packages" / dist
        target = tmp_path / "packages" / dist
        target.mkdir(parents=True)
        shutil.copy(source / "pyproject.toml", target / "pyproject.toml")
        (target / "CHANGELOG.md").write_text(
            f"# Changelog: {dist}\n\n## Unreleased\n\n- First version.\n"
        )
        version = next((source / "src").glob("*/_version.py"))
        (target / version.relative_to(source)).parent.mkdir(parents=True)
        (target / version.relative_to(source)).write_text('__version__ = "0.1.0"\n')
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    _git(tmp_path, "config", "user.name", "t")
    _git(tmp_path, "config", "user.email", "t@t")
    return tmp_path


def test_bumped() -> None:
    assert bumped((1, 2, 3), "patch") == (1, 2, 4)
    assert bumped((1, 2, 3), "minor") == (1, 3, 0)
    assert bumped((1, 2, 3), "major") == (2, 0, 0)


def test_release_bumps_dates_commits_and_tags(repo: Path) -> None:
    tag = release("ai-sdk-gateway", "patch", today=TODAY, root=repo)
    assert tag == "ai-sdk-gateway-v0.1.1"
    assert _git(repo, "tag", "--list") == "ai-sdk-gateway-v0.1.1"
    version = repo / "packages/ai-sdk-gateway/src/ai_sdk_gateway/_version.py"
    assert version.read_text() == '__version__ = "0.1.1"\n'
    changelog = (repo / "packages/ai-sdk-gateway/CHANGELOG.md").read_text()
    assert "## Unreleased\n\n## 0.1.1 (2026-11-24)\n\n- First version.\n" in changelog
    assert _git(repo, "status", "--porcelain") == ""
    # Nothing new under Unreleased: the next release is refused.
    with pytest.raises(ReleaseError, match="no entries under '## Unreleased'"):
        release("ai-sdk-gateway", "patch", today=TODAY, root=repo)


def test_core_minor_release_outside_provider_range_is_refused(repo: Path) -> None:
    with pytest.raises(ReleaseError, match=r"ai-sdk-gateway declares ai-sdk-core>=0.1,<0.2"):
        release("ai-sdk-core", "minor", root=repo)
    assert _git(repo, "tag", "--list") == ""
    check_core_ranges((0, 1, 9), repo)  # a patch stays inside


def test_dirty_tree_is_refused(repo: Path) -> None:
    (repo / "stray.txt").write_text("x")
    with pytest.raises(ReleaseError, match="uncommitted changes"):
        release("ai-sdk-core", "patch", root=repo)
