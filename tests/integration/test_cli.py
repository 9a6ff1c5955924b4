"""`ai-sdk` as a subprocess against loopback servers, through the real providers.

OpenAI-compatible servers (``--base-url``) and the AI Gateway (``--gateway-url``): what the
command sends, what it prints, and how it fails (one line on stderr, exit status 1 or 2).
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.test_examples import (
    GATEWAY_ANSWER,
    GATEWAY_MODELS,
    completion,
    embeddings,
    streamed,
)
from tests.servers import LoopbackServer, Reply, json_reply, sse_reply

ROOT = Path(__file__).resolve().parents[2]
CHAT = "/v1/chat/completions"


@dataclass
class Run:
    code: int
    out: str
    err: str


def ai_sdk(*args: str, stdin: str = "") -> Run:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AI_SDK_", "AI_GATEWAY_", "VERCEL_"))
    }
    done = subprocess.run(
        [sys.executable, "-m", "ai_sdk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def test_streams_from_an_openai_compatible_server(server: LoopbackServer) -> None:
    server.route(CHAT, streamed("The sky ", "scatters ", "blue light.", tokens=(20, 6)))

    run = ai_sdk(
        "--base-url", f"{server.url}/v1", "--api-key", "sk-test", "-m", "llama3.2",
        "--system", "Be brief.", "--max-tokens", "50", "--temperature", "0.3", "--usage",
        "Why is the sky blue?",
    )  # fmt: skip

    assert (run.code, run.out) == (0, "The sky scatters blue light.\n")
    assert run.err.startswith("ai-sdk: 20 input tokens, 6 output tokens, finish reason stop, ")
    [request] = server.requests
    assert request.headers["authorization"] == "Bearer sk-test"
    assert request.json() == {
        "model": "llama3.2",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Why is the sky blue?"},
        ],
        "max_tokens": 50,
        "temperature": 0.3,
        "stream": True,
        "stream_options": {"include_usage": True},
    }


def test_openai_compatible_prefix_and_no_stream(server: LoopbackServer) -> None:
    server.route(CHAT, completion("Hello!", tokens=(3, 2)))

    base = ("--base-url", f"{server.url}/v1")
    run = ai_sdk(*base, "-m", "openai-compatible:qwen3", "--no-stream", "Hi")

    assert (run.code, run.out, run.err) == (0, "Hello!\n", "")
    assert server.requests[0].json()["model"] == "qwen3"
    assert "authorization" not in server.requests[0].headers


@pytest.mark.parametrize(
    ("flags", "response_format"),
    [
        (
            [],
            {
                "type": "json_schema",
                "json_schema": {"name": "response", "strict": True, "schema": "SCHEMA"},
            },
        ),
        (["--llama-cpp"], {"type": "json_object", "schema": "SCHEMA"}),
    ],
)
def test_json_schema(
    server: LoopbackServer, tmp_path: Path, flags: list[str], response_format: dict[str, object]
) -> None:
    schema = {
        "type": "object",
        "properties": {"city": {"type": "string"}, "celsius": {"type": "integer"}},
        "required": ["city", "celsius"],
        "additionalProperties": False,
    }
    (tmp_path / "weather.json").write_text(json.dumps(schema))
    server.route(CHAT, completion('{"city": "Oslo", "celsius": -3}', tokens=(9, 9)))

    run = ai_sdk(
        "--base-url", f"{server.url}/v1", "-m", "m", *flags,
        "--json-schema", str(tmp_path / "weather.json"), "Weather in Oslo?",
    )  # fmt: skip

    assert (run.code, run.err) == (0, "")
    assert run.out == '{\n  "city": "Oslo",\n  "celsius": -3\n}\n'
    expected = json.loads(json.dumps(response_format).replace('"SCHEMA"', json.dumps(schema)))
    assert server.requests[0].json()["response_format"] == expected


def test_embed_through_an_openai_compatible_server(server: LoopbackServer) -> None:
    server.route("/v1/embeddings", embeddings([0.5, 1.0], [0.25, -1.0], tokens=4))

    run = ai_sdk("embed", "--base-url", f"{server.url}/v1", "-m", "nomic", stdin="cat\ndog\n")

    assert (run.code, run.out, run.err) == (0, "[0.5, 1.0]\n[0.25, -1.0]\n", "")
    assert server.requests[0].json()["input"] == ["cat", "dog"]


def test_http_errors_print_one_line_and_exit_1(server: LoopbackServer) -> None:
    server.route(
        CHAT,
        json_reply(
            {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}},
            status=401,
        ),
    )
    base = ("--base-url", f"{server.url}/v1", "-m", "m", "Hi")

    run = ai_sdk(*base)
    debug = ai_sdk(*base, "--debug")

    assert (run.code, run.out) == (1, "")
    assert run.err == "ai-sdk: error: APICallError: Incorrect API key provided\n"
    assert "Traceback" not in run.err
    assert debug.code == 1
    assert "Traceback (most recent call last)" in debug.err


def test_unreachable_server_exits_1_without_traceback(server: LoopbackServer) -> None:
    server.stop()  # nothing listens on its port any more

    run = ai_sdk("--base-url", f"{server.url}/v1", "-m", "m", "--max-retries", "0", "Hi")

    assert run.code == 1
    assert run.err.startswith("ai-sdk: error: ")
    assert run.err.count("\n") == 1
    assert "Traceback" not in run.err


def test_mid_stream_error_keeps_what_was_printed(server: LoopbackServer) -> None:
    server.route(
        CHAT,
        sse_reply(
            [
                {"choices": [{"index": 0, "delta": {"content": "Partial "}}]},
                {"error": {"message": "model crashed", "type": "server_error"}},
            ]
        ),
    )

    run = ai_sdk("--base-url", f"{server.url}/v1", "-m", "m", "Hi")

    assert run.code == 1
    assert run.out.startswith("Partial ")
    assert run.err.startswith("ai-sdk: error: ")
    assert "model crashed" in run.err


def test_gateway_models_table_and_json(server: LoopbackServer) -> None:
    server.route("/v4/ai/config", json_reply(GATEWAY_MODELS), method="GET")
    gateway = ("--gateway-url", f"{server.url}/v4/ai", "--api-key", "gw-key")

    table = ai_sdk("models", *gateway)
    as_json = ai_sdk("models", *gateway, "--json", "--type", "language")

    assert (table.code, table.err) == (0, "")
    assert table.out == (
        "MODEL              TYPE      INPUT $/1M  OUTPUT $/1M\n"
        "openai/gpt-5-mini  language        0.25         2.00\n"
    )
    assert json.loads(as_json.out) == [
        {
            "id": "openai/gpt-5-mini",
            "name": "GPT-5 mini",
            "type": "language",
            "pricing": {"input": "0.00000025", "output": "0.000002"},
        }
    ]
    assert server.requests[0].headers["authorization"] == "Bearer gw-key"


def test_gateway_model_ids(server: LoopbackServer) -> None:
    server.route("/v4/ai/language-model", json_reply(GATEWAY_ANSWER))
    gateway = ("--gateway-url", f"{server.url}/v4/ai", "--api-key", "gw-key", "--no-stream")

    plain = ai_sdk(*gateway, "-m", "openai/gpt-5-mini", "Hi")
    prefixed = ai_sdk(*gateway, "-m", "gateway:anthropic/claude-sonnet-4", "Hi")

    assert (plain.code, plain.out, prefixed.out) == (0, "Ciao!\n", "Ciao!\n")
    assert [r.headers["ai-language-model-id"] for r in server.requests] == [
        "openai/gpt-5-mini",
        "anthropic/claude-sonnet-4",
    ]


def test_gateway_without_credentials_says_how_to_get_them(server: LoopbackServer) -> None:
    run = ai_sdk("--gateway-url", f"{server.url}/v4/ai", "-m", "openai/gpt-5", "Hi")

    assert run.code == 1
    assert run.err.startswith("ai-sdk: error: GatewayAuthenticationError: ")
    assert "AI_GATEWAY_API_KEY" in run.err
    assert run.err.count("\n") == 1
    assert server.requests == []


def test_gateway_rerank_transcribe_and_speak(server: LoopbackServer, tmp_path: Path) -> None:
    wav = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24
    server.route(
        "/v4/ai/reranking-model",
        json_reply({"ranking": [{"index": 1, "relevanceScore": 0.9}]}),
    )
    server.route(
        "/v4/ai/transcription-model",
        json_reply({"text": "hello", "segments": [], "language": "en"}),
    )
    server.route("/v4/ai/speech-model", json_reply({"audio": base64.b64encode(wav).decode()}))
    gateway = ("--gateway-url", f"{server.url}/v4/ai", "--api-key", "gw-key")
    audio = tmp_path / "in.wav"
    audio.write_bytes(wav)
    out = tmp_path / "out.wav"

    ranked = ai_sdk("rerank", *gateway, "-m", "cohere/rerank-v3.5", "-q", "rain", "-n", "1",
                    "sun", "rain")  # fmt: skip
    heard = ai_sdk("transcribe", *gateway, "-m", "openai/whisper-1", str(audio))
    spoken = ai_sdk("speak", *gateway, "-m", "openai/tts-1", "-o", str(out), "Hi")

    assert (ranked.code, ranked.out) == (0, "0.9000\t1\train\n")
    assert (heard.code, heard.out) == (0, "hello\n")
    assert (spoken.code, out.read_bytes()) == (0, wav)
    rerank_request, transcribe_request, speak_request = server.requests
    assert rerank_request.json() == {
        "documents": {"type": "text", "values": ["sun", "rain"]},
        "query": "rain",
        "topN": 1,
    }
    assert rerank_request.headers["ai-model-id"] == "cohere/rerank-v3.5"
    assert transcribe_request.json() == {
        "audio": base64.b64encode(wav).decode(),
        "mediaType": "audio/wav",
        "providerOptions": {},
    }
    assert speak_request.json() == {"text": "Hi", "outputFormat": "wav", "providerOptions": {}}


def test_openai_compatible_speak_and_transcribe(server: LoopbackServer, tmp_path: Path) -> None:
    mp3 = b"\xff\xfb\x90\x00" + b"\x00" * 40
    server.route("/v1/audio/speech", Reply(headers={"content-type": "audio/mpeg"}, body=mp3))
    server.route("/v1/audio/transcriptions", json_reply({"text": "hi there"}))
    local = ("--base-url", f"{server.url}/v1", "--api-key", "sk-local")
    out = tmp_path / "hi.mp3"

    spoken = ai_sdk("speak", *local, "-m", "tts-1", "-o", str(out), "--voice", "echo", "hi")
    heard = ai_sdk("transcribe", *local, "-m", "whisper-1", str(out))

    assert (spoken.code, spoken.err, out.read_bytes()) == (
        0,
        f"ai-sdk: wrote 44 bytes of audio/mpeg to {out}\n",
        mp3,
    )
    assert (heard.code, heard.out) == (0, "hi there\n")
    assert server.requests[0].json() == {
        "model": "tts-1",
        "input": "hi",
        "voice": "echo",
        "response_format": "mp3",
    }
    assert b'filename="audio.mp3"' in server.requests[1].body
