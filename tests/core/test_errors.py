"""The error tree: fields, messages, pickling, and `is_instance` for a class loaded twice."""

from __future__ import annotations

import pickle

import pytest
from pydantic import BaseModel, ValidationError

from ai_sdk.provider import _errors
from ai_sdk.provider._errors import (
    AISDKError,
    APICallError,
    APITimeoutError,
    DownloadError,
    EmptyResponseBodyError,
    EventTooLargeError,
    InvalidArgumentError,
    InvalidDataContentError,
    InvalidMessageRoleError,
    InvalidPromptError,
    InvalidResponseDataError,
    InvalidStreamPartError,
    InvalidToolApprovalError,
    InvalidToolApprovalSignatureError,
    InvalidToolInputError,
    JSONParseError,
    LoadAPIKeyError,
    LoadSettingError,
    MessageConversionError,
    MissingToolResultsError,
    NoContentGeneratedError,
    NoImageGeneratedError,
    NoObjectGeneratedError,
    NoOutputGeneratedError,
    NoSpeechGeneratedError,
    NoSuchModelError,
    NoSuchProviderError,
    NoSuchProviderReferenceError,
    NoSuchToolError,
    NoTranscriptGeneratedError,
    NoTranslationGeneratedError,
    NoVideoGeneratedError,
    RetryError,
    SerializationError,
    StreamProviderError,
    ToolCallNotFoundForApprovalError,
    ToolCallRepairError,
    TooManyEmbeddingValuesForCallError,
    TypeValidationError,
    UIMessageStreamError,
    UnsupportedFunctionalityError,
    UnsupportedModelVersionError,
)

SAMPLES: list[AISDKError] = [
    AISDKError("root", cause=ValueError("v")),
    APICallError(
        "Too many requests",
        url="https://api/x",
        request_body_values={"model": "m"},
        status_code=429,
        response_headers={"Retry-After": "1"},
        response_body='{"error": "slow"}',
        data={"error": "slow"},
    ),
    APITimeoutError("timed out", url="https://api/x", is_retryable=True),
    DownloadError(url="https://x/a.png", status_code=404, status_text="Not Found"),
    EmptyResponseBodyError(),
    InvalidArgumentError("bad", argument="provider_options"),
    InvalidDataContentError(content=3),
    InvalidMessageRoleError(role="robot"),
    InvalidPromptError("messages must not be empty", prompt={"messages": []}),
    InvalidResponseDataError(data={"weird": True}),
    InvalidStreamPartError(chunk={"type": "x"}, message="out of order"),
    InvalidToolApprovalError(approval_id="a1"),
    InvalidToolApprovalSignatureError(approval_id="a1", tool_call_id="c1", reason="expired"),
    InvalidToolInputError(tool_name="weather", tool_input="{", cause=ValueError("eof")),
    JSONParseError(text="{", cause=ValueError("eof")),
    LoadAPIKeyError("no key"),
    LoadSettingError("no setting"),
    MessageConversionError(original_message={"role": "user"}, message="cannot convert"),
    MissingToolResultsError(tool_call_ids=["c1", "c2"]),
    NoContentGeneratedError(),
    NoImageGeneratedError(responses=[{"id": 1}]),
    NoObjectGeneratedError(text="not json", usage={"output_tokens": 3}, finish_reason="stop"),
    NoOutputGeneratedError(),
    NoSpeechGeneratedError(responses=[]),
    NoSuchModelError(model_id="gpt-x", model_type="languageModel"),
    NoSuchProviderError(
        model_id="p:m", model_type="embeddingModel", provider_id="p", available_providers=["a"]
    ),
    NoSuchProviderReferenceError(provider="anthropic", reference={"openai": "file-1"}),
    NoSuchToolError(tool_name="search", available_tools=["weather"]),
    NoTranscriptGeneratedError(responses=[]),
    NoTranslationGeneratedError(response={}),
    NoVideoGeneratedError(responses=[]),
    RetryError("Failed after 3 attempts.", reason="maxRetriesExceeded", errors=[ValueError("e")]),
    SerializationError(cause=TypeError("t")),
    TooManyEmbeddingValuesForCallError(
        provider="p", model_id="m", max_embeddings_per_call=2, values=[1, 2, 3]
    ),
    ToolCallNotFoundForApprovalError(tool_call_id="c1", approval_id="a1"),
    ToolCallRepairError(
        cause=ValueError("repair failed"), original_error=NoSuchToolError(tool_name="t")
    ),
    TypeValidationError(value={"a": 1}, cause=ValueError("bad")),
    UIMessageStreamError(chunk_type="text-delta", chunk_id="t1", message="no start"),
    UnsupportedFunctionalityError(functionality="image input"),
    UnsupportedModelVersionError(version="v2", provider="p", model_id="m"),
    EventTooLargeError("too large", url="https://api/x", limit=10, status_code=200),
    StreamProviderError(
        "overloaded", type="server_error", code=529, data={"message": "overloaded"}
    ),
]


