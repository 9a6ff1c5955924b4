"""A scripted transcription model for tests: returns what it is told to and records every call."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Literal, TypeAlias

from ai_sdk.provider import TranscriptionCallOptions, TranscriptionResult
from ai_sdk.testing._script import Script

__all__ = ["MockTranscriptionModel", "TranscriptionScript"]

TranscriptionScript: TypeAlias = (
    TranscriptionResult
    | BaseException
    | Sequence[TranscriptionResult | BaseException]
    | Callable[[TranscriptionCallOptions], TranscriptionResult | Awaitable[TranscriptionResult]]
)
"""What `MockTranscriptionModel.do_generate` does: one result for every call, one per call in order
(an exception in the list is raised by that call), or a function (sync or async) of the options."""


class MockTranscriptionModel:
    """A `TranscriptionModel` whose answers are scripted; use it in your own tests.

    Example::

        model = MockTranscriptionModel(
            do_generate=TranscriptionResult(
                text="hello",
                response=TranscriptionResponseInfo(timestamp=datetime.now(UTC), model_id="m"),
            )
        )
        result = await transcribe(model=model, audio=WAV_BYTES)
        assert model.calls[0].media_type == "audio/wav"

    Args:
        provider: The provider name it reports.
        model_id: The model id it reports.
        do_generate: The script (see `TranscriptionScript`); without one, calls raise
            `NotImplementedError`.
    """

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        do_generate: TranscriptionScript | None = None,
    ) -> None:
        self.provider = provider
        self.model_id = model_id
        self._script = Script(
            do_generate, TranscriptionResult, "MockTranscriptionModel.do_generate"
        )
        self.calls: list[TranscriptionCallOptions] = []
        """The options of every `do_generate` call, in call order."""

    async def do_generate(self, options: TranscriptionCallOptions) -> TranscriptionResult:
        """Record the call and answer from the script."""
        self.calls.append(options)
        return await self._script.answer(options, len(self.calls) - 1)
