"""Cosine similarity of two embeddings: the usual way to compare them."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ai_sdk.provider import InvalidArgumentError

__all__ = ["cosine_similarity"]


def cosine_similarity(vector1: Sequence[float], vector2: Sequence[float]) -> float:
    """The cosine of the angle between two vectors, from -1 (opposite) to 1 (same direction).

    Args:
        vector1: The first vector, e.g. `EmbedResult.embedding`.
        vector2: The second vector, of the same length.

    Returns:
        The similarity; ``0.0`` when the vectors are empty or either has zero magnitude.

    Raises:
        InvalidArgumentError: The vectors have different lengths.
    """
    if len(vector1) != len(vector2):
        raise InvalidArgumentError(
            f"Vectors must have the same length (got {len(vector1)} and {len(vector2)}); "
            "compare embeddings made by the same model.",
            parameter="vector1,vector2",
            value={"vector1_length": len(vector1), "vector2_length": len(vector2)},
        )
    if not vector1:
        return 0.0
    # hypot scales internally and the products are of unit vectors, so tiny (1e-200) or huge
    # components neither underflow to 0 nor overflow to inf.
    norm1 = math.hypot(*vector1)
    norm2 = math.hypot(*vector2)
    if norm1 == 0 or norm2 == 0:
        return 0.0
    similarity = math.fsum((a / norm1) * (b / norm2) for a, b in zip(vector1, vector2, strict=True))
    # Rounding can step just outside [-1, 1] for (anti)parallel vectors.
    return max(-1.0, min(1.0, similarity))
