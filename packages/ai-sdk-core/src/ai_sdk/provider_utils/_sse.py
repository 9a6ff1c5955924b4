"""An incremental Server-Sent Events parser: bytes in, events out (the per-token hot path).

It follows the WHATWG event-stream rules (``\\n``, ``\\r`` and ``\\r\\n`` line ends, a CR/LF pair
split across two chunks counting once, multi-line ``data`` joined with ``\\n``, comments, ``event``,
``id`` and ``retry`` fields, one space after the colon stripped, a BOM at stream start, dispatch on
a blank line only when a ``data`` field was seen, an unterminated trailing event discarded).

Why our own instead of ``httpx-sse``: it works on bytes, decodes only complete events (so a UTF-8
sequence split across chunks needs no incremental decoder), finds event boundaries with
``bytes.rfind``/``split`` instead of handling one line at a time, and turns any CR into LF once per
chunk so the common LF-only stream pays nothing for CR support. ``bench/sse_parse.py`` measures it.
"""

from __future__ import annotations

import os

__all__ = [
    "DEFAULT_MAX_EVENT_SIZE",
    "MAX_EVENT_SIZE_ENV",
    "EventSizeLimitExceeded",
    "SSEParser",
    "ServerSentEvent",
    "default_max_event_size",
]

DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024
"""The largest server-sent event read by default, in bytes (16 MiB)."""

MAX_EVENT_SIZE_ENV = "AI_SDK_MAX_SSE_EVENT_SIZE"
"""The environment variable that overrides `DEFAULT_MAX_EVENT_SIZE` (bytes; 0 for no limit)."""


