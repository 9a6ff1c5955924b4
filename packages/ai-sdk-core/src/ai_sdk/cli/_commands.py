"""What each `ai-sdk` command does: stream or generate an answer, list gateway models, embed."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TextIO

from ai_sdk.cli._models import GatewayModels, Models
from ai_sdk.cli._parser import UsageError
from ai_sdk.embed import embed_many
from ai_sdk.generate_speech import generate_speech
from ai_sdk.generate_text import (
    CallArguments,
    LanguageModelUsage,
    Output,
    generate_text,
    stream_text,
)
from ai_sdk.provider_utils import JSONValue, json_schema
from ai_sdk.rerank import rerank as rerank_documents
from ai_sdk.transcribe import transcribe as transcribe_audio

__all__ = ["embed", "generate", "list_models", "rerank", "speak", "transcribe"]


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


async def rerank(args: argparse.Namespace, models: Models, out: TextIO) -> None:
    """Rank the documents (arguments, else stdin lines): ``score<TAB>index<TAB>document``."""
    documents: list[str] = list(args.documents)
    if not documents:
        text = _read_stdin("ai-sdk rerank needs documents: give them as arguments")
        documents = [line for line in text.splitlines() if line.strip()]
    if not documents:
        raise UsageError("ai-sdk rerank got no documents: pass them as arguments or stdin lines")
    if args.top_n is not None and args.top_n < 1:
        raise UsageError("--top-n must be 1 or more")
    model = models.reranking_model(args.model or "")
    result = await rerank_documents(
        model=model,
        documents=documents,
        query=args.query,
        top_n=args.top_n,
        max_retries=args.max_retries,
    )
    if args.json:
        rows: list[dict[str, JSONValue]] = [
            {"index": item.original_index, "score": item.score, "document": item.document}
            for item in result.ranking
        ]
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    else:
        for item in result.ranking:
            out.write(f"{item.score:.4f}\t{item.original_index}\t{item.document}\n")
    out.flush()


def _audio_input(file: str) -> bytes | str | Path:
    if file == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("ai-sdk transcribe - reads audio from stdin: pipe a file into it")
        return sys.stdin.buffer.read()
    if file.lower().startswith(("http://", "https://")):
        return file
    path = Path(file)
    if not path.is_file():
        raise UsageError(f"no such audio file: {file}")
    return path


async def transcribe(args: argparse.Namespace, models: Models, out: TextIO) -> None:
    """Transcribe the audio file (or URL, or stdin) and print the text (or segments, or JSON)."""
    audio = _audio_input(args.file)
    model = models.transcription_model(args.model or "")
    result = await transcribe_audio(model=model, audio=audio, max_retries=args.max_retries)
    if args.json:
        document: dict[str, JSONValue] = {
            "text": result.text,
            "language": result.language,
            "durationInSeconds": result.duration_in_seconds,
            "segments": [
                {"text": s.text, "startSecond": s.start_second, "endSecond": s.end_second}
                for s in result.segments
            ],
        }
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    elif args.segments:
        for segment in result.segments:
            out.write(f"{segment.start_second:.2f}\t{segment.end_second:.2f}\t{segment.text}\n")
    else:
        out.write(result.text if result.text.endswith("\n") else result.text + "\n")
    out.flush()


async def speak(args: argparse.Namespace, models: Models, out: TextIO, err: TextIO) -> None:
    """Speak the text into ``--output`` (or stdout when it is not a terminal)."""
    text = " ".join(args.text)
    if text in ("", "-"):
        text = _read_stdin('no text: give one, e.g. ai-sdk speak -o hi.mp3 "Hello"')
    if not text.strip():
        raise UsageError('the text is empty: give one, e.g. ai-sdk speak -o hi.mp3 "Hello"')
    if args.output is None and out.isatty():
        raise UsageError("ai-sdk speak writes audio: pass -o FILE, or redirect stdout")
    audio_format = args.format
    if audio_format is None and args.output is not None:
        audio_format = Path(args.output).suffix.removeprefix(".").lower() or None
    model = models.speech_model(args.model or "")
    result = await generate_speech(
        model=model,
        text=text,
        voice=args.voice,
        output_format=audio_format,
        instructions=args.instructions,
        speed=args.speed,
        language=args.language,
        max_retries=args.max_retries,
    )
    if args.output is None:
        out.flush()
        out.buffer.write(result.audio.data)
        out.buffer.flush()
        return
    try:
        await asyncio.to_thread(Path(args.output).write_bytes, result.audio.data)
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror}") from None
    err.write(
        f"ai-sdk: wrote {len(result.audio.data)} bytes of {result.audio.media_type} to "
        f"{args.output}\n"
    )
