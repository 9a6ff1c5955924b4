"""Run inside a fresh venv that holds only ai-sdk-core and one provider, both from wheels.

Usage: python check_wheel.py <package_module> <module that must NOT be importable>...
Checks that the installed copies (not the source tree) are used, that py.typed ships, that the
other packages are absent, that the wheel metadata is complete, and that one real
`generate_text` call through the provider reaches the loopback server and comes back (for
ai-sdk-mcp: a tool loop whose tool runs on the test MCP server).
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def check_installed(provider: str, absent: list[str]) -> None:
    for module_name in ("ai_sdk", provider):
        module = importlib.import_module(module_name)
        location = Path(module.__file__ or "")
        assert "site-packages" in location.parts, f"{module_name} imported from {location}"
        assert (location.parent / "py.typed").is_file(), f"{module_name} ships no py.typed"
    for module_name in absent:
        assert importlib.util.find_spec(module_name) is None, f"{module_name} should be absent"
    for dist in ("ai-sdk-core", provider.replace("_", "-")):
        meta = metadata.metadata(dist)
        assert meta["License-Expression"] == "MIT", (dist, meta["License-Expression"])
        assert meta["Requires-Python"] == ">=3.11", dist
        assert meta["Description-Content-Type"] == "text/markdown", dist
        assert meta.get_payload(), f"{dist} has no README in its metadata"
    requires = metadata.requires(provider.replace("_", "-")) or []
    assert any(r.startswith("ai-sdk-core") for r in requires), requires


async def smoke_call(provider: str) -> str:
    # The repository root holds the loopback server; it has no `ai_sdk` package of its own,
    # so adding it cannot shadow the installed wheels.
    sys.path.append(str(ROOT))
    if provider == "ai_sdk_mcp":
        return await smoke_mcp()
    from ai_sdk import generate_text
    from tests.servers import LoopbackServer, json_reply

    with LoopbackServer() as server:
        if provider == "ai_sdk_openai_compatible":
            from ai_sdk_openai_compatible import create_openai_compatible

            server.route(
                "/v1/chat/completions",
                json_reply(
                    {
                        "id": "c1",
                        "object": "chat.completion",
                        "created": 0,
                        "model": "m",
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": "wheel ok"},
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
                    }
                ),
            )
            model = create_openai_compatible(name="smoke", base_url=f"{server.url}/v1")("m")
        else:
            from ai_sdk_gateway import create_gateway

            server.route(
                "/v4/ai/language-model",
                json_reply(
                    {
                        "content": [{"type": "text", "text": "wheel ok"}],
                        "finishReason": {"unified": "stop", "raw": "stop"},
                        "usage": {"inputTokens": {"total": 3}, "outputTokens": {"total": 2}},
                        "warnings": [],
                    }
                ),
            )
            model = create_gateway(api_key="smoke-key", base_url=f"{server.url}/v4/ai")("a/b")
        result = await generate_text(model=model, prompt="hi", max_retries=0)
        assert len(server.requests) == 1, server.requests
    assert result.usage.output_tokens == 2, result.usage
    return result.text


async def smoke_mcp() -> str:
    """A tool loop whose tool runs on the test MCP server (a stdio subprocess)."""
    import json

    from ai_sdk import generate_text, is_step_count
    from ai_sdk.provider import FinishReason, GenerateResult, ToolCallContent, Usage
    from ai_sdk.testing import MockLanguageModel, text_result
    from ai_sdk_mcp import MCPClient, StdioTransport

    server = ROOT / "tests" / "mcp" / "mcp_server.py"
    call = GenerateResult(
        content=[
            ToolCallContent(tool_call_id="c1", tool_name="add", input=json.dumps({"a": 2, "b": 3}))
        ],
        finish_reason=FinishReason(unified="tool-calls", raw="tool_calls"),
        usage=Usage(),
    )
    model = MockLanguageModel(do_generate=[call, text_result("wheel ok")])
    async with MCPClient(
        transport=StdioTransport(sys.executable, [str(server), "stdio"])
    ) as client:
        result = await generate_text(
            model=model, tools=await client.tools(), prompt="2+3?", stop_when=is_step_count(2)
        )
    [tool_result] = result.steps[0].tool_results
    assert tool_result.output.structured_content == {"result": 5}, tool_result
    return result.text


def main(provider: str, absent: list[str]) -> None:
    check_installed(provider, absent)
    text = asyncio.run(smoke_call(provider))
    assert text == "wheel ok", text
    versions = (
        f"{metadata.version(provider.replace('_', '-'))}, core {metadata.version('ai-sdk-core')}"
    )
    print(f"ok: {provider} {versions}: generate_text -> {text!r}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
