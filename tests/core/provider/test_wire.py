"""The wire rules: names, bytes, timestamps, nulls, headers, leniency, immutability."""

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone

import pydantic
import pytest
from pydantic import TypeAdapter

import ai_sdk.provider as p

STREAM_PART = TypeAdapter(p.StreamPart)


def test_snake_case_construction_equals_parsed_camel_case_json() -> None:
    built = p.ToolCallContent(
        tool_call_id="call_1", tool_name="weather", input='{"city":"Paris"}', provider_executed=True
    )
    parsed = TypeAdapter(p.ToolCallContent).validate_python(
        {
            "type": "tool-call",
            "toolCallId": "call_1",
            "toolName": "weather",
            "input": '{"city":"Paris"}',
            "providerExecuted": True,
        }
    )

    assert built == parsed
    assert p.to_wire(built) == {
        "type": "tool-call",
        "toolCallId": "call_1",
        "toolName": "weather",
        "input": '{"city":"Paris"}',
        "providerExecuted": True,
    }


def test_snake_case_names_are_accepted_on_input_too() -> None:
    assert STREAM_PART.validate_python(
        {"type": "text-delta", "id": "0", "delta": "x", "provider_metadata": {"a": {}}}
    ) == p.TextDelta(id="0", delta="x", provider_metadata={"a": {}})


def test_type_tags_default_so_parts_need_only_their_data() -> None:
    assert p.to_wire(p.TextPart(text="hi")) == {"type": "text", "text": "hi"}
    assert p.to_wire(p.UrlSource(id="s", url="https://x")) == {
        "type": "source",
        "sourceType": "url",
        "id": "s",
        "url": "https://x",
    }
    assert p.to_wire(p.SystemMessage(content="Be brief.")) == {
        "role": "system",
        "content": "Be brief.",
    }


def test_a_full_prompt_built_in_python_dumps_to_gateway_json() -> None:
    options = p.CallOptions(
        prompt=[
            p.SystemMessage(content="Be brief."),
            p.UserMessage(
                content=[
                    p.TextPart(text="Describe"),
                    p.FilePart(data=p.FileDataBytes(data=b"\x89PNG"), media_type="image/png"),
                ]
            ),
            p.AssistantMessage(
                content=[
                    p.ToolCallPart(tool_call_id="c1", tool_name="weather", input={"city": "Paris"})
                ]
            ),
            p.ToolMessage(
                content=[
                    p.ToolResultPart(
                        tool_call_id="c1", tool_name="weather", output=p.JsonOutput(value={"t": 22})
                    )
                ]
            ),
        ],
        max_output_tokens=256,
        temperature=0.2,
        reasoning="low",
        tools=[p.FunctionTool(name="weather", input_schema={"type": "object", "properties": {}})],
        tool_choice=p.AutoToolChoice(),
        response_format=p.TextResponseFormat(),
        provider_options={"gateway": {"order": ["vertex", "anthropic"]}},
        headers={"x-a": "1"},
    )

    assert p.to_wire(options) == {
        "prompt": [
            {"role": "system", "content": "Be brief."},
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "Describe"},
                    {
                        "type": "file",
                        "data": {"type": "data", "data": "iVBORw=="},
                        "mediaType": "image/png",
                    },
                ],
            },
            {
                "role": "assistant",
                "content": [
                    {
                        "type": "tool-call",
                        "toolCallId": "c1",
                        "toolName": "weather",
                        "input": {"city": "Paris"},
                    }
                ],
            },
            {
                "role": "tool",
                "content": [
                    {
                        "type": "tool-result",
                        "toolCallId": "c1",
                        "toolName": "weather",
                        "output": {"type": "json", "value": {"t": 22}},
                    }
                ],
            },
        ],
        "maxOutputTokens": 256,
        "temperature": 0.2,
        "reasoning": "low",
        "tools": [
            {
                "type": "function",
                "name": "weather",
                "inputSchema": {"type": "object", "properties": {}},
            }
        ],
        "toolChoice": {"type": "auto"},
        "responseFormat": {"type": "text"},
        "providerOptions": {"gateway": {"order": ["vertex", "anthropic"]}},
        "headers": {"x-a": "1"},
    }


# --- bytes ----------------------------------------------------------------------------------


def test_bytes_become_standard_base64_on_the_wire_and_stay_bytes_in_python() -> None:
    raw = bytes([0xFB, 0xFF, 0xBF, 0x00])  # encodes to characters that differ in URL-safe base64
    part = p.FileDataBytes(data=raw)

    assert p.to_wire(part) == {"type": "data", "data": "+/+/AA=="}
    assert part.model_dump(by_alias=True, exclude_none=True) == {"type": "data", "data": raw}
    assert part.data == raw


