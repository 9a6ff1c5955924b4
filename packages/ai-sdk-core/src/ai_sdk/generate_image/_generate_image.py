"""`generate_image`: make ``n`` images with as many parallel model calls as the model needs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import NotRequired, TypedDict, cast

from ai_sdk._files import GeneratedFile
from ai_sdk._parallel import run_bounded, validate_positive_int
from ai_sdk._sync import sync_twin
from ai_sdk._version import __version__
from ai_sdk.generate_image._result import GenerateImageResult
from ai_sdk.provider import (
    CallWarning,
    ImageCallOptions,
    ImageFile,
    ImageFileData,
    ImageFileUrl,
    ImageModel,
    ImageResponseInfo,
    ImageResult,
    ImageUsage,
    JSONValue,
    NoImageGeneratedError,
    ProviderMetadata,
    ProviderOptions,
)
from ai_sdk.provider_utils import (
    DEFAULT_MAX_RETRIES,
    DataContent,
    convert_base64_to_bytes,
    detect_media_type,
    retry_with_backoff,
    split_data_url,
    validate_max_retries,
    with_user_agent_suffix,
)
from ai_sdk.registry._resolve import resolve_image_model

__all__ = ["GenerateImagePrompt", "generate_image", "generate_image_sync"]

_DEFAULT_MEDIA_TYPE = "image/png"


class GenerateImagePrompt(TypedDict):
    """A prompt with input images, for editing or variations."""

    images: Sequence[DataContent]
    """Input images: bytes, base64 text, a ``data:`` URL or an ``http(s)://`` URL."""
    text: NotRequired[str]
    """What to do with them."""
    mask: NotRequired[DataContent]
    """A mask for inpainting, in the same forms as the images."""


def _sniff(data: bytes) -> str:
    return detect_media_type(data, "image") or _DEFAULT_MEDIA_TYPE


def _image_file(data: DataContent) -> ImageFile:
    if isinstance(data, str):
        lowered = data[:8].lower()
        if lowered.startswith(("http://", "https://")):
            return ImageFileUrl(url=data)
        if lowered.startswith("data:"):
            media_type, content = split_data_url(data)
            if content is not None:
                raw = convert_base64_to_bytes(content)
                return ImageFileData(data=raw, media_type=media_type or _sniff(raw))
        raw = convert_base64_to_bytes(data)
    else:
        raw = bytes(data)
    return ImageFileData(data=raw, media_type=_sniff(raw))


def _call_counts(n: int, per_call: int) -> list[int]:
    full, rest = divmod(n, per_call)
    return [per_call] * full + ([rest] if rest else [])


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None and b is None else (a or 0) + (b or 0)


def _merge_metadata(merged: ProviderMetadata, metadata: ProviderMetadata | None) -> None:
    # Each provider's `images` list has one entry per image, so the lists are joined across
    # calls; other keys are merged, later calls winning.
    for provider, entry in (metadata or {}).items():
        target = merged.setdefault(provider, {})
        images: JSONValue = entry.get("images")
        for key, value in entry.items():
            if key != "images":
                target[key] = value
        if isinstance(images, list):
            joined = target.get("images")
            target["images"] = [*(joined if isinstance(joined, list) else []), *images]


