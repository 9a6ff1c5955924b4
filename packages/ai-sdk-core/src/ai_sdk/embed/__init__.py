"""Embeddings: `embed`, `embed_many` (batched, parallel, retried per batch), `cosine_similarity`."""

from ai_sdk.embed._cosine import cosine_similarity
from ai_sdk.embed._embed import embed, embed_many, embed_many_sync, embed_sync
from ai_sdk.embed._result import EmbeddingModelUsage, EmbedManyResult, EmbedResult

__all__ = [
    "EmbedManyResult",
    "EmbedResult",
    "EmbeddingModelUsage",
    "cosine_similarity",
    "embed",
    "embed_many",
    "embed_many_sync",
    "embed_sync",
]
