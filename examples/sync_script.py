"""No asyncio needed: the `_sync` twins in a plain script.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 python examples/sync_script.py

`generate_text_sync`, `stream_text_sync`, `embed_many_sync`, ... run the same implementation as
the async functions on a private event loop, so they also work where a loop is already running
(Jupyter, see jupyter.ipynb).
"""

import os

from ai_sdk import generate_text_sync, stream_text_sync
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")


def main() -> None:
    result = generate_text_sync(model=local(MODEL), prompt="Name a color.", max_output_tokens=20)
    print(result.text)

    # A plain iterator; leaving the `with` block closes the HTTP response.
    with stream_text_sync(
        model=local(MODEL), prompt="Count to five.", max_output_tokens=40
    ) as stream:
        for delta in stream.text_stream:
            print(delta, end="", flush=True)
        print(f"\n[{stream.finish_reason}]")


if __name__ == "__main__":
    main()
