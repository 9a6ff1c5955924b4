"""`on_start` / `on_end` of `embed` and `embed_many` (and their sync twins)."""

from __future__ import annotations

from typing import Any

from ai_sdk.embed import embed, embed_many, embed_many_sync, embed_sync
from ai_sdk.provider import EmbeddingCallOptions, EmbeddingResult
from ai_sdk.telemetry import EmbedStartEvent
from ai_sdk.testing import MockEmbeddingModel


def vectors(options: EmbeddingCallOptions) -> EmbeddingResult:
    return EmbeddingResult(embeddings=[[float(len(v))] for v in options.values])


async def test_embed_calls_on_start_then_on_end() -> None:
    seen: list[Any] = []

    async def on_end(result: Any) -> None:
        seen.append(("end", result.embedding))

    result = await embed(
        model=MockEmbeddingModel(do_embed=vectors),
        value="abc",
        on_start=seen.append,
        on_end=on_end,
    )
    assert seen == [
        EmbedStartEvent(
            operation="embed", provider="mock-provider", model_id="mock-model-id", values=["abc"]
        ),
        ("end", [3.0]),
    ]
    assert result.embedding == [3.0]


async def test_embed_many_calls_on_start_once_and_on_end_with_the_merged_result() -> None:
    seen: list[Any] = []
    model = MockEmbeddingModel(max_embeddings_per_call=1, do_embed=vectors)
    await embed_many(
        model=model,
        values=["a", "bb"],
        on_start=lambda e: seen.append((e.operation, e.values)),
        on_end=lambda r: seen.append(r.embeddings),
    )
    assert seen == [("embed_many", ["a", "bb"]), [[1.0], [2.0]]]


def test_sync_twins_forward_the_callbacks() -> None:
    seen: list[str] = []
    embed_sync(
        model=MockEmbeddingModel(do_embed=vectors),
        value="x",
        on_start=lambda e: seen.append("start"),
        on_end=lambda r: seen.append("end"),
    )
    embed_many_sync(
        model=MockEmbeddingModel(do_embed=vectors),
        values=[],
        on_start=lambda e: seen.append("start many"),
        on_end=lambda r: seen.append("end many"),
    )
    assert seen == ["start", "end", "start many", "end many"]
