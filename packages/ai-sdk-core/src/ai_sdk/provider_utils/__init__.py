"""What provider packages build on: HTTP calls and response handlers, SSE, retries, settings,
ids, headers, media, JSON and schemas.

Providers import from here and from `ai_sdk.provider` only; every name below is public API.
"""

from typing import TYPE_CHECKING, Any

from ai_sdk._lazy import LazyExports

_exports = LazyExports(__name__, __file__, globals())


def __getattr__(name: str) -> Any:
    return _exports.get(name)


def __dir__() -> list[str]:
    return _exports.names()


if TYPE_CHECKING:  # each name is imported on first use (`ai_sdk._lazy`)
    from ai_sdk._lazy import LazyExports as LazyExports
    from ai_sdk.provider._errors import get_error_message as get_error_message
    from ai_sdk.provider_utils._client import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
    from ai_sdk.provider_utils._client import AsyncHTTPClient as AsyncHTTPClient
    from ai_sdk.provider_utils._client import HTTPClientHolder as HTTPClientHolder
    from ai_sdk.provider_utils._client import create_http_client as create_http_client
    from ai_sdk.provider_utils._event_stream import EventTransformer as EventTransformer
    from ai_sdk.provider_utils._event_stream import JSONEventStream as JSONEventStream
    from ai_sdk.provider_utils._event_stream import (
        create_event_source_response_handler as create_event_source_response_handler,
    )
    from ai_sdk.provider_utils._handlers import ResponseHandler as ResponseHandler
    from ai_sdk.provider_utils._handlers import ResponseResult as ResponseResult
    from ai_sdk.provider_utils._handlers import (
        create_binary_response_handler as create_binary_response_handler,
    )
    from ai_sdk.provider_utils._handlers import (
        create_json_error_response_handler as create_json_error_response_handler,
    )
    from ai_sdk.provider_utils._handlers import (
        create_json_response_handler as create_json_response_handler,
    )
    from ai_sdk.provider_utils._handlers import (
        create_status_code_error_response_handler as create_status_code_error_response_handler,
    )
    from ai_sdk.provider_utils._handlers import response_headers_of as response_headers_of
    from ai_sdk.provider_utils._handlers import (
        transport_error_to_api_error as transport_error_to_api_error,
    )
    from ai_sdk.provider_utils._headers import RUNTIME_USER_AGENT as RUNTIME_USER_AGENT
    from ai_sdk.provider_utils._headers import SDK_USER_AGENT as SDK_USER_AGENT
    from ai_sdk.provider_utils._headers import HeadersInput as HeadersInput
    from ai_sdk.provider_utils._headers import build_user_agent as build_user_agent
    from ai_sdk.provider_utils._headers import combine_headers as combine_headers
    from ai_sdk.provider_utils._headers import normalize_headers as normalize_headers
    from ai_sdk.provider_utils._headers import with_user_agent_suffix as with_user_agent_suffix
    from ai_sdk.provider_utils._http import get_json as get_json
    from ai_sdk.provider_utils._http import post_json as post_json
    from ai_sdk.provider_utils._http import post_to_api as post_to_api
    from ai_sdk.provider_utils._ids import DEFAULT_ID_ALPHABET as DEFAULT_ID_ALPHABET
    from ai_sdk.provider_utils._ids import IdGenerator as IdGenerator
    from ai_sdk.provider_utils._ids import create_id_generator as create_id_generator
    from ai_sdk.provider_utils._ids import generate_id as generate_id
    from ai_sdk.provider_utils._json import JSONValue as JSONValue
    from ai_sdk.provider_utils._json import PartialJSONState as PartialJSONState
    from ai_sdk.provider_utils._json import is_parsable_json as is_parsable_json
    from ai_sdk.provider_utils._json import parse_json as parse_json
    from ai_sdk.provider_utils._json import parse_partial_json as parse_partial_json
    from ai_sdk.provider_utils._json import safe_parse_json as safe_parse_json
    from ai_sdk.provider_utils._media import DataContent as DataContent
    from ai_sdk.provider_utils._media import convert_base64_to_bytes as convert_base64_to_bytes
    from ai_sdk.provider_utils._media import convert_bytes_to_base64 as convert_bytes_to_base64
    from ai_sdk.provider_utils._media import convert_to_base64 as convert_to_base64
    from ai_sdk.provider_utils._media import create_data_url as create_data_url
    from ai_sdk.provider_utils._media import detect_media_type as detect_media_type
    from ai_sdk.provider_utils._media import split_data_url as split_data_url
    from ai_sdk.provider_utils._parse_result import ParseFailure as ParseFailure
    from ai_sdk.provider_utils._parse_result import ParseResult as ParseResult
    from ai_sdk.provider_utils._parse_result import ParseSuccess as ParseSuccess
    from ai_sdk.provider_utils._retry import DEFAULT_BACKOFF_FACTOR as DEFAULT_BACKOFF_FACTOR
    from ai_sdk.provider_utils._retry import DEFAULT_INITIAL_DELAY as DEFAULT_INITIAL_DELAY
    from ai_sdk.provider_utils._retry import DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES
    from ai_sdk.provider_utils._retry import is_retryable_error as is_retryable_error
    from ai_sdk.provider_utils._retry import retry_delay as retry_delay
    from ai_sdk.provider_utils._retry import retry_with_backoff as retry_with_backoff
    from ai_sdk.provider_utils._retry import validate_max_retries as validate_max_retries
    from ai_sdk.provider_utils._schema import JSONSchema as JSONSchema
    from ai_sdk.provider_utils._schema import Schema as Schema
    from ai_sdk.provider_utils._schema import SchemaLike as SchemaLike
    from ai_sdk.provider_utils._schema import (
        add_additional_properties_false as add_additional_properties_false,
    )
    from ai_sdk.provider_utils._schema import as_schema as as_schema
    from ai_sdk.provider_utils._schema import inline_json_schema_refs as inline_json_schema_refs
    from ai_sdk.provider_utils._schema import json_schema as json_schema
    from ai_sdk.provider_utils._schema import remove_strict_nulls as remove_strict_nulls
    from ai_sdk.provider_utils._schema import to_strict_json_schema as to_strict_json_schema
    from ai_sdk.provider_utils._settings import load_api_key as load_api_key
    from ai_sdk.provider_utils._settings import load_optional_setting as load_optional_setting
    from ai_sdk.provider_utils._settings import load_setting as load_setting
    from ai_sdk.provider_utils._sse import DEFAULT_MAX_EVENT_SIZE as DEFAULT_MAX_EVENT_SIZE
    from ai_sdk.provider_utils._sse import MAX_EVENT_SIZE_ENV as MAX_EVENT_SIZE_ENV
    from ai_sdk.provider_utils._sse import EventSizeLimitExceeded as EventSizeLimitExceeded
    from ai_sdk.provider_utils._sse import ServerSentEvent as ServerSentEvent
    from ai_sdk.provider_utils._sse import SSEParser as SSEParser
    from ai_sdk.provider_utils._utils import Resolvable as Resolvable
    from ai_sdk.provider_utils._utils import is_url_supported as is_url_supported
    from ai_sdk.provider_utils._utils import remove_none_entries as remove_none_entries
    from ai_sdk.provider_utils._utils import resolve as resolve
    from ai_sdk.provider_utils._utils import without_trailing_slash as without_trailing_slash

