"""MockEmbeddingModel: each script form, call recording, and the protocol it implements."""

from __future__ import annotations

import pytest

from ai_sdk.provider import EmbeddingCallOptions, EmbeddingModel, EmbeddingResult
from ai_sdk.testing._embedding import MockEmbeddingModel

ONE = EmbeddingResult(embeddings=[[1.0]])
TWO = EmbeddingResult(embeddings=[[2.0]])


def test_it_is_an_embedding_model_with_upstream_defaults() -> None:
    model = MockEmbeddingModel()
    assert isinstance(model, EmbeddingModel)
    assert (model.provider, model.model_id, model.specification_version) == (
        "mock-provider",
        "mock-model-id",
        "v4",
    )
    assert (model.max_embeddings_per_call, model.supports_parallel_calls) == (1, False)


async def test_a_single_result_answers_every_call() -> None:
    model = MockEmbeddingModel(do_embed=ONE)
    options = EmbeddingCallOptions(values=["a"])
    assert [await model.do_embed(options), await model.do_embed(options)] == [ONE, ONE]
    assert model.calls == [options, options]


async def test_a_list_answers_call_by_call_and_raises_listed_errors() -> None:
    model = MockEmbeddingModel(do_embed=[ONE, ValueError("second fails"), TWO])
    options = EmbeddingCallOptions(values=["a"])
    assert await model.do_embed(options) == ONE
    with pytest.raises(ValueError, match="second fails"):
        await model.do_embed(options)
    assert await model.do_embed(options) == TWO
    with pytest.raises(AssertionError, match="called 4 times but scripted for 3"):
        await model.do_embed(options)


async def test_sync_and_async_functions_compute_the_answer() -> None:
    async def async_script(options: EmbeddingCallOptions) -> EmbeddingResult:
        return EmbeddingResult(embeddings=[[float(len(options.values))]])

    sync_model = MockEmbeddingModel(do_embed=lambda o: EmbeddingResult(embeddings=[[0.5]]))
    async_model = MockEmbeddingModel(do_embed=async_script)
    options = EmbeddingCallOptions(values=["a"])
    assert await sync_model.do_embed(options) == EmbeddingResult(embeddings=[[0.5]])
    assert await async_model.do_embed(options) == EmbeddingResult(embeddings=[[1.0]])


async def test_an_error_script_raises_and_no_script_says_how_to_fix_it() -> None:
    options = EmbeddingCallOptions(values=["a"])
    with pytest.raises(RuntimeError, match="down"):
        await MockEmbeddingModel(do_embed=RuntimeError("down")).do_embed(options)
    with pytest.raises(NotImplementedError, match="pass do_embed="):
        await MockEmbeddingModel().do_embed(options)
