"""The user-facing inputs of the video functions, turned into spec files (as upstream does)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NotRequired, TypedDict, cast

from ai_sdk.provider import (
    CallWarning,
    InvalidArgumentError,
    OtherWarning,
    VideoFile,
    VideoFileData,
    VideoFileUrl,
    VideoFrameImage,
    VideoFrameType,
)
from ai_sdk.provider_utils import (
    DataContent,
    convert_base64_to_bytes,
    detect_media_type,
    split_data_url,
)

__all__ = [
    "GenerateVideoPrompt",
    "NormalizedInputs",
    "VideoFrameInput",
    "VideoReferenceInput",
    "normalize_inputs",
]


class GenerateVideoPrompt(TypedDict):
    """A prompt with a start image (image-to-video)."""

    image: DataContent
    """Bytes, base64 text, a ``data:`` URL or an ``http(s)://`` URL."""
    text: NotRequired[str]
    """What should happen in the video."""


class VideoFrameInput(TypedDict):
    """An image the video must start (``first_frame``) or end (``last_frame``) with."""

    image: DataContent
    frame_type: VideoFrameType


class VideoReferenceInput(TypedDict):
    """A reference file with an explicit media type."""

    data: DataContent
    media_type: NotRequired[str]


def _file(data: object, *, images_only: bool, parameter: str) -> VideoFile:
    def sniff(raw: bytes) -> str:
        return detect_media_type(raw, "image" if images_only else None) or "image/png"

    if isinstance(data, str):
        lowered = data[:8].lower()
        if lowered.startswith(("http://", "https://")):
            return VideoFileUrl(url=data)
        if lowered.startswith("data:"):
            media_type, content = split_data_url(data)
            raw = convert_base64_to_bytes(content or "")
            return VideoFileData(media_type=media_type or sniff(raw), data=raw)
        raw = convert_base64_to_bytes(data)
        return VideoFileData(media_type=sniff(raw), data=raw)
    if isinstance(data, bytes | bytearray):
        return VideoFileData(media_type=sniff(bytes(data)), data=bytes(data))
    if isinstance(data, memoryview):
        raw = cast("memoryview[int]", data).tobytes()
        return VideoFileData(media_type=sniff(raw), data=raw)
    raise InvalidArgumentError(
        f"expected bytes, base64 text, a data: URL or an http(s):// URL, got {type(data).__name__}",
        parameter=parameter,
        value=data,
    )


class NormalizedInputs:
    """The prompt text, start image, frame images and references of one video request."""

    __slots__ = ("frame_images", "image", "input_references", "prompt", "warnings")

    def __init__(
        self,
        prompt: str | None,
        image: VideoFile | None,
        frame_images: list[VideoFrameImage] | None,
        input_references: list[VideoFile] | None,
        warnings: list[CallWarning],
    ) -> None:
        self.prompt = prompt
        self.image = image
        self.frame_images = frame_images
        self.input_references = input_references
        self.warnings = warnings


def normalize_inputs(
    prompt: str | GenerateVideoPrompt,
    frame_images: Sequence[VideoFrameInput] | None,
    input_references: Sequence[DataContent | VideoReferenceInput] | None,
) -> NormalizedInputs:
    """Upstream's rules: frame images win over references (with a warning), and a
    ``first_frame`` image wins over the prompt's image (with a warning)."""
    if isinstance(prompt, str):
        text, image = prompt, None
    elif isinstance(cast("object", prompt), dict):
        text = prompt.get("text")
        image = _file(prompt["image"], images_only=True, parameter="prompt")
    else:
        raise InvalidArgumentError(
            "prompt must be a string or {'image': ..., 'text': ...}",
            parameter="prompt",
            value=prompt,
        )
    frames = (
        [
            VideoFrameImage(
                image=_file(frame["image"], images_only=True, parameter="frame_images"),
                frame_type=frame["frame_type"],
            )
            for frame in frame_images
        ]
        if frame_images is not None
        else None
    )
    references: list[VideoFile] | None = None
    if input_references is not None:
        references = []
        for reference in input_references:
            if isinstance(reference, dict):
                file = _file(reference["data"], images_only=False, parameter="input_references")
                media_type = reference.get("media_type")
                if media_type is not None:
                    file = file.model_copy(update={"media_type": media_type})
            else:
                file = _file(reference, images_only=False, parameter="input_references")
            references.append(file)
    warnings: list[CallWarning] = []
    if frames and references:
        warnings.append(
            OtherWarning(
                message="inputReferences were ignored because frameImages were provided; "
                "frameImages and inputReferences cannot be combined."
            )
        )
    first_frame = next((f.image for f in frames or () if f.frame_type == "first_frame"), None)
    if image is not None and first_frame is not None:
        warnings.append(
            OtherWarning(
                message="prompt.image was ignored because a first_frame frameImage was provided; "
                "the first_frame frameImage takes precedence as the start image."
            )
        )
    return NormalizedInputs(
        prompt=text,
        image=first_frame or image,
        frame_images=frames,
        input_references=None if frames else references,
        warnings=warnings,
    )
