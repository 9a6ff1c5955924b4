"""Loopback protocol servers shared by the tests, the examples and the demo."""

from tests.servers._loopback import (
    DISCONNECT,
    Delay,
    LoopbackServer,
    RecordedRequest,
    Reply,
    json_reply,
    raw_reply,
    sse_body,
    sse_reply,
)

__all__ = [
    "DISCONNECT",
    "Delay",
    "LoopbackServer",
    "RecordedRequest",
    "Reply",
    "json_reply",
    "raw_reply",
    "sse_body",
    "sse_reply",
]
