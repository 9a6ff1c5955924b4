"""A scripted video model for tests: each of its three methods answers from its own script."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Literal, TypeAlias, TypeVar, cast

from ai_sdk.provider import (
    VideoCallOptions,
    VideoOperationStatus,
    VideoResult,
    VideoStartResult,
    VideoStatusCompleted,
    VideoStatusError,
    VideoStatusOptions,
    VideoStatusPending,
)
from ai_sdk.testing._script import Script

__all__ = ["MockVideoModel", "VideoScript"]

R = TypeVar("R")
OptionsT = TypeVar("OptionsT")

VideoScript: TypeAlias = (
    R | BaseException | Sequence[R | BaseException] | Callable[[OptionsT], R | Awaitable[R]]
)
"""What one method of `MockVideoModel` does: one result for every call, one per call in order
(an exception in the list is raised by that call), or a function (sync or async) of the options."""


class MockVideoModel:
    """A `VideoModel` with ``do_generate``, ``do_start`` and ``do_status`` answered from scripts.

    A method without a script raises `NotImplementedError`; `generate_video` uses ``do_generate``
    unless it is given ``poll=`` (then ``do_start`` and ``do_status``).

    Example::

        model = MockVideoModel(
            do_start=VideoStartResult(operation="op-1", response=RESPONSE),
            do_status=[
                VideoStatusPending(response=RESPONSE),
                VideoStatusCompleted(videos=[VideoDataBinary(...)], response=RESPONSE),
            ],
        )
        result = await generate_video(model=model, prompt="a cat", poll=VideoPollOptions())

    Args:
        provider: The provider name it reports.
        model_id: The model id it reports.
        max_videos_per_call: The batch size `generate_video` uses; ``None`` lets it choose.
        do_generate: The script of ``do_generate``.
        do_start: The script of ``do_start``.
        do_status: The script of ``do_status``.
    """

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        max_videos_per_call: int | None = 1,
        do_generate: VideoScript[VideoResult, VideoCallOptions] | None = None,
        do_start: VideoScript[VideoStartResult, VideoCallOptions] | None = None,
        do_status: VideoScript[VideoOperationStatus, VideoStatusOptions] | None = None,
    ) -> None:
        self.provider = provider
        self.model_id = model_id
        self.max_videos_per_call = max_videos_per_call
        self._generate = Script(do_generate, VideoResult, "MockVideoModel.do_generate")
        self._start = Script(do_start, VideoStartResult, "MockVideoModel.do_start")
        # isinstance() takes the tuple of the three status classes as the "result type".
        statuses = (VideoStatusPending, VideoStatusCompleted, VideoStatusError)
        self._status = Script[VideoOperationStatus](
            do_status, cast("type[VideoOperationStatus]", statuses), "MockVideoModel.do_status"
        )
        self.generate_calls: list[VideoCallOptions] = []
        """The options of every `do_generate` call, in call order."""
        self.start_calls: list[VideoCallOptions] = []
        """The options of every `do_start` call, in call order."""
        self.status_calls: list[VideoStatusOptions] = []
        """The options of every `do_status` call, in call order."""

    async def do_generate(self, options: VideoCallOptions) -> VideoResult:
        """Record the call and answer from the ``do_generate`` script."""
        self.generate_calls.append(options)
        return await self._generate.answer(options, len(self.generate_calls) - 1)

    async def do_start(self, options: VideoCallOptions) -> VideoStartResult:
        """Record the call and answer from the ``do_start`` script."""
        self.start_calls.append(options)
        return await self._start.answer(options, len(self.start_calls) - 1)

    async def do_status(self, options: VideoStatusOptions) -> VideoOperationStatus:
        """Record the call and answer from the ``do_status`` script."""
        self.status_calls.append(options)
        return await self._status.answer(options, len(self.status_calls) - 1)
