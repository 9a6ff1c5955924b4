"""Every error the SDK raises, in one tree rooted at `AISDKError`, so users know what to catch.

```
AISDKError
├── APICallError                      an HTTP call failed (status, headers, body, is_retryable)
│   ├── APITimeoutError               ... because an httpx timeout fired (connect/read/write/pool)
│   └── EventTooLargeError            ... because one server-sent event passed the size limit
├── DownloadError                     fetching a URL given in a prompt failed
├── EmptyResponseBodyError            a streaming response had no body
├── InvalidArgumentError              an argument is invalid (`argument` / `parameter`, `value`)
├── InvalidDataContentError           file/image data is neither base64 text nor bytes
├── InvalidMessageRoleError
├── InvalidPromptError                the prompt cannot be used ("Invalid prompt: ...")
├── InvalidResponseDataError          the provider answered with an unexpected shape
├── InvalidStreamPartError
├── InvalidToolApprovalError
├── InvalidToolApprovalSignatureError
├── InvalidToolInputError             tool input failed to parse or validate
├── JSONParseError                    text is not valid JSON (keeps `text`)
├── LoadAPIKeyError                   no API key in the argument or the environment
├── LoadSettingError
├── MessageConversionError
├── MissingToolResultsError           tool calls in the history have no results
├── NoContentGeneratedError
├── NoImageGeneratedError
├── NoObjectGeneratedError            structured output failed (keeps `text`, `usage`, ...)
├── NoOutputGeneratedError            a stream ended without a finished step
├── NoSpeechGeneratedError
├── NoSuchModelError                  unknown model id
│   └── NoSuchProviderError           unknown provider in a registry id
├── NoSuchProviderReferenceError
├── NoSuchToolError                   the model called a tool that was not given
├── NoTranscriptGeneratedError
├── NoTranslationGeneratedError
├── NoVideoGeneratedError
├── RetryError                        every attempt failed (`reason`, `errors`, `last_error`)
├── SerializationError
├── StreamProviderError               the provider reported an error inside a started stream
├── TooManyEmbeddingValuesForCallError
├── ToolCallNotFoundForApprovalError
├── ToolCallRepairError
├── TypeValidationError               a value does not match its schema (keeps `value`)
├── UIMessageStreamError
├── UnsupportedFunctionalityError
└── UnsupportedModelVersionError
```

Check errors with `isinstance`; the SDK and its providers do. Every class also has an
`is_instance(obj)` classmethod (upstream's ``isInstance``), which checks a marker set on the class
instead of the class itself. It is needed only where `isinstance` cannot see the relation: a second
copy of the class, loaded twice through two import paths, a reload or a test runner's import mode.
This is the one place that says so; pickling needs no marker (an error unpickles into the class of
the same name).

Errors pickle (for multiprocessing and task queues) and never carry request headers, so an API key
cannot leak into a log through an error message.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal, Self, TypeAlias, TypedDict, TypeGuard, cast

from pydantic_core import ValidationError

__all__ = [
    "AISDKError",
    "APICallError",
    "APITimeoutError",
    "DownloadError",
    "EmptyResponseBodyError",
    "EventTooLargeError",
    "InvalidArgumentError",
    "InvalidDataContentError",
    "InvalidMessageRoleError",
    "InvalidPromptError",
    "InvalidResponseDataError",
    "InvalidStreamPartError",
    "InvalidToolApprovalError",
    "InvalidToolApprovalSignatureError",
    "InvalidToolInputError",
    "JSONParseError",
    "LoadAPIKeyError",
    "LoadSettingError",
    "MessageConversionError",
    "MissingToolResultsError",
    "ModelType",
    "NoContentGeneratedError",
    "NoImageGeneratedError",
    "NoObjectGeneratedError",
    "NoOutputGeneratedError",
    "NoSpeechGeneratedError",
    "NoSuchModelError",
    "NoSuchProviderError",
    "NoSuchProviderReferenceError",
    "NoSuchToolError",
    "NoTranscriptGeneratedError",
    "NoTranslationGeneratedError",
    "NoVideoGeneratedError",
    "RetryError",
    "RetryErrorReason",
    "SerializationError",
    "StreamProviderError",
    "TooManyEmbeddingValuesForCallError",
    "ToolCallNotFoundForApprovalError",
    "ToolCallRepairError",
    "TypeValidationContext",
    "TypeValidationError",
    "UIMessageStreamError",
    "UnsupportedFunctionalityError",
    "UnsupportedModelVersionError",
    "get_error_message",
    "is_retryable_status",
]

ModelType: TypeAlias = Literal[
    "languageModel",
    "embeddingModel",
    "imageModel",
    "transcriptionModel",
    "speechModel",
    "rerankingModel",
    "videoModel",
]
"""The kind of model a `NoSuchModelError` is about (the upstream names)."""

RetryErrorReason: TypeAlias = Literal["maxRetriesExceeded", "errorNotRetryable", "abort"]
"""Why `RetryError` gave up."""

_MODEL_TYPE_WORDS: dict[str, str] = {
    "languageModel": "language model",
    "embeddingModel": "embedding model",
    "imageModel": "image model",
    "transcriptionModel": "transcription model",
    "speechModel": "speech model",
    "rerankingModel": "reranking model",
    "videoModel": "video model",
}

_MAX_VALUE_CHARS = 2_000


def get_error_message(error: object) -> str:
    """A one-line description of any error-like value (what upstream's `getErrorMessage` does).

    `None` gives ``"unknown error"``, a string is returned as is, an exception gives its message
    (or its class name when the message is empty) and anything else its JSON text.
    """
    if error is None:
        return "unknown error"
    if isinstance(error, str):
        return error
    if isinstance(error, BaseException):
        return str(error) or type(error).__name__
    return _to_json_text(error)


def _to_json_text(value: object, limit: int | None = None) -> str:
    try:
        # JSON.stringify's compact form, as upstream's messages show JSON values.
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=repr)
    except (TypeError, ValueError):  # circular structures and the like
        text = repr(value)
    if limit is not None and len(text) > limit:
        return f"{text[:limit]}... ({len(text) - limit} more characters)"
    return text


def is_retryable_status(status_code: int | None) -> bool:
    """The default retry rule for an HTTP status: 408, 409, 429 and every 5xx."""
    return status_code is not None and (status_code in (408, 409, 429) or status_code >= 500)


def _restore(cls: type[AISDKError], args: tuple[Any, ...], state: dict[str, Any]) -> AISDKError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    cause = state.get("cause")
    if isinstance(cause, BaseException):
        error.__cause__ = cause
    return error


class AISDKError(Exception):
    """The root of every error the SDK raises.

    Args:
        message: what happened and, where possible, what to do about it.
        cause: the underlying error or value, if any; an exception is also chained as
            ``__cause__`` so tracebacks show it.
    """

    _marker: ClassVar[str] = "ai_sdk.AISDKError"
    _markers: ClassVar[frozenset[str]] = frozenset({"ai_sdk.AISDKError"})

    message: str
    """The error message (also ``str(error)``)."""
    cause: object
    """The underlying error or value, or ``None``."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        package = cls.__module__.partition(".")[0]
        cls._marker = f"{package}.{cls.__qualname__}"
        markers = {cls._marker}
        for base in cls.__mro__[1:]:
            markers |= getattr(base, "_markers", frozenset[str]())
        cls._markers = frozenset(markers)

    def __init__(self, message: str, *, cause: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause
        if isinstance(cause, BaseException):
            self.__cause__ = cause

    @classmethod
    def is_instance(cls, obj: object) -> TypeGuard[Self]:
        """Whether ``obj`` is an instance of this error class or of a subclass of it."""
        return cls._marker in getattr(type(obj), "_markers", ())

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructors break the default `cls(*args)` unpickling.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


# -- provider errors --------------------------------------------------------------------------


class APICallError(AISDKError):
    """A call to a provider's HTTP API failed.

    The request headers are deliberately not kept: they hold the API key.

    Args:
        message: the provider's error message, or a description of the failure.
        url: the URL that was called.
        request_body_values: the request body as it was before serialisation.
        status_code: the HTTP status, or ``None`` when no response arrived.
        response_headers: the response headers (keys are stored lower-case).
        response_body: the response body text.
        cause: the underlying error.
        is_retryable: whether trying again may help; by default true for 408, 409, 429 and 5xx.
        data: the parsed error body, when the provider's error schema matched.
    """

    url: str
    request_body_values: object
    status_code: int | None
    response_headers: dict[str, str] | None
    response_body: str | None
    is_retryable: bool
    data: object

    def __init__(
        self,
        message: str,
        *,
        url: str,
        request_body_values: object = None,
        status_code: int | None = None,
        response_headers: Mapping[str, str] | None = None,
        response_body: str | None = None,
        cause: object = None,
        is_retryable: bool | None = None,
        data: object = None,
    ) -> None:
        super().__init__(message, cause=cause)
        self.url = url
        self.request_body_values = request_body_values
        self.status_code = status_code
        self.response_headers = (
            {key.lower(): value for key, value in response_headers.items()}
            if response_headers is not None
            else None
        )
        self.response_body = response_body
        self.is_retryable = (
            is_retryable_status(status_code) if is_retryable is None else is_retryable
        )
        self.data = data


class APITimeoutError(APICallError):
    """An httpx timeout (connect, read, write or pool) fired during an API call.

    It is an `APICallError` with ``is_retryable=True`` and no status code, so the default retry
    policy tries again; raise the client's ``timeout=`` when generations take longer than it.
    """


class EventTooLargeError(APICallError):
    """One server-sent event grew past the size limit before it ended.

    A broken or hostile server streaming a line that never ends would otherwise grow the
    client's memory without bound. Not retryable. The limit is ``max_event_size`` of
    `create_event_source_response_handler` / `SSEParser` (default
    ``DEFAULT_MAX_EVENT_SIZE``, 16 MiB, or the ``AI_SDK_MAX_SSE_EVENT_SIZE`` environment
    variable in bytes).
    """

    limit: int
    """The limit in bytes that the event passed."""

    def __init__(self, message: str, *, url: str, limit: int, **kwargs: Any) -> None:
        super().__init__(message, url=url, is_retryable=False, **kwargs)
        self.limit = limit


class EmptyResponseBodyError(AISDKError):
    """A response that should have carried a stream had no body."""

    def __init__(self, message: str = "Empty response body") -> None:
        super().__init__(message)


class InvalidArgumentError(AISDKError):
    """A function argument is invalid.

    One class serves both upstream flavours: providers name the bad ``argument`` and give the whole
    message; the SDK functions name the ``parameter`` and its ``value``, and the message is
    prefixed with "Invalid argument for parameter <parameter>: ". ``argument`` and ``parameter``
    are always equal.

    Args:
        message: what is wrong and what is expected.
        argument: the argument name (provider flavour).
        parameter: the parameter name (SDK flavour); prefixes the message.
        value: the rejected value.
        cause: the underlying error.
    """

    argument: str
    parameter: str
    value: object

    def __init__(
        self,
        message: str,
        *,
        argument: str | None = None,
        parameter: str | None = None,
        value: object = None,
        cause: object = None,
    ) -> None:
        if parameter is not None:
            message = f"Invalid argument for parameter {parameter}: {message}"
        super().__init__(message, cause=cause)
        name = parameter if parameter is not None else argument
        self.argument = self.parameter = name if name is not None else ""
        self.value = value


class InvalidPromptError(AISDKError):
    """The prompt cannot be used; the message starts with "Invalid prompt: "."""

    prompt: object

    def __init__(self, message: str, *, prompt: object, cause: object = None) -> None:
        super().__init__(f"Invalid prompt: {message}", cause=cause)
        self.prompt = prompt


class InvalidResponseDataError(AISDKError):
    """The provider answered with data the SDK does not understand."""

    data: object

    def __init__(self, *, data: object, message: str | None = None) -> None:
        if message is None:
            message = f"Invalid response data: {_to_json_text(data, _MAX_VALUE_CHARS)}."
        super().__init__(message)
        self.data = data


class JSONParseError(AISDKError):
    """Text that should be JSON is not."""

    text: str

    def __init__(self, *, text: str, cause: object) -> None:
        shown = text if len(text) <= _MAX_VALUE_CHARS else f"{text[:_MAX_VALUE_CHARS]}..."
        super().__init__(
            f"JSON parsing failed: Text: {shown}.\nError message: {get_error_message(cause)}",
            cause=cause,
        )
        self.text = text


class LoadAPIKeyError(AISDKError):
    """No API key was given and none was found in the environment."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class LoadSettingError(AISDKError):
    """A required setting was given neither as an argument nor in the environment."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class NoContentGeneratedError(AISDKError):
    """The provider returned no content at all."""

    def __init__(self, message: str = "No content generated.") -> None:
        super().__init__(message)


class NoSuchModelError(AISDKError):
    """A provider does not know the model id."""

    model_id: str
    model_type: ModelType

    def __init__(self, *, model_id: str, model_type: ModelType, message: str | None = None) -> None:
        if message is None:
            kind = _MODEL_TYPE_WORDS.get(model_type, model_type)
            message = f"No such {kind}: {model_id}. Check the model id and the provider's models."
        super().__init__(message)
        self.model_id = model_id
        self.model_type = model_type


class NoSuchProviderReferenceError(AISDKError):
    """A provider reference (uploaded file ids by provider) has no entry for this provider."""

    provider: str
    reference: dict[str, str]

    def __init__(
        self, *, provider: str, reference: Mapping[str, str], message: str | None = None
    ) -> None:
        if message is None:
            message = (
                f"No provider reference found for provider '{provider}'. "
                f"Available providers: {', '.join(reference)}"
            )
        super().__init__(message)
        self.provider = provider
        self.reference = dict(reference)


class TooManyEmbeddingValuesForCallError(AISDKError):
    """More values were passed to one embedding call than the model accepts."""

    provider: str
    model_id: str
    max_embeddings_per_call: int
    values: list[object]

    def __init__(
        self,
        *,
        provider: str,
        model_id: str,
        max_embeddings_per_call: int,
        values: Sequence[object],
    ) -> None:
        super().__init__(
            "Too many values for a single embedding call. "
            f'The {provider} model "{model_id}" can only embed up to '
            f"{max_embeddings_per_call} values per call, but {len(values)} values were provided. "
            "Use embed_many, which splits the values into batches."
        )
        self.provider = provider
        self.model_id = model_id
        self.max_embeddings_per_call = max_embeddings_per_call
        self.values = list(values)


class TypeValidationContext(TypedDict, total=False):
    """Where a validated value came from; every key is optional."""

    field: str
    """A dotted path such as ``"message.parts[3].data"``."""
    entity_name: str
    """E.g. a tool name or a data type name."""
    entity_id: str
    """E.g. a message id or a tool call id."""


class TypeValidationError(AISDKError):
    """A value does not match its schema.

    Args:
        value: the value that failed validation.
        cause: the validator's error (a pydantic ``ValidationError`` keeps the error paths).
        context: where the value came from, used in the message.
    """

    value: object
    context: TypeValidationContext | None

    def __init__(
        self,
        *,
        value: object,
        cause: object,
        context: TypeValidationContext | None = None,
    ) -> None:
        ctx = context or None
        prefix = "Type validation failed"
        field = ctx.get("field") if ctx else None
        entity_name = ctx.get("entity_name") if ctx else None
        entity_id = ctx.get("entity_id") if ctx else None
        if field:
            prefix += f" for {field}"
        if entity_name or entity_id:
            parts = [entity_name] if entity_name else []
            if entity_id:
                parts.append(f'id: "{entity_id}"')
            prefix += f" ({', '.join(parts)})"
        super().__init__(
            f"{prefix}: Value: {_to_json_text(value, _MAX_VALUE_CHARS)}.\n"
            f"Error message: {_validation_message(cause)}",
            cause=cause,
        )
        self.value = value
        self.context = ctx

    @classmethod
    def wrap(
        cls, *, value: object, cause: object, context: TypeValidationContext | None = None
    ) -> TypeValidationError:
        """Return ``cause`` if it already is this error for the same value and context."""
        if (
            isinstance(cause, TypeValidationError)
            and cause.value is value
            and (cause.context or {}) == (context or {})
        ):
            return cause
        return cls(value=value, cause=cause, context=context)


def _validation_message(cause: object) -> str:
    """Pydantic errors as ``path.to.field: message`` lines; anything else via get_error_message."""
    if isinstance(cause, ValidationError):
        lines = [
            f"{'.'.join(str(p) for p in item['loc']) or '(root)'}: {item['msg']}"
            for item in cause.errors(include_url=False)
        ]
        if lines:
            return "; ".join(lines)
    return get_error_message(cause)


class UnsupportedFunctionalityError(AISDKError):
    """The model or provider does not support a requested feature."""

    functionality: str

    def __init__(self, *, functionality: str, message: str | None = None) -> None:
        super().__init__(message or f"'{functionality}' functionality not supported.")
        self.functionality = functionality


class SerializationError(AISDKError):
    """A value could not be serialised (e.g. to JSON for a request)."""

    def __init__(
        self, message: str = "Failed to serialize value.", *, cause: object = None
    ) -> None:
        super().__init__(message, cause=cause)


class DownloadError(AISDKError):
    """Downloading a URL (e.g. an image in a prompt that the model cannot fetch itself) failed."""

    url: str
    status_code: int | None
    status_text: str | None

    def __init__(
        self,
        *,
        url: str,
        status_code: int | None = None,
        status_text: str | None = None,
        cause: object = None,
        message: str | None = None,
    ) -> None:
        if message is None:
            if cause is None:
                message = f"Failed to download {url}: {status_code} {status_text}"
            else:
                message = f"Failed to download {url}: {get_error_message(cause)}"
        super().__init__(message, cause=cause)
        self.url = url
        self.status_code = status_code
        self.status_text = status_text


# -- SDK (ai package) errors ------------------------------------------------------------------


class NoSuchToolError(AISDKError):
    """The model called a tool that was not in the call's tools."""

    tool_name: str
    available_tools: list[str] | None

    def __init__(
        self,
        *,
        tool_name: str,
        available_tools: Sequence[str] | None = None,
        message: str | None = None,
    ) -> None:
        if message is None:
            available = (
                "No tools are available."
                if available_tools is None
                else f"Available tools: {', '.join(available_tools)}."
            )
            message = f"Model tried to call unavailable tool '{tool_name}'. {available}"
        super().__init__(message)
        self.tool_name = tool_name
        self.available_tools = list(available_tools) if available_tools is not None else None


class InvalidToolInputError(AISDKError):
    """The model's input for a tool is not valid JSON or does not match the tool's schema."""

    tool_name: str
    tool_input: str

    def __init__(
        self, *, tool_name: str, tool_input: str, cause: object, message: str | None = None
    ) -> None:
        if message is None:
            message = f"Invalid input for tool {tool_name}: {_validation_message(cause)}"
        super().__init__(message, cause=cause)
        self.tool_name = tool_name
        self.tool_input = tool_input


class ToolCallRepairError(AISDKError):
    """The tool-call repair hook itself failed."""

    original_error: NoSuchToolError | InvalidToolInputError

    def __init__(
        self,
        *,
        cause: object,
        original_error: NoSuchToolError | InvalidToolInputError,
        message: str | None = None,
    ) -> None:
        super().__init__(
            message or f"Error repairing tool call: {get_error_message(cause)}", cause=cause
        )
        self.original_error = original_error


class MissingToolResultsError(AISDKError):
    """Tool calls in the message history have no matching tool results."""

    tool_call_ids: list[str]

    def __init__(self, *, tool_call_ids: Sequence[str]) -> None:
        many = len(tool_call_ids) > 1
        super().__init__(
            f"Tool result{'s are' if many else ' is'} missing for tool call"
            f"{'s' if many else ''} {', '.join(tool_call_ids)}. "
            "Add a tool message with a result for each tool call before calling the model again."
        )
        self.tool_call_ids = list(tool_call_ids)


class InvalidToolApprovalError(AISDKError):
    """A tool approval response names an approval request that is not in the history (or
    answers one that was already answered)."""

    approval_id: str

    def __init__(self, *, approval_id: str, message: str | None = None) -> None:
        super().__init__(
            message
            or f'Tool approval response references unknown approvalId: "{approval_id}". '
            "No matching tool-approval-request found in message history."
        )
        self.approval_id = approval_id


class InvalidToolApprovalSignatureError(AISDKError):
    """A tool approval's signature did not verify."""

    approval_id: str
    tool_call_id: str

    def __init__(self, *, approval_id: str, tool_call_id: str, reason: str) -> None:
        super().__init__(
            f'Tool approval signature verification failed for approval "{approval_id}" '
            f'(tool call "{tool_call_id}"): {reason}'
        )
        self.approval_id = approval_id
        self.tool_call_id = tool_call_id


class ToolCallNotFoundForApprovalError(AISDKError):
    """An approval request refers to a tool call that does not exist."""

    tool_call_id: str
    approval_id: str

    def __init__(self, *, tool_call_id: str, approval_id: str) -> None:
        super().__init__(
            f'Tool call "{tool_call_id}" not found for approval request "{approval_id}".'
        )
        self.tool_call_id = tool_call_id
        self.approval_id = approval_id


class NoObjectGeneratedError(AISDKError):
    """Structured output could not be produced.

    The model may have answered nothing, or text that is not JSON, or JSON that does not match the
    schema; ``text`` keeps what it answered and ``cause`` the parse or validation error (with
    paths), to debug the prompt or schema.
    """

    text: str | None
    response: object
    usage: object
    finish_reason: object

    def __init__(
        self,
        message: str = "No object generated.",
        *,
        cause: object = None,
        text: str | None = None,
        response: object = None,
        usage: object = None,
        finish_reason: object = None,
    ) -> None:
        super().__init__(message, cause=cause)
        self.text = text
        self.response = response
        self.usage = usage
        self.finish_reason = finish_reason


class NoOutputGeneratedError(AISDKError):
    """No output was produced, e.g. a stream failed before any step finished; see ``cause``."""

    def __init__(self, message: str = "No output generated.", *, cause: object = None) -> None:
        super().__init__(message, cause=cause)


class NoImageGeneratedError(AISDKError):
    """No image could be generated or parsed from the model's response."""

    responses: list[object] | None

    def __init__(
        self,
        message: str = "No image generated.",
        *,
        cause: object = None,
        responses: Sequence[object] | None = None,
    ) -> None:
        super().__init__(message, cause=cause)
        self.responses = list(responses) if responses is not None else None


class NoSpeechGeneratedError(AISDKError):
    """No speech audio was generated."""

    responses: list[object]

    def __init__(self, *, responses: Sequence[object]) -> None:
        super().__init__("No speech audio generated.")
        self.responses = list(responses)


class NoTranscriptGeneratedError(AISDKError):
    """No transcript was generated."""

    responses: list[object]

    def __init__(self, *, responses: Sequence[object]) -> None:
        super().__init__("No transcript generated.")
        self.responses = list(responses)


class NoTranslationGeneratedError(AISDKError):
    """No translation was generated."""

    response: object

    def __init__(self, *, response: object) -> None:
        super().__init__("No translation generated.")
        self.response = response


class NoVideoGeneratedError(AISDKError):
    """No video was generated."""

    responses: list[object]

    def __init__(
        self,
        message: str = "No video generated.",
        *,
        cause: object = None,
        responses: Sequence[object] = (),
    ) -> None:
        super().__init__(message, cause=cause)
        self.responses = list(responses)


class StreamProviderError(AISDKError):
    """The provider reported an error after its stream had started (an ``error`` stream part).

    `stream_text` turns a well-formed error object a server sent (``{"message": ..., "type":
    ..., "code": ...}``, possibly nested under ``error``) into this, so callbacks and ``except``
    get an exception; other values pass through unchanged.
    """

    type: str | None
    """The provider's error type, e.g. ``server_error``."""
    code: str | int | None
    """The provider's error code."""
    status_code: int | None
    """An HTTP status the provider reported in the error, if any."""
    is_retryable: bool
    data: object
    """The error value as the provider sent it."""

    def __init__(
        self,
        message: str,
        *,
        type: str | None = None,
        code: str | int | None = None,
        status_code: int | None = None,
        is_retryable: bool | None = None,
        data: object = None,
        cause: object = None,
    ) -> None:
        super().__init__(message, cause=cause)
        self.type = type
        self.code = code
        self.status_code = status_code
        self.is_retryable = (
            is_retryable if is_retryable is not None else is_retryable_status(status_code)
        )
        self.data = data

    @classmethod
    def from_stream_error(cls, error: object) -> object:
        """A `StreamProviderError` for a well-formed error object a provider streamed; anything
        else as is. As upstream, the details are ``response.error`` if that is an object, else
        ``error`` if that is one, else the object itself, and they need a string ``message``."""
        if not isinstance(error, dict):
            return error
        outer = cast("dict[str, Any]", error)
        sent: object = outer
        response = outer.get("response")
        nested = (
            cast("dict[str, Any]", response).get("error") if isinstance(response, dict) else None
        )
        if not isinstance(nested, dict):
            nested = outer.get("error")
        details = cast("dict[str, Any]", nested) if isinstance(nested, dict) else outer
        message = details.get("message")
        if not isinstance(message, str):
            return sent
        both = (details, outer)
        kind = next((v for d in both if isinstance(v := d.get("type"), str)), None)
        code = next((v for d in both if type(v := d.get("code")) in (str, int)), None)
        status = next(
            (
                found
                for key in ("statusCode", "status_code", "status", "code")
                for d in both
                if (found := _status(d.get(key))) is not None
            ),
            None,
        )
        inferred = _MESSAGE_STATUS.get(message.strip().lower())
        retryable = next(
            (
                v
                for key in ("isRetryable", "is_retryable")
                for d in both
                if type(v := d.get(key)) is bool
            ),
            None,
        )
        if retryable is None and inferred is not None:
            retryable = True
        return cls(
            message,
            type=kind,
            code=code,
            status_code=status if status is not None else inferred,
            is_retryable=retryable,
            data=sent,
        )


# Messages that say what happened without a status (read as upstream reads them).
_MESSAGE_STATUS = {
    "overloaded": 503,
    "overloaded error": 503,
    "model overloaded": 503,
    "internal server error": 500,
    "service unavailable": 503,
}


def _status(value: object) -> int | None:
    if isinstance(value, str) and len(value) == 3 and value.isdigit():
        value = int(value)
    if type(value) is int and 400 <= value <= 599:
        return value
    return None


class InvalidStreamPartError(AISDKError):
    """A stream part is invalid in its position of the stream."""

    chunk: object

    def __init__(self, *, chunk: object, message: str) -> None:
        super().__init__(message)
        self.chunk = chunk


class UnsupportedModelVersionError(AISDKError):
    """A model implements a specification version this SDK does not support."""

    version: str
    provider: str
    model_id: str

    def __init__(self, *, version: str, provider: str, model_id: str) -> None:
        super().__init__(
            f'Unsupported model version {version} for provider "{provider}" and model '
            f'"{model_id}". This SDK supports models that implement specification version "v4"; '
            "upgrade the provider package."
        )
        self.version = version
        self.provider = provider
        self.model_id = model_id


class UIMessageStreamError(AISDKError):
    """A UI message stream has an invalid or out-of-order chunk."""

    chunk_type: str
    chunk_id: str

    def __init__(self, *, chunk_type: str, chunk_id: str, message: str) -> None:
        super().__init__(message)
        self.chunk_type = chunk_type
        self.chunk_id = chunk_id


class InvalidDataContentError(AISDKError):
    """File or image data is neither base64 text nor bytes."""

    content: object

    def __init__(
        self, *, content: object, cause: object = None, message: str | None = None
    ) -> None:
        if message is None:
            message = (
                "Invalid data content. Expected a base64 str, bytes, bytearray or memoryview, "
                f"but got {type(content).__name__}."
            )
        super().__init__(message, cause=cause)
        self.content = content


class InvalidMessageRoleError(AISDKError):
    """A message has a role other than system, user, assistant or tool."""

    role: str

    def __init__(self, *, role: str, message: str | None = None) -> None:
        super().__init__(
            message
            or f"Invalid message role: '{role}'. "
            'Must be one of: "system", "user", "assistant", "tool".'
        )
        self.role = role


class MessageConversionError(AISDKError):
    """A message could not be converted to the model's prompt format."""

    original_message: object

    def __init__(self, *, original_message: object, message: str) -> None:
        super().__init__(message)
        self.original_message = original_message


class NoSuchProviderError(NoSuchModelError):
    """A registry model id names a provider that is not registered."""

    provider_id: str
    available_providers: list[str]

    def __init__(
        self,
        *,
        model_id: str,
        model_type: ModelType,
        provider_id: str,
        available_providers: Sequence[str],
        message: str | None = None,
    ) -> None:
        if message is None:
            message = (
                f"No such provider: {provider_id} "
                f"(available providers: {', '.join(available_providers)})"
            )
        super().__init__(model_id=model_id, model_type=model_type, message=message)
        self.provider_id = provider_id
        self.available_providers = list(available_providers)


class RetryError(AISDKError):
    """Retrying gave up; ``errors`` holds the error of every attempt, oldest first.

    Args:
        message: e.g. "Failed after 3 attempts. Last error: ...".
        reason: ``"maxRetriesExceeded"``, ``"errorNotRetryable"`` or ``"abort"``.
        errors: the error of each attempt.
    """

    reason: RetryErrorReason
    errors: list[object]
    last_error: object

    def __init__(self, message: str, *, reason: RetryErrorReason, errors: Sequence[object]) -> None:
        last = errors[-1] if errors else None
        super().__init__(message, cause=last)
        self.reason = reason
        self.errors = list(errors)
        self.last_error = last
