"""create_provider_registry and custom_provider: lookups, errors, middleware, fallback."""

from __future__ import annotations

import pytest

from ai_sdk.middleware import (
    ImageModelMiddleware,
    LanguageModelMiddleware,
)
from ai_sdk.provider import (
    InvalidArgumentError,
    NoSuchModelError,
    NoSuchProviderError,
    Provider,
)
from ai_sdk.registry import create_provider_registry, custom_provider
from tests.core.registry._models import EchoProvider, NamedModel


def ids(model: object) -> tuple[str, str]:
    return (model.provider, model.model_id)  # type: ignore[attr-defined]


def test_the_registry_routes_each_model_kind_by_provider_prefix() -> None:
    registry = create_provider_registry({"a": EchoProvider("pa"), "b": EchoProvider("pb")})
    assert isinstance(registry, Provider)
    assert ids(registry.language_model("a:chat")) == ("pa", "chat")
    assert ids(registry.embedding_model("b:embed")) == ("pb", "embed")
    assert ids(registry.image_model("a:draw")) == ("pa", "draw")
    assert ids(registry("b:x")) == ("pb", "x")
    assert registry.provider_ids == ["a", "b"]


def test_only_the_first_separator_splits() -> None:
    registry = create_provider_registry({"ollama": EchoProvider("o")})
    assert ids(registry.language_model("ollama:llama3.2:1b")) == ("o", "llama3.2:1b")


def test_a_custom_separator() -> None:
    registry = create_provider_registry({"a": EchoProvider("pa")}, separator=" > ")
    assert ids(registry.language_model("a > gpt:mini")) == ("pa", "gpt:mini")
    with pytest.raises(InvalidArgumentError):
        create_provider_registry({}, separator="")


def test_an_id_without_separator_is_no_such_model() -> None:
    registry = create_provider_registry({"a": EchoProvider("pa")})
    with pytest.raises(NoSuchModelError) as info:
        registry.embedding_model("gpt-5")
    assert not isinstance(info.value, NoSuchProviderError)
    assert (info.value.model_id, info.value.model_type) == ("gpt-5", "embeddingModel")
    assert info.value.message == (
        "Invalid embedding model id for registry: 'gpt-5' "
        "(use the format '<provider id>:<model id>', e.g. 'openai:gpt-5')."
    )


def test_an_unknown_provider_is_no_such_provider_with_the_available_ones() -> None:
    registry = create_provider_registry({"a": EchoProvider("pa"), "b": EchoProvider("pb")})
    with pytest.raises(NoSuchProviderError) as info:
        registry.language_model("c:model")
    error = info.value
    assert (error.provider_id, error.available_providers) == ("c", ["a", "b"])
    assert (error.model_id, error.model_type) == ("c:model", "languageModel")
    assert "registered providers: a, b" in error.message
    assert isinstance(error, NoSuchModelError)


def test_the_providers_own_no_such_model_passes_through() -> None:
    registry = create_provider_registry({"a": EchoProvider("pa")})
    with pytest.raises(NoSuchModelError) as info:
        registry.image_model("a:missing")
    assert info.value.model_id == "missing"


def test_registered_providers_can_be_added_and_replaced() -> None:
    registry = create_provider_registry({})
    registry.register_provider("x", EchoProvider("one"))
    registry.register_provider("x", EchoProvider("two"))
    assert ids(registry.language_model("x:m")) == ("two", "m")


def test_registry_middleware_wraps_language_and_image_models() -> None:
    registry = create_provider_registry(
        {"a": EchoProvider("pa")},
        language_model_middleware=LanguageModelMiddleware(
            override_model_id=lambda *, model: f"{model.model_id}+mw"
        ),
        image_model_middleware=[
            ImageModelMiddleware(override_provider=lambda *, model: "outer"),
            ImageModelMiddleware(override_provider=lambda *, model: "inner"),
        ],
    )
    assert ids(registry.language_model("a:chat")) == ("pa", "chat+mw")
    # Each middleware overrides what the model inside it reports; the outermost is last to.
    assert ids(registry.image_model("a:draw")) == ("outer", "draw")
    assert ids(registry.embedding_model("a:e")) == ("pa", "e")


def test_custom_provider_uses_its_tables_then_the_fallback() -> None:
    fast = NamedModel("llama-small")
    provider = custom_provider(
        language_models={"fast": fast}, fallback_provider=EchoProvider("fallback")
    )
    assert isinstance(provider, Provider)
    assert provider.language_model("fast") is fast
    assert provider("fast") is fast
    assert ids(provider.language_model("other")) == ("fallback", "other")
    assert ids(provider.embedding_model("e")) == ("fallback", "e")
    assert ids(provider.image_model("i")) == ("fallback", "i")


@pytest.mark.parametrize(
    ("method", "model_type"),
    [
        ("language_model", "languageModel"),
        ("embedding_model", "embeddingModel"),
        ("image_model", "imageModel"),
    ],
)
def test_custom_provider_without_fallback_raises_no_such_model(
    method: str, model_type: str
) -> None:
    provider = custom_provider(language_models={"fast": NamedModel("x")})
    with pytest.raises(NoSuchModelError) as info:
        getattr(provider, method)("nope")
    assert (info.value.model_id, info.value.model_type) == ("nope", model_type)
