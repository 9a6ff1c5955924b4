"""Stream a model's answer to a browser: a FastAPI endpoint sending Server-Sent Events.

    pip install fastapi uvicorn
    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 uvicorn examples.fastapi_sse:app
    # open http://127.0.0.1:8000 and ask something

Each text delta becomes one `data:` event (JSON), then a final event with the finish reason and
usage. A browser that closes the page cancels the response, and leaving `stream_text`'s block
closes the model's HTTP stream too.
"""

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, StreamingResponse

from ai_sdk import stream_text
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
    include_usage=True,
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")

PAGE = """<!doctype html>
<meta charset="utf-8"><title>ai-sdk-python</title>
<form id="ask"><input id="q" size="60" value="Why is the sky blue?"> <button>Ask</button></form>
<p id="answer" style="white-space: pre-wrap"></p><small id="stats"></small>
<script>
document.getElementById("ask").onsubmit = (event) => {
  event.preventDefault();
  const answer = document.getElementById("answer");
  answer.textContent = "";
  const q = encodeURIComponent(document.getElementById("q").value);
  const events = new EventSource(`/api/stream?q=${q}`);
  events.onmessage = (message) => {
    const data = JSON.parse(message.data);
    if (data.delta !== undefined) answer.textContent += data.delta;
    else { document.getElementById("stats").textContent = JSON.stringify(data); events.close(); }
  };
};
</script>
"""


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    yield
    await local.aclose()


app = FastAPI(lifespan=lifespan)


def sse(data: dict[str, object]) -> str:
    return f"data: {json.dumps(data)}\n\n"


@app.get("/", response_class=HTMLResponse)
async def page() -> str:
    return PAGE


@app.get("/api/stream")
async def stream(q: str) -> StreamingResponse:
    async def events() -> AsyncIterator[str]:
        async with stream_text(model=local(MODEL), prompt=q, max_output_tokens=300) as result:
            async for delta in result.text_stream:
                yield sse({"delta": delta})
            usage = await result.usage
            yield sse(
                {
                    "finish_reason": await result.finish_reason,
                    "input_tokens": usage.input_tokens,
                    "output_tokens": usage.output_tokens,
                }
            )

    return StreamingResponse(
        events(), media_type="text/event-stream", headers={"cache-control": "no-cache"}
    )
