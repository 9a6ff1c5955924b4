"""The gateway distribution imports alone with core and reports its version."""

import re

import ai_sdk_gateway


def test_version_is_semver() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", ai_sdk_gateway.__version__)
