"""How a mock model answers a call from its script: a result, an error, a list or a function."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

__all__ = ["answer", "no_script"]

R = TypeVar("R")


async def answer(
    script: R | BaseException | Sequence[R | BaseException] | Callable[..., Any] | None,
    options: object,
    *,
    result_type: type[R],
    call_index: int,
    method: str,
) -> R:
    """What the scripted call ``method`` (``"MockImageModel.do_generate"``) returns or raises.

    A result is returned and an exception raised on every call; a list gives call
    ``call_index`` its item; a function (sync or async) is called with the options.
    """
    if script is None:
        raise no_script(method)
    if isinstance(script, BaseException):
        raise script
    if isinstance(script, result_type):
        return cast("R", script)
    if callable(script):
        result: Any = script(options)
        if inspect.isawaitable(result):
            result = await result
        return cast("R", result)
    items = cast("Sequence[R | BaseException]", script)
    if call_index >= len(items):
        raise AssertionError(
            f"{method} was called {call_index + 1} times but scripted for {len(items)}."
        )
    item = items[call_index]
    if isinstance(item, BaseException):
        raise item
    return item


def no_script(method: str) -> NotImplementedError:
    """The error of a call to ``method`` (``"MockLanguageModel.do_stream"``) with no script."""
    name = method.rpartition(".")[2]
    return NotImplementedError(f"{method} has no script; pass {name}= to the constructor.")
