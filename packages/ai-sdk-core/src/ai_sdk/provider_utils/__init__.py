"""What provider packages build on: HTTP calls and response handlers, SSE, retries, settings,
ids, headers, media, JSON and schemas.

Providers import from here and from `ai_sdk.provider` only; every name below is public API.
"""

from ai_sdk.provider._errors import get_error_message
from ai_sdk.provider_utils._client import DEFAULT_TIMEOUT, HTTPClientHolder
from ai_sdk.provider_utils._event_stream import (
    EventTransformer,
    JSONEventStream,
    create_event_source_response_handler,
)
from ai_sdk.provider_utils._handlers import (
    ResponseHandler,
    ResponseResult,
    create_binary_response_handler,
    create_json_error_response_handler,
    create_json_response_handler,
    create_status_code_error_response_handler,
    response_headers_of,
    transport_error_to_api_error,
)
from ai_sdk.provider_utils._headers import (
    RUNTIME_USER_AGENT,
    SDK_USER_AGENT,
    HeadersInput,
    build_user_agent,
    combine_headers,
    normalize_headers,
    with_user_agent_suffix,
)
from ai_sdk.provider_utils._http import get_json, post_json, post_to_api
from ai_sdk.provider_utils._ids import (
    DEFAULT_ID_ALPHABET,
    IdGenerator,
    create_id_generator,
    generate_id,
)
from ai_sdk.provider_utils._json import (
    JSONValue,
    PartialJSONState,
    is_parsable_json,
    parse_json,
    parse_partial_json,
    safe_parse_json,
)
from ai_sdk.provider_utils._media import (
    DataContent,
    convert_base64_to_bytes,
    convert_bytes_to_base64,
    convert_to_base64,
    create_data_url,
    detect_media_type,
    split_data_url,
)
from ai_sdk.provider_utils._parse_result import ParseFailure, ParseResult, ParseSuccess
from ai_sdk.provider_utils._retry import (
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_INITIAL_DELAY,
    DEFAULT_MAX_RETRIES,
    is_retryable_error,
    retry_delay,
    retry_with_backoff,
    validate_max_retries,
)
from ai_sdk.provider_utils._schema import (
    JSONSchema,
    Schema,
    SchemaLike,
    add_additional_properties_false,
    as_schema,
    inline_json_schema_refs,
    json_schema,
    remove_strict_nulls,
    to_strict_json_schema,
)
from ai_sdk.provider_utils._settings import load_api_key, load_optional_setting, load_setting
from ai_sdk.provider_utils._sse import (
    DEFAULT_MAX_EVENT_SIZE,
    MAX_EVENT_SIZE_ENV,
    EventSizeLimitExceeded,
    ServerSentEvent,
    SSEParser,
)
from ai_sdk.provider_utils._utils import (
    Resolvable,
    is_url_supported,
    remove_none_entries,
    resolve,
    without_trailing_slash,
)

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
    "DataContent",
    "EventSizeLimitExceeded",
    "EventTransformer",
    "HTTPClientHolder",
    "HeadersInput",
    "IdGenerator",
    "JSONEventStream",
    "JSONSchema",
    "JSONValue",
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
