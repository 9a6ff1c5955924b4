"""What every model of one provider shares: URLs, auth and headers, the HTTP client, settings.

Models hold a reference to one `ProviderConfig` rather than copies of its parts, so that a
provider's client (and its connection pool) is shared by all of its models and closed once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ai_sdk.provider import APICallError, CallWarning, DeprecatedWarning, JSONObject, Usage
from ai_sdk.provider_utils import (
    HTTPClientHolder,
    ResponseHandler,
    ResponseResult,
    combine_headers,
    post_json,
    resolve,
)
from ai_sdk_openai_compatible._errors import ErrorStructure, create_failed_response_handler
from ai_sdk_openai_compatible._metadata import MetadataExtractor
from ai_sdk_openai_compatible._version import __version__

__all__ = [
    "DEFAULT_MAX_EMBEDDINGS_PER_CALL",
    "DEFAULT_MAX_IMAGES_PER_CALL",
    "ApiKey",
    "ProviderConfig",
    "RequestBodyTransform",
    "UsageConverter",
    "merged_options",
    "metadata_key",
    "to_camel_case",
]

DEFAULT_MAX_EMBEDDINGS_PER_CALL = 2048
"""OpenAI's limit of inputs per embeddings request, used unless the model is told otherwise."""

DEFAULT_MAX_IMAGES_PER_CALL = 10
"""Images one request may ask for, unless the model is told otherwise."""

ApiKey: TypeAlias = str | Callable[[], str | None] | Callable[[], Awaitable[str | None]]
"""An API key, or a function (sync or async) called before every request that returns one."""

RequestBodyTransform: TypeAlias = Callable[[dict[str, Any]], dict[str, Any]]
"""Rewrites a chat request body just before it is sent."""

UsageConverter: TypeAlias = Callable[[JSONObject | None], Usage]
"""Turns the server's ``usage`` object (``None`` when absent) into `Usage`."""

USER_AGENT = f"ai-sdk-openai-compatible/{__version__}"

T = TypeVar("T")

_CAMEL = re.compile(r"[_-]([a-z])")


@functools.cache
def to_camel_case(name: str) -> str:
    """``my-provider`` / ``my_provider`` -> ``myProvider`` (the provider options key upstream)."""
    return _CAMEL.sub(lambda match: match.group(1).upper(), name)


def metadata_key(name: str, provider_options: Mapping[str, object] | None) -> str:
    """The provider metadata key: the camelCase name if the caller used it, else the raw name."""
    camel = to_camel_case(name)
    if camel != name and provider_options and provider_options.get(camel) is not None:
        return camel
    return name


def merged_options(
    name: str,
    provider_options: Mapping[str, JSONObject] | None,
    warnings: list[CallWarning],
    *,
    include_generic: bool = True,
    include_camel: bool = True,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The provider options that apply to a call, and the ones under the provider's own name.

    Sources, later ones winning: ``openai-compatible`` (deprecated), ``openaiCompatible``, the
    raw provider name (deprecated when it differs from its camelCase form), the camelCase name.
    Deprecated keys add a warning. Embedding models read no camelCase key (``include_camel``),
    as upstream.

    Returns:
        ``(all_options, named_options)``: everything merged, and only what came under the
        provider's raw or camelCase name (the keys that are passed through into a body).
    """
    options = provider_options or {}
    merged: dict[str, Any] = {}
    named: dict[str, Any] = {}
    camel = to_camel_case(name)
    if include_generic:
        deprecated = options.get("openai-compatible")
        if deprecated is not None:
            warnings.append(
                DeprecatedWarning(
                    setting="providerOptions key 'openai-compatible'",
                    message="Use 'openaiCompatible' instead.",
                )
            )
            merged.update(deprecated)
        generic = options.get("openaiCompatible")
        if generic is not None:
            merged.update(generic)
    raw = options.get(name)
    if raw is not None:
        if camel != name:
            warnings.append(
                DeprecatedWarning(
                    setting=f"providerOptions key '{name}'", message=f"Use '{camel}' instead."
                )
            )
        merged.update(raw)
        named.update(raw)
    if include_camel and camel != name:
        camel_options = options.get(camel)
        if camel_options is not None:
            merged.update(camel_options)
            named.update(camel_options)
    return merged, named


def _join_url(base_url: str, path: str, query_params: Mapping[str, str] | None) -> str:
    scheme, netloc, base_path, query, fragment = urlsplit(base_url)
    pairs = parse_qsl(query, keep_blank_values=True)
    if query_params:
        names = set(query_params)
        pairs = [(k, v) for k, v in pairs if k not in names] + list(query_params.items())
    return urlunsplit((scheme, netloc, base_path.rstrip("/") + path, urlencode(pairs), fragment))


@dataclass(slots=True, repr=False, eq=False)
class ProviderConfig:
    """The settings of one provider, shared by the models it creates.

    The API key is never part of ``repr()``.
    """

    name: str
    base_url: str
    api_key: ApiKey | None
    headers: Mapping[str, str | None]
    query_params: Mapping[str, str] | None
    http: HTTPClientHolder
    error_structure: ErrorStructure[Any]
    include_usage: bool = False
    supports_structured_outputs: bool = False
    json_object_schema: bool = False
    null_content_with_tool_calls: bool = True
    transform_request_body: RequestBodyTransform | None = None
    metadata_extractor: MetadataExtractor | None = None
    convert_usage: UsageConverter | None = None
    supported_urls: Mapping[str, Sequence[re.Pattern[str]]] = field(
        default_factory=dict[str, Sequence[re.Pattern[str]]]
    )
    embedding_encoding: Literal["float", "base64"] = "float"
    failed_response_handler: ResponseHandler[APICallError] = field(init=False)
    _urls: dict[str, str] = field(init=False, default_factory=dict[str, str])

    def __post_init__(self) -> None:
        self.failed_response_handler = create_failed_response_handler(self.error_structure)

    def url(self, path: str) -> str:
        """The endpoint URL for ``path`` (e.g. ``/chat/completions``), query parameters added."""
        url = self._urls.get(path)
        if url is None:
            url = self._urls[path] = _join_url(self.base_url, path, self.query_params)
        return url

    async def request_headers(
        self, call_headers: Mapping[str, str | None] | None = None
    ) -> dict[str, str]:
        """Authorization (when there is a key), the provider's headers, then the call's."""
        key = self.api_key
        if key is not None and not isinstance(key, str):
            key = await resolve(key)
        auth = {"authorization": f"Bearer {key}"} if key else None
        return combine_headers(auth, self.headers, call_headers)

    @property
    def user_agent(self) -> tuple[str]:
        """The provider's user-agent token."""
        return (USER_AGENT,)

    async def post(
        self,
        path: str,
        *,
        body: dict[str, Any],
        call_headers: Mapping[str, str | None] | None,
        success: ResponseHandler[T],
    ) -> ResponseResult[T]:
        """POST ``body`` as JSON to the endpoint ``path`` with this provider's client, auth,
        headers, timeout and user agent.

        Raises:
            APICallError: the server answered with an error or could not be reached.
        """
        return await post_json(
            url=self.url(path),
            body=body,
            success=success,
            failure=self.failed_response_handler,
            client=self.http.get(),
            headers=await self.request_headers(call_headers),
            timeout=self.http.request_timeout,
            user_agent=self.user_agent,
        )

    def __repr__(self) -> str:
        return f"ProviderConfig(name={self.name!r}, base_url={self.base_url!r})"
