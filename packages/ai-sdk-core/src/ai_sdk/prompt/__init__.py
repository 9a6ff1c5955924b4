"""From what users pass (a prompt string, message dicts, settings, tools) to what a model receives.

`standardize_prompt` validates the prompt arguments, `convert_to_language_model_prompt` builds the
spec prompt (downloading file URLs the model cannot fetch), `prepare_call_settings` checks the
settings and `prepare_tools`/`prepare_tool_choice` describe the tools.
"""

from typing import TYPE_CHECKING, Any

from ai_sdk._lazy import LazyExports

_exports = LazyExports(__name__, __file__, globals())


def __getattr__(name: str) -> Any:
    return _exports.get(name)


def __dir__() -> list[str]:
    return _exports.names()


if TYPE_CHECKING:  # each name is imported on first use (`ai_sdk._lazy`)
    from ai_sdk.prompt._call_settings import CallSettings as CallSettings
    from ai_sdk.prompt._call_settings import TimeoutConfig as TimeoutConfig
    from ai_sdk.prompt._call_settings import prepare_call_settings as prepare_call_settings
    from ai_sdk.prompt._call_settings import prepare_timeout as prepare_timeout
    from ai_sdk.prompt._convert import (
        convert_to_language_model_prompt as convert_to_language_model_prompt,
    )
    from ai_sdk.prompt._convert import to_file_data as to_file_data
    from ai_sdk.prompt._download import DEFAULT_MAX_DOWNLOAD_BYTES as DEFAULT_MAX_DOWNLOAD_BYTES
    from ai_sdk.prompt._download import DownloadedFile as DownloadedFile
    from ai_sdk.prompt._download import DownloadFunction as DownloadFunction
    from ai_sdk.prompt._download import DownloadRequest as DownloadRequest
    from ai_sdk.prompt._download import create_download as create_download
    from ai_sdk.prompt._download import validate_download_url as validate_download_url
    from ai_sdk.prompt._messages import AssistantModelMessage as AssistantModelMessage
    from ai_sdk.prompt._messages import FilePart as FilePart
    from ai_sdk.prompt._messages import FilePartData as FilePartData
    from ai_sdk.prompt._messages import ImagePart as ImagePart
    from ai_sdk.prompt._messages import Instructions as Instructions
    from ai_sdk.prompt._messages import ModelMessage as ModelMessage
    from ai_sdk.prompt._messages import ReasoningFilePart as ReasoningFilePart
    from ai_sdk.prompt._messages import ResponseMessage as ResponseMessage
    from ai_sdk.prompt._messages import SystemModelMessage as SystemModelMessage
    from ai_sdk.prompt._messages import ToolApprovalRequestPart as ToolApprovalRequestPart
    from ai_sdk.prompt._messages import ToolModelMessage as ToolModelMessage
    from ai_sdk.prompt._messages import UserModelMessage as UserModelMessage
    from ai_sdk.prompt._prepare_tools import ToolChoiceInput as ToolChoiceInput
    from ai_sdk.prompt._prepare_tools import filter_active_tools as filter_active_tools
    from ai_sdk.prompt._prepare_tools import prepare_tool_choice as prepare_tool_choice
    from ai_sdk.prompt._prepare_tools import prepare_tools as prepare_tools
    from ai_sdk.prompt._standardize import StandardizedPrompt as StandardizedPrompt
    from ai_sdk.prompt._standardize import standardize_prompt as standardize_prompt
    from ai_sdk.prompt._standardize import validate_instructions as validate_instructions
    from ai_sdk.prompt._standardize import validate_messages as validate_messages

__all__ = [
    "DEFAULT_MAX_DOWNLOAD_BYTES",
    "AssistantModelMessage",
    "CallSettings",
    "DownloadFunction",
    "DownloadRequest",
    "DownloadedFile",
    "FilePart",
    "FilePartData",
    "ImagePart",
    "Instructions",
    "ModelMessage",
    "ReasoningFilePart",
    "ResponseMessage",
    "StandardizedPrompt",
    "SystemModelMessage",
    "TimeoutConfig",
    "ToolApprovalRequestPart",
    "ToolChoiceInput",
    "ToolModelMessage",
    "UserModelMessage",
    "convert_to_language_model_prompt",
    "create_download",
    "filter_active_tools",
    "prepare_call_settings",
    "prepare_timeout",
    "prepare_tool_choice",
    "prepare_tools",
    "standardize_prompt",
    "to_file_data",
    "validate_download_url",
    "validate_instructions",
    "validate_messages",
]
