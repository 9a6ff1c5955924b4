"""The release script on a throwaway git repository shaped like this one."""

import datetime as dt
from pathlib import Path

import pytest

from scripts.release import (
    ReleaseError,
    bumped,
    check_core_ranges,
    core_range,
    read_version,
    release,
)
from tests.compat._repo import git, make_repo

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throwaway repository with core and gateway shaped like this one, and no record yet."""
    return make_repo(tmp_path)


def test_bumped() -> None:
    assert bumped((1, 2, 3), "patch") == (1, 2, 4)
    assert bumped((1, 2, 3), "minor") == (1, 3, 0)
    assert bumped((1, 2, 3), "major") == (2, 0, 0)


def test_release_bumps_dates_commits_and_tags(repo: Path) -> None:
    major, minor, patch = read_version("ai-sdk-gateway", repo)
    expected = f"{major}.{minor}.{patch + 1}"

    tag = release("ai-sdk-gateway", "patch", today=TODAY, root=repo)

    assert tag == f"ai-sdk-gateway-v{expected}"
    assert git(repo, "tag", "--list") == tag
    version = repo / "packages/ai-sdk-gateway/src/ai_sdk_gateway/_version.py"
    assert f'__version__ = "{expected}"' in version.read_text()
    changelog = (repo / "packages/ai-sdk-gateway/CHANGELOG.md").read_text()
    assert f"## Unreleased\n\n## {expected} (2026-11-24)\n\n- First version.\n" in changelog
    assert git(repo, "status", "--porcelain") == ""
    # Nothing new under Unreleased: the next release is refused.
    with pytest.raises(ReleaseError, match="no entries under '## Unreleased'"):
        release("ai-sdk-gateway", "patch", today=TODAY, root=repo)


def test_core_minor_release_outside_provider_range_is_refused(repo: Path) -> None:
    (low_major, low_minor), (high_major, high_minor) = core_range("ai-sdk-gateway", repo)
    declared = f"ai-sdk-core>={low_major}.{low_minor},<{high_major}.{high_minor}"
    major, minor, _ = read_version("ai-sdk-core", repo)
    assert (major, minor + 1) == (high_major, high_minor)  # the next minor leaves the range

    with pytest.raises(ReleaseError, match=f"ai-sdk-gateway declares {declared}"):
        release("ai-sdk-core", "minor", root=repo)
    assert git(repo, "tag", "--list") == ""
    check_core_ranges((major, minor, 9), repo)  # a patch stays inside


def test_dirty_tree_is_refused(repo: Path) -> None:
    (repo / "stray.txt").write_text("x")
    with pytest.raises(ReleaseError, match="uncommitted changes"):
        release("ai-sdk-core", "patch", root=repo)
