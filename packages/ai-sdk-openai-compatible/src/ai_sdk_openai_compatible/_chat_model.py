"""The chat model: ``POST /chat/completions``, complete or streamed (spec v4 `LanguageModel`)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

from ai_sdk.provider import (
    CallOptions,
    Content,
    GenerateResult,
    JSONObject,
    ProviderMetadata,
    ReasoningContent,
    RequestInfo,
    ResponseInfo,
    StreamResponseInfo,
    StreamResult,
    TextContent,
    ToolCallContent,
    Usage,
)
from ai_sdk.provider_utils import (
    JSONValue,
    create_event_source_response_handler,
    create_json_response_handler,
    generate_id,
)
from ai_sdk_openai_compatible._chat_args import ChatArgs, build_chat_args
from ai_sdk_openai_compatible._chat_messages import json_text
from ai_sdk_openai_compatible._chat_stream import ChatStreamState, prediction_metadata
from ai_sdk_openai_compatible._mapping import (
    CHOICES_RESPONSE,
    as_list,
    as_object,
    convert_chat_usage,
    finish_reason,
    response_fields,
)
from ai_sdk_openai_compatible._model import OpenAICompatibleModel
from ai_sdk_openai_compatible._tool_calls import thought_signature_metadata

__all__ = ["OpenAICompatibleChatLanguageModel"]

_json_handler = create_json_response_handler(CHOICES_RESPONSE)
_event_handler = create_event_source_response_handler()


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


class OpenAICompatibleChatLanguageModel(OpenAICompatibleModel):
    """A chat model of an OpenAI-compatible server. Create it with the provider
    (``provider("model")`` or ``provider.chat_model("model")``).

    Args:
        model_id: the server's model name.
        config: the provider's shared settings.
    """

    _kind = "chat"

    @property
    def supported_urls(self) -> Mapping[str, Sequence[re.Pattern[str]]]:
        """File URLs the server fetches itself (by default none: the SDK downloads them)."""
        return self._config.supported_urls

    @property
    def supports_structured_outputs(self) -> bool:
        """Whether JSON schemas are sent as ``response_format: json_schema``."""
        return self._config.supports_structured_outputs

    def _usage(self, usage: JSONObject | None) -> Usage:
        convert = self._config.convert_usage
        return convert(usage) if convert is not None else convert_chat_usage(usage)

    def _transform(self, body: dict[str, Any]) -> dict[str, Any]:
        transform = self._config.transform_request_body
        return transform(body) if transform is not None else body

    async def do_generate(self, options: CallOptions) -> GenerateResult:
        """Generate a complete response.

        Raises:
            APICallError: the server answered with an error or could not be reached.
        """
        config = self._config
        args = build_chat_args(config, self._model_id, options)
        body = self._transform(args.body)
        result = await config.post(
            "/chat/completions", body=body, call_headers=options.headers, success=_json_handler
        )
        response = as_object(result.value)
        choices = as_list(response.get("choices"))
        choice = as_object(choices[0]) if choices else {}
        message = as_object(choice.get("message"))
        content = self._content(message, args.metadata_key)
        usage = response.get("usage")
        usage = cast("JSONObject", usage) if isinstance(usage, dict) else None
        metadata = await self._metadata(args, result.value, usage)
        return GenerateResult(
            content=content,
            finish_reason=finish_reason(choice.get("finish_reason")),
            usage=self._usage(usage),
            provider_metadata=metadata,
            request=RequestInfo(body=body),
            response=ResponseInfo(
                **response_fields(response), headers=result.response_headers, body=result.value
            ),
            warnings=args.warnings,
        )

    def _content(self, message: dict[str, Any], key: str) -> list[Content]:
        # Reasoning first, then text, as upstream (it came first from the model, too).
        content: list[Content] = []
        reasoning = _text(message.get("reasoning_content")) or _text(message.get("reasoning"))
        if reasoning is not None:
            content.append(ReasoningContent(text=reasoning))
        text = _text(message.get("content"))
        if text is not None:
            content.append(TextContent(text=text))
        tool_calls = message.get("tool_calls")
        if isinstance(tool_calls, list):
            for raw_call in cast("list[object]", tool_calls):
                call = as_object(raw_call)
                function = as_object(call.get("function"))
                arguments = function.get("arguments")
                if not isinstance(arguments, str):
                    arguments = "" if arguments is None else json_text(arguments)
                content.append(
                    ToolCallContent(
                        tool_call_id=_text(call.get("id")) or generate_id(),
                        tool_name=str(function.get("name") or ""),
                        input=arguments,
                        provider_metadata=thought_signature_metadata(call, key),
                    )
                )
        return content

    async def _metadata(
        self, args: ChatArgs, body: JSONValue, usage: JSONObject | None
    ) -> ProviderMetadata:
        metadata: ProviderMetadata = {args.metadata_key: prediction_metadata(usage)}
        extractor = self._config.metadata_extractor
        if extractor is not None:
            extra = extractor.extract_metadata(body)
            if inspect.isawaitable(extra):
                extra = await extra
            if extra:
                metadata.update(extra)
        return metadata

    async def do_stream(self, options: CallOptions) -> StreamResult:
        """Start a streamed response; the HTTP call is made before this returns.

        The stream yields `StreamStart`, `ResponseMetadata`, text, reasoning and tool parts, and
        ends with `Finish`. Closing it early (``aclose()``) closes the HTTP response.

        Raises:
            APICallError: the server answered with an error or could not be reached.
        """
        config = self._config
        args = build_chat_args(config, self._model_id, options)
        body: dict[str, Any] = {**args.body, "stream": True}
        if config.include_usage:
            stream_options = as_object(body.get("stream_options"))
            body["stream_options"] = {**stream_options, "include_usage": True}
        body = self._transform(body)
        extractor = config.metadata_extractor
        state = ChatStreamState(
            args.metadata_key,
            self._usage,
            extractor.create_stream_extractor() if extractor is not None else None,
            warnings=args.warnings,
            include_raw=bool(options.include_raw_chunks),
        )
        result = await config.post(
            "/chat/completions", body=body, call_headers=options.headers, success=_event_handler
        )
        return StreamResult(
            stream=result.value.transform(state),
            request=RequestInfo(body=body),
            response=StreamResponseInfo(headers=result.response_headers),
        )
