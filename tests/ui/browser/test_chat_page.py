"""The chat page (examples/chat) in headless Chromium against a scripted OpenAI-compatible server.

Everything between the browser and the model is real: the page's bundled `ai` Chat client, the
FastAPI app served by uvicorn, `ai_sdk`'s agent and UI message stream, the OpenAI-compatible
provider, and HTTP to a loopback server that plays the model with scripted SSE replies (so the
answers are exact and the test is fast). ``AI_SDK_CHAT_SCREENSHOT=path`` saves the page after
the approved exchange (how docs/images/chat.png is made).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.servers import LoopbackServer, json_reply
from tests.servers.chat_app import ChatServer
from tests.servers.chat_example import CHAT_PATH as CHAT
from tests.servers.chat_example import load_chat_example, says, thinks_then_calls_send_money

SECRET = "db password is hunter2"


@dataclass
class ChatApp:
    """The example app served for one test, and the scripted model server behind it."""

    url: str
    model: LoopbackServer
    database: Path

    def model_requests(self) -> list[Any]:
        return [r.json() for r in self.model.requests if r.path == CHAT]

    def stored(self, chat_id: str) -> list[dict[str, Any]]:
        return httpx.get(f"{self.url}/api/chats/{chat_id}").json()["messages"]


@pytest.fixture
def model_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopbackServer]:
    """The scripted model, named in the environment as the example reads it."""
    with LoopbackServer() as server:
        monkeypatch.setenv("AI_SDK_BASE_URL", f"{server.url}/v1")
        monkeypatch.setenv("AI_SDK_MODEL", "scripted")
        monkeypatch.delenv("AI_SDK_API_KEY", raising=False)
        yield server


@pytest.fixture
def chat_app(tmp_path: Path, model_server: LoopbackServer) -> Iterator[ChatApp]:
    """The example app as `python examples/chat/app.py` builds it: its model from the
    environment (here the scripted server), its own SQLite file, served by uvicorn."""
    database = tmp_path / "chat.sqlite3"
    with ChatServer(load_chat_example().create_app(database=database)) as server:
        yield ChatApp(server.url, model_server, database)


def open_chat(page: Page, url: str, chat_id: str) -> None:
    page.goto(f"{url}/#{chat_id}")
    expect(page.locator("body")).to_have_attribute("data-ready", "true")


def send(page: Page, text: str) -> None:
    page.get_by_test_id("input").fill(text)
    page.get_by_test_id("send").click()


def test_reasoning_an_approved_tool_call_and_the_answer_stream_in_and_persist(
    page: Page, chat_app: ChatApp
) -> None:
    chat_app.model.route(
        CHAT,
        thinks_then_calls_send_money("Bob", 20),
        says("Done: 20 euros ", "are on their way ", "to Bob."),
        thinks_then_calls_send_money("Carol", 5, call_id="call_2"),
    )
    open_chat(page, chat_app.url, "chat-approve")
    send(page, "Send 20 euros to Bob.")

    assistant = page.get_by_test_id("message-assistant")
    expect(assistant.get_by_test_id("reasoning")).to_contain_text(
        "The user wants a transfer; it needs their approval."
    )
    tool = assistant.get_by_test_id("tool")
    expect(tool).to_have_attribute("data-state", "approval-requested")
    expect(tool.get_by_test_id("tool-input")).to_have_text(
        json.dumps({"to": "Bob", "amount": 20}, indent=2)
    )
    expect(page.get_by_test_id("status")).to_have_text("ready")
    assert len(chat_app.model_requests()) == 1  # the loop stopped: nothing runs unapproved

    tool.get_by_test_id("approve").click()

    expect(tool.get_by_test_id("tool-output")).to_have_text("Sent 20.00 EUR to Bob.")
    expect(assistant.get_by_test_id("text")).to_have_text("Done: 20 euros are on their way to Bob.")
    expect(page.get_by_test_id("status")).to_have_text("ready")
    expect(page.get_by_test_id("error")).to_be_hidden()
    # One assistant message: the answer continued the message that asked for approval.
    expect(assistant).to_have_count(1)

    # The server ran the tool, and the model saw its result (never the approval parts).
    _, second = chat_app.model_requests()
    assert second["messages"][-2:] == [
        {
            "role": "assistant",
            "content": "",
            "reasoning_content": "The user wants a transfer; it needs their approval.",
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "send_money", "arguments": '{"to":"Bob","amount":20}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": "Sent 20.00 EUR to Bob."},
    ]

    # on_finish stored the conversation; a reload restores it from SQLite.
    [user, answer] = chat_app.stored("chat-approve")
    assert user["parts"] == [{"type": "text", "text": "Send 20 euros to Bob."}]
    assert [p["type"] for p in answer["parts"]] == [
        "step-start", "reasoning", "tool-send_money", "step-start", "text",
    ]  # fmt: skip
    assert answer["parts"][2]["state"] == "output-available"
    assert answer["parts"][2]["approval"]["approved"] is True
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    expect(page.get_by_test_id("message-user")).to_have_text("Send 20 euros to Bob.")
    restored = page.get_by_test_id("message-assistant")
    expect(restored.get_by_test_id("tool-output")).to_have_text("Sent 20.00 EUR to Bob.")
    expect(restored.get_by_test_id("text")).to_have_text("Done: 20 euros are on their way to Bob.")

    # The restored conversation goes on: the server checks it against what it stored.
    send(page, "And 5 euros to Carol.")
    second_tool = page.get_by_test_id("message-assistant").nth(1).get_by_test_id("tool")
    expect(second_tool).to_have_attribute("data-state", "approval-requested")
    expect(second_tool.get_by_test_id("approve")).to_be_visible()
    expect(page.get_by_test_id("status")).to_have_text("ready")
    third = chat_app.model_requests()[2]
    assert [m["role"] for m in third["messages"]] == [
        "system", "user", "assistant", "tool", "assistant", "user",
    ]  # fmt: skip
    if os.environ.get("AI_SDK_CHAT_SCREENSHOT"):
        page.set_viewport_size({"width": 760, "height": 660})
        page.screenshot(path=os.environ["AI_SDK_CHAT_SCREENSHOT"])


def test_a_denied_call_does_not_run_and_the_model_hears_why(page: Page, chat_app: ChatApp) -> None:
    chat_app.model.route(
        CHAT, thinks_then_calls_send_money("Mallory", 5000), says("Understood, nothing was sent.")
    )
    open_chat(page, chat_app.url, "chat-deny")
    send(page, "Send 5000 euros to Mallory.")
    tool = page.get_by_test_id("tool")
    tool.get_by_test_id("deny").click()

    expect(tool.get_by_test_id("tool-denied")).to_have_text("Denied: The user declined.")
    expect(page.get_by_test_id("message-assistant").get_by_test_id("text")).to_have_text(
        "Understood, nothing was sent."
    )
    _, second = chat_app.model_requests()
    denial = second["messages"][-1]
    assert denial["role"] == "tool"
    assert denial["tool_call_id"] == "call_1"
    assert "The user declined." in denial["content"]
    [_, answer] = chat_app.stored("chat-deny")
    assert answer["parts"][2]["state"] == "output-denied"


def test_a_model_error_shows_the_masked_text_only(page: Page, chat_app: ChatApp) -> None:
    chat_app.model.route(CHAT, json_reply({"error": {"message": SECRET}}, status=400))
    open_chat(page, chat_app.url, "chat-error")
    send(page, "Hello?")

    expect(page.get_by_test_id("error")).to_have_text("Error: An error occurred.")
    expect(page.get_by_test_id("status")).to_have_text("error")
    assert SECRET not in page.content()


def test_after_a_restart_with_another_secret_an_old_approval_is_refused(
    page: Page, tmp_path: Path, model_server: LoopbackServer
) -> None:
    """Without APPROVAL_SECRET each process signs with its own random secret: a request signed
    before a restart cannot be approved after it (the page says so; nothing runs)."""
    model_server.route(CHAT, thinks_then_calls_send_money("Bob", 20), says("not reached"))
    database = tmp_path / "chat.sqlite3"
    example = load_chat_example()
    with ChatServer(example.create_app(database=database)) as before:
        open_chat(page, before.url, "chat-restart")
        send(page, "Send 20 euros to Bob.")
        expect(page.get_by_test_id("approve")).to_be_visible()
        expect(page.get_by_test_id("status")).to_have_text("ready")
    with ChatServer(example.create_app(database=database)) as after:
        open_chat(page, after.url, "chat-restart")
        page.get_by_test_id("approve").click()
        expect(page.get_by_test_id("error")).to_have_text("Error: Invalid request.")
    assert len([r for r in model_server.requests if r.path == CHAT]) == 1
