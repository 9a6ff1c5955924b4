"""Fixtures for the provider_utils tests."""

from collections.abc import AsyncIterator

import httpx
import pytest


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client closed after the test (as a provider's would be)."""
    async with httpx.AsyncClient(timeout=5.0) as http_client:
        yield http_client
