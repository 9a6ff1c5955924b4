"""Tests of `ai_sdk.transcribe`."""
