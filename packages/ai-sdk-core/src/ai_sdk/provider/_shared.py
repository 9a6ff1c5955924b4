"""Types every model kind shares: the model's identity, file data and call warnings."""

from typing import Annotated, Literal, Protocol, TypeAlias

from pydantic import Field

from ai_sdk.provider._wire import WireBytes, WireModel

__all__ = [
    "CallWarning",
    "CompatibilityWarning",
    "DeprecatedWarning",
    "FileData",
    "FileDataBytes",
    "FileDataReference",
    "FileDataText",
    "FileDataUrl",
    "GeneratedFileData",
    "OtherWarning",
    "UnsupportedWarning",
]


class ModelIdentity(Protocol):
    """What every model kind reports about itself (the common part of `LanguageModel`,
    `EmbeddingModel` and `ImageModel`)."""

    @property
    def specification_version(self) -> Literal["v4"]:
        """Always `"v4"`."""
        ...

    @property
    def provider(self) -> str:
        """The provider name, e.g. `openai.chat` or `gateway`."""
        ...

    @property
    def model_id(self) -> str:
        """The provider's model id, e.g. `gpt-5`."""
        ...


class FileDataBytes(WireModel):
    """Inline file content: raw `bytes` or base64 text (sent as base64 either way)."""

    type: Literal["data"] = "data"
    data: str | WireBytes
    """The content; a `str` is taken to be base64 already and is passed through unchanged."""


class FileDataUrl(WireModel):
    """File content the model (or the SDK) fetches from a URL."""

    type: Literal["url"] = "url"
    url: str
    """An absolute URL, e.g. `https://...` or a `data:` URL."""


class FileDataReference(WireModel):
    """A file already uploaded to a provider, named by its provider-side id."""

    type: Literal["reference"] = "reference"
    reference: dict[str, str]
    """Provider name to that provider's file id, e.g. `{"openai": "file-abc"}`."""


class FileDataText(WireModel):
    """File content given as plain text (e.g. a text document)."""

    type: Literal["text"] = "text"
    text: str


FileData: TypeAlias = Annotated[
    FileDataBytes | FileDataUrl | FileDataReference | FileDataText,
    Field(discriminator="type"),
]
"""The content of a file in a prompt, tagged by `type`."""

GeneratedFileData: TypeAlias = Annotated[FileDataBytes | FileDataUrl, Field(discriminator="type")]
"""The content of a file a model generated, or of a reasoning file: inline bytes or a URL."""


class UnsupportedWarning(WireModel):
    """The model does not support a feature that the call used; it was ignored."""

    type: Literal["unsupported"] = "unsupported"
    feature: str
    """The unsupported feature, e.g. a setting name or `tool:<name>`."""
    details: str | None = None


class CompatibilityWarning(WireModel):
    """A feature was used in a compatibility mode that may behave differently than expected."""

    type: Literal["compatibility"] = "compatibility"
    feature: str
    details: str | None = None


class DeprecatedWarning(WireModel):
    """A setting the call used is deprecated."""

    type: Literal["deprecated"] = "deprecated"
    setting: str
    message: str


class OtherWarning(WireModel):
    """Any other warning, as a message."""

    type: Literal["other"] = "other"
    message: str


CallWarning: TypeAlias = Annotated[
    UnsupportedWarning | CompatibilityWarning | DeprecatedWarning | OtherWarning,
    Field(discriminator="type"),
]
"""A warning a model reports about a call (unsupported settings and the like), tagged by `type`."""
