"""Tool approval: a call that needs approval ends the step unrun; the caller's answer, appended to
the history, runs (or denies) it at the start of the next call; bad answers raise before any
model call, and no tool runs twice."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from ai_sdk import (
    InvalidArgumentError,
    InvalidToolApprovalError,
    InvalidToolApprovalSignatureError,
    MissingToolResultsError,
    ToolApprovalContext,
    ToolApprovalRequest,
    ToolApprovalResponse,
    ToolApprovalStatus,
    ToolCallNotFoundForApprovalError,
    ToolExecutionOptions,
    ToolLoopAgent,
    ToolOutputDenied,
    ToolResult,
    generate_text,
    generate_text_sync,
    is_step_count,
    stream_text,
    tool,
)
from ai_sdk._approval_signature import sign_tool_approval
from ai_sdk.prompt import (
    AssistantModelMessage,
    ModelMessage,
    ToolApprovalRequestPart,
    ToolModelMessage,
    UserModelMessage,
)
from ai_sdk.provider import (
    AssistantMessage,
    ExecutionDeniedOutput,
    TextOutput,
    ToolApprovalResponsePart,
    ToolCallPart,
    ToolMessage,
    ToolResultPart,
)
from ai_sdk.testing import MockLanguageModel

from .helpers import calls_result, stream_parts, text_answer


class Transfer(BaseModel):
    to: str
    amount: int


def bank(ran: list[str], *, needs_approval: Any = True, execute: Any = None) -> dict[str, Any]:
    def send(value: Transfer) -> str:
        ran.append(f"{value.to}:{value.amount}")
        return f"sent {value.amount} to {value.to}"

    return {
        "transfer": tool(
            description="Send money",
            input_schema=Transfer,
            execute=execute or send,
            needs_approval=needs_approval,
        )
    }


CALL = ("c1", "transfer", '{"to": "bob", "amount": 5}')


def asking_model(*answers: Any) -> MockLanguageModel:
    """A model that calls the transfer tool, then answers with ``answers``."""
    return MockLanguageModel(do_generate=[calls_result(CALL), *answers])


async def ask(ran: list[str], **options: Any) -> tuple[Any, list[ModelMessage]]:
    """Run the first turn: the call waits for approval. Returns the result and the history."""
    result = await generate_text(
        model=asking_model(),
        tools=options.pop("tools", None) or bank(ran),
        prompt="Send bob 5",
        stop_when=is_step_count(5),
        **options,
    )
    history: list[ModelMessage] = [
        UserModelMessage(content="Send bob 5"),
        *result.response_messages,
    ]
    return result, history


def answer(
    request: ToolApprovalRequest, approved: bool, reason: str | None = None
) -> ToolModelMessage:
    return ToolModelMessage(
        content=[
            ToolApprovalResponsePart(
                approval_id=request.approval_id, approved=approved, reason=reason
            )
        ]
    )


# -- one step -----------------------------------------------------------------------------------


async def test_a_call_that_needs_approval_ends_the_loop_without_running() -> None:
    ran: list[str] = []
    result, _ = await ask(ran)

    assert ran == []
    assert len(result.steps) == 1
    assert result.finish_reason == "tool-calls"
    kinds = [part.type for part in result.content]
    assert kinds == ["tool-call", "tool-approval-request"]
    request = result.content[1]
    assert isinstance(request, ToolApprovalRequest)
    assert request.tool_call.tool_call_id == "c1"
    assert request.is_automatic is None
    assert request.signature is None
    assert request.approval_id.startswith("aitxt-")
    # The response messages as upstream: assistant [tool-call, tool-approval-request], no tool
    # message.
    assert result.response_messages == [
        AssistantModelMessage(
            content=[
                ToolCallPart(
                    tool_call_id="c1", tool_name="transfer", input={"to": "bob", "amount": 5}
                ),
                ToolApprovalRequestPart(approval_id=request.approval_id, tool_call_id="c1"),
            ]
        )
    ]


async def test_approved_answer_runs_the_tool_first_and_the_model_sees_its_result() -> None:
    ran: list[str] = []
    first, history = await ask(ran)
    model = MockLanguageModel(do_generate=[text_answer("Done.")])

    result = await generate_text(
        model=model,
        tools=bank(ran),
        messages=[*history, answer(first.content[1], True)],
    )

    assert ran == ["bob:5"]
    assert result.text == "Done."
    prompt = model.calls[0].prompt
    # Approval parts are the SDK's business: the model sees the call and its result only.
    assert prompt[1] == AssistantMessage(
        content=[
            ToolCallPart(tool_call_id="c1", tool_name="transfer", input={"to": "bob", "amount": 5})
        ]
    )
    assert prompt[2] == ToolMessage(
        content=[
            ToolResultPart(
                tool_call_id="c1", tool_name="transfer", output=TextOutput(value="sent 5 to bob")
            )
        ]
    )
    assert len(prompt) == 3
    assert result.response_messages[0] == ToolModelMessage(
        content=[
            ToolResultPart(
                tool_call_id="c1", tool_name="transfer", output=TextOutput(value="sent 5 to bob")
            )
        ]
    )
    # The next turn, with the whole history, does not run the tool again.
    again = MockLanguageModel(do_generate=[text_answer("Anything else?")])
    await generate_text(
        model=again,
        tools=bank(ran),
        messages=[
            *history,
            answer(first.content[1], True),
            *result.response_messages,
            UserModelMessage(content="thanks"),
        ],
    )
    assert ran == ["bob:5"]


async def test_denied_answer_sends_execution_denied_with_the_reason() -> None:
    ran: list[str] = []
    first, history = await ask(ran)
    model = MockLanguageModel(do_generate=[text_answer("OK, not sent.")])

    result = await generate_text(
        model=model, tools=bank(ran), messages=[*history, answer(first.content[1], False, "no")]
    )

    assert ran == []
    assert model.calls[0].prompt[2] == ToolMessage(
        content=[
            ToolResultPart(
                tool_call_id="c1",
                tool_name="transfer",
                output=ExecutionDeniedOutput(reason="no"),
            )
        ]
    )
    assert result.text == "OK, not sent."


async def test_stream_reports_denials_and_results_before_the_first_step() -> None:
    ran: list[str] = []
    first, history = await ask(ran)
    denied_first, denied_history = await ask(ran)

    approved = stream_text(
        model=MockLanguageModel(do_stream=[stream_parts("Done.")]),
        tools=bank(ran),
        messages=[*history, answer(first.content[1], True)],
    )
    kinds = [part.type async for part in approved.stream]
    assert kinds[:3] == ["start", "tool-result", "start-step"]
    assert ran == ["bob:5"]
    assert (await approved.response_messages)[0] == ToolModelMessage(
        content=[
            ToolResultPart(
                tool_call_id="c1", tool_name="transfer", output=TextOutput(value="sent 5 to bob")
            )
        ]
    )

    denied = stream_text(
        model=MockLanguageModel(do_stream=[stream_parts("Not sent.")]),
        tools=bank(ran),
        messages=[*denied_history, answer(denied_first.content[1], False)],
    )
    parts = [part async for part in denied.stream]
    assert parts[1] == ToolOutputDenied(tool_call_id="c1", tool_name="transfer")
    assert parts[2].type == "start-step"
    assert ran == ["bob:5"]


async def test_stream_step_emits_the_request_after_the_call() -> None:
    ran: list[str] = []
    result = stream_text(
        model=MockLanguageModel(do_stream=[stream_parts(calls=[CALL], finish="tool-calls")]),
        tools=bank(ran),
        prompt="Send bob 5",
        stop_when=is_step_count(5),
    )
    kinds = [part.type async for part in result.stream]
    assert kinds[-4:] == ["tool-call", "tool-approval-request", "finish-step", "finish"]
    assert ran == []
    assert len(await result.steps) == 1


# -- deciding -----------------------------------------------------------------------------------


async def test_needs_approval_function_gets_input_and_tool_context() -> None:
    seen: list[tuple[int, object]] = []

    async def over_limit(value: Transfer, options: ToolExecutionOptions) -> bool:
        seen.append((value.amount, options.context))
        return value.amount > 3

    ran: list[str] = []
    result = await generate_text(
        model=MockLanguageModel(
            do_generate=[
                calls_result(("a", "transfer", '{"to": "x", "amount": 1}'), CALL),
                text_answer("ok", step=1),
            ]
        ),
        tools=bank(ran, needs_approval=over_limit),
        tools_context={"transfer": {"limit": 3}},
        prompt="pay",
        stop_when=is_step_count(3),
    )
    assert seen == [(1, {"limit": 3}), (5, {"limit": 3})]
    # The small one ran; the big one waits, so the loop stops after the first step.
    assert ran == ["x:1"]
    assert [p.type for p in result.content] == [
        "tool-call",
        "tool-call",
        "tool-result",
        "tool-approval-request",
    ]
    assert len(result.steps) == 1


async def test_tool_approval_function_decides_before_needs_approval() -> None:
    contexts: list[ToolApprovalContext] = []

    def policy(context: ToolApprovalContext) -> ToolApprovalStatus:
        contexts.append(context)
        return ToolApprovalStatus("approved", "small amount")

    ran: list[str] = []
    result = await generate_text(
        model=asking_model(text_answer("Sent.", step=1)),
        tools=bank(ran),
        tool_approval=policy,
        runtime_context={"user": "u1"},
        prompt="pay",
        stop_when=is_step_count(3),
    )
    assert ran == ["bob:5"]
    assert contexts[0].runtime_context == {"user": "u1"}
    assert contexts[0].tool_call.tool_call_id == "c1"
    first = result.steps[0]
    assert [p.type for p in first.content] == [
        "tool-call",
        "tool-approval-request",
        "tool-approval-response",
        "tool-result",
    ]
    request, response = first.content[1], first.content[2]
    assert isinstance(request, ToolApprovalRequest)
    assert request.is_automatic is True
    assert isinstance(response, ToolApprovalResponse)
    assert (response.approved, response.reason) == (True, "small amount")
    assert first.response.messages[1] == ToolModelMessage(
        content=[
            ToolApprovalResponsePart(
                approval_id=request.approval_id, approved=True, reason="small amount"
            ),
            ToolResultPart(
                tool_call_id="c1", tool_name="transfer", output=TextOutput(value="sent 5 to bob")
            ),
        ]
    )
    assert result.text == "Sent."


async def test_a_denial_by_the_configuration_lets_the_loop_go_on() -> None:
    ran: list[str] = []
    model = asking_model(text_answer("I may not.", step=1))
    result = await generate_text(
        model=model,
        tools=bank(ran, needs_approval=False),
        tool_approval={"transfer": {"type": "denied", "reason": "frozen account"}},
        prompt="pay",
        stop_when=is_step_count(3),
    )
    assert ran == []
    assert len(result.steps) == 2
    assert model.calls[1].prompt[-1] == ToolMessage(
        content=[
            ToolResultPart(
                tool_call_id="c1",
                tool_name="transfer",
                output=ExecutionDeniedOutput(reason="frozen account"),
            )
        ]
    )


async def test_per_tool_function_and_plain_status() -> None:
    ran: list[str] = []
    seen: list[Any] = []

    def decide(value: Transfer, options: Any) -> str:
        seen.append((value.to, options.tool_context, options.runtime_context))
        return "user-approval"

    result = await generate_text(
        model=asking_model(),
        tools=bank(ran, needs_approval=False),
        tool_approval={"transfer": decide},
        tools_context={"transfer": "ctx"},
        runtime_context={"r": 1},
        prompt="pay",
    )
    assert seen == [("bob", "ctx", {"r": 1})]
    assert [p.type for p in result.content] == ["tool-call", "tool-approval-request"]
    assert ran == []


@pytest.mark.parametrize("status", ["maybe", {"type": "not-applicable", "reason": "why"}, 3])
async def test_a_bad_status_is_a_clear_error(status: Any) -> None:
    with pytest.raises(InvalidArgumentError, match=r"tool_approval|approval status"):
        await generate_text(
            model=asking_model(),
            tools=bank([]),
            tool_approval={"transfer": status},
            prompt="pay",
        )


# -- signing ------------------------------------------------------------------------------------

SECRET = "server-side secret"


async def test_signed_requests_verify_and_run() -> None:
    ran: list[str] = []
    first, history = await ask(ran, tool_approval_secret=SECRET)
    request = first.content[1]
    assert request.signature == sign_tool_approval(
        SECRET,
        approval_id=request.approval_id,
        tool_call_id="c1",
        tool_name="transfer",
        tool_input={"to": "bob", "amount": 5},
    )
    assert history[-1].content[1].signature == request.signature  # type: ignore[union-attr]

    await generate_text(
        model=MockLanguageModel(do_generate=[text_answer("Done.")]),
        tools=bank(ran),
        tool_approval_secret=SECRET,
        messages=[*history, answer(request, True)],
    )
    assert ran == ["bob:5"]


def _tamper(history: list[ModelMessage], **changes: Any) -> list[ModelMessage]:
    assistant = history[-1]
    assert isinstance(assistant, AssistantModelMessage)
    assert not isinstance(assistant.content, str)
    call, request = assistant.content
    assert isinstance(call, ToolCallPart)
    assert isinstance(request, ToolApprovalRequestPart)
    call = call.model_copy(update={"input": changes.get("input", call.input)})
    request = request.model_copy(update={"signature": changes.get("signature", request.signature)})
    return [*history[:-1], AssistantModelMessage(content=[call, request])]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"input": {"to": "mallory", "amount": 5000}}, "invalid signature"),
        ({"signature": None}, "missing signature"),
        ({"signature": "AAAA"}, "invalid signature"),
    ],
)
async def test_a_forged_or_tampered_approval_raises_before_anything_runs(
    changes: dict[str, Any], reason: str
) -> None:
    ran: list[str] = []
    first, history = await ask(ran, tool_approval_secret=SECRET)
    model = MockLanguageModel(do_generate=[text_answer("Done.")])
    with pytest.raises(InvalidToolApprovalSignatureError, match=reason) as caught:
        await generate_text(
            model=model,
            tools=bank(ran),
            tool_approval_secret=SECRET,
            messages=[*_tamper(history, **changes), answer(first.content[1], True)],
        )
    assert caught.value.approval_id == first.content[1].approval_id
    assert ran == []
    assert model.calls == []


async def test_without_a_secret_signatures_are_not_checked() -> None:
    ran: list[str] = []
    first, history = await ask(ran)
    await generate_text(
        model=MockLanguageModel(do_generate=[text_answer("Done.")]),
        tools=bank(ran),
        messages=[*_tamper(history, signature="whatever"), answer(first.content[1], True)],
    )
    assert ran == ["bob:5"]


async def test_a_bad_secret_is_rejected() -> None:
    with pytest.raises(InvalidArgumentError, match="tool_approval_secret"):
        await generate_text(
            model=asking_model(), tools=bank([]), tool_approval_secret="", prompt="x"
        )


# -- bad answers --------------------------------------------------------------------------------


async def _fails(history: list[ModelMessage], error: type[Exception], match: str) -> None:
    ran: list[str] = []
    model = MockLanguageModel(do_generate=[text_answer("Done.")])
    with pytest.raises(error, match=match):
        await generate_text(model=model, tools=bank(ran), messages=history)
    assert ran == []
    assert model.calls == []


async def test_an_unknown_approval_id_raises() -> None:
    _, history = await ask([])
    stray = ToolModelMessage(content=[ToolApprovalResponsePart(approval_id="nope", approved=True)])
    await _fails([*history, stray], InvalidToolApprovalError, 'unknown approvalId: "nope"')


async def test_an_approval_whose_call_is_missing_raises() -> None:
    orphan = AssistantModelMessage(
        content=[ToolApprovalRequestPart(approval_id="a1", tool_call_id="ghost")]
    )
    response = ToolModelMessage(content=[ToolApprovalResponsePart(approval_id="a1", approved=True)])
    await _fails(
        [UserModelMessage(content="x"), orphan, response],
        ToolCallNotFoundForApprovalError,
        'Tool call "ghost" not found',
    )


async def test_a_duplicate_answer_raises() -> None:
    first, history = await ask([])
    request = first.content[1]
    twice = ToolModelMessage(
        content=[
            ToolApprovalResponsePart(approval_id=request.approval_id, approved=True),
            ToolApprovalResponsePart(approval_id=request.approval_id, approved=True),
        ]
    )
    await _fails([*history, twice], InvalidToolApprovalError, "answered more than once")


async def test_a_denied_call_answered_again_raises() -> None:
    ran: list[str] = []
    first, history = await ask(ran)
    request = first.content[1]
    denied = await generate_text(
        model=MockLanguageModel(do_generate=[text_answer("Not sent.")]),
        tools=bank(ran),
        messages=[*history, answer(request, False)],
    )
    # The client tries to flip the denial into an approval on the next turn.
    replay = [
        *history,
        answer(request, False),
        *denied.response_messages[:1],
        answer(request, True),
    ]
    await _fails(replay, InvalidToolApprovalError, "answered more than once")
    assert ran == []


async def test_an_answer_next_to_its_result_is_not_run_again() -> None:
    ran: list[str] = []
    first, history = await ask(ran)
    request = first.content[1]
    done = ToolModelMessage(
        content=[
            ToolApprovalResponsePart(approval_id=request.approval_id, approved=True),
            ToolResultPart(tool_call_id="c1", tool_name="transfer", output=TextOutput(value="ok")),
        ]
    )
    model = MockLanguageModel(do_generate=[text_answer("Done.")])
    await generate_text(model=model, tools=bank(ran), messages=[*history, done])
    assert ran == []
    assert len(model.calls) == 1


@pytest.mark.parametrize(
    "bad_input",
    [
        {"to": "bob", "amount": "lots"},  # no longer validates
        {"to": "bob", "amount": "5"},  # validates, but into another value than was approved
    ],
)
async def test_an_approved_input_that_does_not_validate_as_approved_is_not_run(
    bad_input: dict[str, Any],
) -> None:
    ran: list[str] = []
    first, history = await ask(ran)
    model = MockLanguageModel(do_generate=[text_answer("Sorry.")])
    result = await generate_text(
        model=model,
        tools=bank(ran),
        messages=[*_tamper(history, input=bad_input), answer(first.content[1], True)],
    )
    assert ran == []
    # As upstream: the model is told, and the call goes on.
    [sent] = model.calls[0].prompt[2].content  # type: ignore[union-attr]
    assert isinstance(sent, ToolResultPart)
    assert sent.output.type == "error-text"
    assert "Invalid input for tool transfer" in sent.output.value  # type: ignore[union-attr]
    assert result.text == "Sorry."

    streamed = stream_text(
        model=MockLanguageModel(do_stream=[stream_parts("Sorry.")]),
        tools=bank(ran),
        messages=[*_tamper(history, input=bad_input), answer(first.content[1], True)],
    )
    kinds = [part.type async for part in streamed.stream]
    assert kinds[:3] == ["start", "tool-error", "start-step"]
    assert ran == []


async def test_approved_calls_run_in_the_order_the_model_made_them() -> None:
    ran: list[str] = []
    first = await generate_text(
        model=MockLanguageModel(
            do_generate=[
                calls_result(
                    ("c1", "transfer", '{"to": "ann", "amount": 1}'),
                    ("c2", "transfer", '{"to": "bob", "amount": 2}'),
                )
            ]
        ),
        tools=bank(ran),
        prompt="pay both",
    )
    one, two = (p for p in first.content if isinstance(p, ToolApprovalRequest))
    model = MockLanguageModel(do_generate=[text_answer("Done.")])
    answers = ToolModelMessage(
        content=[
            ToolApprovalResponsePart(approval_id=two.approval_id, approved=True),
            ToolApprovalResponsePart(approval_id=one.approval_id, approved=True),
        ]
    )
    await generate_text(
        model=model,
        tools=bank(ran),
        messages=[UserModelMessage(content="pay both"), *first.response_messages, answers],
    )
    [sent] = [m for m in model.calls[0].prompt if isinstance(m, ToolMessage)]
    assert [p.tool_call_id for p in sent.content] == ["c1", "c2"]  # type: ignore[union-attr]


async def test_an_approved_call_of_a_tool_without_execute_is_a_missing_result() -> None:
    first, history = await ask([])
    model = MockLanguageModel(do_generate=[text_answer("Done.")])
    without_execute = {"transfer": tool(input_schema=Transfer, needs_approval=True)}
    with pytest.raises(MissingToolResultsError):
        await generate_text(
            model=model, tools=without_execute, messages=[*history, answer(first.content[1], True)]
        )
    assert model.calls == []


async def test_a_user_approval_reason_is_shown_on_the_request() -> None:
    result = await generate_text(
        model=asking_model(),
        tools=bank([], needs_approval=False),
        tool_approval={"transfer": {"type": "user-approval", "reason": "over the daily limit"}},
        prompt="pay",
    )
    request = result.content[1]
    assert isinstance(request, ToolApprovalRequest)
    assert request.reason == "over the daily limit"
    assert result.response_messages[0].content[1] == ToolApprovalRequestPart(  # type: ignore[index]
        approval_id=request.approval_id, tool_call_id="c1", reason="over the daily limit"
    )


async def test_stream_reports_an_automatic_denial_as_denied_output() -> None:
    result = stream_text(
        model=MockLanguageModel(
            do_stream=[stream_parts(calls=[CALL], finish="tool-calls"), stream_parts("No.")]
        ),
        tools=bank([]),
        tool_approval={"transfer": "denied"},
        prompt="pay",
        stop_when=is_step_count(2),
    )
    kinds = [part.type async for part in result.stream]
    call = kinds.index("tool-call")
    assert kinds[call : call + 4] == [
        "tool-call",
        "tool-approval-request",
        "tool-approval-response",
        "tool-output-denied",
    ]


async def test_the_configuration_may_still_deny_an_approved_call() -> None:
    ran: list[str] = []
    first, history = await ask(ran)
    model = MockLanguageModel(do_generate=[text_answer("Blocked.")])
    await generate_text(
        model=model,
        tools=bank(ran),
        tool_approval={"transfer": ToolApprovalStatus("denied", "limit reached")},
        messages=[*history, answer(first.content[1], True)],
    )
    assert ran == []
    assert model.calls[0].prompt[2] == ToolMessage(
        content=[
            ToolResultPart(
                tool_call_id="c1",
                tool_name="transfer",
                output=ExecutionDeniedOutput(reason="limit reached"),
            )
        ]
    )


async def test_stream_turns_a_bad_answer_into_one_error_part_without_a_model_call() -> None:
    _, history = await ask([])
    stray = ToolModelMessage(content=[ToolApprovalResponsePart(approval_id="x", approved=True)])
    model = MockLanguageModel(do_stream=[stream_parts("never")])
    result = stream_text(model=model, tools=bank([]), messages=[*history, stray])
    parts = [part async for part in result.stream]
    assert [p.type for p in parts] == ["start", "error"]
    assert isinstance(parts[1].error, InvalidToolApprovalError)  # type: ignore[union-attr]
    assert model.calls == []


# -- agents and sync ----------------------------------------------------------------------------


async def test_agent_round_trip_with_settings_fixed_at_creation() -> None:
    ran: list[str] = []
    agent = ToolLoopAgent(
        model=asking_model(text_answer("Sent.", step=1)),
        tools=bank(ran),
        tool_approval_secret=SECRET,
    )
    first = await agent.generate(prompt="Send bob 5")
    request = first.content[1]
    assert isinstance(request, ToolApprovalRequest)
    assert request.signature is not None
    assert ran == []
    second = await agent.generate(
        messages=[
            UserModelMessage(content="Send bob 5"),
            *first.response_messages,
            answer(request, True),
        ]
    )
    assert ran == ["bob:5"]
    assert second.text == "Sent."


def test_sync_twin_resumes_the_same_way() -> None:
    ran: list[str] = []
    first = generate_text_sync(model=asking_model(), tools=bank(ran), prompt="Send bob 5")
    request = first.content[1]
    assert isinstance(request, ToolApprovalRequest)
    result = generate_text_sync(
        model=MockLanguageModel(do_generate=[text_answer("Done.")]),
        tools=bank(ran),
        messages=[
            UserModelMessage(content="Send bob 5"),
            *first.response_messages,
            answer(request, True),
        ],
    )
    assert ran == ["bob:5"]
    assert isinstance(result.response_messages[0].content[0], ToolResultPart)
    assert result.response_messages[0].content[0].output == TextOutput(value="sent 5 to bob")
    assert isinstance(ToolResult, type)
