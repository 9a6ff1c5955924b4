"""Tests of `ai_sdk.rerank`."""
