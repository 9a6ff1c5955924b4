"""The SSE parser: WHATWG rules, chunking invariance, and robustness on arbitrary bytes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ai_sdk.provider_utils import (
    DEFAULT_MAX_EVENT_SIZE,
    EventSizeLimitExceeded,
    ServerSentEvent,
    SSEParser,
)

BOM = b"\xef\xbb\xbf"


def parse(*chunks: bytes) -> list[ServerSentEvent]:
    parser = SSEParser()
    events: list[ServerSentEvent] = []
    for chunk in chunks:
        events.extend(parser.feed(chunk))
    parser.close()
    return events


def reference(stream: bytes) -> list[ServerSentEvent]:
    """A line-at-a-time reading of the WHATWG algorithm, independent of the parser's framing."""
    if stream.startswith(BOM):
        stream = stream[3:]
    lines = re.split(rb"\r\n|\r|\n", stream)[:-1]  # the last piece has no line end: discarded
    events: list[ServerSentEvent] = []
    data: list[bytes] | None = None
    event: bytes | None = None
    retry: int | None = None
    last_id: str | None = None
    for line in lines:
        if not line:
            if data is not None:
                name = event.decode("utf-8", "replace") if event else None
                text = b"\n".join(data).decode("utf-8", "replace")
                events.append(ServerSentEvent(text, name, last_id, retry))
            data, event, retry = None, None, None
            continue
        if line.startswith(b":"):
            continue
        field, colon, value = line.partition(b":")
        if colon and value.startswith(b" "):
            value = value[1:]
        if field == b"data":
            data = [*(data or []), value]
        elif field == b"event":
            event = value
        elif field == b"id" and b"\x00" not in value:
            last_id = value.decode("utf-8", "replace")
        elif field == b"retry" and value.isdigit():
            retry = int(value)
    return events


def split_at(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    pieces, start = [], 0
    for point in points:
        pieces.append(data[start:point])
        start = point
    pieces.append(data[start:])
    return pieces


# -- rules ------------------------------------------------------------------------------------


def test_single_data_event() -> None:
    assert parse(b"data: hello\n\n") == [ServerSentEvent("hello")]


def test_multiline_data_is_joined_with_newlines() -> None:
    assert parse(b"data: a\ndata: b\ndata:\n\n") == [ServerSentEvent("a\nb\n")]


@pytest.mark.parametrize("end", [b"\n", b"\r", b"\r\n"])
def test_every_line_end_style(end: bytes) -> None:
    stream = b"event: e" + end + b"data: x" + end + b"data: y" + end + end
    assert parse(stream) == [ServerSentEvent("x\ny", "e")]


def test_cr_at_chunk_end_and_lf_at_next_start_are_one_line_end() -> None:
    # If the CR and LF were counted twice, "a" would be dispatched alone before "b".
    assert parse(b"data: a\r", b"\ndata: b\r\n\r\n") == [ServerSentEvent("a\nb")]


def test_blank_line_straddling_two_chunks() -> None:
    assert parse(b"data: a\n", b"\ndata: b\n\n") == [ServerSentEvent("a"), ServerSentEvent("b")]


def test_comments_unknown_fields_and_field_without_colon() -> None:
    stream = b": keep-alive\nfoo: bar\ndata\n\n:only a comment\n\n"
    assert parse(stream) == [ServerSentEvent("")]


def test_only_one_leading_space_is_stripped() -> None:
    assert parse(b"data:  two\ndata:none\n\n") == [ServerSentEvent(" two\nnone")]


def test_event_without_data_is_not_dispatched_and_event_type_resets() -> None:
    assert parse(b"event: ping\n\ndata: x\n\n") == [ServerSentEvent("x")]


def test_id_persists_and_retry_is_per_event() -> None:
    stream = b"id: 7\nretry: 1500\ndata: a\n\ndata: b\n\nid\ndata: c\n\nretry: 1x\ndata: d\n\n"
    assert parse(stream) == [
        ServerSentEvent("a", None, "7", 1500),
        ServerSentEvent("b", None, "7", None),
        ServerSentEvent("c", None, "", None),
        ServerSentEvent("d", None, "", None),
    ]


def test_id_with_nul_is_ignored() -> None:
    parser = SSEParser()
    assert parser.feed(b"id: 1\n\nid: a\x00b\ndata: x\n\n") == [ServerSentEvent("x", None, "1")]
    assert parser.last_event_id == "1"


def test_bom_at_stream_start_is_stripped_even_split() -> None:
    assert parse(BOM[:1], BOM[1:2], BOM[2:] + b"data: x\n\n") == [ServerSentEvent("x")]
    # a BOM later in the stream is content
    assert parse(b"data: a\n\n" + BOM + b"data: b\n\n") == [ServerSentEvent("a")]


def test_unterminated_trailing_event_is_discarded() -> None:
    parser = SSEParser()
    assert parser.feed(b"data: a\n\ndata: b\n") == [ServerSentEvent("a")]
    parser.close()
    assert parser.feed(b"\n") == []  # close() reset the stream: the "b" event is gone


def test_utf8_split_across_chunks() -> None:
    body = "data: héllo 你好 🎉\n\n".encode()
    assert parse(*[body[i : i + 1] for i in range(len(body))]) == [ServerSentEvent("héllo 你好 🎉")]


def test_invalid_utf8_is_replaced_not_raised() -> None:
    assert parse(b"data: a\xffb\n\n") == [ServerSentEvent("a\ufffdb")]


def test_feed_data_returns_raw_payloads() -> None:
    parser = SSEParser()
    assert parser.feed_data(b"data: {}\n\ndata: [DONE]\n\n") == [b"{}", b"[DONE]"]
    # the general path (a comment) gives the same shape
    assert parser.feed_data(b": c\ndata: 1\ndata: 2\n\n") == [b"1\n2"]


def test_empty_chunks_are_harmless() -> None:
    assert parse(b"", b"data: x", b"", b"\n\n", b"") == [ServerSentEvent("x")]


def test_event_repr_and_equality() -> None:
    event = ServerSentEvent("d", "e", "1", 5)
    assert repr(event) == "ServerSentEvent(data='d', event='e', id='1', retry=5)"
    assert event != ServerSentEvent("d")
    assert event != "d"


# -- properties -------------------------------------------------------------------------------

_text = st.text(
    alphabet=st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)), max_size=12
)
_line = st.one_of(
    st.builds(lambda v: b"data: " + v.encode(), _text),
    st.builds(lambda v: b"data:" + v.encode(), _text),
    st.just(b"data"),
    st.builds(lambda v: b"event: " + v.encode(), _text),
    st.builds(lambda v: b"id: " + v.encode(), _text),
    st.builds(lambda v: b"retry: " + str(v).encode(), st.integers(0, 10_000)),
    st.builds(lambda v: b":" + v.encode(), _text),
    st.builds(lambda v: v.encode(), _text),
    st.just(b""),
)
_line_end = st.sampled_from([b"\n", b"\r", b"\r\n"])


