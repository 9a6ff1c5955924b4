"""The image model: ``POST /images/generations`` (or ``/images/edits`` when input images are given).

No ``response_format`` is forced (some servers reject it); images come back as base64
(``b64_json``) or as URLs. URLs are downloaded here; the provider's headers, API key included,
go only to URLs on the server's own origin (a local server's file route), never to another host
such as a storage bucket.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, cast
from urllib.parse import urlsplit

import httpx

from ai_sdk.provider import (
    APICallError,
    CallWarning,
    ImageCallOptions,
    ImageFile,
    ImageFileUrl,
    ImageResponseInfo,
    ImageResult,
    ImageUsage,
    JSONObject,
    ProviderMetadata,
    UnsupportedWarning,
)
from ai_sdk.provider_utils import (
    convert_base64_to_bytes,
    create_binary_response_handler,
    create_json_response_handler,
    create_status_code_error_response_handler,
    get_json,
    post_json,
    post_to_api,
)
from ai_sdk_openai_compatible._chat_messages import json_text
from ai_sdk_openai_compatible._config import (
    DEFAULT_MAX_IMAGES_PER_CALL,
    ProviderConfig,
    merged_options,
    metadata_key,
)
from ai_sdk_openai_compatible._mapping import as_list, as_object, count
from ai_sdk_openai_compatible._model import OpenAICompatibleModel

__all__ = ["DEFAULT_MAX_IMAGES_PER_CALL", "OpenAICompatibleImageModel"]

_json_handler = create_json_response_handler()
_binary_handler = create_binary_response_handler()
_download_failure = create_status_code_error_response_handler()


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


class OpenAICompatibleImageModel(OpenAICompatibleModel):
    """An image model of an OpenAI-compatible server (``provider.image_model``).

    Provider options under the provider's name (``size``, ``quality``, ``output_format``,
    ``output_compression``, ``background``, ``response_format``, ...) are copied into the body.

    Args:
        model_id: the server's model name.
        config: the provider's shared settings.
        max_images_per_call: the most images one request asks for (default 10).
        current_date: the clock for the response timestamp (for tests).
    """

    _kind = "image"

    def __init__(
        self,
        model_id: str,
        config: ProviderConfig,
        *,
        max_images_per_call: int | None = DEFAULT_MAX_IMAGES_PER_CALL,
        current_date: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(model_id, config)
        self._max = max_images_per_call
        self._now = current_date or (lambda: datetime.now(UTC))

    @property
    def max_images_per_call(self) -> int | None:
        """The most images one call makes."""
        return self._max

    async def do_generate(self, options: ImageCallOptions) -> ImageResult:
        """Generate (or, with ``files``, edit) images.

        Raises:
            APICallError: the server answered with an error, could not be reached, an image
                URL could not be downloaded, or the response holds no images.
        """
        config = self._config
        warnings: list[CallWarning] = []
        if options.aspect_ratio is not None:
            warnings.append(
                UnsupportedWarning(
                    feature="aspectRatio",
                    details="This model does not support aspect ratio. Use `size` instead.",
                )
            )
        if options.seed is not None:
            warnings.append(UnsupportedWarning(feature="seed"))
        _, named = merged_options(
            config.name, options.provider_options, warnings, include_generic=False
        )
        timestamp = self._now()
        headers = await config.request_headers(options.headers)
        if options.files:
            url = config.url("/images/edits")
            body: dict[str, Any] = {"model": self._model_id}
            result = await self._post_edit(url, options, named, headers, body)
        else:
            url = config.url("/images/generations")
            body = {"model": self._model_id}
            if options.prompt is not None:
                body["prompt"] = options.prompt
            body["n"] = options.n
            if options.size is not None:
                body["size"] = options.size
            body.update(named)
            result = await post_json(
                url=url,
                body=body,
                success=_json_handler,
                failure=config.failed_response_handler,
                client=config.http.get(),
                headers=headers,
                timeout=config.http.request_timeout,
                user_agent=config.user_agent,
            )
        response = as_object(result.value)
        data = as_list(response.get("data"))
        if not data:
            raise APICallError(
                "Invalid image response: expected a non-empty 'data' list.",
                url=url,
                request_body_values=body,
                status_code=200,
                response_headers=result.response_headers,
                response_body=json_text(result.value),
                is_retryable=False,
            )
        items = [as_object(item) for item in data]
        images = await self._images(items, url, body, headers, result.response_headers)
        usage = response.get("usage")
        return ImageResult(
            images=images,
            warnings=warnings,
            provider_metadata=self._metadata(items, options),
            response=ImageResponseInfo(
                timestamp=timestamp, model_id=self._model_id, headers=result.response_headers
            ),
            usage=(
                ImageUsage(
                    input_tokens=count(cast("JSONObject", usage).get("input_tokens")),
                    output_tokens=count(cast("JSONObject", usage).get("output_tokens")),
                    total_tokens=count(cast("JSONObject", usage).get("total_tokens")),
                )
                if isinstance(usage, dict)
                else None
            ),
        )

    def _metadata(
        self, items: list[dict[str, Any]], options: ImageCallOptions
    ) -> ProviderMetadata | None:
        revised = [item.get("revised_prompt") for item in items]
        if not any(isinstance(text, str) for text in revised):
            return None
        entries: list[Any] = [
            {"revisedPrompt": text} if isinstance(text, str) else {} for text in revised
        ]
        return {metadata_key(self._config.name, options.provider_options): {"images": entries}}

    async def _images(
        self,
        items: list[dict[str, Any]],
        url: str,
        body: object,
        headers: dict[str, str],
        response_headers: dict[str, str],
    ) -> list[str] | list[bytes]:
        encoded: list[str | None] = []
        for item in items:
            b64 = item.get("b64_json")
            encoded.append(b64 if isinstance(b64, str) and b64 else None)
        if all(value is not None for value in encoded):
            return cast("list[str]", encoded)
        images: list[bytes] = []
        for item, b64 in zip(items, encoded, strict=True):
            if b64 is not None:
                images.append(convert_base64_to_bytes(b64))
                continue
            image_url = item.get("url")
            if not isinstance(image_url, str) or not image_url:
                raise APICallError(
                    "Invalid image response: an image has neither 'b64_json' nor 'url'.",
                    url=url,
                    request_body_values=body,
                    status_code=200,
                    response_headers=response_headers,
                    response_body=json_text(items),
                    is_retryable=False,
                )
            images.append(await self._download(image_url, headers))
        return images

    async def _download(self, url: str, headers: dict[str, str]) -> bytes:
        """Fetch a generated image; the API key goes only to the server's own origin."""
        same_origin = _origin(url) == _origin(self._config.base_url)
        result = await get_json(
            url=url,
            success=_binary_handler,
            failure=_download_failure,
            client=self._config.http.get(),
            headers=headers if same_origin else None,
            timeout=self._config.http.request_timeout,
            user_agent=self._config.user_agent,
        )
        return result.value

    async def _file_bytes(self, file: ImageFile, headers: dict[str, str]) -> bytes:
        if isinstance(file, ImageFileUrl):
            return await self._download(file.url, headers)
        data = file.data
        return convert_base64_to_bytes(data) if isinstance(data, str) else data

    async def _post_edit(
        self,
        url: str,
        options: ImageCallOptions,
        named: dict[str, Any],
        headers: dict[str, str],
        body: dict[str, Any],
    ) -> Any:
        fields: dict[str, str] = {}
        if options.prompt is not None:
            fields["prompt"] = options.prompt
        fields["n"] = str(options.n)
        if options.size is not None:
            fields["size"] = options.size
        for key, value in named.items():
            fields[key] = value if isinstance(value, str) else json_text(value)
        files = options.files or []
        field_name = "image" if len(files) == 1 else "image[]"
        uploads: list[tuple[str, tuple[str, bytes, str]]] = []
        for position, file in enumerate(files):
            media_type = file.media_type if not isinstance(file, ImageFileUrl) else "image/png"
            content = await self._file_bytes(file, headers)
            uploads.append((field_name, (f"image-{position}", content, media_type)))
        if options.mask is not None:
            mask = options.mask
            media_type = mask.media_type if not isinstance(mask, ImageFileUrl) else "image/png"
            uploads.append(("mask", ("mask", await self._file_bytes(mask, headers), media_type)))
        fields = {"model": self._model_id, **fields}
        request = httpx.Request("POST", url, data=fields, files=uploads)
        content = request.read()
        body.update(fields)
        body["files"] = [name for name, _ in uploads]
        config = self._config
        return await post_to_api(
            url=url,
            content=content,
            body_values=body,
            success=_json_handler,
            failure=config.failed_response_handler,
            client=config.http.get(),
            headers={**headers, "content-type": request.headers["content-type"]},
            timeout=config.http.request_timeout,
            user_agent=config.user_agent,
        )
