"""A scripted image model for tests: returns what it is told to and records every call."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Literal, TypeAlias

from ai_sdk.provider import ImageCallOptions, ImageResult
from ai_sdk.testing._script import Script

__all__ = ["ImageScript", "MockImageModel"]

ImageScript: TypeAlias = (
    ImageResult
    | BaseException
    | Sequence[ImageResult | BaseException]
    | Callable[[ImageCallOptions], ImageResult | Awaitable[ImageResult]]
)
"""What `MockImageModel.do_generate` does: one result for every call, one per call in order
(an exception in the list is raised by that call), or a function (sync or async) of the options."""


class MockImageModel:
    """An `ImageModel` whose answers are scripted; use it in your own tests.

    Example::

        model = MockImageModel(
            max_images_per_call=2,
            do_generate=lambda options: ImageResult(
                images=[PNG_BYTES] * options.n,
                response=ImageResponseInfo(timestamp=datetime.now(UTC), model_id="m"),
            ),
        )
        result = await generate_image(model=model, prompt="a cat", n=3)
        assert [c.n for c in model.calls] == [2, 1]

    Args:
        provider: The provider name it reports.
        model_id: The model id it reports.
        max_images_per_call: The batch size `generate_image` uses; ``None`` lets it choose.
        do_generate: The script (see `ImageScript`); without one, calls raise
            `NotImplementedError`.
    """

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        max_images_per_call: int | None = 1,
        do_generate: ImageScript | None = None,
    ) -> None:
        self.provider = provider
        self.model_id = model_id
        self.max_images_per_call = max_images_per_call
        self._script = Script(do_generate, ImageResult, "MockImageModel.do_generate")
        self.calls: list[ImageCallOptions] = []
        """The options of every `do_generate` call, in call order."""

    async def do_generate(self, options: ImageCallOptions) -> ImageResult:
        """Record the call and answer from the script."""
        self.calls.append(options)
        return await self._script.answer(options, len(self.calls) - 1)
