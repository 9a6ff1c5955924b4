"""The release record: every release of every distribution, readable from any clone's history.

The record is the tracked file ``RELEASES`` at the repository root, one line per release:

    <dist> <version> [<commit>]

A line with a commit names the release commit: the commit whose ``packages/<dist>`` is what was
released (its ``_version.py`` says ``<version>``). A commit cannot contain its own hash, so the
line that ``nox -s release`` writes has none and is committed by the release commit itself: a line
without a commit means "the commit that added this line", found with ``git log -G`` on ``RELEASES``.
That survives a rebase or a cherry-pick of the release commit, where a written hash would not.
Lines with a hash are the releases made before the record existed, recorded after the fact.

Tags (``<dist>-v<version>``) stay a convenience: they do not travel with every clone; this does.

Usage: python scripts/release_record.py   (prints every release and the commit it resolves to)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
RECORD = "RELEASES"
HEADER = """\
# The release record: one line per release of each distribution, oldest first.
#
#   <dist> <version> [<commit>]
#
# A line without a commit is written by `nox -s release` into the release commit itself (a commit
# cannot hold its own hash): it names the commit that added the line. A line with a commit names
# that commit. See scripts/release_record.py; `python scripts/release_record.py` resolves them all.
"""
LINE_RE = re.compile(
    r"(?P<dist>[a-z0-9-]+) (?P<version>\d+\.\d+\.\d+)(?: (?P<commit>[0-9a-f]{7,40}))?"
)


class RecordError(Exception):
    """The record is malformed, or a release in it cannot be found in this clone's history."""


class Entry(NamedTuple):
    """One line of the record, as written."""

    dist: str
    version: str
    commit: str | None
    line: int


class Release(NamedTuple):
    """One release with its release commit resolved to a full hash."""

    dist: str
    version: str
    commit: str

    @property
    def key(self) -> tuple[int, int, int]:
        major, minor, patch = (int(part) for part in self.version.split("."))
        return major, minor, patch


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise RecordError(f"git {' '.join(args)} failed in {root}: {result.stderr.strip()}")
    return result.stdout.strip()


def read_entries(root: Path = ROOT) -> list[Entry]:
    """The record's lines as written (comments and blank lines skipped)."""
    path = root / RECORD
    if not path.exists():
        raise RecordError(f"{path} does not exist: the release record is missing")
    entries: list[Entry] = []
    seen: set[tuple[str, str]] = set()
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        match = LINE_RE.fullmatch(text)
        if match is None:
            raise RecordError(f"{path}:{number}: expected '<dist> <version> [<commit>]': {raw!r}")
        dist, version, commit = match.group("dist", "version", "commit")
        if (dist, version) in seen:
            raise RecordError(f"{path}:{number}: {dist} {version} is recorded twice")
        seen.add((dist, version))
        entries.append(Entry(dist, version, commit, number))
    return entries


def resolve(entry: Entry, root: Path = ROOT) -> Release:
    """The entry's release commit as a full hash; RecordError if this clone cannot find it."""
    if entry.commit is not None:
        result = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{entry.commit}^{{commit}}"],
            cwd=root, capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            raise RecordError(
                f"{RECORD}:{entry.line}: commit {entry.commit} of {entry.dist} {entry.version} is "
                "not in this clone's history (a shallow clone, or a rewritten history?)"
            )
        return Release(entry.dist, entry.version, result.stdout.strip())
    # The oldest commit whose diff of the record adds or removes exactly this line.
    pattern = f"^{entry.dist} {entry.version.replace('.', '[.]')}[[:space:]]*$"
    found = _git(
        root, "log", "--full-history", "--reverse", "--format=%H", "-G", pattern, "--", RECORD
    ).split()
    if not found:
        raise RecordError(
            f"{RECORD}:{entry.line}: no commit adds '{entry.dist} {entry.version}' (not committed "
            "yet, or a shallow clone?)"
        )
    return Release(entry.dist, entry.version, found[0])


def releases(root: Path = ROOT, dist: str | None = None) -> list[Release]:
    """Every recorded release (of ``dist`` only, if given), resolved, oldest version first."""
    resolved = [resolve(e, root) for e in read_entries(root) if dist is None or e.dist == dist]
    return sorted(resolved, key=lambda r: (r.dist, r.key))


def lowest(dist: str, major: int, minor: int, root: Path = ROOT) -> Release:
    """The first recorded release of ``dist`` in ``major.minor`` (the floor ``>=major.minor``)."""
    for release in releases(root, dist):
        if release.key[:2] == (major, minor):
            return release
    raise RecordError(
        f"no release of {dist} {major}.{minor}.x in {root / RECORD}: record it (see "
        "scripts/release_record.py) or release it with `nox -s release`"
    )


def latest(dist: str, root: Path = ROOT) -> Release:
    """The highest recorded version of ``dist``."""
    found = releases(root, dist)
    if not found:
        raise RecordError(f"no release of {dist} in {root / RECORD}")
    return found[-1]


def subject(commit: str, root: Path = ROOT) -> str:
    """The commit's first line, for logs."""
    return _git(root, "log", "-1", "--format=%s", commit)


def append(dist: str, version: str, root: Path = ROOT) -> Path:
    """Add ``<dist> <version>`` (no commit: the commit that adds it) to the record."""
    path = root / RECORD
    text = path.read_text() if path.exists() else HEADER
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(f"{text}{dist} {version}\n")
    return path


def main() -> int:
    try:
        found = releases()
    except RecordError as error:
        print(f"release record: {error}", file=sys.stderr)
        return 1
    for release in found:
        title = subject(release.commit)
        print(f"{release.dist:<26} {release.version:<8} {release.commit[:12]}  {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
