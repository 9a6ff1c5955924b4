"""default_settings_middleware: defaults fill unset settings, dicts merge deeply, calls win."""

from __future__ import annotations

from ai_sdk.middleware import default_settings_middleware, wrap_language_model
from ai_sdk.provider import (
    CallOptions,
    FunctionTool,
    JsonResponseFormat,
    RequiredToolChoice,
    TextResponseFormat,
)
from tests.core.middleware._fake import OPTIONS, FakeModel, collect

TOOL = FunctionTool(name="lookup", input_schema={"type": "object"})


async def test_defaults_fill_only_the_settings_the_call_left_unset() -> None:
    base = FakeModel()
    model = wrap_language_model(
        model=base,
        middleware=default_settings_middleware(
            temperature=0.2,
            max_output_tokens=100,
            stop_sequences=["END"],
            seed=1,
            reasoning="low",
            tools=[TOOL],
            tool_choice=RequiredToolChoice(),
            response_format=JsonResponseFormat(),
        ),
    )
    call = OPTIONS.model_copy(
        update={"temperature": 0.9, "stop_sequences": ["STOP"], "response_format": None}
    )
    await model.do_generate(call)
    assert base.generate_calls == [
        OPTIONS.model_copy(
            update={
                "temperature": 0.9,  # the call's own value wins
                "max_output_tokens": 100,
                "stop_sequences": ["STOP"],  # lists are replaced, not merged
                "seed": 1,
                "reasoning": "low",
                "tools": [TOOL],
                "tool_choice": RequiredToolChoice(),
                "response_format": JsonResponseFormat(),  # None in the call means "not set"
            }
        )
    ]


async def test_provider_options_and_headers_merge_key_by_key_at_every_depth() -> None:
    base = FakeModel()
    model = wrap_language_model(
        model=base,
        middleware=default_settings_middleware(
            provider_options={
                "openai": {"store": False, "reasoning": {"effort": "low", "summary": "auto"}},
                "anthropic": {"cache": True},
            },
            headers={"x-team": "core", "x-trace": "default"},
        ),
    )
    call = OPTIONS.model_copy(
        update={
            "provider_options": {"openai": {"reasoning": {"effort": "high"}, "user": None}},
            "headers": {"x-trace": "call", "x-team": None},
        }
    )
    await model.do_generate(call)
    sent = base.generate_calls[0]
    assert sent.provider_options == {
        "openai": {
            "store": False,
            "reasoning": {"effort": "high", "summary": "auto"},
            "user": None,
        },
        "anthropic": {"cache": True},
    }
    # Inside dicts a None from the call is kept: it removes the default header.
    assert sent.headers == {"x-team": None, "x-trace": "call"}


async def test_defaults_apply_to_streaming_calls_and_do_not_leak_between_calls() -> None:
    base = FakeModel()
    model = wrap_language_model(
        model=base,
        middleware=default_settings_middleware(
            response_format=TextResponseFormat(), provider_options={"p": {"a": 1}}
        ),
    )
    await collect(await model.do_stream(OPTIONS))
    await model.do_generate(OPTIONS.model_copy(update={"provider_options": {"p": {"b": 2}}}))
    await model.do_generate(OPTIONS)
    assert [c.provider_options for c in [*base.stream_calls, *base.generate_calls]] == [
        {"p": {"a": 1}},
        {"p": {"a": 1, "b": 2}},
        {"p": {"a": 1}},
    ]
    assert base.stream_calls[0].response_format == TextResponseFormat()


async def test_no_defaults_leave_the_call_unchanged() -> None:
    base = FakeModel()
    model = wrap_language_model(model=base, middleware=default_settings_middleware())
    call = CallOptions(prompt=OPTIONS.prompt, temperature=0.5)
    await model.do_generate(call)
    assert base.generate_calls == [call]
