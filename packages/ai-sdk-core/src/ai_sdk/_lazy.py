"""Lazy package roots: the public names are declared once, and loaded on first use.

A package's ``__init__.py`` declares its surface as the imports of one ``if TYPE_CHECKING:``
block, in the re-export form ``from ai_sdk.embed import embed as embed`` that type checkers
read; at run time nothing there is imported. `LazyExports` reads that block from the source on
the first attribute lookup and imports each name's module when the name is first used, so that
``import ai_sdk`` stays cheap for programs (and providers) that need a part of it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["LazyExports"]


class LazyExports:
    """The names declared in a package's ``TYPE_CHECKING`` block, resolved on demand."""

    __slots__ = ("_init_file", "_modules", "_namespace", "_package")

    def __init__(self, package: str, init_file: str, namespace: dict[str, Any]) -> None:
        self._package = package
        self._init_file = init_file
        self._namespace = namespace
        self._modules: dict[str, str] | None = None

    @property
    def modules(self) -> dict[str, str]:
        """Each public name -> the module that defines it."""
        if self._modules is None:
            import ast  # only here: `import ai_sdk` itself must stay cheap

            with open(self._init_file, encoding="utf-8") as file:
                tree = ast.parse(file.read())
            self._modules = {
                alias.asname or alias.name: statement.module
                for block in tree.body
                if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
                for statement in block.body
                if isinstance(statement, ast.ImportFrom) and statement.module is not None
                for alias in statement.names
            }
        return self._modules

    def get(self, name: str) -> Any:
        """The module attribute ``name`` (PEP 562 ``__getattr__``), cached in the namespace."""
        if name == "__all__":
            value: Any = ["__version__", *sorted(self.modules)]
        else:
            module = self.modules.get(name)
            if module is None:
                raise AttributeError(f"module {self._package!r} has no attribute {name!r}")
            value = getattr(import_module(module), name)
        self._namespace[name] = value
        return value

    def names(self) -> list[str]:
        """The public names (PEP 562 ``__dir__``): the package's ``__all__`` if it has one."""
        declared = self._namespace.get("__all__")
        if declared is not None:
            return sorted(declared)
        return ["__version__", *sorted(self.modules)]
