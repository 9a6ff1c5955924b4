"""The MCP client's errors, and the one function that maps the `mcp` SDK's failures onto them.

```
AISDKError (ai_sdk.provider)
└── MCPClientError            anything the MCP client could not do (`code`, `data` when the
    │                         server answered with a JSON-RPC error); a tool's output that does
    │                         not match its `ToolSchemas.output_schema`
    ├── MCPConnectionError    connecting or initializing failed (the message says what to fix),
    │                         or the connection was lost (the server crashed or closed), or the
    │                         client was closed
    └── MCPTimeoutError       a request got no answer within its timeout (the server was asked
                              to cancel it)
```

Inside the tool loop these errors are raised by a tool's ``execute`` and so become
``tool-error`` results the model can read; a result with ``isError: true`` is not an error here
(the server's tool ran and reported a failure: the model gets it as a normal output).
"""

from __future__ import annotations

from ai_sdk.provider import AISDKError

__all__ = ["MCPClientError", "MCPConnectionError", "MCPTimeoutError"]


class MCPClientError(AISDKError):
    """The MCP client failed; the subclass, if any, says how.

    Args:
        message: what happened and what to do about it.
        cause: the underlying error (the `mcp` SDK's exception, a validation error, ...).
        code: the JSON-RPC error code the server answered with (e.g. ``-32602`` invalid
            params), or the `mcp` SDK's code for a local failure (``-32000`` connection closed,
            ``-32001`` request timeout); ``None`` when there was none.
        data: the ``data`` of the server's JSON-RPC error, if any.
    """

    code: int | None
    """The JSON-RPC error code, or ``None``."""
    data: object
    """The ``data`` member of the JSON-RPC error, or ``None``."""

    def __init__(
        self, message: str, *, cause: object = None, code: int | None = None, data: object = None
    ) -> None:
        super().__init__(message, cause=cause)
        self.code = code
        self.data = data


class MCPConnectionError(MCPClientError):
    """The client could not connect to the server, lost the connection, or was closed."""


class MCPTimeoutError(MCPClientError):
    """A request got no answer within its timeout; the server was asked to cancel it."""
