"""Base64 and data-URL conversions, and media type sniffing from a file's first bytes."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence

from ai_sdk.provider._errors import InvalidDataContentError

__all__ = [
    "DataContent",
    "convert_base64_to_bytes",
    "convert_bytes_to_base64",
    "convert_to_base64",
    "create_data_url",
    "detect_media_type",
    "split_data_url",
]

DataContent = str | bytes | bytearray | memoryview
"""File data as base64 text or raw bytes."""

_WHITESPACE = re.compile(r"[\t\n\f\r ]+")
_URL_SAFE = str.maketrans("-_", "+/")


def convert_base64_to_bytes(data: str) -> bytes:
    """Decode standard or URL-safe base64; padding may be missing and whitespace is ignored.

    Raises:
        InvalidDataContentError: ``data`` is not base64.
    """
    text = _WHITESPACE.sub("", data).translate(_URL_SAFE).rstrip("=")
    try:
        # Padding is optional (as in URL-safe base64 and browsers' atob); restore it.
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError) as error:
        raise InvalidDataContentError(
            content=data,
            cause=error,
            message=f"Invalid base64 data: {error}. Pass bytes, or standard/URL-safe base64 text.",
        ) from error


def convert_bytes_to_base64(data: bytes | bytearray | memoryview) -> str:
    """Standard base64 (with padding) as ``str``."""
    return base64.b64encode(data).decode("ascii")


def convert_to_base64(data: DataContent) -> str:
    """Base64 text for ``data``: a ``str`` is assumed to be base64 already and returned as is."""
    return data if isinstance(data, str) else convert_bytes_to_base64(data)


def split_data_url(url: str) -> tuple[str | None, str | None]:
    """``(media_type, base64_content)`` of a ``data:`` URL; ``(None, None)`` when it is not one.

    A URL without ``;base64`` has its percent-encoded text converted to base64, so the second
    item is always base64.
    """
    if url[:5].lower() != "data:":
        return None, None
    header, sep, content = url[5:].partition(",")
    if not sep:
        return None, None
    params = header.split(";")
    media_type = params[0].strip() or None
    if any(p.strip().lower() == "base64" for p in params[1:]):
        return media_type, content
    from urllib.parse import unquote_to_bytes

    return media_type, convert_bytes_to_base64(unquote_to_bytes(content))


def create_data_url(data: DataContent, media_type: str) -> str:
    """A ``data:<media_type>;base64,<...>`` URL for ``data``."""
    return f"data:{media_type};base64,{convert_to_base64(data)}"


# -- sniffing -------------------------------------------------------------------------------

_Signature = tuple[str, bytes, bytes]  # media type, prefix with wildcards as 0, mask of fixed bytes


def _sig(media_type: str, *pattern: int | None) -> _Signature:
    prefix = bytes(0 if b is None else b for b in pattern)
    mask = bytes(0 if b is None else 1 for b in pattern)
    return media_type, prefix, mask


_RIFF = (0x52, 0x49, 0x46, 0x46, None, None, None, None)
_FTYP = (0x00, 0x00, 0x00, None, 0x66, 0x74, 0x79, 0x70)

_IMAGE: Sequence[_Signature] = (
    _sig("image/gif", 0x47, 0x49, 0x46),
    _sig("image/png", 0x89, 0x50, 0x4E, 0x47),
    _sig("image/jpeg", 0xFF, 0xD8),
    _sig("image/webp", *_RIFF, 0x57, 0x45, 0x42, 0x50),
    _sig("image/bmp", 0x42, 0x4D),
    _sig("image/tiff", 0x49, 0x49, 0x2A, 0x00),
    _sig("image/tiff", 0x4D, 0x4D, 0x00, 0x2A),
    _sig("image/avif", 0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66),
    _sig("image/heic", 0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63),
)
_DOCUMENT: Sequence[_Signature] = (_sig("application/pdf", 0x25, 0x50, 0x44, 0x46),)
_AUDIO_NO_MP4: Sequence[_Signature] = (
    *(_sig("audio/mpeg", 0xFF, second) for second in (0xFB, 0xFA, 0xF3, 0xF2, 0xE3, 0xE2)),
    _sig("audio/wav", *_RIFF, 0x57, 0x41, 0x56, 0x45),
    _sig("audio/ogg", 0x4F, 0x67, 0x67, 0x53),
    _sig("audio/flac", 0x66, 0x4C, 0x61, 0x43),
    _sig("audio/aac", 0x40, 0x15, 0x00, 0x00),
    _sig("audio/webm", 0x1A, 0x45, 0xDF, 0xA3),
)
_AUDIO: Sequence[_Signature] = (*_AUDIO_NO_MP4, _sig("audio/mp4", *_FTYP))
_VIDEO: Sequence[_Signature] = (
    # QuickTime's `ftypqt` before the generic `ftyp` of MP4, or it could never match.
    _sig("video/quicktime", 0x00, 0x00, 0x00, 0x14, 0x66, 0x74, 0x79, 0x70, 0x71, 0x74),
    _sig("video/mp4", *_FTYP),
    _sig("video/webm", 0x1A, 0x45, 0xDF, 0xA3),
    _sig("video/x-msvideo", 0x52, 0x49, 0x46, 0x46),
)
# Without a top-level type an MP4 container reads as video (ftyp alone cannot tell).
_ALL: Sequence[_Signature] = (*_IMAGE, *_DOCUMENT, *_AUDIO_NO_MP4, *_VIDEO)
_BY_TOP_LEVEL: dict[str, Sequence[_Signature]] = {
    "image": _IMAGE,
    "audio": _AUDIO,
    "video": _VIDEO,
    "application": _DOCUMENT,
}

_SNIFF_BYTES = 18
_MAX_ID3_TAG_BYTES = 128 * 1024  # skip at most this much ID3 metadata (cover art) in an MP3
_MAX_SIGNATURE_BYTES = 12


def _prefix(data: DataContent, size: int) -> bytes:
    if isinstance(data, str):
        chars = -(-size // 3) * 4
        try:
            return convert_base64_to_bytes(data[:chars])[:size]
        except InvalidDataContentError:
            return b""
    return bytes(data[:size])


def _matches(head: bytes, prefix: bytes, mask: bytes) -> bool:
    if len(head) < len(prefix):
        return False
    return all(not m or h == p for h, p, m in zip(head, prefix, mask, strict=False))


def detect_media_type(data: DataContent, top_level_type: str | None = None) -> str | None:
    """The IANA media type of a file from its magic bytes, or ``None`` if unrecognised.

    Recognises gif, png, jpeg, webp, bmp, tiff, avif, heic, pdf, mp3 (also behind an ID3 tag),
    wav, ogg, flac, aac, webm, mp4, mov and avi.

    Args:
        data: raw bytes or base64 text (only the first bytes are decoded).
        top_level_type: restrict to ``"image"``, ``"audio"``, ``"video"`` or ``"application"``;
            any other value gives ``None``.
    """
    if top_level_type is None:
        signatures = _ALL
    else:
        found = _BY_TOP_LEVEL.get(top_level_type)
        if found is None:
            return None
        signatures = found
    head = _prefix(data, _SNIFF_BYTES)
    if len(head) > 10 and head[:3] == b"ID3":
        size = ((head[6] & 0x7F) << 21) | ((head[7] & 0x7F) << 14)
        size |= ((head[8] & 0x7F) << 7) | (head[9] & 0x7F)
        head = _prefix(data, _MAX_ID3_TAG_BYTES + _MAX_SIGNATURE_BYTES)[size + 10 :]
    for media_type, prefix, mask in signatures:
        if _matches(head, prefix, mask):
            return media_type
    return None
