"""A scripted reranking model for tests: returns what it is told to and records every call."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Literal, TypeAlias

from ai_sdk.provider import RerankingCallOptions, RerankingResult
from ai_sdk.testing._script import Script

__all__ = ["MockRerankingModel", "RerankScript"]

RerankScript: TypeAlias = (
    RerankingResult
    | BaseException
    | Sequence[RerankingResult | BaseException]
    | Callable[[RerankingCallOptions], RerankingResult | Awaitable[RerankingResult]]
)
"""What `MockRerankingModel.do_rerank` does: one result for every call, one per call in order
(an exception in the list is raised by that call), or a function (sync or async) of the options."""


class MockRerankingModel:
    """A `RerankingModel` whose answers are scripted; use it in your own tests.

    Example::

        model = MockRerankingModel(
            do_rerank=RerankingResult(ranking=[RankedDocument(index=1, relevance_score=0.9)])
        )
        result = await rerank(model=model, documents=["a", "b"], query="b?")
        assert result.reranked_documents == ["b"]

    Args:
        provider: The provider name it reports.
        model_id: The model id it reports.
        do_rerank: The script (see `RerankScript`); without one, calls raise
            `NotImplementedError`.
    """

    specification_version: Literal["v4"] = "v4"

    def __init__(
        self,
        *,
        provider: str = "mock-provider",
        model_id: str = "mock-model-id",
        do_rerank: RerankScript | None = None,
    ) -> None:
        self.provider = provider
        self.model_id = model_id
        self._script = Script(do_rerank, RerankingResult, "MockRerankingModel.do_rerank")
        self.calls: list[RerankingCallOptions] = []
        """The options of every `do_rerank` call, in call order."""

    async def do_rerank(self, options: RerankingCallOptions) -> RerankingResult:
        """Record the call and answer from the script."""
        self.calls.append(options)
        return await self._script.answer(options, len(self.calls) - 1)
