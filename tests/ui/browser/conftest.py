"""The chat example (examples/chat) in headless Chromium, driven by Playwright.

The page's bundle must be built (`nox -s chat-bundle`; the `ui-browser` session does it) and
Chromium is Debian's (``/usr/bin/chromium``, or ``$CHROMIUM``): Playwright's own browsers are
never downloaded.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.servers.chat_example import CHAT_EXAMPLE


def chromium_path() -> str:
    """Debian's Chromium; the test fails (it does not skip) when it is missing."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("no chromium: `apt-get install chromium` (the ui-browser session does it)")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium for the whole session."""
    bundle = CHAT_EXAMPLE / "static" / "build" / "chat.js"
    if not bundle.exists():
        pytest.fail(f"{bundle} is missing: run `nox -s chat-bundle`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page (its own context: no shared storage) that fails the test on a JS error."""
    context = browser.new_context(viewport={"width": 760, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.set_default_timeout(10_000)
    try:
        yield opened
    finally:
        context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"
