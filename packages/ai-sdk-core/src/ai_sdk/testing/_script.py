"""How a mock model answers a call from its script: a result, an error, a list or a function."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar, cast

__all__ = ["Script", "no_script"]

R = TypeVar("R")


class Script(Generic[R]):
    """The script of one mock method (``"MockImageModel.do_generate"``).

    A result is returned and an exception raised on every call; a list gives each call its item
    in order; a function (sync or async) is called with the options.
    """

    def __init__(
        self,
        script: R | BaseException | Sequence[R | BaseException] | Callable[..., Any] | None,
        result_type: type[R],
        method: str,
    ) -> None:
        self._script = script
        self._result_type = result_type
        self._method = method

    async def answer(self, options: object, call_index: int) -> R:
        """What call number ``call_index`` (from 0) with ``options`` returns or raises."""
        script = self._script
        if script is None:
            raise no_script(self._method)
        if isinstance(script, BaseException):
            raise script
        if isinstance(script, self._result_type):
            return cast("R", script)
        if callable(script):
            result: Any = script(options)
            if inspect.isawaitable(result):
                result = await result
            return cast("R", result)
        items = cast("Sequence[R | BaseException]", script)
        if call_index >= len(items):
            raise AssertionError(
                f"{self._method} was called {call_index + 1} times but scripted for {len(items)}."
            )
        item = items[call_index]
        if isinstance(item, BaseException):
            raise item
        return item


def no_script(method: str) -> NotImplementedError:
    """The error of a call to ``method`` (``"MockLanguageModel.do_stream"``) with no script."""
    name = method.rpartition(".")[2]
    return NotImplementedError(f"{method} has no script; pass {name}= to the constructor.")
