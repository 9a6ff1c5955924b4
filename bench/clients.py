"""The clients under test, each able to do the three calls the workloads are made of.

Every client offers ``generate(model) -> text``, ``stream(model) -> (text, output tokens)`` and
``embed(model, values) -> vectors`` (async or sync), plus ``close()``. A client module is imported
only inside its own worker process, so one library's import never costs another anything.

- ``floor``/``floor-sync``: no client library. httpx posts the body (serialised with
  ``pydantic_core.to_json``), reads ``aiter_bytes()``, splits SSE events on blank lines and decodes
  each with ``pydantic_core.from_json``. That is the least work any Python client must do.
- ``floor-httpx2``/``floor-aiohttp``: the floor on ``httpx2`` and on aiohttp's transport under
  httpx (``httpx_aiohttp``); ``raw-asyncio``: HTTP/1.1 by hand over asyncio streams, no library.
- ``ours``/``ours-sync``: ``ai_sdk.generate_text``/``stream_text``/``embed_many`` (and ``_sync``)
  over ``ai_sdk_openai_compatible``: what a user of this project writes, on the default backend;
  ``ours-httpx``/``ours-httpx2``/``ours-aiohttp`` pin ``AI_SDK_HTTP_BACKEND``, ``ours-base64``
  asks for base64 embeddings.
- ``ours-provider``: the provider's ``do_generate``/``do_stream``/``do_embed`` without core, to
  tell provider cost from core cost.
- ``openai``/``openai-sync``: the official openai-python SDK.
- ``litellm``: ``litellm.acompletion``/``aembedding`` (async only).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

__all__ = ["CLIENTS", "PROMPT", "available", "core_functions", "make_client"]

PROMPT = "Write a long story about a benchmark."
_API_KEY = "bench-key"


def _async_http_client(backend: str, base_url: str) -> Any:
    """An async client of ``backend``: ``httpx``, ``httpx2`` or ``aiohttp`` (httpx's API on
    aiohttp's transport, ``httpx_aiohttp.HttpxAiohttpClient``)."""
    if backend == "httpx2":
        import httpx2

        return httpx2.AsyncClient(base_url=base_url, timeout=120)
    if backend == "aiohttp":
        import httpx_aiohttp

        return httpx_aiohttp.HttpxAiohttpClient(base_url=base_url, timeout=120)
    import httpx

    return httpx.AsyncClient(base_url=base_url, timeout=120)


class FloorAsync:
    """httpx + a blank-line split + ``pydantic_core.from_json``: the floor."""

    is_async = True
    backend = "httpx"

    def __init__(self, base_url: str) -> None:
        import pydantic_core

        self._to_json = pydantic_core.to_json
        self._from_json = pydantic_core.from_json
        # httpx's default pool limits, as our provider uses them: raising the keep-alive limit
        # to 100 makes W3 several times slower (see README, "What the floor is made of").
        self._http = _async_http_client(self.backend, base_url)
        self._headers = {"authorization": f"Bearer {_API_KEY}", "content-type": "application/json"}
        self.reads = 0

    def _chat_body(self, model: str, stream: bool) -> bytes:
        body: dict[str, Any] = {"model": model, "messages": [{"role": "user", "content": PROMPT}]}
        if stream:
            body["stream"] = True
            body["stream_options"] = {"include_usage": True}
        return self._to_json(body)

    async def generate(self, model: str) -> str:
        response = await self._http.post(
            "/chat/completions", content=self._chat_body(model, False), headers=self._headers
        )
        response.raise_for_status()
        return self._from_json(response.content)["choices"][0]["message"]["content"]

    async def stream(self, model: str) -> tuple[str, int]:
        from_json = self._from_json
        texts: list[str] = []
        tokens = 0
        async with self._http.stream(
            "POST", "/chat/completions", content=self._chat_body(model, True), headers=self._headers
        ) as response:
            response.raise_for_status()
            buffer = b""
            async for data in response.aiter_bytes():
                self.reads += 1
                *events, buffer = (buffer + data).split(b"\n\n")
                for event in events:
                    payload = event[6:]  # every event is one "data: " line
                    if payload == b"[DONE]":
                        continue
                    chunk = from_json(payload)
                    choices = chunk["choices"]
                    if choices:
                        content = choices[0]["delta"].get("content")
                        if content:
                            texts.append(content)
                    usage = chunk.get("usage")
                    if usage:
                        tokens = usage["completion_tokens"]
        return "".join(texts), tokens

    async def embed(self, model: str, values: list[str]) -> list[list[float]]:
        body = self._to_json({"model": model, "input": values, "encoding_format": "float"})
        response = await self._http.post("/embeddings", content=body, headers=self._headers)
        response.raise_for_status()
        return [row["embedding"] for row in self._from_json(response.content)["data"]]

    async def close(self) -> None:
        await self._http.aclose()


class FloorHttpx2(FloorAsync):
    """The floor's code on ``httpx2.AsyncClient``."""

    backend = "httpx2"


class FloorAiohttp(FloorAsync):
    """The floor's code on ``httpx_aiohttp.HttpxAiohttpClient`` (aiohttp under httpx's API)."""

    backend = "aiohttp"


class RawAsyncio:
    """The limit: HTTP/1.1 written by hand over asyncio streams (keep-alive, chunked bodies), the
    same split and ``from_json``; no HTTP library, no timeouts, no error handling."""

    is_async = True

    def __init__(self, base_url: str) -> None:
        import urllib.parse

        import pydantic_core

        url = urllib.parse.urlsplit(base_url)
        self._host, self._port, self._prefix = url.hostname or "", url.port or 80, url.path
        self._to_json = pydantic_core.to_json
        self._from_json = pydantic_core.from_json
        self._idle: list[tuple[Any, Any]] = []
        self._open: list[Any] = []

    async def _send(self, path: str, body: bytes) -> tuple[Any, Any, int, dict[bytes, bytes]]:
        import asyncio

        if self._idle:
            reader, writer = self._idle.pop()
        else:
            reader, writer = await asyncio.open_connection(self._host, self._port, limit=1 << 22)
            self._open.append(writer)
        writer.write(
            b"POST %s%s HTTP/1.1\r\nhost: %s:%d\r\nauthorization: Bearer %s\r\n"
            b"content-type: application/json\r\ncontent-length: %d\r\n\r\n%s"
            % (self._prefix.encode(), path.encode(), self._host.encode(), self._port,
               _API_KEY.encode(), len(body), body)
        )  # fmt: skip
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        headers: dict[bytes, bytes] = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
        status = int(lines[0].split()[1])
        if status != 200:
            raise RuntimeError(f"status {status}")
        return reader, writer, status, headers

    async def _read_body(self, reader: Any, headers: dict[bytes, bytes]) -> bytes:
        return await reader.readexactly(int(headers[b"content-length"]))

    def _chat_body(self, model: str, stream: bool) -> bytes:
        body: dict[str, Any] = {"model": model, "messages": [{"role": "user", "content": PROMPT}]}
        if stream:
            body["stream"] = True
            body["stream_options"] = {"include_usage": True}
        return self._to_json(body)

    async def generate(self, model: str) -> str:
        reader, writer, _, headers = await self._send(
            "/chat/completions", self._chat_body(model, False)
        )
        content = await self._read_body(reader, headers)
        self._idle.append((reader, writer))
        return self._from_json(content)["choices"][0]["message"]["content"]

    async def stream(self, model: str) -> tuple[str, int]:
        from_json = self._from_json
        reader, writer, _, _ = await self._send("/chat/completions", self._chat_body(model, True))
        texts: list[str] = []
        tokens = 0
        buffer = b""
        readuntil, readexactly = reader.readuntil, reader.readexactly
        while True:
            size = int(await readuntil(b"\r\n"), 16)
            data = await readexactly(size + 2)
            if not size:
                break
            *events, buffer = (buffer + data[:-2]).split(b"\n\n")
            for event in events:
                payload = event[6:]
                if payload == b"[DONE]":
                    continue
                chunk = from_json(payload)
                choices = chunk["choices"]
                if choices:
                    content = choices[0]["delta"].get("content")
                    if content:
                        texts.append(content)
                usage = chunk.get("usage")
                if usage:
                    tokens = usage["completion_tokens"]
        self._idle.append((reader, writer))
        return "".join(texts), tokens

    async def embed(self, model: str, values: list[str]) -> list[list[float]]:
        body = self._to_json({"model": model, "input": values, "encoding_format": "float"})
        reader, writer, _, headers = await self._send("/embeddings", body)
        content = await self._read_body(reader, headers)
        self._idle.append((reader, writer))
        return [row["embedding"] for row in self._from_json(content)["data"]]

    async def close(self) -> None:
        for writer in self._open:
            writer.close()


class FloorSync:
    """The floor with ``httpx.Client``: the reference for the sync twins."""

    is_async = False

    def __init__(self, base_url: str) -> None:
        import httpx
        import pydantic_core

        self._to_json = pydantic_core.to_json
        self._from_json = pydantic_core.from_json
        self._http = httpx.Client(base_url=base_url, timeout=120)
        self._headers = {"authorization": f"Bearer {_API_KEY}", "content-type": "application/json"}

    def _chat_body(self, model: str, stream: bool) -> bytes:
        body: dict[str, Any] = {"model": model, "messages": [{"role": "user", "content": PROMPT}]}
        if stream:
            body["stream"] = True
            body["stream_options"] = {"include_usage": True}
        return self._to_json(body)

    def generate(self, model: str) -> str:
        response = self._http.post(
            "/chat/completions", content=self._chat_body(model, False), headers=self._headers
        )
        response.raise_for_status()
        return self._from_json(response.content)["choices"][0]["message"]["content"]

    def stream(self, model: str) -> tuple[str, int]:
        from_json = self._from_json
        texts: list[str] = []
        tokens = 0
        with self._http.stream(
            "POST", "/chat/completions", content=self._chat_body(model, True), headers=self._headers
        ) as response:
            response.raise_for_status()
            buffer = b""
            for data in response.iter_bytes():
                *events, buffer = (buffer + data).split(b"\n\n")
                for event in events:
                    payload = event[6:]
                    if payload == b"[DONE]":
                        continue
                    chunk = from_json(payload)
                    choices = chunk["choices"]
                    if choices:
                        content = choices[0]["delta"].get("content")
                        if content:
                            texts.append(content)
                    usage = chunk.get("usage")
                    if usage:
                        tokens = usage["completion_tokens"]
        return "".join(texts), tokens

    def embed(self, model: str, values: list[str]) -> list[list[float]]:
        body = self._to_json({"model": model, "input": values, "encoding_format": "float"})
        response = self._http.post("/embeddings", content=body, headers=self._headers)
        response.raise_for_status()
        return [row["embedding"] for row in self._from_json(response.content)["data"]]

    def close(self) -> None:
        self._http.close()


def _our_provider(base_url: str, **settings: Any) -> Any:
    from ai_sdk_openai_compatible import create_openai_compatible

    try:
        return create_openai_compatible(
            name="bench", base_url=base_url, api_key=_API_KEY, include_usage=True, **settings
        )
    except TypeError:  # no include_usage option: the server sends usage anyway
        return create_openai_compatible(name="bench", base_url=base_url, api_key=_API_KEY)


class _Core:
    """``ai_sdk``'s public functions, found in their subpackage while the top level lacks them."""

    def __getattr__(self, name: str) -> Any:
        import importlib

        import ai_sdk

        for module in ("ai_sdk", "ai_sdk.generate_text", "ai_sdk.embed"):
            try:
                value = getattr(importlib.import_module(module), name)
            except (ImportError, AttributeError):
                continue
            setattr(self, name, value)
            return value
        raise AttributeError(f"ai_sdk {ai_sdk.__version__} has no {name}")


def core_functions() -> Any:
    """An object whose attributes are ``ai_sdk``'s public functions."""
    return _Core()


def _output_tokens(usage: Any) -> int:
    tokens = usage.output_tokens
    return tokens if isinstance(tokens, int) else tokens.total


async def _aclose_provider(provider: Any) -> None:
    for name in ("aclose", "close"):
        method = getattr(provider, name, None)
        if method is not None:
            result = method()
            if hasattr(result, "__await__"):
                await result
            return


class OursAsync:
    """``generate_text``/``stream_text``/``embed_many`` over our OpenAI-compatible provider."""

    is_async = True
    backend = ""  # the HTTP backend of the client the provider creates ("": the default)
    settings: dict[str, Any] = {}  # noqa: RUF012 - provider settings, read only

    def __init__(self, base_url: str) -> None:
        import os

        if self.backend:
            os.environ["AI_SDK_HTTP_BACKEND"] = self.backend
        self._ai = _Core()
        self._provider = _our_provider(base_url, **self.settings)

    async def generate(self, model: str) -> str:
        result = await self._ai.generate_text(model=self._provider(model), prompt=PROMPT)
        return result.text

    async def stream(self, model: str) -> tuple[str, int]:
        result = self._ai.stream_text(model=self._provider(model), prompt=PROMPT)
        texts = [delta async for delta in result.text_stream]
        return "".join(texts), _output_tokens(await result.usage)

    async def embed(self, model: str, values: list[str]) -> list[list[float]]:
        model_ = self._provider.embedding_model(model)
        result = await self._ai.embed_many(model=model_, values=values)
        return list(result.embeddings)

    async def close(self) -> None:
        await _aclose_provider(self._provider)


class OursHttpx2(OursAsync):
    """``ours`` with ``AI_SDK_HTTP_BACKEND=httpx2``."""

    backend = "httpx2"


class OursAiohttp(OursAsync):
    """``ours`` with ``AI_SDK_HTTP_BACKEND=aiohttp``."""

    backend = "aiohttp"


class OursBase64(OursAsync):
    """``ours`` with ``embedding_encoding="base64"`` (W4: vectors as base64 float32)."""

    settings: dict[str, Any] = {"embedding_encoding": "base64"}  # noqa: RUF012


class OursHttpx(OursAsync):
    """``ours`` with ``AI_SDK_HTTP_BACKEND=httpx``: plain httpx even when a faster backend is
    installed (the same as ``ours`` while httpx is the default)."""

    backend = "httpx"


class OursSync:
    """The ``_sync`` twins: ``generate_text_sync``, ``stream_text_sync``, ``embed_many_sync``."""

    is_async = False

    def __init__(self, base_url: str) -> None:
        self._ai = _Core()
        self._provider = _our_provider(base_url)

    def generate(self, model: str) -> str:
        return self._ai.generate_text_sync(model=self._provider(model), prompt=PROMPT).text

    def stream(self, model: str) -> tuple[str, int]:
        result = self._ai.stream_text_sync(model=self._provider(model), prompt=PROMPT)
        texts = list(result.text_stream)
        return "".join(texts), _output_tokens(result.usage)

    def embed(self, model: str, values: list[str]) -> list[list[float]]:
        model_ = self._provider.embedding_model(model)
        return list(self._ai.embed_many_sync(model=model_, values=values).embeddings)

    def close(self) -> None:
        close = getattr(self._provider, "close", None)
        if close is not None:
            close()


class OursProvider:
    """The provider's spec methods called directly: no core, no prompt conversion."""

    is_async = True

    def __init__(self, base_url: str) -> None:
        from ai_sdk.provider import CallOptions, EmbeddingCallOptions, TextPart, UserMessage

        self._provider = _our_provider(base_url)
        self._options = CallOptions(prompt=[UserMessage(content=[TextPart(text=PROMPT)])])
        self._embed_options = EmbeddingCallOptions
        self._models: dict[str, Any] = {}

    def _model(self, model: str) -> Any:
        found = self._models.get(model)
        if found is None:
            found = self._models[model] = self._provider(model)
        return found

    async def generate(self, model: str) -> str:
        result = await self._model(model).do_generate(self._options)
        return "".join(part.text for part in result.content if part.type == "text")

    async def stream(self, model: str) -> tuple[str, int]:
        result = await self._model(model).do_stream(self._options)
        texts: list[str] = []
        tokens = 0
        async for part in result.stream:
            kind = part.type
            if kind == "text-delta":
                texts.append(part.delta)
            elif kind == "finish":
                tokens = part.usage.output_tokens.total or 0
        return "".join(texts), tokens

    async def embed(self, model: str, values: list[str]) -> list[list[float]]:
        embedding_model = self._provider.embedding_model(model)
        result = await embedding_model.do_embed(self._embed_options(values=values))
        return list(result.embeddings)

    async def close(self) -> None:
        await _aclose_provider(self._provider)


class OpenAIAsync:
    """openai-python's ``AsyncOpenAI``."""

    is_async = True

    def __init__(self, base_url: str) -> None:
        import openai

        self._client = openai.AsyncOpenAI(base_url=base_url, api_key=_API_KEY)

    async def generate(self, model: str) -> str:
        response = await self._client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": PROMPT}]
        )
        return response.choices[0].message.content or ""

    async def stream(self, model: str) -> tuple[str, int]:
        stream = await self._client.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": PROMPT}],
            stream=True,
            stream_options={"include_usage": True},
        )
        texts: list[str] = []
        tokens = 0
        async for chunk in stream:
            if chunk.choices:
                content = chunk.choices[0].delta.content
                if content:
                    texts.append(content)
            if chunk.usage:
                tokens = chunk.usage.completion_tokens
        return "".join(texts), tokens

    async def embed(self, model: str, values: list[str]) -> list[list[float]]:
        # "float" so that every client reads the same bytes (the SDK's default is base64).
        response = await self._client.embeddings.create(
            model=model, input=values, encoding_format="float"
        )
        return [row.embedding for row in response.data]

    async def close(self) -> None:
        await self._client.close()


