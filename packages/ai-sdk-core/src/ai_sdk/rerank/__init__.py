"""Reranking: `rerank` orders documents by relevance to a query with a reranking model."""

from ai_sdk.rerank._rerank import rerank, rerank_sync
from ai_sdk.rerank._result import RankedItem, RerankResponse, RerankResult

__all__ = ["RankedItem", "RerankResponse", "RerankResult", "rerank", "rerank_sync"]
