"""What each `ai-sdk` command does: stream or generate an answer, list gateway models, embed."""

from __future__ import annotations

import argparse
import json
import sys
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TextIO

from ai_sdk.cli._models import GatewayModels, Models
from ai_sdk.cli._parser import UsageError
from ai_sdk.embed import embed_many
from ai_sdk.generate_text import (
    CallArguments,
    LanguageModelUsage,
    Output,
    generate_text,
    stream_text,
)
from ai_sdk.provider_utils import JSONValue, json_schema

__all__ = ["embed", "generate", "list_models"]


def _read_stdin(what: str) -> str:
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError(f"{what}, or pipe it into stdin")
    return sys.stdin.read()


def _prompt(words: list[str]) -> str:
    prompt = " ".join(words)
    if prompt in ("", "-"):
        prompt = _read_stdin('no prompt: give one, e.g. ai-sdk "Why is the sky blue?"')
    if not prompt.strip():
        raise UsageError('the prompt is empty: give one, e.g. ai-sdk "Why is the sky blue?"')
    return prompt


def _schema(path: str) -> dict[str, JSONValue]:
    try:
        schema: object = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read --json-schema {path}: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"--json-schema {path} is not valid JSON: {error}") from None
    if not isinstance(schema, dict):
        raise UsageError(f"--json-schema {path} must hold a JSON Schema object, like {{...}}")
    return schema  # pyright: ignore[reportUnknownVariableType]


def _usage_line(usage: LanguageModelUsage, finish_reason: str, seconds: float) -> str:
    def count(value: int | None) -> str:
        return "?" if value is None else str(value)

    return (
        f"ai-sdk: {count(usage.input_tokens)} input tokens, {count(usage.output_tokens)} output "
        f"tokens, finish reason {finish_reason}, {seconds:.2f} s\n"
    )


async def generate(args: argparse.Namespace, models: Models, out: TextIO, err: TextIO) -> None:
    """Answer the prompt: streamed token by token, at once (``--no-stream``), or as JSON."""
    prompt = _prompt(args.prompt)
    schema = _schema(args.json_schema) if args.json_schema else None
    model = models.language_model(args.model or "")
    options: CallArguments = {
        "prompt": prompt,
        "system": args.system,
        "max_output_tokens": args.max_tokens,
        "temperature": args.temperature,
        "max_retries": args.max_retries,
    }
    started = time.perf_counter()
    if schema is not None:
        structured = await generate_text(
            model=model, output=Output.object(schema=json_schema(schema)), **options
        )
        out.write(json.dumps(structured.output, indent=2, ensure_ascii=False) + "\n")
        usage, finish_reason = structured.usage, structured.finish_reason
    elif args.no_stream:
        result = await generate_text(model=model, **options)
        out.write(result.text if result.text.endswith("\n") else result.text + "\n")
        usage, finish_reason = result.usage, result.finish_reason
    else:
        async with stream_text(model=model, **options) as stream:
            last = ""
            async for delta in stream.text_stream:
                out.write(delta)
                out.flush()
                last = delta or last
            if not last.endswith("\n"):
                out.write("\n")
            usage, finish_reason = await stream.usage, await stream.finish_reason
    out.flush()
    if args.usage:
        err.write(_usage_line(usage, finish_reason, time.perf_counter() - started))


def _per_million(per_token: str) -> str:
    try:
        value = Decimal(per_token) * 1_000_000
    except InvalidOperation:
        return per_token
    text = f"{value:.4f}".rstrip("0")
    whole, _, fraction = text.partition(".")
    return f"{whole}.{fraction:0<2}"


async def list_models(args: argparse.Namespace, models: Models, out: TextIO) -> None:
    """Print the gateway's models: a table with prices per million tokens, or JSON."""
    listing: GatewayModels = await models.gateway().get_available_models()
    entries = sorted(listing.models, key=lambda entry: entry.id)
    if args.type:
        entries = [entry for entry in entries if entry.model_type == args.type]
    if args.json:
        rows: list[dict[str, JSONValue]] = [
            {
                "id": entry.id,
                "name": entry.name,
                "type": entry.model_type,
                "pricing": None
                if entry.pricing is None
                else {"input": entry.pricing.input, "output": entry.pricing.output},
            }
            for entry in entries
        ]
        out.write(json.dumps(rows, indent=2) + "\n")
        return
    table = [("MODEL", "TYPE", "INPUT $/1M", "OUTPUT $/1M")]
    for entry in entries:
        pricing = entry.pricing
        table.append(
            (
                entry.id,
                entry.model_type or "-",
                "-" if pricing is None else _per_million(pricing.input),
                "-" if pricing is None else _per_million(pricing.output),
            )
        )
    widths = [max(len(row[column]) for row in table) for column in range(4)]
    for model_id, kind, price_in, price_out in table:
        out.write(
            f"{model_id:<{widths[0]}}  {kind:<{widths[1]}}  "
            f"{price_in:>{widths[2]}}  {price_out:>{widths[3]}}\n"
        )


async def embed(args: argparse.Namespace, models: Models, out: TextIO) -> None:
    """Embed each non-empty stdin line; write one JSON array per line, in input order."""
    text = _read_stdin("ai-sdk embed reads lines from stdin: printf 'cat\\ndog\\n' | ai-sdk embed")
    values = [line for line in text.splitlines() if line.strip()]
    if not values:
        raise UsageError("ai-sdk embed got no text: pipe one or more non-empty lines into it")
    model = models.embedding_model(args.model or "")
    result = await embed_many(model=model, values=values, max_retries=args.max_retries)
    for embedding in result.embeddings:
        out.write(json.dumps(embedding) + "\n")
    out.flush()
