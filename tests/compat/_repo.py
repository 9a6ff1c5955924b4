"""A throwaway git repository shaped like this one, for the release script and record tests."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo``; its output without the trailing newline."""
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()


def make_repo(root: Path) -> Path:
    """Core and the gateway (pyproject, version, a CHANGELOG with one Unreleased entry) in a
    new repository at ``root`` with one commit and no release record."""
    for dist in ("ai-sdk-core", "ai-sdk-gateway"):
        source = ROOT / "packages" / dist
        target = root / "packages" / dist
        target.mkdir(parents=True)
        shutil.copy(source / "pyproject.toml", target / "pyproject.toml")
        (target / "CHANGELOG.md").write_text(
            f"# Changelog: {dist}\n\n## Unreleased\n\n- First version.\n"
        )
        version = next((source / "src").glob("*/_version.py"))
        (target / version.relative_to(source)).parent.mkdir(parents=True)
        shutil.copy(version, target / version.relative_to(source))
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "t")
    git(root, "config", "user.email", "t@t")
    git(root, "add", ".")
    git(root, "commit", "-qm", "init")
    return root
