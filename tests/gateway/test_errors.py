"""Every gateway error class, mapped from real error responses of the loopback server."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from ai_sdk.provider import (
    AISDKError,
    APICallError,
    CallOptions,
    RetryError,
    TextPart,
    TypeValidationError,
    UserMessage,
)
from ai_sdk.provider_utils import is_retryable_error, retry_with_backoff
from ai_sdk_gateway import (
    GatewayAuthenticationError,
    GatewayError,
    GatewayFailedDependencyError,
    GatewayForbiddenError,
    GatewayInternalServerError,
    GatewayInvalidRequestError,
    GatewayModelNotFoundError,
    GatewayNotFoundError,
    GatewayProvider,
    GatewayRateLimitError,
    GatewayResponseError,
    GatewayTimeoutError,
    as_gateway_error,
    create_gateway,
    create_gateway_error_from_response,
)
from tests.servers import LoopbackServer, Reply, json_reply

PATH = "/v4/ai/language-model"
OPTIONS = CallOptions(prompt=[UserMessage(content=[TextPart(text="Hi")])])
OK = {
    "content": [{"type": "text", "text": "ok"}],
    "finishReason": {"unified": "stop", "raw": "stop"},
    "usage": {"inputTokens": {"total": 1}, "outputTokens": {"total": 1}},
}


def error_body(
    message: str, type_: str | None, param: Any = None, generation_id: str | None = "gen_01X"
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "error": {"message": message, "type": type_, "param": param, "code": None}
    }
    if generation_id is not None:
        body["generationId"] = generation_id
    return body


async def failure(server: LoopbackServer, provider: GatewayProvider, reply: Reply) -> GatewayError:
    server.route(PATH, reply)
    with pytest.raises(GatewayError) as caught:
        await provider("openai/gpt-5").do_generate(OPTIONS)
    return caught.value


def summary(error: GatewayError) -> tuple[type[GatewayError], str, int, str, str | None, bool]:
    return (
        type(error),
        error.type,
        error.status_code,
        error.message,
        error.generation_id,
        error.is_retryable,
    )


@pytest.mark.parametrize(
    ("type_", "status", "expected_class", "retryable"),
    [
        ("invalid_request_error", 400, GatewayInvalidRequestError, False),
        ("rate_limit_exceeded", 429, GatewayRateLimitError, True),
        ("not_found", 404, GatewayNotFoundError, False),
        ("internal_server_error", 500, GatewayInternalServerError, True),
        ("failed_dependency", 424, GatewayFailedDependencyError, False),
        ("some_future_type", 503, GatewayInternalServerError, True),
        (None, 409, GatewayInternalServerError, True),
        ("internal_server_error", 408, GatewayInternalServerError, True),
    ],
)
async def test_error_type_picks_the_class_and_status_the_retryability(
    server: LoopbackServer,
    provider: GatewayProvider,
    type_: str | None,
    status: int,
    expected_class: type[GatewayError],
    retryable: bool,
) -> None:
    reply = json_reply(error_body("It went wrong", type_), status=status)

    error = await failure(server, provider, reply)

    assert summary(error) == (
        expected_class,
        expected_class.type,
        status,
        "It went wrong [gen_01X]",
        "gen_01X",
        retryable,
    )
    assert error.response_body == reply.body.decode()
    assert isinstance(error.cause, APICallError)
    assert error.cause.status_code == status
    assert isinstance(error, AISDKError)
    assert is_retryable_error(error) is retryable


async def test_model_not_found_carries_the_model_id(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    error = await failure(
        server,
        provider,
        json_reply(
            error_body("Model x/y not found", "model_not_found", {"modelId": "x/y"}, None),
            status=404,
        ),
    )

    assert isinstance(error, GatewayModelNotFoundError)
    assert (error.model_id, error.message, error.generation_id, error.status_code) == (
        "x/y",
        "Model x/y not found",
        None,
        404,
    )


async def test_forbidden_carries_the_rule_id(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    with_rule = await failure(
        server,
        provider,
        json_reply(error_body("Denied by rule", "forbidden", {"ruleId": "rule_1"}), status=403),
    )
    without_rule = await failure(
        server, provider, json_reply(error_body("Denied", "forbidden", "odd param"), status=403)
    )

    assert isinstance(with_rule, GatewayForbiddenError)
    assert isinstance(without_rule, GatewayForbiddenError)
    assert (with_rule.rule_id, without_rule.rule_id) == ("rule_1", None)
    assert with_rule.message == "Denied by rule [gen_01X]"


async def test_html_error_page_from_a_proxy_is_still_typed(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    html = b"<html><head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>"

    error = await failure(
        server, provider, Reply(status=502, headers={"content-type": "text/html"}, body=html)
    )

    assert isinstance(error, GatewayResponseError)
    assert summary(error) == (
        GatewayResponseError,
        "response_error",
        502,
        "Invalid error response format: Gateway request failed (HTTP 502): "
        "<html><head><title>502 Bad Gateway</title></head> <body>nginx</body></html>",
        None,
        True,
    )
    assert error.response == html.decode()
    assert error.response_body == html.decode()
    assert isinstance(error.validation_error, TypeValidationError)


async def test_json_error_without_the_documented_shape_keeps_the_generation_id(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    body = {"message": "flat error", "generationId": "gen_02"}

    error = await failure(server, provider, json_reply(body, status=500))

    assert isinstance(error, GatewayResponseError)
    assert (error.response, error.generation_id, error.status_code) == (body, "gen_02", 500)
    assert error.message.startswith("Invalid error response format: Gateway request failed")
    assert error.message.endswith("[gen_02]")


async def test_the_api_call_error_under_a_gateway_error_keeps_the_body_compact(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    """As upstream's getErrorMessage (JSON.stringify): no spaces added, non-ASCII kept."""
    body = {"error": {"oops": "café", "n": [1, 2]}}

    error = await failure(server, provider, json_reply(body, status=500))

    assert isinstance(error, GatewayResponseError)
    cause = error.cause
    assert isinstance(cause, APICallError)
    assert cause.message == '{"error":{"oops":"café","n":[1,2]}}'
    assert cause.data == body


