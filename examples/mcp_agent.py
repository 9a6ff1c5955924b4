"""An agent whose tools come from an MCP server (here a local one, started as a subprocess).

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 python examples/mcp_agent.py

`MCPClient` starts `mcp_weather_server.py` over stdio and lists its tools; `client.tools()`
turns them into ai_sdk tools that call the server. Any MCP server works the same way: a
`StdioTransport("uvx", ["mcp-server-time"])`, or `HttpTransport("https://.../mcp")` for a remote
one. Leaving the `async with` block closes the connection and ends the server process.
"""

import asyncio
import os
import sys
from pathlib import Path

from ai_sdk import ToolLoopAgent
from ai_sdk_mcp import MCPClient, StdioTransport
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")
SERVER = Path(__file__).with_name("mcp_weather_server.py")


async def main() -> None:
    weather = StdioTransport(sys.executable, [str(SERVER)])
    async with local, MCPClient(transport=weather) as client:
        agent = ToolLoopAgent(
            model=local(MODEL),
            instructions=client.instructions,  # what the server says about its tools
            tools=await client.tools(),
        )
        for question in ("Weather in Paris?", "And in Oslo?"):
            result = await agent.generate(prompt=question)
            used = [call.tool_name for step in result.steps for call in step.tool_calls]
            print(f"{question} -> {result.text} (tools: {', '.join(used) or 'none'})")


if __name__ == "__main__":
    asyncio.run(main())
