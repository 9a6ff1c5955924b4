"""Telemetry: lifecycle events of calls, pluggable integrations, and an optional OpenTelemetry one.

``OpenTelemetry`` needs the extra ``ai-sdk-core[otel]`` and is imported only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ai_sdk.telemetry._hooks import (
    AbortEvent,
    EmbedStartEvent,
    ErrorEvent,
    ModelCallEndEvent,
    ModelCallStartEvent,
    RerankStartEvent,
    StartEvent,
    StepStartEvent,
    Telemetry,
    TelemetrySettings,
    ToolExecutionEndEvent,
    ToolExecutionStartEvent,
    register_telemetry,
    registered_telemetry,
    unregister_telemetry,
)

if TYPE_CHECKING:
    from ai_sdk.telemetry._otel import OpenTelemetry

__all__ = [
    "AbortEvent",
    "EmbedStartEvent",
    "ErrorEvent",
    "ModelCallEndEvent",
    "ModelCallStartEvent",
    "OpenTelemetry",
    "RerankStartEvent",
    "StartEvent",
    "StepStartEvent",
    "Telemetry",
    "TelemetrySettings",
    "ToolExecutionEndEvent",
    "ToolExecutionStartEvent",
    "register_telemetry",
    "registered_telemetry",
    "unregister_telemetry",
]


def __getattr__(name: str) -> Any:
    if name == "OpenTelemetry":
        from ai_sdk.telemetry._otel import OpenTelemetry

        return OpenTelemetry
    raise AttributeError(f"module 'ai_sdk.telemetry' has no attribute {name!r}")
