"""API key and setting loading; id generators."""

from __future__ import annotations

import re

import pytest

from ai_sdk.provider._errors import InvalidArgumentError, LoadAPIKeyError, LoadSettingError
from ai_sdk.provider_utils import (
    create_id_generator,
    generate_id,
    load_api_key,
    load_optional_setting,
    load_setting,
)

ENV = "AI_SDK_TEST_API_KEY"


def test_api_key_argument_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "from-env")
    assert load_api_key(api_key="arg", env_var=ENV, description="Test") == "arg"
    assert load_api_key(api_key=None, env_var=ENV, description="Test") == "from-env"


def test_missing_api_key_names_parameter_and_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    with pytest.raises(LoadAPIKeyError) as info:
        load_api_key(api_key=None, env_var=ENV, description="Test")
    assert info.value.message == (
        "Test API key is missing. Pass it using the 'api_key' parameter "
        f"or the {ENV} environment variable."
    )


def test_blank_api_key_variable_counts_as_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "  ")
    with pytest.raises(LoadAPIKeyError, match=f"{ENV} is set but empty"):
        load_api_key(api_key=None, env_var=ENV, parameter_name="key", description="Test")


def test_api_key_must_be_a_string() -> None:
    with pytest.raises(LoadAPIKeyError, match=r"^Test API key must be a string, got int"):
        load_api_key(api_key=123, env_var=ENV, description="Test")


def test_load_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "https://env")
    assert load_setting(
        setting_value=None, env_var=ENV, setting_name="base_url", description="X"
    ) == ("https://env")
    assert (
        load_setting(setting_value="a", env_var=ENV, setting_name="base_url", description="X")
        == "a"
    )
    monkeypatch.delenv(ENV)
    with pytest.raises(LoadSettingError) as info:
        load_setting(setting_value=None, env_var=ENV, setting_name="base_url", description="X")
    assert info.value.message == (
        f"X setting is missing. Pass it using the 'base_url' parameter or the {ENV} environment "
        "variable."
    )
    with pytest.raises(LoadSettingError, match="must be a string"):
        load_setting(setting_value=1, env_var=ENV, setting_name="base_url", description="X")


def test_load_optional_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert load_optional_setting(setting_value=None, env_var=ENV) is None
    monkeypatch.setenv(ENV, "e")
    assert load_optional_setting(setting_value=None, env_var=ENV) == "e"
    assert load_optional_setting(setting_value="v", env_var=ENV) == "v"


def test_generate_id() -> None:
    ids = {generate_id() for _ in range(2000)}
    assert len(ids) == 2000
    assert all(re.fullmatch(r"[0-9A-Za-z]{16}", i) for i in ids)


def test_create_id_generator_with_prefix_size_and_alphabet() -> None:
    make = create_id_generator(prefix="call", size=24)
    assert re.fullmatch(r"call-[0-9A-Za-z]{24}", make())
    assert re.fullmatch(
        r"ab_[xy]{5}", create_id_generator(prefix="ab", separator="_", size=5, alphabet="xy")()
    )
    assert re.fullmatch(r"[01]{8}", create_id_generator(size=8, alphabet="01")())


def test_id_generator_ignores_a_seeded_global_random() -> None:
    import random

    make = create_id_generator()
    random.seed(1)
    first = make()
    random.seed(1)
    assert make() != first


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"prefix": "p", "separator": "a"}, "separator"),
        ({"size": 0}, "size"),
        ({"alphabet": ""}, "alphabet"),
    ],
)
def test_create_id_generator_rejects_bad_arguments(
    kwargs: dict[str, object], argument: str
) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        create_id_generator(**kwargs)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_separator_in_alphabet_is_fine_without_prefix() -> None:
    assert len(create_id_generator(separator="a")()) == 16
