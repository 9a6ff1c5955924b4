"""Tests of `ai_sdk.provider`, the specification layer."""
