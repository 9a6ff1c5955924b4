"""Tests of `ai_sdk.generate_speech`."""