async def test_empty_error_body(server: LoopbackServer, provider: GatewayProvider) -> None:
    error = await failure(server, provider, Reply(status=503))

    assert summary(error) == (
        GatewayResponseError,
        "response_error",
        503,
        "Invalid error response format: Gateway request failed (HTTP 503)",
        None,
        True,
    )


async def test_rate_limit_exposes_retry_after_and_core_retries_honour_it(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    limited = json_reply(
        error_body("Slow down", "rate_limit_exceeded"), status=429, headers={"retry-after": "3"}
    )
    server.route(PATH, limited, json_reply(OK))
    model = provider("openai/gpt-5")
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    result = await retry_with_backoff(lambda: model.do_generate(OPTIONS), sleep=fake_sleep)

    assert waits == [3.0]
    assert len(server.requests) == 2
    assert result.content[0].type == "text"


async def test_rate_limit_retry_info_on_the_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    ms = await failure(
        server,
        provider,
        json_reply(
            error_body("Slow down", "rate_limit_exceeded"),
            status=429,
            headers={"retry-after-ms": "1500"},
        ),
    )
    none = await failure(
        server, provider, json_reply(error_body("Slow down", "rate_limit_exceeded"), status=429)
    )

    assert isinstance(ms, GatewayRateLimitError)
    assert isinstance(none, GatewayRateLimitError)
    assert (ms.retry_after, none.retry_after) == (1.5, None)
    assert ms.response_headers is not None
    assert ms.response_headers["retry-after-ms"] == "1500"


async def test_non_retryable_errors_are_not_retried(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, json_reply(error_body("bad", "invalid_request_error"), status=400))
    model = provider("openai/gpt-5")

    with pytest.raises(GatewayInvalidRequestError):
        await retry_with_backoff(lambda: model.do_generate(OPTIONS), sleep=_no_sleep)

    assert len(server.requests) == 1


async def test_retries_give_up_with_every_gateway_error(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, json_reply(error_body("down", "internal_server_error"), status=500))
    model = provider("openai/gpt-5")

    with pytest.raises(RetryError) as caught:
        await retry_with_backoff(lambda: model.do_generate(OPTIONS), sleep=_no_sleep)

    assert caught.value.reason == "maxRetriesExceeded"
    assert [type(e) for e in caught.value.errors] == [GatewayInternalServerError] * 3


async def _no_sleep(seconds: float) -> None:
    return None


async def test_connection_refused_is_a_retryable_response_error() -> None:
    async with create_gateway(api_key="k", base_url="http://127.0.0.1:9/v4/ai") as gw:
        with pytest.raises(GatewayResponseError) as caught:
            await gw("openai/gpt-5").do_generate(OPTIONS)

    error = caught.value
    assert error.message.startswith("Gateway request failed: Cannot connect to API:")
    assert (error.status_code, error.is_retryable) == (500, True)


async def test_slow_response_is_a_timeout_error(server: LoopbackServer, base_url: str) -> None:
    server.route(PATH, Reply(body=b"{}", delay_before_headers=2.0))

    async with create_gateway(api_key="k", base_url=base_url, timeout=0.2) as gw:
        with pytest.raises(GatewayTimeoutError) as caught:
            await gw("openai/gpt-5").do_generate(OPTIONS)

    error = caught.value
    assert (error.type, error.status_code, error.is_retryable) == ("timeout_error", 408, True)
    assert error.message.startswith("Gateway request timed out: Request timed out (ReadTimeout)")


def test_gateway_errors_pass_through_unchanged() -> None:
    original = GatewayRateLimitError("limited")

    assert as_gateway_error(original) is original


def test_other_exceptions_become_response_errors() -> None:
    error = as_gateway_error(ValueError("boom"))

    assert summary(error) == (
        GatewayResponseError,
        "response_error",
        500,
        "Gateway request failed: boom",
        None,
        True,
    )


def test_authentication_error_type_without_auth_method_assumes_none_was_sent() -> None:
    error = create_gateway_error_from_response(
        response={"error": {"message": "nope", "type": "authentication_error"}}, status_code=401
    )

    assert isinstance(error, GatewayAuthenticationError)
    assert "No authentication provided" in error.message


def test_errors_pickle_with_their_fields() -> None:
    error = create_gateway_error_from_response(
        response=error_body("Model gone", "model_not_found", {"modelId": "a/b"}),
        status_code=404,
    )

    copy = pickle.loads(pickle.dumps(error))

    assert isinstance(copy, GatewayModelNotFoundError)
    assert (copy.message, copy.model_id, copy.generation_id, copy.status_code) == (
        "Model gone [gen_01X]",
        "a/b",
        "gen_01X",
        404,
    )
