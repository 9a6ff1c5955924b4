"""cosine_similarity: the upstream cases plus magnitudes at the edges of float range."""

from __future__ import annotations

import math

import pytest

from ai_sdk.embed import cosine_similarity
from ai_sdk.provider import InvalidArgumentError


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1, 2, 3], [4, 5, 6], 0.9746318461970762),
        ([1, 0], [-1, 0], -1.0),
        ([1, 0], [0, 1], 0.0),
        ([1e-10, 0, 0], [2e-10, 0, 0], 1.0),
        ([1e-10, 0, 0], [-1e-10, 0, 0], -1.0),
        ([1e-200, 1e-200], [3e-200, 3e-200], 1.0),  # squares would underflow to 0
        ([1e200, 0.0], [1e200, 1e200], math.sqrt(0.5)),  # squares would overflow to inf
        ([0.1] * 1000, [0.1] * 1000, 1.0),
    ],
)
def test_similarity(a: list[float], b: list[float], expected: float) -> None:
    assert cosine_similarity(a, b) == pytest.approx(expected, abs=1e-12)


def test_parallel_vectors_never_exceed_one() -> None:
    value = cosine_similarity([0.1, 0.2, 0.3], [0.2, 0.4, 0.6])
    assert -1.0 <= value <= 1.0
    assert value == pytest.approx(1.0)


@pytest.mark.parametrize(("a", "b"), [([0, 1, 2], [0, 0, 0]), ([0, 0, 0], [0, 1, 2]), ([], [])])
def test_zero_or_empty_vectors_give_zero(a: list[float], b: list[float]) -> None:
    assert cosine_similarity(a, b) == 0.0


def test_different_lengths_are_an_invalid_argument() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        cosine_similarity([1, 2, 3], [4, 5])
    assert info.value.parameter == "vector1,vector2"
    assert info.value.value == {"vector1_length": 3, "vector2_length": 2}
    assert "same length" in info.value.message
