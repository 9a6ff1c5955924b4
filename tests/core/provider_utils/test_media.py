"""Base64, data URLs and media type sniffing."""

from __future__ import annotations

import base64

import pytest

from ai_sdk.provider._errors import InvalidDataContentError
from ai_sdk.provider_utils import (
    convert_base64_to_bytes,
    convert_bytes_to_base64,
    convert_to_base64,
    create_data_url,
    detect_media_type,
    split_data_url,
)

PAD = b"\x00" * 20

SAMPLES: list[tuple[str, bytes, str]] = [
    ("gif", b"GIF89a", "image/gif"),
    ("png", b"\x89PNG\r\n\x1a\n", "image/png"),
    ("jpeg", b"\xff\xd8\xff\xe0", "image/jpeg"),
    ("webp", b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
    ("bmp", b"BM\x36\x00", "image/bmp"),
    ("tiff-le", b"II*\x00", "image/tiff"),
    ("tiff-be", b"MM\x00*", "image/tiff"),
    ("avif", b"\x00\x00\x00\x20ftypavif", "image/avif"),
    ("heic", b"\x00\x00\x00\x20ftypheic", "image/heic"),
    ("pdf", b"%PDF-1.7", "application/pdf"),
    ("mp3", b"\xff\xfb\x90\x00", "audio/mpeg"),
    ("mp3-mpeg2", b"\xff\xf3\x90\x00", "audio/mpeg"),
    ("wav", b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio/wav"),
    ("ogg", b"OggS\x00\x02", "audio/ogg"),
    ("flac", b"fLaC\x00\x00", "audio/flac"),
    ("aac", b"\x40\x15\x00\x00", "audio/aac"),
    ("webm", b"\x1a\x45\xdf\xa3", "audio/webm"),
    ("mp4", b"\x00\x00\x00\x18ftypmp42", "video/mp4"),
    ("mov", b"\x00\x00\x00\x14ftypqt  ", "video/quicktime"),
    ("avi", b"RIFF\x24\x00\x00\x00AVI LIST", "video/x-msvideo"),
]


@pytest.mark.parametrize(("name", "head", "media_type"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_detect_media_type_from_bytes_and_base64(name: str, head: bytes, media_type: str) -> None:
    data = head + PAD
    assert detect_media_type(data) == media_type
    assert detect_media_type(convert_bytes_to_base64(data)) == media_type
    assert detect_media_type(bytearray(data)) == media_type
    assert detect_media_type(memoryview(data)) == media_type


@pytest.mark.parametrize(
    ("head", "top_level", "expected"),
    [
        (b"\x00\x00\x00\x18ftypmp42", "audio", "audio/mp4"),
        (b"\x00\x00\x00\x18ftypmp42", "video", "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  ", "video", "video/quicktime"),
        (b"\x00\x00\x00\x14ftypqt  ", "audio", "audio/mp4"),
        (b"\x1a\x45\xdf\xa3", "video", "video/webm"),
        (b"\x1a\x45\xdf\xa3", "audio", "audio/webm"),
        (b"%PDF-1.4", "application", "application/pdf"),
        (b"%PDF-1.4", "image", None),
        (b"\x89PNG\r\n\x1a\n", "text", None),
        (b"hello world", None, None),
        (b"", None, None),
        (b"GI", None, None),  # shorter than the signature
    ],
)
def test_detect_media_type_with_top_level_type(
    head: bytes, top_level: str | None, expected: str | None
) -> None:
    data = head + PAD if head not in (b"", b"GI") else head
    assert detect_media_type(data, top_level) == expected


def test_mp3_behind_an_id3_tag() -> None:
    tag_body = b"\x00" * 300
    size = len(tag_body)
    header = b"ID3\x04\x00\x00" + bytes(
        [(size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F]
    )
    data = header + tag_body + b"\xff\xfb\x90\x00" + PAD
    assert detect_media_type(data) == "audio/mpeg"
    assert detect_media_type(convert_bytes_to_base64(data), "audio") == "audio/mpeg"


def test_base64_round_trip_and_url_safe_variants() -> None:
    data = bytes(range(256))
    encoded = convert_bytes_to_base64(data)
    assert encoded == base64.b64encode(data).decode()
    assert convert_base64_to_bytes(encoded) == data
    url_safe = base64.urlsafe_b64encode(data).decode().rstrip("=")
    assert convert_base64_to_bytes(url_safe) == data
    assert convert_base64_to_bytes("aGVs\nbG8=") == b"hello"
    assert convert_base64_to_bytes("aGVsbG8") == b"hello"  # padding optional
    assert convert_to_base64(b"hello") == "aGVsbG8="
    assert convert_to_base64("already") == "already"


def test_invalid_base64() -> None:
    with pytest.raises(InvalidDataContentError, match="Invalid base64 data") as info:
        convert_base64_to_bytes("not base64!")
    assert info.value.content == "not base64!"


def test_data_urls() -> None:
    assert create_data_url(b"hi", "text/plain") == "data:text/plain;base64,aGk="
    assert split_data_url("data:image/png;base64,iVBORw0=") == ("image/png", "iVBORw0=")
    assert split_data_url("data:text/plain,hello%20world") == ("text/plain", "aGVsbG8gd29ybGQ=")
    assert split_data_url("DATA:;base64,AAAA") == (None, "AAAA")
    assert split_data_url("data:image/png;base64") == (None, None)
    assert split_data_url("https://example.com/a.png") == (None, None)
