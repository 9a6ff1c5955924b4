"""The Vercel AI Gateway from a FastAPI app on Vercel, authenticated by Vercel OIDC (no API key).

On Vercel, each request to your function carries an OIDC token; `VercelRequestContextMiddleware`
hands it (and the request id) to the gateway provider. Deploy this file as `api/index.py` with
`ai-sdk-core ai-sdk-gateway fastapi` in requirements.txt.

Locally, `vercel link && vercel env pull` writes VERCEL_OIDC_TOKEN (valid for 12 hours) to
.env.local; export it, or set AI_GATEWAY_API_KEY instead, then:

    pip install fastapi uvicorn
    uvicorn examples.gateway_vercel:app        # http://127.0.0.1:8000/api/ask?q=Hello
    python examples/gateway_vercel.py          # the model list with prices, and one answer
"""

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from ai_sdk import generate_text
from ai_sdk_gateway import VercelRequestContextMiddleware, create_gateway

# base_url=None is the public gateway; AI_GATEWAY_BASE_URL points it elsewhere (the tests do).
gateway = create_gateway(base_url=os.environ.get("AI_GATEWAY_BASE_URL"))
MODEL = os.environ.get("AI_GATEWAY_MODEL", "openai/gpt-5-mini")


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    yield
    await gateway.aclose()


app = FastAPI(lifespan=lifespan)
app.add_middleware(VercelRequestContextMiddleware)


@app.get("/api/ask")
async def ask(q: str) -> dict[str, object]:
    result = await generate_text(model=gateway(MODEL), prompt=q, max_output_tokens=300)
    gateway_metadata = (result.provider_metadata or {}).get("gateway", {})
    return {
        "answer": result.text,
        "model": MODEL,
        "generation_id": gateway_metadata.get("generationId"),
    }


async def main() -> None:
    async with gateway:
        models = await gateway.get_available_models()
        print("language models ($ per million input/output tokens):")
        for entry in models.models[:5]:
            if entry.model_type == "language" and entry.pricing is not None:
                price_in = float(entry.pricing.input) * 1e6
                price_out = float(entry.pricing.output) * 1e6
                print(f"  {entry.id:<32} {price_in:8.2f} {price_out:8.2f}")
        result = await generate_text(model=gateway(MODEL), prompt="Say hello in Italian.")
        print(f"{MODEL}: {result.text}")


if __name__ == "__main__":
    asyncio.run(main())
