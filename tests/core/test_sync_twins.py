"""Every `_sync` twin has its original's exact signature, and sync results their async surface.

A twin written by hand drifts (a new argument added to one copy only); these tests fail then.
"""

from __future__ import annotations

import inspect
import typing

import pytest

import ai_sdk
from ai_sdk.generate_text._stream_result import StreamTextResult
from ai_sdk.generate_text._stream_sync import StreamTextResultSync

TWINS = sorted(name for name in ai_sdk.__all__ if name.endswith("_sync"))


def test_the_public_twins_are_the_known_ones() -> None:
    assert TWINS == [
        "convert_to_model_messages_sync",
        "embed_many_sync",
        "embed_sync",
        "generate_image_sync",
        "generate_object_sync",
        "generate_text_sync",
        "stream_text_sync",
    ]


def test_every_public_coroutine_function_has_a_twin() -> None:
    missing = [
        name
        for name in ai_sdk.__all__
        if inspect.iscoroutinefunction(getattr(ai_sdk, name)) and f"{name}_sync" not in TWINS
    ]
    assert missing == []


@pytest.mark.parametrize("name", TWINS)
def test_a_twin_has_the_parameters_and_annotations_of_its_original(name: str) -> None:
    twin = getattr(ai_sdk, name)
    original = getattr(ai_sdk, name.removesuffix("_sync"))
    assert twin.__name__ == name
    assert twin.__wrapped__ is original  # made by sync_twin / sync_stream_twin, not by hand
    # `inspect.signature` follows `__wrapped__`; the twin forwards its arguments unchanged, so
    # the original's parameters are exactly what it accepts.
    assert not inspect.iscoroutinefunction(twin)
    assert inspect.signature(twin).parameters == inspect.signature(original).parameters
    hints = typing.get_type_hints(original)
    twin_hints = typing.get_type_hints(twin)
    assert {k: v for k, v in twin_hints.items() if k != "return"} == {
        k: v for k, v in hints.items() if k != "return"
    }
    assert twin.__doc__ is not None
    assert f"`{original.__name__}` for synchronous code" in twin.__doc__


def _surface(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def test_the_sync_stream_result_has_the_async_results_surface() -> None:
    renamed = {"aclose": "close"}
    expected = {renamed.get(name, name) for name in _surface(StreamTextResult)}
    assert _surface(StreamTextResultSync) == expected


def test_sync_stream_result_values_are_the_awaited_values_not_aggregates() -> None:
    hints = typing.get_type_hints(StreamTextResultSync.text.fget)
    assert hints["return"] is str
    for name in _surface(StreamTextResultSync):
        member = getattr(StreamTextResultSync, name)
        if isinstance(member, property):
            returned = typing.get_type_hints(member.fget)["return"]
            assert "Aggregate" not in repr(returned), name


@pytest.mark.parametrize("name", ["generate", "stream"])
def test_the_agents_sync_methods_are_twins_of_its_async_ones(name: str) -> None:
    from ai_sdk import ToolLoopAgent

    twin = getattr(ToolLoopAgent, f"{name}_sync")
    original = getattr(ToolLoopAgent, name)
    assert twin.__wrapped__ is original
    assert inspect.signature(twin).parameters == inspect.signature(original).parameters
