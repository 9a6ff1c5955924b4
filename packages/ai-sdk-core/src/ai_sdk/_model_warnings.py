"""Logging of the warnings that model calls report (text, reranking, speech, transcription, video).

One implementation for every model kind, in a module of its own so that reranking, speech,
transcription and video do not import the text-generation package for it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from ai_sdk.provider import CallWarning, CompatibilityWarning, DeprecatedWarning, UnsupportedWarning

__all__ = ["log_warnings"]

logger = logging.getLogger("ai_sdk")


def log_warnings(warnings: Sequence[CallWarning], *, provider: str, model_id: str) -> None:
    """Log a call's warnings on the ``ai_sdk`` logger (``AI_SDK_LOG_WARNINGS=false`` silences)."""
    if not warnings or os.environ.get("AI_SDK_LOG_WARNINGS", "").lower() == "false":
        return
    for warning in warnings:
        if isinstance(warning, UnsupportedWarning | CompatibilityWarning):
            text = f"{warning.type}: {warning.feature}"
            if warning.details:
                text += f" ({warning.details})"
        elif isinstance(warning, DeprecatedWarning):
            text = f"deprecated: {warning.setting}: {warning.message}"
        else:
            text = warning.message
        logger.warning("AI SDK Warning (%s / %s): %s", provider, model_id, text)
