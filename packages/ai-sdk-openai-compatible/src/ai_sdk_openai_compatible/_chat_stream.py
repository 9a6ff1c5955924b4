"""Streamed chat chunks -> stream parts: the per-token hot path.

`ChatStreamState` is the `EventTransformer` of a chat stream. Each SSE event is decoded once
(by the event stream) into plain dicts; the common case, a chunk
carrying one text delta, is read with a few dict lookups and becomes one `TextDelta`, with no
validation model built per chunk. Everything unusual is handled leniently and reported rather
than raised: a chunk that is not JSON or has the wrong shape becomes an `ErrorPart` and the
stream goes on, an ``{"error": ...}`` object becomes an `ErrorPart` carrying that object as
sent (core's `stream_text` reads it as a `StreamProviderError`), and a stream that ends without
a ``finish_reason`` (or breaks off) ends with an `ErrorPart` (unless an error was already
reported) and finish reason ``error``. Any error makes the final unified finish reason
``error``; the server's own value is still kept as ``raw``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from ai_sdk.provider import (
    APICallError,
    CallWarning,
    ErrorPart,
    Finish,
    FinishReason,
    InvalidResponseDataError,
    JSONObject,
    ProviderMetadata,
    Raw,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningStart,
    ResponseMetadata,
    StreamPart,
    StreamStart,
    TextDelta,
    TextEnd,
    TextStart,
    Usage,
)
from ai_sdk.provider_utils import JSONValue, ParseFailure
from ai_sdk_openai_compatible._mapping import finish_reason, raw_chunk, response_fields
from ai_sdk_openai_compatible._metadata import StreamMetadataExtractor
from ai_sdk_openai_compatible._tool_calls import ToolCallAccumulator

__all__ = ["ChatStreamState", "prediction_metadata"]

TEXT_ID = "txt-0"
REASONING_ID = "reasoning-0"

_NO_FINISH_REASON = "Response stream ended without a finish reason."


def prediction_metadata(usage: object) -> JSONObject:
    """``acceptedPredictionTokens`` / ``rejectedPredictionTokens`` from a usage object."""
    found: JSONObject = {}
    if isinstance(usage, dict):
        details = cast("dict[str, Any]", usage).get("completion_tokens_details")
        if isinstance(details, dict):
            details = cast("dict[str, Any]", details)
            accepted = details.get("accepted_prediction_tokens")
            rejected = details.get("rejected_prediction_tokens")
            if isinstance(accepted, int):
                found["acceptedPredictionTokens"] = accepted
            if isinstance(rejected, int):
                found["rejectedPredictionTokens"] = rejected
    return found


def _require_text(value: object, name: str) -> None:
    # The spec's parts do not validate (they are plain dataclasses), so the shape is checked here.
    if type(value) is not str:
        raise TypeError(f"delta.{name} must be a string, got {type(value).__name__}")


def _as_response_error(exc: Exception, chunk: object) -> InvalidResponseDataError:
    if isinstance(exc, InvalidResponseDataError):
        return exc
    return InvalidResponseDataError(
        data=chunk, message=f"Unexpected chunk shape ({exc}): {chunk!r:.500}"
    )


class ChatStreamState:
    """The state of one streamed chat response, and the transformer of its events into parts.

    Args:
        metadata_key: this provider's key in provider metadata.
        convert_usage: turns the last ``usage`` object seen into `Usage`.
        extractor: the metadata extractor for this stream, if the provider has one.
        warnings: the call's warnings, for `StreamStart`.
        include_raw: emit a `Raw` part before the parts of each event.
    """

    __slots__ = (
        "_convert_usage",
        "_errored",
        "_extractor",
        "_finish",
        "_include_raw",
        "_key",
        "_plain",
        "_reasoning_open",
        "_started",
        "_text_open",
        "_tools",
        "_usage",
        "_warnings",
    )

    def __init__(
        self,
        metadata_key: str,
        convert_usage: Callable[[JSONObject | None], Usage],
        extractor: StreamMetadataExtractor | None,
        *,
        warnings: list[CallWarning] | None = None,
        include_raw: bool = False,
    ) -> None:
        self._key = metadata_key
        self._warnings = warnings or []
        self._include_raw = include_raw
        self._plain = extractor is None and not include_raw
        self._convert_usage = convert_usage
        self._extractor = extractor
        self._tools = ToolCallAccumulator(metadata_key)
        self._started = False
        self._text_open = False
        self._reasoning_open = False
        self._finish: FinishReason | None = None
        self._usage: JSONObject | None = None
        self._errored = False

    def fail(self, error: object) -> ErrorPart:
        """Record an error (the finish reason becomes ``error``) and make its part."""
        self._errored = True
        return ErrorPart(error=error)

    def start(self) -> list[StreamPart]:
        """`StreamStart` with the call's warnings."""
        return [StreamStart(warnings=self._warnings)]

    def transform(self, value: Any, raw: JSONValue) -> list[StreamPart]:
        """The parts of one decoded event (with its `Raw` part first when asked for)."""
        if self._text_open and self._plain and not self._reasoning_open:
            # The hot path: a plain text delta while a text block is open. Any surprise
            # (another shape, a finish reason, usage, tool calls) falls through to `process`,
            # which handles every chunk the same way, only slower.
            try:
                choices = value["choices"]
                if len(choices) == 1 and value.get("usage") is None:
                    choice = choices[0]
                    delta = choice["delta"]
                    content = delta["content"]
                    if (
                        type(content) is str
                        and content
                        and choice.get("finish_reason") is None
                        and len(delta) <= 2  # content, and perhaps role
                        and ("role" in delta or len(delta) == 1)
                    ):
                        return [TextDelta(id=TEXT_ID, delta=content)]
            except (TypeError, KeyError, IndexError, AttributeError):
                pass
        if self._include_raw:
            return [Raw(raw_value=raw), *self.process(value)]
        return self.process(value)

    def reject(self, failure: ParseFailure) -> list[StreamPart]:
        """An event that was not JSON: its `Raw` part when asked for, then an `ErrorPart`."""
        error = self.fail(failure.error)
        if self._include_raw:
            return [Raw(raw_value=raw_chunk(failure)), error]
        return [error]

    def process(self, chunk: Any) -> list[StreamPart]:
        """The parts one decoded chunk produces (bad data becomes an `ErrorPart`, never raised)."""
        out: list[StreamPart] = []
        try:
            self._process(chunk, out)
        except (InvalidResponseDataError, TypeError, AttributeError, KeyError, IndexError) as exc:
            out.append(self.fail(_as_response_error(exc, chunk)))
        except ValueError as exc:  # a pydantic part rejected a value (ai-sdk-core 0.2)
            out.append(self.fail(_as_response_error(exc, chunk)))
        return out

    def _process(self, chunk: object, out: list[StreamPart]) -> None:
        if type(chunk) is not dict:
            raise InvalidResponseDataError(
                data=chunk, message=f"Expected each chunk to be a JSON object, got {chunk!r:.200}."
            )
        chunk = cast("dict[str, Any]", chunk)
        choices = chunk.get("choices")
        if choices is None and "error" in chunk:
            out.append(self.fail(chunk["error"]))  # as upstream: the object as sent
            return
        if self._extractor is not None:
            self._extractor.process_chunk(chunk)
        if not self._started:
            self._started = True
            out.append(ResponseMetadata(**response_fields(chunk)))
        usage = chunk.get("usage")
        if usage is not None:
            self._usage = usage  # replaced, not summed: the last report is the total
        if not choices:
            return
        choice = choices[0]
        reason = choice.get("finish_reason")
        if reason is not None:
            self._finish = finish_reason(reason)
        delta = choice.get("delta")
        if not delta:
            return
        reasoning = delta.get("reasoning_content") or delta.get("reasoning")
        if reasoning:
            _require_text(reasoning, "reasoning")
            if not self._reasoning_open:
                out.append(ReasoningStart(id=REASONING_ID))
                self._reasoning_open = True
            out.append(ReasoningDelta(id=REASONING_ID, delta=reasoning))
        content = delta.get("content")
        if content:
            _require_text(content, "content")
            if self._reasoning_open:
                out.append(ReasoningEnd(id=REASONING_ID))
                self._reasoning_open = False
            if not self._text_open:
                out.append(TextStart(id=TEXT_ID))
                self._text_open = True
            out.append(TextDelta(id=TEXT_ID, delta=content))
        tool_calls = delta.get("tool_calls")
        if tool_calls:
            if self._reasoning_open:
                out.append(ReasoningEnd(id=REASONING_ID))
                self._reasoning_open = False
            for tool_delta in tool_calls:
                self._tools.process(tool_delta, out)

    def _close_blocks(self, out: list[StreamPart]) -> None:
        if self._reasoning_open:
            self._reasoning_open = False
            out.append(ReasoningEnd(id=REASONING_ID))
        if self._text_open:
            self._text_open = False
            out.append(TextEnd(id=TEXT_ID))

    def flush(self) -> list[StreamPart]:
        """The parts that end a stream that ran to its end: open blocks closed, tool calls
        finalized, then `Finish`."""
        out: list[StreamPart] = []
        self._close_blocks(out)
        if self._tools.finish(out):
            self._errored = True
        if self._finish is None and not self._errored:
            # As upstream: an error already reported explains the missing finish reason.
            out.append(self.fail(InvalidResponseDataError(data=None, message=_NO_FINISH_REASON)))
        out.append(self._finish_part())
        return out

    def abort(self, error: APICallError) -> list[StreamPart]:
        """The parts that end a stream whose connection broke: no tool call is made from
        arguments that may be cut off."""
        out: list[StreamPart] = []
        self._close_blocks(out)
        self._tools.abandon(out)
        out.append(self.fail(error))
        out.append(self._finish_part())
        return out

    def _finish_part(self) -> Finish:
        reason = self._finish
        if self._errored or reason is None:
            reason = FinishReason(unified="error", raw=reason.raw if reason else None)
        metadata: ProviderMetadata = {self._key: prediction_metadata(self._usage)}
        if self._extractor is not None:
            extra = self._extractor.build_metadata()
            if extra:
                metadata.update(extra)
        return Finish(
            usage=self._convert_usage(self._usage),
            finish_reason=reason,
            provider_metadata=metadata,
        )
