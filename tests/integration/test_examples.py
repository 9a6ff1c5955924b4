"""Every script in examples/ runs here against loopback servers with scripted replies.

Each example reads its server from AI_SDK_BASE_URL (and its model from AI_SDK_MODEL), so a test
points it at the loopback server, runs it as ``__main__`` and checks what it printed and what it
sent. An example without a test fails `test_every_example_is_tested`, so examples never rot.
"""

from __future__ import annotations

import ast
import base64
import inspect
import io
import json
import re
import runpy
import sys
import time
from pathlib import Path
from types import CodeType
from typing import Any

import httpx
import pytest

from ai_sdk._sync import run_sync
from tests.servers import LoopbackServer, Reply, json_reply, sse_reply

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CHAT = "/v1/chat/completions"
MODEL = "llama3.2"
PARIS = {"city": "Paris"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8

TESTED = {
    "quickstart.py",
    "generate.py",
    "stream.py",
    "tools.py",
    "agent.py",
    "mcp_agent.py",
    "mcp_weather_server.py",
    "approval.py",
    "structured_output.py",
    "partial_objects.py",
    "embeddings.py",
    "images.py",
    "middleware.py",
    "registry.py",
    "sync_script.py",
    "gateway_vercel.py",
    "audio.py",
    "gateway_models.py",
    "fastapi_sse.py",
    "jupyter.ipynb",
    # An app in its own folder: tests/integration/test_chat_example.py over HTTP, and
    # tests/ui/browser (`nox -s ui-browser`) in Chromium.
    "chat/app.py",
}


# -- scripted OpenAI-compatible replies ----------------------------------------------------


def usage(prompt: int, completion: int) -> dict[str, int]:
    total = prompt + completion
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": total}


def completion(
    content: str | None, *, tool_calls: list[dict[str, Any]] | None = None, tokens: tuple[int, int]
) -> Reply:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls:
        message["tool_calls"] = tool_calls
    return json_reply(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": MODEL,
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "finish_reason": "tool_calls" if tool_calls else "stop",
                }
            ],
            "usage": usage(*tokens),
        }
    )


def tool_call(call_id: str, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": call_id,
        "type": "function",
        "function": {"name": name, "arguments": json.dumps(arguments)},
    }


def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": MODEL,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def streamed(*deltas: str, tokens: tuple[int, int] | None = None) -> Reply:
    """A streamed chat answer; with ``tokens``, a final usage chunk."""
    events: list[dict[str, Any]] = [
        chunk({"role": "assistant", "content": ""}),
        *(chunk({"content": delta}) for delta in deltas),
        chunk({}, "stop"),
    ]
    if tokens is not None:
        events.append({**chunk({}), "choices": [], "usage": usage(*tokens)})
    return sse_reply(events)


