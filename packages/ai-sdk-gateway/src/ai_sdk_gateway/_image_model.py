"""The gateway image model: one call for all ``n`` images; the server splits it if it must."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ai_sdk.provider import (
    ImageCallOptions,
    ImageResult,
    JSONObject,
    JSONValue,
    TypeValidationError,
    to_wire,
)
from ai_sdk_gateway._model import GatewayModel
from ai_sdk_gateway._transport import validated_json_handler

if TYPE_CHECKING:
    from ai_sdk.provider import ImageModel

__all__ = ["MAX_IMAGES_PER_CALL", "GatewayImageModel"]

MAX_IMAGES_PER_CALL = 2**53 - 1
"""Large enough that the SDK never splits a request: the gateway does that where needed."""


class GatewayImageModel(GatewayModel):
    """An image model behind the Vercel AI Gateway, e.g. ``openai/gpt-image-1``.

    Create it with ``gateway.image_model(...)``. Images come back as base64 text.
    """

    _kind = "image"

    @property
    def max_images_per_call(self) -> int | None:
        """`MAX_IMAGES_PER_CALL`: never split on the client."""
        return MAX_IMAGES_PER_CALL

    async def do_generate(self, options: ImageCallOptions) -> ImageResult:
        """Generate ``options.n`` images (or edit ``options.files``).

        Args:
            options: the prompt, count, size or aspect ratio, seed, input files and mask.

        Raises:
            GatewayError: the call failed.
        """
        body: JSONObject = {}
        if options.prompt is not None:
            body["prompt"] = options.prompt
        body["n"] = options.n
        if options.size:
            body["size"] = options.size
        if options.aspect_ratio:
            body["aspectRatio"] = options.aspect_ratio
        if options.seed is not None:
            body["seed"] = options.seed
        body["providerOptions"] = dict(options.provider_options)
        if options.files:
            body["files"] = [to_wire(file) for file in options.files]
        if options.mask is not None:
            body["mask"] = to_wire(options.mask)
        result = await self._post(body, options.headers, validated_json_handler(self._parse))
        parsed = result.value
        return parsed.model_copy(
            update={
                "response": parsed.response.model_copy(update={"headers": result.response_headers})
            }
        )

    def _parse(self, raw: JSONValue) -> ImageResult:
        if not isinstance(raw, dict):
            raise TypeValidationError(value=raw, cause="the image result must be a JSON object")
        payload = dict(raw)
        if payload.get("usage", 0) is None:  # `usage: null` is allowed on the wire
            del payload["usage"]
        # The response info is the client's (time of receipt, requested id), as upstream.
        payload["response"] = {"timestamp": self._now().isoformat(), "modelId": self._model_id}
        return ImageResult.model_validate(payload)


if TYPE_CHECKING:
    _conforms_to_spec: type[ImageModel] = GatewayImageModel