class OpenAIBase64(OpenAIAsync):
    """openai-python with its default ``encoding_format`` (base64, decoded with numpy when it
    is installed)."""

    async def embed(self, model: str, values: list[str]) -> list[list[float]]:
        response = await self._client.embeddings.create(model=model, input=values)
        return [row.embedding for row in response.data]


class OpenAISync:
    """openai-python's ``OpenAI``."""

    is_async = False

    def __init__(self, base_url: str) -> None:
        import openai

        self._client = openai.OpenAI(base_url=base_url, api_key=_API_KEY)

    def generate(self, model: str) -> str:
        response = self._client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": PROMPT}]
        )
        return response.choices[0].message.content or ""

    def stream(self, model: str) -> tuple[str, int]:
        stream = self._client.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": PROMPT}],
            stream=True,
            stream_options={"include_usage": True},
        )
        texts: list[str] = []
        tokens = 0
        for chunk in stream:
            if chunk.choices:
                content = chunk.choices[0].delta.content
                if content:
                    texts.append(content)
            if chunk.usage:
                tokens = chunk.usage.completion_tokens
        return "".join(texts), tokens

    def embed(self, model: str, values: list[str]) -> list[list[float]]:
        response = self._client.embeddings.create(
            model=model, input=values, encoding_format="float"
        )
        return [row.embedding for row in response.data]

    def close(self) -> None:
        self._client.close()


