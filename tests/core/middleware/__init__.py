"""Tests of `ai_sdk.middleware`: wrapping models and the built-in middlewares."""
