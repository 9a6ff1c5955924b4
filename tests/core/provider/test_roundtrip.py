"""Every spec object parses from upstream-shaped JSON and dumps back to exactly the same JSON."""

import json
from functools import cache
from typing import Any

import pytest
from pydantic import TypeAdapter

import ai_sdk.provider as p
from tests.core.provider import _cases as c

ALL_CASES: list[c.Case] = [
    *c.FILE_DATA,
    *c.WARNINGS,
    *c.TOOL_OUTPUTS,
    *c.CONTENT_OUTPUT_ITEMS,
    *c.PARTS,
    *c.MESSAGES,
    *c.RESPONSE_FORMATS,
    *c.TOOL_CHOICES,
    *c.TOOLS,
    *c.CONTENT,
    *c.STREAM_ONLY,
    *c.USAGES,
    *c.FINISH_REASONS,
]

# (union type, the cases whose class it must pick)
UNIONS: list[tuple[str, Any, list[c.Case]]] = [
    ("FileData", p.FileData, c.FILE_DATA),
    ("CallWarning", p.CallWarning, c.WARNINGS),
    ("ToolResultOutput", p.ToolResultOutput, c.TOOL_OUTPUTS),
    ("ContentOutputItem", p.ContentOutputItem, c.CONTENT_OUTPUT_ITEMS),
    (
        "AssistantContentPart",
        p.AssistantContentPart,
        [x for x in c.PARTS if x[0] is not p.ToolApprovalResponsePart],
    ),
    (
        "UserContentPart",
        p.UserContentPart,
        [x for x in c.PARTS if x[0] in (p.TextPart, p.FilePart)],
    ),
    (
        "ToolContentPart",
        p.ToolContentPart,
        [x for x in c.PARTS if x[0] in (p.ToolResultPart, p.ToolApprovalResponsePart)],
    ),
    ("Message", p.Message, c.MESSAGES),
    ("ResponseFormat", p.ResponseFormat, c.RESPONSE_FORMATS),
    ("ToolChoice", p.ToolChoice, c.TOOL_CHOICES),
    ("ToolDefinition", p.ToolDefinition, c.TOOLS),
    ("Source", p.Source, c.SOURCES),
    ("Content", p.Content, c.CONTENT),
    ("StreamPart", p.StreamPart, c.STREAM_PARTS),
]

UNION_CASES = [
    pytest.param(name, cls, data, id=f"{name}-{cls.__name__}-{i}")
    for name, _, cases in UNIONS
    for i, (cls, data) in enumerate(cases)
]


@cache
def adapter(name: str) -> TypeAdapter[Any]:
    union = next(u for n, u, _ in UNIONS if n == name)
    return TypeAdapter(union)


def canonical(value: Any) -> str:
    """JSON text with sorted keys: equal only if keys, values and number kinds all match."""
    return json.dumps(value, sort_keys=True)


@cache
def class_adapter(cls: type[Any]) -> TypeAdapter[Any]:
    """One adapter per class: pydantic models and the dataclass stream parts alike."""
    return TypeAdapter(cls)


@pytest.mark.parametrize(
    ("cls", "data"),
    [pytest.param(cls, data, id=f"{cls.__name__}-{i}") for i, (cls, data) in enumerate(ALL_CASES)],
)
def test_model_round_trips_exactly(cls: type[Any], data: dict[str, Any]) -> None:
    ta = class_adapter(cls)
    from_python = ta.validate_python(data)
    from_json = ta.validate_json(json.dumps(data))

    assert type(from_python) is cls
    assert from_json == from_python
    assert canonical(p.to_wire(from_python)) == canonical(data)
    assert canonical(
        ta.dump_python(from_python, by_alias=True, exclude_none=True, mode="json")
    ) == canonical(data)
    assert json.loads(ta.dump_json(from_python, by_alias=True, exclude_none=True)) == data


@pytest.mark.parametrize(("union", "cls", "data"), UNION_CASES)
def test_union_dispatches_on_its_tag(union: str, cls: type[Any], data: dict[str, Any]) -> None:
    ta = adapter(union)

    parsed = ta.validate_python(data)
    parsed_json = ta.validate_json(json.dumps(data))

    assert type(parsed) is cls
    assert parsed_json == parsed
    assert canonical(
        ta.dump_python(parsed, mode="json", by_alias=True, exclude_none=True)
    ) == canonical(data)


def test_every_stream_part_type_is_covered() -> None:
    stream_types = {data["type"] for _, data in c.STREAM_PARTS}

    assert stream_types == {
        "stream-start", "response-metadata", "text-start", "text-delta", "text-end",
        "reasoning-start", "reasoning-delta", "reasoning-end", "tool-input-start",
        "tool-input-delta", "tool-input-end", "tool-approval-request", "tool-call",
        "tool-result", "custom", "file", "reasoning-file", "source", "finish", "raw", "error",
    }  # fmt: skip


def test_unknown_stream_part_type_is_rejected() -> None:
    with pytest.raises(ValueError, match="tag 'text-wobble'"):
        adapter("StreamPart").validate_python({"type": "text-wobble", "id": "0"})


def test_unknown_source_type_is_rejected() -> None:
    with pytest.raises(ValueError, match="'video'"):
        adapter("StreamPart").validate_python({"type": "source", "sourceType": "video", "id": "v"})


