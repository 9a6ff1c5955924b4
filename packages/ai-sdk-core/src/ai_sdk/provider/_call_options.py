"""What a language model call asks for: prompt, settings, tools, tool choice, response format."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ai_sdk.provider._prompt import Prompt
from ai_sdk.provider._wire import JSONObject, ProviderOptions, RequestHeaders, WireModel

__all__ = [
    "AutoToolChoice",
    "CallOptions",
    "FunctionTool",
    "JsonResponseFormat",
    "NoneToolChoice",
    "ProviderTool",
    "ReasoningEffort",
    "RequiredToolChoice",
    "ResponseFormat",
    "SpecificToolChoice",
    "TextResponseFormat",
    "ToolChoice",
    "ToolDefinition",
    "ToolInputExample",
]


class TextResponseFormat(WireModel):
    """Ask for free text (the default)."""

    type: Literal["text"] = "text"


class JsonResponseFormat(WireModel):
    """Ask for JSON, optionally matching a JSON Schema.

    The schema attribute is `schema_` because pydantic reserves `schema`; construct it as
    `JsonResponseFormat(schema={...})` (the wire key) or `JsonResponseFormat(schema_={...})`.
    """

    type: Literal["json"] = "json"
    schema_: JSONObject | None = Field(default=None, alias="schema")
    """A JSON Schema (draft 7) the output should match."""
    name: str | None = None
    """A name for the output, used by some providers for guidance."""
    description: str | None = None
    """A description of the output, used by some providers for guidance."""


ResponseFormat: TypeAlias = Annotated[
    TextResponseFormat | JsonResponseFormat, Field(discriminator="type")
]
"""The output format a call asks for, tagged by `type`."""


class ToolInputExample(WireModel):
    """An example input for a function tool."""

    input: JSONObject


class FunctionTool(WireModel):
    """A tool the caller defines and executes; the model only sees its name, description, schema."""

    type: Literal["function"] = "function"
    name: str
    description: str | None = None
    input_schema: JSONObject
    """A JSON Schema (draft 7) of the tool input."""
    input_examples: list[ToolInputExample] | None = None
    strict: bool | None = None
    """Ask the provider for strict schema adherence, where supported."""
    provider_options: ProviderOptions | None = None


class ProviderTool(WireModel):
    """A tool a provider defines (and often runs itself), e.g. `gateway.perplexity_search`."""

    type: Literal["provider"] = "provider"
    id: str
    """`<provider>.<tool>`."""
    name: str
    """The name the tool is called by in the prompt and in tool calls."""
    args: JSONObject = Field(default_factory=dict)
    """Tool configuration, as the provider documents it."""


ToolDefinition: TypeAlias = Annotated[FunctionTool | ProviderTool, Field(discriminator="type")]
"""A tool made available to the model in a call, tagged by `type`."""


class AutoToolChoice(WireModel):
    """The model decides whether to call tools (the default)."""

    type: Literal["auto"] = "auto"


class NoneToolChoice(WireModel):
    """The model must not call tools."""

    type: Literal["none"] = "none"


class RequiredToolChoice(WireModel):
    """The model must call at least one tool."""

    type: Literal["required"] = "required"


class SpecificToolChoice(WireModel):
    """The model must call the named tool."""

    type: Literal["tool"] = "tool"
    tool_name: str


ToolChoice: TypeAlias = Annotated[
    AutoToolChoice | NoneToolChoice | RequiredToolChoice | SpecificToolChoice,
    Field(discriminator="type"),
]
"""How the model may use the tools, tagged by `type`."""

ReasoningEffort: TypeAlias = Literal[
    "provider-default", "none", "minimal", "low", "medium", "high", "xhigh"
]
"""How much reasoning to ask for; `provider-default` leaves it to the provider."""


class CallOptions(WireModel):
    """Everything a language model call receives; only `prompt` is required.

    Cancellation is task cancellation: there is no abort signal field. On the gateway wire this
    object is the request body as it is (headers and `includeRawChunks` included).
    """

    prompt: Prompt
    max_output_tokens: int | None = None
    temperature: float | None = None
    stop_sequences: list[str] | None = None
    top_p: float | None = None
    top_k: int | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    response_format: ResponseFormat | None = None
    seed: int | None = None
    tools: list[ToolDefinition] | None = None
    tool_choice: ToolChoice | None = None
    """How tools may be used; `None` means auto."""
    include_raw_chunks: bool | None = None
    """Streaming only: also emit `raw` parts with the provider's unprocessed chunks."""
    headers: RequestHeaders | None = None
    """Extra HTTP headers; a `None` value removes a header."""
    reasoning: ReasoningEffort | None = None
    provider_options: ProviderOptions | None = None
