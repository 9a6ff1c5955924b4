"""From what users pass (a prompt string, message dicts, settings, tools) to what a model receives.

`standardize_prompt` validates the prompt arguments, `convert_to_language_model_prompt` builds the
spec prompt (downloading file URLs the model cannot fetch), `prepare_call_settings` checks the
settings and `prepare_tools`/`prepare_tool_choice` describe the tools.
"""

from ai_sdk.prompt._call_settings import (
    CallSettings,
    TimeoutConfig,
    prepare_call_settings,
    prepare_timeout,
)
from ai_sdk.prompt._convert import convert_to_language_model_prompt, to_file_data
from ai_sdk.prompt._download import (
    DEFAULT_MAX_DOWNLOAD_BYTES,
    DownloadedFile,
    DownloadFunction,
    DownloadRequest,
    create_download,
    validate_download_url,
)
from ai_sdk.prompt._messages import (
    AssistantModelMessage,
    FilePart,
    FilePartData,
    ImagePart,
    Instructions,
    ModelMessage,
    ReasoningFilePart,
    ResponseMessage,
    SystemModelMessage,
    ToolApprovalRequestPart,
    ToolModelMessage,
    UserModelMessage,
)
from ai_sdk.prompt._prepare_tools import (
    ToolChoiceInput,
    filter_active_tools,
    prepare_tool_choice,
    prepare_tools,
)
from ai_sdk.prompt._standardize import (
    StandardizedPrompt,
    standardize_prompt,
    validate_instructions,
    validate_messages,
)

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
