"""Every registry test starts and ends without a default provider or entry-point cache."""

from collections.abc import Iterator

import pytest

from ai_sdk.registry import clear_entry_point_cache, set_default_provider


@pytest.fixture(autouse=True)
def clean_resolution_state() -> Iterator[None]:
    set_default_provider(None)
    clear_entry_point_cache()
    yield
    set_default_provider(None)
    clear_entry_point_cache()
