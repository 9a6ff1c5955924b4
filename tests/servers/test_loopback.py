"""The loopback server itself: framing, scripting and faults, checked with plain httpx."""

import httpx
import pytest

from tests.servers import DISCONNECT, Delay, LoopbackServer, Reply, json_reply, raw_reply, sse_reply


def test_json_reply_and_request_recording(server: LoopbackServer) -> None:
    server.route("/v1/x", json_reply({"ok": True}, headers={"x-id": "7"}))
    response = httpx.post(f"{server.url}/v1/x?a=1", json={"q": 2}, headers={"X-Test": "yes"})
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert response.headers["x-id"] == "7"
    (request,) = server.requests
    assert (request.method, request.path, request.query) == ("POST", "/v1/x", {"a": ["1"]})
    assert request.json() == {"q": 2}
    assert request.headers["x-test"] == "yes"


def test_replies_are_consumed_in_order_and_last_repeats(server: LoopbackServer) -> None:
    server.route("/r", json_reply(1), json_reply(2, status=503))
    with httpx.Client(base_url=server.url) as client:
        statuses = [client.post("/r").status_code for _ in range(3)]
    assert statuses == [200, 503, 503]
    assert server.connections_opened == 1  # keep-alive reuse


def test_sse_reply_streams_events_and_done(server: LoopbackServer) -> None:
    server.route("/s", sse_reply([{"a": 1}, "plain"]))
    with httpx.stream("POST", f"{server.url}/s") as response:
        body = b"".join(response.iter_raw())
    assert body == b'data: {"a": 1}\n\ndata: plain\n\ndata: [DONE]\n\n'


def test_disconnect_mid_stream_is_a_transport_error(server: LoopbackServer) -> None:
    server.route("/s", sse_reply([{"n": i} for i in range(5)], disconnect_after=2))
    received = b""
    with pytest.raises(httpx.RemoteProtocolError), httpx.stream("POST", f"{server.url}/s") as r:
        for chunk in r.iter_raw():
            received += chunk
    assert received == b'data: {"n": 0}\n\ndata: {"n": 1}\n\n'


def test_delay_and_handler_and_unrouted(server: LoopbackServer) -> None:
    server.route("/h", lambda req: Reply(status=201, body=req.body[::-1]), method="PUT")
    server.route("/slow", Reply(chunks=[b"a", Delay(0.2), b"b"]))
    assert httpx.put(f"{server.url}/h", content=b"abc").content == b"cba"
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(f"{server.url}/slow", timeout=httpx.Timeout(5, read=0.05)).read()
    missing = httpx.get(f"{server.url}/nope")
    assert missing.status_code == 404
    assert "no route for GET /nope" in missing.text


def test_raw_reply_is_written_verbatim(server: LoopbackServer) -> None:
    server.route("/raw", raw_reply(b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nshort"))
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.post(f"{server.url}/raw")


def test_disconnect_marker_before_any_body(server: LoopbackServer) -> None:
    server.route("/d", Reply(chunks=[DISCONNECT]))
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.post(f"{server.url}/d").read()
