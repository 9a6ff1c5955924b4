"""`GeneratedFile`: a file a model produced (image, audio, ...), shared by every kind of result.

Providers return either raw bytes or base64 text; users want either. The file keeps what it was
given and converts to the other form on first access only, since images can be megabytes.
"""

from __future__ import annotations

from ai_sdk.provider_utils import convert_base64_to_bytes, convert_bytes_to_base64

__all__ = ["GeneratedAudioFile", "GeneratedFile"]


class GeneratedFile:
    """A generated file, readable as bytes or as base64 text.

    Read-only; two files are equal when their media types and bytes are equal.

    Args:
        data: The content: raw bytes, or base64 text (standard or URL-safe).
        media_type: The IANA media type, e.g. ``image/png``.
    """

    __slots__ = ("_base64", "_bytes", "_media_type")

    _base64: str | None
    _bytes: bytes | None
    _media_type: str

    def __init__(self, *, data: str | bytes | bytearray | memoryview, media_type: str) -> None:
        if isinstance(data, str):
            object.__setattr__(self, "_base64", data)
            object.__setattr__(self, "_bytes", None)
        else:
            object.__setattr__(self, "_base64", None)
            object.__setattr__(self, "_bytes", bytes(data))
        object.__setattr__(self, "_media_type", media_type)

    @property
    def media_type(self) -> str:
        """The IANA media type, e.g. ``image/png``."""
        return self._media_type

    @property
    def base64(self) -> str:
        """The content as base64 text."""
        if self._base64 is None:
            assert self._bytes is not None
            object.__setattr__(self, "_base64", convert_bytes_to_base64(self._bytes))
        assert self._base64 is not None
        return self._base64

    @property
    def data(self) -> bytes:
        """The content as bytes."""
        if self._bytes is None:
            assert self._base64 is not None
            object.__setattr__(self, "_bytes", convert_base64_to_bytes(self._base64))
        assert self._bytes is not None
        return self._bytes

    @property
    def uint8_array(self) -> bytes:
        """The content as bytes (the upstream name; same as `data`)."""
        return self.data

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"GeneratedFile is read-only; cannot set {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GeneratedFile):
            return NotImplemented
        return self._media_type == other._media_type and self.data == other.data

    def __hash__(self) -> int:
        return hash((self._media_type, self.data))

    def __repr__(self) -> str:
        size = len(self._bytes) if self._bytes is not None else None
        shown = f"{size} bytes" if size is not None else f"{len(self.base64)} base64 chars"
        return f"GeneratedFile(media_type={self._media_type!r}, {shown})"


class GeneratedAudioFile(GeneratedFile):
    """A generated audio file: a `GeneratedFile` that also names its audio `format`.

    Args:
        data: The content: raw bytes, or base64 text (standard or URL-safe).
        media_type: The IANA media type, e.g. ``audio/wav``.
    """

    __slots__ = ()

    @property
    def format(self) -> str:
        """The audio format from the media type (``audio/wav`` -> ``wav``), ``mp3`` for
        ``audio/mpeg`` or a media type without a subtype, as upstream."""
        main, slash, sub = self.media_type.partition("/")
        if main and slash and sub and "/" not in sub and self.media_type != "audio/mpeg":
            return sub
        return "mp3"

    def __repr__(self) -> str:
        return super().__repr__().replace("GeneratedFile(", "GeneratedAudioFile(", 1)
