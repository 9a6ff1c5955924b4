"""Typed gateway provider options: routing, fallbacks, attribution, BYOK.

They travel under ``provider_options={"gateway": {...}}`` with their wire (camelCase) keys and
are forwarded untouched: the gateway validates them, so options it adds later work without a
new release. `gateway_options` builds the dict from snake_case keyword arguments.
"""

from __future__ import annotations

from typing import Literal, TypeAlias, TypedDict, cast

from ai_sdk.provider import JSONObject, JSONValue

__all__ = [
    "GatewayByokCredential",
    "GatewayProviderOptions",
    "GatewayProviderTimeouts",
    "gateway_options",
]

GatewayByokCredential: TypeAlias = dict[str, JSONValue]
"""One request-scoped provider credential, e.g. ``{"apiKey": "sk-..."}``; it may carry
``modelMappings``. The keys are the provider's, as the gateway documents them."""


class GatewayProviderTimeouts(TypedDict, total=False):
    """Per-provider time to first byte before falling back."""

    byok: dict[str, int]
    """Milliseconds (>= 1000) per provider, for bring-your-own-key credentials."""


class GatewayProviderOptions(TypedDict, total=False):
    """The options under ``provider_options["gateway"]``, with their wire keys.

    Every key is optional; the gateway ignores none of them silently, it rejects bad values.
    """

    order: list[str]
    """Provider slugs to try, in order (``["vertex", "anthropic"]``)."""
    only: list[str]
    """The only providers the request may be routed to."""
    models: list[str]
    """Fallback model ids, tried in order when the requested model fails."""
    user: str
    """An end-user id for spend attribution and reports."""
    tags: list[str]
    """Tags for spend reports and filtering."""
    byok: dict[str, list[GatewayByokCredential]]
    """Request-scoped credentials by provider, used instead of the stored ones."""
    zeroDataRetention: bool
    """Route only to providers with zero data retention agreements."""
    disallowPromptTraining: bool
    """Route only to providers that do not train on prompts."""
    providerTimeouts: GatewayProviderTimeouts
    quotaEntityId: str
    """The entity whose quota the request counts against."""
    sort: Literal["cost", "ttft", "tps"]
    """Sort providers by cost, time to first token or tokens per second before routing."""
    serviceTier: Literal["flex", "priority"]
    has: list[Literal["implicit-caching", "vision"]]
    """Route only to models with all of these capabilities."""
    caching: Literal["auto"]
    """Let the gateway apply prompt caching automatically."""


def gateway_options(
    *,
    order: list[str] | None = None,
    only: list[str] | None = None,
    models: list[str] | None = None,
    user: str | None = None,
    tags: list[str] | None = None,
    byok: dict[str, list[GatewayByokCredential]] | None = None,
    zero_data_retention: bool | None = None,
    disallow_prompt_training: bool | None = None,
    provider_timeouts: GatewayProviderTimeouts | None = None,
    quota_entity_id: str | None = None,
    sort: Literal["cost", "ttft", "tps"] | None = None,
    service_tier: Literal["flex", "priority"] | None = None,
    has: list[Literal["implicit-caching", "vision"]] | None = None,
    caching: Literal["auto"] | None = None,
    **extra: JSONValue,
) -> JSONObject:
    """The ``provider_options["gateway"]`` dict, from snake_case arguments.

    Arguments left as ``None`` are left out. ``extra`` passes options this version does not know
    under their wire names.

    Example:
        >>> gateway_options(order=["vertex", "anthropic"], user="u1", tags=["chat"])
        {'order': ['vertex', 'anthropic'], 'user': 'u1', 'tags': ['chat']}
        >>> # generate_text(..., provider_options={"gateway": gateway_options(only=["openai"])})
    """
    wire: dict[str, object] = {
        "order": order,
        "only": only,
        "models": models,
        "user": user,
        "tags": tags,
        "byok": byok,
        "zeroDataRetention": zero_data_retention,
        "disallowPromptTraining": disallow_prompt_training,
        "providerTimeouts": provider_timeouts,
        "quotaEntityId": quota_entity_id,
        "sort": sort,
        "serviceTier": service_tier,
        "has": has,
        "caching": caching,
    }
    # The typed arguments are JSON by construction (TypedDicts and lists of str).
    options = cast("JSONObject", {key: value for key, value in wire.items() if value is not None})
    options.update(extra)
    return options
