"""The chat page against a real llama.cpp server with the demo model (Gemma 3 270M).

Run by `nox -s chat -- --check`, which installs the llama.cpp server's venv and the model and
names that venv's interpreter in ``AI_SDK_LLAMA_PYTHON``. The model's words are not known in
advance, so the test checks what must hold for any answer: it streamed into the page (more
than one rendered length), it finished without an error, and the page shows exactly what the
server stored through ``on_finish``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.servers.chat_app import ChatServer
from tests.servers.chat_demo import MAX_OUTPUT_TOKENS
from tests.servers.chat_example import load_chat_example
from tests.servers.demo_model import DEMO_MODEL_ALIAS, assemble_model, start_demo_server

# Records every length the assistant's text had when the page changed.
RECORD_LENGTHS = """
window.__textLengths = new Set();
new MutationObserver(() => {
  const texts = document.querySelectorAll('[data-testid=message-assistant] [data-testid=text]');
  if (texts.length) window.__textLengths.add(texts[texts.length - 1].textContent.length);
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


@pytest.fixture(scope="module")
def chat_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    python = os.environ.get("AI_SDK_LLAMA_PYTHON")
    if not python:
        pytest.fail("AI_SDK_LLAMA_PYTHON is not set: run this test with `nox -s chat -- --check`")
    llama = start_demo_server(assemble_model(python), python)
    try:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("AI_SDK_BASE_URL", llama.base_url)
            env.setenv("AI_SDK_API_KEY", llama.api_key)
            env.setenv("AI_SDK_MODEL", DEMO_MODEL_ALIAS)
            database: Path = tmp_path_factory.mktemp("chat") / "chat.sqlite3"
            app = load_chat_example().create_app(
                database=database, max_output_tokens=MAX_OUTPUT_TOKENS
            )
            with ChatServer(app) as server:
                yield server.url
    finally:
        llama.stop()


def test_a_real_answer_streams_into_the_page_and_is_stored(page: Page, chat_url: str) -> None:
    page.add_init_script(RECORD_LENGTHS)
    page.goto(f"{chat_url}/#real-1")
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    page.get_by_test_id("input").fill("Why is the sky blue? Answer in two sentences.")
    page.get_by_test_id("send").click()

    text = page.get_by_test_id("message-assistant").get_by_test_id("text")
    expect(text).to_have_attribute("data-state", "done", timeout=120_000)
    expect(page.get_by_test_id("status")).to_have_text("ready")
    expect(page.get_by_test_id("error")).to_be_hidden()
    shown = text.text_content() or ""
    assert shown.strip(), "the model's answer is empty"
    lengths = page.evaluate("[...window.__textLengths]")
    assert len(lengths) > 2, f"the answer did not stream in: lengths seen {lengths}"

    [user, answer] = httpx.get(f"{chat_url}/api/chats/real-1").json()["messages"]
    assert user["parts"] == [
        {"type": "text", "text": "Why is the sky blue? Answer in two sentences."}
    ]
    stored = [p["text"] for p in answer["parts"] if p["type"] == "text"]
    assert stored == [shown]
