"""Upstream-shaped JSON for every spec object, as the TypeScript SDK would put it on the wire."""

from typing import Any

import ai_sdk.provider as p

Case = tuple[type[Any], dict[str, Any]]

PM = {"gateway": {"generationId": "gen_01", "routing": {"order": ["a", "b"], "x": None}}}
PO = {"anthropic": {"cacheControl": {"type": "ephemeral"}}}

FILE_DATA: list[Case] = [
    (p.FileDataBytes, {"type": "data", "data": "iVBORw0KGgo="}),
    (p.FileDataUrl, {"type": "url", "url": "https://example.com/cat.png"}),
    (p.FileDataReference, {"type": "reference", "reference": {"openai": "file-abc"}}),
    (p.FileDataText, {"type": "text", "text": "plain document"}),
]

WARNINGS: list[Case] = [
    (p.UnsupportedWarning, {"type": "unsupported", "feature": "topK"}),
    (p.UnsupportedWarning, {"type": "unsupported", "feature": "seed", "details": "no seeds"}),
    (p.CompatibilityWarning, {"type": "compatibility", "feature": "json", "details": "emulated"}),
    (p.DeprecatedWarning, {"type": "deprecated", "setting": "maxTokens", "message": "use max"}),
    (p.OtherWarning, {"type": "other", "message": "something odd"}),
]

TOOL_OUTPUTS: list[Case] = [
    (p.TextOutput, {"type": "text", "value": "22 degrees"}),
    (p.TextOutput, {"type": "text", "value": "x", "providerOptions": PO}),
    (p.JsonOutput, {"type": "json", "value": {"temp": 22, "unit": "C", "tags": [1, 2.5, None]}}),
    (p.JsonOutput, {"type": "json", "value": None}),
    (p.JsonOutput, {"type": "json", "value": [True, "x"], "providerOptions": PO}),
    (p.ExecutionDeniedOutput, {"type": "execution-denied"}),
    (p.ExecutionDeniedOutput, {"type": "execution-denied", "reason": "user said no"}),
    (p.ErrorTextOutput, {"type": "error-text", "value": "timeout"}),
    (p.ErrorJsonOutput, {"type": "error-json", "value": {"code": 504}}),
    (p.ErrorJsonOutput, {"type": "error-json", "value": None}),
    (
        p.ContentOutput,
        {
            "type": "content",
            "value": [
                {"type": "text", "text": "see image"},
                {"type": "text", "text": "t", "providerOptions": PO},
                {
                    "type": "file",
                    "data": {"type": "data", "data": "iVBORw0KGgo="},
                    "mediaType": "image/png",
                    "filename": "chart.png",
                },
                {
                    "type": "file",
                    "data": {"type": "url", "url": "https://x/y.pdf"},
                    "mediaType": "application/pdf",
                },
                {"type": "custom", "providerOptions": {"openai": {"kind": "x"}}},
                {"type": "custom"},
            ],
        },
    ),
]

CONTENT_OUTPUT_ITEMS: list[Case] = [
    (p.ContentOutputText, {"type": "text", "text": "hi"}),
    (
        p.ContentOutputFile,
        {
            "type": "file",
            "data": {"type": "reference", "reference": {"a": "f"}},
            "mediaType": "image",
        },
    ),
    (p.ContentOutputCustom, {"type": "custom", "providerOptions": PO}),
]

