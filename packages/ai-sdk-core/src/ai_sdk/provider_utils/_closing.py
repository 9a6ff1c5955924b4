"""`async with` for core's classes that own something to close, written once."""

from __future__ import annotations

from typing import Self

__all__ = ["AsyncClosing"]


class AsyncClosing:
    """Makes a class with an ``aclose()`` an async context manager.

    Entering gives the object itself; leaving (normally or by an exception) awaits ``aclose()``.
    Providers keep their own copy of these lines until they can require a core that exports it.
    """

    __slots__ = ()

    async def aclose(self) -> None:
        """Release what the object holds; subclasses override it."""
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
