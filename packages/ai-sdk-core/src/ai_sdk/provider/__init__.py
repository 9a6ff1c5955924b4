"""The AI SDK specification (v4): model interfaces and the data that flows through them.

Everything a provider implements or returns is defined here: `LanguageModel`, `EmbeddingModel`,
`ImageModel`, `RerankingModel`, `SpeechModel`, `TranscriptionModel`, `VideoModel` and `Provider`
(protocols), call options, prompt messages and parts, generated content,
stream parts, usage, finish reasons, warnings, and the `AISDKError` tree. The data types are
plain data whose `to_wire(obj)` is exactly the JSON the TypeScript SDK sends: stream parts and
generated content are slotted dataclasses (`WireData`, cheap to build, no validation), call options,
prompts, results and usage immutable pydantic models (`WireModel`, validated once per call).
"""

from typing import TYPE_CHECKING, Any

from ai_sdk._lazy import LazyExports
from ai_sdk.provider import _errors
from ai_sdk.provider._errors import *  # noqa: F403  (the names are listed by _errors.__all__)

_exports = LazyExports(__name__, __file__, globals())


def __getattr__(name: str) -> Any:
    return _exports.get(name)


def __dir__() -> list[str]:
    return _exports.names()


if TYPE_CHECKING:  # each name is imported on first use (`ai_sdk._lazy`)
    from ai_sdk.provider._call_options import AutoToolChoice as AutoToolChoice
    from ai_sdk.provider._call_options import CallOptions as CallOptions
    from ai_sdk.provider._call_options import FunctionTool as FunctionTool
    from ai_sdk.provider._call_options import JsonResponseFormat as JsonResponseFormat
    from ai_sdk.provider._call_options import NoneToolChoice as NoneToolChoice
    from ai_sdk.provider._call_options import ProviderTool as ProviderTool
    from ai_sdk.provider._call_options import ReasoningEffort as ReasoningEffort
    from ai_sdk.provider._call_options import RequiredToolChoice as RequiredToolChoice
    from ai_sdk.provider._call_options import ResponseFormat as ResponseFormat
    from ai_sdk.provider._call_options import SpecificToolChoice as SpecificToolChoice
    from ai_sdk.provider._call_options import TextResponseFormat as TextResponseFormat
    from ai_sdk.provider._call_options import ToolChoice as ToolChoice
    from ai_sdk.provider._call_options import ToolDefinition as ToolDefinition
    from ai_sdk.provider._call_options import ToolInputExample as ToolInputExample
    from ai_sdk.provider._content import Content as Content
    from ai_sdk.provider._content import CustomContent as CustomContent
    from ai_sdk.provider._content import DocumentSource as DocumentSource
    from ai_sdk.provider._content import FileContent as FileContent
    from ai_sdk.provider._content import ReasoningContent as ReasoningContent
    from ai_sdk.provider._content import ReasoningFileContent as ReasoningFileContent
    from ai_sdk.provider._content import Source as Source
    from ai_sdk.provider._content import TextContent as TextContent
    from ai_sdk.provider._content import ToolApprovalRequestContent as ToolApprovalRequestContent
    from ai_sdk.provider._content import ToolCallContent as ToolCallContent
    from ai_sdk.provider._content import ToolResultContent as ToolResultContent
    from ai_sdk.provider._content import UrlSource as UrlSource
    from ai_sdk.provider._embedding_model import EmbeddingCallOptions as EmbeddingCallOptions
    from ai_sdk.provider._embedding_model import EmbeddingModel as EmbeddingModel
    from ai_sdk.provider._embedding_model import EmbeddingResponseInfo as EmbeddingResponseInfo
    from ai_sdk.provider._embedding_model import EmbeddingResult as EmbeddingResult
    from ai_sdk.provider._embedding_model import EmbeddingUsage as EmbeddingUsage
    from ai_sdk.provider._image_model import ImageCallOptions as ImageCallOptions
    from ai_sdk.provider._image_model import ImageFile as ImageFile
    from ai_sdk.provider._image_model import ImageFileData as ImageFileData
    from ai_sdk.provider._image_model import ImageFileUrl as ImageFileUrl
    from ai_sdk.provider._image_model import ImageModel as ImageModel
    from ai_sdk.provider._image_model import ImageResponseInfo as ImageResponseInfo
    from ai_sdk.provider._image_model import ImageResult as ImageResult
    from ai_sdk.provider._image_model import ImageUsage as ImageUsage
    from ai_sdk.provider._language_model import GenerateResult as GenerateResult
    from ai_sdk.provider._language_model import LanguageModel as LanguageModel
    from ai_sdk.provider._language_model import RequestInfo as RequestInfo
    from ai_sdk.provider._language_model import ResponseInfo as ResponseInfo
    from ai_sdk.provider._language_model import StreamResponseInfo as StreamResponseInfo
    from ai_sdk.provider._language_model import StreamResult as StreamResult
    from ai_sdk.provider._middleware import LanguageModelMiddleware as LanguageModelMiddleware
    from ai_sdk.provider._middleware import OverrideModelInfo as OverrideModelInfo
    from ai_sdk.provider._middleware import OverrideSupportedUrls as OverrideSupportedUrls
    from ai_sdk.provider._middleware import TransformParams as TransformParams
    from ai_sdk.provider._middleware import WrapGenerate as WrapGenerate
    from ai_sdk.provider._middleware import WrapStream as WrapStream
    from ai_sdk.provider._prompt import AssistantContentPart as AssistantContentPart
    from ai_sdk.provider._prompt import AssistantMessage as AssistantMessage
    from ai_sdk.provider._prompt import ContentOutput as ContentOutput
    from ai_sdk.provider._prompt import ContentOutputCustom as ContentOutputCustom
    from ai_sdk.provider._prompt import ContentOutputFile as ContentOutputFile
    from ai_sdk.provider._prompt import ContentOutputItem as ContentOutputItem
    from ai_sdk.provider._prompt import ContentOutputText as ContentOutputText
    from ai_sdk.provider._prompt import CustomPart as CustomPart
    from ai_sdk.provider._prompt import ErrorJsonOutput as ErrorJsonOutput
    from ai_sdk.provider._prompt import ErrorTextOutput as ErrorTextOutput
    from ai_sdk.provider._prompt import ExecutionDeniedOutput as ExecutionDeniedOutput
    from ai_sdk.provider._prompt import FilePart as FilePart
    from ai_sdk.provider._prompt import JsonOutput as JsonOutput
    from ai_sdk.provider._prompt import Message as Message
    from ai_sdk.provider._prompt import Prompt as Prompt
    from ai_sdk.provider._prompt import ReasoningFilePart as ReasoningFilePart
    from ai_sdk.provider._prompt import ReasoningPart as ReasoningPart
    from ai_sdk.provider._prompt import SystemMessage as SystemMessage
    from ai_sdk.provider._prompt import TextOutput as TextOutput
    from ai_sdk.provider._prompt import TextPart as TextPart
    from ai_sdk.provider._prompt import ToolApprovalResponsePart as ToolApprovalResponsePart
    from ai_sdk.provider._prompt import ToolCallPart as ToolCallPart
    from ai_sdk.provider._prompt import ToolContentPart as ToolContentPart
    from ai_sdk.provider._prompt import ToolMessage as ToolMessage
    from ai_sdk.provider._prompt import ToolResultOutput as ToolResultOutput
    from ai_sdk.provider._prompt import ToolResultPart as ToolResultPart
    from ai_sdk.provider._prompt import UserContentPart as UserContentPart
    from ai_sdk.provider._prompt import UserMessage as UserMessage
    from ai_sdk.provider._provider import Provider as Provider
    from ai_sdk.provider._reranking_model import RankedDocument as RankedDocument
    from ai_sdk.provider._reranking_model import RerankDocuments as RerankDocuments
    from ai_sdk.provider._reranking_model import RerankingCallOptions as RerankingCallOptions
    from ai_sdk.provider._reranking_model import RerankingModel as RerankingModel
    from ai_sdk.provider._reranking_model import RerankingResponseInfo as RerankingResponseInfo
    from ai_sdk.provider._reranking_model import RerankingResult as RerankingResult
    from ai_sdk.provider._reranking_model import RerankObjectDocuments as RerankObjectDocuments
    from ai_sdk.provider._reranking_model import RerankTextDocuments as RerankTextDocuments
    from ai_sdk.provider._shared import CallWarning as CallWarning
    from ai_sdk.provider._shared import CompatibilityWarning as CompatibilityWarning
    from ai_sdk.provider._shared import DeprecatedWarning as DeprecatedWarning
    from ai_sdk.provider._shared import FileData as FileData
    from ai_sdk.provider._shared import FileDataBytes as FileDataBytes
    from ai_sdk.provider._shared import FileDataReference as FileDataReference
    from ai_sdk.provider._shared import FileDataText as FileDataText
    from ai_sdk.provider._shared import FileDataUrl as FileDataUrl
    from ai_sdk.provider._shared import GeneratedFileData as GeneratedFileData
    from ai_sdk.provider._shared import OtherWarning as OtherWarning
    from ai_sdk.provider._shared import UnsupportedWarning as UnsupportedWarning
    from ai_sdk.provider._speech_model import SpeechCallOptions as SpeechCallOptions
    from ai_sdk.provider._speech_model import SpeechModel as SpeechModel
    from ai_sdk.provider._speech_model import SpeechRequestInfo as SpeechRequestInfo
    from ai_sdk.provider._speech_model import SpeechResponseInfo as SpeechResponseInfo
    from ai_sdk.provider._speech_model import SpeechResult as SpeechResult
    from ai_sdk.provider._stream import ErrorPart as ErrorPart
    from ai_sdk.provider._stream import Finish as Finish
    from ai_sdk.provider._stream import Raw as Raw
    from ai_sdk.provider._stream import ReasoningDelta as ReasoningDelta
    from ai_sdk.provider._stream import ReasoningEnd as ReasoningEnd
    from ai_sdk.provider._stream import ReasoningStart as ReasoningStart
    from ai_sdk.provider._stream import ResponseMetadata as ResponseMetadata
    from ai_sdk.provider._stream import StreamPart as StreamPart
    from ai_sdk.provider._stream import StreamStart as StreamStart
    from ai_sdk.provider._stream import TextDelta as TextDelta
    from ai_sdk.provider._stream import TextEnd as TextEnd
    from ai_sdk.provider._stream import TextStart as TextStart
    from ai_sdk.provider._stream import ToolInputDelta as ToolInputDelta
    from ai_sdk.provider._stream import ToolInputEnd as ToolInputEnd
    from ai_sdk.provider._stream import ToolInputStart as ToolInputStart
    from ai_sdk.provider._transcription_model import (
        TranscriptionCallOptions as TranscriptionCallOptions,
    )
    from ai_sdk.provider._transcription_model import TranscriptionModel as TranscriptionModel
    from ai_sdk.provider._transcription_model import (
        TranscriptionRequestInfo as TranscriptionRequestInfo,
    )
    from ai_sdk.provider._transcription_model import (
        TranscriptionResponseInfo as TranscriptionResponseInfo,
    )
    from ai_sdk.provider._transcription_model import TranscriptionResult as TranscriptionResult
    from ai_sdk.provider._transcription_model import TranscriptionSegment as TranscriptionSegment
    from ai_sdk.provider._usage import FinishReason as FinishReason
    from ai_sdk.provider._usage import InputTokens as InputTokens
    from ai_sdk.provider._usage import OutputTokens as OutputTokens
    from ai_sdk.provider._usage import UnifiedFinishReason as UnifiedFinishReason
    from ai_sdk.provider._usage import Usage as Usage
    from ai_sdk.provider._video_model import VideoCallOptions as VideoCallOptions
    from ai_sdk.provider._video_model import VideoData as VideoData
    from ai_sdk.provider._video_model import VideoDataBase64 as VideoDataBase64
    from ai_sdk.provider._video_model import VideoDataBinary as VideoDataBinary
    from ai_sdk.provider._video_model import VideoDataUrl as VideoDataUrl
    from ai_sdk.provider._video_model import VideoFile as VideoFile
    from ai_sdk.provider._video_model import VideoFileData as VideoFileData
    from ai_sdk.provider._video_model import VideoFileUrl as VideoFileUrl
    from ai_sdk.provider._video_model import VideoFrameImage as VideoFrameImage
    from ai_sdk.provider._video_model import VideoFrameType as VideoFrameType
    from ai_sdk.provider._video_model import VideoGenerateModel as VideoGenerateModel
    from ai_sdk.provider._video_model import VideoModel as VideoModel
    from ai_sdk.provider._video_model import VideoOperationModel as VideoOperationModel
    from ai_sdk.provider._video_model import VideoOperationStatus as VideoOperationStatus
    from ai_sdk.provider._video_model import VideoOperationWebhook as VideoOperationWebhook
    from ai_sdk.provider._video_model import VideoResponseInfo as VideoResponseInfo
    from ai_sdk.provider._video_model import VideoResult as VideoResult
    from ai_sdk.provider._video_model import VideoStartResult as VideoStartResult
    from ai_sdk.provider._video_model import VideoStatusCompleted as VideoStatusCompleted
    from ai_sdk.provider._video_model import VideoStatusError as VideoStatusError
    from ai_sdk.provider._video_model import VideoStatusOptions as VideoStatusOptions
    from ai_sdk.provider._video_model import VideoStatusPending as VideoStatusPending
    from ai_sdk.provider._video_model import VideoWebhook as VideoWebhook
    from ai_sdk.provider._video_model import VideoWebhookFactory as VideoWebhookFactory
    from ai_sdk.provider._video_model import VideoWebhookModel as VideoWebhookModel
    from ai_sdk.provider._wire import JSONArray as JSONArray
    from ai_sdk.provider._wire import JSONObject as JSONObject
    from ai_sdk.provider._wire import JSONValue as JSONValue
    from ai_sdk.provider._wire import ProviderMetadata as ProviderMetadata
    from ai_sdk.provider._wire import ProviderOptions as ProviderOptions
    from ai_sdk.provider._wire import WireData as WireData
    from ai_sdk.provider._wire import WireModel as WireModel
    from ai_sdk.provider._wire import to_wire as to_wire

