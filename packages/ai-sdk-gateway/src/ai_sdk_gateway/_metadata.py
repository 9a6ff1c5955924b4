"""What the gateway tells about itself and the account: models, credits, generations, spend.

The wire shapes are the gateway's (snake_case for the account endpoints, camelCase for the model
list); the classes here are read-only pydantic models with snake_case attributes.
"""

from __future__ import annotations

from typing import Literal, TypeAlias, cast, get_args

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator, model_validator

from ai_sdk.provider import JSONValue

__all__ = [
    "KNOWN_MODEL_TYPES",
    "GatewayAvailableModels",
    "GatewayCredits",
    "GatewayGenerationInfo",
    "GatewayModelEntry",
    "GatewayModelPricing",
    "GatewayModelSpecification",
    "GatewayModelType",
    "GatewaySpendReport",
    "GatewaySpendReportRow",
    "SpendReportCredentialType",
    "SpendReportDatePart",
    "SpendReportGroupBy",
    "parse_generation_info",
]

GatewayModelType: TypeAlias = Literal[
    "embedding", "image", "language", "realtime", "reranking", "speech", "transcription", "video"
]
"""The kinds of model the gateway lists."""

KNOWN_MODEL_TYPES: frozenset[str] = frozenset(get_args(GatewayModelType))
"""Model list entries of any other type are left out, so a new kind never breaks the list."""

SpendReportGroupBy: TypeAlias = Literal[
    "day", "user", "model", "tag", "provider", "credential_type"
]
SpendReportDatePart: TypeAlias = Literal["day", "hour"]
SpendReportCredentialType: TypeAlias = Literal["byok", "system"]


class _Frozen(BaseModel):
    # Built on first use: most programs never list models.
    model_config = ConfigDict(
        frozen=True,
        populate_by_name=True,
        extra="ignore",
        defer_build=True,
        protected_namespaces=(),  # pydantic < 2.10 warns on fields named "model_*"
    )


class GatewayModelPricing(_Frozen):
    """Prices in USD per token, as decimal strings (exact, unlike floats)."""

    input: str
    """Per input token."""
    output: str
    """Per output token."""
    cached_input_tokens: str | None = Field(
        default=None, validation_alias=AliasChoices("input_cache_read", "cached_input_tokens")
    )
    """Per input token read from the prompt cache, where the model has one."""
    cache_creation_input_tokens: str | None = Field(
        default=None,
        validation_alias=AliasChoices("input_cache_write", "cache_creation_input_tokens"),
    )
    """Per input token written to the prompt cache, where the model has one."""

    @field_validator("cached_input_tokens", "cache_creation_input_tokens")
    @classmethod
    def _empty_is_absent(cls, value: str | None) -> str | None:
        return value or None


class GatewayModelSpecification(_Frozen):
    """How the AI SDK talks to the model: always spec v4 on this client's route."""

    specification_version: Literal["v4"] = Field(alias="specificationVersion")
    provider: str
    """The provider that serves the model by default, e.g. ``anthropic``."""
    model_id: str = Field(alias="modelId")
    """The provider's own id of the model."""


class GatewayModelEntry(_Frozen):
    """One model the gateway offers."""

    id: str
    """The id to pass to the gateway, e.g. ``anthropic/claude-sonnet-4.6``."""
    name: str
    """A display name."""
    description: str | None = None
    pricing: GatewayModelPricing | None = None
    specification: GatewayModelSpecification
    model_type: GatewayModelType | None = Field(default=None, alias="modelType")
    """What kind of model it is; ``None`` when the gateway does not say."""


class GatewayAvailableModels(_Frozen):
    """The gateway's model list (`GatewayProvider.get_available_models`)."""

    models: list[GatewayModelEntry]

    @model_validator(mode="before")
    @classmethod
    def _drop_unknown_types(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        raw = cast("dict[str, object]", data)
        models = raw.get("models")
        if not isinstance(models, list):
            return raw
        kept = [entry for entry in cast("list[object]", models) if _known_type(entry)]
        return {**raw, "models": kept}


def _known_type(entry: object) -> bool:
    if not isinstance(entry, dict):
        return True  # let validation report it
    model_type = cast("dict[str, object]", entry).get("modelType")
    return model_type is None or model_type in KNOWN_MODEL_TYPES


class GatewayCredits(_Frozen):
    """The account's AI Gateway credits, in USD as decimal strings."""

    balance: str
    """What is left to spend."""
    total_used: str
    """What has been spent so far."""


class GatewayGenerationInfo(_Frozen):
    """Cost, usage and routing details of one generation (`get_generation_info`)."""

    id: str
    """The generation id, ``gen_<ulid>``."""
    total_cost: float
    """Total cost in USD."""
    upstream_inference_cost: float
    """What the upstream provider charged, in USD (bring-your-own-key only)."""
    usage: float
    """Usage cost in USD (equals `total_cost`)."""
    created_at: str
    """When the generation was created (ISO 8601)."""
    model: str
    is_byok: bool
    """Whether your own provider credentials were used."""
    provider_name: str
    """The provider that served the generation."""
    streamed: bool
    finish_reason: str
    latency: float
    """Time to first token in milliseconds."""
    generation_time: float
    """Total generation time in milliseconds."""
    prompt_tokens: int = Field(
        validation_alias=AliasChoices("native_tokens_prompt", "prompt_tokens")
    )
    completion_tokens: int = Field(
        validation_alias=AliasChoices("native_tokens_completion", "completion_tokens")
    )
    reasoning_tokens: int = Field(
        validation_alias=AliasChoices("native_tokens_reasoning", "reasoning_tokens")
    )
    cached_tokens: int = Field(
        validation_alias=AliasChoices("native_tokens_cached", "cached_tokens")
    )
    cache_creation_tokens: int = Field(
        validation_alias=AliasChoices("native_tokens_cache_creation", "cache_creation_tokens")
    )
    billable_web_search_calls: int


def parse_generation_info(raw: JSONValue) -> GatewayGenerationInfo:
    """The `GatewayGenerationInfo` inside the endpoint's ``{"data": {...}}`` envelope."""
    data = cast("dict[str, JSONValue]", raw).get("data") if isinstance(raw, dict) else raw
    return GatewayGenerationInfo.model_validate(data)


class GatewaySpendReportRow(_Frozen):
    """One row of a spend report; the grouping field of the report is the one that is set."""

    day: str | None = None
    hour: str | None = None
    user: str | None = None
    model: str | None = None
    tag: str | None = None
    provider: str | None = None
    credential_type: SpendReportCredentialType | None = None
    total_cost: float
    """Total cost in USD."""
    market_cost: float | None = None
    """Cost at market (list) prices, in USD."""
    input_tokens: int | None = None
    output_tokens: int | None = None
    cached_input_tokens: int | None = None
    cache_creation_input_tokens: int | None = None
    reasoning_tokens: int | None = None
    request_count: int | None = None


class GatewaySpendReport(_Frozen):
    """Spend aggregated by one dimension (`GatewayProvider.get_spend_report`)."""

    results: list[GatewaySpendReportRow]