def default_max_event_size() -> int | None:
    """``AI_SDK_MAX_SSE_EVENT_SIZE`` if set (``0``: no limit), else `DEFAULT_MAX_EVENT_SIZE`."""
    value = os.environ.get(MAX_EVENT_SIZE_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_EVENT_SIZE
    try:
        size = int(value)
    except ValueError:
        raise ValueError(
            f"{MAX_EVENT_SIZE_ENV} must be a whole number of bytes (0 for no limit), got {value!r}"
        ) from None
    return size if size > 0 else None


class EventSizeLimitExceeded(ValueError):
    """An event grew past the parser's ``max_event_size`` before its blank line arrived."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"A server-sent event grew past {limit} bytes without ending; the server is "
            f"broken or hostile. Raise the limit ({MAX_EVENT_SIZE_ENV} or max_event_size=) "
            "if such events are expected."
        )
        self.limit = limit


_BOM = b"\xef\xbb\xbf"
_LF = 0x0A
_CR = 0x0D


class ServerSentEvent:
    """One dispatched event.

    Attributes:
        data: the ``data`` lines joined with ``\\n`` (decoded as UTF-8, invalid bytes replaced).
        event: the ``event`` field, or ``None`` when the event had none (the WHATWG "message").
        id: the last event id seen on the stream so far (it persists across events), or ``None``.
        retry: the ``retry`` field of this event in milliseconds, or ``None``.
    """

    __slots__ = ("data", "event", "id", "retry")

    def __init__(
        self,
        data: str,
        event: str | None = None,
        id: str | None = None,
        retry: int | None = None,
    ) -> None:
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        return (self.data, self.event, self.id, self.retry) == (
            other.data,
            other.event,
            other.id,
            other.retry,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable value object

    def __repr__(self) -> str:
        fields = [f"data={self.data!r}"]
        if self.event is not None:
            fields.append(f"event={self.event!r}")
        if self.id is not None:
            fields.append(f"id={self.id!r}")
        if self.retry is not None:
            fields.append(f"retry={self.retry!r}")
        return f"ServerSentEvent({', '.join(fields)})"


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _data_only(segment: bytes) -> list[bytes] | None:
    """The payloads when every event in ``segment`` is one ``data: `` line, else ``None``.

    That is what LLM APIs send, so it is worth recognising with two C-level passes: if every LF
    belongs to a ``\\n\\ndata: `` separator, no block has a second line, a comment or another
    field, and the split pieces are exactly the data values.
    """
    if segment[:6] != b"data: ":
        return None
    pieces = segment[6:].split(b"\n\ndata: ")
    if segment.count(b"\n") != 2 * (len(pieces) - 1):
        return None
    return pieces


class SSEParser:
    """Feed it the bytes of an event stream in chunks of any size; it returns complete events.

    Only the bytes after the last blank line are kept between calls, so memory stays bounded by
    one event, and by ``max_event_size``: an event that grows past it raises
    `EventSizeLimitExceeded` (``None`` for no limit). Call :meth:`close` at end of stream: an
    event without its terminating blank line is discarded, as the specification requires.

    Example:
        >>> parser = SSEParser()
        >>> parser.feed(b"data: hel")
        []
        >>> parser.feed(b"lo\\n\\n")
        [ServerSentEvent(data='hello')]
    """

    __slots__ = ("_last_id", "_limit", "_pending", "_pending_size", "_skip_lf", "_started")

    def __init__(self, *, max_event_size: int | None = DEFAULT_MAX_EVENT_SIZE) -> None:
        self._limit = max_event_size
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._started = False
        self._skip_lf = False
        self._last_id: str | None = None

    @property
    def last_event_id(self) -> str | None:
        """The last ``id`` field seen on the stream (for a ``Last-Event-ID`` reconnect)."""
        return self._last_id

    def close(self) -> None:
        """End of stream: drop any unterminated event and reset to a fresh stream."""
        self._pending = []
        self._pending_size = 0
        self._started = False
        self._skip_lf = False

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Consume ``chunk`` and return the events it completes (possibly none)."""
        segment = self._take_segment(chunk)
        if segment is None:
            return []
        pieces = _data_only(segment)
        if pieces is not None:
            last_id = self._last_id
            return [ServerSentEvent(_decode(p), None, last_id, None) for p in pieces]
        return self._parse_segment(segment)

    def feed_data(self, chunk: bytes) -> list[bytes]:
        """Like :meth:`feed`, but return only each event's ``data`` as UTF-8 bytes.

        This is the fast path for JSON streams, whose consumers never look at ``event``, ``id``
        or ``retry``: the bytes go to ``pydantic_core.from_json`` without a decode/encode trip.
        """
        if (
            # One whole ``data: `` line and its blank line (its only two LFs end the chunk),
            # nothing carried over: what servers send per token. Checked up front, it costs
            # half of the general path.
            chunk
            and chunk[-1] == _LF
            and chunk.find(b"\n") == len(chunk) - 2
            and chunk.startswith(b"data: ")
            and b"\r" not in chunk
            and self._started
            and not self._pending
            and not self._skip_lf
        ):
            return [chunk[6:-2]]
        segment = self._take_segment(chunk)
        if segment is None:
            return []
        pieces = _data_only(segment)
        if pieces is not None:
            return pieces
        return [event.data.encode() for event in self._parse_segment(segment)]

    # -- framing --------------------------------------------------------------------------------
    def _take_segment(self, chunk: bytes) -> bytes | None:
        """Normalise line ends and return the bytes up to the last blank line, if any."""
        if not chunk:
            return None
        if self._skip_lf:
            # The previous chunk ended with CR, already counted as a line end: drop its LF.
            self._skip_lf = False
            if chunk[0] == _LF:
                chunk = chunk[1:]
                if not chunk:
                    return None
        if not self._started:
            head = b"".join(self._pending) + chunk if self._pending else chunk
            if len(head) < 3 and _BOM.startswith(head):
                self._pending = [head]
                self._pending_size = len(head)
                return None
            self._started = True
            self._pending = []
            self._pending_size = 0
            chunk = head[3:] if head.startswith(_BOM) else head
            if not chunk:
                return None
        if b"\r" in chunk:
            if chunk[-1] == _CR:
                self._skip_lf = True
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")

        pending = self._pending
        end = chunk.rfind(b"\n\n")
        if end != -1:
            if pending:
                pending.append(chunk[:end])
                segment = b"".join(pending)
            else:
                segment = chunk[:end]
            rest = chunk[end + 2 :]
            self._keep(rest)
            return segment
        if pending and chunk[0] == _LF and pending[-1][-1:] == b"\n":
            # The blank line straddles the previous chunk and this one.
            segment = b"".join(pending)[:-1]
            self._keep(chunk[1:])
            return segment
        pending.append(chunk)
        self._pending_size += len(chunk)
        self._check_size()
        return None

    def _keep(self, rest: bytes) -> None:
        """Carry ``rest`` (the start of the next event) over to the next chunk."""
        self._pending = [rest] if rest else []
        self._pending_size = len(rest)
        self._check_size()

    def _check_size(self) -> None:
        # Only the unfinished event is held, so its size is what the limit bounds.
        limit = self._limit
        if limit is not None and self._pending_size > limit:
            self._pending = []
            self._pending_size = 0
            raise EventSizeLimitExceeded(limit)

    # -- fields ---------------------------------------------------------------------------------
    def _parse_segment(self, segment: bytes) -> list[ServerSentEvent]:
        events: list[ServerSentEvent] = []
        append = events.append
        for block in segment.split(b"\n\n"):
            # A block holds the lines of one event; blank lines can only sit at its edges.
            if block:
                event = self._parse_block(block)
                if event is not None:
                    append(event)
        return events

    def _parse_block(self, block: bytes) -> ServerSentEvent | None:
        data: list[bytes] | None = None
        event_type: bytes | None = None
        retry: int | None = None
        for line in block.split(b"\n"):
            if not line or line[0] == 0x3A:  # blank edge line or ":" comment
                continue
            colon = line.find(b":")
            if colon == -1:
                name, value = line, b""
            else:
                name = line[:colon]
                value = (
                    line[colon + 2 :] if line[colon + 1 : colon + 2] == b" " else line[colon + 1 :]
                )
            if name == b"data":
                if data is None:
                    data = [value]
                else:
                    data.append(value)
            elif name == b"event":
                event_type = value
            elif name == b"id":
                if b"\x00" not in value:
                    self._last_id = _decode(value)
            elif name == b"retry" and value.isdigit():  # ASCII digits only, as specified
                retry = int(value)
            # Any other field name is ignored, as the specification says.
        if data is None:
            return None
        return ServerSentEvent(
            _decode(b"\n".join(data)),
            _decode(event_type) if event_type else None,
            self._last_id,
            retry,
        )
