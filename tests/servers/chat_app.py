"""A chat server for the TS `useChat` protocol, built on ai_sdk.ui, with scripted models.

The Python UI tests and the Node test (`tests/ui/node`) drive the same app over real sockets.
A request picks its scenario with a ``scenario`` field in the JSON body (the TS transport's
``body`` option); each scenario is a real `stream_text` call on a `MockLanguageModel` (or, for
tool approvals, which the tool loop cannot emit yet, a scripted stream of parts). What each
request's ``on_finish`` received is kept in ``app.state.finished`` and served at
``GET /api/finished`` so that tests can check what the server would persist.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import uvicorn
from pydantic import BaseModel
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ai_sdk import ToolApprovalStatus, is_step_count, stream_text, stream_text_sync, tool
from ai_sdk.generate_text import (
    FinishPart,
    FinishStepPart,
    LanguageModelResponseMetadata,
    StartPart,
    StartStepPart,
    StepPerformance,
    StepRequest,
    TextStreamPart,
    ToolApprovalRequest,
    ToolCall,
    ToolResult,
)
from ai_sdk.generate_text._usage import LanguageModelUsage
from ai_sdk.provider import (
    CustomContent,
    DocumentSource,
    FileContent,
    FileDataBytes,
    Finish,
    FinishReason,
    ReasoningDelta,
    ReasoningEnd,
    ReasoningStart,
    StreamPart,
    StreamResult,
    StreamStart,
    TextDelta,
    TextEnd,
    TextStart,
    ToolCallContent,
    ToolInputDelta,
    ToolInputEnd,
    ToolInputStart,
    UrlSource,
)
from ai_sdk.testing import MockLanguageModel, usage
from ai_sdk.ui import (
    DataChunk,
    UIMessageStreamFinish,
    convert_to_model_messages,
    create_ui_message_stream,
    to_ui_message_chunks,
    validate_ui_messages,
)
from ai_sdk.ui.starlette import create_text_stream_response, create_ui_message_stream_response

__all__ = ["ChatServer", "create_app", "finish_of", "text_parts"]

SECRET_ERROR = "db password is hunter2"
"""The text of every server-side error: it must never reach a client."""


def finish_of(reason: str = "stop") -> Finish:
    """A model ``finish`` part."""
    return Finish(usage=usage(3, 4), finish_reason=FinishReason(unified=reason, raw=reason))  # type: ignore[arg-type]


def text_parts(*deltas: str, text_id: str = "t") -> list[StreamPart]:
    """A model stream of one text block."""
    return [
        StreamStart(),
        TextStart(id=text_id),
        *(TextDelta(id=text_id, delta=d) for d in deltas),
        TextEnd(id=text_id),
        finish_of(),
    ]


class Weather(BaseModel):
    city: str


@tool
def weather(city: str) -> dict[str, object]:
    """The weather in a city."""
    return {"city": city, "temperature": 21}


@tool
def broken(city: str) -> str:
    """A tool that fails with a server secret in its error."""
    raise RuntimeError(SECRET_ERROR)


TOOLS = {"weather": weather, "broken": broken}

APPROVAL_SECRET = "chat-app-approval-secret"


def _guarded_weather(city: str) -> dict[str, object]:
    return {"city": city, "temperature": 21}


# The same tool, waiting for the user's approval before each call.
APPROVAL_TOOLS = {
    "weather": tool(
        description="The weather in a city (asks first).",
        input_schema=Weather,
        execute=lambda value: _guarded_weather(value.city),
        needs_approval=True,
    )
}


def _tool_call_parts(name: str) -> list[StreamPart]:
    return [
        StreamStart(),
        ToolInputStart(id="call-1", tool_name=name),
        ToolInputDelta(id="call-1", delta='{"city":'),
        ToolInputDelta(id="call-1", delta='"Paris"}'),
        ToolInputEnd(id="call-1"),
        ToolCallContent(tool_call_id="call-1", tool_name=name, input='{"city":"Paris"}'),
        finish_of("tool-calls"),
    ]


class _Slow:
    """A model stream that never ends by itself, recording whether it was closed."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state

    async def parts(self) -> AsyncIterator[StreamPart]:
        self.state["slow_model_closed"] = False
        try:
            yield StreamStart()
            yield TextStart(id="t")
            for index in range(10_000):
                yield TextDelta(id="t", delta=f"tick{index} ")
                await asyncio.sleep(0.02)
            yield TextEnd(id="t")
            yield finish_of()
        finally:
            self.state["slow_model_closed"] = True


