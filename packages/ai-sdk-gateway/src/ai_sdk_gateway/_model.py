"""What the gateway's language, embedding and image models share: id, transport, o11y context."""

from __future__ import annotations

from typing import Literal

from ai_sdk_gateway._transport import GatewayTransport
from ai_sdk_gateway._vercel import vercel_o11y_env

__all__ = ["GatewayModel"]


class GatewayModel:
    """The base of every gateway model kind: reports ``gateway`` and its ``<creator>/<model>``
    id, and sends its calls through the provider's transport."""

    def __init__(self, model_id: str, transport: GatewayTransport) -> None:
        self._model_id = model_id
        self._transport = transport
        self._o11y_env = vercel_o11y_env()

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

    def __repr__(self) -> str:
        return f"{type(self).__name__}(model_id={self._model_id!r})"