def test_every_exported_class_has_a_sample() -> None:
    exported = {
        getattr(_errors, name)
        for name in _errors.__all__
        if isinstance(getattr(_errors, name), type)
        and issubclass(getattr(_errors, name), AISDKError)
    }
    assert exported == {type(sample) for sample in SAMPLES}


@pytest.mark.parametrize("error", SAMPLES, ids=lambda e: type(e).__name__)
def test_pickle_round_trip_keeps_every_field(error: AISDKError) -> None:
    clone = pickle.loads(pickle.dumps(error))
    assert type(clone) is type(error)
    assert str(clone) == str(error) == error.message
    assert clone.args == error.args
    assert {k: repr(v) for k, v in vars(clone).items()} == {
        k: repr(v) for k, v in vars(error).items()
    }
    if isinstance(error.cause, BaseException):
        assert isinstance(clone.__cause__, type(error.cause))


@pytest.mark.parametrize("error", SAMPLES, ids=lambda e: type(e).__name__)
def test_is_instance_markers_agree_with_isinstance(error: AISDKError) -> None:
    classes = [type(sample) for sample in SAMPLES]
    assert [cls for cls in classes if cls.is_instance(error)] == [
        cls for cls in classes if isinstance(error, cls)
    ]


def test_is_instance_rejects_non_errors_and_classes() -> None:
    assert (
        AISDKError.is_instance(ValueError("x")),
        AISDKError.is_instance(None),
        APICallError.is_instance(APICallError),
    ) == (False, False, False)


def test_is_instance_survives_a_second_copy_of_the_class() -> None:
    # What a duplicated module (two import paths, reloads) would produce: same name, other class.
    # This is what the markers are for; everywhere else the SDK and its tests use isinstance.
    namespace: dict[str, object] = {"AISDKError": AISDKError, "__name__": "ai_sdk.provider._errors"}
    exec("class APICallError(AISDKError):\n    pass\n", namespace)
    twin = namespace["APICallError"]
    assert isinstance(twin, type)
    assert twin is not APICallError
    assert not isinstance(twin("from the twin"), APICallError)
    assert APICallError.is_instance(twin("from the twin"))


def test_cause_is_chained() -> None:
    root = ValueError("root")
    error = AISDKError("wrapped", cause=root)
    assert (error.cause, error.__cause__) == (root, root)
    assert AISDKError("no cause").__cause__ is None
    assert AISDKError("value cause", cause={"x": 1}).__cause__ is None


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        *[(None, False), (400, False), (401, False), (404, False), (408, True), (409, True)],
        *[(429, True), (499, False), (500, True), (503, True), (599, True)],
    ],
)
def test_api_call_error_default_retry_rule(status: int | None, expected: bool) -> None:
    assert APICallError("x", url="u", status_code=status).is_retryable is expected
    assert APICallError("x", url="u", status_code=status, is_retryable=True).is_retryable is True


def test_api_call_error_fields_and_no_request_headers() -> None:
    error = SAMPLES[1]
    assert isinstance(error, APICallError)
    assert vars(error) == {
        "message": "Too many requests",
        "cause": None,
        "url": "https://api/x",
        "request_body_values": {"model": "m"},
        "status_code": 429,
        "response_headers": {"retry-after": "1"},  # lower-cased
        "response_body": '{"error": "slow"}',
        "is_retryable": True,
        "data": {"error": "slow"},
    }


