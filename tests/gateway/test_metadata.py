"""Model list (with its cache), credits, generation info and spend reports over the wire."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from ai_sdk_gateway import (
    GatewayAvailableModels,
    GatewayCredits,
    GatewayGenerationInfo,
    GatewayInternalServerError,
    GatewayModelEntry,
    GatewayModelPricing,
    GatewayModelSpecification,
    GatewayProvider,
    GatewayResponseError,
    GatewaySpendReport,
    GatewaySpendReportRow,
    create_gateway,
)
from tests.gateway.conftest import common_headers, sent_headers
from tests.servers import LoopbackServer, Reply, json_reply

CONFIG = "/v4/ai/config"


def spec(provider: str, model_id: str) -> dict[str, str]:
    return {"specificationVersion": "v4", "provider": provider, "modelId": model_id}


CONFIG_BODY: dict[str, Any] = {
    "models": [
        {
            "id": "anthropic/claude-sonnet-4.6",
            "name": "Claude Sonnet 4.6",
            "description": "Balanced",
            "pricing": {
                "input": "0.000003",
                "output": "0.000015",
                "input_cache_read": "0.0000003",
                "input_cache_write": "0.00000375",
            },
            "specification": {**spec("anthropic", "claude-sonnet-4.6"), "type": "ignored"},
            "modelType": "language",
            "tags": ["reasoning"],
        },
        {
            "id": "openai/text-embedding-3-small",
            "name": "Embedding 3 small",
            "pricing": {"input": "0.00000002", "output": "0", "input_cache_read": ""},
            "specification": spec("openai", "text-embedding-3-small"),
            "modelType": "embedding",
        },
        {
            "id": "x/hologram",
            "name": "Future kind",
            "specification": spec("x", "hologram"),
            "modelType": "hologram",
        },
        {"id": "old/model", "name": "Untyped", "specification": spec("old", "model")},
    ]
}

EXPECTED_MODELS = GatewayAvailableModels(
    models=[
        GatewayModelEntry(
            id="anthropic/claude-sonnet-4.6",
            name="Claude Sonnet 4.6",
            description="Balanced",
            pricing=GatewayModelPricing(
                input="0.000003",
                output="0.000015",
                cached_input_tokens="0.0000003",
                cache_creation_input_tokens="0.00000375",
            ),
            specification=GatewayModelSpecification(
                specification_version="v4", provider="anthropic", model_id="claude-sonnet-4.6"
            ),
            model_type="language",
        ),
        GatewayModelEntry(
            id="openai/text-embedding-3-small",
            name="Embedding 3 small",
            pricing=GatewayModelPricing(input="0.00000002", output="0"),
            specification=GatewayModelSpecification(
                specification_version="v4", provider="openai", model_id="text-embedding-3-small"
            ),
            model_type="embedding",
        ),
        GatewayModelEntry(
            id="old/model",
            name="Untyped",
            specification=GatewayModelSpecification(
                specification_version="v4", provider="old", model_id="model"
            ),
        ),
    ]
)


def models_named(*ids: str) -> dict[str, Any]:
    return {"models": [{"id": i, "name": i, "specification": spec("p", i)} for i in ids]}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def wait_for(condition: Callable[[], bool]) -> None:
    for _ in range(200):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not met in time")


async def test_model_list_is_parsed_and_unknown_types_are_dropped(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(CONFIG, json_reply(CONFIG_BODY), method="GET")

    models = await provider.get_available_models()

    assert models == EXPECTED_MODELS
    [request] = server.requests
    assert (request.method, request.target) == ("GET", CONFIG)
    assert sent_headers(request) == common_headers(post=False)


@pytest.mark.parametrize(
    ("model_type", "model_id"),
    [
        ("reranking", "cohere/rerank-v3.5"),
        ("speech", "openai/gpt-4o-mini-tts"),
        ("transcription", "openai/whisper-1"),
        ("video", "google/veo-3.1"),
        ("realtime", "openai/gpt-realtime"),
    ],
)
async def test_the_newer_model_types_come_through_with_their_pricing(
    server: LoopbackServer, provider: GatewayProvider, model_type: str, model_id: str
) -> None:
    creator, _, name = model_id.partition("/")
    entry = {
        "id": model_id,
        "name": name,
        "pricing": {
            "input": "0.000002",
            "output": "0.00001",
            "input_cache_read": "0.0000005",
            "input_cache_write": "",
            "per_second": "0.4",  # kinds bill in other units too; unknown keys are dropped
        },
        "specification": {"specificationVersion": "v4", "provider": creator, "modelId": name},
        "modelType": model_type,
    }
    server.route(CONFIG, json_reply({"models": [entry]}), method="GET")

    models = await provider.get_available_models()

    assert models == GatewayAvailableModels(
        models=[
            GatewayModelEntry(
                id=model_id,
                name=name,
                pricing=GatewayModelPricing(
                    input="0.000002", output="0.00001", cached_input_tokens="0.0000005"
                ),
                specification=GatewayModelSpecification(
                    specification_version="v4", provider=creator, model_id=name
                ),
                model_type=model_type,  # type: ignore[arg-type]
            )
        ]
    )


async def test_model_list_with_another_spec_version_is_a_response_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    body = {
        "models": [
            {
                "id": "a",
                "name": "a",
                "specification": spec("p", "a") | {"specificationVersion": "v3"},
            }
        ]
    }
    server.route(CONFIG, json_reply(body), method="GET")

    with pytest.raises(GatewayResponseError) as caught:
        await provider.get_available_models()

    assert caught.value.response == body
    assert "specificationVersion" in caught.value.message


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def cached(base_url: str, clock: FakeClock) -> Any:
    async with create_gateway(
        api_key="k", base_url=base_url, metadata_cache_refresh=timedelta(minutes=5), clock=clock
    ) as gw:
        yield gw


async def test_model_list_is_cached_within_the_interval(
    server: LoopbackServer, cached: GatewayProvider, clock: FakeClock
) -> None:
    server.route(CONFIG, json_reply(models_named("a")), json_reply(models_named("b")), method="GET")

    first = await cached.get_available_models()
    clock.now += 299
    second = await cached.get_available_models()

    assert first == second == GatewayAvailableModels.model_validate(models_named("a"))
    assert len(server.requests) == 1


async def test_stale_list_is_served_while_it_revalidates(
    server: LoopbackServer, cached: GatewayProvider, clock: FakeClock
) -> None:
    server.route(
        CONFIG,
        json_reply(models_named("a")),
        Reply(
            headers={"content-type": "application/json"},
            body=json_reply(models_named("b")).body,
            delay_before_headers=0.2,
        ),
        method="GET",
    )
    old = GatewayAvailableModels.model_validate(models_named("a"))
    new = GatewayAvailableModels.model_validate(models_named("b"))

    assert await cached.get_available_models() == old
    clock.now += 301
    assert await cached.get_available_models() == old  # at once, not after the refresh
    assert await cached.get_available_models() == old  # one refresh per interval
    await wait_for(lambda: len(server.requests) == 2)
    for _ in range(200):  # the refreshed list replaces the old one once it arrives
        if await cached.get_available_models() == new:
            break
        await asyncio.sleep(0.01)

    assert await cached.get_available_models() == new
    assert len(server.requests) == 2


async def test_failed_refresh_keeps_the_cached_list(
    server: LoopbackServer, cached: GatewayProvider, clock: FakeClock
) -> None:
    server.route(
        CONFIG,
        json_reply(models_named("a")),
        json_reply({"error": {"message": "db down", "type": "internal_server_error"}}, status=500),
        json_reply(models_named("c")),
        method="GET",
    )
    old = GatewayAvailableModels.model_validate(models_named("a"))

    await cached.get_available_models()
    clock.now += 301
    assert await cached.get_available_models() == old
    await wait_for(lambda: len(server.requests) == 2)
    await asyncio.sleep(0.05)
    assert await cached.get_available_models() == old  # the failure did not replace it
    assert len(server.requests) == 2  # and it is not retried before the next interval

    clock.now += 301
    await cached.get_available_models()
    await wait_for(lambda: len(server.requests) == 3)


async def test_failed_first_fetch_is_not_cached(
    server: LoopbackServer, cached: GatewayProvider
) -> None:
    server.route(
        CONFIG,
        json_reply({"error": {"message": "db down", "type": "internal_server_error"}}, status=500),
        json_reply(models_named("a")),
        method="GET",
    )

    with pytest.raises(GatewayInternalServerError, match="db down"):
        await cached.get_available_models()
    models = await cached.get_available_models()  # same instant: tries again

    assert models == GatewayAvailableModels.model_validate(models_named("a"))
    assert len(server.requests) == 2


async def test_concurrent_first_calls_share_one_fetch(
    server: LoopbackServer, cached: GatewayProvider
) -> None:
    server.route(
        CONFIG,
        Reply(
            headers={"content-type": "application/json"},
            body=json_reply(models_named("a")).body,
            delay_before_headers=0.1,
        ),
        method="GET",
    )

    results = await asyncio.gather(*(cached.get_available_models() for _ in range(3)))

    assert len({id(r) for r in results}) == 1
    assert len(server.requests) == 1


async def test_credits_come_from_the_origin(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        "/v1/credits", json_reply({"balance": "150.50", "total_used": "75.25"}), method="GET"
    )

    credits = await provider.get_credits()

    assert credits == GatewayCredits(balance="150.50", total_used="75.25")
    [request] = server.requests
    assert (request.method, request.target) == ("GET", "/v1/credits")
    assert sent_headers(request) == common_headers(post=False)


@pytest.mark.parametrize(
    ("team", "query"), [("my-team", "slug=my-team"), ("team_abc123", "teamId=team_abc123")]
)
async def test_credits_of_the_providers_team(server: LoopbackServer, team: str, query: str) -> None:
    """As @ai-sdk/gateway 4: a provider with a team asks for that team's credits."""
    server.route("/v1/credits", json_reply({"balance": "1.00", "total_used": "2.00"}), method="GET")
    async with create_gateway(
        api_key="test-key", base_url=f"{server.url}/v4/ai", team_id_or_slug=team
    ) as gateway:
        credits = await gateway.get_credits()

    assert credits == GatewayCredits(balance="1.00", total_used="2.00")
    [request] = server.requests
    assert request.target == f"/v1/credits?{query}"
    assert request.headers["x-vercel-ai-gateway-team"] == team


