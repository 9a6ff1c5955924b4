"""The chat example (examples/chat/app.py) for tests: loading it, and scripted model replies.

A `LoopbackServer` plays the model with these OpenAI-compatible SSE replies: the app's real
provider streams them, so the example runs exactly as it would against llama.cpp or Ollama.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.servers._loopback import Reply, sse_reply

__all__ = [
    "CHAT_EXAMPLE",
    "CHAT_PATH",
    "load_chat_example",
    "says",
    "stream_chunk",
    "thinks_then_calls_send_money",
]

CHAT_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "chat"
CHAT_PATH = "/v1/chat/completions"


def load_chat_example() -> ModuleType:
    """examples/chat/app.py as a fresh module (examples/ is not a package)."""
    spec = importlib.util.spec_from_file_location("chat_example_app", CHAT_EXAMPLE / "app.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stream_chunk(delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
    """One ``chat.completion.chunk`` event."""
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": "scripted",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def thinks_then_calls_send_money(to: str, amount: float, call_id: str = "call_1") -> Reply:
    """Reasoning in two deltas, then a ``send_money`` call whose arguments arrive in two."""
    arguments = json.dumps({"to": to, "amount": amount})
    call = {"index": 0, "id": call_id, "type": "function"}
    return sse_reply(
        [
            stream_chunk({"role": "assistant", "reasoning_content": "The user wants "}),
            stream_chunk({"reasoning_content": "a transfer; it needs their approval."}),
            stream_chunk(
                {"tool_calls": [{**call, "function": {"name": "send_money", "arguments": ""}}]}
            ),
            stream_chunk({"tool_calls": [{"index": 0, "function": {"arguments": arguments[:9]}}]}),
            stream_chunk({"tool_calls": [{"index": 0, "function": {"arguments": arguments[9:]}}]}),
            stream_chunk({}, "tool_calls"),
        ]
    )


def says(*deltas: str) -> Reply:
    """A streamed text answer."""
    return sse_reply(
        [
            stream_chunk({"role": "assistant", "content": ""}),
            *(stream_chunk({"content": delta}) for delta in deltas),
            stream_chunk({}, "stop"),
        ]
    )
