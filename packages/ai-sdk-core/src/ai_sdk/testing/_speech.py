"""A scripted speech model for tests: returns what it is told to and records every call."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Literal, TypeAlias

from ai_sdk.provider import SpeechCallOptions, SpeechResult
from ai_sdk.testing._script import Script

__all__ = ["MockSpeechModel", "SpeechScript"]

SpeechScript: TypeAlias = (
    SpeechResult
    | BaseException
    | Sequence[SpeechResult | BaseException]
    | Callable[[SpeechCallOptions], SpeechResult | Awaitable[SpeechResult]]
)
"""What `MockSpeechModel.do_generate` does: one result for every call, one per call in order
(an exception in the list is raised by that call), or a function (sync or async) of the options."""


class MockSpeechModel:
    """A `SpeechModel` whose answers are scripted; use it in your own tests.

    Example::

        model = MockSpeechModel(
            do_generate=SpeechResult(
                audio=WAV_BYTES,
                response=SpeechResponseInfo(timestamp=datetime.now(UTC), model_id="m"),
            )
        )
        result = await generate_speech(model=model, text="hi")
        assert result.audio.media_type == "audio/wav"

    Args:
        provider: The provider name it reports.
        model_id: The model id it reports.
        do_generate: The script (see `SpeechScript`); without one, calls raise
            `NotImplementedError`.
    """

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        do_generate: SpeechScript | None = None,
    ) -> None:
        self.provider = provider
        self.model_id = model_id
        self._script = Script(do_generate, SpeechResult, "MockSpeechModel.do_generate")
        self.calls: list[SpeechCallOptions] = []
        """The options of every `do_generate` call, in call order."""

    async def do_generate(self, options: SpeechCallOptions) -> SpeechResult:
        """Record the call and answer from the script."""
        self.calls.append(options)
        return await self._script.answer(options, len(self.calls) - 1)
