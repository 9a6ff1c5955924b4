"""A small MCP server for examples/mcp_agent.py, written with the `mcp` package's `MCPServer`.

    python examples/mcp_weather_server.py          # serves over stdin/stdout

`mcp_agent.py` starts it as a subprocess; any MCP client (Claude Desktop, the MCP Inspector)
can run it the same way.
"""

from mcp.server.mcpserver import MCPServer

server = MCPServer(
    "weather",
    instructions="Ask for forecasts by city name; temperatures are in °C.",
    version="1.0.0",
)

FORECASTS = {"paris": ("Sunny", 21), "oslo": ("Snow", -3)}


@server.tool(title="Forecast")
def get_forecast(city: str) -> str:
    """Today's forecast for a city, given by name (e.g. "Paris")."""
    sky, temperature = FORECASTS.get(city.lower(), ("Cloudy", 15))
    return f"{city}: {sky}, {temperature} °C"


if __name__ == "__main__":
    server.run("stdio")