__all__: list[str] = [
    "AssistantContentPart",
    "AssistantMessage",
    "AutoToolChoice",
    "CallOptions",
    "CallWarning",
    "CompatibilityWarning",
    "Content",
    "ContentOutput",
    "ContentOutputCustom",
    "ContentOutputFile",
    "ContentOutputItem",
    "ContentOutputText",
    "CustomContent",
    "CustomPart",
    "DeprecatedWarning",
    "DocumentSource",
    "EmbeddingCallOptions",
    "EmbeddingModel",
    "EmbeddingResponseInfo",
    "EmbeddingResult",
    "EmbeddingUsage",
    "ErrorJsonOutput",
    "ErrorPart",
    "ErrorTextOutput",
    "ExecutionDeniedOutput",
    "FileContent",
    "FileData",
    "FileDataBytes",
    "FileDataReference",
    "FileDataText",
    "FileDataUrl",
    "FilePart",
    "Finish",
    "FinishReason",
    "FunctionTool",
    "GenerateResult",
    "GeneratedFileData",
    "ImageCallOptions",
    "ImageFile",
    "ImageFileData",
    "ImageFileUrl",
    "ImageModel",
    "ImageResponseInfo",
    "ImageResult",
    "ImageUsage",
    "InputTokens",
    "JSONArray",
    "JSONObject",
    "JSONValue",
    "JsonOutput",
    "JsonResponseFormat",
    "LanguageModel",
    "LanguageModelMiddleware",
    "Message",
    "NoneToolChoice",
    "OtherWarning",
    "OutputTokens",
    "OverrideModelInfo",
    "OverrideSupportedUrls",
    "Prompt",
    "Provider",
    "ProviderMetadata",
    "ProviderOptions",
    "ProviderTool",
    "RankedDocument",
    "Raw",
    "ReasoningContent",
    "ReasoningDelta",
    "ReasoningEffort",
    "ReasoningEnd",
    "ReasoningFileContent",
    "ReasoningFilePart",
    "ReasoningPart",
    "ReasoningStart",
    "RequestInfo",
    "RequiredToolChoice",
    "RerankDocuments",
    "RerankObjectDocuments",
    "RerankTextDocuments",
    "RerankingCallOptions",
    "RerankingModel",
    "RerankingResponseInfo",
    "RerankingResult",
    "ResponseFormat",
    "ResponseInfo",
    "ResponseMetadata",
    "Source",
    "SpecificToolChoice",
    "SpeechCallOptions",
    "SpeechModel",
    "SpeechRequestInfo",
    "SpeechResponseInfo",
    "SpeechResult",
    "StreamPart",
    "StreamResponseInfo",
    "StreamResult",
    "StreamStart",
    "SystemMessage",
    "TextContent",
    "TextDelta",
    "TextEnd",
    "TextOutput",
    "TextPart",
    "TextResponseFormat",
    "TextStart",
    "ToolApprovalRequestContent",
    "ToolApprovalResponsePart",
    "ToolCallContent",
    "ToolCallPart",
    "ToolChoice",
    "ToolContentPart",
    "ToolDefinition",
    "ToolInputDelta",
    "ToolInputEnd",
    "ToolInputExample",
    "ToolInputStart",
    "ToolMessage",
    "ToolResultContent",
    "ToolResultOutput",
    "ToolResultPart",
    "TranscriptionCallOptions",
    "TranscriptionModel",
    "TranscriptionRequestInfo",
    "TranscriptionResponseInfo",
    "TranscriptionResult",
    "TranscriptionSegment",
    "TransformParams",
    "UnifiedFinishReason",
    "UnsupportedWarning",
    "UrlSource",
    "Usage",
    "UserContentPart",
    "UserMessage",
    "VideoCallOptions",
    "VideoData",
    "VideoDataBase64",
    "VideoDataBinary",
    "VideoDataUrl",
    "VideoFile",
    "VideoFileData",
    "VideoFileUrl",
    "VideoFrameImage",
    "VideoFrameType",
    "VideoGenerateModel",
    "VideoModel",
    "VideoOperationModel",
    "VideoOperationStatus",
    "VideoOperationWebhook",
    "VideoResponseInfo",
    "VideoResult",
    "VideoStartResult",
    "VideoStatusCompleted",
    "VideoStatusError",
    "VideoStatusOptions",
    "VideoStatusPending",
    "VideoWebhook",
    "VideoWebhookFactory",
    "VideoWebhookModel",
    "WireData",
    "WireModel",
    "WrapGenerate",
    "WrapStream",
    "to_wire",
]
__all__ += _errors.__all__
