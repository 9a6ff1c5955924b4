"""POST/GET to a provider API over the caller's httpx client, every failure an `APICallError`."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any, TypeVar

import httpx
from pydantic_core import to_json

from ai_sdk.provider._errors import APICallError
from ai_sdk.provider_utils._client import AsyncHTTPClient
from ai_sdk.provider_utils._handlers import (
    ResponseHandler,
    ResponseResult,
    response_headers_of,
    transport_error_to_api_error,
)
from ai_sdk.provider_utils._headers import append_user_agent, build_user_agent, combine_headers
from ai_sdk.provider_utils._http_libraries import (
    http_error_types,
    library_of,
    request_timeout_for,
)

__all__ = ["get_json", "post_json", "post_to_api"]

T = TypeVar("T")


async def post_json(
    *,
    url: str,
    body: object,
    success: ResponseHandler[T],
    failure: ResponseHandler[Exception],
    client: AsyncHTTPClient,
    headers: Mapping[str, str | None] | None = None,
    timeout: httpx.Timeout | float | None = None,  # noqa: ASYNC109 - httpx timeout, not a deadline
    user_agent: Sequence[str] = (),
) -> ResponseResult[T]:
    """POST ``body`` as JSON and hand the response to ``success`` or ``failure``.

    Args:
        url: the endpoint.
        body: a JSON-able value (pydantic models serialise too); kept as ``request_body_values``
            on errors.
        success: handles a 2xx response (see the ``create_*_response_handler`` functions).
        failure: builds the error raised for any other status.
        client: the provider's client (see `HTTPClientHolder`).
        headers: request headers; a ``None`` value removes a header. ``content-type`` defaults to
            ``application/json``.
        timeout: overrides the client's timeout for this request (``httpx.Timeout(None)`` for
            none); ``None`` keeps the client's.
        user_agent: the provider's user-agent tokens, e.g. ``["ai-sdk/gateway/0.1.0"]``.

    Raises:
        APICallError: any failure: an error status, a network failure or timeout
            (`APITimeoutError`), a body the success handler cannot read. ``asyncio.CancelledError``
            passes through untouched (and the response is closed).
    """
    try:
        content = to_json(body, inf_nan_mode="null")
    except Exception as error:  # a value pydantic cannot serialise
        raise APICallError(
            f"Cannot serialise the request body as JSON: {error}",
            url=url,
            request_body_values=body,
            cause=error,
            is_retryable=False,
        ) from error
    return await _request(
        "POST",
        url=url,
        content=content,
        body_values=body,
        success=success,
        failure=failure,
        client=client,
        headers=combine_headers({"content-type": "application/json"}, headers),
        timeout=timeout,
        user_agent=user_agent,
    )


async def post_to_api(
    *,
    url: str,
    content: bytes,
    body_values: object,
    success: ResponseHandler[T],
    failure: ResponseHandler[Exception],
    client: AsyncHTTPClient,
    headers: Mapping[str, str | None] | None = None,
    timeout: httpx.Timeout | float | None = None,  # noqa: ASYNC109 - httpx timeout, not a deadline
    user_agent: Sequence[str] = (),
) -> ResponseResult[T]:
    """POST raw ``content`` (multipart, binary); ``body_values`` is what errors report.

    Arguments and errors as in `post_json`, which is built on it.
    """
    return await _request(
        "POST",
        url=url,
        content=content,
        body_values=body_values,
        success=success,
        failure=failure,
        client=client,
        headers=combine_headers(headers),
        timeout=timeout,
        user_agent=user_agent,
    )


async def get_json(
    *,
    url: str,
    success: ResponseHandler[T],
    failure: ResponseHandler[Exception],
    client: AsyncHTTPClient,
    headers: Mapping[str, str | None] | None = None,
    timeout: httpx.Timeout | float | None = None,  # noqa: ASYNC109 - httpx timeout, not a deadline
    user_agent: Sequence[str] = (),
) -> ResponseResult[T]:
    """GET ``url``; arguments and errors as in `post_json` (``request_body_values`` is ``None``)."""
    return await _request(
        "GET",
        url=url,
        content=None,
        body_values=None,
        success=success,
        failure=failure,
        client=client,
        headers=combine_headers(headers),
        timeout=timeout,
        user_agent=user_agent,
    )


async def _request(
    method: str,
    *,
    url: str,
    content: bytes | None,
    body_values: object,
    success: ResponseHandler[T],
    failure: ResponseHandler[Exception],
    client: AsyncHTTPClient,
    headers: dict[str, str],
    timeout: httpx.Timeout | float | None,  # noqa: ASYNC109
    user_agent: Sequence[str],
) -> ResponseResult[T]:
    # ``headers`` is a fresh dict with lower-case keys (`combine_headers`), ours to extend.
    append_user_agent(headers, build_user_agent(*user_agent))
    library = library_of(client)
    try:
        request = client.build_request(
            method,
            _parsed_url(library, url),
            headers=headers,
            content=content,
            timeout=request_timeout_for(library, timeout),
        )
        response = await client.send(request, stream=True)
    except http_error_types() as error:
        raise transport_error_to_api_error(
            error, url=url, request_body_values=body_values
        ) from error

    try:
        if not response.is_success:
            try:
                result = await failure(response, url=url, request_body_values=body_values)
            except Exception as error:
                raise _handler_failure(
                    error, "Failed to process error response", response, url, body_values
                ) from error
            raise result.value
        try:
            return await success(response, url=url, request_body_values=body_values)
        except Exception as error:
            raise _handler_failure(
                error, "Failed to process successful response", response, url, body_values
            ) from error
    except BaseException:
        # Error statuses and failed handlers leave the response to us; close it even when the
        # task is being cancelled, so the connection goes back to the pool.
        await response.aclose()
        raise


@functools.lru_cache(maxsize=64)
def _parsed_url(library: ModuleType, url: str) -> Any:
    # Parsing the URL is a good part of what httpx spends on a request, and a provider calls
    # few endpoints; httpx URLs are immutable, so requests can share one. A URL that does not
    # parse raises here, inside the caller's error mapping, each time.
    return library.URL(url)


def _handler_failure(
    error: Exception, message: str, response: httpx.Response, url: str, body_values: object
) -> Exception:
    if isinstance(error, APICallError):
        return error
    if isinstance(error, http_error_types()):
        return transport_error_to_api_error(
            error, url=url, request_body_values=body_values, response=response
        )
    return APICallError(
        message,
        url=url,
        request_body_values=body_values,
        status_code=response.status_code,
        response_headers=response_headers_of(response),
        cause=error,
    )
