"""Property tests: the SSE parser, partial-JSON repair and the streamed tool-call accumulator.

- SSE: any chunking of a stream gives the same events; random bytes never raise; the JSON event
  stream turns anything into parse results (typed errors), never an exception.
- Partial JSON: every prefix of a JSON document parses without raising into a value consistent
  with the full document, and the full document parses exactly.
- Tool calls: however the same calls are split into deltas and chunks (OpenAI style, name after
  the first delta, no index, interleaved by index), the same calls come out.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import AsyncIterator
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai_sdk.provider import (
    CallOptions,
    ErrorPart,
    JSONParseError,
    StreamPart,
    TextPart,
    ToolCallContent,
    TypeValidationError,
    UserMessage,
    to_wire,
)
from ai_sdk.provider_utils import (
    JSONEventStream,
    ParseFailure,
    ParseSuccess,
    SSEParser,
    parse_partial_json,
)
from ai_sdk_openai_compatible import OpenAICompatibleProvider
from ai_sdk_openai_compatible._chat_stream import ChatStreamState
from ai_sdk_openai_compatible._mapping import convert_chat_usage
from tests.reliability._helpers import CHAT, chunk, event_bytes
from tests.servers import LoopbackServer, sse_reply

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- SSE parser --------------------------------------------------------------------------------


def split_at(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({min(max(c, 0), len(data)) for c in cuts})
    pieces: list[bytes] = []
    start = 0
    for point in [*points, len(data)]:
        pieces.append(data[start:point])
        start = point
    return pieces


def parse_all(pieces: list[bytes]) -> list[tuple[str, str | None, str | None, int | None]]:
    parser = SSEParser()
    events = [event for piece in pieces for event in parser.feed(piece)]
    parser.close()
    return [(e.data, e.event, e.id, e.retry) for e in events]


line_text = st.text(st.characters(exclude_characters="\r\n", codec="utf-8"), max_size=12)
sse_event = st.fixed_dictionaries(
    {
        "lines": st.lists(line_text, min_size=1, max_size=3).filter(lambda ls: "".join(ls)),
        "event": st.none() | st.from_regex(r"[a-z]{1,8}", fullmatch=True),
        "comment": st.booleans(),
    }
)


def render(events: list[dict[str, Any]], newline: bytes, bom: bool) -> bytes:
    out = bytearray(b"\xef\xbb\xbf" if bom else b"")
    for event in events:
        if event["comment"]:
            out += b": keep-alive" + newline
        if event["event"] is not None:
            out += b"event: " + event["event"].encode() + newline
        for line in event["lines"]:
            out += b"data: " + line.encode() + newline
        out += newline
    return bytes(out)


@FAST
@given(
    events=st.lists(sse_event, max_size=8),
    newline=st.sampled_from([b"\n", b"\r", b"\r\n"]),
    bom=st.booleans(),
    cuts=st.lists(st.integers(0, 400), max_size=12),
)
def test_sse_any_chunking_of_a_stream_gives_its_events(
    events: list[dict[str, Any]], newline: bytes, bom: bool, cuts: list[int]
) -> None:
    raw = render(events, newline, bom)
    expected = [("\n".join(e["lines"]), e["event"], None, None) for e in events]
    assert parse_all([raw]) == expected
    assert parse_all(split_at(raw, cuts)) == expected
    assert parse_all([bytes([b]) for b in raw]) == expected


@FAST
@given(raw=st.binary(max_size=300), cuts=st.lists(st.integers(0, 300), max_size=10))
def test_sse_random_bytes_never_raise_and_chunking_never_matters(
    raw: bytes, cuts: list[int]
) -> None:
    whole = parse_all([raw])
    assert parse_all(split_at(raw, cuts)) == whole
    parser = SSEParser()
    data = [d for piece in split_at(raw, cuts) for d in parser.feed_data(piece)]
    assert [d.decode("utf-8", "replace") for d in data] == [event[0] for event in whole]


sse_noise = st.lists(
    st.sampled_from([b"data: ", b"data:", b"\n", b"\r\n", b"\r", b": c\n", b"[DONE]", b"{", b"}"])
    | st.binary(max_size=8)
    | st.builds(lambda v: json.dumps(v).encode(), st.from_type(int) | st.text(max_size=5)),
    max_size=40,
)


class _Body(httpx.AsyncByteStream):
    def __init__(self, pieces: list[bytes]) -> None:
        self._pieces = pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self._pieces:
            yield piece


@FAST
@given(pieces=sse_noise)
async def test_json_event_stream_turns_any_bytes_into_typed_results(pieces: list[bytes]) -> None:
    response = httpx.Response(200, stream=_Body(pieces))
    stream = JSONEventStream(response, None, url="http://x", request_body_values=None)
    async with stream:
        async for result in stream:
            if isinstance(result, ParseFailure):
                assert isinstance(result.error, JSONParseError | TypeValidationError)
            else:
                assert isinstance(result, ParseSuccess)
    assert stream.closed


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=12,
)


@FAST
@given(value=json_values)
def test_json_event_stream_chat_state_never_raises_on_any_json(value: Any) -> None:
    state = ChatStreamState("test", convert_chat_usage, None)
    parts = state.process(value)
    parts += state.process({"choices": [{"delta": value}]})
    parts += state.flush()
    assert all(isinstance(part.type, str) for part in parts)
    assert parts[-1].type == "finish"
    assert [p for p in parts if p.type == "error"] == [p for p in parts if isinstance(p, ErrorPart)]


plain_text = st.text(min_size=1, max_size=3)
delta_values = st.one_of(
    st.fixed_dictionaries({"content": plain_text}),  # what nearly every chunk is
    st.fixed_dictionaries({"content": plain_text, "role": st.just("assistant")}),
    st.fixed_dictionaries(
        {"content": st.one_of(st.text(max_size=4), st.none(), st.integers())},
        optional={
            "role": st.just("assistant"),
            "reasoning_content": st.text(max_size=3),
            "tool_calls": st.just([]),
            "refusal": st.none(),
        },
    ),
)
choice_values = st.fixed_dictionaries(
    {"delta": delta_values},
    optional={"finish_reason": st.sampled_from([None, "stop", "length"])},
)
chunk_values = st.fixed_dictionaries(
    {
        "choices": st.one_of(
            st.lists(choice_values, min_size=1, max_size=1), st.lists(choice_values, max_size=2)
        )
    },
    optional={"usage": st.one_of(st.none(), st.just({"completion_tokens": 3}))},
)


@FAST
@given(chunks=st.lists(chunk_values, max_size=8) | st.lists(chunk_values | json_values, max_size=8))
def test_chat_state_fast_path_gives_what_the_general_path_gives(chunks: list[Any]) -> None:
    # `transform` skips straight to a `TextDelta` for plain text chunks; `process` always
    # takes the general path. Both must make the same parts of any chunk sequence.
    fast = ChatStreamState("test", convert_chat_usage, None)
    general = ChatStreamState("test", convert_chat_usage, None)
    opening = {"choices": [{"delta": {"role": "assistant", "content": "hi"}}]}
    fast_parts = fast.transform(opening, opening)
    general_parts = general.process(opening)
    for value in chunks:
        fast_parts += fast.transform(value, value)
        general_parts += general.process(value)
    fast_parts += fast.flush()
    general_parts += general.flush()
    assert [to_wire(p) for p in fast_parts] == [to_wire(p) for p in general_parts]


# -- partial JSON ------------------------------------------------------------------------------


def consistent(partial: Any, full: Any) -> bool:
    """Whether ``partial`` could be what a prefix of ``full`` shows (nothing invented)."""
    if partial is None:
        return True  # a value not seen yet (or an unfinished `nul`)
    if isinstance(full, bool) or isinstance(partial, bool):
        return partial == full
    if isinstance(full, int | float) and isinstance(partial, int | float):
        return math.isfinite(partial)  # `12.` is cut back to `12`, `1e` to `1`...
    if isinstance(full, str):
        return isinstance(partial, str) and full.startswith(partial)
    if isinstance(full, list):
        return (
            isinstance(partial, list)
            and len(partial) <= len(full)
            and all(consistent(p, f) for p, f in zip(partial, full, strict=False))
        )
    if isinstance(full, dict):
        return (
            isinstance(partial, dict)
            and set(partial) <= set(full)
            and all(consistent(partial[k], full[k]) for k in partial)
        )
    return False


@FAST
@given(
    value=json_values, indent=st.sampled_from([None, 1]), ascii_only=st.booleans(), data=st.data()
)
def test_partial_json_every_prefix_is_consistent_with_the_whole(
    value: Any, indent: int | None, ascii_only: bool, data: st.DataObject
) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    assert parse_partial_json(text) == (json.loads(text), "successful-parse")
    cuts = data.draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=8))
    for cut in cuts:
        partial, state = parse_partial_json(text[:cut])
        assert state in {"successful-parse", "repaired-parse", "failed-parse"}
        if state == "failed-parse":
            assert partial is None
        else:
            assert consistent(partial, value), (text[:cut], partial)


@FAST
@given(text=st.text(max_size=60))
def test_partial_json_never_raises_on_any_text(text: str) -> None:
    partial, state = parse_partial_json(text)
    assert state in {"successful-parse", "repaired-parse", "failed-parse"}
    assert (partial is None) or state != "failed-parse"


# -- the tool-call delta accumulator -----------------------------------------------------------

call_args = st.dictionaries(
    st.text("abcxyz_", min_size=1, max_size=6),
    st.integers(-1000, 1000) | st.text(max_size=10) | st.booleans(),
    max_size=4,
)
calls_strategy = st.lists(
    st.tuples(st.sampled_from(["get_weather", "search", "lookup"]), call_args),
    min_size=1,
    max_size=4,
)
STYLES = ["openai", "name-later", "no-index", "index-always-0"]


def split_text(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(text)}), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


@st.composite
def tool_call_stream(
    draw: st.DrawFn,
) -> tuple[list[tuple[str, str, str]], list[list[dict[str, Any]]], str]:
    calls = draw(calls_strategy)
    style = draw(st.sampled_from(STYLES))
    expected: list[tuple[str, str, str]] = []
    per_call: list[list[dict[str, Any]]] = []
    for index, (name, args) in enumerate(calls):
        call_id = f"call_{index}"
        arguments = json.dumps(args)
        expected.append((call_id, name, arguments))
        cuts = draw(st.lists(st.integers(0, len(arguments)), max_size=6))
        pieces = split_text(arguments, cuts)
        if style == "name-later":
            deltas = [
                {"index": index, "id": call_id, "type": "function", "function": {"arguments": ""}}
            ]
            deltas.append({"index": index, "function": {"name": name}})
            deltas += [{"index": index, "function": {"arguments": p}} for p in pieces]
        elif style == "no-index":
            deltas = [
                {
                    "id": call_id,
                    "type": "function",
                    "function": {"name": name, "arguments": pieces[0]},
                }
            ]
            deltas += [{"function": {"arguments": p}} for p in pieces[1:]]
        else:  # OpenAI; Ollama sends index 0 for every call, each with its own id
            position = 0 if style == "index-always-0" else index
            deltas = [
                {
                    "index": position,
                    "id": call_id,
                    "type": "function",
                    "function": {"name": name, "arguments": pieces[0]},
                }
            ]
            deltas += [{"index": position, "function": {"arguments": p}} for p in pieces[1:]]
        per_call.append(deltas)
    # Parallel calls may interleave when every delta says which call it belongs to (its index).
    interleaved = style in ("openai", "name-later") and draw(st.booleans())
    if interleaved:
        order = draw(st.permutations([i for i, deltas in enumerate(per_call) for _ in deltas]))
        cursors = [0] * len(per_call)
        flat: list[dict[str, Any]] = []
        for which in order:  # each call's deltas stay in order; calls interleave
            flat.append(per_call[which][cursors[which]])
            cursors[which] += 1
    else:
        flat = [delta for deltas in per_call for delta in deltas]
    group_cuts = draw(st.lists(st.integers(0, len(flat)), max_size=len(flat)))
    bounds = [0, *sorted(set(group_cuts)), len(flat)]
    groups = [flat[a:b] for a, b in itertools.pairwise(bounds) if b > a]
    return expected, groups, "interleaved" if interleaved else style


def final_calls(parts: list[StreamPart]) -> list[tuple[str, str, str]]:
    return [(p.tool_call_id, p.tool_name, p.input) for p in parts if isinstance(p, ToolCallContent)]


@FAST
@given(stream=tool_call_stream())
def test_any_split_of_the_same_tool_calls_yields_the_same_calls(
    stream: tuple[list[tuple[str, str, str]], list[list[dict[str, Any]]], str],
) -> None:
    expected, groups, style = stream
    state = ChatStreamState("test", convert_chat_usage, None)
    parts: list[StreamPart] = []
    for group in groups:
        parts += state.process(chunk({"tool_calls": group}))
    parts += state.process(chunk({}, "tool_calls"))
    parts += state.flush()
    calls = final_calls(parts)
    if style == "interleaved":
        calls.sort()
    assert calls == expected
    assert [p for p in parts if isinstance(p, ErrorPart)] == []
    assert parts[-1].finish_reason.unified == "tool-calls"  # type: ignore[union-attr]
    streamed: dict[str, str] = {}
    for part in parts:
        if part.type == "tool-input-delta":
            streamed[part.id] = streamed.get(part.id, "") + part.delta  # type: ignore[union-attr]
    assert streamed == {call_id: arguments for call_id, _, arguments in expected if arguments}


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(stream=tool_call_stream())
async def test_tool_calls_split_over_real_sockets_come_out_whole(
    stream: tuple[list[tuple[str, str, str]], list[list[dict[str, Any]]], str],
    server: LoopbackServer,
    provider: OpenAICompatibleProvider,
) -> None:
    expected, groups, style = stream
    events = [chunk({"tool_calls": group}) for group in groups] + [chunk({}, "tool_calls")]
    server.route(CHAT, sse_reply(events))
    model = provider("test-model")
    result = await model.do_stream(CallOptions(prompt=[UserMessage(content=[TextPart(text="?")])]))
    calls = final_calls([part async for part in result.stream])
    if style == "interleaved":
        calls.sort()
    assert calls == expected


def test_event_bytes_helper_round_trips() -> None:
    assert parse_all([event_bytes({"a": 1})]) == [('{"a": 1}', None, None, None)]