async def generate_image(
    *,
    model: ImageModel | str,
    prompt: str | GenerateImagePrompt,
    n: int = 1,
    max_images_per_call: int | None = None,
    max_parallel_calls: int | None = None,
    size: str | None = None,
    aspect_ratio: str | None = None,
    seed: int | None = None,
    provider_options: ProviderOptions | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str | None] | None = None,
) -> GenerateImageResult:
    """Generate images with an image model.

    ``n`` images take ``ceil(n / per_call)`` calls, run in parallel and retried each on its own;
    ``per_call`` is ``max_images_per_call``, else the model's `max_images_per_call`, else 1. The
    media type of each image is sniffed from its bytes (``image/png`` when unrecognised).

    Example::

        result = await generate_image(model=model, prompt="a lighthouse at dusk", n=2)
        Path("out.png").write_bytes(result.image.data)

    Args:
        model: The image model, or a string id resolved through the default provider.
        prompt: The text prompt, or a `GenerateImagePrompt` with input images (and a mask).
        n: How many images to generate.
        max_images_per_call: Overrides the model's limit of images per call.
        max_parallel_calls: The most calls in flight at once; ``None`` means no limit.
        size: ``"{width}x{height}"``, e.g. ``"1024x1024"``.
        aspect_ratio: ``"{width}:{height}"``, e.g. ``"16:9"``.
        seed: A seed, for models that support reproducible output.
        provider_options: Provider-specific options, keyed by provider.
        max_retries: Retries per call for retryable errors (0 disables).
        headers: Extra HTTP headers; a ``None`` value removes a header.

    Raises:
        NoImageGeneratedError: The model returned no images (``responses`` says what it did).
        RetryError: Every attempt of a call failed with a retryable error.
        APICallError: A provider call failed with an error that is not retried.
        InvalidArgumentError: ``n``, ``max_images_per_call``, ``max_parallel_calls`` or
            ``max_retries`` is invalid.
    """
    validate_max_retries(max_retries)
    validate_positive_int(n, "n")
    if max_parallel_calls is not None:
        validate_positive_int(max_parallel_calls, "max_parallel_calls")
    resolved = resolve_image_model(model)
    per_call = (
        max_images_per_call
        if max_images_per_call is not None
        else resolved.max_images_per_call or 1
    )
    validate_positive_int(per_call, "max_images_per_call")

    if isinstance(prompt, str):
        text, files, mask = prompt, None, None
    else:
        text = prompt.get("text")
        files = [_image_file(image) for image in prompt["images"]]
        mask_data = prompt.get("mask")
        mask = _image_file(mask_data) if mask_data is not None else None
    # As upstream: the SDK's `ai/<version>` token joins the user-agent of the call.
    header_dict = cast(
        "dict[str, str | None]", with_user_agent_suffix(headers, f"ai/{__version__}")
    )

    async def one_call(count: int) -> ImageResult:
        options = ImageCallOptions(
            prompt=text,
            n=count,
            size=size,
            aspect_ratio=aspect_ratio,
            seed=seed,
            files=files,
            mask=mask,
            provider_options=provider_options or {},
            headers=header_dict,
        )
        return await retry_with_backoff(
            lambda: resolved.do_generate(options), max_retries=max_retries
        )

    results = await run_bounded(
        [partial(one_call, count) for count in _call_counts(n, per_call)], max_parallel_calls
    )

    images: list[GeneratedFile] = []
    warnings: list[CallWarning] = []
    responses: list[ImageResponseInfo] = []
    metadata: ProviderMetadata = {}
    usage = ImageUsage()
    for result in results:
        for image in result.images:
            # Sniffing decodes only the first bytes of base64 text; the file converts lazily.
            media_type = detect_media_type(image, "image") or _DEFAULT_MEDIA_TYPE
            images.append(GeneratedFile(data=image, media_type=media_type))
        warnings.extend(result.warnings)
        responses.append(result.response)
        _merge_metadata(metadata, result.provider_metadata)
        if result.usage is not None:
            usage = ImageUsage(
                input_tokens=_add(usage.input_tokens, result.usage.input_tokens),
                output_tokens=_add(usage.output_tokens, result.usage.output_tokens),
                total_tokens=_add(usage.total_tokens, result.usage.total_tokens),
            )
    # The gateway reports per-image metadata elsewhere; an empty list there is noise.
    gateway = metadata.get("gateway")
    if gateway is not None and gateway.get("images") == []:
        del gateway["images"]

    if not images:
        raise NoImageGeneratedError(
            f"No image generated: the {resolved.provider} model {resolved.model_id!r} returned "
            f"no images in {len(results)} call(s). Check the prompt and the model's warnings.",
            responses=responses,
        )
    return GenerateImageResult(
        images=images,
        warnings=warnings,
        responses=responses,
        provider_metadata=metadata,
        usage=usage,
    )


generate_image_sync = sync_twin(generate_image)
"""`generate_image` for synchronous code (works inside a running event loop too)."""