def test_gateway_call_options_round_trip_exactly() -> None:
    options = p.CallOptions.model_validate(c.GATEWAY_CALL_OPTIONS)
    from_json = p.CallOptions.model_validate_json(json.dumps(c.GATEWAY_CALL_OPTIONS))

    assert from_json == options
    assert [type(m) for m in options.prompt] == [
        p.SystemMessage,
        p.UserMessage,
        p.AssistantMessage,
        p.ToolMessage,
    ]
    assert [type(t) for t in options.tools or []] == [p.FunctionTool, p.ProviderTool]
    assert options.tool_choice == p.SpecificToolChoice(tool_name="weather")
    assert options.response_format == p.JsonResponseFormat(
        schema={"type": "object", "properties": {}}, name="answer"
    )
    assert canonical(p.to_wire(options)) == canonical(c.GATEWAY_CALL_OPTIONS)


GENERATE_RESULT: dict[str, Any] = {
    "content": [data for _, data in c.CONTENT],
    "finishReason": {"unified": "tool-calls", "raw": "tool_use"},
    "usage": c.USAGE_RAW,
    "providerMetadata": c.PM,
    "request": {"body": {"model": "m", "messages": []}},
    "response": {
        "id": "resp_1",
        "timestamp": "2026-08-01T10:00:00.123Z",
        "modelId": "anthropic/claude-sonnet-4.6",
        "headers": {"content-type": "application/json"},
        "body": {"id": "resp_1"},
    },
    "warnings": [data for _, data in c.WARNINGS],
}

EMBEDDING_RESULT: dict[str, Any] = {
    "embeddings": [[0.1, -0.2, 0.3], [1.5, 0.0, -2.0]],
    "usage": {"tokens": 7},
    "providerMetadata": c.PM,
    "response": {"headers": {"x-request-id": "r"}, "body": {"data": []}},
    "warnings": [{"type": "other", "message": "truncated"}],
}

IMAGE_CALL_OPTIONS: dict[str, Any] = {
    "prompt": "A cat in a hat",
    "n": 2,
    "size": "1024x1024",
    "aspectRatio": "16:9",
    "seed": 7,
    "files": [
        {"type": "file", "mediaType": "image/png", "data": "iVBORw0KGgo="},
        {"type": "url", "url": "https://x/cat.png", "providerOptions": c.PO},
    ],
    "mask": {"type": "file", "mediaType": "image/png", "data": "AAE=", "providerOptions": c.PO},
    "providerOptions": {"openai": {"quality": "hd"}},
    "headers": {"x-a": "1"},
}

IMAGE_RESULT: dict[str, Any] = {
    "images": ["iVBORw0KGgo=", "AAE="],
    "warnings": [{"type": "unsupported", "feature": "seed"}],
    "providerMetadata": {"openai": {"images": [{"revisedPrompt": "A cat"}, None]}},
    "response": {
        "timestamp": "2026-01-02T03:04:05.006Z",
        "modelId": "dall-e-3",
        "headers": {"a": "b"},
    },
    "usage": {"inputTokens": 10, "outputTokens": 4000, "totalTokens": 4010},
}


@pytest.mark.parametrize(
    ("cls", "data"),
    [
        pytest.param(p.GenerateResult, GENERATE_RESULT, id="GenerateResult"),
        pytest.param(
            p.GenerateResult,
            {
                "content": [],
                "finishReason": {"unified": "stop"},
                "usage": c.USAGE_UNKNOWN,
                "warnings": [],
            },
            id="GenerateResult-min",
        ),
        pytest.param(
            p.EmbeddingCallOptions,
            {
                "values": ["a", "b"],
                "providerOptions": {"openai": {"dimensions": 3}},
                "headers": {"x": "y"},
            },
            id="EmbeddingCallOptions",
        ),
        pytest.param(p.EmbeddingCallOptions, {"values": []}, id="EmbeddingCallOptions-min"),
        pytest.param(p.EmbeddingResult, EMBEDDING_RESULT, id="EmbeddingResult"),
        pytest.param(
            p.EmbeddingResult, {"embeddings": [], "warnings": []}, id="EmbeddingResult-min"
        ),
        pytest.param(p.ImageCallOptions, IMAGE_CALL_OPTIONS, id="ImageCallOptions"),
        pytest.param(
            p.ImageCallOptions, {"n": 1, "providerOptions": {}}, id="ImageCallOptions-min"
        ),
        pytest.param(p.ImageResult, IMAGE_RESULT, id="ImageResult"),
        pytest.param(
            p.ImageResult,
            {
                "images": [],
                "warnings": [],
                "response": {"timestamp": "2026-01-02T03:04:05.000Z", "modelId": "m"},
            },
            id="ImageResult-min",
        ),
    ],
)
def test_result_and_other_call_options_round_trip_exactly(
    cls: type[p.WireModel], data: dict[str, Any]
) -> None:
    parsed = cls.model_validate(data)

    assert cls.model_validate_json(json.dumps(data)) == parsed
    assert canonical(p.to_wire(parsed)) == canonical(data)


def test_generate_result_content_dispatches_every_variant() -> None:
    result = p.GenerateResult.model_validate(GENERATE_RESULT)

    assert [type(x) for x in result.content] == [cls for cls, _ in c.CONTENT]
    assert [type(w) for w in result.warnings] == [cls for cls, _ in c.WARNINGS]