def test_invalid_argument_error_serves_both_flavours() -> None:
    provider = InvalidArgumentError("invalid openai provider options", argument="provider_options")
    assert (provider.message, provider.argument, provider.parameter, provider.value) == (
        "invalid openai provider options",
        "provider_options",
        "provider_options",
        None,
    )
    sdk = InvalidArgumentError("must be >= 0", parameter="max_retries", value=-1)
    assert (sdk.message, sdk.argument, sdk.parameter, sdk.value) == (
        "Invalid argument for parameter max_retries: must be >= 0",
        "max_retries",
        "max_retries",
        -1,
    )


def test_messages() -> None:
    assert [str(e) for e in SAMPLES[3:4] + SAMPLES[7:9] + SAMPLES[13:15]] == [
        "Failed to download https://x/a.png: 404 Not Found",
        'Invalid message role: \'robot\'. Must be one of: "system", "user", "assistant", "tool".',
        "Invalid prompt: messages must not be empty",
        "Invalid input for tool weather: eof",
        "JSON parsing failed: Text: {.\nError message: eof",
    ]
    assert str(NoSuchToolError(tool_name="x")) == (
        "Model tried to call unavailable tool 'x'. No tools are available."
    )
    assert str(NoSuchToolError(tool_name="x", available_tools=["a", "b"])) == (
        "Model tried to call unavailable tool 'x'. Available tools: a, b."
    )
    assert str(MissingToolResultsError(tool_call_ids=["c1"])).startswith(
        "Tool result is missing for tool call c1."
    )
    assert str(MissingToolResultsError(tool_call_ids=["c1", "c2"])).startswith(
        "Tool results are missing for tool calls c1, c2."
    )
    assert str(NoSuchModelError(model_id="m", model_type="imageModel")).startswith(
        "No such image model: m."
    )
    assert str(SAMPLES[25]) == "No such provider: p (available providers: a)"
    assert "Use embed_many" in str(SAMPLES[33])
    assert (
        str(UnsupportedFunctionalityError(functionality="x")) == "'x' functionality not supported."
    )
    assert str(DownloadError(url="u", cause=OSError("refused"))) == "Failed to download u: refused"


def test_no_such_provider_error_is_a_no_such_model_error() -> None:
    error = SAMPLES[25]
    assert isinstance(error, NoSuchProviderError)
    assert isinstance(error, NoSuchModelError)
    assert (error.model_id, error.model_type, error.provider_id, error.available_providers) == (
        "p:m",
        "embeddingModel",
        "p",
        ["a"],
    )


def test_retry_error_fields() -> None:
    first, last = ValueError("1"), ValueError("2")
    error = RetryError("gave up", reason="errorNotRetryable", errors=[first, last])
    assert (error.reason, error.errors, error.last_error, error.__cause__) == (
        "errorNotRetryable",
        [first, last],
        last,
        last,
    )


def test_type_validation_error_context_and_wrap() -> None:
    class M(BaseModel):
        a: int

    try:
        M.model_validate({"a": "x"})
    except ValidationError as validation_error:
        cause = validation_error
    value = {"a": "x"}
    error = TypeValidationError(
        value=value, cause=cause, context={"field": "tool input", "entity_id": "call-1"}
    )
    assert error.message == (
        'Type validation failed for tool input (id: "call-1"): Value: {"a":"x"}.\n'
        "Error message: a: Input should be a valid integer, unable to parse string as an integer"
    )
    same = TypeValidationError.wrap(
        value=value, cause=error, context={"field": "tool input", "entity_id": "call-1"}
    )
    assert same is error
    other = TypeValidationError.wrap(value=value, cause=error, context={"field": "other"})
    assert other is not error
    assert other.cause is error


def test_long_values_are_shortened_in_messages_only() -> None:
    value = "x" * 5000
    error = TypeValidationError(value=value, cause="bad")
    assert error.value == value
    assert len(error.message) < 2200
    assert "more characters" in error.message