def test_base64_text_is_passed_through_unchanged() -> None:
    part = p.FileDataBytes.model_validate_json('{"type": "data", "data": "+/+/AA=="}')

    assert part.data == "+/+/AA=="
    assert p.to_wire(part) == {"type": "data", "data": "+/+/AA=="}


@pytest.mark.parametrize(
    ("model", "wire"),
    [
        (
            p.ImageFileData(media_type="image/png", data=b"\x00\x01"),
            {"type": "file", "mediaType": "image/png", "data": "AAE="},
        ),
        (
            p.FileContent(media_type="image/png", data=p.FileDataBytes(data=b"\x00\x01")),
            {"type": "file", "mediaType": "image/png", "data": {"type": "data", "data": "AAE="}},
        ),
        (
            p.ReasoningFilePart(media_type="image/png", data=p.FileDataBytes(data=b"\x00\x01")),
            {
                "type": "reasoning-file",
                "mediaType": "image/png",
                "data": {"type": "data", "data": "AAE="},
            },
        ),
        (
            p.ContentOutputFile(media_type="image/png", data=p.FileDataBytes(data=b"\x00\x01")),
            {"type": "file", "mediaType": "image/png", "data": {"type": "data", "data": "AAE="}},
        ),
    ],
)
def test_bytes_are_base64_everywhere_files_appear(
    model: p.WireModel, wire: dict[str, object]
) -> None:
    assert p.to_wire(model) == wire


def test_image_result_bytes_images_become_base64() -> None:
    result = p.ImageResult(
        images=[b"\x00\x01", b"\xff"],
        response=p.ImageResponseInfo(timestamp=datetime(2026, 1, 2, tzinfo=UTC), model_id="m"),
    )

    assert p.to_wire(result) == {
        "images": ["AAE=", "/w=="],
        "warnings": [],
        "response": {"timestamp": "2026-01-02T00:00:00.000Z", "modelId": "m"},
    }


# --- timestamps -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "wire"),
    [
        (datetime(2024, 3, 1, 12, 0, tzinfo=UTC), "2024-03-01T12:00:00.000Z"),
        (
            datetime(2024, 3, 1, 12, 0, 5, 123987, tzinfo=UTC),
            "2024-03-01T12:00:05.123Z",
        ),  # truncated, like JS
        (
            datetime(2024, 3, 1, 13, 30, tzinfo=timezone(timedelta(hours=1, minutes=30))),
            "2024-03-01T12:00:00.000Z",
        ),
        (datetime(2024, 3, 1, 12, 0), "2024-03-01T12:00:00.000Z"),  # naive is read as UTC
    ],
)
def test_timestamps_serialize_like_js_to_iso_string(value: datetime, wire: str) -> None:
    part = p.ResponseMetadata(timestamp=value)

    assert p.to_wire(part) == {"type": "response-metadata", "timestamp": wire}
    assert STREAM_PART.dump_python(part, exclude_none=True)["timestamp"] is value


def test_iso_timestamps_parse_to_aware_datetimes() -> None:
    part = STREAM_PART.validate_json(
        '{"type": "response-metadata", "id": "r", "timestamp": "2026-08-01T10:00:00.250Z"}'
    )

    assert part == p.ResponseMetadata(
        id="r", timestamp=datetime(2026, 8, 1, 10, 0, 0, 250000, tzinfo=UTC)
    )
    assert isinstance(part, p.ResponseMetadata)
    assert part.timestamp is not None
    assert part.timestamp.utcoffset() == timedelta(0)


def test_generate_result_response_timestamp_round_trips() -> None:
    result = p.GenerateResult(
        content=[p.TextContent(text="hi")],
        finish_reason=p.FinishReason(unified="stop", raw="stop"),
        usage=p.Usage(input_tokens=p.InputTokens(total=3), output_tokens=p.OutputTokens(total=1)),
        response=p.ResponseInfo(
            id="r", timestamp=datetime(2026, 8, 1, 10, tzinfo=UTC), model_id="m"
        ),
    )
    wire = p.to_wire(result)

    assert wire == {
        "content": [{"type": "text", "text": "hi"}],
        "finishReason": {"unified": "stop", "raw": "stop"},
        "usage": {"inputTokens": {"total": 3}, "outputTokens": {"total": 1}},
        "response": {"id": "r", "timestamp": "2026-08-01T10:00:00.000Z", "modelId": "m"},
        "warnings": [],
    }
    assert p.GenerateResult.model_validate(wire) == result