PARTS: list[Case] = [
    (p.TextPart, {"type": "text", "text": "Describe"}),
    (p.TextPart, {"type": "text", "text": "Describe", "providerOptions": PO}),
    (p.ReasoningPart, {"type": "reasoning", "text": "thinking..."}),
    (
        p.ReasoningPart,
        {"type": "reasoning", "text": "t", "providerOptions": {"anthropic": {"signature": "s"}}},
    ),
    *[
        (p.FilePart, {"type": "file", "data": data, "mediaType": "image/png"})
        for _, data in FILE_DATA
    ],
    (
        p.FilePart,
        {
            "type": "file",
            "data": {"type": "data", "data": "JVBERi0="},
            "mediaType": "application/pdf",
            "filename": "report.pdf",
            "providerOptions": PO,
        },
    ),
    (
        p.ReasoningFilePart,
        {
            "type": "reasoning-file",
            "data": {"type": "data", "data": "AAE="},
            "mediaType": "image/png",
        },
    ),
    (
        p.ReasoningFilePart,
        {
            "type": "reasoning-file",
            "data": {"type": "url", "url": "https://x/r.png"},
            "mediaType": "image/png",
            "providerOptions": PO,
        },
    ),
    (p.CustomPart, {"type": "custom", "kind": "openai.compaction"}),
    (p.CustomPart, {"type": "custom", "kind": "openai.compaction", "providerOptions": PO}),
    (
        p.ToolCallPart,
        {
            "type": "tool-call",
            "toolCallId": "call_1",
            "toolName": "weather",
            "input": {"city": "Paris"},
        },
    ),
    (
        p.ToolCallPart,
        {
            "type": "tool-call",
            "toolCallId": "ws_1",
            "toolName": "web_search",
            "input": {"query": "news", "n": 3, "deep": False, "filters": None},
            "providerExecuted": True,
            "providerOptions": PO,
        },
    ),
    (p.ToolCallPart, {"type": "tool-call", "toolCallId": "c", "toolName": "noargs", "input": None}),
    *[
        (
            p.ToolResultPart,
            {
                "type": "tool-result",
                "toolCallId": "call_1",
                "toolName": "weather",
                "output": output,
            },
        )
        for _, output in TOOL_OUTPUTS
    ],
    (
        p.ToolResultPart,
        {
            "type": "tool-result",
            "toolCallId": "call_1",
            "toolName": "weather",
            "output": {"type": "text", "value": "ok"},
            "providerOptions": PO,
        },
    ),
    (
        p.ToolApprovalResponsePart,
        {"type": "tool-approval-response", "approvalId": "ap_1", "approved": True},
    ),
    (
        p.ToolApprovalResponsePart,
        {
            "type": "tool-approval-response",
            "approvalId": "ap_2",
            "approved": False,
            "reason": "too risky",
            "providerOptions": PO,
        },
    ),
]

MESSAGES: list[Case] = [
    (p.SystemMessage, {"role": "system", "content": "Be brief."}),
    (p.SystemMessage, {"role": "system", "content": "Be brief.", "providerOptions": PO}),
    (
        p.UserMessage,
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Describe"},
                {
                    "type": "file",
                    "mediaType": "image/png",
                    "data": {"type": "data", "data": "iVBORw0KGgo="},
                },
            ],
        },
    ),
    (
        p.AssistantMessage,
        {
            "role": "assistant",
            "content": [
                {"type": "reasoning", "text": "hmm"},
                {
                    "type": "reasoning-file",
                    "data": {"type": "url", "url": "https://x/r.png"},
                    "mediaType": "image/png",
                },
                {"type": "text", "text": "Let me check."},
                {
                    "type": "file",
                    "data": {"type": "url", "url": "https://x/a.png"},
                    "mediaType": "image/png",
                },
                {"type": "custom", "kind": "openai.compaction"},
                {
                    "type": "tool-call",
                    "toolCallId": "call_1",
                    "toolName": "weather",
                    "input": {"city": "Paris"},
                },
                {
                    "type": "tool-call",
                    "toolCallId": "ws_1",
                    "toolName": "web_search",
                    "input": {},
                    "providerExecuted": True,
                },
                {
                    "type": "tool-result",
                    "toolCallId": "ws_1",
                    "toolName": "web_search",
                    "output": {"type": "json", "value": [{"url": "u"}]},
                },
            ],
            "providerOptions": PO,
        },
    ),
    (
        p.ToolMessage,
        {
            "role": "tool",
            "content": [
                {
                    "type": "tool-result",
                    "toolCallId": "call_1",
                    "toolName": "weather",
                    "output": {"type": "json", "value": {"temp": 22}},
                },
                {"type": "tool-approval-response", "approvalId": "ap_1", "approved": True},
            ],
        },
    ),
]

RESPONSE_FORMATS: list[Case] = [
    (p.TextResponseFormat, {"type": "text"}),
    (p.JsonResponseFormat, {"type": "json"}),
    (
        p.JsonResponseFormat,
        {
            "type": "json",
            "schema": {
                "type": "object",
                "properties": {"name": {"type": "string"}},
                "required": ["name"],
                "additionalProperties": False,
            },
            "name": "person",
            "description": "A person.",
        },
    ),
]

