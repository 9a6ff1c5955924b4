"""Tests of `ai_sdk.embed`: embed, embed_many, cosine_similarity and MockEmbeddingModel."""
