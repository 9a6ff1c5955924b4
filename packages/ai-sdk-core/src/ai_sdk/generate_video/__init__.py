"""Video generation: `generate_video` (one call or start-and-poll), `start_video` and
`get_video_status` for operations you track yourself."""

from ai_sdk.generate_video._generate_video import (
    VideoPollOptions,
    generate_video,
    generate_video_sync,
)
from ai_sdk.generate_video._inputs import (
    GenerateVideoPrompt,
    VideoFrameInput,
    VideoReferenceInput,
)
from ai_sdk.generate_video._operations import (
    StartVideoResult,
    get_video_status,
    get_video_status_sync,
    start_video,
    start_video_sync,
)
from ai_sdk.generate_video._result import GenerateVideoResult, VideoModelResponseMetadata

__all__ = [
    "GenerateVideoPrompt",
    "GenerateVideoResult",
    "StartVideoResult",
    "VideoFrameInput",
    "VideoModelResponseMetadata",
    "VideoPollOptions",
    "VideoReferenceInput",
    "generate_video",
    "generate_video_sync",
    "get_video_status",
    "get_video_status_sync",
    "start_video",
    "start_video_sync",
]
