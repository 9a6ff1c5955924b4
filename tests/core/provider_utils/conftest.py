"""Fixtures for the provider_utils tests."""

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.servers import http_client_for_tests


@pytest.fixture
async def client() -> AsyncIterator[Any]:
    """A client of the backend under test (``AI_SDK_HTTP_BACKEND``), closed after the test."""
    async with http_client_for_tests(timeout=5.0) as http_client:
        yield http_client
