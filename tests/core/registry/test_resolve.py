"""String model ids: default provider, gateway fallback and its absence, spec version check."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from ai_sdk.provider import NoSuchProviderError, UnsupportedModelVersionError
from ai_sdk.registry import (
    create_provider_registry,
    get_default_provider,
    resolve_embedding_model,
    resolve_image_model,
    resolve_language_model,
    set_default_provider,
)
from ai_sdk.testing._embedding import MockEmbeddingModel
from tests.core.registry._models import EchoProvider, NamedModel


def test_model_objects_pass_through_unchanged() -> None:
    model = NamedModel("m")
    embedding = MockEmbeddingModel()
    assert resolve_language_model(model) is model
    assert resolve_embedding_model(embedding) is embedding


def test_models_of_another_spec_version_are_rejected() -> None:
    old = NamedModel("old", provider="legacy", specification_version="v3")  # type: ignore[arg-type]
    with pytest.raises(UnsupportedModelVersionError) as info:
        resolve_language_model(old)
    assert (info.value.version, info.value.provider, info.value.model_id) == ("v3", "legacy", "old")


def test_string_ids_go_to_the_default_provider_whole() -> None:
    provider = EchoProvider("default")
    set_default_provider(provider)
    assert get_default_provider() is provider
    model = resolve_language_model("openai/gpt-5")
    assert (model.provider, model.model_id) == ("default", "openai/gpt-5")
    assert resolve_embedding_model("e").model_id == "e"
    assert resolve_image_model("i:x").model_id == "i:x"


def test_a_registry_as_default_provider_routes_by_prefix() -> None:
    set_default_provider(create_provider_registry({"local": EchoProvider("ollama")}))
    model = resolve_language_model("local:llama3.2")
    assert (model.provider, model.model_id) == ("ollama", "llama3.2")


def test_without_default_provider_or_gateway_the_error_names_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # tests/core runs with only ai-sdk-core installed; this makes that true here as well.
    monkeypatch.setitem(sys.modules, "ai_sdk_gateway", None)
    with pytest.raises(NoSuchProviderError) as info:
        resolve_language_model("openai/gpt-5")
    error = info.value
    assert "pip install ai-sdk-gateway" in error.message
    assert "set_default_provider" in error.message
    assert (error.model_id, error.model_type, error.provider_id) == (
        "openai/gpt-5",
        "languageModel",
        "gateway",
    )
    with pytest.raises(NoSuchProviderError, match="ai-sdk-gateway"):
        resolve_embedding_model("openai/text-embedding-3-small")


def test_the_installed_gateway_is_used_when_no_default_provider_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = types.ModuleType("ai_sdk_gateway")
    fake.gateway = EchoProvider("gateway")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ai_sdk_gateway", fake)
    model = resolve_language_model("openai/gpt-5")
    assert (model.provider, model.model_id) == ("gateway", "openai/gpt-5")
    assert resolve_image_model("bfl/flux").provider == "gateway"


def test_a_broken_gateway_install_is_not_reported_as_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    package = tmp_path / "ai_sdk_gateway"
    package.mkdir()
    (package / "__init__.py").write_text("import a_dependency_that_is_not_installed_xyz\n")
    monkeypatch.delitem(sys.modules, "ai_sdk_gateway", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError) as info:
        resolve_language_model("openai/gpt-5")
    assert info.value.name == "a_dependency_that_is_not_installed_xyz"
    sys.modules.pop("ai_sdk_gateway", None)


def test_clearing_the_default_provider_restores_built_in_resolution(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ai_sdk_gateway", None)
    set_default_provider(EchoProvider("default"))
    assert resolve_language_model("x").provider == "default"
    set_default_provider(None)
    with pytest.raises(NoSuchProviderError):
        resolve_language_model("x")