GENERATION = {
    "id": "gen_01/ABC",
    "total_cost": 0.0012,
    "upstream_inference_cost": 0.0,
    "usage": 0.0012,
    "created_at": "2026-08-01T10:00:00.000Z",
    "model": "anthropic/claude-sonnet-4.6",
    "is_byok": False,
    "provider_name": "anthropic",
    "streamed": True,
    "finish_reason": "stop",
    "latency": 310,
    "generation_time": 1200.5,
    "native_tokens_prompt": 9,
    "native_tokens_completion": 11,
    "native_tokens_reasoning": 0,
    "native_tokens_cached": 3,
    "native_tokens_cache_creation": 1,
    "billable_web_search_calls": 0,
}


async def test_generation_info_is_unwrapped_and_renamed(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route("/v1/generation", json_reply({"data": GENERATION}), method="GET")

    info = await provider.get_generation_info("gen_01/ABC")

    assert info == GatewayGenerationInfo(
        id="gen_01/ABC",
        total_cost=0.0012,
        upstream_inference_cost=0.0,
        usage=0.0012,
        created_at="2026-08-01T10:00:00.000Z",
        model="anthropic/claude-sonnet-4.6",
        is_byok=False,
        provider_name="anthropic",
        streamed=True,
        finish_reason="stop",
        latency=310,
        generation_time=1200.5,
        prompt_tokens=9,
        completion_tokens=11,
        reasoning_tokens=0,
        cached_tokens=3,
        cache_creation_tokens=1,
        billable_web_search_calls=0,
    )
    assert server.requests[0].target == "/v1/generation?id=gen_01%2FABC"


async def test_spend_report_query_and_rows(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        "/v1/report",
        json_reply(
            {
                "results": [
                    {"model": "a/b", "total_cost": 1.5, "input_tokens": 10, "request_count": 2},
                    {"model": "c/d", "total_cost": 0, "credential_type": "byok"},
                ]
            }
        ),
        method="GET",
    )

    report = await provider.get_spend_report(
        start_date=date(2026, 8, 1),
        end_date="2026-08-31",
        group_by="model",
        user_id="user 1",
        tags=["chat", "prod"],
    )

    assert report == GatewaySpendReport(
        results=[
            GatewaySpendReportRow(model="a/b", total_cost=1.5, input_tokens=10, request_count=2),
            GatewaySpendReportRow(model="c/d", total_cost=0, credential_type="byok"),
        ]
    )
    assert server.requests[0].target == (
        "/v1/report?start_date=2026-08-01&end_date=2026-08-31&group_by=model&user_id=user+1"
        "&tags=chat%2Cprod"
    )