def _model(scenario: str, state: dict[str, Any]) -> MockLanguageModel:
    match scenario:
        case "reasoning":
            parts: Any = [
                StreamStart(),
                ReasoningStart(id="r"),
                ReasoningDelta(id="r", delta="Thinking"),
                ReasoningEnd(id="r"),
                *text_parts("Done.")[1:],
            ]
        case "tools":
            parts = [_tool_call_parts("weather"), text_parts("It is 21 degrees.")]
        case "tool-error":
            parts = [_tool_call_parts("broken"), text_parts("The tool failed.")]
        case "error":
            parts = [
                StreamStart(),
                TextStart(id="t"),
                TextDelta(id="t", delta="Partial"),
                RuntimeError(SECRET_ERROR),
            ]
        case "kitchen":
            parts = [
                [
                    StreamStart(),
                    UrlSource(id="s1", url="https://example.com/a", title="A"),
                    DocumentSource(id="s2", media_type="application/pdf", title="Doc"),
                    FileContent(media_type="image/png", data=FileDataBytes(data=b"\x89PNG")),
                    CustomContent(kind="mock.widget"),
                    ToolCallContent(tool_call_id="bad-1", tool_name="nope", input='{"x":1}'),
                    finish_of("tool-calls"),
                ],
                text_parts("Done."),
            ]
        case "slow":
            slow = _Slow(state)
            return MockLanguageModel(do_stream=lambda _options: StreamResult(stream=slow.parts()))
        case _:
            parts = text_parts("Hello", ", ", "world!")
    return MockLanguageModel(do_stream=parts)


def _approval_parts() -> list[TextStreamPart]:
    """What the tool loop will emit for a call that needs the user's approval (scripted: the
    loop cannot emit approval parts yet)."""
    call = ToolCall(tool_call_id="call-1", tool_name="weather", input={"city": "Paris"})
    return [
        StartPart(),
        StartStepPart(request=StepRequest(), warnings=[]),
        call,
        ToolApprovalRequest(approval_id="approval-1", tool_call=call, signature="sig-1"),
        _finish_step("tool-calls"),
        FinishPart(finish_reason="tool-calls", total_usage=LanguageModelUsage()),
    ]


def _approved_parts(approved: bool) -> list[TextStreamPart]:
    """The continuation after the user answered: the approved call's result before the step."""
    parts: list[TextStreamPart] = [StartPart()]
    if approved:
        parts.append(
            ToolResult(
                tool_call_id="call-1",
                tool_name="weather",
                input={"city": "Paris"},
                output={"city": "Paris", "temperature": 21},
            )
        )
    parts += [
        StartStepPart(request=StepRequest(), warnings=[]),
        FinishPart(finish_reason="stop", total_usage=LanguageModelUsage()),
    ]
    return parts


def _finish_step(reason: Any) -> FinishStepPart:
    return FinishStepPart(
        response=LanguageModelResponseMetadata(
            id="r", timestamp=__import__("datetime").datetime(2024, 1, 1), model_id="m"
        ),
        usage=LanguageModelUsage(),
        performance=StepPerformance(step_time=0.0, response_time=0.0),
        finish_reason=reason,
    )


async def _scripted(parts: list[TextStreamPart]) -> AsyncIterator[TextStreamPart]:
    for part in parts:
        yield part


