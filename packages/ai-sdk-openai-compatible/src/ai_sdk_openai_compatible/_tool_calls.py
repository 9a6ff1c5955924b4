"""Streamed ``tool_calls`` deltas -> ``tool-input-*`` and ``tool-call`` parts, for real servers.

OpenAI sends a call's ``id`` and ``function.name`` in its first delta and then argument pieces
under the same ``index``. Servers that only look compatible deviate in every way: the name
arrives after the first delta (vLLM, LM Studio, proxies), ``index`` is missing (Gemini's OpenAI
endpoint, SambaNova, old Ollama), always 0 (Ollama, with a new id per call), or starts at 1
(Anthropic-compatible fallbacks); ids are empty or missing. So:

- deltas of a call whose name is not known yet are buffered (by index, else by id) until it is;
- a delta belongs to the call with its id, else the call with its index, else the latest call;
- a call is finalized only when the stream ends, never when its arguments happen to parse as
  JSON (a parsable prefix such as ``{"a": 1}`` may still grow: that truncated arguments upstream);
- a missing or empty id is replaced by a generated one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from ai_sdk.provider import (
    ErrorPart,
    InvalidResponseDataError,
    JSONObject,
    ProviderMetadata,
    StreamPart,
    ToolCallContent,
    ToolInputDelta,
    ToolInputEnd,
    ToolInputStart,
)
from ai_sdk.provider_utils import generate_id
from ai_sdk_openai_compatible._chat_messages import json_text

__all__ = ["ToolCallAccumulator", "thought_signature_metadata"]


def thought_signature_metadata(delta: dict[str, Any], key: str) -> ProviderMetadata | None:
    """Gemini's ``extra_content.google.thought_signature`` as ``{key: {"thoughtSignature"}}``."""
    extra = delta.get("extra_content")
    if not isinstance(extra, dict):
        return None
    google = cast("dict[str, Any]", extra).get("google")
    if not isinstance(google, dict):
        return None
    signature = cast("dict[str, Any]", google).get("thought_signature")
    if isinstance(signature, str) and signature:
        return {key: {"thoughtSignature": signature}}
    return None


class _Call:
    __slots__ = ("arguments", "finished", "id", "metadata", "name")

    def __init__(self, call_id: str, name: str, metadata: ProviderMetadata | None) -> None:
        self.id = call_id
        self.name = name
        self.arguments: list[str] = []
        self.metadata = metadata
        self.finished = False


class _Pending:
    """Deltas of a call whose name has not arrived yet."""

    __slots__ = ("arguments", "delta", "id", "key")

    def __init__(self, key: int | str | None) -> None:
        self.key = key
        self.id: str | None = None
        self.arguments: list[str] = []
        self.delta: dict[str, Any] | None = None


def _arguments(function: dict[str, Any]) -> str | None:
    value = function.get("arguments")
    if value is None or isinstance(value, str):
        return value
    return json_text(value)  # a few servers send the arguments as a JSON object


class ToolCallAccumulator:
    """Accumulates the tool calls of one streamed response.

    Args:
        metadata_key: the provider metadata key for thought signatures.
        new_id: makes ids for calls that arrive without one.
    """

    __slots__ = ("_by_id", "_by_index", "_calls", "_key", "_latest", "_new_id", "_pending")

    def __init__(self, metadata_key: str, new_id: Callable[[], str] = generate_id) -> None:
        self._key = metadata_key
        self._new_id = new_id
        self._calls: list[_Call] = []
        self._by_id: dict[str, _Call] = {}
        self._by_index: dict[int, _Call] = {}
        self._latest: _Call | None = None
        self._pending: dict[int | str | None, _Pending] = {}

    @property
    def started(self) -> bool:
        """Whether any call has begun (emitted ``tool-input-start``)."""
        return bool(self._calls)

    def process(self, raw_delta: object, out: list[StreamPart]) -> None:
        """Handle one element of ``delta.tool_calls``, appending the parts it produces.

        Raises:
            InvalidResponseDataError: the element is not an object.
        """
        if not isinstance(raw_delta, dict):
            raise InvalidResponseDataError(
                data=raw_delta, message="Expected each 'tool_calls' entry to be an object."
            )
        delta = cast("dict[str, Any]", raw_delta)
        raw_index = delta.get("index")
        index = raw_index if type(raw_index) is int else None
        raw_id = delta.get("id")
        call_id = raw_id if isinstance(raw_id, str) and raw_id else None
        function = delta.get("function")
        function = cast("dict[str, Any]", function) if isinstance(function, dict) else {}
        raw_name = function.get("name")
        name = raw_name if isinstance(raw_name, str) and raw_name else None
        arguments = _arguments(function)

        call: _Call | None
        if call_id is not None:
            call = self._by_id.get(call_id)
            if call is None and name is None and index is not None:
                # Some proxies stamp every delta with a fresh id: follow the index instead.
                call = self._by_index.get(index)
        elif index is not None:
            call = self._by_index.get(index)
        else:
            call = self._latest

        if call is None:
            key: int | str | None = index if index is not None else call_id
            pending = self._pending.get(key)
            if name is None:
                if pending is None:
                    pending = self._pending[key] = _Pending(key)
                if pending.id is None:
                    pending.id = call_id
                if pending.delta is None:
                    pending.delta = delta
                if arguments:
                    pending.arguments.append(arguments)
                return
            buffered = ""
            if pending is not None:
                del self._pending[key]
                call_id = call_id or pending.id
                buffered = "".join(pending.arguments)
                metadata_source = delta if "extra_content" in delta else (pending.delta or delta)
            else:
                metadata_source = delta
            call = _Call(
                call_id or self._new_id(),
                name,
                thought_signature_metadata(metadata_source, self._key),
            )
            self._calls.append(call)
            self._by_id[call.id] = call
            out.append(ToolInputStart(id=call.id, tool_name=name))
            initial = buffered + (arguments or "")
            if initial:
                call.arguments.append(initial)
                out.append(ToolInputDelta(id=call.id, delta=initial))
        elif arguments and not call.finished:
            call.arguments.append(arguments)
            out.append(ToolInputDelta(id=call.id, delta=arguments))

        if index is not None:
            self._by_index[index] = call
        self._latest = call

    def finish(self, out: list[StreamPart]) -> bool:
        """At the end of the stream: finalize every call; report calls that never got a name.

        Returns:
            Whether an error part was appended.
        """
        failed = False
        for pending in self._pending.values():
            failed = True
            data: JSONObject = {"index": pending.key} if isinstance(pending.key, int) else {}
            if pending.id is not None:
                data["id"] = pending.id
            data["arguments"] = "".join(pending.arguments)
            out.append(
                ErrorPart(
                    error=InvalidResponseDataError(
                        data=data,
                        message=(
                            "A streamed tool call never received its function name, so it was "
                            f"dropped: {json_text(data)}."
                        ),
                    )
                )
            )
        self._pending.clear()
        for call in self._calls:
            if call.finished:
                continue
            call.finished = True
            out.append(ToolInputEnd(id=call.id))
            out.append(
                ToolCallContent(
                    tool_call_id=call.id,
                    tool_name=call.name,
                    input="".join(call.arguments),
                    provider_metadata=call.metadata,
                )
            )
        return failed

    def abandon(self, out: list[StreamPart]) -> None:
        """The stream broke off: close the open inputs without making (possibly truncated)
        calls."""
        self._pending.clear()
        for call in self._calls:
            if not call.finished:
                call.finished = True
                out.append(ToolInputEnd(id=call.id))
