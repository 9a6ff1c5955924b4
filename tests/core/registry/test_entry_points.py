"""Providers found through the `ai_sdk.providers` entry-point group of installed packages.

Each test installs a tiny distribution into a temporary directory on sys.path: a module and a
`*.dist-info` with an `entry_points.txt`, exactly what pip leaves behind.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from ai_sdk.provider import InvalidArgumentError, NoSuchProviderError
from ai_sdk.registry import (
    ENTRY_POINT_GROUP,
    resolve_embedding_model,
    resolve_language_model,
    set_default_provider,
)
from tests.core.registry._models import EchoProvider

MODULE = "fake_ai_sdk_provider_pkg"

PROVIDER_MODULE = """
from tests.core.registry._models import EchoProvider

factory_calls = 0

provider = EchoProvider("from-object")


def make_provider():
    global factory_calls
    factory_calls += 1
    return EchoProvider("from-factory")


not_a_provider = 42
"""


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Install the fake distribution; the gateway is made unavailable."""
    (tmp_path / f"{MODULE}.py").write_text(PROVIDER_MODULE)
    dist_info = tmp_path / "fake_ai_sdk_provider-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: fake-ai-sdk-provider\nVersion: 1.0\n"
    )
    (dist_info / "entry_points.txt").write_text(
        textwrap.dedent(
            f"""\
            [{ENTRY_POINT_GROUP}]
            fake = {MODULE}:provider
            fake-factory = {MODULE}:make_provider
            broken = {MODULE}:not_a_provider
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(sys.modules, "ai_sdk_gateway", None)
    yield tmp_path
    sys.modules.pop(MODULE, None)


def test_a_registered_provider_object_resolves_prefixed_ids(installed: Path) -> None:
    model = resolve_language_model("fake:llama3.2:1b")
    assert (model.provider, model.model_id) == ("from-object", "llama3.2:1b")
    assert resolve_embedding_model("fake:nomic").model_id == "nomic"


def test_a_registered_factory_is_called_once_and_its_provider_kept(installed: Path) -> None:
    first = resolve_language_model("fake-factory:a")
    second = resolve_language_model("fake-factory:b")
    assert (first.provider, first.model_id, second.model_id) == ("from-factory", "a", "b")
    assert sys.modules[MODULE].factory_calls == 1


def test_an_entry_point_that_is_not_a_provider_is_reported(installed: Path) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        resolve_language_model("broken:model")
    assert "'broken'" in info.value.message
    assert f"{MODULE}:not_a_provider" in info.value.message


def test_unregistered_prefixes_fall_through_and_the_error_lists_registered_ones(
    installed: Path,
) -> None:
    with pytest.raises(NoSuchProviderError) as info:
        resolve_language_model("unknown:model")
    assert info.value.available_providers == ["broken", "fake", "fake-factory"]
    assert "broken, fake, fake-factory" in info.value.message
    assert "pip install ai-sdk-gateway" in info.value.message


def test_the_default_provider_takes_precedence_over_entry_points(installed: Path) -> None:
    set_default_provider(EchoProvider("default"))
    model = resolve_language_model("fake:model")
    assert (model.provider, model.model_id) == ("default", "fake:model")


def test_nothing_is_imported_until_a_prefixed_id_needs_it(installed: Path) -> None:
    assert MODULE not in sys.modules
    resolve_language_model("fake:m")
    assert MODULE in sys.modules
