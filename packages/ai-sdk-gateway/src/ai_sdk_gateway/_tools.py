"""`gateway.tools`: the search tools the AI Gateway runs itself (Perplexity, Exa, Parallel,
Tako), as provider tools for `generate_text` and `stream_text`.

On the wire each is a spec provider tool, ``{"type": "provider", "id": "gateway.<name>", "name":
<its key in tools>, "args": <the configuration, camelCase>}``; the gateway runs the search and
returns the call and its result as provider-executed content, so no ``execute`` runs here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypeVar, cast

from pydantic.alias_generators import to_camel

# pydantic validates the model's inputs against these; before Python 3.12 it needs this TypedDict
# (typing_extensions is a dependency of pydantic, so it is always installed).
from typing_extensions import TypedDict

from ai_sdk.provider import JSONObject, JSONValue
from ai_sdk.provider_utils import as_schema

if TYPE_CHECKING:
    from ai_sdk import Tool

__all__ = [
    "ExaSearchInput",
    "GatewayTools",
    "ParallelSearchInput",
    "PerplexitySearchInput",
    "TakoSearchInput",
]

InputT = TypeVar("InputT")


class PerplexitySearchInput(TypedDict):
    """What the model sends to ``perplexity_search`` (snake_case, as upstream)."""

    query: str | list[str]
    """One query, or up to 5 whose results are combined."""
    max_results: NotRequired[int]
    max_tokens_per_page: NotRequired[int]
    max_tokens: NotRequired[int]
    country: NotRequired[str]
    search_domain_filter: NotRequired[list[str]]
    search_language_filter: NotRequired[list[str]]
    search_after_date: NotRequired[str]
    search_before_date: NotRequired[str]
    last_updated_after_filter: NotRequired[str]
    last_updated_before_filter: NotRequired[str]
    search_recency_filter: NotRequired[Literal["day", "week", "month", "year"]]


class ExaSearchInput(TypedDict):
    """What the model sends to ``exa_search`` (snake_case, as upstream)."""

    query: str
    type: NotRequired[Literal["auto", "fast", "instant"]]
    num_results: NotRequired[int]
    category: NotRequired[str]
    user_location: NotRequired[str]
    include_domains: NotRequired[list[str]]
    exclude_domains: NotRequired[list[str]]
    start_published_date: NotRequired[str]
    end_published_date: NotRequired[str]
    contents: NotRequired[dict[str, JSONValue]]


class ParallelSearchInput(TypedDict):
    """What the model sends to ``parallel_search`` (snake_case, as upstream)."""

    objective: str
    search_queries: NotRequired[list[str]]
    mode: NotRequired[Literal["one-shot", "agentic"]]
    max_results: NotRequired[int]
    source_policy: NotRequired[dict[str, JSONValue]]
    excerpts: NotRequired[dict[str, JSONValue]]
    fetch_policy: NotRequired[dict[str, JSONValue]]


class TakoSearchInput(TypedDict):
    """What the model sends to ``tako_search`` (snake_case, as upstream)."""

    query: str
    effort: NotRequired[Literal["deep", "fast", "instant"]]
    sources: NotRequired[dict[str, JSONValue]]
    location: NotRequired[dict[str, JSONValue]]
    country_code: NotRequired[str]
    locale: NotRequired[str]
    timezone: NotRequired[str]
    output_settings: NotRequired[dict[str, JSONValue]]
    include_related: NotRequired[int]


def _camel(value: object) -> JSONValue:
    """Configuration keys in camelCase at every depth (the configurations hold no free-form
    keys); snake_case and camelCase keys are both accepted."""
    if isinstance(value, Mapping):
        items = cast("Mapping[str, object]", value).items()
        return {to_camel(key): _camel(item) for key, item in items}
    if isinstance(value, list | tuple):
        return [_camel(item) for item in cast("Sequence[object]", value)]
    return cast("JSONValue", value)


def _provider_tool(
    tool_id: str, input_type: type[InputT], description: str, config: Mapping[str, object]
) -> Tool[InputT]:
    # Imported here: the tool-loop package is heavy and most gateway users never build a tool.
    from ai_sdk import Tool

    args = cast("JSONObject", _camel({k: v for k, v in config.items() if v is not None}))
    return Tool(
        input_schema=as_schema(input_type),
        description=description,
        type="provider",
        id=tool_id,
        args=args,
        provider_executed=True,
    )


class GatewayTools:
    """The gateway's provider-executed tools; reach them as ``gateway.tools``.

    Example::

        result = await generate_text(
            model=gateway("openai/gpt-5"),
            prompt="What happened in AI this week?",
            tools={"search": gateway.tools.perplexity_search(max_results=5)},
        )
    """

    __slots__ = ()

    def perplexity_search(
        self,
        *,
        max_results: int | None = None,
        max_tokens_per_page: int | None = None,
        max_tokens: int | None = None,
        country: str | None = None,
        search_domain_filter: Sequence[str] | None = None,
        search_language_filter: Sequence[str] | None = None,
        search_recency_filter: Literal["day", "week", "month", "year"] | None = None,
    ) -> Tool[PerplexitySearchInput]:
        """Web search with Perplexity's Search API: ranked results with snippets, filtered by
        domain, language, date or recency (``gateway.perplexity_search``).

        Args:
            max_results: Results per search (1-20).
            max_tokens_per_page: Tokens extracted per result page (256-2048).
            max_tokens: Tokens across all results.
            country: ISO 3166-1 alpha-2 code for regional results, e.g. ``"US"``.
            search_domain_filter: Domains to include (``"nature.com"``) or exclude
                (``"-spam.net"``), at most 20.
            search_language_filter: ISO 639-1 codes, at most 10.
            search_recency_filter: Only results from the last ``day``, ``week``, ``month`` or
                ``year``.
        """
        return _provider_tool(
            "gateway.perplexity_search",
            PerplexitySearchInput,
            "Search the web with Perplexity for real-time information, news, research papers "
            "and articles.",
            {
                "max_results": max_results,
                "max_tokens_per_page": max_tokens_per_page,
                "max_tokens": max_tokens,
                "country": country,
                "search_domain_filter": search_domain_filter,
                "search_language_filter": search_language_filter,
                "search_recency_filter": search_recency_filter,
            },
        )

    def exa_search(
        self,
        *,
        type: Literal["auto", "fast", "instant"] | None = None,
        num_results: int | None = None,
        category: str | None = None,
        user_location: str | None = None,
        include_domains: Sequence[str] | None = None,
        exclude_domains: Sequence[str] | None = None,
        start_published_date: str | None = None,
        end_published_date: str | None = None,
        contents: Mapping[str, Any] | None = None,
    ) -> Tool[ExaSearchInput]:
        """Web search with Exa: token-efficient excerpts for agents, with search type,
        category, domain, date, location and content controls (``gateway.exa_search``).

        Args:
            type: ``auto``, ``fast`` or ``instant``.
            num_results: How many results.
            category: ``company``, ``people``, ``research paper``, ``news``, ``personal site``
                or ``financial report``.
            user_location: A two-letter country code to bias results.
            include_domains: Only these domains.
            exclude_domains: Never these domains.
            start_published_date: Published on or after this ISO date.
            end_published_date: Published on or before this ISO date.
            contents: What to extract per result, e.g. ``{"text": {"max_characters": 2000},
                "highlights": True, "max_age_hours": 24}`` (keys in snake_case or camelCase).
        """
        return _provider_tool(
            "gateway.exa_search",
            ExaSearchInput,
            "Search the web with Exa for current information and token-efficient excerpts.",
            {
                "type": type,
                "num_results": num_results,
                "category": category,
                "user_location": user_location,
                "include_domains": include_domains,
                "exclude_domains": exclude_domains,
                "start_published_date": start_published_date,
                "end_published_date": end_published_date,
                "contents": contents,
            },
        )

    def parallel_search(
        self,
        *,
        mode: Literal["one-shot", "agentic"] | None = None,
        max_results: int | None = None,
        source_policy: Mapping[str, Any] | None = None,
        excerpts: Mapping[str, Any] | None = None,
        fetch_policy: Mapping[str, Any] | None = None,
    ) -> Tool[ParallelSearchInput]:
        """Web search with Parallel's Search API: one natural-language objective in, excerpts
        optimised for LLMs out (``gateway.parallel_search``).

        Args:
            mode: ``one-shot`` (breadth) or ``agentic`` (depth).
            max_results: How many results.
            source_policy: ``{"include_domains": [...], "exclude_domains": [...], "after_date":
                "YYYY-MM-DD"}``.
            excerpts: ``{"max_chars_per_result": ..., "max_chars_total": ...}``.
            fetch_policy: ``{"max_age_seconds": ...}``.
        """
        return _provider_tool(
            "gateway.parallel_search",
            ParallelSearchInput,
            "Search the web with Parallel for excerpts that answer a natural-language objective.",
            {
                "mode": mode,
                "max_results": max_results,
                "source_policy": source_policy,
                "excerpts": excerpts,
                "fetch_policy": fetch_policy,
            },
        )

    def tako_search(
        self,
        *,
        effort: Literal["deep", "fast", "instant"] | None = None,
        sources: Mapping[str, Any] | None = None,
        location: Mapping[str, float] | None = None,
        country_code: str | None = None,
        locale: str | None = None,
        timezone: str | None = None,
        output_settings: Mapping[str, bool] | None = None,
        include_related: int | None = None,
    ) -> Tool[TakoSearchInput]:
        """Search the web and Tako's knowledge graph in one call: web excerpts and structured
        data with embeddable charts (``gateway.tako_search``).

        Args:
            effort: ``deep``, ``fast`` or ``instant``.
            sources: Per-source settings, e.g. ``{"data": {"count": 3, "include_contents":
                True}, "web": {"count": 5, "category": "news"}}``.
            location: ``{"latitude": ..., "longitude": ...}``.
            country_code: A two-letter country code.
            locale: e.g. ``"en-US"``.
            timezone: An IANA zone, e.g. ``"America/New_York"``.
            output_settings: ``{"image_dark_mode": ..., "force_refresh": ...}``.
            include_related: How many related results to add.
        """
        return _provider_tool(
            "gateway.tako_search",
            TakoSearchInput,
            "Search the web and Tako's knowledge graph for excerpts and structured data.",
            {
                "effort": effort,
                "sources": sources,
                "location": location,
                "country_code": country_code,
                "locale": locale,
                "timezone": timezone,
                "output_settings": output_settings,
                "include_related": include_related,
            },
        )
