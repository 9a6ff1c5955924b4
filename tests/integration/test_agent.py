"""A `ToolLoopAgent` over the OpenAI-compatible provider, against the loopback server."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator

import pytest

import ai_sdk_openai_compatible
from ai_sdk import ToolLoopAgent
from ai_sdk._version import __version__ as core_version
from ai_sdk_openai_compatible import OpenAICompatibleProvider, create_openai_compatible
from tests.integration.conftest import weather_tool
from tests.integration.test_openai_compatible import (
    CHAT,
    QUESTION,
    TOOL_TURN,
    completion,
    sse_reply,
    text_chunks,
    tool_call_completion,
)
from tests.servers import LoopbackServer

PROVIDER_UA = (
    f"ai-sdk-python/{core_version} "
    f"ai-sdk-openai-compatible/{ai_sdk_openai_compatible.__version__} "
    f"runtime/python/{sys.version_info.major}.{sys.version_info.minor}"
)


@pytest.fixture
async def local(server: LoopbackServer) -> AsyncIterator[OpenAICompatibleProvider]:
    async with create_openai_compatible(
        name="local", base_url=f"{server.url}/v1", api_key="test-key"
    ) as provider:
        yield provider


async def test_an_agent_runs_its_tool_loop_and_tags_its_requests(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    server.route(
        CHAT,
        tool_call_completion(),
        completion({"role": "assistant", "content": "Sunny, 21 °C."}, "stop", (30, 5)),
    )
    agent = ToolLoopAgent(model=local("local-model"), tools={"weather": weather_tool()}, id="w")

    result = await agent.generate(prompt="Weather in Paris?")

    assert result.text == "Sunny, 21 °C."
    first, second = server.requests
    assert first.json()["messages"] == [QUESTION]
    assert second.json()["messages"] == [QUESTION, *TOOL_TURN]
    for request in (first, second):
        assert request.headers["user-agent"] == (
            f"ai-sdk-agent/tool-loop ai/{core_version} {PROVIDER_UA}"
        )


async def test_an_agent_streams_over_the_wire(
    server: LoopbackServer, local: OpenAICompatibleProvider
) -> None:
    server.route(CHAT, sse_reply(text_chunks("Hello", "!")))
    agent = ToolLoopAgent(model=local("local-model"), instructions="Be brief.")

    async with await agent.stream(prompt="Hi") as result:
        assert [delta async for delta in result.text_stream] == ["Hello", "!"]

    [request] = server.requests
    assert request.json()["messages"][0] == {"role": "system", "content": "Be brief."}
    # stream_text passes the user's headers only: the agent's tag, no ai/<version>.
    assert request.headers["user-agent"] == f"ai-sdk-agent/tool-loop {PROVIDER_UA}"
