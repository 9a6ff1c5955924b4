"""Fixtures shared by every test folder."""

from collections.abc import Iterator

import pytest

from tests.servers import LoopbackServer


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A fresh scripted HTTP server on 127.0.0.1 for one test."""
    with LoopbackServer() as srv:
        yield srv
