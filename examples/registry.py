"""Refer to models by string id: a provider registry, aliases and a default provider.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 python examples/registry.py

`create_provider_registry` puts providers behind `"<provider>:<model>"` ids; `custom_provider`
gives models short aliases (here with default settings attached); `set_default_provider` makes
every `model="..."` string resolve through the registry.
"""

import asyncio
import os

from ai_sdk import (
    create_provider_registry,
    custom_provider,
    default_settings_middleware,
    generate_text,
    set_default_provider,
    wrap_language_model,
)
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")

aliases = custom_provider(
    language_models={
        "fast": local(MODEL),
        "precise": wrap_language_model(
            model=local(MODEL), middleware=default_settings_middleware(temperature=0)
        ),
    },
    fallback_provider=local,  # any other id goes to the local server as it is
)
registry = create_provider_registry({"local": local, "alias": aliases})


async def main() -> None:
    set_default_provider(registry)
    try:
        async with local:
            for model_id in ("alias:fast", "alias:precise", f"local:{MODEL}"):
                result = await generate_text(
                    model=model_id, prompt="Say hello in French.", max_output_tokens=20
                )
                print(f"{model_id:<14} {result.text.strip()}")
    finally:
        set_default_provider(None)


if __name__ == "__main__":
    asyncio.run(main())
