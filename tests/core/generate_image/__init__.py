"""Tests of `ai_sdk.generate_image`, `GeneratedFile` and MockImageModel."""