def embeddings(*vectors: list[float], tokens: int) -> Reply:
    return json_reply(
        {
            "object": "list",
            "data": [
                {"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)
            ],
            "model": "nomic-embed-text",
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }
    )


def bodies(server: LoopbackServer, path: str = CHAT) -> list[Any]:
    return [request.json() for request in server.requests if request.path == path]


# -- running examples ----------------------------------------------------------------------


@pytest.fixture
def example_env(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> LoopbackServer:
    monkeypatch.setenv("AI_SDK_BASE_URL", f"{server.url}/v1")
    monkeypatch.setenv("AI_SDK_MODEL", MODEL)
    monkeypatch.delenv("AI_SDK_API_KEY", raising=False)
    return server


def run_example(name: str, *args: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Run ``examples/<name>`` as ``__main__`` with ``args``; return its globals."""
    monkeypatch.setattr(sys, "argv", [str(EXAMPLES / name), *args])
    return runpy.run_path(str(EXAMPLES / name), run_name="__main__")


def load_example(name: str) -> dict[str, Any]:
    """Import ``examples/<name>`` without running its ``__main__`` block."""
    return runpy.run_path(str(EXAMPLES / name), run_name=f"examples.{name.removesuffix('.py')}")


def without_timings(text: str) -> str:
    return re.sub(r"\d+\.\d\d s", "T s", text)


def test_every_example_is_tested() -> None:
    found = {
        path.relative_to(EXAMPLES).as_posix()
        for path in EXAMPLES.rglob("*")
        if path.suffix in (".py", ".ipynb") and "node_modules" not in path.parts
    }
    assert found == TESTED


# -- the examples --------------------------------------------------------------------------


def test_quickstart_against_a_llama_cpp_style_server(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(
        CHAT,
        streamed("Sunlight ", "scatters."),  # llama.cpp sends no usage in streams
        completion(None, tool_calls=[tool_call("call_1", "get_weather", PARIS)], tokens=(40, 9)),
        completion("It is sunny and 21 °C in Paris.", tokens=(30, 12)),
        completion(
            '{"name": "Pancakes", "minutes": 20, "ingredients": ["flour", "milk"]}',
            tokens=(25, 20),
        ),
    )

    run_example(
        "quickstart.py", "--base-url", f"{example_env.url}/v1", "--model", "gemma",
        "--api-key", "k", "--llama-cpp", monkeypatch=monkeypatch,
    )  # fmt: skip

    assert without_timings(capsys.readouterr().out) == (
        "1. Streaming: Why is the sky blue? Answer in two sentences.\n\n"
        "Sunlight scatters.\n"
        "   first token after T s, done in T s\n\n"
        "2. Tool call: What is the weather in Paris today?\n\n"
        "   step 1 called get_weather(city='Paris') -> "
        "'The weather in Paris today: Sunny, 21 °C.'\n"
        "   step 2 answered: It is sunny and 21 °C in Paris.\n\n"
        "3. Structured output: Give me a simple pancake recipe.\n\n"
        "   Recipe(name='Pancakes', minutes=20, ingredients=['flour', 'milk'])\n\n"
        "Usage and latency\n"
        "   streamed answer        T s   tokens not reported by the server\n"
        "   tool call + answer     T s   70 tokens in, 21 out\n"
        "   structured output      T s   25 tokens in, 20 out\n"
    )
    stream, forced, answer, recipe = bodies(example_env)
    assert example_env.requests[0].headers["authorization"] == "Bearer k"
    assert (stream["stream"], stream["max_tokens"], stream["temperature"]) == (True, 80, 0)
    assert forced["tool_choice"] == {"type": "function", "function": {"name": "get_weather"}}
    assert answer["tool_choice"] == "none"
    assert answer["messages"][1:] == [
        {
            "role": "assistant",
            "content": "",  # --llama-cpp: never null
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "call_1",
            "content": "The weather in Paris today: Sunny, 21 °C.",
        },
    ]
    assert recipe["response_format"]["type"] == "json_object"
    assert recipe["response_format"]["schema"]["required"] == ["name", "minutes", "ingredients"]


def test_generate(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(CHAT, completion("Rayleigh scattering.", tokens=(14, 4)))

    run_example("generate.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == "Rayleigh scattering.\n[stop: 14 tokens in, 4 out]\n"
    assert bodies(example_env) == [
        {
            "model": MODEL,
            "messages": [
                {"role": "system", "content": "You are a concise assistant."},
                {"role": "user", "content": "Why is the sky blue?"},
            ],
            "max_tokens": 200,
        }
    ]


def test_stream(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(CHAT, streamed("Waves ", "fold ", "light.", tokens=(9, 3)))

    run_example("stream.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == "Waves fold light.\n[stop: 3 tokens]\n"
    [body] = bodies(example_env)
    assert (body["stream"], body["stream_options"]) == (True, {"include_usage": True})


def test_tools(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(
        CHAT,
        completion(
            None,
            tool_calls=[
                tool_call("call_1", "get_weather", {"city": "Paris"}),
                tool_call("call_2", "get_local_time", {"city": "Paris"}),
            ],
            tokens=(50, 20),
        ),
        completion("Paris: 21 °C at 14:05.", tokens=(90, 10)),
    )

    run_example("tools.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        "  step 0: get_weather(city='Paris' unit='C')\n"
        "  step 0: get_local_time(city='Paris')\n"
        "  step 0: get_weather -> {'city': 'Paris', 'temperature': 21}\n"
        "  step 0: get_local_time -> 14:05\n"
        "Paris: 21 °C at 14:05.\n"
        "[2 steps, 170 tokens]\n"
    )
    first, second = bodies(example_env)
    assert [t["function"]["name"] for t in first["tools"]] == ["get_weather", "get_local_time"]
    assert second["messages"][-2:] == [
        {
            "role": "tool",
            "tool_call_id": "call_1",
            "content": '{"city":"Paris","temperature":21}',
        },
        {"role": "tool", "tool_call_id": "call_2", "content": "14:05"},
    ]


def test_agent(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(
        CHAT,
        completion(None, tool_calls=[tool_call("c1", "get_weather", PARIS)], tokens=(40, 9)),
        completion("Sunny, 21 °C.", tokens=(60, 6)),
        completion(
            None, tool_calls=[tool_call("c2", "get_weather", {"city": "Oslo"})], tokens=(40, 9)
        ),
        completion("Freezing, -3 °C.", tokens=(60, 6)),
    )

    run_example("agent.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        "Weather in Paris? -> Sunny, 21 °C. [2 steps]\nAnd in Oslo? -> Freezing, -3 °C. [2 steps]\n"
    )
    requests = [r for r in example_env.requests if r.path == CHAT]
    first = requests[0].json()
    assert first["messages"][0] == {
        "role": "system",
        "content": "You answer questions about the weather in one short sentence. The user is Ada.",
    }
    assert requests[1].json()["messages"][-1] == {
        "role": "tool",
        "tool_call_id": "c1",
        "content": '{"city":"Paris","temperature":21}',
    }
    assert all(r.headers["user-agent"].startswith("ai-sdk-agent/tool-loop ") for r in requests)


def test_mcp_agent_with_its_weather_server(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # mcp_weather_server.py runs for real, as the example's stdio subprocess.
    example_env.route(
        CHAT,
        completion(None, tool_calls=[tool_call("c1", "get_forecast", PARIS)], tokens=(40, 9)),
        completion("Sunny, 21 °C.", tokens=(60, 6)),
        completion("No idea.", tokens=(30, 3)),
    )

    run_example("mcp_agent.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        "Weather in Paris? -> Sunny, 21 °C. (tools: get_forecast)\n"
        "And in Oslo? -> No idea. (tools: none)\n"
    )
    first, second, _ = bodies(example_env)
    assert first["messages"][0] == {
        "role": "system",
        "content": "Ask for forecasts by city name; temperatures are in °C.",
    }
    [offered] = first["tools"]
    assert offered == {
        "type": "function",
        "function": {
            "name": "get_forecast",
            "description": 'Today\'s forecast for a city, given by name (e.g. "Paris").',
            "parameters": {
                "type": "object",
                "title": "get_forecastArguments",
                "properties": {"city": {"title": "City", "type": "string"}},
                "required": ["city"],
                "additionalProperties": False,
            },
        },
    }
    # The MCP result as a content output, which the OpenAI-compatible wire carries as JSON text
    # (as @ai-sdk/openai-compatible does).
    assert second["messages"][-1] == {
        "role": "tool",
        "tool_call_id": "c1",
        "content": '[{"type":"text","text":"Paris: Sunny, 21 °C"}]',
    }


@pytest.mark.parametrize("reply", ["y", "n"])
def test_approval(
    example_env: LoopbackServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    reply: str,
) -> None:
    transfer = {"to": "Bob", "amount": 20}
    example_env.route(
        CHAT,
        completion(None, tool_calls=[tool_call("c1", "send_money", transfer)], tokens=(40, 9)),
        completion("Done." if reply == "y" else "Not sent.", tokens=(60, 3)),
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{reply}\n"))

    run_example("approval.py", monkeypatch=monkeypatch)

    out = capsys.readouterr().out
    assert out == (
        "Allow send_money(to='Bob', amount=20.0)? [y/N] "
        + ("Done.\n" if reply == "y" else "Not sent.\n")
    )
    first, second = (r.json() for r in example_env.requests if r.path == CHAT)
    assert [t["function"]["name"] for t in first["tools"]] == ["send_money"]
    # The transfer ran (or was denied) between the two model calls, before the model went on.
    assert second["messages"][-2]["tool_calls"][0]["function"]["name"] == "send_money"
    assert second["messages"][-1] == {
        "role": "tool",
        "tool_call_id": "c1",
        # openai-compatible sends a denial as its reason, as upstream.
        "content": "Sent 20.00 EUR to Bob." if reply == "y" else "The user declined.",
    }


def test_structured_output(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = {
        "name": "Pancakes",
        "minutes": 20,
        "ingredients": [{"name": "flour", "amount": "200 g"}, {"name": "milk", "amount": "300 ml"}],
        "steps": ["Mix.", "Fry."],
    }
    example_env.route(
        CHAT,
        completion(json.dumps(recipe), tokens=(30, 40)),
        completion('{"result": "positive"}', tokens=(20, 5)),
    )

    run_example("structured_output.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        "Pancakes (20 min)\n  - 200 g flour\n  - 300 ml milk\nsentiment: positive\n"
    )
    first, second = bodies(example_env)
    assert first["response_format"]["type"] == "json_schema"
    assert first["response_format"]["json_schema"]["schema"]["title"] == "Recipe"
    assert second["response_format"]["json_schema"]["schema"]["properties"] == {
        "result": {"type": "string", "enum": ["positive", "neutral", "negative"]}
    }


def test_partial_objects(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paris = '{"name": "Paris", "country": "France", "population": 2100000}'
    cities = (
        '{"elements": [{"name": "Paris", "country": "France", "population": 2100000}, '
        '{"name": "Rome", "country": "Italy", "population": 2800000}]}'
    )
    example_env.route(
        CHAT,
        streamed(paris[:20], paris[20:45], paris[45:]),
        streamed(cities[:70], cities[70:]),
    )

    run_example("partial_objects.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        "partial: {'name': 'Paris'}\n"
        "partial: {'name': 'Paris', 'country': 'France'}\n"
        "partial: {'name': 'Paris', 'country': 'France', 'population': 2100000}\n"
        "final:   City(name='Paris', country='France', population=2100000)\n"
        "element: City(name='Paris', country='France', population=2100000)\n"
        "element: City(name='Rome', country='Italy', population=2800000)\n"
    )


def test_embeddings(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(
        "/v1/embeddings",
        embeddings([1.0, 0.0], [0.0, 1.0], [0.8, 0.6], tokens=21),
        embeddings([0.6, 0.8], tokens=3),
    )

    run_example("embeddings.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        " 0.960  A kitten chased a ball of yarn.\n"
        " 0.800  Stock markets fell sharply on Monday.\n"
        " 0.600  The cat sat on the warm windowsill.\n"
        "[21 tokens]\n"
    )
    documents, query = bodies(example_env, "/v1/embeddings")
    assert documents == {
        "model": "nomic-embed-text",
        "input": [
            "The cat sat on the warm windowsill.",
            "Stock markets fell sharply on Monday.",
            "A kitten chased a ball of yarn.",
        ],
        "encoding_format": "float",
    }
    assert query["input"] == ["pets playing"]


def test_images(
    example_env: LoopbackServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("AI_SDK_OUTPUT_DIR", str(tmp_path))
    png = base64.b64encode(PNG).decode()
    example_env.route(
        "/v1/images/generations", json_reply({"created": 1, "data": [{"b64_json": png}] * 2})
    )

    run_example("images.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        f"saved {tmp_path}/lighthouse-0.png (16 bytes, image/png)\n"
        f"saved {tmp_path}/lighthouse-1.png (16 bytes, image/png)\n"
    )
    assert (tmp_path / "lighthouse-1.png").read_bytes() == PNG
    assert bodies(example_env, "/v1/images/generations") == [
        {
            "model": "gpt-image-1",
            "prompt": "A lighthouse at dusk, watercolor",
            "n": 2,
            "size": "1024x1024",
        }
    ]


def test_middleware(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(CHAT, completion("Red, yellow, blue.", tokens=(12, 5)))

    run_example("middleware.py", monkeypatch=monkeypatch)

    assert without_timings(capsys.readouterr().out) == (
        "[llama3.2: temperature 0.2, 5 tokens, T s]\nRed, yellow, blue.\n"
    )
    [body] = bodies(example_env)
    assert (body["temperature"], body["max_tokens"]) == (0.2, 120)


def test_registry(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(CHAT, completion("Bonjour !", tokens=(8, 3)))

    run_example("registry.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        "alias:fast     Bonjour !\nalias:precise  Bonjour !\nlocal:llama3.2 Bonjour !\n"
    )
    assert [(b["model"], b.get("temperature")) for b in bodies(example_env)] == [
        (MODEL, None),
        (MODEL, 0),
        (MODEL, None),
    ]


def test_sync_script(
    example_env: LoopbackServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(
        CHAT, completion("Blue.", tokens=(5, 2)), streamed("1, ", "2, ", "3, ", "4, ", "5.")
    )

    namespace = run_example("sync_script.py", monkeypatch=monkeypatch)
    run_sync(namespace["local"].aclose)  # the script's process would simply exit here

    assert capsys.readouterr().out == "Blue.\n1, 2, 3, 4, 5.\n[stop]\n"
    assert [body.get("stream", False) for body in bodies(example_env)] == [False, True]


async def test_jupyter_notebook_cells_run_inside_a_running_loop(
    example_env: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    example_env.route(
        CHAT,
        completion("Green.", tokens=(5, 2)),
        streamed("1 2 3 4 5"),
        completion("Mango.", tokens=(5, 2)),
    )
    notebook = json.loads((EXAMPLES / "jupyter.ipynb").read_text())
    namespace: dict[str, Any] = {}

    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            # As IPython runs a cell: on the live loop, top-level `await` allowed.
            code: CodeType = compile(
                "".join(cell["source"]), "<cell>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
            )
            outcome = eval(code, namespace)
            if inspect.iscoroutine(outcome):
                await outcome

    assert capsys.readouterr().out == "Green.\n1 2 3 4 5\n[stop]\nMango.\n"


def fake_oidc_token(subject: str) -> str:
    def b64(value: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    claims = {"sub": subject, "exp": int(time.time()) + 3600}
    return f"{b64({'alg': 'RS256'})}.{b64(claims)}.c2ln"


GATEWAY_ANSWER = {
    "content": [{"type": "text", "text": "Ciao!"}],
    "finishReason": {"unified": "stop", "raw": "stop"},
    "usage": {"inputTokens": {"total": 5}, "outputTokens": {"total": 2}},
    "providerMetadata": {"gateway": {"generationId": "gen_1"}},
}
GATEWAY_MODELS = {
    "models": [
        {
            "id": "openai/gpt-5-mini",
            "name": "GPT-5 mini",
            "pricing": {"input": "0.00000025", "output": "0.000002"},
            "specification": {
                "specificationVersion": "v4",
                "provider": "openai",
                "modelId": "gpt-5-mini",
            },
            "modelType": "language",
        }
    ]
}


@pytest.fixture
def gateway_env(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> str:
    token = fake_oidc_token("local-dev")
    monkeypatch.setenv("AI_GATEWAY_BASE_URL", f"{server.url}/v4/ai")
    monkeypatch.setenv("VERCEL_OIDC_TOKEN", token)
    server.route("/v4/ai/config", json_reply(GATEWAY_MODELS), method="GET")
    server.route("/v4/ai/language-model", json_reply(GATEWAY_ANSWER))
    return token


def test_gateway_script_uses_the_oidc_token(
    server: LoopbackServer,
    gateway_env: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_example("gateway_vercel.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        "language models ($ per million input/output tokens):\n"
        "  openai/gpt-5-mini                    0.25     2.00\n"
        "openai/gpt-5-mini: Ciao!\n"
    )
    for request in server.requests:
        assert request.headers["authorization"] == f"Bearer {gateway_env}"
        assert request.headers["ai-gateway-auth-method"] == "oidc"


async def test_gateway_app_forwards_the_requests_oidc_token_and_id(
    server: LoopbackServer, gateway_env: str
) -> None:
    example = load_example("gateway_vercel.py")
    request_token = fake_oidc_token("deployment")
    transport = httpx.ASGITransport(app=example["app"])

    async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
        response = await client.get(
            "/api/ask",
            params={"q": "Say hi"},
            headers={"x-vercel-oidc-token": request_token, "x-vercel-id": "fra1::req-1"},
        )
    await example["gateway"].aclose()

    assert response.json() == {
        "answer": "Ciao!",
        "model": "openai/gpt-5-mini",
        "generation_id": "gen_1",
    }
    [call] = server.requests
    assert call.headers["authorization"] == f"Bearer {request_token}"
    assert call.headers["ai-o11y-request-id"] == "fra1::req-1"
    assert call.json()["prompt"] == [
        {"role": "user", "content": [{"type": "text", "text": "Say hi"}]}
    ]


async def test_fastapi_sse_streams_events_to_the_browser(example_env: LoopbackServer) -> None:
    example_env.route(CHAT, streamed("Light ", "scatters.", tokens=(7, 2)))
    example = load_example("fastapi_sse.py")
    transport = httpx.ASGITransport(app=example["app"])

    async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
        page = await client.get("/")
        response = await client.get("/api/stream", params={"q": "Why is the sky blue?"})
    await example["local"].aclose()

    assert "new EventSource(`/api/stream?q=${q}`)" in page.text
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.text == (
        'data: {"delta": "Light "}\n\n'
        'data: {"delta": "scatters."}\n\n'
        'data: {"finish_reason": "stop", "input_tokens": 7, "output_tokens": 2}\n\n'
    )
    [body] = bodies(example_env)
    assert body["messages"] == [{"role": "user", "content": "Why is the sky blue?"}]


def test_audio_speaks_and_transcribes(
    example_env: LoopbackServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("AI_SDK_OUTPUT_DIR", str(tmp_path))
    mp3 = b"\xff\xfb\x90\x00" + b"\x00" * 28
    example_env.route("/v1/audio/speech", Reply(headers={"content-type": "audio/mpeg"}, body=mp3))
    example_env.route(
        "/v1/audio/transcriptions",
        json_reply(
            {
                "task": "transcribe",
                "language": "english",
                "duration": 2.5,
                "text": "The quick brown fox jumps over the lazy dog.",
                "segments": [
                    {"id": 0, "seek": 0, "start": 0.0, "end": 1.2, "text": " The quick brown fox"},
                    {
                        "id": 1,
                        "seek": 0,
                        "start": 1.2,
                        "end": 2.5,
                        "text": " jumps over the lazy dog.",
                    },
                ],
            }
        ),
    )

    run_example("audio.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        f"saved {tmp_path}/fox.mp3 (32 bytes, audio/mpeg)\n"
        "heard: The quick brown fox jumps over the lazy dog.\n"
        "   0.00- 1.20 The quick brown fox\n"
        "   1.20- 2.50 jumps over the lazy dog.\n"
    )
    assert bodies(example_env, "/v1/audio/speech") == [
        {
            "model": "gpt-4o-mini-tts",
            "input": "The quick brown fox jumps over the lazy dog.",
            "voice": "alloy",
            "response_format": "mp3",
        }
    ]
    [transcription] = [r for r in example_env.requests if r.path == "/v1/audio/transcriptions"]
    assert b'filename="audio.mp3"' in transcription.body
    assert mp3 in transcription.body


def test_gateway_models_rerank_search_and_video(
    server: LoopbackServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    mp4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 20
    monkeypatch.setenv("AI_GATEWAY_BASE_URL", f"{server.url}/v4/ai")
    monkeypatch.setenv("AI_GATEWAY_API_KEY", "gw-key")
    monkeypatch.setenv("AI_GATEWAY_POLL_SECONDS", "0.01")
    monkeypatch.setenv("AI_SDK_OUTPUT_DIR", str(tmp_path))
    server.route(
        "/v4/ai/reranking-model",
        json_reply(
            {
                "ranking": [
                    {"index": 2, "relevanceScore": 0.92},
                    {"index": 0, "relevanceScore": 0.71},
                ]
            }
        ),
    )
    server.route(
        "/v4/ai/language-model",
        json_reply(
            {
                "content": [
                    {"type": "tool-call", "toolCallId": "s1", "toolName": "search",
                     "input": '{"query": "Lisbon weather weekend"}', "providerExecuted": True},
                    {"type": "tool-result", "toolCallId": "s1", "toolName": "search",
                     "result": {"results": [], "id": "r1"}},
                    {"type": "text", "text": "Sunny, 24 degrees."},
                ],
                "finishReason": {"unified": "stop", "raw": "stop"},
                "usage": {"inputTokens": {"total": 30}, "outputTokens": {"total": 6}},
            }
        ),
    )  # fmt: skip
    server.route("/v4/ai/video-model/start", json_reply({"operation": {"id": "op_1"}}))
    server.route(
        "/v4/ai/video-model/status",
        json_reply({"status": "pending"}),
        json_reply(
            {
                "status": "completed",
                "videos": [
                    {
                        "type": "base64",
                        "data": base64.b64encode(mp4).decode(),
                        "mediaType": "video/mp4",
                    }
                ],
            }
        ),
    )

    run_example("gateway_models.py", monkeypatch=monkeypatch)

    assert capsys.readouterr().out == (
        "0.92 #2 Farmers welcome the first rain in months.\n"
        "0.71 #0 Umbrellas sell out as the storm reaches the coast.\n"
        "answer after 1 search(es): Sunny, 24 degrees.\n"
        f"saved {tmp_path}/rain.mp4 (32 bytes, video/mp4)\n"
    )
    assert bodies(server, "/v4/ai/language-model")[0]["tools"] == [
        {"type": "provider", "id": "gateway.perplexity_search", "name": "search",
         "args": {"maxResults": 3}}
    ]  # fmt: skip
    assert bodies(server, "/v4/ai/video-model/start") == [
        {
            "prompt": "Rain falling on a tin roof, close-up",
            "n": 1,
            "aspectRatio": "16:9",
            "duration": 4,
            "providerOptions": {},
        }
    ]
    assert [r.headers["authorization"] for r in server.requests] == ["Bearer gw-key"] * 5
