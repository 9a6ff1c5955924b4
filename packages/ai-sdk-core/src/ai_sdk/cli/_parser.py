"""The `ai-sdk` command line's arguments: one parser per command, the command word optional."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from ai_sdk._version import __version__

__all__ = ["COMMANDS", "UsageError", "build_parser", "parse_args"]

COMMANDS = ("generate", "models", "embed", "rerank", "transcribe", "speak")
"""The commands; ``generate`` is the default when the first word is none of them."""

_DESCRIPTION = """\
Call any LLM from the terminal with ai-sdk-python.

  ai-sdk "Why is the sky blue?"                    stream an answer (the `generate` command)
  ai-sdk models                                    the AI Gateway's models, with prices
  printf 'cat\\ndog\\n' | ai-sdk embed -m ID         one JSON vector per input line
  ai-sdk rerank -m ID -q QUERY DOC...             documents by relevance (or stdin lines)
  ai-sdk transcribe -m ID FILE                     speech to text (FILE, URL or - for stdin)
  ai-sdk speak -m ID -o out.mp3 TEXT               text to speech

Models: --model takes `provider:model` ids. With --base-url (an OpenAI-compatible server such as
Ollama, LM Studio, vLLM or llama.cpp) it is that server's model id, optionally prefixed with
`openai-compatible:`. Otherwise the prefix names a provider an installed package registers, and
any other id (`openai/gpt-5`, `gateway:openai/gpt-5`) goes to the Vercel AI Gateway (needs
ai-sdk-gateway and AI_GATEWAY_API_KEY or a Vercel OIDC token).
"""

_EPILOG = """\
environment: AI_SDK_MODEL, AI_SDK_BASE_URL and AI_SDK_API_KEY are the defaults of --model,
--base-url and --api-key.
exit status: 0 success, 1 the call failed, 2 bad usage, 130 interrupted.
"""

# Options that take a value: needed to find the command word among the arguments.
_VALUE_OPTIONS = frozenset(
    {
        "-m", "--model", "--base-url", "--api-key", "--gateway-url", "-s", "--system",
        "--json-schema", "--max-tokens", "--temperature", "--max-retries", "--type",
        "-q", "--query", "-n", "--top-n", "-o", "--output", "--voice", "--format", "--speed",
        "--instructions", "--language",
    }
)  # fmt: skip


class UsageError(Exception):
    """The command line is wrong: the message says how to fix it (exit status 2)."""


def _common(parser: argparse.ArgumentParser, *, model: bool = True) -> None:
    if model:
        parser.add_argument(
            "-m",
            "--model",
            default=os.environ.get("AI_SDK_MODEL"),
            help="the model id, `provider:model` (see above)",
        )
        parser.add_argument(
            "--base-url",
            default=os.environ.get("AI_SDK_BASE_URL"),
            help="an OpenAI-compatible server's API root, e.g. http://127.0.0.1:11434/v1",
        )
    parser.add_argument(
        "--api-key",
        default=os.environ.get("AI_SDK_API_KEY"),
        help="the key for the --base-url server, or for the AI Gateway",
    )
    parser.add_argument(
        "--gateway-url", help="the AI Gateway's base URL (default: the public gateway)"
    )
    parser.add_argument(
        "--max-retries", type=int, default=2, help="retries of a failed call (default 2)"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")


def build_parser() -> dict[str, argparse.ArgumentParser]:
    """One parser per command."""
    formatter = argparse.RawDescriptionHelpFormatter
    generate = argparse.ArgumentParser(
        prog="ai-sdk", description=_DESCRIPTION, epilog=_EPILOG, formatter_class=formatter
    )
    generate.add_argument("--version", action="version", version=f"ai-sdk {__version__}")
    generate.add_argument(
        "prompt", nargs="*", help="the prompt (several words are joined); `-' or none: stdin"
    )
    _common(generate)
    generate.add_argument(
        "--llama-cpp",
        action="store_true",
        help="the --base-url server is llama.cpp: send JSON schemas the way it accepts them",
    )
    generate.add_argument("-s", "--system", help="system instructions")
    generate.add_argument(
        "--json-schema",
        metavar="FILE",
        help="answer with JSON matching the JSON Schema in FILE (printed as JSON)",
    )
    generate.add_argument("--max-tokens", type=int, help="the most tokens to generate")
    generate.add_argument("--temperature", type=float, help="sampling temperature")
    generate.add_argument("--no-stream", action="store_true", help="print the answer at the end")
    generate.add_argument(
        "--usage", action="store_true", help="print token usage and timing to stderr"
    )

    models = argparse.ArgumentParser(
        prog="ai-sdk models",
        description="List the Vercel AI Gateway's models with their prices (USD per million "
        "tokens). Needs ai-sdk-gateway; credentials as for any gateway call.",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    _common(models, model=False)
    models.add_argument(
        "--type",
        choices=[
            "language", "embedding", "image", "reranking", "speech", "transcription", "video",
            "realtime",
        ],
        help="only these",
    )  # fmt: skip
    models.add_argument("--json", action="store_true", help="print the list as JSON")

    embed = argparse.ArgumentParser(
        prog="ai-sdk embed",
        description="Embed each non-empty line of stdin; print one JSON array per line, in order.",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    _common(embed)

    rerank = argparse.ArgumentParser(
        prog="ai-sdk rerank",
        description="Rank documents by relevance to a query; print `score<TAB>index<TAB>document` "
        "per line, most relevant first. Documents are the arguments, else the non-empty lines of "
        "stdin.",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    rerank.add_argument("documents", nargs="*", help="the documents (default: stdin lines)")
    rerank.add_argument("-q", "--query", required=True, help="what to rank against")
    rerank.add_argument("-n", "--top-n", type=int, help="only the N most relevant")
    rerank.add_argument("--json", action="store_true", help="print the ranking as JSON")
    _common(rerank)

    transcribe = argparse.ArgumentParser(
        prog="ai-sdk transcribe",
        description="Transcribe an audio file (or an http(s) URL, or `-' for stdin) and print "
        "the text.",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    transcribe.add_argument("file", help="the audio: a path, an http(s):// URL, or - for stdin")
    transcribe.add_argument(
        "--segments", action="store_true", help="print `start<TAB>end<TAB>text' per segment"
    )
    transcribe.add_argument(
        "--json", action="store_true", help="print text, segments, language and duration as JSON"
    )
    _common(transcribe)

    speak = argparse.ArgumentParser(
        prog="ai-sdk speak",
        description="Speak a text (the arguments, else stdin) and write the audio to a file "
        "(or to stdout when it is not a terminal).",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    speak.add_argument("text", nargs="*", help="the text (several words are joined); none: stdin")
    speak.add_argument(
        "-o", "--output", metavar="FILE", help="write the audio here (default: stdout)"
    )
    speak.add_argument("--voice", help="the voice, e.g. alloy")
    speak.add_argument(
        "--format", help="the audio format, e.g. mp3 or wav (default: from --output's extension)"
    )
    speak.add_argument("--speed", type=float, help="the speaking speed, e.g. 1.25")
    speak.add_argument("--instructions", help="how to speak, e.g. 'calm and slow'")
    speak.add_argument("--language", help="an ISO 639-1 code, e.g. en")
    _common(speak)
    return {
        "generate": generate,
        "models": models,
        "embed": embed,
        "rerank": rerank,
        "transcribe": transcribe,
        "speak": speak,
    }


def _command_index(argv: Sequence[str]) -> int | None:
    """Where the command word is: the first argument that is neither an option nor its value."""
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg.startswith("-") and arg != "-":
            skip = arg in _VALUE_OPTIONS
        else:
            return index if arg in COMMANDS else None
    return None


def parse_args(argv: Sequence[str]) -> tuple[str, argparse.Namespace]:
    """The command and its parsed arguments (argparse exits with status 2 on bad usage)."""
    parsers = build_parser()
    index = _command_index(argv)
    if index is None:
        command, rest = "generate", list(argv)
    else:
        command, rest = argv[index], [*argv[:index], *argv[index + 1 :]]
    args = parsers[command].parse_args(rest)
    return command, args
