"""`gateway.tools`: the provider-executed search tools on the wire and in a `generate_text` call."""

from __future__ import annotations

from typing import Any

import pytest

from ai_sdk import generate_text, stream_text
from ai_sdk.generate_text import ToolCall, ToolResult
from ai_sdk_gateway import GatewayProvider, gateway
from tests.servers import LoopbackServer, json_reply, sse_reply

PATH = "/v4/ai/language-model"
USAGE = {"inputTokens": {"total": 20}, "outputTokens": {"total": 8}}
SEARCH_INPUT = '{"query":"ai news","max_results":3}'
SEARCH_OUTPUT = {
    "results": [{"title": "T", "url": "https://n.example", "snippet": "S", "date": "2026-08-01"}],
    "id": "srch_1",
}


def test_each_tool_is_a_provider_tool_with_camel_case_args() -> None:
    tools = gateway.tools
    perplexity = tools.perplexity_search(
        max_results=5,
        search_domain_filter=["nature.com", "-spam.net"],
        search_recency_filter="week",
    )
    exa = tools.exa_search(
        type="fast",
        num_results=3,
        contents={"text": {"max_characters": 1000, "include_html_tags": False}, "highlights": True},
    )
    parallel = tools.parallel_search(
        mode="agentic", source_policy={"include_domains": ["a.org"], "after_date": "2026-01-01"}
    )
    tako = tools.tako_search(
        effort="fast",
        sources={"data": {"include_contents": True, "content_format": "csv"}},
        location={"latitude": 1.5, "longitude": 2.5},
        country_code="US",
    )

    assert [
        (t.type, t.id, t.provider_executed, t.args) for t in (perplexity, exa, parallel, tako)
    ] == [
        (
            "provider",
            "gateway.perplexity_search",
            True,
            {
                "maxResults": 5,
                "searchDomainFilter": ["nature.com", "-spam.net"],
                "searchRecencyFilter": "week",
            },
        ),
        (
            "provider",
            "gateway.exa_search",
            True,
            {
                "type": "fast",
                "numResults": 3,
                "contents": {
                    "text": {"maxCharacters": 1000, "includeHtmlTags": False},
                    "highlights": True,
                },
            },
        ),
        (
            "provider",
            "gateway.parallel_search",
            True,
            {
                "mode": "agentic",
                "sourcePolicy": {"includeDomains": ["a.org"], "afterDate": "2026-01-01"},
            },
        ),
        (
            "provider",
            "gateway.tako_search",
            True,
            {
                "effort": "fast",
                "sources": {"data": {"includeContents": True, "contentFormat": "csv"}},
                "location": {"latitude": 1.5, "longitude": 2.5},
                "countryCode": "US",
            },
        ),
    ]
    assert tools.perplexity_search().args == {}


def answered_with_search(tool_name: str) -> dict[str, Any]:
    return {
        "content": [
            {
                "type": "tool-call",
                "toolCallId": "c1",
                "toolName": tool_name,
                "input": SEARCH_INPUT,
                "providerExecuted": True,
            },
            {
                "type": "tool-result",
                "toolCallId": "c1",
                "toolName": tool_name,
                "result": SEARCH_OUTPUT,
            },
            {"type": "text", "text": "Here is the news."},
        ],
        "finishReason": {"unified": "stop", "raw": "end_turn"},
        "usage": USAGE,
    }


async def test_generate_text_sends_the_tool_and_reads_the_gateways_call_and_result(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(PATH, json_reply(answered_with_search("search")))

    result = await generate_text(
        model=provider("openai/gpt-5"),
        prompt="AI news?",
        tools={"search": provider.tools.perplexity_search(max_results=3)},
    )

    [request] = server.requests  # the gateway ran the tool: one step, no second request
    assert request.json()["tools"] == [
        {
            "type": "provider",
            "id": "gateway.perplexity_search",
            "name": "search",
            "args": {"maxResults": 3},
        }
    ]
    assert result.text == "Here is the news."
    assert result.tool_calls == [
        ToolCall(
            tool_call_id="c1",
            tool_name="search",
            input={"query": "ai news", "max_results": 3},
            provider_executed=True,
        )
    ]
    assert result.tool_results == [
        ToolResult(
            tool_call_id="c1",
            tool_name="search",
            input={"query": "ai news", "max_results": 3},
            output=SEARCH_OUTPUT,
            provider_executed=True,
        )
    ]
    assert len(result.steps) == 1


async def test_stream_text_streams_the_provider_executed_search(
    server: LoopbackServer, provider: GatewayProvider
) -> None:
    server.route(
        PATH,
        sse_reply(
            [
                {"type": "stream-start", "warnings": []},
                {
                    "type": "tool-call",
                    "toolCallId": "c1",
                    "toolName": "web",
                    "input": '{"objective":"find ai news"}',
                    "providerExecuted": True,
                },
                {
                    "type": "tool-result",
                    "toolCallId": "c1",
                    "toolName": "web",
                    "result": {"searchId": "s", "results": []},
                },
                {"type": "text-start", "id": "t"},
                {"type": "text-delta", "id": "t", "delta": "Nothing new."},
                {"type": "text-end", "id": "t"},
                {
                    "type": "finish",
                    "finishReason": {"unified": "stop", "raw": "stop"},
                    "usage": USAGE,
                },
            ]
        ),
    )

    result = stream_text(
        model=provider("openai/gpt-5"),
        prompt="news?",
        tools={"web": provider.tools.parallel_search(mode="one-shot")},
    )
    text = "".join([delta async for delta in result.text_stream])

    assert server.requests[0].json()["tools"][0]["id"] == "gateway.parallel_search"
    assert text == "Nothing new."
    [tool_result] = await result.tool_results
    assert (tool_result.provider_executed, tool_result.input, tool_result.output) == (
        True,
        {"objective": "find ai news"},
        {"searchId": "s", "results": []},
    )


@pytest.mark.parametrize("bad_input", ['{"max_results": 3}', '{"query": 5}'])
async def test_a_call_whose_input_breaks_the_tools_schema_is_reported_not_raised(
    server: LoopbackServer, provider: GatewayProvider, bad_input: str
) -> None:
    reply = answered_with_search("search")
    reply["content"][0]["input"] = bad_input
    server.route(PATH, json_reply(reply))

    result = await generate_text(
        model=provider("openai/gpt-5"),
        prompt="AI news?",
        tools={"search": provider.tools.exa_search()},
    )

    [call] = result.tool_calls
    assert call.invalid
