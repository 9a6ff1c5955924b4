"""Fail when a provider's source uses an `ai_sdk` name that the installed core does not have.

Run in a venv holding the provider's lowest declared core (the `compat` session does): every
`from ai_sdk... import name` and `import ai_sdk...` in the provider's source, at any depth (lazy
imports inside functions included), must resolve. A provider that starts using a newer core name
without raising its core floor fails here instead of in a user's environment.

Usage: python check_core_names.py <provider source folder>
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path


def core_references(source: Path) -> set[tuple[str, str | None, str]]:
    """(module, name or None, "file:line") for every ai_sdk import under ``source``."""
    found: set[tuple[str, str | None, str]] = set()
    for path in sorted(source.rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            where = f"{path}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "ai_sdk" or node.module.startswith("ai_sdk."):
                    found.update((node.module, alias.name, where) for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(
                    (alias.name, None, where)
                    for alias in node.names
                    if alias.name == "ai_sdk" or alias.name.startswith("ai_sdk.")
                )
    return found


def missing(references: set[tuple[str, str | None, str]]) -> list[str]:
    """Human-readable problems for the references the installed core cannot satisfy."""
    problems: list[str] = []
    for module_name, name, where in sorted(references, key=lambda r: r[2]):
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            problems.append(f"{where}: module {module_name} is missing ({error})")
            continue
        if name is not None and name != "*" and not hasattr(module, name):
            try:
                importlib.import_module(f"{module_name}.{name}")
            except ImportError:
                problems.append(f"{where}: {module_name}.{name} does not exist in this core")
    return problems


def main(source: str) -> int:
    import ai_sdk

    references = core_references(Path(source))
    problems = missing(references)
    for problem in problems:
        print(problem, file=sys.stderr)
    status = "FAILED" if problems else "ok"
    print(f"{status}: {len(references)} core references checked, core {ai_sdk.__version__}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
