"""`ai-sdk` as a subprocess: streaming, structured output, embeddings, errors and exit codes.

Core only: the models come from the ``scripted`` provider, registered through an entry point
(see conftest). The same command line against loopback HTTP servers, through the real providers,
is tested in tests/integration/test_cli.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from ai_sdk import __version__
from tests.core.cli.conftest import RunCLI

HIDE_GATEWAY = "import sys; sys.modules['ai_sdk_gateway'] = None"
HIDE_OPENAI_COMPATIBLE = "import sys; sys.modules['ai_sdk_openai_compatible'] = None"


def user(text: str) -> dict[str, object]:
    return {"role": "user", "content": [{"type": "text", "text": text}]}


def test_streams_the_answer_through_an_entry_point_provider(run_cli: RunCLI) -> None:
    result = run_cli(
        "--model", "scripted:chat-1", "-s", "Be brief.", "--max-tokens", "20",
        "--temperature", "0.5", "Why", "is", "the", "sky", "blue?",
        script={"deltas": ["Rayleigh", " scattering."]},
    )  # fmt: skip

    assert (result.code, result.out, result.err) == (0, "Rayleigh scattering.\n", "")
    assert result.calls == [
        {
            "prompt": [
                {"role": "system", "content": "Be brief."},
                user("Why is the sky blue?"),
            ],
            "maxOutputTokens": 20,
            "temperature": 0.5,
            "toolChoice": {"type": "auto"},
            "includeRawChunks": False,  # a stream always says it (as upstream)
        }
    ]


def test_usage_goes_to_stderr(run_cli: RunCLI) -> None:
    result = run_cli("-m", "scripted:x", "--usage", "Hi", script={"deltas": ["Hello\n"]})

    assert (result.code, result.out) == (0, "Hello\n")
    assert result.err.startswith("ai-sdk: 3 input tokens, 5 output tokens, finish reason stop, ")


def test_no_stream_prints_the_whole_answer(run_cli: RunCLI) -> None:
    result = run_cli("-m", "scripted:x", "--no-stream", "Hi", script={"text": "Hello."})

    assert (result.code, result.out, result.err) == (0, "Hello.\n", "")
    assert len(result.calls) == 1


def test_prompt_and_model_from_stdin_and_environment(run_cli: RunCLI) -> None:
    result = run_cli(
        stdin="Summarize this.\n", env={"AI_SDK_MODEL": "scripted:x"}, script={"deltas": ["OK"]}
    )

    assert (result.code, result.out) == (0, "OK\n")
    assert result.calls[0]["prompt"] == [user("Summarize this.\n")]


def test_json_schema_prints_the_structured_output(run_cli: RunCLI, tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
        "required": ["name", "age"],
    }
    schema_file = tmp_path / "person.json"
    schema_file.write_text(json.dumps(schema))

    result = run_cli(
        "-m", "scripted:x", "--json-schema", str(schema_file), "Invent a person",
        script={"text": '{"name": "Ada", "age": 36}'},
    )  # fmt: skip

    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out) == {"name": "Ada", "age": 36}
    [call] = result.calls
    assert call["responseFormat"] == {"type": "json", "schema": schema}


def test_embed_writes_one_vector_per_input_line_in_order(run_cli: RunCLI) -> None:
    result = run_cli("embed", "-m", "scripted:embed", stdin="cat\n\ndog\nhorse\n")

    assert (result.code, result.err) == (0, "")
    assert [json.loads(line) for line in result.out.splitlines()] == [
        [3.0, 0.5],
        [3.0, 0.5],
        [5.0, 0.5],
    ]
    # The model takes two values per call: two calls, blank lines dropped.
    assert [call["values"] for call in result.calls] == [["cat", "dog"], ["horse"]]


def test_a_failed_call_prints_one_line_and_exits_1(run_cli: RunCLI) -> None:
    script = {"error": {"status": 401, "message": "Invalid API key"}}

    result = run_cli("-m", "scripted:x", "Hi", script=script)
    debug = run_cli("-m", "scripted:x", "--debug", "Hi", script=script)

    assert (result.code, result.out) == (1, "")
    assert result.err == "ai-sdk: error: APICallError: Invalid API key\n"
    assert debug.code == 1
    assert debug.err.startswith("Traceback (most recent call last):")
    assert debug.err.endswith("ai-sdk: error: APICallError: Invalid API key\n")


def test_usage_errors_exit_2_with_one_line(run_cli: RunCLI, tmp_path: Path) -> None:
    not_json = tmp_path / "bad.json"
    not_json.write_text("{nope")
    cases = {
        ("Hi",): "no model: pass --model provider:model-id or set AI_SDK_MODEL",
        ("-m", "scripted:x", "--json-schema", str(tmp_path / "missing.json"), "Hi"): (
            f"cannot read --json-schema {tmp_path / 'missing.json'}: No such file or directory"
        ),
        ("-m", "scripted:x", "--json-schema", str(not_json), "Hi"): (
            f"--json-schema {not_json} is not valid JSON: Expecting property name enclosed in "
            "double quotes: line 1 column 2 (char 1)"
        ),
        ("-m", "openai-compatible:llama3.2", "Hi"): (
            "openai-compatible models need --base-url (or AI_SDK_BASE_URL): the server's API "
            "root, e.g. http://127.0.0.1:11434/v1"
        ),
        ("embed", "-m", "scripted:x"): (
            "ai-sdk embed got no text: pipe one or more non-empty lines into it"
        ),
    }

    for args, message in cases.items():
        result = run_cli(*args)
        assert (result.code, result.out, result.err) == (2, "", f"ai-sdk: error: {message}\n")


def test_argparse_errors_exit_2(run_cli: RunCLI) -> None:
    result = run_cli("--temperature", "warm", "Hi")

    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "ai-sdk: error: argument --temperature: invalid float value: 'warm'"
    )


def test_gateway_ids_without_the_gateway_package_say_what_to_install(run_cli: RunCLI) -> None:
    result = run_cli("-m", "openai/gpt-5", "Hi", prelude=HIDE_GATEWAY)
    models = run_cli("models", prelude=HIDE_GATEWAY)

    assert result.code == 2
    assert result.err.startswith("ai-sdk: error: NoSuchProviderError: Cannot resolve the model id")
    assert "pip install ai-sdk-gateway" in result.err
    assert "scripted" in result.err  # the installed entry-point providers are listed
    assert (models.code, models.err) == (
        2,
        "ai-sdk: error: AI Gateway models need the gateway provider: pip install ai-sdk-gateway\n",
    )


def test_base_url_without_the_openai_compatible_package(run_cli: RunCLI) -> None:
    result = run_cli(
        "--base-url", "http://127.0.0.1:9/v1", "-m", "x", "Hi", prelude=HIDE_OPENAI_COMPATIBLE
    )

    assert (result.code, result.err) == (
        2,
        "ai-sdk: error: --base-url needs the OpenAI-compatible provider: "
        "pip install ai-sdk-openai-compatible\n",
    )


def test_version_help_and_the_console_script(run_cli: RunCLI) -> None:
    version = run_cli("--version")
    help_text = run_cli("models", "--help")

    assert (version.code, version.out) == (0, f"ai-sdk {__version__}\n")
    assert help_text.code == 0
    assert help_text.out.startswith("usage: ai-sdk models")
    [script] = entry_points(group="console_scripts", name="ai-sdk")
    assert script.value == "ai_sdk.cli:main"


@pytest.mark.parametrize("argv", [["--help"], ["embed", "--help"], ["--version"]])
def test_help_and_version_load_no_sdk_machinery(argv: list[str]) -> None:
    """The first thing a user runs stays fast: the parser alone, no pydantic, httpx or asyncio."""
    code = (
        "import sys\n"
        "from ai_sdk.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('pydantic', 'httpx', 'asyncio', 'ai_sdk.provider', 'ai_sdk.generate_text')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
