"""Call settings and timeout validation: every bad value names its parameter."""

from __future__ import annotations

import pytest

from ai_sdk.prompt import CallSettings, TimeoutConfig, prepare_call_settings, prepare_timeout
from ai_sdk.provider import InvalidArgumentError


def test_valid_settings_are_returned_normalized() -> None:
    settings = prepare_call_settings(
        max_output_tokens=100.0,
        temperature=0.5,
        top_p=0.9,
        top_k=40,
        presence_penalty=0,
        frequency_penalty=-1.5,
        stop_sequences=("END",),
        seed=7,
        reasoning="low",
    )
    assert settings == CallSettings(
        max_output_tokens=100,
        temperature=0.5,
        top_p=0.9,
        top_k=40,
        presence_penalty=0,
        frequency_penalty=-1.5,
        stop_sequences=["END"],
        seed=7,
        reasoning="low",
    )


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("max_output_tokens", 1.5, "max_output_tokens must be an integer"),
        ("max_output_tokens", 0, "max_output_tokens must be >= 1"),
        ("max_output_tokens", True, "max_output_tokens must be an integer"),
        ("temperature", "hot", "temperature must be a number"),
        ("top_p", float("nan"), "top_p must be a number"),
        ("top_k", "3", "top_k must be a number"),
        ("presence_penalty", [1], "presence_penalty must be a number"),
        ("frequency_penalty", False, "frequency_penalty must be a number"),
        ("seed", 1.25, "seed must be an integer"),
        ("stop_sequences", "STOP", "stop_sequences must be a list of strings"),
        ("stop_sequences", ["a", 1], "stop_sequences must be a list of strings"),
        ("reasoning", "max", "reasoning must be one of"),
    ],
)
def test_invalid_settings_name_the_parameter(name: str, value: object, message: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        prepare_call_settings(**{name: value})
    assert caught.value.parameter == name
    assert caught.value.value is value
    assert str(caught.value).startswith(f"Invalid argument for parameter {name}: {message}")


def test_timeout_number_is_the_total_limit() -> None:
    assert prepare_timeout(None) == TimeoutConfig()
    assert prepare_timeout(2) == TimeoutConfig(total=2.0)
    config = TimeoutConfig(step=1, tool=0.5, tools={"slow": 3})
    assert prepare_timeout(config) is config
    assert (config.for_tool("slow"), config.for_tool("other")) == (3, 0.5)


@pytest.mark.parametrize(
    "value", [0, -1, "5", TimeoutConfig(chunk=0), TimeoutConfig(tools={"x": -2})]
)
def test_invalid_timeouts_raise(value: object) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        prepare_timeout(value)  # type: ignore[arg-type]
    assert caught.value.parameter == "timeout"