TOOL_CHOICES: list[Case] = [
    (p.AutoToolChoice, {"type": "auto"}),
    (p.NoneToolChoice, {"type": "none"}),
    (p.RequiredToolChoice, {"type": "required"}),
    (p.SpecificToolChoice, {"type": "tool", "toolName": "weather"}),
]

TOOLS: list[Case] = [
    (
        p.FunctionTool,
        {
            "type": "function",
            "name": "weather",
            "inputSchema": {"type": "object", "properties": {}},
        },
    ),
    (
        p.FunctionTool,
        {
            "type": "function",
            "name": "weather",
            "description": "Get the weather",
            "inputSchema": {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "type": "object",
                "properties": {"city": {"type": "string"}},
                "required": ["city"],
                "additionalProperties": False,
            },
            "inputExamples": [{"input": {"city": "Paris"}}, {"input": {"city": "Oslo"}}],
            "strict": True,
            "providerOptions": PO,
        },
    ),
    (
        p.ProviderTool,
        {"type": "provider", "id": "gateway.perplexity_search", "name": "search", "args": {}},
    ),
    (
        p.ProviderTool,
        {
            "type": "provider",
            "id": "openai.web_search",
            "name": "web_search",
            "args": {"searchContextSize": "high", "userLocation": None},
        },
    ),
]

SOURCES: list[Case] = [
    (
        p.UrlSource,
        {"type": "source", "sourceType": "url", "id": "src_1", "url": "https://example.com"},
    ),
    (
        p.UrlSource,
        {
            "type": "source",
            "sourceType": "url",
            "id": "src_2",
            "url": "https://example.com",
            "title": "Example",
            "providerMetadata": PM,
        },
    ),
    (
        p.DocumentSource,
        {
            "type": "source",
            "sourceType": "document",
            "id": "d1",
            "mediaType": "application/pdf",
            "title": "Report",
        },
    ),
    (
        p.DocumentSource,
        {
            "type": "source",
            "sourceType": "document",
            "id": "d2",
            "mediaType": "text/plain",
            "title": "Notes",
            "filename": "notes.txt",
            "providerMetadata": PM,
        },
    ),
]

# Content items that are also stream parts (same class, same JSON).
SHARED_CONTENT: list[Case] = [
    (p.CustomContent, {"type": "custom", "kind": "openai.compaction"}),
    (p.CustomContent, {"type": "custom", "kind": "openai.compaction", "providerMetadata": PM}),
    (
        p.FileContent,
        {
            "type": "file",
            "mediaType": "image/png",
            "data": {"type": "data", "data": "iVBORw0KGgo="},
        },
    ),
    (
        p.FileContent,
        {
            "type": "file",
            "mediaType": "image/png",
            "data": {"type": "url", "url": "https://x/i.png"},
            "providerMetadata": PM,
        },
    ),
    (
        p.ReasoningFileContent,
        {
            "type": "reasoning-file",
            "mediaType": "image/png",
            "data": {"type": "data", "data": "AAE="},
        },
    ),
    (
        p.ReasoningFileContent,
        {
            "type": "reasoning-file",
            "mediaType": "image/png",
            "data": {"type": "url", "url": "https://x"},
            "providerMetadata": PM,
        },
    ),
    (
        p.ToolApprovalRequestContent,
        {"type": "tool-approval-request", "approvalId": "ap_1", "toolCallId": "call_1"},
    ),
    (
        p.ToolApprovalRequestContent,
        {
            "type": "tool-approval-request",
            "approvalId": "ap_1",
            "toolCallId": "call_1",
            "providerMetadata": PM,
        },
    ),
    *SOURCES,
    (
        p.ToolCallContent,
        {
            "type": "tool-call",
            "toolCallId": "call_1",
            "toolName": "weather",
            "input": '{"city":"Paris"}',
        },
    ),
    (
        p.ToolCallContent,
        {
            "type": "tool-call",
            "toolCallId": "ws_1",
            "toolName": "web_search",
            "input": "{}",
            "providerExecuted": True,
            "dynamic": True,
            "providerMetadata": PM,
        },
    ),
    (
        p.ToolResultContent,
        {
            "type": "tool-result",
            "toolCallId": "ws_1",
            "toolName": "web_search",
            "result": [{"url": "u", "title": None}],
        },
    ),
    (
        p.ToolResultContent,
        {
            "type": "tool-result",
            "toolCallId": "ws_1",
            "toolName": "web_search",
            "result": "failed",
            "isError": True,
            "preliminary": False,
            "dynamic": True,
            "providerMetadata": PM,
        },
    ),
]

