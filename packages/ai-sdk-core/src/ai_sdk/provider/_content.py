"""What a language model generates: the content items of a generate result (also stream parts).

Plain data like the stream-only parts (`_stream.py`): slotted, frozen stdlib dataclasses on
`WireData`, built by keyword without validation. A pydantic `TypeAdapter` reads and writes their
camelCase JSON where they cross the wire (the gateway parses them inside `GenerateResult` and
its stream; `to_wire` dumps them). Derive a changed copy with `dataclasses.replace`. The file data
they hold (`FileDataBytes`, `FileDataUrl`) stays pydantic, because prompts share it.
"""

from dataclasses import dataclass
from typing import Annotated, Literal, TypeAlias, cast

from pydantic import Discriminator, Field, Tag

from ai_sdk.provider._shared import GeneratedFileData
from ai_sdk.provider._wire import JSONValue, ProviderMetadata, WireData

__all__ = [
    "Content",
    "CustomContent",
    "DocumentSource",
    "FileContent",
    "ReasoningContent",
    "ReasoningFileContent",
    "Source",
    "TextContent",
    "ToolApprovalRequestContent",
    "ToolCallContent",
    "ToolResultContent",
    "UrlSource",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class TextContent(WireData):
    """Generated text."""

    type: Literal["text"] = "text"
    text: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasoningContent(WireData):
    """Generated reasoning text."""

    type: Literal["reasoning"] = "reasoning"
    text: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomContent(WireData):
    """Provider-specific content that has no standard type, named `<provider>.<type>`."""

    type: Literal["custom"] = "custom"
    kind: str
    """`<provider>.<type>`, e.g. `openai.compaction`."""
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FileContent(WireData):
    """A generated file (e.g. an image), inline or by URL, as the provider returned it."""

    type: Literal["file"] = "file"
    media_type: str
    """IANA media type, e.g. `image/png`."""
    data: GeneratedFileData
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasoningFileContent(WireData):
    """A file generated as part of reasoning."""

    type: Literal["reasoning-file"] = "reasoning-file"
    media_type: str
    data: GeneratedFileData
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolApprovalRequestContent(WireData):
    """The provider asks for approval before running a (provider-executed) tool call."""

    type: Literal["tool-approval-request"] = "tool-approval-request"
    approval_id: str
    tool_call_id: str
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UrlSource(WireData):
    """A web page the model used as a source."""

    type: Literal["source"] = "source"
    source_type: Literal["url"] = "url"
    id: str
    url: str
    title: str | None = None
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentSource(WireData):
    """A document the model used as a source."""

    type: Literal["source"] = "source"
    source_type: Literal["document"] = "document"
    id: str
    media_type: str
    title: str
    filename: str | None = None
    provider_metadata: ProviderMetadata | None = None


def _source_type(value: object) -> object:
    # A callable rather than `discriminator="source_type"`: pydantic < 2.10 cannot serialize a
    # tagged union whose tag field has an alias (it warns on every dump).
    if isinstance(value, dict):
        raw = cast("dict[str, object]", value)
        return raw.get("sourceType", raw.get("source_type"))
    return getattr(value, "source_type", None)


Source: TypeAlias = Annotated[
    Annotated[UrlSource, Tag("url")] | Annotated[DocumentSource, Tag("document")],
    Discriminator(_source_type),
]
"""A source the model cited; both kinds have `type="source"` and differ in `sourceType`."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolCallContent(WireData):
    """A tool call the model made."""

    type: Literal["tool-call"] = "tool-call"
    tool_call_id: str
    tool_name: str
    input: str
    """The tool input as JSON **text**, exactly as generated (unlike `ToolCallPart.input`)."""
    provider_executed: bool | None = None
    """Whether the provider runs the tool itself."""
    dynamic: bool | None = None
    """Whether the tool is dynamic (defined at run time, not known in advance)."""
    provider_metadata: ProviderMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolResultContent(WireData):
    """The result of a tool the provider ran itself."""

    type: Literal["tool-result"] = "tool-result"
    tool_call_id: str
    tool_name: str
    result: JSONValue
    """The result; never `null`."""
    is_error: bool | None = None
    preliminary: bool | None = None
    """A preliminary result that a later result for the same call replaces."""
    dynamic: bool | None = None
    provider_metadata: ProviderMetadata | None = None


Content: TypeAlias = Annotated[
    TextContent
    | ReasoningContent
    | CustomContent
    | ReasoningFileContent
    | FileContent
    | ToolApprovalRequestContent
    | Source
    | ToolCallContent
    | ToolResultContent,
    Field(discriminator="type"),
]
"""One generated content item, tagged by `type` (sources further by `sourceType`)."""
