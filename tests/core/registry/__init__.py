"""Tests of `ai_sdk.registry`: string ids, default provider, registries, entry points."""
