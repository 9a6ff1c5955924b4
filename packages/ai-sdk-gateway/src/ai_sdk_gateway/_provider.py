"""`create_gateway`, the provider it returns, and the default instance `gateway`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal, Self
from urllib.parse import quote, quote_plus, urlencode

import httpx

from ai_sdk._sync import run_sync
from ai_sdk.provider import get_error_message
from ai_sdk.provider_utils import AsyncHTTPClient
from ai_sdk_gateway._auth import ApiKey, OidcTokenProvider
from ai_sdk_gateway._language_model import GatewayLanguageModel
from ai_sdk_gateway._metadata import (
    GatewayAvailableModels,
    GatewayCredits,
    GatewayGenerationInfo,
    GatewaySpendReport,
    SpendReportCredentialType,
    SpendReportDatePart,
    SpendReportGroupBy,
    parse_generation_info,
)
from ai_sdk_gateway._tools import GatewayTools
from ai_sdk_gateway._transport import GatewayTransport, validated_json_handler

# The model kinds other than language models are imported by the methods that make them, so that
# a text call does not load their modules (nor the spec modules they build on).
if TYPE_CHECKING:
    from ai_sdk.provider import Provider
    from ai_sdk_gateway._embedding_model import GatewayEmbeddingModel
    from ai_sdk_gateway._image_model import GatewayImageModel
    from ai_sdk_gateway._reranking_model import GatewayRerankingModel
    from ai_sdk_gateway._speech_model import GatewaySpeechModel
    from ai_sdk_gateway._transcription_model import GatewayTranscriptionModel
    from ai_sdk_gateway._video_model import GatewayVideoModel

__all__ = [
    "DEFAULT_METADATA_CACHE_REFRESH",
    "GatewayProvider",
    "create_gateway",
    "gateway",
]

DEFAULT_METADATA_CACHE_REFRESH = 300.0
"""Seconds a fetched model list is served before a background refresh starts (5 minutes)."""

_logger = logging.getLogger("ai_sdk_gateway")

_TOOLS = GatewayTools()

_closing: set[asyncio.Task[None]] = set()
"""Closings `GatewayProvider.close` scheduled on a running loop, kept alive until done."""


class _ModelListCache:
    """The model list, fetched once and then served while a refresh runs in the background.

    Stale-while-revalidate: a cached list is returned at once, even when older than the
    refresh interval; then one background refresh starts per interval, and a failed refresh
    keeps the old list. A failed *first* fetch is not cached: the next call tries again.
    """

    def __init__(
        self,
        fetch: Callable[[], Awaitable[GatewayAvailableModels]],
        *,
        refresh: float,
        clock: Callable[[], float],
    ) -> None:
        self._fetch = fetch
        self._refresh = refresh
        self._clock = clock
        self._value: GatewayAvailableModels | None = None
        self._fetched_at = 0.0
        self._first: asyncio.Task[GatewayAvailableModels] | None = None
        self._background: asyncio.Task[None] | None = None

    async def get(self) -> GatewayAvailableModels:
        now = self._clock()
        if self._value is not None:
            if now - self._fetched_at > self._refresh and not _running(self._background):
                self._fetched_at = now  # one refresh per interval, even if it fails
                self._background = asyncio.get_running_loop().create_task(self._revalidate())
            return self._value
        task = self._first
        if task is None or task.done() or task.get_loop() is not asyncio.get_running_loop():
            # Concurrent first calls share one fetch (on the same event loop).
            task = asyncio.get_running_loop().create_task(self._fetch_first(now))
            task.add_done_callback(_consume_exception)
            self._first = task
        return await asyncio.shield(task)

    async def _fetch_first(self, started: float) -> GatewayAvailableModels:
        value = await self._fetch()
        self._value = value
        self._fetched_at = started
        return value

    async def _revalidate(self) -> None:
        try:
            value = await self._fetch()
        except Exception as error:
            _logger.warning(
                "Refreshing the AI Gateway model list failed; serving the cached list: %s",
                get_error_message(error),
            )
            return
        self._value = value

    async def aclose(self) -> None:
        for task in (self._background, self._first):
            if task is not None and not task.done() and _on_this_loop(task):
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
        self._background = self._first = None


def _running(task: asyncio.Task[None] | None) -> bool:
    return task is not None and not task.done()


def _on_this_loop(task: asyncio.Task[object]) -> bool:
    return task.get_loop() is asyncio.get_running_loop()


def _consume_exception(task: asyncio.Task[GatewayAvailableModels]) -> None:
    # Every waiter may have been cancelled; the failure must not be logged as unretrieved.
    if not task.cancelled():
        task.exception()


def _as_seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _as_date(value: str | date) -> str:
    return value.isoformat() if isinstance(value, date) else value


class GatewayProvider:
    """The Vercel AI Gateway: hundreds of models from one endpoint and one credential.

    Create one with `create_gateway`, or use the default instance `gateway`. Calling the
    provider is the same as `language_model`. It owns one HTTP client per event loop (an
    ``httpx.AsyncClient`` by default; created on first use) unless ``http_client=`` was given;
    close it with `aclose` or by using the provider as an async context manager (`close` and
    ``with`` in synchronous code).
    """

    def __init__(
        self,
        *,
        api_key: ApiKey | None = None,
        base_url: str | None = None,
        headers: Mapping[str, str] | None = None,
        http_client: AsyncHTTPClient | None = None,
        timeout: httpx.Timeout | float | None = None,
        team_id_or_slug: str | None = None,
        oidc_token_provider: OidcTokenProvider | None = None,
        metadata_cache_refresh: float | timedelta = DEFAULT_METADATA_CACHE_REFRESH,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._transport = GatewayTransport(
            base_url=base_url,
            api_key=api_key,
            oidc_token_provider=oidc_token_provider,
            headers=headers,
            team_id_or_slug=team_id_or_slug,
            http_client=http_client,
            timeout=timeout,
        )
        self._models = _ModelListCache(
            self._fetch_available_models,
            refresh=_as_seconds(metadata_cache_refresh),
            clock=clock,
        )

    @property
    def specification_version(self) -> Literal["v4"]:
        """Always ``"v4"``."""
        return "v4"

    @property
    def base_url(self) -> str:
        """The API base URL, e.g. ``https://ai-gateway.vercel.sh/v4/ai``."""
        return self._transport.base_url

    def __repr__(self) -> str:
        key = "<set>" if self._transport.api_key_configured else None
        return f"GatewayProvider(base_url={self.base_url!r}, api_key={key})"

    @property
    def tools(self) -> GatewayTools:
        """The search tools the gateway runs itself: ``perplexity_search``, ``exa_search``,
        ``parallel_search`` and ``tako_search`` (`GatewayTools`)."""
        return _TOOLS

    # -- models ---------------------------------------------------------------------------

    def __call__(self, model_id: str) -> GatewayLanguageModel:
        """The language model with this id, e.g. ``gateway("openai/gpt-5")``."""
        return self.language_model(model_id)

    def language_model(self, model_id: str) -> GatewayLanguageModel:
        """The language model with this id (``<creator>/<model>``, e.g. ``openai/gpt-5``).

        Ids are not checked here: an unknown id fails the first call with
        `GatewayModelNotFoundError`.
        """
        return GatewayLanguageModel(model_id, self._transport)

    def embedding_model(self, model_id: str) -> GatewayEmbeddingModel:
        """The embedding model with this id, e.g. ``openai/text-embedding-3-small``."""
        from ai_sdk_gateway._embedding_model import GatewayEmbeddingModel

        return GatewayEmbeddingModel(model_id, self._transport)

    def image_model(self, model_id: str) -> GatewayImageModel:
        """The image model with this id, e.g. ``openai/gpt-image-1``."""
        from ai_sdk_gateway._image_model import GatewayImageModel

        return GatewayImageModel(model_id, self._transport)

    def reranking_model(self, model_id: str) -> GatewayRerankingModel:
        """The reranking model with this id, e.g. ``cohere/rerank-v3.5``."""
        from ai_sdk_gateway._reranking_model import GatewayRerankingModel

        return GatewayRerankingModel(model_id, self._transport)

    def speech_model(self, model_id: str) -> GatewaySpeechModel:
        """The speech (text-to-speech) model with this id, e.g. ``openai/gpt-4o-mini-tts``."""
        from ai_sdk_gateway._speech_model import GatewaySpeechModel

        return GatewaySpeechModel(model_id, self._transport)

    def transcription_model(self, model_id: str) -> GatewayTranscriptionModel:
        """The transcription (speech-to-text) model with this id, e.g. ``openai/whisper-1``."""
        from ai_sdk_gateway._transcription_model import GatewayTranscriptionModel

        return GatewayTranscriptionModel(model_id, self._transport)

    def video_model(self, model_id: str) -> GatewayVideoModel:
        """The video model with this id, e.g. ``google/veo-3.1``."""
        from ai_sdk_gateway._video_model import GatewayVideoModel

        return GatewayVideoModel(model_id, self._transport)

    # -- metadata and account -------------------------------------------------------------

    async def get_available_models(self) -> GatewayAvailableModels:
        """The models the gateway offers, with pricing and model type.

        Cached per provider for ``metadata_cache_refresh`` (5 minutes by default): later
        calls return the cached list at once, and once it is older than that a refresh runs
        in the background. A failed first fetch is not cached.

        Raises:
            GatewayError: the list could not be fetched and none is cached.
        """
        return await self._models.get()

    async def _fetch_available_models(self) -> GatewayAvailableModels:
        result = await self._transport.get(
            f"{self._transport.base_url}/config",
            success=validated_json_handler(GatewayAvailableModels.model_validate),
        )
        return result.value

    async def get_credits(self) -> GatewayCredits:
        """The account's credit balance and total spend (``GET {origin}/v1/credits``), of the
        provider's team when it has one (``?teamId=`` for ``team_...`` ids, else ``?slug=``).

        Raises:
            GatewayError: the request failed (credits need an AI Gateway API key or OIDC).
        """
        url = f"{self._transport.origin}/v1/credits"
        team = self._transport.team
        if team:
            url += "?" + urlencode({"teamId" if team.startswith("team_") else "slug": team})
        result = await self._transport.get(
            url,
            success=validated_json_handler(GatewayCredits.model_validate),
        )
        return result.value

    async def get_generation_info(self, generation_id: str) -> GatewayGenerationInfo:
        """Cost, token usage, latency and provider of one generation.

        Args:
            generation_id: the ``gen_...`` id from ``provider_metadata["gateway"]
                ["generationId"]`` of a result, or from an error's `generation_id`.

        Raises:
            GatewayError: the request failed.
        """
        query = quote(generation_id, safe="!*'()")
        result = await self._transport.get(
            f"{self._transport.origin}/v1/generation?id={query}",
            success=validated_json_handler(parse_generation_info),
        )
        return result.value

    async def get_spend_report(
        self,
        *,
        start_date: str | date,
        end_date: str | date,
        group_by: SpendReportGroupBy | None = None,
        date_part: SpendReportDatePart | None = None,
        user_id: str | None = None,
        model: str | None = None,
        provider: str | None = None,
        credential_type: SpendReportCredentialType | None = None,
        tags: Sequence[str] | None = None,
    ) -> GatewaySpendReport:
        """Cost, tokens and request counts, aggregated by one dimension.

        Args:
            start_date: the first day (inclusive), ``YYYY-MM-DD`` or a `date`.
            end_date: the last day (inclusive).
            group_by: the dimension (``day`` by default on the server).
            date_part: ``day`` or ``hour`` when grouping by day.
            user_id: only this user's spend.
            model: only this model, e.g. ``anthropic/claude-sonnet-4.5``.
            provider: only this provider.
            credential_type: only ``byok`` or only ``system`` credentials.
            tags: only requests with these tags.

        Raises:
            GatewayError: the request failed.
        """
        params: list[tuple[str, str]] = [
            ("start_date", _as_date(start_date)),
            ("end_date", _as_date(end_date)),
        ]
        optional = {
            "group_by": group_by,
            "date_part": date_part,
            "user_id": user_id,
            "model": model,
            "provider": provider,
            "credential_type": credential_type,
        }
        params.extend((key, value) for key, value in optional.items() if value)
        if tags:
            params.append(("tags", ",".join(tags)))
        query = urlencode(params, quote_via=quote_plus, safe="*")
        result = await self._transport.get(
            f"{self._transport.origin}/v1/report?{query}",
            success=validated_json_handler(GatewaySpendReport.model_validate),
        )
        return result.value

    # -- lifecycle ------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Stop a background model-list refresh and close the HTTP clients created here.

        A client passed as ``http_client=`` is left open. The provider stays usable: a later
        call creates a new client.
        """
        await self._models.aclose()
        await self._transport.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def close(self) -> None:
        """`aclose` for synchronous code (after the ``_sync`` functions); also ``with provider:``.

        With no event loop running in this thread it blocks until the clients are closed. Where
        one runs (a Jupyter cell, a coroutine) it cannot wait for that loop's own client without
        blocking the loop, so the closing is scheduled on it and done when it next runs;
        ``await provider.aclose()`` there closes at once.
        """
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            run_sync(self.aclose)
            return
        task = loop.create_task(self.aclose())
        _closing.add(task)  # the loop keeps only a weak reference to its tasks
        task.add_done_callback(_closing.discard)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def create_gateway(
    *,
    api_key: ApiKey | None = None,
    base_url: str | None = None,
    headers: Mapping[str, str] | None = None,
    http_client: AsyncHTTPClient | None = None,
    timeout: httpx.Timeout | float | None = None,
    team_id_or_slug: str | None = None,
    oidc_token_provider: OidcTokenProvider | None = None,
    metadata_cache_refresh: float | timedelta = DEFAULT_METADATA_CACHE_REFRESH,
    clock: Callable[[], float] = time.monotonic,
) -> GatewayProvider:
    """Create a Vercel AI Gateway provider.

    Nothing is read from the environment and nothing is sent until the first call; the
    credential is looked up on every request: ``api_key``, else ``AI_GATEWAY_API_KEY``, else a
    Vercel OIDC token (the incoming request's, see `vercel_request_context`, else
    ``VERCEL_OIDC_TOKEN``, else ``oidc_token_provider``).

    Args:
        api_key: an AI Gateway API key or Vercel access token, or a function (sync or async)
            returning one for each request; ``None``/``""`` from it falls through to the next
            source.
        base_url: the API base URL; ``https://ai-gateway.vercel.sh/v4/ai`` by default. The
            ``/v4/ai`` path selects the spec v4 wire format this client speaks.
        headers: extra headers for every request (they override the gateway's own).
        http_client: your own ``httpx.AsyncClient`` or ``httpx2.AsyncClient`` (proxies, mTLS,
            transports); it is used as
            is and never closed by the provider.
        timeout: a timeout for every request, in seconds or as an ``httpx.Timeout``; the
            default allows 10 minutes between received chunks.
        team_id_or_slug: the Vercel team to bill, for access tokens that reach several teams.
        oidc_token_provider: returns a fresh Vercel OIDC token (sync or async) when no valid
            one is in the request or the environment, e.g. from your own refresh logic.
        metadata_cache_refresh: how long `get_available_models` serves its cached list
            before refreshing it in the background, in seconds or as a ``timedelta``.
        clock: a monotonic clock in seconds for the model-list cache (inject one in tests).

    Example:
        >>> gw = create_gateway(api_key="vck_...")
        >>> result = await generate_text(model=gw("anthropic/claude-sonnet-4"), prompt="Hi")
    """
    return GatewayProvider(
        api_key=api_key,
        base_url=base_url,
        headers=headers,
        http_client=http_client,
        timeout=timeout,
        team_id_or_slug=team_id_or_slug,
        oidc_token_provider=oidc_token_provider,
        metadata_cache_refresh=metadata_cache_refresh,
        clock=clock,
    )


gateway: GatewayProvider = create_gateway()
"""The default gateway provider: ``AI_GATEWAY_API_KEY`` or Vercel OIDC, the default base URL.

Core resolves string model ids (``model="openai/gpt-5"``) with it when no default provider is
set. Creating it reads no environment variable and opens no connection.
"""


if TYPE_CHECKING:
    _conforms_to_spec: type[Provider] = GatewayProvider
