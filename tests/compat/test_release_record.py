"""The release record (RELEASES): complete for this repository, and resolvable in real git repos."""

import re
import tomllib
from pathlib import Path

import pytest

from scripts import release_record
from scripts.release import ReleaseError, release
from scripts.release_record import RecordError, latest, lowest, read_entries, releases
from tests.compat._repo import ROOT, git, make_repo

HEADING_RE = re.compile(r"^## (\d+\.\d+\.\d+)\b", re.MULTILINE)


def _changelog_versions() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for folder in sorted((ROOT / "packages").iterdir()):
        changelog = folder / "CHANGELOG.md"
        if changelog.exists():
            found += [(folder.name, v) for v in HEADING_RE.findall(changelog.read_text())]
    return found


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout")
def test_every_changelog_version_is_recorded_at_a_commit_with_that_version() -> None:
    versions = _changelog_versions()
    assert ("ai-sdk-core", "0.2.0") in versions  # the headings are found at all
    recorded = {(r.dist, r.version): r.commit for r in releases(ROOT)}
    assert sorted(set(versions) - set(recorded)) == [], "CHANGELOG versions without a record"
    assert sorted(set(recorded) - set(versions)) == [], "records without a CHANGELOG version"
    for (dist, version), commit in recorded.items():
        pyproject = tomllib.loads(git(ROOT, "show", f"{commit}:packages/{dist}/pyproject.toml"))
        path = pyproject["tool"]["hatch"]["version"]["path"]
        text = git(ROOT, "show", f"{commit}:packages/{dist}/{path}")
        assert f'__version__ = "{version}"' in text, f"{dist} {version} recorded at {commit}"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throwaway repository with core and gateway shaped like this one, and no record yet."""
    return make_repo(tmp_path)


def _version_at(repo: Path, commit: str, dist: str) -> str:
    module = "ai_sdk" if dist == "ai-sdk-core" else dist.replace("-", "_")
    text = git(repo, "show", f"{commit}:packages/{dist}/src/{module}/_version.py")
    match = re.search(r'__version__ = "(.+)"', text)
    assert match is not None
    return match.group(1)


def _new_entry(repo: Path, dist: str, text: str) -> None:
    path = repo / "packages" / dist / "CHANGELOG.md"
    path.write_text(path.read_text().replace("## Unreleased\n", f"## Unreleased\n\n- {text}\n"))
    git(repo, "commit", "-qam", text)


def test_release_records_itself_in_its_own_commit(repo: Path) -> None:
    release("ai-sdk-core", "patch", root=repo)
    head = git(repo, "rev-parse", "HEAD")
    assert git(repo, "show", "--name-only", "--format=", "HEAD").splitlines() == [
        "RELEASES",
        "packages/ai-sdk-core/CHANGELOG.md",
        "packages/ai-sdk-core/src/ai_sdk/_version.py",
    ]
    (core,) = releases(repo)
    assert core.commit == head
    assert _version_at(repo, head, "ai-sdk-core") == core.version

    # Later commits, another release and a second core release leave it where it was.
    _new_entry(repo, "ai-sdk-gateway", "Gateway change.")
    release("ai-sdk-gateway", "patch", root=repo)
    gateway_head = git(repo, "rev-parse", "HEAD")
    _new_entry(repo, "ai-sdk-core", "Core change.")
    release("ai-sdk-core", "patch", root=repo)
    found = {(r.dist, r.version): r.commit for r in releases(repo)}
    assert found[("ai-sdk-core", core.version)] == head
    assert found[("ai-sdk-gateway", latest("ai-sdk-gateway", repo).version)] == gateway_head
    newest = latest("ai-sdk-core", repo)
    assert newest.commit == git(repo, "rev-parse", "HEAD")
    assert newest.key > core.key
    major, minor, _ = core.key
    assert lowest("ai-sdk-core", major, minor, repo) == core
    # Back at the first release, releasing the next patch again is refused (its tag exists).
    git(repo, "checkout", "-q", head)
    with pytest.raises(ReleaseError, match="tag ai-sdk-core-v"):
        release("ai-sdk-core", "patch", root=repo)


def test_the_record_survives_a_rebase_of_the_release_commit(repo: Path) -> None:
    git(repo, "checkout", "-qb", "topic")
    release("ai-sdk-gateway", "patch", root=repo)
    git(repo, "checkout", "-q", "main")
    (repo / "other.txt").write_text("x")
    git(repo, "add", "other.txt")
    git(repo, "commit", "-qm", "meanwhile on main")
    git(repo, "checkout", "-q", "topic")
    git(repo, "rebase", "-q", "main")

    (gateway,) = releases(repo)
    assert gateway.commit == git(repo, "rev-parse", "HEAD")
    assert _version_at(repo, gateway.commit, "ai-sdk-gateway") == gateway.version


def test_a_recorded_commit_missing_from_history_is_an_error(repo: Path) -> None:
    (repo / "RELEASES").write_text(release_record.HEADER + "ai-sdk-core 0.2.0 " + "ab" * 20 + "\n")
    with pytest.raises(RecordError, match="not in this clone's history"):
        releases(repo)


def test_an_uncommitted_line_is_an_error(repo: Path) -> None:
    release_record.append("ai-sdk-core", "9.9.9", repo)
    with pytest.raises(RecordError, match=r"no commit adds 'ai-sdk-core 9\.9\.9'"):
        releases(repo)


def test_a_missing_floor_or_record_is_an_error(repo: Path) -> None:
    with pytest.raises(RecordError, match="RELEASES does not exist"):
        read_entries(repo)
    release("ai-sdk-core", "patch", root=repo)
    with pytest.raises(RecordError, match=r"no release of ai-sdk-core 7\.1\.x"):
        lowest("ai-sdk-core", 7, 1, repo)
    with pytest.raises(RecordError, match="no release of ai-sdk-gateway"):
        latest("ai-sdk-gateway", repo)


def test_malformed_and_duplicate_lines_are_errors(repo: Path) -> None:
    (repo / "RELEASES").write_text("ai-sdk-core 0.2\n")
    with pytest.raises(RecordError, match=r"RELEASES:1: expected"):
        read_entries(repo)
    (repo / "RELEASES").write_text("# c\nai-sdk-core 0.2.0\nai-sdk-core 0.2.0 abcdef0\n")
    with pytest.raises(RecordError, match=r"RELEASES:3: ai-sdk-core 0.2.0 is recorded twice"):
        read_entries(repo)


def test_release_refuses_a_version_the_record_has(repo: Path) -> None:
    major, minor, patch = (int(p) for p in _version_at(repo, "HEAD", "ai-sdk-core").split("."))
    release_record.append("ai-sdk-core", f"{major}.{minor}.{patch + 1}", repo)
    git(repo, "add", "RELEASES")
    git(repo, "commit", "-qm", "recorded by hand")
    with pytest.raises(ReleaseError, match=r"records ai-sdk-core .* already"):
        release("ai-sdk-core", "patch", root=repo)
