"""What every gateway model kind shares: id, transport, o11y context, the clock of its responses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import ClassVar, Literal, TypeVar

from ai_sdk.provider import JSONValue
from ai_sdk.provider_utils import ResponseHandler, ResponseResult
from ai_sdk_gateway._transport import GatewayTransport
from ai_sdk_gateway._vercel import vercel_o11y_env, vercel_o11y_headers

__all__ = ["GatewayModel"]

T = TypeVar("T")


def _utc_now() -> datetime:
    return datetime.now(UTC)


class GatewayModel:
    """The base of every gateway model kind: reports ``gateway`` and its ``<creator>/<model>``
    id, and sends its calls through the provider's transport."""

    _kind: ClassVar[str]
    """``language``, ``embedding``, ``image``, ``reranking``, ... : names the endpoint and the
    model headers."""

    def __init__(
        self,
        model_id: str,
        transport: GatewayTransport,
        *,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._model_id = model_id
        self._transport = transport
        self._o11y_env = vercel_o11y_env()
        self._now = now
        """The time stamped on a response the model builds itself (image, speech, ...)."""

    @property
    def specification_version(self) -> Literal["v4"]:
        """Always ``"v4"``."""
        return "v4"

    @property
    def provider(self) -> str:
        """``"gateway"``."""
        return "gateway"

    @property
    def model_id(self) -> str:
        """The gateway model id, ``<creator>/<model>``."""
        return self._model_id

    def _model_headers(self) -> dict[str, str | None]:
        """The headers that name the model and the spec version it speaks."""
        return {f"ai-{self._kind}-model-specification-version": "4", "ai-model-id": self._model_id}

    async def _post(
        self,
        body: JSONValue,
        call_headers: Mapping[str, str | None] | None,
        success: ResponseHandler[T],
        model_headers: Mapping[str, str | None] | None = None,
        path: str | None = None,
    ) -> ResponseResult[T]:
        """POST ``body`` to ``{base_url}/{path}`` (``{kind}-model`` by default) with the call's
        headers, then the model's (`_model_headers` by default), then Vercel's observability
        headers."""
        if model_headers is None:
            model_headers = self._model_headers()
        return await self._transport.post(
            f"{self._transport.base_url}/{path or f'{self._kind}-model'}",
            body=body,
            headers=[call_headers or {}, model_headers, vercel_o11y_headers(self._o11y_env)],
            success=success,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(model_id={self._model_id!r})"
