"""Loopback protocol servers shared by the tests, the examples and the demo."""

from tests.servers._clients import http_backend, http_client_for_tests, http_library
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
    "http_backend",
    "http_client_for_tests",
    "http_library",
    "json_reply",
    "raw_reply",
    "sse_body",
    "sse_reply",
]
