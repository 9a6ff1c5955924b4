"""Convert validated user messages into the spec `Prompt` a language model receives.

Instructions become leading system messages, string content becomes text parts, file data is
normalized into tagged `FileData` (URLs the model cannot fetch are downloaded), consecutive tool
messages are merged, and tool calls without results are reported before anything is sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ai_sdk.prompt._download import DownloadedFile, DownloadFunction, DownloadRequest
from ai_sdk.prompt._messages import (
    AssistantModelMessage,
    FilePart,
    FilePartData,
    ImagePart,
    ModelMessage,
    ReasoningFilePart,
    SystemModelMessage,
    ToolApprovalRequestPart,
    ToolModelMessage,
    UserModelMessage,
)
from ai_sdk.prompt._standardize import StandardizedPrompt
from ai_sdk.provider import (
    AssistantContentPart,
    AssistantMessage,
    ContentOutput,
    ContentOutputFile,
    ContentOutputItem,
    FileData,
    FileDataBytes,
    FileDataReference,
    FileDataText,
    FileDataUrl,
    InvalidDataContentError,
    InvalidMessageRoleError,
    Message,
    MissingToolResultsError,
    ProviderOptions,
    SystemMessage,
    TextPart,
    ToolApprovalResponsePart,
    ToolContentPart,
    ToolMessage,
    ToolResultOutput,
    ToolResultPart,
    UserContentPart,
    UserMessage,
)
from ai_sdk.provider import FilePart as SpecFilePart
from ai_sdk.provider import ReasoningFilePart as SpecReasoningFilePart
from ai_sdk.provider_utils import detect_media_type, is_url_supported, split_data_url

__all__ = ["convert_to_language_model_prompt", "to_file_data"]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_Downloads = Mapping[str, DownloadedFile]


def _from_url(url: str) -> tuple[FileData, str | None]:
    if url[:5].lower() == "data:":
        media_type, content = split_data_url(url)
        if media_type is None or content is None:
            raise InvalidDataContentError(
                content=url, message=f"Invalid data URL format in content {url[:64]}"
            )
        return FileDataBytes(data=content), media_type
    return FileDataUrl(url=url), None


def to_file_data(data: FilePartData) -> tuple[FileData, str | None]:
    """Normalize user file data into tagged `FileData`, plus the media type of a ``data:`` URL.

    Raises:
        InvalidDataContentError: a ``data:`` URL is malformed or given as inline base64 data.
    """
    if isinstance(data, FileDataBytes):
        if isinstance(data.data, str) and data.data[:5].lower() == "data:":
            raise InvalidDataContentError(
                content=data.data,
                message="Data URLs are not valid inline data; pass them as a URL instead.",
            )
        return data, None
    if isinstance(data, FileDataUrl):
        return _from_url(data.url)
    if isinstance(data, FileDataReference | FileDataText):
        return data, None
    if isinstance(data, bytes):
        return FileDataBytes(data=data), None
    if isinstance(data, str):
        if _URL.match(data):
            return _from_url(data)
        return FileDataBytes(data=data), None
    return FileDataReference(reference=dict(data)), None


def _image_as_file(part: TextPart | ImagePart | FilePart) -> TextPart | FilePart:
    if isinstance(part, ImagePart):
        return FilePart(
            data=part.image,
            media_type=part.media_type or "image",
            provider_options=part.provider_options,
        )
    return part


def _urls_to_fetch(messages: Sequence[ModelMessage]) -> list[tuple[str, str | None]]:
    found: dict[str, str | None] = {}
    for message in messages:
        if isinstance(message, UserModelMessage) and not isinstance(message.content, str):
            for part in message.content:
                file = _image_as_file(part)
                if isinstance(file, FilePart):
                    data, _ = to_file_data(file.data)
                    if isinstance(data, FileDataUrl):
                        found[data.url] = file.media_type
        elif isinstance(message, ToolModelMessage | AssistantModelMessage) and not isinstance(
            message.content, str
        ):
            for item in message.content:
                if isinstance(item, ToolResultPart) and isinstance(item.output, ContentOutput):
                    for entry in item.output.value:
                        if isinstance(entry, ContentOutputFile) and isinstance(
                            entry.data, FileDataUrl
                        ):
                            found[entry.data.url] = entry.media_type
    return list(found.items())


async def _download_assets(
    messages: Sequence[ModelMessage],
    download: DownloadFunction | None,
    supported_urls: Mapping[str, Sequence[re.Pattern[str]]],
) -> dict[str, DownloadedFile]:
    if download is None:
        return {}
    planned = _urls_to_fetch(messages)
    if not planned:
        return {}
    requests = [
        DownloadRequest(
            url=url,
            is_url_supported_by_model=media_type is not None
            and is_url_supported(media_type, url, supported_urls),
        )
        for url, media_type in planned
    ]
    files = await download(requests)
    return {
        request.url: file
        for request, file in zip(requests, files, strict=False)
        if file is not None
    }


def _resolve_file(
    data: FileData, media_type: str | None, downloads: _Downloads
) -> tuple[FileData, str]:
    if isinstance(data, FileDataUrl):
        file = downloads.get(data.url)
        if file is not None:
            data = FileDataBytes(data=file.data)
            if file.media_type is not None and (media_type is None or "/" not in media_type):
                media_type = file.media_type.split(";", 1)[0].strip()
    if isinstance(data, FileDataBytes):
        sniffed = detect_media_type(data.data, "image")
        if sniffed is not None:
            media_type = sniffed
    if media_type is None:
        raise InvalidDataContentError(
            content=data, message="The media type of a file part is missing; set media_type."
        )
    return data, media_type


def _user_file(part: FilePart, downloads: _Downloads) -> SpecFilePart:
    data, url_media_type = to_file_data(part.data)
    data, media_type = _resolve_file(data, url_media_type or part.media_type, downloads)
    return SpecFilePart(
        data=data,
        media_type=media_type,
        filename=part.filename,
        provider_options=part.provider_options,
    )


def _tool_output(output: ToolResultOutput, downloads: _Downloads) -> ToolResultOutput:
    if not isinstance(output, ContentOutput):
        return output
    items: list[ContentOutputItem] = []
    for item in output.value:
        if isinstance(item, ContentOutputFile):
            data, url_media_type = to_file_data(item.data)
            data, media_type = _resolve_file(data, url_media_type or item.media_type, downloads)
            item = item.model_copy(update={"data": data, "media_type": media_type})
        items.append(item)
    return ContentOutput(value=items)


def _tool_result(part: ToolResultPart, downloads: _Downloads) -> ToolResultPart:
    output = _tool_output(part.output, downloads)
    return part if output is part.output else part.model_copy(update={"output": output})


def _user_message(message: UserModelMessage, downloads: _Downloads) -> UserMessage:
    if isinstance(message.content, str):
        content: list[UserContentPart] = [TextPart(text=message.content)]
    else:
        content = []
        for raw in message.content:
            part = _image_as_file(raw)
            if isinstance(part, TextPart):
                if part.text:
                    content.append(part)
            else:
                content.append(_user_file(part, downloads))
    return UserMessage(content=content, provider_options=message.provider_options)


def _assistant_message(message: AssistantModelMessage, downloads: _Downloads) -> AssistantMessage:
    if isinstance(message.content, str):
        return AssistantMessage(
            content=[TextPart(text=message.content)], provider_options=message.provider_options
        )
    content: list[AssistantContentPart] = []
    for part in message.content:
        if isinstance(part, ToolApprovalRequestPart):
            continue
        if isinstance(part, TextPart):
            if part.text or part.provider_options is not None:
                content.append(part)
        elif isinstance(part, FilePart):
            data, url_media_type = to_file_data(part.data)
            content.append(
                SpecFilePart(
                    data=data,
                    media_type=url_media_type or part.media_type,
                    filename=part.filename,
                    provider_options=part.provider_options,
                )
            )
        elif isinstance(part, ReasoningFilePart):
            data, url_media_type = to_file_data(part.data)
            if not isinstance(data, FileDataBytes | FileDataUrl):
                raise InvalidDataContentError(
                    content=part.data,
                    message="Reasoning file data must be bytes, base64 text or a URL.",
                )
            content.append(
                SpecReasoningFilePart(
                    data=data,
                    media_type=url_media_type or part.media_type,
                    provider_options=part.provider_options,
                )
            )
        elif isinstance(part, ToolResultPart):
            content.append(_tool_result(part, downloads))
        else:
            content.append(part)
    return AssistantMessage(content=content, provider_options=message.provider_options)


def _tool_message(message: ToolModelMessage, downloads: _Downloads) -> ToolMessage:
    # Answers to local approvals were acted on by the SDK: only provider-executed ones go on.
    content: list[ToolContentPart] = [
        _tool_result(part, downloads)
        if isinstance(part, ToolResultPart)
        else ToolApprovalResponsePart(
            approval_id=part.approval_id, approved=part.approved, reason=part.reason
        )
        for part in message.content
        if isinstance(part, ToolResultPart) or part.provider_executed
    ]
    return ToolMessage(content=content, provider_options=message.provider_options)


def _convert(message: ModelMessage, downloads: _Downloads) -> Message:
    if isinstance(message, SystemModelMessage):
        return SystemMessage(content=message.content, provider_options=message.provider_options)
    if isinstance(message, UserModelMessage):
        return _user_message(message, downloads)
    if isinstance(message, AssistantModelMessage):
        return _assistant_message(message, downloads)
    if isinstance(message, ToolModelMessage):  # pyright: ignore[reportUnnecessaryIsInstance]
        return _tool_message(message, downloads)
    raise InvalidMessageRoleError(role=str(getattr(message, "role", message)))


def _merge_options(
    base: ProviderOptions | None, override: ProviderOptions | None
) -> ProviderOptions | None:
    if base is None:
        return override
    if override is None:
        return base
    merged = {name: dict(values) for name, values in base.items()}
    for name, values in override.items():
        merged[name] = {**merged.get(name, {}), **values}
    return merged


def _merge_tool_messages(messages: list[Message]) -> list[Message]:
    combined: list[Message] = []
    for message in messages:
        last = combined[-1] if combined else None
        if not isinstance(message, ToolMessage) or not isinstance(last, ToolMessage):
            combined.append(message)
            continue
        content = list(last.content)
        if content and last.provider_options is not None:
            # The earlier message's options would be lost with its envelope: keep them on its
            # last part.
            tail = content[-1]
            content[-1] = tail.model_copy(
                update={
                    "provider_options": _merge_options(last.provider_options, tail.provider_options)
                }
            )
        content.extend(message.content)
        combined[-1] = ToolMessage(content=content, provider_options=message.provider_options)
    return combined


def _check_tool_results(messages: Sequence[Message]) -> None:
    pending: dict[str, None] = {}
    for message in messages:
        if isinstance(message, AssistantMessage):
            for part in message.content:
                if part.type == "tool-call" and not part.provider_executed:
                    pending[part.tool_call_id] = None
        elif isinstance(message, ToolMessage):
            for part in message.content:
                if isinstance(part, ToolResultPart):
                    pending.pop(part.tool_call_id, None)
        elif pending:
            raise MissingToolResultsError(tool_call_ids=list(pending))
    if pending:
        raise MissingToolResultsError(tool_call_ids=list(pending))


async def convert_to_language_model_prompt(
    prompt: StandardizedPrompt,
    *,
    supported_urls: Mapping[str, Sequence[re.Pattern[str]]],
    download: DownloadFunction | None,
) -> list[Message]:
    """Build the spec prompt for one model call.

    Args:
        prompt: the standardized prompt.
        supported_urls: the model's ``supported_urls``; file URLs that match are passed through.
        download: fetches the other file URLs (``None`` passes every URL through).

    Raises:
        MissingToolResultsError: an assistant tool call has no result before the next user or
            system message (or at the end); the error lists the tool call ids.
        InvalidDataContentError: file data is malformed or has no media type.
        DownloadError: a file could not be downloaded.
    """
    downloads = await _download_assets(prompt.messages, download, supported_urls)
    converted: list[Message] = []
    instructions = prompt.instructions
    if isinstance(instructions, str):
        converted.append(SystemMessage(content=instructions))
    elif instructions is not None:
        converted.extend(
            SystemMessage(content=m.content, provider_options=m.provider_options)
            for m in instructions
        )
    converted.extend(_convert(message, downloads) for message in prompt.messages)
    combined = _merge_tool_messages(converted)
    _check_tool_results(combined)
    return [m for m in combined if not (isinstance(m, ToolMessage) and not m.content)]