# --- None, null and unknowns ----------------------------------------------------------------


def test_unknown_usage_is_none_never_zero() -> None:
    usage = p.Usage()

    assert usage.input_tokens == p.InputTokens(
        total=None, no_cache=None, cache_read=None, cache_write=None
    )
    assert usage.output_tokens == p.OutputTokens(total=None, text=None, reasoning=None)
    assert p.to_wire(usage) == {"inputTokens": {}, "outputTokens": {}}
    assert (
        p.Usage.model_validate({"inputTokens": {"total": 0}, "outputTokens": {}}).input_tokens.total
        == 0
    )


@pytest.mark.parametrize(
    ("model", "wire"),
    [
        (p.JsonOutput(value=None), {"type": "json", "value": None}),
        (p.ErrorJsonOutput(value=None), {"type": "error-json", "value": None}),
        (
            p.ToolCallPart(tool_call_id="c", tool_name="t", input=None),
            {"type": "tool-call", "toolCallId": "c", "toolName": "t", "input": None},
        ),
        (p.Raw(raw_value=None), {"type": "raw", "rawValue": None}),
        (p.ErrorPart(error=None), {"type": "error", "error": None}),
    ],
)
def test_json_null_values_are_kept_while_absent_fields_are_dropped(
    model: p.WireModel | p.WireData, wire: dict[str, object]
) -> None:
    adapter: TypeAdapter[object] = TypeAdapter(type(model))

    assert p.to_wire(model) == wire
    assert json.loads(adapter.dump_json(model, by_alias=True, exclude_none=True)) == wire


def test_kept_null_respects_snake_case_dumps_and_exclude() -> None:
    raw = p.Raw(raw_value=None)
    output = p.JsonOutput(value=None)

    assert STREAM_PART.dump_python(raw, exclude_none=True) == {"type": "raw", "raw_value": None}
    assert STREAM_PART.dump_python(raw, exclude_none=True, exclude={"raw_value"}) == {"type": "raw"}
    assert STREAM_PART.dump_python(raw) == {"type": "raw", "raw_value": None}
    assert output.model_dump(exclude_none=True) == {"type": "json", "value": None}
    assert output.model_dump(exclude_none=True, exclude={"value"}) == {"type": "json"}


def test_nulls_inside_json_values_are_kept() -> None:
    part = p.TextStart(id="0", provider_metadata={"x": {"a": None, "b": [None]}})

    assert p.to_wire(part) == {
        "type": "text-start",
        "id": "0",
        "providerMetadata": {"x": {"a": None, "b": [None]}},
    }


def test_header_removals_are_left_out_on_the_wire_but_kept_in_python() -> None:
    options = p.CallOptions(prompt=[], headers={"x-keep": "1", "x-remove": None})

    assert options.headers == {"x-keep": "1", "x-remove": None}
    assert p.to_wire(options) == {"prompt": [], "headers": {"x-keep": "1"}}
    assert p.to_wire(p.ImageCallOptions(headers={"a": None})) == {
        "n": 1,
        "providerOptions": {},
        "headers": {},
    }
    assert p.to_wire(p.EmbeddingCallOptions(values=["v"], headers={"a": None, "b": "2"})) == {
        "values": ["v"],
        "headers": {"b": "2"},
    }


def test_error_part_serializes_an_exception_as_name_and_message() -> None:
    part = p.ErrorPart(error=ValueError("chunk could not be parsed"))

    assert p.to_wire(part) == {
        "type": "error",
        "error": {"name": "ValueError", "message": "chunk could not be parsed"},
    }
    assert isinstance(part.error, ValueError)


def test_unknown_values_that_json_cannot_express_fall_back_to_text() -> None:
    class Opaque:
        def __str__(self) -> str:
            return "opaque!"

    assert p.to_wire(p.Raw(raw_value={"chunk": Opaque(), "ok": [1]})) == {
        "type": "raw",
        "rawValue": {"chunk": "opaque!", "ok": [1]},
    }


def test_json_values_reject_non_json_python_objects() -> None:
    with pytest.raises(pydantic.ValidationError):
        p.JsonOutput(value={"a": (1, 2)})  # type: ignore[dict-item]


# --- leniency and immutability --------------------------------------------------------------


