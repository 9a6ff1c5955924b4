"""API keys and settings from an argument or the environment, read when a request is made."""

from __future__ import annotations

import os

from ai_sdk.provider._errors import LoadAPIKeyError, LoadSettingError

__all__ = ["load_api_key", "load_optional_setting", "load_setting"]


def load_api_key(
    *,
    api_key: object,
    env_var: str,
    parameter_name: str = "api_key",
    description: str,
) -> str:
    """The API key given as an argument, else the one in ``env_var``.

    Providers call this at request time (not when the provider is created), so a key set in the
    environment after start-up is picked up and a missing key fails only the calls that need it.

    Args:
        api_key: the argument value; ``None`` means "not given".
        env_var: the environment variable to read, e.g. ``"OPENAI_API_KEY"``.
        parameter_name: the argument's name, for the error message.
        description: the provider's name, for the error message, e.g. ``"OpenAI"``.

    Raises:
        LoadAPIKeyError: the argument is not a string, or there is no key (an empty or blank
            variable counts as missing); the message names both the argument and the variable.
    """
    return _load(
        api_key, env_var, parameter_name, f"{description} API key", LoadAPIKeyError, blank=True
    )


def load_setting(
    *,
    setting_value: object,
    env_var: str,
    setting_name: str,
    description: str,
) -> str:
    """A required string setting from the argument, else from ``env_var``.

    Raises:
        LoadSettingError: the argument is not a string, or the setting is in neither place; the
            message names both the parameter and the variable.
    """
    return _load(
        setting_value,
        env_var,
        setting_name,
        f"{description} setting",
        LoadSettingError,
        blank=False,
    )


def _load(
    value: object,
    env_var: str,
    name: str,
    subject: str,
    error: type[LoadAPIKeyError | LoadSettingError],
    *,
    blank: bool,
) -> str:
    # `blank`: a set but blank variable counts as missing.
    hint = f"Pass it using the '{name}' parameter or the {env_var} environment variable."
    if isinstance(value, str):
        return value
    if value is not None:
        raise error(f"{subject} must be a string, got {type(value).__name__}. {hint}")
    found = os.environ.get(env_var)
    if found is None or (blank and not found.strip()):
        state = "is missing" if found is None else f"is missing ({env_var} is set but empty)"
        raise error(f"{subject} {state}. {hint}")
    return found


def load_optional_setting(*, setting_value: str | None, env_var: str) -> str | None:
    """The argument if it is a string, else ``env_var``'s value, else ``None``; never raises."""
    if isinstance(setting_value, str):
        return setting_value
    if setting_value is not None:
        return None
    return os.environ.get(env_var)
