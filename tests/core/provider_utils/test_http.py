"""post_json/get_json and the response handlers against the loopback server."""

from __future__ import annotations

import asyncio
import re
import socket
import sys
import time

import httpx
import pytest
from pydantic import BaseModel

from ai_sdk._version import __version__
from ai_sdk.provider._errors import (
    APICallError,
    APITimeoutError,
    JSONParseError,
    TypeValidationError,
)
from ai_sdk.provider_utils import (
    JSONEventStream,
    ParseFailure,
    ParseSuccess,
    ResponseResult,
    as_schema,
    create_binary_response_handler,
    create_event_source_response_handler,
    create_json_error_response_handler,
    create_json_response_handler,
    create_status_code_error_response_handler,
    get_error_message,
    get_json,
    post_json,
    post_to_api,
)
from tests.servers import (
    DISCONNECT,
    Delay,
    LoopbackServer,
    Reply,
    http_library,
    json_reply,
    raw_reply,
    sse_reply,
)

RUNTIME = f"runtime/python/{sys.version_info.major}.{sys.version_info.minor}"


class Answer(BaseModel):
    text: str
    count: int


class ErrorBody(BaseModel):
    class Detail(BaseModel):
        message: str
        type: str | None = None

    error: Detail


error_handler = create_json_error_response_handler(
    error_schema=ErrorBody, error_to_message=lambda body: body.error.message
)
status_handler = create_status_code_error_response_handler()


async def wait_for_no_connections(server: LoopbackServer) -> int:
    deadline = time.monotonic() + 2
    while server.open_connections and time.monotonic() < deadline:  # noqa: ASYNC110 - polling a count on another thread
        await asyncio.sleep(0.01)
    return server.open_connections


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- JSON success -----------------------------------------------------------------------------


