"""Call options -> a ``/chat/completions`` request body, with a warning for each dropped setting.

The body is built from the standard settings first, then the keys the caller put under the
provider's name are copied in (so they may override a standard setting: that is how users send
``top_k``, ``chat_template_kwargs`` or ``parallel_tool_calls``), and the messages and tools last.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ai_sdk.provider import (
    CallOptions,
    CallWarning,
    FunctionTool,
    InvalidArgumentError,
    JsonResponseFormat,
    SpecificToolChoice,
    UnsupportedWarning,
)
from ai_sdk.provider_utils import to_strict_json_schema
from ai_sdk_openai_compatible._chat_messages import convert_to_chat_messages
from ai_sdk_openai_compatible._config import (
    ProviderConfig,
    merged_options,
    metadata_key,
    to_camel_case,
)

__all__ = ["ChatArgs", "build_chat_args"]

# Provider option keys the chat model interprets itself (both spellings), never passed through.
_KNOWN_KEYS = frozenset(
    {
        "user",
        "reasoningEffort",
        "reasoning_effort",
        "textVerbosity",
        "text_verbosity",
        "strictJsonSchema",
        "strict_json_schema",
    }
)
_MISSING = object()


@dataclass(frozen=True, slots=True)
class ChatArgs:
    """A chat request body and what was learned while building it."""

    body: dict[str, Any]
    warnings: list[CallWarning]
    metadata_key: str
    """The key of this provider's entry in provider metadata."""


def _option(options: dict[str, Any], camel: str, snake: str) -> object:
    if camel in options:
        return options[camel]
    return options.get(snake, _MISSING)


def _string_option(options: dict[str, Any], camel: str, snake: str) -> object:
    value = _option(options, camel, snake)
    if value is _MISSING or value is None or isinstance(value, str):
        return value
    raise InvalidArgumentError(
        f"Provider option '{camel}' must be a string, got {type(value).__name__}.",
        argument="providerOptions",
        value=value,
    )


def _tools(
    options: CallOptions, warnings: list[CallWarning]
) -> tuple[list[dict[str, Any]] | None, object]:
    if not options.tools:
        return None, None
    tools: list[dict[str, Any]] = []
    for tool in options.tools:
        if not isinstance(tool, FunctionTool):
            warnings.append(UnsupportedWarning(feature=f"provider-defined tool {tool.id}"))
            continue
        function: dict[str, Any] = {"name": tool.name}
        if tool.description is not None:
            function["description"] = tool.description
        function["parameters"] = tool.input_schema
        if tool.strict is not None:
            function["strict"] = tool.strict
        tools.append({"type": "function", "function": function})
    choice = options.tool_choice
    if choice is None:
        return tools, None
    if isinstance(choice, SpecificToolChoice):
        return tools, {"type": "function", "function": {"name": choice.tool_name}}
    return tools, choice.type


def _response_format(
    config: ProviderConfig, response_format: JsonResponseFormat, strict: object
) -> dict[str, Any]:
    schema = response_format.schema_
    if schema is not None and config.supports_structured_outputs:
        strict = strict if isinstance(strict, bool) else True
        json_schema: dict[str, Any] = {
            # Strict mode rejects optional properties and open objects: send the strict form
            # (every property required, optional ones nullable; core turns nulls back).
            "schema": to_strict_json_schema(schema) if strict else schema,
            "strict": strict,
            "name": response_format.name or "response",
        }
        if response_format.description is not None:
            json_schema["description"] = response_format.description
        return {"type": "json_schema", "json_schema": json_schema}
    if schema is not None and config.json_object_schema:
        return {"type": "json_object", "schema": schema}
    return {"type": "json_object"}


def build_chat_args(config: ProviderConfig, model_id: str, options: CallOptions) -> ChatArgs:
    """The request body for a chat call (without ``stream``) and the call's warnings.

    Raises:
        InvalidArgumentError: a known provider option has the wrong type.
        UnsupportedFunctionalityError: the prompt holds a part the chat API cannot carry.
    """
    warnings: list[CallWarning] = []
    provider_options = options.provider_options
    merged, named = merged_options(config.name, provider_options, warnings)
    key = metadata_key(config.name, provider_options)

    if options.top_k is not None:
        warnings.append(
            UnsupportedWarning(
                feature="topK",
                details=f"Servers that accept top_k take it under providerOptions['{key}'].",
            )
        )

    response_format = options.response_format
    wire_format: dict[str, Any] | None = None
    if isinstance(response_format, JsonResponseFormat):
        strict = _option(merged, "strictJsonSchema", "strict_json_schema")
        wire_format = _response_format(config, response_format, strict)
        if (
            response_format.schema_ is not None
            and wire_format.get("type") == "json_object"
            and "schema" not in wire_format
        ):
            warnings.append(
                UnsupportedWarning(
                    feature="responseFormat",
                    details=(
                        "JSON response format schema is only supported with structuredOutputs "
                        "(set supports_structured_outputs=True, or json_object_schema=True for "
                        "servers such as llama.cpp)."
                    ),
                )
            )

    body: dict[str, Any] = {"model": model_id}
    user = _string_option(merged, "user", "user")
    standard: tuple[tuple[str, object], ...] = (
        ("user", user),
        ("max_tokens", options.max_output_tokens),
        ("temperature", options.temperature),
        ("top_p", options.top_p),
        ("frequency_penalty", options.frequency_penalty),
        ("presence_penalty", options.presence_penalty),
        ("response_format", wire_format),
        ("stop", options.stop_sequences),
        ("seed", options.seed),
    )
    for name, value in standard:
        if value is not None and value is not _MISSING:
            body[name] = value

    for name, value in named.items():
        if name not in _KNOWN_KEYS:
            body[name] = value

    effort = _string_option(merged, "reasoningEffort", "reasoning_effort")
    if effort is _MISSING:
        reasoning = options.reasoning
        if reasoning is not None and reasoning not in ("provider-default", "none"):
            body["reasoning_effort"] = reasoning
    else:
        body["reasoning_effort"] = effort  # an explicit None is sent as JSON null
    verbosity = _string_option(merged, "textVerbosity", "text_verbosity")
    if verbosity is not _MISSING and verbosity is not None:
        body["verbosity"] = verbosity

    signature_keys = dict.fromkeys((key, config.name, to_camel_case(config.name), "google"))
    body["messages"] = convert_to_chat_messages(
        options.prompt,
        signature_keys=tuple(signature_keys),
        null_content_with_tool_calls=config.null_content_with_tool_calls,
    )
    tools, tool_choice = _tools(options, warnings)
    if tools:  # `tools: []` is rejected by OpenAI; an empty list means no tools
        body["tools"] = tools
        if tool_choice is not None:
            body["tool_choice"] = tool_choice
    return ChatArgs(body=body, warnings=warnings, metadata_key=key)