@st.composite
def streams(draw: st.DrawFn) -> bytes:
    parts = [BOM] if draw(st.booleans()) else []
    for line in draw(st.lists(_line, max_size=30)):
        parts.append(line + draw(_line_end))
    if draw(st.booleans()):
        parts.append(draw(_line))  # an unterminated tail
    return b"".join(parts)


@settings(max_examples=300, deadline=None)
@given(stream=streams(), cuts=st.lists(st.integers(min_value=0), max_size=12))
def test_any_chunking_gives_the_reference_events(stream: bytes, cuts: list[int]) -> None:
    expected = reference(stream)
    assert parse(stream) == expected
    assert parse(*split_at(stream, cuts)) == expected


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=200), cuts=st.lists(st.integers(min_value=0), max_size=8))
def test_arbitrary_bytes_never_raise_and_match_the_reference(data: bytes, cuts: list[int]) -> None:
    events = parse(*split_at(data, cuts))
    assert all(isinstance(event, ServerSentEvent) for event in events)
    assert events == reference(data)


@settings(max_examples=100, deadline=None)
@given(stream=streams(), cuts=st.lists(st.integers(min_value=0), max_size=12))
def test_feed_data_matches_feed(stream: bytes, cuts: list[int]) -> None:
    parser = SSEParser()
    payloads = [p for chunk in split_at(stream, cuts) for p in parser.feed_data(chunk)]
    assert payloads == [event.data.encode() for event in reference(stream)]


# -- the size limit ----------------------------------------------------------------------------


def test_an_event_longer_than_the_limit_raises_and_shorter_ones_pass() -> None:
    parser = SSEParser(max_event_size=10)
    assert parser.feed(b"data: 1234\n\n") == [ServerSentEvent("1234")]
    assert parser.feed(b"data: ") == []
    with pytest.raises(EventSizeLimitExceeded) as caught:
        parser.feed(b"12345")  # 11 bytes held without a blank line
    assert caught.value.limit == 10
    assert "10 bytes" in str(caught.value)


def test_the_limit_counts_the_unfinished_event_only() -> None:
    parser = SSEParser(max_event_size=12)
    # Complete events do not count, however many arrive; only the carried-over tail does.
    events = parser.feed(b"data: a\n\n" * 100 + b"data: b")
    assert len(events) == 100
    assert parser.feed(b"cd\n\n") == [ServerSentEvent("bcd")]
    with pytest.raises(EventSizeLimitExceeded):
        parser.feed(b"data: " + b"x" * 20)


def test_no_limit_when_none_and_the_default_is_16_mib() -> None:
    parser = SSEParser(max_event_size=None)
    big = b"x" * (DEFAULT_MAX_EVENT_SIZE + 1)
    assert parser.feed(b"data: " + big) == []
    assert parser.feed(b"\n\n") == [ServerSentEvent(big.decode())]
    assert DEFAULT_MAX_EVENT_SIZE == 16 * 1024 * 1024
    with pytest.raises(EventSizeLimitExceeded):
        SSEParser().feed(b"data: " + big)
