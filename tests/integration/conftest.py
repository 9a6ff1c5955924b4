"""Integration fixtures: no credentials or default provider leak in from the machine or a test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from ai_sdk import Tool, set_default_provider, tool

_ENV_VARS = (
    "AI_GATEWAY_API_KEY",
    "VERCEL_OIDC_TOKEN",
    "VERCEL_DEPLOYMENT_ID",
    "VERCEL_ENV",
    "VERCEL_REGION",
    "VERCEL_PROJECT_ID",
)

# Added by httpx and the HTTP framing, not chosen by the SDK.
_TRANSPORT_HEADERS = {"host", "accept", "accept-encoding", "connection", "content-length"}


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A clean environment, and no default provider before or after the test."""
    for name in _ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    set_default_provider(None)
    yield
    set_default_provider(None)


# No docstrings on these two: pydantic would put them into the JSON schemas sent on the wire.
class City(BaseModel):
    city: str


class Forecast(BaseModel):
    city: str
    temperature_c: int
    summary: str


CITY_SCHEMA = {
    "properties": {"city": {"title": "City", "type": "string"}},
    "required": ["city"],
    "title": "City",
    "type": "object",
    "additionalProperties": False,
}

FORECAST_SCHEMA = {
    "properties": {
        "city": {"title": "City", "type": "string"},
        "temperature_c": {"title": "Temperature C", "type": "integer"},
        "summary": {"title": "Summary", "type": "string"},
    },
    "required": ["city", "temperature_c", "summary"],
    "title": "Forecast",
    "type": "object",
    "additionalProperties": False,
}


def weather_tool(seen: list[City] | None = None) -> Tool[City]:
    """A weather tool that records the validated inputs it ran with."""

    def execute(value: City) -> dict[str, object]:
        if seen is not None:
            seen.append(value)
        return {"city": value.city, "forecast": "sunny", "temperature_c": 21}

    return tool(description="Get the weather in a city", input_schema=City, execute=execute)


def sent_headers(headers: dict[str, str]) -> dict[str, str]:
    """The headers the SDK chose (transport headers left out)."""
    return {k: v for k, v in headers.items() if k not in _TRANSPORT_HEADERS}