class LiteLLMAsync:
    """``litellm.acompletion``/``aembedding`` with the ``openai/`` route to our server."""

    is_async = True

    def __init__(self, base_url: str) -> None:
        import litellm

        litellm.telemetry = False
        litellm.suppress_debug_info = True
        self._litellm = litellm
        self._base_url = base_url

    async def generate(self, model: str) -> str:
        response = await self._litellm.acompletion(
            model=f"openai/{model}",
            messages=[{"role": "user", "content": PROMPT}],
            api_base=self._base_url,
            api_key=_API_KEY,
        )
        return response.choices[0].message.content or ""

    async def stream(self, model: str) -> tuple[str, int]:
        stream = await self._litellm.acompletion(
            model=f"openai/{model}",
            messages=[{"role": "user", "content": PROMPT}],
            api_base=self._base_url,
            api_key=_API_KEY,
            stream=True,
            stream_options={"include_usage": True},
        )
        texts: list[str] = []
        tokens = 0
        async for chunk in stream:
            if chunk.choices:
                content = chunk.choices[0].delta.content
                if content:
                    texts.append(content)
            usage = getattr(chunk, "usage", None)
            if usage:
                tokens = usage.completion_tokens
        return "".join(texts), tokens

    async def embed(self, model: str, values: list[str]) -> list[list[float]]:
        response = await self._litellm.aembedding(
            model=f"openai/{model}",
            input=values,
            api_base=self._base_url,
            api_key=_API_KEY,
            encoding_format="float",
        )
        return [row["embedding"] for row in response.data]

    async def close(self) -> None:
        pass


