"""A chat app: FastAPI back end, one static page on the npm `ai` package's `Chat` client.

    nox -s chat                     # Gemma 3 270M on llama.cpp, prints the URL
    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 \\
        python examples/chat/app.py --port 8000   # any OpenAI-compatible server

(the page's script is bundled by `nox -s chat-bundle`, which `nox -s chat` runs first).

What the back end does, in the order a request meets it:

- ``POST /api/chat`` takes the `Chat` client's request (``{id, messages, trigger, ...}``),
  checks the chat id, and validates the posted UI messages with `validate_ui_messages`: size
  limits first (`LIMITS`), then shapes, the tool's input schema, the approval signatures, and
  the history as stored (``trusted_messages``): a browser cannot invent assistant messages, tool
  results or approvals, nor send system messages. A bad request gets a 400 with a fixed text;
  the details stay in the log.
- A `ToolLoopAgent` answers as a UI message stream (text, reasoning, tool parts). Its one tool,
  `send_money`, needs the user's approval: the call stops the loop with a signed approval request,
  the page shows Approve / Deny, and the client sends the answer back, which continues the same
  assistant message (the transfer runs, or the model hears it was denied).
- Errors reach the browser as "An error occurred." (the SDK's default ``on_error``).
- ``on_finish`` stores the conversation in SQLite (stdlib `sqlite3`); ``GET /api/chats/{id}``
  loads it, and the page restores it from the ``#chat-id`` in its URL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import re
import secrets
import sqlite3
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager, closing
from pathlib import Path
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from ai_sdk import ToolLoopAgent, is_step_count, tool
from ai_sdk.provider import AISDKError, LanguageModel
from ai_sdk.provider_utils import generate_id
from ai_sdk.ui import (
    UIMessage,
    UIMessageLimits,
    convert_to_model_messages,
    validate_ui_messages,
)
from ai_sdk_openai_compatible import OpenAICompatibleProvider, create_openai_compatible

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
"""The page and, under ``build/``, its bundled script."""
BUNDLE = STATIC / "build" / "chat.js"
"""What `nox -s chat-bundle` builds from ``web/``."""

LIMITS = UIMessageLimits(
    max_bytes=256 * 1024,
    max_messages=200,
    max_parts=100,
    max_depth=16,
    max_string_length=16 * 1024,
    max_values=20_000,
)
"""What one request may carry: a long text chat, no files (far below the SDK's defaults)."""
MAX_BODY_BYTES = 512 * 1024
"""The request body as a whole (the messages plus the client's other fields)."""
CHAT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""A chat id as the page makes them (it also names the row in SQLite)."""
INSTRUCTIONS = (
    "You are a helpful assistant for the user's bank account. Be brief. "
    "To send money, call send_money; the user approves each transfer."
)
"""The agent's system prompt."""

logger = logging.getLogger("chat")


@tool(needs_approval=True)
def send_money(to: str, amount: float) -> str:
    """Send money from the user's account.

    Args:
        to: Who gets the money.
        amount: How much, in euros.
    """
    return f"Sent {amount:.2f} EUR to {to}."


class ChatStore:
    """Conversations in one SQLite file: a chat id and its UI messages as JSON."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        with closing(self._connect()) as db, db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS chats "
                "(id TEXT PRIMARY KEY, messages TEXT NOT NULL, updated TEXT NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def _load(self, chat_id: str) -> list[UIMessage]:
        with closing(self._connect()) as db:
            row = db.execute("SELECT messages FROM chats WHERE id = ?", (chat_id,)).fetchone()
        if row is None:
            return []
        # Written by `save` only, so trusted: no limits beyond the SDK's defaults.
        return validate_ui_messages(row[0])

    def _save(self, chat_id: str, messages: list[dict[str, Any]]) -> None:
        with closing(self._connect()) as db, db:
            db.execute(
                "INSERT INTO chats (id, messages, updated) VALUES (?, ?, datetime('now')) "
                "ON CONFLICT(id) DO UPDATE SET messages = excluded.messages, "
                "updated = excluded.updated",
                (chat_id, json.dumps(messages)),
            )

    async def load(self, chat_id: str) -> list[UIMessage]:
        """The stored messages of a chat, ``[]`` for a new one."""
        return await asyncio.to_thread(self._load, chat_id)

    async def save(self, chat_id: str, messages: list[UIMessage]) -> None:
        """Replace a chat's messages."""
        await asyncio.to_thread(self._save, chat_id, [m.to_json() for m in messages])


def model_from_env() -> tuple[LanguageModel, OpenAICompatibleProvider]:
    """The model named by AI_SDK_BASE_URL / AI_SDK_MODEL / AI_SDK_API_KEY, and its provider."""
    provider = create_openai_compatible(
        name="local",
        base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
        api_key=os.environ.get("AI_SDK_API_KEY"),
        # llama.cpp rejects `content: null` beside tool calls; other servers accept "".
        null_content_with_tool_calls=False,
    )
    return provider(os.environ.get("AI_SDK_MODEL", "llama3.2")), provider


def create_app(
    *,
    model: LanguageModel | None = None,
    database: str | Path | None = None,
    approval_secret: str | None = None,
    max_output_tokens: int | None = None,
) -> FastAPI:
    """The chat app.

    Args:
        model: the language model (default: from the environment, see `model_from_env`).
        database: the SQLite file (default: ``$CHAT_DATABASE`` or ``chat.sqlite3`` here).
        approval_secret: signs the approval requests (default: ``$APPROVAL_SECRET`` or a random
            one per process, which is enough while one process serves the chats).
        max_output_tokens: a bound on each answer (small models ramble).
    """
    provider: OpenAICompatibleProvider | None = None
    if model is None:
        model, provider = model_from_env()
    store = ChatStore(database or os.environ.get("CHAT_DATABASE") or HERE / "chat.sqlite3")
    secret = approval_secret or os.environ.get("APPROVAL_SECRET") or secrets.token_hex(32)
    agent = ToolLoopAgent(
        model=model,
        instructions=INSTRUCTIONS,
        tools=[send_money],
        tool_approval_secret=secret,
        stop_when=is_step_count(5),
        max_output_tokens=max_output_tokens,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncGenerator[None]:
        yield
        if provider is not None:
            await provider.aclose()

    app = FastAPI(title="ai-sdk-python chat", lifespan=lifespan)
    app.state.store = store

    def bad_request(why: str, error: object = None) -> Response:
        logger.warning("rejected a chat request: %s %r", why, error)
        return JSONResponse({"error": "Invalid request."}, status_code=400)

    @app.post("/api/chat")
    async def chat(request: Request) -> Response:
        raw = await _read_limited(request, MAX_BODY_BYTES)
        if raw is None:
            return bad_request("body too large")
        try:
            body: object = json.loads(raw)
        except ValueError as error:
            return bad_request("not JSON", error)
        if not isinstance(body, dict):
            return bad_request("not a JSON object")
        fields = cast("dict[str, object]", body)
        chat_id = fields.get("id")
        if not isinstance(chat_id, str) or not CHAT_ID.fullmatch(chat_id):
            return bad_request("bad chat id", chat_id)
        stored = await store.load(chat_id)
        try:
            messages = validate_ui_messages(
                fields.get("messages"),
                tools=agent.tools,
                tool_approval_secret=secret,
                trusted_messages=stored,
                limits=LIMITS,
            )
        except AISDKError as error:
            return bad_request("invalid messages", error)
        if any(message.role == "system" for message in messages):
            return bad_request("a system message from the browser")  # the server's to give
        model_messages = await convert_to_model_messages(messages, tools=agent.tools)
        result = await agent.stream(messages=model_messages)
        return result.to_ui_message_stream_response(
            original_messages=messages,
            generate_message_id=generate_id,
            on_finish=lambda event: store.save(chat_id, event.messages),
            keep_alive=15,
        )

    @app.get("/api/chats/{chat_id}")
    async def load_chat(chat_id: str) -> Response:
        if not CHAT_ID.fullmatch(chat_id):
            return JSONResponse({"error": "Invalid chat id."}, status_code=400)
        messages = await store.load(chat_id)
        return JSONResponse({"id": chat_id, "messages": [m.to_json() for m in messages]})

    @app.get("/")
    async def page() -> Response:
        return FileResponse(STATIC / "index.html")

    if not BUNDLE.exists():
        logger.warning("%s is missing: build it with `nox -s chat-bundle`", BUNDLE)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    return app


async def _read_limited(request: Request, limit: int) -> bytes | None:
    """The body, or None once it passes ``limit`` bytes (read no further)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def main() -> None:
    """Serve the app with uvicorn on 127.0.0.1."""
    import uvicorn

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--max-output-tokens", type=int, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per model call
    app = create_app(max_output_tokens=args.max_output_tokens)
    print(f"chat: open http://{args.host}:{args.port}/", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