__all__ = [
    "DEFAULT_BACKOFF_FACTOR",
    "DEFAULT_ID_ALPHABET",
    "DEFAULT_INITIAL_DELAY",
    "DEFAULT_MAX_EVENT_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "MAX_EVENT_SIZE_ENV",
    "RUNTIME_USER_AGENT",
    "SDK_USER_AGENT",
    "AsyncHTTPClient",
    "DataContent",
    "EventSizeLimitExceeded",
    "EventTransformer",
    "HTTPClientHolder",
    "HeadersInput",
    "IdGenerator",
    "JSONEventStream",
    "JSONSchema",
    "JSONValue",
    "LazyExports",
    "ParseFailure",
    "ParseResult",
    "ParseSuccess",
    "PartialJSONState",
    "Resolvable",
    "ResponseHandler",
    "ResponseResult",
    "SSEParser",
    "Schema",
    "SchemaLike",
    "ServerSentEvent",
    "add_additional_properties_false",
    "as_schema",
    "build_user_agent",
    "combine_headers",
    "convert_base64_to_bytes",
    "convert_bytes_to_base64",
    "convert_to_base64",
    "create_binary_response_handler",
    "create_data_url",
    "create_event_source_response_handler",
    "create_http_client",
    "create_id_generator",
    "create_json_error_response_handler",
    "create_json_response_handler",
    "create_status_code_error_response_handler",
    "detect_media_type",
    "generate_id",
    "get_error_message",
    "get_json",
    "inline_json_schema_refs",
    "is_parsable_json",
    "is_retryable_error",
    "is_url_supported",
    "json_schema",
    "load_api_key",
    "load_optional_setting",
    "load_setting",
    "normalize_headers",
    "parse_json",
    "parse_partial_json",
    "post_json",
    "post_to_api",
    "remove_none_entries",
    "remove_strict_nulls",
    "resolve",
    "response_headers_of",
    "retry_delay",
    "retry_with_backoff",
    "safe_parse_json",
    "split_data_url",
    "to_strict_json_schema",
    "transport_error_to_api_error",
    "validate_max_retries",
    "with_user_agent_suffix",
    "without_trailing_slash",
]