async def test_post_json_validates_leniently_and_keeps_raw_value(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/v1/answer", json_reply({"text": "hi", "count": 2, "new_field": [1]}))

    result = await post_json(
        url=f"{server.url}/v1/answer",
        body={"prompt": "hello", "n": 1.5},
        success=create_json_response_handler(Answer),
        failure=error_handler,
        client=client,
    )

    assert result == ResponseResult(
        value=Answer(text="hi", count=2),
        response_headers={"content-type": "application/json", "content-length": "44"},
        raw_value={"text": "hi", "count": 2, "new_field": [1]},
    )
    request = server.requests[0]
    assert (request.method, request.path, request.json()) == (
        "POST",
        "/v1/answer",
        {"prompt": "hello", "n": 1.5},
    )
    assert request.headers["content-type"] == "application/json"


async def test_user_agent_layers_and_header_merging_as_seen_by_the_server(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/h", json_reply({}))

    await post_json(
        url=f"{server.url}/h",
        body={},
        success=create_json_response_handler(),
        failure=status_handler,
        client=client,
        headers={
            "Authorization": "Bearer sk-test",
            "X-Remove-Me": None,
            "User-Agent": "my-app/2.0",
            "Content-Type": "application/vnd.custom+json",
        },
        user_agent=["ai-sdk/test-provider/1.2.3"],
    )

    headers = server.requests[0].headers
    assert "x-remove-me" not in headers
    assert {k: headers[k] for k in ("authorization", "user-agent", "content-type")} == {
        "authorization": "Bearer sk-test",
        "user-agent": (
            f"my-app/2.0 ai-sdk-python/{__version__} ai-sdk/test-provider/1.2.3 {RUNTIME}"
        ),
        "content-type": "application/vnd.custom+json",
    }


async def test_invalid_json_success_body(server: LoopbackServer, client: httpx.AsyncClient) -> None:
    server.route("/x", Reply(status=200, headers={"X-Request-Id": "r1"}, body=b"{not json"))

    with pytest.raises(APICallError) as info:
        await post_json(
            url=f"{server.url}/x",
            body={"a": 1},
            success=create_json_response_handler(Answer),
            failure=error_handler,
            client=client,
        )

    error = info.value
    assert (error.message, error.status_code, error.response_body, error.is_retryable) == (
        "Invalid JSON response",
        200,
        "{not json",
        False,
    )
    assert error.url == f"{server.url}/x"
    assert error.request_body_values == {"a": 1}
    assert error.response_headers == {"x-request-id": "r1", "content-length": "9"}
    assert isinstance(error.cause, JSONParseError)
    assert error.cause.text == "{not json"


async def test_wrong_shape_success_body(server: LoopbackServer, client: httpx.AsyncClient) -> None:
    server.route("/x", json_reply({"text": "hi"}))

    with pytest.raises(APICallError, match=r"^Invalid JSON response$") as info:
        await post_json(
            url=f"{server.url}/x",
            body={},
            success=create_json_response_handler(Answer),
            failure=error_handler,
            client=client,
        )

    cause = info.value.cause
    assert isinstance(cause, TypeValidationError)
    assert cause.value == {"text": "hi"}
    assert "count: Field required" in cause.message


# -- error bodies -----------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "retryable"), [(400, False), (429, True), (503, True)])
async def test_json_error_body(
    server: LoopbackServer, client: httpx.AsyncClient, status: int, retryable: bool
) -> None:
    body = {"error": {"message": "Model overloaded", "type": "server"}}
    server.route("/x", json_reply(body, status=status, headers={"Retry-After": "1"}))

    with pytest.raises(APICallError) as info:
        await post_json(
            url=f"{server.url}/x",
            body={"q": 1},
            success=create_json_response_handler(Answer),
            failure=error_handler,
            client=client,
        )

    error = info.value
    assert (error.message, error.status_code, error.is_retryable) == (
        "Model overloaded",
        status,
        retryable,
    )
    assert error.data == ErrorBody.model_validate(body)
    assert error.response_body is not None
    assert error.response_headers is not None
    assert error.response_headers["retry-after"] == "1"
    assert error.request_body_values == {"q": 1}


@pytest.mark.parametrize(
    ("reply", "message", "body"),
    [
        (Reply(status=400, body=b""), "Bad Request", ""),
        (Reply(status=400, body=b"  \n"), "Bad Request", "  \n"),
        (
            Reply(status=502, headers={"content-type": "text/html"}, body=b"<html>oops</html>"),
            "Bad Gateway",
            "<html>oops</html>",
        ),
        (
            json_reply({"unexpected": True}, status=422),
            "Unprocessable Entity",
            '{"unexpected": true}',
        ),
    ],
)
async def test_error_body_that_is_empty_html_or_foreign_json_uses_status_text(
    server: LoopbackServer, client: httpx.AsyncClient, reply: Reply, message: str, body: str
) -> None:
    server.route("/x", reply)

    with pytest.raises(APICallError) as info:
        await post_json(
            url=f"{server.url}/x",
            body={},
            success=create_json_response_handler(),
            failure=error_handler,
            client=client,
        )

    error = info.value
    assert (error.message, error.status_code, error.response_body, error.data) == (
        message,
        reply.status,
        body,
        None,
    )


async def test_is_retryable_override_sees_response_and_parsed_error(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    seen: list[tuple[int, object]] = []

    def never_retry_quota(response: httpx.Response, error: ErrorBody | None) -> bool:
        seen.append((response.status_code, error))
        return error is None or error.error.type != "insufficient_quota"

    handler = create_json_error_response_handler(
        error_schema=ErrorBody,
        error_to_message=lambda body: body.error.message,
        is_retryable=never_retry_quota,
    )
    body = {"error": {"message": "quota", "type": "insufficient_quota"}}
    server.route("/x", json_reply(body, status=429))

    with pytest.raises(APICallError) as info:
        await post_json(
            url=f"{server.url}/x",
            body={},
            success=create_json_response_handler(),
            failure=handler,
            client=client,
        )

    assert info.value.is_retryable is False
    assert seen == [(429, ErrorBody.model_validate(body))]


async def test_a_json_error_body_as_message_is_compact_json_as_upstream(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    """``get_error_message`` of a JSON value is JSON.stringify's text: no added spaces."""
    handler = create_json_error_response_handler(
        error_schema=as_schema(None), error_to_message=get_error_message
    )
    body = {"error": {"message": "été", "code": [1, 2]}}
    server.route("/x", json_reply(body, status=400))

    with pytest.raises(APICallError) as info:
        await post_json(
            url=f"{server.url}/x",
            body={},
            success=create_json_response_handler(),
            failure=handler,
            client=client,
        )

    assert info.value.message == '{"error":{"message":"été","code":[1,2]}}'
    assert info.value.data == body


async def test_status_code_handler_keeps_the_body(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/x", Reply(status=500, body=b"kaput"))

    with pytest.raises(APICallError) as info:
        await post_json(
            url=f"{server.url}/x",
            body={},
            success=create_json_response_handler(),
            failure=status_handler,
            client=client,
        )

    error = info.value
    assert (error.message, error.status_code, error.response_body, error.is_retryable) == (
        "Internal Server Error",
        500,
        "kaput",
        True,
    )


async def test_failing_failure_handler_is_wrapped(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    async def broken(
        response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[Exception]:
        raise ValueError("handler bug")

    server.route("/x", Reply(status=404, body=b"missing"))

    with pytest.raises(APICallError) as info:
        await post_json(
            url=f"{server.url}/x",
            body={},
            success=create_json_response_handler(),
            failure=broken,
            client=client,
        )

    error = info.value
    assert (error.message, error.status_code) == ("Failed to process error response", 404)
    assert isinstance(error.cause, ValueError)
    assert await wait_for_no_connections(server) <= 1  # closed, or back in the pool


async def test_failing_success_handler_is_wrapped(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    async def broken(
        response: httpx.Response, *, url: str, request_body_values: object
    ) -> ResponseResult[int]:
        raise KeyError("oops")

    server.route("/x", json_reply({}))

    with pytest.raises(APICallError) as info:
        await post_json(
            url=f"{server.url}/x", body={}, success=broken, failure=status_handler, client=client
        )

    error = info.value
    assert (error.message, error.status_code, error.is_retryable) == (
        "Failed to process successful response",
        200,
        False,
    )
    assert isinstance(error.__cause__, KeyError)


# -- other requests ---------------------------------------------------------------------------


async def test_get_json(server: LoopbackServer, client: httpx.AsyncClient) -> None:
    server.route("/models", json_reply({"text": "m", "count": 3}), method="GET")

    result = await get_json(
        url=f"{server.url}/models",
        success=create_json_response_handler(Answer),
        failure=error_handler,
        client=client,
        headers={"Authorization": "Bearer k"},
    )

    assert result.value == Answer(text="m", count=3)
    request = server.requests[0]
    assert (request.method, request.body, request.headers["authorization"]) == (
        "GET",
        b"",
        "Bearer k",
    )
    assert request.headers["user-agent"] == f"ai-sdk-python/{__version__} {RUNTIME}"


async def test_get_json_error_has_no_request_body(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    with pytest.raises(APICallError) as info:  # unrouted: the server answers 404 JSON
        await get_json(
            url=f"{server.url}/nope",
            success=create_json_response_handler(),
            failure=error_handler,
            client=client,
        )
    assert (info.value.status_code, info.value.request_body_values) == (404, None)
    assert info.value.message == "no route for GET /nope"


async def test_post_to_api_with_binary_response(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/img", Reply(headers={"content-type": "image/png"}, body=b"\x89PNG\r\n"))

    result = await post_to_api(
        url=f"{server.url}/img",
        content=b"raw-bytes",
        body_values={"kind": "raw"},
        success=create_binary_response_handler(),
        failure=status_handler,
        client=client,
        headers={"content-type": "application/octet-stream"},
    )

    assert (result.value, result.response_headers["content-type"]) == (b"\x89PNG\r\n", "image/png")
    assert server.requests[0].body == b"raw-bytes"


async def test_body_that_cannot_be_serialised(client: httpx.AsyncClient) -> None:
    with pytest.raises(APICallError, match="Cannot serialise the request body") as info:
        await post_json(
            url="http://127.0.0.1:9/x",
            body={"x": object()},
            success=create_json_response_handler(),
            failure=status_handler,
            client=client,
        )
    assert info.value.is_retryable is False


# -- network failures -------------------------------------------------------------------------


async def test_connection_refused_is_a_retryable_api_call_error(client: httpx.AsyncClient) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1/chat"

    with pytest.raises(APICallError) as info:
        await post_json(
            url=url,
            body={"a": 1},
            success=create_json_response_handler(),
            failure=status_handler,
            client=client,
        )

    error = info.value
    assert error.message.startswith("Cannot connect to API: ")
    assert (error.is_retryable, error.status_code, error.url, error.request_body_values) == (
        True,
        None,
        url,
        {"a": 1},
    )
    # httpx-aiohttp calls a refused connection ConnectTimeout; the SDK still reports it as one.
    assert isinstance(error.cause, http_library().TransportError)


async def test_connection_dropped_before_a_response(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/x", raw_reply(b""))

    with pytest.raises(APICallError, match=r"^Cannot connect to API: ") as info:
        await post_json(
            url=f"{server.url}/x",
            body={},
            success=create_json_response_handler(),
            failure=status_handler,
            client=client,
        )
    assert info.value.is_retryable is True


async def test_timeout_is_a_retryable_api_timeout_error(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/slow", Reply(delay_before_headers=1.0, body=b"{}"))

    with pytest.raises(APITimeoutError) as info:
        await post_json(
            url=f"{server.url}/slow",
            body={},
            success=create_json_response_handler(),
            failure=status_handler,
            client=client,
            timeout=0.1,
        )

    error = info.value
    assert isinstance(error, APICallError)
    assert error.message.startswith("Request timed out (ReadTimeout")
    assert (error.is_retryable, error.status_code) == (True, None)


async def test_unsupported_url_scheme_is_not_retryable(client: httpx.AsyncClient) -> None:
    with pytest.raises(
        APICallError, match=re.escape("Invalid API URL 'ftp://example.com/x'")
    ) as info:
        await post_json(
            url="ftp://example.com/x",
            body={},
            success=create_json_response_handler(),
            failure=status_handler,
            client=client,
        )
    assert info.value.is_retryable is False


async def test_cancellation_passes_through_untouched(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/slow", Reply(delay_before_headers=5.0, body=b"{}"))
    task = asyncio.create_task(
        post_json(
            url=f"{server.url}/slow",
            body={},
            success=create_json_response_handler(),
            failure=status_handler,
            client=client,
        )
    )
    await asyncio.sleep(0.1)
    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task


# -- SSE streams ------------------------------------------------------------------------------


async def start_stream(
    server: LoopbackServer, client: httpx.AsyncClient, reply: Reply
) -> JSONEventStream[Answer]:
    server.route("/stream", reply)
    result = await post_json(
        url=f"{server.url}/stream",
        body={"stream": True},
        success=create_event_source_response_handler(Answer),
        failure=error_handler,
        client=client,
    )
    assert result.response_headers["content-type"] == "text/event-stream"
    return result.value


async def test_event_stream_yields_parse_results_and_skips_done(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    reply = sse_reply(
        [{"text": "a", "count": 1}, "{broken", {"text": "b"}, {"text": "c", "count": 3}]
    )
    stream = await start_stream(server, client, reply)

    results = [result async for result in stream]

    assert results[0] == ParseSuccess(Answer(text="a", count=1), {"text": "a", "count": 1})
    assert isinstance(results[1], ParseFailure)
    assert isinstance(results[1].error, JSONParseError)
    assert results[1].error.text == "{broken"
    assert isinstance(results[2], ParseFailure)
    assert isinstance(results[2].error, TypeValidationError)
    assert results[2].raw_value == {"text": "b"}
    assert results[3] == ParseSuccess(Answer(text="c", count=3), {"text": "c", "count": 3})
    assert len(results) == 4
    assert stream.closed
    assert stream.response.is_closed


async def test_event_stream_without_schema_yields_json(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/s", sse_reply([{"a": 1}, [1, 2]]))
    result = await post_json(
        url=f"{server.url}/s",
        body={},
        success=create_event_source_response_handler(),
        failure=status_handler,
        client=client,
    )
    assert [r async for r in result.value] == [
        ParseSuccess({"a": 1}, {"a": 1}),
        ParseSuccess([1, 2], [1, 2]),
    ]


async def test_mid_stream_disconnect_raises_a_typed_error(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    events = [{"text": str(i), "count": i} for i in range(4)]
    stream = await start_stream(server, client, sse_reply(events, disconnect_after=2))

    received: list[object] = []
    with pytest.raises(APICallError) as info:
        async for result in stream:
            received.append(result)

    assert len(received) == 2
    error = info.value
    assert error.message.startswith("Connection lost while reading the response: ")
    assert (error.is_retryable, error.status_code) == (True, 200)
    library = http_library()
    assert isinstance(error.cause, library.RemoteProtocolError | library.ReadError)
    assert stream.response.is_closed


async def test_read_timeout_between_chunks(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    reply = Reply(
        headers={"content-type": "text/event-stream"},
        chunks=[b'data: {"text": "a", "count": 1}\n\n', Delay(1.0), b"data: {}\n\n"],
    )
    server.route("/stream", reply)
    result = await post_json(
        url=f"{server.url}/stream",
        body={},
        success=create_event_source_response_handler(Answer),
        failure=status_handler,
        client=client,
        timeout=0.2,
    )
    stream = result.value
    assert isinstance(await anext(stream), ParseSuccess)
    with pytest.raises(APITimeoutError) as info:
        await anext(stream)
    assert (info.value.is_retryable, info.value.status_code) == (True, 200)
    assert stream.response.is_closed


async def test_closing_the_stream_early_closes_the_response(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    events = [{"text": str(i), "count": i} for i in range(50)]
    stream = await start_stream(server, client, sse_reply(events, delay=0.02))

    async with stream:
        async for result in stream:
            assert isinstance(result, ParseSuccess)
            break

    assert stream.closed
    assert stream.response.is_closed
    assert (
        await wait_for_no_connections(server) == 0
    )  # an unfinished body cannot go back to the pool
    with pytest.raises(StopAsyncIteration):
        await anext(stream)
    await stream.aclose()  # idempotent


async def test_cancelling_a_stream_read_closes_the_response(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    reply = Reply(
        headers={"content-type": "text/event-stream"},
        # The server notices the closed connection when it writes after the delay.
        chunks=[b'data: {"text": "a", "count": 1}\n\n', Delay(0.5), b"data: {}\n\n"],
    )
    stream = await start_stream(server, client, reply)
    assert isinstance(await anext(stream), ParseSuccess)

    task = asyncio.create_task(anext(stream))
    await asyncio.sleep(0.1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert stream.response.is_closed
    assert await wait_for_no_connections(server) == 0


async def test_error_status_on_a_stream_request(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/stream", json_reply({"error": {"message": "bad key"}}, status=401))

    with pytest.raises(APICallError) as info:
        await start_stream(
            server, client, json_reply({"error": {"message": "bad key"}}, status=401)
        )

    assert (info.value.message, info.value.status_code, info.value.is_retryable) == (
        "bad key",
        401,
        False,
    )


async def test_crlf_stream_split_into_small_http_chunks(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    body = b'data: {"text": "x",\r\ndata: "count": 7}\r\n\r\n: ping\r\n\r\ndata: [DONE]\r\n\r\n'
    reply = Reply(
        headers={"content-type": "text/event-stream"},
        chunks=[body[i : i + 3] for i in range(0, len(body), 3)],
    )
    stream = await start_stream(server, client, reply)

    assert [r async for r in stream] == [
        ParseSuccess(Answer(text="x", count=7), {"text": "x", "count": 7})
    ]


async def test_disconnect_marker_in_plain_body(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route(
        "/x", Reply(headers={"content-type": "application/json"}, chunks=[b'{"te', DISCONNECT])
    )

    with pytest.raises(APICallError, match=r"^Connection lost while reading the response") as info:
        await post_json(
            url=f"{server.url}/x",
            body={},
            success=create_json_response_handler(Answer),
            failure=status_handler,
            client=client,
        )
    assert (info.value.status_code, info.value.is_retryable) == (200, True)
