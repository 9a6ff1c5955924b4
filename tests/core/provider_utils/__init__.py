"""Tests for ai_sdk.provider_utils."""
