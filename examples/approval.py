"""An agent whose money transfers wait for your approval, in a terminal loop.

    AI_SDK_BASE_URL=http://127.0.0.1:11434/v1 AI_SDK_MODEL=llama3.2 python examples/approval.py

`send_money` has ``needs_approval=True``: when the model calls it, the call ends the agent's run
with a `ToolApprovalRequest` instead of running. The loop asks you, appends your answer to the
conversation as a `ToolApprovalResponsePart`, and asks the agent again: an approved transfer runs
before the model continues (it sees the result), a denied one reaches the model as denied.

The requests are signed (``tool_approval_secret``), so a client holding the conversation cannot
approve a call it was never asked about, or change the amount after you approved it.
"""

import asyncio
import os
import secrets
import sys

from ai_sdk import ToolApprovalRequest, ToolLoopAgent, tool
from ai_sdk.prompt import ModelMessage, ToolModelMessage, UserModelMessage
from ai_sdk.provider import ToolApprovalResponsePart
from ai_sdk_openai_compatible import create_openai_compatible

local = create_openai_compatible(
    name="local",
    base_url=os.environ.get("AI_SDK_BASE_URL", "http://127.0.0.1:11434/v1"),
    api_key=os.environ.get("AI_SDK_API_KEY"),
)
MODEL = os.environ.get("AI_SDK_MODEL", "llama3.2")


@tool(needs_approval=True)
def send_money(to: str, amount: float) -> str:
    """Send money from the user's account.

    Args:
        to: Who gets the money.
        amount: How much, in euros.
    """
    return f"Sent {amount:.2f} EUR to {to}."


agent = ToolLoopAgent(
    model=local(MODEL),
    instructions="You manage the user's bank account. Be brief.",
    tools=[send_money],
    tool_approval_secret=os.environ.get("APPROVAL_SECRET") or secrets.token_hex(32),
)


def ask(request: ToolApprovalRequest) -> ToolApprovalResponsePart:
    call = request.tool_call
    details = ", ".join(f"{key}={value!r}" for key, value in call.input.model_dump().items())
    reply = input(f"Allow {call.tool_name}({details})? [y/N] ").strip().lower()
    approved = reply in ("y", "yes")
    return ToolApprovalResponsePart(
        approval_id=request.approval_id,
        approved=approved,
        reason=None if approved else "The user declined.",
    )


async def main() -> None:
    prompt = " ".join(sys.argv[1:]) or "Send 20 euros to Bob."
    messages: list[ModelMessage] = [UserModelMessage(content=prompt)]
    async with local:
        while True:
            result = await agent.generate(messages=messages)
            messages.extend(result.response_messages)
            waiting = [
                part
                for part in result.final_step.content
                if isinstance(part, ToolApprovalRequest) and not part.is_automatic
            ]
            if not waiting:
                print(result.text)
                return
            messages.append(ToolModelMessage(content=[ask(request) for request in waiting]))


if __name__ == "__main__":
    asyncio.run(main())
