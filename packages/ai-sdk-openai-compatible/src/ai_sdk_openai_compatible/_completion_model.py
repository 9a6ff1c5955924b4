"""The completion model: ``POST /completions`` with the chat turned into one text prompt.

The prompt is rendered as ``user:`` / ``assistant:`` turns ending in ``assistant:\\n``, with
``\\nuser:`` as a stop sequence so the model does not write the user's next turn. Tools, tool
choice and JSON response formats have no place in this API and produce warnings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

from ai_sdk.provider import (
    APICallError,
    CallOptions,
    CallWarning,
    Content,
    ErrorPart,
    Finish,
    FinishReason,
    GenerateResult,
    InvalidPromptError,
    InvalidResponseDataError,
    JSONObject,
    Message,
    Raw,
    RequestInfo,
    ResponseInfo,
    ResponseMetadata,
    StreamPart,
    StreamResponseInfo,
    StreamResult,
    StreamStart,
    SystemMessage,
    TextContent,
    TextDelta,
    TextEnd,
    TextStart,
    UnsupportedFunctionalityError,
    UnsupportedWarning,
)
from ai_sdk.provider_utils import (
    JSONValue,
    ParseFailure,
    create_event_source_response_handler,
    create_json_response_handler,
)
from ai_sdk_openai_compatible._config import merged_options
from ai_sdk_openai_compatible._mapping import (
    CHOICES_RESPONSE,
    as_list,
    as_object,
    convert_completion_usage,
    finish_reason,
    raw_chunk,
    response_fields,
)
from ai_sdk_openai_compatible._model import OpenAICompatibleModel

__all__ = ["OpenAICompatibleCompletionLanguageModel", "convert_to_completion_prompt"]

_json_handler = create_json_response_handler(CHOICES_RESPONSE)
_event_handler = create_event_source_response_handler()

_OPTION_KEYS: dict[str, str] = {
    "echo": "echo",
    "logitBias": "logit_bias",
    "logit_bias": "logit_bias",
    "suffix": "suffix",
    "user": "user",
}
TEXT_ID = "0"
"""The id of the one text block of a completion stream (upstream's)."""
MAX_STOP_SEQUENCES = 4
"""OpenAI's limit on ``stop``; the turn separator is left out rather than break it."""


def convert_to_completion_prompt(prompt: list[Message]) -> tuple[str, list[str]]:
    """The prompt as one text, and the stop sequence that ends the assistant's turn.

    Raises:
        InvalidPromptError: a system message after the first message.
        UnsupportedFunctionalityError: tool calls or tool results in the prompt.
    """
    pieces: list[str] = []
    messages = list(prompt)
    if messages and isinstance(messages[0], SystemMessage):
        pieces.append(f"{messages[0].content}\n\n")
        messages = messages[1:]
    for message in messages:
        if message.role == "system":
            raise InvalidPromptError(
                f"Unexpected system message in prompt: {message.content}. A completion model "
                "accepts one system message, at the start.",
                prompt=prompt,
            )
        if message.role == "user":
            text = "".join(part.text for part in message.content if part.type == "text")
            pieces.append(f"user:\n{text}\n\n")
        elif message.role == "assistant":
            texts: list[str] = []
            for part in message.content:
                if part.type == "tool-call":
                    raise UnsupportedFunctionalityError(functionality="tool-call messages")
                if part.type == "text":
                    texts.append(part.text)
            pieces.append(f"assistant:\n{''.join(texts)}\n\n")
        else:
            raise UnsupportedFunctionalityError(functionality="tool messages")
    pieces.append("assistant:\n")
    return "".join(pieces), ["\nuser:"]


class OpenAICompatibleCompletionLanguageModel(OpenAICompatibleModel):
    """A text completion model of an OpenAI-compatible server (``provider.completion_model``).

    Args:
        model_id: the server's model name.
        config: the provider's shared settings.
    """

    _kind = "completion"

    @property
    def supported_urls(self) -> Mapping[str, Sequence[re.Pattern[str]]]:
        """None: completion prompts are text only."""
        return {}

    def _args(self, options: CallOptions) -> tuple[dict[str, Any], list[CallWarning]]:
        warnings: list[CallWarning] = []
        _, named = merged_options(
            self._config.name, options.provider_options, warnings, include_generic=False
        )
        if options.top_k is not None:
            warnings.append(UnsupportedWarning(feature="topK"))
        if options.tools:
            warnings.append(UnsupportedWarning(feature="tools"))
        if options.tool_choice is not None:
            warnings.append(UnsupportedWarning(feature="toolChoice"))
        if options.response_format is not None and options.response_format.type != "text":
            warnings.append(
                UnsupportedWarning(
                    feature="responseFormat", details="JSON response format is not supported."
                )
            )
        if options.reasoning not in (None, "provider-default"):
            warnings.append(UnsupportedWarning(feature="reasoning"))
        prompt, stop = convert_to_completion_prompt(options.prompt)
        body: dict[str, Any] = {"model": self._model_id}
        for key, value in named.items():
            wire_key = _OPTION_KEYS.get(key)
            if wire_key is not None and value is not None:
                body[wire_key] = value
        standard: tuple[tuple[str, object], ...] = (
            ("max_tokens", options.max_output_tokens),
            ("temperature", options.temperature),
            ("top_p", options.top_p),
            ("frequency_penalty", options.frequency_penalty),
            ("presence_penalty", options.presence_penalty),
            ("seed", options.seed),
        )
        for key, value in standard:
            if value is not None:
                body[key] = value
        for key, value in named.items():  # everything else is passed through as it is
            if key not in _OPTION_KEYS:
                body[key] = value
        body["prompt"] = prompt
        body["stop"] = _stop_sequences(stop, options.stop_sequences or ())
        return body, warnings

    async def do_generate(self, options: CallOptions) -> GenerateResult:
        """Complete the prompt.

        Raises:
            APICallError: the server answered with an error or could not be reached.
        """
        config = self._config
        body, warnings = self._args(options)
        result = await config.post(
            "/completions", body=body, call_headers=options.headers, success=_json_handler
        )
        response = as_object(result.value)
        choices = as_list(response.get("choices"))
        choice = as_object(choices[0]) if choices else {}
        text = choice.get("text")
        content: list[Content] = [TextContent(text=text)] if isinstance(text, str) and text else []
        usage = response.get("usage")
        return GenerateResult(
            content=content,
            finish_reason=finish_reason(choice.get("finish_reason")),
            usage=convert_completion_usage(
                cast("JSONObject", usage) if isinstance(usage, dict) else None
            ),
            request=RequestInfo(body=body),
            response=ResponseInfo(
                **response_fields(response), headers=result.response_headers, body=result.value
            ),
            warnings=warnings,
        )

    async def do_stream(self, options: CallOptions) -> StreamResult:
        """Start a streamed completion; the HTTP call is made before this returns.

        Raises:
            APICallError: the server answered with an error or could not be reached.
        """
        config = self._config
        body, warnings = self._args(options)
        body["stream"] = True
        if config.include_usage:
            stream_options = as_object(body.get("stream_options"))
            body["stream_options"] = {**stream_options, "include_usage": True}
        result = await config.post(
            "/completions", body=body, call_headers=options.headers, success=_event_handler
        )
        return StreamResult(
            stream=result.value.transform(
                _CompletionStream(warnings, include_raw=bool(options.include_raw_chunks))
            ),
            request=RequestInfo(body=body),
            response=StreamResponseInfo(headers=result.response_headers),
        )


class _CompletionStream:
    """The `EventTransformer` of a streamed completion: events -> stream parts."""

    def __init__(self, warnings: list[CallWarning], *, include_raw: bool) -> None:
        self._warnings = warnings
        self._include_raw = include_raw
        self._started = False
        self._text_open = False
        self._errored = False
        self._reason: FinishReason | None = None
        self._usage: JSONObject | None = None

    def start(self) -> list[StreamPart]:
        return [StreamStart(warnings=self._warnings)]

    def transform(self, value: JSONValue, raw: JSONValue) -> list[StreamPart]:
        chunk = value
        out: list[StreamPart] = [Raw(raw_value=raw)] if self._include_raw else []
        if not isinstance(chunk, dict):
            self._errored = True
            out.append(
                ErrorPart(
                    error=InvalidResponseDataError(
                        data=chunk, message="Expected each chunk to be a JSON object."
                    )
                )
            )
            return out
        choices = chunk.get("choices")
        if choices is None and "error" in chunk:
            self._errored = True
            out.append(ErrorPart(error=chunk["error"]))
            return out
        if not self._started:
            self._started = True
            out.append(ResponseMetadata(**response_fields(chunk)))
        if isinstance(chunk.get("usage"), dict):
            self._usage = cast("JSONObject", chunk["usage"])
        if not isinstance(choices, list) or not choices:
            return out
        choice = choices[0]
        if not isinstance(choice, dict):
            return out
        if choice.get("finish_reason") is not None:
            self._reason = finish_reason(choice["finish_reason"])
        text = choice.get("text")
        if isinstance(text, str) and text:
            if not self._text_open:
                self._text_open = True
                out.append(TextStart(id=TEXT_ID))
            out.append(TextDelta(id=TEXT_ID, delta=text))
        return out

    def reject(self, failure: ParseFailure) -> list[StreamPart]:
        self._errored = True
        error = ErrorPart(error=failure.error)
        return [Raw(raw_value=raw_chunk(failure)), error] if self._include_raw else [error]

    def flush(self) -> list[StreamPart]:
        if self._reason is None:
            return self._end(
                InvalidResponseDataError(
                    data=None, message="Response stream ended without a finish reason."
                )
            )
        return self._end(None)

    def abort(self, error: APICallError) -> list[StreamPart]:
        return self._end(error)

    def _end(self, error: Exception | None) -> list[StreamPart]:
        out: list[StreamPart] = []
        if self._text_open:
            out.append(TextEnd(id=TEXT_ID))
        if error is not None:
            self._errored = True
            out.append(ErrorPart(error=error))
        reason = self._reason
        if self._errored or reason is None:
            reason = FinishReason(unified="error", raw=reason.raw if reason else None)
        out.append(Finish(usage=convert_completion_usage(self._usage), finish_reason=reason))
        return out


def _stop_sequences(turn_stop: Sequence[str], user_stop: Sequence[str]) -> list[str]:
    """The turn separator and the user's stop sequences, never more than OpenAI accepts.

    Upstream always adds the separator, sending 5 when the user gives 4 (which OpenAI rejects).
    When both do not fit, the user's own stop sequences win.
    """
    combined = [*turn_stop, *user_stop]
    if len(combined) > MAX_STOP_SEQUENCES:
        return list(user_stop)
    return combined