def test_unknown_extra_keys_are_ignored() -> None:
    part = STREAM_PART.validate_json(
        '{"type": "text-delta", "id": "0", "delta": "x", "logprobs": [1], "newField": {"a": 1}}'
    )
    message = p.UserMessage.model_validate(
        {"role": "user", "content": [{"type": "text", "text": "hi", "cache": True}], "name": "bob"}
    )

    assert part == p.TextDelta(id="0", delta="x")
    assert p.to_wire(part) == {"type": "text-delta", "id": "0", "delta": "x"}
    assert p.to_wire(message) == {"role": "user", "content": [{"type": "text", "text": "hi"}]}


def test_parts_and_results_are_immutable() -> None:
    start = p.TextStart(id="0")
    content = p.TextContent(text="x")
    result = p.GenerateResult(
        content=[content],
        finish_reason=p.FinishReason(unified="stop", raw=None),
        usage=p.Usage(input_tokens=p.InputTokens(), output_tokens=p.OutputTokens()),
    )

    with pytest.raises(dataclasses.FrozenInstanceError):
        start.id = "1"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.text = "y"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        result.content = []  # type: ignore[misc]
    assert dataclasses.replace(start, id="1") == p.TextStart(id="1")
    assert dataclasses.replace(content, text="y") == p.TextContent(text="y")


def test_per_token_parts_are_not_frozen_but_replace_works_alike() -> None:
    # A frozen dataclass sets each field through `object.__setattr__`: about twice the cost of
    # building the part, on the per-token path. They are read-only by convention.
    delta = p.TextDelta(id="0", delta="x")

    assert dataclasses.replace(delta, delta="y") == p.TextDelta(id="0", delta="y")
    assert delta == p.TextDelta(id="0", delta="x")
    assert [
        cls.__name__
        for cls in (p.TextDelta, p.ReasoningDelta, p.ToolInputDelta, p.TextStart, p.Finish)
        if cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    ] == ["TextStart", "Finish"]


def test_json_response_format_schema_is_reachable_by_both_names() -> None:
    schema: p.JSONObject = {"type": "object"}

    assert p.JsonResponseFormat(schema=schema) == p.JsonResponseFormat(schema_=schema)  # type: ignore[call-arg]
    assert p.JsonResponseFormat(schema=schema).schema_ == schema


def test_stream_parts_are_slotted_dataclasses_with_a_type_field() -> None:
    delta = p.TextDelta(id="0", delta="x")

    assert dataclasses.is_dataclass(delta)
    assert not hasattr(delta, "__dict__")
    assert dataclasses.asdict(delta) == {
        "type": "text-delta",
        "id": "0",
        "delta": "x",
        "provider_metadata": None,
    }


def test_content_is_slotted_frozen_plain_data_that_results_hold_as_is() -> None:
    file = p.FileContent(media_type="image/png", data=p.FileDataBytes(data=b"\x89PNG\x00\xff"))
    call = p.ToolCallContent(tool_call_id="c", tool_name="t", input="{}", dynamic=True)
    result = p.GenerateResult(
        content=[file, call],
        finish_reason=p.FinishReason(unified="tool-calls", raw="tool_calls"),
        usage=p.Usage(input_tokens=p.InputTokens(total=1), output_tokens=p.OutputTokens(total=2)),
    )

    content_classes = [
        p.TextContent, p.ReasoningContent, p.CustomContent, p.FileContent,
        p.ReasoningFileContent, p.ToolApprovalRequestContent, p.UrlSource, p.DocumentSource,
        p.ToolCallContent, p.ToolResultContent,
    ]  # fmt: skip
    assert [
        (issubclass(cls, p.WireData), hasattr(cls, "__slots__"), cls.__dataclass_params__.frozen)  # type: ignore[attr-defined]
        for cls in content_classes
    ] == [(True, True, True)] * len(content_classes)
    # Built without validation and held as-is by the pydantic result (not copied).
    assert [item is held for item, held in zip([file, call], result.content, strict=True)] == [
        True,
        True,
    ]
    file_wire = {
        "type": "file",
        "mediaType": "image/png",
        "data": {"type": "data", "data": "iVBORwD/"},
    }
    call_wire = {
        "type": "tool-call",
        "toolCallId": "c",
        "toolName": "t",
        "input": "{}",
        "dynamic": True,
    }
    assert p.to_wire(result) == {
        "content": [file_wire, call_wire],
        "finishReason": {"unified": "tool-calls", "raw": "tool_calls"},
        "usage": {"inputTokens": {"total": 1}, "outputTokens": {"total": 2}},
        "warnings": [],
    }