CONTENT: list[Case] = [
    (p.TextContent, {"type": "text", "text": "Hello"}),
    (p.TextContent, {"type": "text", "text": "Hello", "providerMetadata": PM}),
    (p.ReasoningContent, {"type": "reasoning", "text": "Let me think"}),
    (
        p.ReasoningContent,
        {"type": "reasoning", "text": "", "providerMetadata": {"anthropic": {"signature": "sig"}}},
    ),
    *SHARED_CONTENT,
]

USAGE_FULL = {
    "inputTokens": {"total": 9, "noCache": 9, "cacheRead": 0, "cacheWrite": 0},
    "outputTokens": {"total": 11, "text": 11, "reasoning": 0},
}
USAGE_RAW = {
    "inputTokens": {"total": 9},
    "outputTokens": {"total": 11, "reasoning": 4},
    "raw": {"prompt_tokens": 9, "completion_tokens": 11, "details": None},
}
USAGE_UNKNOWN: dict[str, Any] = {"inputTokens": {}, "outputTokens": {}}

STREAM_ONLY: list[Case] = [
    (p.StreamStart, {"type": "stream-start", "warnings": []}),
    (p.StreamStart, {"type": "stream-start", "warnings": [w for _, w in WARNINGS]}),
    (
        p.ResponseMetadata,
        {
            "type": "response-metadata",
            "id": "resp_1",
            "modelId": "anthropic/claude-sonnet-4.6",
            "timestamp": "2026-08-01T10:00:00.000Z",
        },
    ),
    (p.ResponseMetadata, {"type": "response-metadata"}),
    (p.TextStart, {"type": "text-start", "id": "0"}),
    (p.TextStart, {"type": "text-start", "id": "0", "providerMetadata": PM}),
    (p.TextDelta, {"type": "text-delta", "id": "0", "delta": "Hi"}),
    (p.TextDelta, {"type": "text-delta", "id": "0", "delta": "", "providerMetadata": PM}),
    (p.TextEnd, {"type": "text-end", "id": "0"}),
    (p.TextEnd, {"type": "text-end", "id": "0", "providerMetadata": PM}),
    (p.ReasoningStart, {"type": "reasoning-start", "id": "r"}),
    (p.ReasoningStart, {"type": "reasoning-start", "id": "r", "providerMetadata": PM}),
    (p.ReasoningDelta, {"type": "reasoning-delta", "id": "r", "delta": "hmm"}),
    (p.ReasoningDelta, {"type": "reasoning-delta", "id": "r", "delta": "", "providerMetadata": PM}),
    (p.ReasoningEnd, {"type": "reasoning-end", "id": "r"}),
    (p.ReasoningEnd, {"type": "reasoning-end", "id": "r", "providerMetadata": PM}),
    (p.ToolInputStart, {"type": "tool-input-start", "id": "call_1", "toolName": "weather"}),
    (
        p.ToolInputStart,
        {
            "type": "tool-input-start",
            "id": "ws_1",
            "toolName": "web_search",
            "providerExecuted": True,
            "dynamic": False,
            "title": "Searching",
            "providerMetadata": PM,
        },
    ),
    (p.ToolInputDelta, {"type": "tool-input-delta", "id": "call_1", "delta": '{"ci'}),
    (
        p.ToolInputDelta,
        {"type": "tool-input-delta", "id": "call_1", "delta": "", "providerMetadata": PM},
    ),
    (p.ToolInputEnd, {"type": "tool-input-end", "id": "call_1"}),
    (p.ToolInputEnd, {"type": "tool-input-end", "id": "call_1", "providerMetadata": PM}),
    (
        p.Finish,
        {
            "type": "finish",
            "finishReason": {"unified": "stop", "raw": "end_turn"},
            "usage": USAGE_FULL,
            "providerMetadata": PM,
        },
    ),
    (p.Finish, {"type": "finish", "finishReason": {"unified": "tool-calls"}, "usage": USAGE_RAW}),
    (p.Finish, {"type": "finish", "finishReason": {"unified": "other"}, "usage": USAGE_UNKNOWN}),
    (
        p.Raw,
        {
            "type": "raw",
            "rawValue": {"id": "chatcmpl-1", "choices": [{"delta": {"content": "Hi"}}]},
        },
    ),
    (p.Raw, {"type": "raw", "rawValue": None}),
    (p.Raw, {"type": "raw", "rawValue": "data: [DONE]"}),
    (
        p.ErrorPart,
        {"type": "error", "error": {"message": "overloaded", "type": "overloaded_error"}},
    ),
    (p.ErrorPart, {"type": "error", "error": "boom"}),
    (p.ErrorPart, {"type": "error", "error": None}),
]

