"""ai-sdk-python: one typed interface to call any LLM.

The public surface is the import block below; the specification types live in `ai_sdk.provider`
and the helpers providers build on in `ai_sdk.provider_utils`. Names are imported on first access
(`ai_sdk._lazy`) so that `import ai_sdk` stays cheap for programs (and providers) that only need
part of it.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ai_sdk._lazy import LazyExports
from ai_sdk._version import __version__ as __version__

_exports = LazyExports(__name__, __file__, globals())

# These functions share their names with the subpackages that define them, and importing a
# subpackage binds its name on this package to the module. So that `ai_sdk.generate_text` stays
# the function, this package's module ignores that binding and resolves the name through
# `__getattr__` instead.
_FUNCTIONS_NAMED_LIKE_SUBPACKAGES = frozenset({"embed", "generate_image", "generate_text"})


class _AISDKModule(ModuleType):
    def __setattr__(self, name: str, value: object) -> None:
        if name in _FUNCTIONS_NAMED_LIKE_SUBPACKAGES and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _AISDKModule


def __getattr__(name: str) -> Any:
    return _exports.get(name)


def __dir__() -> list[str]:
    return _exports.names()


if TYPE_CHECKING:  # the public surface: each name is imported on first use (`_lazy`)
    from ai_sdk._files import (
        GeneratedFile as GeneratedFile,
    )
    from ai_sdk.agent import (
        Agent as Agent,
    )
    from ai_sdk.agent import (
        AgentCall as AgentCall,
    )
    from ai_sdk.agent import (
        PrepareCall as PrepareCall,
    )
    from ai_sdk.agent import (
        ToolLoopAgent as ToolLoopAgent,
    )
    from ai_sdk.embed import (
        EmbeddingModelUsage as EmbeddingModelUsage,
    )
    from ai_sdk.embed import (
        EmbedManyResult as EmbedManyResult,
    )
    from ai_sdk.embed import (
        EmbedResult as EmbedResult,
    )
    from ai_sdk.embed import (
        cosine_similarity as cosine_similarity,
    )
    from ai_sdk.embed import (
        embed as embed,
    )
    from ai_sdk.embed import (
        embed_many as embed_many,
    )
    from ai_sdk.embed import (
        embed_many_sync as embed_many_sync,
    )
    from ai_sdk.embed import (
        embed_sync as embed_sync,
    )
    from ai_sdk.generate_image import (
        GenerateImagePrompt as GenerateImagePrompt,
    )
    from ai_sdk.generate_image import (
        GenerateImageResult as GenerateImageResult,
    )
    from ai_sdk.generate_image import (
        generate_image as generate_image,
    )
    from ai_sdk.generate_image import (
        generate_image_sync as generate_image_sync,
    )
    from ai_sdk.generate_text import (
        AbortPart as AbortPart,
    )
    from ai_sdk.generate_text import (
        CallArguments as CallArguments,
    )
    from ai_sdk.generate_text import (
        FinishPart as FinishPart,
    )
    from ai_sdk.generate_text import (
        FinishStepPart as FinishStepPart,
    )
    from ai_sdk.generate_text import (
        GeneratedFilePart as GeneratedFilePart,
    )
    from ai_sdk.generate_text import (
        GeneratedReasoningFilePart as GeneratedReasoningFilePart,
    )
    from ai_sdk.generate_text import (
        GenerateObjectResult as GenerateObjectResult,
    )
    from ai_sdk.generate_text import (
        GenerateTextResult as GenerateTextResult,
    )
    from ai_sdk.generate_text import (
        Include as Include,
    )
    from ai_sdk.generate_text import (
        LanguageModelResponseMetadata as LanguageModelResponseMetadata,
    )
    from ai_sdk.generate_text import (
        LanguageModelUsage as LanguageModelUsage,
    )
    from ai_sdk.generate_text import (
        LoopArguments as LoopArguments,
    )
    from ai_sdk.generate_text import (
        ObjectResponse as ObjectResponse,
    )
    from ai_sdk.generate_text import (
        Output as Output,
    )
    from ai_sdk.generate_text import (
        PrepareStepContext as PrepareStepContext,
    )
    from ai_sdk.generate_text import (
        PrepareStepResult as PrepareStepResult,
    )
    from ai_sdk.generate_text import (
        RawPart as RawPart,
    )
    from ai_sdk.generate_text import (
        ReasoningDeltaPart as ReasoningDeltaPart,
    )
    from ai_sdk.generate_text import (
        ReasoningEndPart as ReasoningEndPart,
    )
    from ai_sdk.generate_text import (
        ReasoningStartPart as ReasoningStartPart,
    )
    from ai_sdk.generate_text import (
        StartPart as StartPart,
    )
    from ai_sdk.generate_text import (
        StartStepPart as StartStepPart,
    )
    from ai_sdk.generate_text import (
        StepResult as StepResult,
    )
    from ai_sdk.generate_text import (
        StopCondition as StopCondition,
    )
    from ai_sdk.generate_text import (
        StreamErrorPart as StreamErrorPart,
    )
    from ai_sdk.generate_text import (
        StreamObjectResult as StreamObjectResult,
    )
    from ai_sdk.generate_text import (
        StreamTextResult as StreamTextResult,
    )
    from ai_sdk.generate_text import (
        StreamTextResultSync as StreamTextResultSync,
    )
    from ai_sdk.generate_text import (
        TextDeltaPart as TextDeltaPart,
    )
    from ai_sdk.generate_text import (
        TextEndPart as TextEndPart,
    )
    from ai_sdk.generate_text import (
        TextStartPart as TextStartPart,
    )
    from ai_sdk.generate_text import (
        TextStreamPart as TextStreamPart,
    )
    from ai_sdk.generate_text import (
        Tool as Tool,
    )
    from ai_sdk.generate_text import (
        ToolApproval as ToolApproval,
    )
    from ai_sdk.generate_text import (
        ToolApprovalContext as ToolApprovalContext,
    )
    from ai_sdk.generate_text import (
        ToolApprovalOptions as ToolApprovalOptions,
    )
    from ai_sdk.generate_text import (
        ToolApprovalRequest as ToolApprovalRequest,
    )
    from ai_sdk.generate_text import (
        ToolApprovalResponse as ToolApprovalResponse,
    )
    from ai_sdk.generate_text import (
        ToolApprovalStatus as ToolApprovalStatus,
    )
    from ai_sdk.generate_text import (
        ToolApprovalType as ToolApprovalType,
    )
    from ai_sdk.generate_text import (
        ToolCall as ToolCall,
    )
    from ai_sdk.generate_text import (
        ToolCallRepairContext as ToolCallRepairContext,
    )
    from ai_sdk.generate_text import (
        ToolError as ToolError,
    )
    from ai_sdk.generate_text import (
        ToolExecutionOptions as ToolExecutionOptions,
    )
    from ai_sdk.generate_text import (
        ToolInputDeltaPart as ToolInputDeltaPart,
    )
    from ai_sdk.generate_text import (
        ToolInputEndPart as ToolInputEndPart,
    )
    from ai_sdk.generate_text import (
        ToolInputStartPart as ToolInputStartPart,
    )
    from ai_sdk.generate_text import (
        ToolOutputDenied as ToolOutputDenied,
    )
    from ai_sdk.generate_text import (
        ToolResult as ToolResult,
    )
    from ai_sdk.generate_text import (
        dynamic_tool as dynamic_tool,
    )
    from ai_sdk.generate_text import (
        generate_object as generate_object,
    )
    from ai_sdk.generate_text import (
        generate_object_sync as generate_object_sync,
    )
    from ai_sdk.generate_text import (
        generate_text as generate_text,
    )
    from ai_sdk.generate_text import (
        generate_text_sync as generate_text_sync,
    )
    from ai_sdk.generate_text import (
        has_tool_call as has_tool_call,
    )
    from ai_sdk.generate_text import (
        is_loop_finished as is_loop_finished,
    )
    from ai_sdk.generate_text import (
        is_step_count as is_step_count,
    )
    from ai_sdk.generate_text import (
        smooth_stream as smooth_stream,
    )
    from ai_sdk.generate_text import (
        stream_object as stream_object,
    )
    from ai_sdk.generate_text import (
        stream_text as stream_text,
    )
    from ai_sdk.generate_text import (
        stream_text_sync as stream_text_sync,
    )
    from ai_sdk.generate_text import (
        tool as tool,
    )
    from ai_sdk.middleware import (
        EmbeddingModelMiddleware as EmbeddingModelMiddleware,
    )
    from ai_sdk.middleware import (
        ImageModelMiddleware as ImageModelMiddleware,
    )
    from ai_sdk.middleware import (
        LanguageModelMiddleware as LanguageModelMiddleware,
    )
    from ai_sdk.middleware import (
        default_embedding_settings_middleware as default_embedding_settings_middleware,
    )
    from ai_sdk.middleware import (
        default_settings_middleware as default_settings_middleware,
    )
    from ai_sdk.middleware import (
        extract_json_middleware as extract_json_middleware,
    )
    from ai_sdk.middleware import (
        extract_reasoning_middleware as extract_reasoning_middleware,
    )
    from ai_sdk.middleware import (
        simulate_streaming_middleware as simulate_streaming_middleware,
    )
    from ai_sdk.middleware import (
        wrap_embedding_model as wrap_embedding_model,
    )
    from ai_sdk.middleware import (
        wrap_image_model as wrap_image_model,
    )
    from ai_sdk.middleware import (
        wrap_language_model as wrap_language_model,
    )
    from ai_sdk.prompt import (
        AssistantModelMessage as AssistantModelMessage,
    )
    from ai_sdk.prompt import (
        FilePart as FilePart,
    )
    from ai_sdk.prompt import (
        ImagePart as ImagePart,
    )
    from ai_sdk.prompt import (
        ModelMessage as ModelMessage,
    )
    from ai_sdk.prompt import (
        SystemModelMessage as SystemModelMessage,
    )
    from ai_sdk.prompt import (
        TimeoutConfig as TimeoutConfig,
    )
    from ai_sdk.prompt import (
        ToolModelMessage as ToolModelMessage,
    )
    from ai_sdk.prompt import (
        UserModelMessage as UserModelMessage,
    )
    from ai_sdk.prompt import (
        create_download as create_download,
    )
    from ai_sdk.provider import (
        AISDKError as AISDKError,
    )
    from ai_sdk.provider import (
        APICallError as APICallError,
    )
    from ai_sdk.provider import (
        APITimeoutError as APITimeoutError,
    )
    from ai_sdk.provider import (
        DownloadError as DownloadError,
    )
    from ai_sdk.provider import (
        EmbeddingModel as EmbeddingModel,
    )
    from ai_sdk.provider import (
        EmptyResponseBodyError as EmptyResponseBodyError,
    )
    from ai_sdk.provider import (
        EventTooLargeError as EventTooLargeError,
    )
    from ai_sdk.provider import (
        ImageModel as ImageModel,
    )
    from ai_sdk.provider import (
        InvalidArgumentError as InvalidArgumentError,
    )
    from ai_sdk.provider import (
        InvalidDataContentError as InvalidDataContentError,
    )
    from ai_sdk.provider import (
        InvalidMessageRoleError as InvalidMessageRoleError,
    )
    from ai_sdk.provider import (
        InvalidPromptError as InvalidPromptError,
    )
    from ai_sdk.provider import (
        InvalidResponseDataError as InvalidResponseDataError,
    )
    from ai_sdk.provider import (
        InvalidStreamPartError as InvalidStreamPartError,
    )
    from ai_sdk.provider import (
        InvalidToolApprovalError as InvalidToolApprovalError,
    )
    from ai_sdk.provider import (
        InvalidToolApprovalSignatureError as InvalidToolApprovalSignatureError,
    )
    from ai_sdk.provider import (
        InvalidToolInputError as InvalidToolInputError,
    )
    from ai_sdk.provider import (
        JSONParseError as JSONParseError,
    )
    from ai_sdk.provider import (
        LanguageModel as LanguageModel,
    )
    from ai_sdk.provider import (
        LoadAPIKeyError as LoadAPIKeyError,
    )
    from ai_sdk.provider import (
        LoadSettingError as LoadSettingError,
    )
    from ai_sdk.provider import (
        MessageConversionError as MessageConversionError,
    )
    from ai_sdk.provider import (
        MissingToolResultsError as MissingToolResultsError,
    )
    from ai_sdk.provider import (
        ModelType as ModelType,
    )
    from ai_sdk.provider import (
        NoContentGeneratedError as NoContentGeneratedError,
    )
    from ai_sdk.provider import (
        NoImageGeneratedError as NoImageGeneratedError,
    )
    from ai_sdk.provider import (
        NoObjectGeneratedError as NoObjectGeneratedError,
    )
    from ai_sdk.provider import (
        NoOutputGeneratedError as NoOutputGeneratedError,
    )
    from ai_sdk.provider import (
        NoSpeechGeneratedError as NoSpeechGeneratedError,
    )
    from ai_sdk.provider import (
        NoSuchModelError as NoSuchModelError,
    )
    from ai_sdk.provider import (
        NoSuchProviderError as NoSuchProviderError,
    )
    from ai_sdk.provider import (
        NoSuchProviderReferenceError as NoSuchProviderReferenceError,
    )
    from ai_sdk.provider import (
        NoSuchToolError as NoSuchToolError,
    )
    from ai_sdk.provider import (
        NoTranscriptGeneratedError as NoTranscriptGeneratedError,
    )
    from ai_sdk.provider import (
        NoTranslationGeneratedError as NoTranslationGeneratedError,
    )
    from ai_sdk.provider import (
        NoVideoGeneratedError as NoVideoGeneratedError,
    )
    from ai_sdk.provider import (
        Provider as Provider,
    )
    from ai_sdk.provider import (
        RetryError as RetryError,
    )
    from ai_sdk.provider import (
        RetryErrorReason as RetryErrorReason,
    )
    from ai_sdk.provider import (
        SerializationError as SerializationError,
    )
    from ai_sdk.provider import (
        StreamProviderError as StreamProviderError,
    )
    from ai_sdk.provider import (
        ToolCallNotFoundForApprovalError as ToolCallNotFoundForApprovalError,
    )
    from ai_sdk.provider import (
        ToolCallRepairError as ToolCallRepairError,
    )
    from ai_sdk.provider import (
        TooManyEmbeddingValuesForCallError as TooManyEmbeddingValuesForCallError,
    )
    from ai_sdk.provider import (
        TypeValidationContext as TypeValidationContext,
    )
    from ai_sdk.provider import (
        TypeValidationError as TypeValidationError,
    )
    from ai_sdk.provider import (
        UIMessageStreamError as UIMessageStreamError,
    )
    from ai_sdk.provider import (
        UnsupportedFunctionalityError as UnsupportedFunctionalityError,
    )
    from ai_sdk.provider import (
        UnsupportedModelVersionError as UnsupportedModelVersionError,
    )
    from ai_sdk.provider import (
        get_error_message as get_error_message,
    )
    from ai_sdk.provider import (
        is_retryable_status as is_retryable_status,
    )
    from ai_sdk.provider_utils import (
        json_schema as json_schema,
    )
    from ai_sdk.registry import (
        CustomProvider as CustomProvider,
    )
    from ai_sdk.registry import (
        ProviderRegistry as ProviderRegistry,
    )
    from ai_sdk.registry import (
        create_provider_registry as create_provider_registry,
    )
    from ai_sdk.registry import (
        custom_provider as custom_provider,
    )
    from ai_sdk.registry import (
        get_default_provider as get_default_provider,
    )
    from ai_sdk.registry import (
        set_default_provider as set_default_provider,
    )
    from ai_sdk.ui import (
        UI_MESSAGE_STREAM_HEADERS as UI_MESSAGE_STREAM_HEADERS,
    )
    from ai_sdk.ui import (
        UIMessage as UIMessage,
    )
    from ai_sdk.ui import (
        UIMessageChunk as UIMessageChunk,
    )
    from ai_sdk.ui import (
        UIMessagePart as UIMessagePart,
    )
    from ai_sdk.ui import (
        UIMessageStreamFinish as UIMessageStreamFinish,
    )
    from ai_sdk.ui import (
        UIMessageStreamOptions as UIMessageStreamOptions,
    )
    from ai_sdk.ui import (
        UIMessageStreamWriter as UIMessageStreamWriter,
    )
    from ai_sdk.ui import (
        convert_to_model_messages as convert_to_model_messages,
    )
    from ai_sdk.ui import (
        convert_to_model_messages_sync as convert_to_model_messages_sync,
    )
    from ai_sdk.ui import (
        create_agent_ui_stream as create_agent_ui_stream,
    )
    from ai_sdk.ui import (
        create_ui_message_stream as create_ui_message_stream,
    )
    from ai_sdk.ui import (
        parse_ui_message_sse as parse_ui_message_sse,
    )
    from ai_sdk.ui import (
        read_ui_message_stream as read_ui_message_stream,
    )
    from ai_sdk.ui import (
        safe_validate_ui_messages as safe_validate_ui_messages,
    )
    from ai_sdk.ui import (
        ui_message_stream_to_sse_bytes as ui_message_stream_to_sse_bytes,
    )
    from ai_sdk.ui import (
        validate_ui_messages as validate_ui_messages,
    )
