"""The `ai-sdk` command line (also `python -m ai_sdk`): call any LLM from the terminal.

```
ai-sdk "Why is the sky blue?" --model openai/gpt-5           # streams the answer
ai-sdk --base-url http://127.0.0.1:11434/v1 -m llama3.2 "Hi"  # any OpenAI-compatible server
ai-sdk --json-schema person.json "Invent a person"            # JSON matching a schema
ai-sdk models                                                 # AI Gateway models and prices
printf 'cat\\ndog\\n' | ai-sdk embed -m openai/text-embedding-3-small
```

Errors print one line and exit non-zero (1: the call failed, 2: bad usage, 130: interrupted);
``--debug`` adds the traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ai_sdk.cli._parser import UsageError, parse_args

if TYPE_CHECKING:
    import argparse

# Only the parser is imported up front: `ai-sdk --help` and usage errors never load pydantic,
# httpx or the providers (bench W5 measures it).

__all__ = ["main"]

_MAX_MESSAGE = 2000


async def _run(command: str, args: argparse.Namespace) -> None:
    from ai_sdk.cli._commands import embed, generate, list_models
    from ai_sdk.cli._models import Models

    models = Models(
        base_url=getattr(args, "base_url", None),
        api_key=args.api_key,
        gateway_url=args.gateway_url,
        llama_cpp=getattr(args, "llama_cpp", False),
    )
    try:
        if command == "models":
            await list_models(args, models, sys.stdout)
        elif command == "embed":
            await embed(args, models, sys.stdout)
        else:
            await generate(args, models, sys.stdout, sys.stderr)
    finally:
        await models.aclose()


def _one_line(error: BaseException) -> str:
    from ai_sdk.provider import AISDKError

    message = " ".join(str(error).split()) or "(no message)"
    if len(message) > _MAX_MESSAGE:
        message = message[:_MAX_MESSAGE] + "..."
    if isinstance(error, UsageError):
        return message
    if isinstance(error, AISDKError):
        return f"{type(error).__name__}: {message}"
    return f"{type(error).__name__}: {message} (run with --debug for the traceback)"


def _exit_status(error: BaseException) -> int:
    from ai_sdk.provider import NoSuchModelError, NoSuchProviderError

    usage = (UsageError, NoSuchModelError, NoSuchProviderError)
    return 2 if isinstance(error, usage) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    command, args = parse_args(sys.argv[1:] if argv is None else argv)
    import asyncio

    try:
        asyncio.run(_run(command, args))
    except KeyboardInterrupt:
        sys.stderr.write("\nai-sdk: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`ai-sdk ... | head`): nothing left to say, and nowhere to say it.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as error:
        if args.debug:
            import traceback

            traceback.print_exc()
        sys.stdout.flush()
        sys.stderr.write(f"ai-sdk: error: {_one_line(error)}\n")
        return _exit_status(error)
    return 0
