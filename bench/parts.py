"""What one spec stream part or content item costs: building, parsing from JSON, dumping.

Measures whatever `ai_sdk.provider` is importable, so the same script compares two versions of
core (run it with `PYTHONPATH=<other core>/src` for the other one). The figures behind the
data-model choice in docs/architecture.md.

Run: ``python bench/parts.py [--repeat N]``. Prints the median of N timeit repeats, in
nanoseconds per operation.
"""

from __future__ import annotations

import argparse
import statistics
import timeit
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pydantic_core
from pydantic import TypeAdapter

import ai_sdk.provider as p

_DELTA_JSON = b'{"type":"text-delta","id":"0","delta":"tok "}'
_METADATA_JSON = (
    b'{"type":"response-metadata","id":"r","timestamp":"2026-08-01T10:00:00.250Z","modelId":"m"}'
)
_FINISH_JSON = (
    b'{"type":"finish","usage":{"inputTokens":{"total":5,"noCache":5},'
    b'"outputTokens":{"total":20,"text":20}},"finishReason":{"unified":"stop","raw":"stop"}}'
)

_CALL_JSON = b'{"type":"tool-call","toolCallId":"c","toolName":"weather","input":"{}"}'
_RESULT_JSON = (
    b'{"content":[{"type":"reasoning","text":"think"},{"type":"text","text":"Hello"},'
    b'{"type":"source","sourceType":"url","id":"s","url":"https://example.com"},'
    b'{"type":"tool-call","toolCallId":"c","toolName":"weather","input":"{}"}],'
    b'"finishReason":{"unified":"tool-calls","raw":"tool_calls"},'
    b'"usage":{"inputTokens":{"total":5},"outputTokens":{"total":20}},"warnings":[]}'
)


def cases() -> dict[str, Callable[[], Any]]:
    """Each operation as a zero-argument callable."""
    adapter: TypeAdapter[p.StreamPart] = TypeAdapter(p.StreamPart)
    usage = p.Usage(
        input_tokens=p.InputTokens(total=5, no_cache=5),
        output_tokens=p.OutputTokens(total=20, text=20),
    )
    reason = p.FinishReason(unified="stop", raw="stop")
    now = datetime(2026, 8, 1, tzinfo=UTC)
    delta = p.TextDelta(id="0", delta="tok ")
    delta_dict = pydantic_core.from_json(_DELTA_JSON)
    finish_dict = pydantic_core.from_json(_FINISH_JSON)
    file_data = p.FileDataUrl(url="https://example.com/a.png")
    call = p.ToolCallContent(tool_call_id="c", tool_name="weather", input='{"city":"Rome"}')
    call_dict = pydantic_core.from_json(_CALL_JSON)
    result_adapter: TypeAdapter[p.GenerateResult] = TypeAdapter(p.GenerateResult)
    result_dict = pydantic_core.from_json(_RESULT_JSON)
    result = result_adapter.validate_python(result_dict)
    adapter.validate_python(delta_dict)  # build everything before timing
    adapter.validate_python(call_dict)
    p.to_wire(delta)
    p.to_wire(call)
    p.to_wire(result)
    return {
        "build TextDelta": lambda: p.TextDelta(id="0", delta="tok "),
        "build TextStart": lambda: p.TextStart(id="0"),
        "build ToolInputDelta": lambda: p.ToolInputDelta(id="c", delta='{"a'),
        "build ResponseMetadata": lambda: p.ResponseMetadata(id="r", timestamp=now, model_id="m"),
        "build Finish": lambda: p.Finish(usage=usage, finish_reason=reason),
        "build Raw": lambda: p.Raw(raw_value=delta_dict),
        "parse text-delta (dict, gateway path)": lambda: adapter.validate_python(delta_dict),
        "parse text-delta (JSON bytes)": lambda: adapter.validate_json(_DELTA_JSON),
        "parse response-metadata (JSON bytes)": lambda: adapter.validate_json(_METADATA_JSON),
        "parse finish (dict)": lambda: adapter.validate_python(finish_dict),
        "to_wire(TextDelta)": lambda: p.to_wire(delta),
        "build TextContent": lambda: p.TextContent(text="Hello"),
        "build ToolCallContent": lambda: p.ToolCallContent(
            tool_call_id="c", tool_name="weather", input='{"city":"Rome"}'
        ),
        "build UrlSource": lambda: p.UrlSource(id="s", url="https://example.com"),
        "build FileContent": lambda: p.FileContent(media_type="image/png", data=file_data),
        "parse tool-call (dict, gateway path)": lambda: adapter.validate_python(call_dict),
        "parse generate result (dict, gateway path)": lambda: result_adapter.validate_python(
            result_dict
        ),
        "to_wire(ToolCallContent)": lambda: p.to_wire(call),
        "to_wire(GenerateResult)": lambda: p.to_wire(result),
    }


def main() -> None:
    """Entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=100_000)
    args = parser.parse_args()
    for name, fn in cases().items():
        runs = timeit.repeat(fn, number=args.number, repeat=args.repeat)
        print(f"{name:40s} {statistics.median(runs) / args.number * 1e9:8.0f} ns")


if __name__ == "__main__":
    main()
