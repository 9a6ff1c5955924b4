"""Agents: `ToolLoopAgent` runs a model and its tools in a loop, on the same step kernel as
`generate_text` and `stream_text`."""

from ai_sdk.agent._tool_loop_agent import (
    DEFAULT_MAX_STEPS,
    Agent,
    AgentCall,
    PrepareCall,
    ToolLoopAgent,
)

__all__ = ["DEFAULT_MAX_STEPS", "Agent", "AgentCall", "PrepareCall", "ToolLoopAgent"]