STREAM_PARTS: list[Case] = [*STREAM_ONLY, *SHARED_CONTENT]

USAGES: list[Case] = [(p.Usage, USAGE_FULL), (p.Usage, USAGE_RAW), (p.Usage, USAGE_UNKNOWN)]

FINISH_REASONS: list[Case] = [
    (p.FinishReason, {"unified": unified, "raw": "x"})
    for unified in ("stop", "length", "content-filter", "tool-calls", "error", "other")
] + [(p.FinishReason, {"unified": "stop"})]

# A realistic gateway request body: every role, every tool kind, all settings.
GATEWAY_CALL_OPTIONS: dict[str, Any] = {
    "prompt": [
        {"role": "system", "content": "Be brief.", "providerOptions": PO},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Describe this and check the weather in Paris."},
                {
                    "type": "file",
                    "mediaType": "image/png",
                    "data": {"type": "data", "data": "iVBORw0KGgo="},
                },
                {
                    "type": "file",
                    "mediaType": "application/pdf",
                    "filename": "a.pdf",
                    "data": {"type": "url", "url": "https://x/a.pdf"},
                },
            ],
        },
        {
            "role": "assistant",
            "content": [
                {
                    "type": "reasoning",
                    "text": "Need weather.",
                    "providerOptions": {"anthropic": {"signature": "sig"}},
                },
                {"type": "text", "text": "Checking."},
                {
                    "type": "tool-call",
                    "toolCallId": "call_1",
                    "toolName": "weather",
                    "input": {"city": "Paris"},
                },
            ],
        },
        {
            "role": "tool",
            "content": [
                {
                    "type": "tool-result",
                    "toolCallId": "call_1",
                    "toolName": "weather",
                    "output": {
                        "type": "content",
                        "value": [
                            {"type": "text", "text": "22C"},
                            {
                                "type": "file",
                                "mediaType": "image/png",
                                "data": {"type": "data", "data": "AAE="},
                            },
                        ],
                    },
                }
            ],
        },
    ],
    "maxOutputTokens": 256,
    "temperature": 0.2,
    "stopSequences": ["\n\nHuman:"],
    "topP": 0.9,
    "topK": 40,
    "presencePenalty": 0.5,
    "frequencyPenalty": -0.5,
    "responseFormat": {
        "type": "json",
        "schema": {"type": "object", "properties": {}},
        "name": "answer",
    },
    "seed": 42,
    "tools": [
        {
            "type": "function",
            "name": "weather",
            "description": "Weather",
            "inputSchema": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
        {
            "type": "provider",
            "id": "gateway.perplexity_search",
            "name": "perplexity_search",
            "args": {"maxResults": 5},
        },
    ],
    "toolChoice": {"type": "tool", "toolName": "weather"},
    "includeRawChunks": False,
    "headers": {"x-trace-id": "t-1"},
    "reasoning": "low",
    "providerOptions": {
        "gateway": {"order": ["vertex", "anthropic"], "user": "u1", "tags": ["chat"]},
        "anthropic": {"thinking": {"budgetTokens": 1024}},
    },
}
