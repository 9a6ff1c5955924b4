"""A scripted embedding model for tests: returns what it is told to and records every call."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Literal, TypeAlias

from ai_sdk.provider import EmbeddingCallOptions, EmbeddingResult
from ai_sdk.testing._script import Script

__all__ = ["EmbedScript", "MockEmbeddingModel"]

EmbedScript: TypeAlias = (
    EmbeddingResult
    | BaseException
    | Sequence[EmbeddingResult | BaseException]
    | Callable[[EmbeddingCallOptions], EmbeddingResult | Awaitable[EmbeddingResult]]
)
"""What `MockEmbeddingModel.do_embed` does: one result for every call, one per call in order
(an exception in the list is raised by that call), or a function (sync or async) of the options."""


class MockEmbeddingModel:
    """An `EmbeddingModel` whose answers are scripted; use it in your own tests.

    Example::

        model = MockEmbeddingModel(
            max_embeddings_per_call=2,
            do_embed=lambda options: EmbeddingResult(
                embeddings=[[float(len(v))] for v in options.values]
            ),
        )
        result = await embed_many(model=model, values=["a", "bb", "ccc"])
        assert [c.values for c in model.calls] == [["a", "bb"], ["ccc"]]

    Args:
        provider: The provider name it reports.
        model_id: The model id it reports.
        max_embeddings_per_call: The batch size `embed_many` uses; ``None`` means no limit.
        supports_parallel_calls: Whether `embed_many` may run batches at the same time.
        do_embed: The script (see `EmbedScript`); without one, calls raise `NotImplementedError`.
    """

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        max_embeddings_per_call: int | None = 1,
        supports_parallel_calls: bool = False,
        do_embed: EmbedScript | None = None,
    ) -> None:
        self.provider = provider
        self.model_id = model_id
        self.max_embeddings_per_call = max_embeddings_per_call
        self.supports_parallel_calls = supports_parallel_calls
        self._script = Script(do_embed, EmbeddingResult, "MockEmbeddingModel.do_embed")
        self.calls: list[EmbeddingCallOptions] = []
        """The options of every `do_embed` call, in call order."""

    async def do_embed(self, options: EmbeddingCallOptions) -> EmbeddingResult:
        """Record the call and answer from the script."""
        self.calls.append(options)
        return await self._script.answer(options, len(self.calls) - 1)
