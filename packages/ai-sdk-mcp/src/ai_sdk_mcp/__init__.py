"""MCP (Model Context Protocol) servers' tools as ai_sdk tools.

A port of `@ai-sdk/mcp` built on the official `mcp` SDK, which speaks the protocol: this package
connects through its client transports (stdio, streamable HTTP, SSE) and maps what a server
offers onto ai_sdk's tools.

>>> from ai_sdk_mcp import MCPClient, StdioTransport
>>> client = MCPClient(transport=StdioTransport("uvx", ["mcp-server-time"]))
"""

from ai_sdk_mcp._client import (
    DEFAULT_CLIENT_NAME,
    DEFAULT_CLIENT_VERSION,
    MCPClient,
    ProtocolMode,
    create_mcp_client,
    create_mcp_client_sync,
)
from ai_sdk_mcp._errors import MCPClientError, MCPConnectionError, MCPTimeoutError
from ai_sdk_mcp._tools import SchemaMode, ToolSchemas, mcp_to_model_output
from ai_sdk_mcp._transports import (
    DEFAULT_HTTP_TIMEOUT,
    DEFAULT_SSE_READ_TIMEOUT,
    HttpTransport,
    MCPTransport,
    SSETransport,
    StdioTransport,
)
from ai_sdk_mcp._version import __version__

__all__ = [
    "DEFAULT_CLIENT_NAME",
    "DEFAULT_CLIENT_VERSION",
    "DEFAULT_HTTP_TIMEOUT",
    "DEFAULT_SSE_READ_TIMEOUT",
    "HttpTransport",
    "MCPClient",
    "MCPClientError",
    "MCPConnectionError",
    "MCPTimeoutError",
    "MCPTransport",
    "ProtocolMode",
    "SSETransport",
    "SchemaMode",
    "StdioTransport",
    "ToolSchemas",
    "__version__",
    "create_mcp_client",
    "create_mcp_client_sync",
    "mcp_to_model_output",
]
