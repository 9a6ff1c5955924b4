"""Change how a model is called without touching the call sites: language model middleware.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 python examples/middleware.py

`wrap_language_model` returns a model like any other. Here one built-in middleware supplies
default settings and a small custom one logs each call's latency and token usage.
"""

import asyncio
import os
import time
from collections.abc import Awaitable, Callable

from ai_sdk import (
    LanguageModelMiddleware,
    default_settings_middleware,
    generate_text,
    wrap_language_model,
)
from ai_sdk.provider import CallOptions, GenerateResult, LanguageModel
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")


async def log_calls(
    *,
    do_generate: Callable[[], Awaitable[GenerateResult]],
    params: CallOptions,
    model: LanguageModel,
    **_: object,
) -> GenerateResult:
    started = time.perf_counter()
    result = await do_generate()
    print(
        f"[{model.model_id}: temperature {params.temperature}, "
        f"{result.usage.output_tokens.total} tokens, {time.perf_counter() - started:.2f} s]"
    )
    return result


async def main() -> None:
    model = wrap_language_model(
        model=local(MODEL),
        # The first middleware is the outermost: the defaults are filled in before log_calls
        # sees the call.
        middleware=[
            default_settings_middleware(temperature=0.2, max_output_tokens=120),
            LanguageModelMiddleware(wrap_generate=log_calls),
        ],
    )
    async with local:
        result = await generate_text(model=model, prompt="Name three primary colors.")
    print(result.text)


if __name__ == "__main__":
    asyncio.run(main())