def create_app() -> Starlette:
    """The chat app: ``POST /api/chat``, ``POST /api/text``, ``GET /api/finished``."""
    finished: list[dict[str, Any]] = []
    state: dict[str, Any] = {}
    counter = iter(range(1, 1_000_000))

    def generate_message_id() -> str:
        return f"msg-{next(counter)}"

    async def on_finish(event: UIMessageStreamFinish) -> None:
        finished.append(
            {
                "messages": [m.to_json() for m in event.messages],
                "is_continuation": event.is_continuation,
                "is_aborted": event.is_aborted,
                "finish_reason": event.finish_reason,
            }
        )

    async def chat(request: Request) -> Response:
        body = await request.json()
        try:
            scenario = body.get("scenario", "text")
            messages = validate_ui_messages(
                body.get("messages"),
                tools=APPROVAL_TOOLS if scenario == "approval" else TOOLS,
                tool_approval_secret=APPROVAL_SECRET if scenario == "approval" else None,
            )
        except Exception as error:
            return JSONResponse({"error": type(error).__name__}, status_code=400)
        options: Any = {
            "original_messages": messages,
            "generate_message_id": generate_message_id,
            "on_finish": on_finish,
        }
        if scenario == "approval":
            # The real tool loop: the first request ends with an approval request (signed);
            # the continuation runs the approved call first, then the model answers.
            continuation = messages[-1].role == "assistant"
            model = MockLanguageModel(
                do_stream=text_parts("Sunny in Paris.")
                if continuation
                else _tool_call_parts("weather")
            )
            result = stream_text(
                model=model,
                messages=await convert_to_model_messages(messages, tools=APPROVAL_TOOLS),
                tools=APPROVAL_TOOLS,
                tool_approval_secret=APPROVAL_SECRET,
            )
            return result.to_ui_message_stream_response(**options)
        if scenario == "approval-auto":
            # The approval policy denies the call itself; the model is told and answers.
            result = stream_text(
                model=MockLanguageModel(
                    do_stream=[_tool_call_parts("weather"), text_parts("I may not.")]
                ),
                messages=await convert_to_model_messages(messages, tools=TOOLS),
                tools=TOOLS,
                tool_approval={"weather": ToolApprovalStatus("denied", "blocked by policy")},
                stop_when=is_step_count(3),
            )
            return result.to_ui_message_stream_response(**options)
        if scenario == "approval-scripted":
            last = messages[-1]
            answered = [p for p in last.parts if getattr(p, "state", None) == "approval-responded"]
            if last.role == "assistant" and answered:
                approval = answered[0].approval  # type: ignore[union-attr]
                parts = _approved_parts(bool(approval and approval.approved))
            else:
                parts = _approval_parts()
            chunks = to_ui_message_chunks(_scripted(parts), tools=TOOLS)
            stream = create_ui_message_stream(
                execute=lambda writer: writer.merge(chunks),
                original_messages=messages,
                on_finish=on_finish,
                generate_id=generate_message_id,
            )
            return create_ui_message_stream_response(stream)
        if scenario == "data":

            async def execute(writer: Any) -> None:
                writer.write(DataChunk(type="data-status", id="s1", data={"state": "searching"}))
                writer.write(DataChunk(type="data-notice", data="transient", transient=True))
                result = stream_text(model=_model("text", state), prompt="hi")
                writer.merge(result.to_ui_message_stream(on_error=writer.on_error))
                await asyncio.sleep(0)
                writer.write(DataChunk(type="data-status", id="s1", data={"state": "done"}))

            stream = create_ui_message_stream(
                execute=execute,
                original_messages=messages,
                on_finish=on_finish,
                generate_id=generate_message_id,
            )
            return create_ui_message_stream_response(stream)
        if scenario == "kitchen":
            options["send_sources"] = True
            options["message_metadata"] = lambda part: (
                {"model": "mock"}
                if part.type == "start"
                else {"finished": True}
                if part.type == "finish"
                else None
            )
        model_messages = await convert_to_model_messages(messages, tools=TOOLS)
        result = stream_text(
            model=_model(scenario, state),
            messages=model_messages,
            tools=TOOLS,
            stop_when=is_step_count(3),
        )
        return result.to_ui_message_stream_response(send_reasoning=True, **options)

    async def text(request: Request) -> Response:
        result = stream_text(model=_model("text", state), prompt="hi")
        return create_text_stream_response(result.text_stream)

    def sync_chat(request: Request) -> Response:
        # A sync endpoint (Starlette runs it in a worker thread): the sync result's response.
        result = stream_text_sync(model=_model("text", state), prompt="hi")
        return result.to_ui_message_stream_response()

    async def finished_route(request: Request) -> Response:
        return JSONResponse({"finished": finished, "state": state})

    async def tasks_route(request: Request) -> Response:
        # The tasks alive on the server's loop (this request's included): tests compare the
        # count before and after a request to find tasks a cut-off stream left behind.
        return JSONResponse({"tasks": len(asyncio.all_tasks())})

    app = Starlette(
        routes=[
            Route("/api/chat", chat, methods=["POST"]),
            Route("/api/text", text, methods=["POST"]),
            Route("/api/sync", sync_chat, methods=["POST"]),
            Route("/api/finished", finished_route, methods=["GET"]),
            Route("/api/tasks", tasks_route, methods=["GET"]),
        ]
    )
    app.state.finished = finished
    app.state.model_state = state
    return app


class ChatServer:
    """An ASGI app (default: this chat app) served by uvicorn on 127.0.0.1 (a free port) in a
    thread."""

    def __init__(self, app: Any = None) -> None:
        self.app = create_app() if app is None else app
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            # Another app's lifespan runs (it may close its clients on shutdown).
            lifespan="off" if app is None else "on",
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ChatServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the chat server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


@contextlib.contextmanager
def serving() -> Iterator[ChatServer]:
    """A running `ChatServer`."""
    with ChatServer() as server:
        yield server
