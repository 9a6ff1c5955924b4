"""Release one distribution: bump its version, date its changelog, record it, commit, and tag it.

Usage: python scripts/release.py <dist> <major|minor|patch> [--dry-run]

<dist> is a folder name under packages/ (ai-sdk-core, ai-sdk-gateway, ai-sdk-openai-compatible).
Refuses when the working tree is dirty, when the changelog has nothing under "Unreleased", or
when a provider's declared ai-sdk-core range would not include the core version it is tested
with (the local one, after this release if the released dist is core).

The release commit adds ``<dist> <version>`` to the release record (``RELEASES``, see
scripts/release_record.py): that line names the commit that adds it, so every clone can find the
release from the history alone. The annotated tag is a convenience on the machine that made it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import tomllib
from pathlib import Path

try:
    from scripts import release_record
except ImportError:  # run as `python scripts/release.py`
    import release_record  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]
VERSION_RE = re.compile(r'^__version__ = "(\d+)\.(\d+)\.(\d+)"$', re.MULTILINE)


class ReleaseError(Exception):
    """The release cannot go ahead; the message says why."""


def version_file(dist: str, root: Path = ROOT) -> Path:
    """The `_version.py` that hatch reads the dist's version from."""
    folder = root / "packages" / dist
    config = tomllib.loads((folder / "pyproject.toml").read_text())
    return folder / config["tool"]["hatch"]["version"]["path"]


def read_version(dist: str, root: Path = ROOT) -> tuple[int, int, int]:
    """The dist's current version as a tuple."""
    match = VERSION_RE.search(version_file(dist, root).read_text())
    if match is None:
        raise ReleaseError(f"no __version__ in {version_file(dist, root)}")
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def bumped(version: tuple[int, int, int], part: str) -> tuple[int, int, int]:
    """``version`` with ``part`` incremented and the lower parts reset."""
    major, minor, patch = version
    if part == "major":
        return major + 1, 0, 0
    if part == "minor":
        return major, minor + 1, 0
    if part == "patch":
        return major, minor, patch + 1
    raise ReleaseError(f"unknown part {part!r}: use major, minor or patch")


def core_range(dist: str, root: Path = ROOT) -> tuple[tuple[int, int], tuple[int, int]]:
    """A provider's declared ``ai-sdk-core>=X.Y,<A.B`` as ((X, Y), (A, B))."""
    config = tomllib.loads((root / "packages" / dist / "pyproject.toml").read_text())
    for requirement in config["project"]["dependencies"]:
        match = re.fullmatch(r"ai-sdk-core\s*>=\s*(\d+)\.(\d+)\s*,\s*<\s*(\d+)\.(\d+)", requirement)
        if match:
            low_major, low_minor, high_major, high_minor = (int(g) for g in match.groups())
            return (low_major, low_minor), (high_major, high_minor)
    raise ReleaseError(f"{dist} declares no `ai-sdk-core>=X.Y,<A.B` dependency")


def check_core_ranges(core_version: tuple[int, int, int], root: Path = ROOT) -> None:
    """Every provider's core range must include ``core_version``."""
    for folder in sorted((root / "packages").iterdir()):
        if folder.name == "ai-sdk-core" or not (folder / "pyproject.toml").exists():
            continue
        low, high = core_range(folder.name, root)
        if not (low <= core_version[:2] < high):
            shown = ".".join(map(str, core_version))
            raise ReleaseError(
                f"{folder.name} declares ai-sdk-core>={low[0]}.{low[1]},<{high[0]}.{high[1]}, "
                f"which excludes the core it is tested with ({shown}). Widen or move its range "
                f"in packages/{folder.name}/pyproject.toml (and release it) first."
            )


def date_changelog(dist: str, version: str, today: dt.date, root: Path = ROOT) -> str:
    """The changelog text with its Unreleased entries moved under ``version``."""
    path = root / "packages" / dist / "CHANGELOG.md"
    text = path.read_text()
    match = re.search(r"^## Unreleased\n(?P<body>.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    if match is None or not match.group("body").strip():
        raise ReleaseError(f"{path} has no entries under '## Unreleased': describe the release")
    body = match.group("body").strip("\n")
    section = f"## Unreleased\n\n## {version} ({today.isoformat()})\n\n{body}\n\n"
    return text[: match.start()] + section + text[match.end() :]


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` and return its output."""
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()


def release(
    dist: str,
    part: str,
    *,
    dry_run: bool = False,
    today: dt.date | None = None,
    root: Path = ROOT,
) -> str:
    """Bump, date, record, commit and tag ``dist``; return the new tag."""
    folder = root / "packages" / dist
    if not (folder / "pyproject.toml").exists():
        raise ReleaseError(f"no distribution {dist!r} under packages/")
    if git(root, "status", "--porcelain"):
        raise ReleaseError("the working tree has uncommitted changes: commit or stash them first")
    new = bumped(read_version(dist, root), part)
    version = ".".join(map(str, new))
    tag = f"{dist}-v{version}"
    if git(root, "tag", "--list", tag):
        raise ReleaseError(f"tag {tag} exists already")
    if (root / release_record.RECORD).exists():
        try:
            entries = release_record.read_entries(root)
        except release_record.RecordError as error:
            raise ReleaseError(str(error)) from error
        if any(e.dist == dist and e.version == version for e in entries):
            raise ReleaseError(f"{release_record.RECORD} records {dist} {version} already")
    check_core_ranges(new if dist == "ai-sdk-core" else read_version("ai-sdk-core", root), root)
    changelog = date_changelog(dist, version, today or dt.date.today(), root)
    if dry_run:
        return tag
    (folder / "CHANGELOG.md").write_text(changelog)
    path = version_file(dist, root)
    path.write_text(VERSION_RE.sub(f'__version__ = "{version}"', path.read_text()))
    record = release_record.append(dist, version, root)
    git(root, "add", str(path), str(folder / "CHANGELOG.md"), str(record))
    git(root, "commit", "-m", f"Release {dist} {version}")
    git(root, "tag", "-a", tag, "-m", f"{dist} {version}")
    return tag


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist")
    parser.add_argument("part", choices=["major", "minor", "patch"])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    try:
        tag = release(args.dist, args.part, dry_run=args.dry_run)
    except ReleaseError as error:
        print(f"release refused: {error}", file=sys.stderr)
        return 1
    print(f"{'would tag' if args.dry_run else 'tagged'} {tag}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