# name -> (factory, the modules it needs: the runner skips a client whose modules are missing)
CLIENTS: dict[str, tuple[Callable[[str], Any], tuple[str, ...]]] = {
    "floor": (FloorAsync, ("httpx", "pydantic_core")),
    "floor-sync": (FloorSync, ("httpx", "pydantic_core")),
    "floor-httpx2": (FloorHttpx2, ("httpx2", "pydantic_core")),
    "floor-aiohttp": (FloorAiohttp, ("httpx_aiohttp", "pydantic_core")),
    "raw-asyncio": (RawAsyncio, ("pydantic_core",)),
    "ours": (OursAsync, ("ai_sdk", "ai_sdk_openai_compatible")),
    "ours-httpx": (OursHttpx, ("ai_sdk", "ai_sdk_openai_compatible")),
    "ours-httpx2": (OursHttpx2, ("ai_sdk", "ai_sdk_openai_compatible", "httpx2")),
    "ours-aiohttp": (OursAiohttp, ("ai_sdk", "ai_sdk_openai_compatible", "httpx_aiohttp")),
    "ours-sync": (OursSync, ("ai_sdk", "ai_sdk_openai_compatible")),
    "ours-provider": (OursProvider, ("ai_sdk", "ai_sdk_openai_compatible")),
    "openai": (OpenAIAsync, ("openai",)),
    "openai-sync": (OpenAISync, ("openai",)),
    "ours-base64": (OursBase64, ("ai_sdk", "ai_sdk_openai_compatible")),
    "openai-base64": (OpenAIBase64, ("openai",)),
    "litellm": (LiteLLMAsync, ("litellm",)),
}


def available(name: str) -> bool:
    """Whether the modules client ``name`` needs are installed (without importing them)."""
    return all(importlib.util.find_spec(module) is not None for module in CLIENTS[name][1])


def make_client(name: str, base_url: str) -> Any:
    """Build client ``name`` against the server at ``base_url`` (its imports happen here)."""
    return CLIENTS[name][0](base_url)
