// The recorded scenarios. Each `call` is declarative data that both the TS recorder and the
// Python replay (conformance/replay.py) interpret; keys are TS names, the replay maps them to
// snake_case. `http://stub` in settings is replaced with the stub server's URL.

/** Tool implementations by name; the Python replay has the same ones. */
export const TOOL_EXECUTES = {
  weather: async ({ city }) => ({ city, temperatureC: 21, conditions: 'sunny' }),
};

/** Input validators by name (a tool's `validate`; without one a JSON schema checks nothing, in
 * TS and in Python); the Python replay has the same ones. */
export const TOOL_VALIDATORS = {
  weather: (value) =>
    typeof value?.city === 'string'
      ? { success: true, value }
      : { success: false, error: new Error('city must be a string') },
};

// ---- shared pieces --------------------------------------------------------------------------

const OC = {
  type: 'openai-compatible',
  settings: { name: 'test-provider', baseURL: 'http://stub/v1', apiKey: 'sk-test' },
};
const OC_USAGE = { ...OC, settings: { ...OC.settings, includeUsage: true } };
const OC_STRICT = { ...OC, settings: { ...OC.settings, supportsStructuredOutputs: true } };
const GW = { type: 'gateway', settings: { apiKey: 'gw-test-key', baseURL: 'http://stub/v4/ai' } };
const GW_NO_KEY = { type: 'gateway', settings: { baseURL: 'http://stub/v4/ai' } };

const chat = (id = 'test-chat-model') => ({ kind: 'chat', id });
const gwModel = (id = 'openai/gpt-5', kind = 'language') => ({ kind, id });

const WEATHER_TOOL = {
  weather: {
    description: 'Get the weather in a city',
    inputSchema: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
    execute: 'weather',
  },
};
const { execute: _ignored, ...WEATHER_NO_EXEC } = WEATHER_TOOL.weather;

const RECIPE_SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    servings: { type: 'integer' },
    notes: { type: 'string' },
  },
  required: ['name', 'servings'],
  additionalProperties: false,
};

const CHAT_USAGE = {
  prompt_tokens: 12,
  completion_tokens: 9,
  total_tokens: 21,
  prompt_tokens_details: { cached_tokens: 2 },
  completion_tokens_details: { reasoning_tokens: 0 },
};

function chatCompletion(message, finishReason = 'stop', usage = CHAT_USAGE, id = 'chatcmpl-1') {
  return {
    json: {
      id,
      object: 'chat.completion',
      created: 1767225600,
      model: 'test-chat-model-2026',
      choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
      usage,
    },
  };
}

function chunk(delta, finishReason = null, extra = {}) {
  return {
    id: 'chatcmpl-s1',
    object: 'chat.completion.chunk',
    created: 1767225600,
    model: 'test-chat-model-2026',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
    ...extra,
  };
}

const usageChunk = (usage = CHAT_USAGE) => ({
  id: 'chatcmpl-s1',
  object: 'chat.completion.chunk',
  created: 1767225600,
  model: 'test-chat-model-2026',
  choices: [],
  usage,
});

const GW_USAGE = {
  inputTokens: { total: 10, noCache: 8, cacheRead: 2, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
  raw: { input_tokens: 10, output_tokens: 5 },
};

function gwGenerate(content, finishReason = { unified: 'stop', raw: 'stop' }) {
  return {
    json: {
      content,
      finishReason,
      usage: GW_USAGE,
      providerMetadata: { gateway: { generationId: 'gen_01TESTGENERATION' } },
      response: { id: 'resp-gw-1', modelId: 'openai/gpt-5-2026', timestamp: '2026-01-01T00:00:00.000Z' },
      warnings: [],
    },
  };
}

function gwError(status, type, message, extra = {}) {
  return { status, json: { error: { message, type, ...extra } } };
}

const hi = { prompt: 'Say hi' };

// ---- openai-compatible chat ------------------------------------------------------------------

const ocChat = [
  {
    name: 'oc-chat-generate-text',
    description: 'Plain chat generate: text, usage (incl. raw), response metadata and messages.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: hi },
    responses: [chatCompletion({ content: 'Hello there!' })],
  },
  {
    name: 'oc-chat-generate-settings',
    description: 'Call settings, provider options and headers on the chat request body.',
    call: {
      provider: OC,
      model: chat(),
      fn: 'generateText',
      args: {
        system: 'You are terse.',
        prompt: 'Say hi',
        maxOutputTokens: 50,
        temperature: 0.3,
        topP: 0.9,
        topK: 40,
        presencePenalty: 0.1,
        frequencyPenalty: 0.2,
        stopSequences: ['END'],
        seed: 7,
        headers: { 'x-custom': 'yes' },
        providerOptions: { testProvider: { user: 'user-1', reasoningEffort: 'low', top_k: 40 } },
      },
    },
    responses: [chatCompletion({ content: 'Hi.' })],
  },
  {
    name: 'oc-chat-generate-messages',
    description: 'A conversation with an earlier tool call and result, as messages.',
    call: {
      provider: OC,
      model: chat(),
      fn: 'generateText',
      args: {
        system: 'Be brief.',
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Checking.' },
              { type: 'tool-call', toolCallId: 'call_0', toolName: 'weather', input: { city: 'Paris' } },
            ],
          },
          {
            role: 'tool',
            content: [
              {
                type: 'tool-result',
                toolCallId: 'call_0',
                toolName: 'weather',
                output: { type: 'json', value: { temperatureC: 21 } },
              },
            ],
          },
        ],
      },
    },
    responses: [chatCompletion({ content: 'It is 21 C in Paris.' })],
  },
  {
    name: 'oc-chat-generate-system-in-messages',
    description: 'A system message inside messages: InvalidPromptError (AI SDK 7).',
    call: {
      provider: OC,
      model: chat(),
      fn: 'generateText',
      args: { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] },
    },
    responses: [chatCompletion({ content: 'Hi' })],
  },
  {
    name: 'oc-chat-generate-reasoning',
    description: 'reasoning_content next to content: content order and reasoning views.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: hi },
    responses: [
      chatCompletion(
        { content: 'Hi!', reasoning_content: 'The user wants a greeting.' },
        'stop',
        { ...CHAT_USAGE, completion_tokens_details: { reasoning_tokens: 5 } },
      ),
    ],
  },
  {
    name: 'oc-chat-generate-tool-call',
    description: 'One tool call, no execute: finish reason tool-calls, one step.',
    call: {
      provider: OC,
      model: chat(),
      fn: 'generateText',
      args: { prompt: 'Weather in Paris?', tools: { weather: WEATHER_NO_EXEC } },
    },
    responses: [
      chatCompletion(
        {
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        'tool_calls',
      ),
    ],
  },
  {
    name: 'oc-chat-generate-tool-loop',
    description: 'Executed tool over 2 steps: steps, response.messages vs responseMessages.',
    call: {
      provider: OC,
      model: chat(),
      fn: 'generateText',
      args: { prompt: 'Weather in Paris?', tools: WEATHER_TOOL, stopWhen: { stepCount: 2 } },
    },
    responses: [
      chatCompletion(
        {
          content: '',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        'tool_calls',
      ),
      chatCompletion({ content: 'Sunny, 21 C.' }, 'stop', CHAT_USAGE, 'chatcmpl-2'),
    ],
  },
  {
    name: 'oc-chat-generate-output-object-strict',
    description: 'Output.object with supportsStructuredOutputs: strict json_schema request, parsed output.',
    call: {
      provider: OC_STRICT,
      model: chat(),
      fn: 'generateText',
      args: { prompt: 'A recipe', output: { type: 'object', schema: RECIPE_SCHEMA } },
    },
    responses: [chatCompletion({ content: '{"name":"Soup","servings":2}' })],
  },
  {
    name: 'oc-chat-generate-output-object-json-mode',
    description: 'Output.object without structured outputs: json_object and a warning.',
    call: {
      provider: OC,
      model: chat(),
      fn: 'generateText',
      args: { prompt: 'A recipe', output: { type: 'object', schema: RECIPE_SCHEMA } },
    },
    responses: [chatCompletion({ content: '{"name":"Soup","servings":2,"notes":"hot"}' })],
  },
  {
    name: 'oc-chat-generate-object',
    description: 'generateObject with a schema and structured outputs.',
    call: {
      provider: OC_STRICT,
      model: chat(),
      fn: 'generateObject',
      args: { prompt: 'A recipe', schema: RECIPE_SCHEMA },
    },
    responses: [chatCompletion({ content: '{"name":"Soup","servings":2}' })],
  },
  {
    name: 'oc-chat-generate-object-invalid',
    description: 'generateObject whose text does not match the schema: NoObjectGeneratedError.',
    call: {
      provider: OC_STRICT,
      model: chat(),
      fn: 'generateObject',
      args: { prompt: 'A recipe', schema: RECIPE_SCHEMA },
    },
    responses: [chatCompletion({ content: '{"name":"Soup"}' })],
  },
  {
    name: 'oc-chat-api-call-error-json',
    description: 'A 400 with an OpenAI-style JSON error body: APICallError fields and message.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [
      {
        status: 400,
        json: { error: { message: 'Invalid model', type: 'invalid_request_error', param: 'model', code: 'bad_model' } },
      },
    ],
  },
  {
    name: 'oc-chat-api-call-error-text',
    description: 'A 502 with a plain-text body: APICallError keeps it, message is the status text.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [{ status: 502, headers: { 'content-type': 'text/plain' }, text: 'upstream broke' }],
  },
  {
    name: 'oc-chat-api-call-error-unknown-json',
    description: 'A 500 whose JSON body is not the error structure.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [{ status: 500, json: { detail: 'oops' } }],
  },
  {
    name: 'oc-chat-retry-error',
    description: '503 three times with maxRetries 2: RetryError with 3 errors.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: { ...hi, maxRetries: 2 } },
    responses: [
      {
        status: 503,
        headers: { 'retry-after-ms': '0' },
        json: { error: { message: 'Overloaded', type: 'server_error' } },
      },
    ],
  },
  {
    name: 'oc-chat-retry-then-success',
    description: 'A 500 then a success: one retry, the result of the second attempt.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: { ...hi, maxRetries: 2 } },
    responses: [
      { status: 500, headers: { 'retry-after-ms': '0' }, json: { error: { message: 'Try again' } } },
      chatCompletion({ content: 'Hello after retry' }),
    ],
  },
  {
    name: 'oc-chat-generate-length',
    description: 'finish_reason length and an unknown finish reason mapping.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: { ...hi, maxOutputTokens: 3 } },
    responses: [chatCompletion({ content: 'Hel' }, 'length')],
  },
  {
    name: 'oc-chat-generate-no-usage',
    description: 'A response without usage: unknown counts.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: hi },
    responses: [chatCompletion({ content: 'Hi' }, 'stop', null)],
  },
];

// ---- openai-compatible chat streams ----------------------------------------------------------

const ocStream = [
  {
    name: 'oc-chat-stream-text',
    description: 'Streamed text with include_usage: parts in order and aggregates.',
    call: { provider: OC_USAGE, model: chat(), fn: 'streamText', args: hi },
    responses: [
      {
        sse: [
          chunk({ role: 'assistant', content: '' }),
          chunk({ content: 'Hello' }),
          chunk({ content: ' there' }),
          chunk({}, 'stop'),
          usageChunk(),
        ],
      },
    ],
  },
  {
    name: 'oc-chat-stream-no-usage',
    description: 'Streamed text without include_usage: unknown usage.',
    call: { provider: OC, model: chat(), fn: 'streamText', args: hi },
    responses: [{ sse: [chunk({ role: 'assistant', content: 'Hi' }), chunk({}, 'stop')] }],
  },
  {
    name: 'oc-chat-stream-reasoning',
    description: 'Streamed reasoning_content then content.',
    call: { provider: OC_USAGE, model: chat(), fn: 'streamText', args: hi },
    responses: [
      {
        sse: [
          chunk({ role: 'assistant', reasoning_content: 'Thinking' }),
          chunk({ reasoning_content: ' hard' }),
          chunk({ content: 'Hi!' }),
          chunk({}, 'stop'),
          usageChunk({ ...CHAT_USAGE, completion_tokens_details: { reasoning_tokens: 4 } }),
        ],
      },
    ],
  },
  {
    name: 'oc-chat-stream-tool-call',
    description: 'Streamed tool-call deltas accumulated into one call, no execute.',
    call: {
      provider: OC_USAGE,
      model: chat(),
      fn: 'streamText',
      args: { prompt: 'Weather in Paris?', tools: { weather: WEATHER_NO_EXEC } },
    },
    responses: [
      {
        sse: [
          chunk({
            role: 'assistant',
            tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'weather', arguments: '' } }],
          }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
          chunk({}, 'tool_calls'),
          usageChunk(),
        ],
      },
    ],
  },
  {
    name: 'oc-chat-stream-tool-loop',
    description: 'Streamed tool loop with an executed tool over 2 steps.',
    call: {
      provider: OC_USAGE,
      model: chat(),
      fn: 'streamText',
      args: { prompt: 'Weather in Paris?', tools: WEATHER_TOOL, stopWhen: { stepCount: 2 } },
    },
    responses: [
      {
        sse: [
          chunk({
            role: 'assistant',
            tool_calls: [
              { index: 0, id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
            ],
          }),
          chunk({}, 'tool_calls'),
          usageChunk(),
        ],
      },
      {
        sse: [chunk({ role: 'assistant', content: 'Sunny, 21 C.' }), chunk({}, 'stop'), usageChunk()],
      },
    ],
  },
  {
    name: 'oc-chat-stream-error-chunk',
    description: 'A stream carrying an {"error": ...} chunk: one error part, finish reason error.',
    call: { provider: OC_USAGE, model: chat(), fn: 'streamText', args: hi },
    responses: [
      {
        sse: [
          chunk({ role: 'assistant', content: 'Hel' }),
          { error: { message: 'The server had an error', type: 'server_error', param: null, code: 'internal' } },
        ],
      },
    ],
  },
  {
    name: 'oc-chat-stream-no-finish-reason',
    description: 'A stream that ends without a finish_reason.',
    call: { provider: OC, model: chat(), fn: 'streamText', args: hi },
    responses: [{ sse: [chunk({ role: 'assistant', content: 'Hi' })] }],
  },
  {
    name: 'oc-chat-stream-api-call-error',
    description: 'A stream request answered with a 401 JSON error.',
    call: { provider: OC, model: chat(), fn: 'streamText', args: { ...hi, maxRetries: 0 } },
    responses: [{ status: 401, json: { error: { message: 'Bad key', type: 'auth_error' } } }],
  },
  {
    name: 'oc-chat-stream-output-object',
    description: 'streamText with Output.object and structured outputs.',
    call: {
      provider: OC_STRICT,
      model: chat(),
      fn: 'streamText',
      args: { prompt: 'A recipe', output: { type: 'object', schema: RECIPE_SCHEMA } },
    },
    responses: [
      {
        sse: [
          chunk({ role: 'assistant', content: '{"name":' }),
          chunk({ content: '"Soup","servings":2}' }),
          chunk({}, 'stop'),
        ],
      },
    ],
  },
];

// ---- openai-compatible completion, embeddings, images -----------------------------------------

const COMPLETION_USAGE = { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 };
const completion = (text, finish = 'stop') => ({
  json: {
    id: 'cmpl-1',
    object: 'text_completion',
    created: 1767225600,
    model: 'test-completion-model-2026',
    choices: [{ index: 0, text, finish_reason: finish }],
    usage: COMPLETION_USAGE,
  },
});
const cchunk = (text, finish = null, extra = {}) => ({
  id: 'cmpl-s1',
  object: 'text_completion',
  created: 1767225600,
  model: 'test-completion-model-2026',
  choices: [{ index: 0, text, finish_reason: finish }],
  ...extra,
});
const completionModel = { kind: 'completion', id: 'test-completion-model' };
const embModel = { kind: 'embedding', id: 'test-embedding-model' };
const embResponse = (n) => ({
  json: {
    object: 'list',
    data: Array.from({ length: n }, (_, i) => ({ object: 'embedding', index: i, embedding: [0.1 * (i + 1), 0.2, 0.3] })),
    model: 'test-embedding-model',
    usage: { prompt_tokens: 5, total_tokens: 5 },
  },
});

const ocOther = [
  {
    name: 'oc-completion-generate',
    description: 'Completion model generate: prompt rendering, stop, usage.',
    call: {
      provider: OC,
      model: completionModel,
      fn: 'generateText',
      args: { system: 'Be brief.', prompt: 'Say hi', maxOutputTokens: 20 },
    },
    responses: [completion('Hi!')],
  },
  {
    name: 'oc-completion-generate-stop-sequences',
    description: 'Four user stop sequences (OpenAI allows at most 4).',
    call: {
      provider: OC,
      model: completionModel,
      fn: 'generateText',
      args: { prompt: 'Count', stopSequences: ['5', '6', '7', '8'] },
    },
    responses: [completion('1 2 3 4')],
  },
  {
    name: 'oc-completion-stream',
    description: 'Completion stream: text part ids, usage.',
    call: { provider: OC_USAGE, model: completionModel, fn: 'streamText', args: hi },
    responses: [
      {
        sse: [cchunk('Hel'), cchunk('lo'), cchunk('', 'stop'), cchunk('', null, { choices: [], usage: COMPLETION_USAGE })],
      },
    ],
  },
  {
    name: 'oc-embed',
    description: 'embed one value.',
    call: { provider: OC, model: embModel, fn: 'embed', args: { value: 'sunny day' } },
    responses: [embResponse(1)],
  },
  {
    name: 'oc-embed-many',
    description: 'embedMany three values in one call.',
    call: { provider: OC, model: embModel, fn: 'embedMany', args: { values: ['a', 'b', 'c'] } },
    responses: [embResponse(3)],
  },
  {
    name: 'oc-embed-dimensions',
    description: 'embed with the top-level dimensions argument (AI SDK 7).',
    call: { provider: OC, model: embModel, fn: 'embed', args: { value: 'sunny day', dimensions: 3 } },
    responses: [embResponse(1)],
  },
  {
    name: 'oc-embed-many-dimensions',
    description: 'embedMany with dimensions.',
    call: {
      provider: OC,
      model: embModel,
      fn: 'embedMany',
      args: { values: ['a', 'b'], dimensions: 3 },
    },
    responses: [embResponse(2)],
  },
  {
    name: 'oc-embed-provider-options',
    description: 'embed with provider options (dimensions, user) under the provider name.',
    call: {
      provider: OC,
      model: embModel,
      fn: 'embed',
      args: { value: 'x', providerOptions: { testProvider: { dimensions: 3, user: 'u-1' } } },
    },
    responses: [embResponse(1)],
  },
  {
    name: 'oc-image-generate',
    description: 'Image generation: n, size, base64 images.',
    call: {
      provider: OC,
      model: { kind: 'image', id: 'test-image-model' },
      fn: 'generateImage',
      args: { prompt: 'A red square', n: 2, size: '256x256' },
    },
    responses: [
      {
        json: {
          created: 1767225600,
          data: [{ b64_json: 'iVBORw0KGgo=' }, { b64_json: 'iVBORw0KGgp=' }],
        },
      },
    ],
  },
  {
    name: 'oc-image-generate-warnings',
    description: 'Image generation with aspectRatio and seed: unsupported warnings.',
    call: {
      provider: OC,
      model: { kind: 'image', id: 'test-image-model' },
      fn: 'generateImage',
      args: { prompt: 'A red square', aspectRatio: '1:1', seed: 3 },
    },
    responses: [{ json: { created: 1767225600, data: [{ b64_json: 'iVBORw0KGgo=' }] } }],
  },
];


const ocMore = [
  {
    name: 'oc-chat-provider-headers-query',
    description: 'Provider-level headers and queryParams on the chat request.',
    call: {
      provider: { ...OC, settings: { ...OC.settings, headers: { 'x-team': 't1' }, queryParams: { 'api-version': '2026-01-01' } } },
      model: chat(),
      fn: 'generateText',
      args: { ...hi, headers: { 'x-call': 'c1' } },
    },
    responses: [chatCompletion({ content: 'Hi' })],
  },
  {
    name: 'oc-chat-generate-reasoning-effort',
    description: 'Top-level reasoning (AI SDK 7) mapped to reasoning_effort.',
    call: { provider: OC, model: chat(), fn: 'generateText', args: { ...hi, reasoning: 'low' } },
    responses: [chatCompletion({ content: 'Hi' })],
  },
  {
    name: 'oc-chat-generate-tool-choice-required',
    description: 'toolChoice required.',
    call: {
      provider: OC,
      model: chat(),
      fn: 'generateText',
      args: { prompt: 'Weather in Paris?', tools: { weather: WEATHER_NO_EXEC }, toolChoice: 'required' },
    },
    responses: [
      chatCompletion(
        { content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] },
        'tool_calls',
      ),
    ],
  },
  {
    name: 'oc-chat-generate-tool-choice-tool',
    description: 'toolChoice naming one tool ({type: tool, toolName}).',
    call: {
      provider: OC,
      model: chat(),
      fn: 'generateText',
      args: {
        prompt: 'Weather in Paris?',
        tools: { weather: WEATHER_NO_EXEC },
        toolChoice: { type: 'tool', toolName: 'weather' },
      },
    },
    responses: [
      chatCompletion(
        { content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] },
        'tool_calls',
      ),
    ],
  },
  {
    name: 'oc-chat-stream-raw-chunks',
    description: 'includeRawChunks: raw parts before each chunk.',
    call: { provider: OC, model: chat(), fn: 'streamText', args: { ...hi, includeRawChunks: true } },
    responses: [{ sse: [chunk({ role: 'assistant', content: 'Hi' }), chunk({}, 'stop')] }],
  },
  {
    name: 'oc-image-revised-prompt',
    description: 'Image response with revised_prompt next to b64_json.',
    call: {
      provider: OC,
      model: { kind: 'image', id: 'test-image-model' },
      fn: 'generateImage',
      args: { prompt: 'A red square' },
    },
    responses: [
      { json: { created: 1767225600, data: [{ b64_json: 'iVBORw0KGgo=', revised_prompt: 'A bright red square' }] } },
    ],
  },
];

// ---- tool approval (openai-compatible chat) ---------------------------------------------------

const APPROVAL_TOOL = { weather: { ...WEATHER_TOOL.weather, needsApproval: true } };
const weatherPrompt = { prompt: 'Weather in Paris?' };
const CALL_1 = { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } };
const toolCallCompletion = () => chatCompletion({ content: null, tool_calls: [CALL_1] }, 'tool_calls');
const textCompletion = () => chatCompletion({ content: 'Sunny, 21 C.' }, 'stop', CHAT_USAGE, 'chatcmpl-2');
const toolCallStream = () => ({
  sse: [chunk({ role: 'assistant', tool_calls: [{ index: 0, ...CALL_1 }] }), chunk({}, 'tool_calls'), usageChunk()],
});
const textStream = () => ({
  sse: [chunk({ role: 'assistant', content: 'Sunny, 21 C.' }), chunk({}, 'stop'), usageChunk()],
});

// HMAC-SHA256 signatures of approval-1 / call_1 / weather / {"city":"Paris"}, computed with
// ai_sdk._approval_signature.sign_tool_approval (checked against upstream's vectors): with the
// secret 'secret' (what TS accepts) and with 'other-secret' (what it must reject).
const SIGNATURE = 'FKQJgRBzHF_pg0CocGRqugmAlopeufJih6CWJ4aBRx0';
const WRONG_SIGNATURE = '-tYBwvfGQheE-amFCQVkU6d4EVVF5j0Rw5zglp606Ko';

/** A conversation waiting on approval-1 for call_1, answered by the last (tool) message. */
function approvalHistory(answer, { request = {}, withCall = true, answerId = 'approval-1' } = {}) {
  return [
    { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
    {
      role: 'assistant',
      content: [
        ...(withCall
          ? [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: { city: 'Paris' } }]
          : []),
        { type: 'tool-approval-request', approvalId: 'approval-1', toolCallId: 'call_1', ...request },
      ],
    },
    { role: 'tool', content: [{ type: 'tool-approval-response', approvalId: answerId, ...answer }] },
  ];
}

/** The generateText and streamText variants of one approval scenario. */
function approvalPair(name, description, args, generateResponses, streamResponses, fns = ['generate', 'stream']) {
  const out = [];
  if (fns.includes('generate')) {
    out.push({
      name: `oc-approval-generate-${name}`,
      description: `generateText: ${description}`,
      call: { provider: OC, model: chat(), fn: 'generateText', args },
      responses: generateResponses,
    });
  }
  if (fns.includes('stream')) {
    out.push({
      name: `oc-approval-stream-${name}`,
      description: `streamText: ${description}`,
      call: { provider: OC_USAGE, model: chat(), fn: 'streamText', args },
      responses: streamResponses,
    });
  }
  return out;
}

const CALL_2 = { id: 'call_2', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } };
const WEATHER_RESULT = { type: 'json', value: { city: 'Paris', temperatureC: 21, conditions: 'sunny' } };

/** Two calls waiting on approval-1 (call_1, Paris) and approval-2 (call_2, Rome), answered in
 * the reverse order. */
const twoApprovalsAnsweredInReverse = [
  { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
  {
    role: 'assistant',
    content: [
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: { city: 'Paris' } },
      { type: 'tool-call', toolCallId: 'call_2', toolName: 'weather', input: { city: 'Rome' } },
      { type: 'tool-approval-request', approvalId: 'approval-1', toolCallId: 'call_1' },
      { type: 'tool-approval-request', approvalId: 'approval-2', toolCallId: 'call_2' },
    ],
  },
  {
    role: 'tool',
    content: [
      { type: 'tool-approval-response', approvalId: 'approval-2', approved: true },
      { type: 'tool-approval-response', approvalId: 'approval-1', approved: true },
    ],
  },
];

const ocApproval = [
  ...approvalPair(
    'needs-approval',
    'needsApproval: true; the call waits (tool-approval-request, no result, the loop stops).',
    { ...weatherPrompt, tools: APPROVAL_TOOL, stopWhen: { stepCount: 2 } },
    [toolCallCompletion(), textCompletion()],
    [toolCallStream(), textStream()],
  ),
  ...approvalPair(
    'user-approval-reason',
    "toolApproval {weather: {type: 'user-approval', reason}}: the reason travels on the request.",
    {
      ...weatherPrompt,
      tools: WEATHER_TOOL,
      toolApproval: { weather: { type: 'user-approval', reason: 'Paris is far away' } },
      stopWhen: { stepCount: 2 },
    },
    [toolCallCompletion(), textCompletion()],
    [toolCallStream(), textStream()],
    ['generate'],
  ),
  ...approvalPair(
    'resume-approved',
    'history answered approved: the tool runs before the first model call.',
    { messages: approvalHistory({ approved: true }), tools: APPROVAL_TOOL },
    [textCompletion()],
    [textStream()],
  ),
  ...approvalPair(
    'resume-denied',
    'history answered denied with a reason: execution-denied goes to the model.',
    { messages: approvalHistory({ approved: false, reason: 'Not today' }), tools: APPROVAL_TOOL },
    [textCompletion()],
    [textStream()],
  ),
  ...approvalPair(
    'auto-denied',
    "toolApproval {weather: 'denied'}: automatic request and response, the loop goes on.",
    { ...weatherPrompt, tools: WEATHER_TOOL, toolApproval: { weather: 'denied' }, stopWhen: { stepCount: 2 } },
    [toolCallCompletion(), textCompletion()],
    [toolCallStream(), textStream()],
  ),
  ...approvalPair(
    'auto-approved',
    "toolApproval {weather: 'approved'} over a needsApproval tool: it runs, the loop goes on.",
    { ...weatherPrompt, tools: APPROVAL_TOOL, toolApproval: { weather: 'approved' }, stopWhen: { stepCount: 2 } },
    [toolCallCompletion(), textCompletion()],
    [toolCallStream(), textStream()],
  ),
  ...approvalPair(
    'auto-denied-reason',
    "toolApproval {weather: {type: 'denied', reason}}: the reason reaches the model.",
    {
      ...weatherPrompt,
      tools: WEATHER_TOOL,
      toolApproval: { weather: { type: 'denied', reason: 'x' } },
      stopWhen: { stepCount: 2 },
    },
    [toolCallCompletion(), textCompletion()],
    [toolCallStream(), textStream()],
  ),
  ...approvalPair(
    'signed-request',
    "experimental_toolApprovalSecret: the request's signature (ids fixed with _internal.generateId).",
    {
      ...weatherPrompt,
      tools: APPROVAL_TOOL,
      experimental_toolApprovalSecret: 'secret',
      _internal: { generateId: 'approval-1' },
    },
    [toolCallCompletion()],
    [toolCallStream()],
  ),
  ...approvalPair(
    'signed-resume',
    'a correctly signed approved answer runs the tool.',
    {
      messages: approvalHistory({ approved: true }, { request: { signature: SIGNATURE } }),
      tools: APPROVAL_TOOL,
      experimental_toolApprovalSecret: 'secret',
    },
    [textCompletion()],
    [textStream()],
  ),
  ...approvalPair(
    'signed-resume-wrong-signature',
    'a wrongly signed approved answer: InvalidToolApprovalSignatureError, no model call.',
    {
      messages: approvalHistory({ approved: true }, { request: { signature: WRONG_SIGNATURE } }),
      tools: APPROVAL_TOOL,
      experimental_toolApprovalSecret: 'secret',
    },
    [textCompletion()],
    [textStream()],
  ),
  ...approvalPair(
    'signed-resume-missing-signature',
    'an unsigned approved answer with a secret: InvalidToolApprovalSignatureError.',
    {
      messages: approvalHistory({ approved: true }),
      tools: APPROVAL_TOOL,
      experimental_toolApprovalSecret: 'secret',
    },
    [textCompletion()],
    [textStream()],
    ['generate'],
  ),
  ...approvalPair(
    'resume-policy-denied',
    "history answered approved, but toolApproval {weather: {type: 'denied', reason}} now denies it.",
    {
      messages: approvalHistory({ approved: true }),
      tools: APPROVAL_TOOL,
      toolApproval: { weather: { type: 'denied', reason: 'Policy says no' } },
    },
    [textCompletion()],
    [textStream()],
  ),
  ...approvalPair(
    'resume-invalid-input',
    'history answered approved for a call whose input does not match the schema (validated).',
    {
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: { city: 42 } },
            { type: 'tool-approval-request', approvalId: 'approval-1', toolCallId: 'call_1' },
          ],
        },
        { role: 'tool', content: [{ type: 'tool-approval-response', approvalId: 'approval-1', approved: true }] },
      ],
      tools: { weather: { ...APPROVAL_TOOL.weather, validate: 'weather' } },
    },
    [textCompletion()],
    [textStream()],
  ),
  ...approvalPair(
    'resume-unknown-tool',
    'history answered approved for a call of a tool that is not in tools.',
    { messages: approvalHistory({ approved: true }), tools: { other: APPROVAL_TOOL.weather } },
    [textCompletion()],
    [textStream()],
    ['generate'],
  ),
  ...approvalPair(
    'not-applicable',
    "toolApproval {weather: 'not-applicable'} over a needsApproval tool: it runs without approval.",
    {
      ...weatherPrompt,
      tools: APPROVAL_TOOL,
      toolApproval: { weather: 'not-applicable' },
      stopWhen: { stepCount: 2 },
    },
    [toolCallCompletion(), textCompletion()],
    [toolCallStream(), textStream()],
    ['generate'],
  ),
  ...approvalPair(
    'resume-order',
    'two approved answers in reverse order: the tools run in the order of the calls.',
    { messages: twoApprovalsAnsweredInReverse, tools: APPROVAL_TOOL },
    [textCompletion()],
    [textStream()],
  ),
  ...approvalPair(
    'resume-with-result',
    'an approved answer whose call already has a result in the same message: no second run.',
    {
      messages: [
        ...approvalHistory({ approved: true }).slice(0, 2),
        {
          role: 'tool',
          content: [
            { type: 'tool-approval-response', approvalId: 'approval-1', approved: true },
            { type: 'tool-result', toolCallId: 'call_1', toolName: 'weather', output: WEATHER_RESULT },
          ],
        },
      ],
      tools: APPROVAL_TOOL,
    },
    [textCompletion()],
    [textStream()],
    ['generate'],
  ),
  ...approvalPair(
    'answered-twice',
    'one approval answered twice in the last message (TS: the first answer counts).',
    {
      messages: [
        ...approvalHistory({ approved: true }).slice(0, 2),
        {
          role: 'tool',
          content: [
            { type: 'tool-approval-response', approvalId: 'approval-1', approved: true },
            { type: 'tool-approval-response', approvalId: 'approval-1', approved: false },
          ],
        },
      ],
      tools: APPROVAL_TOOL,
    },
    [textCompletion()],
    [textStream()],
    ['generate'],
  ),
  ...approvalPair(
    'answered-in-earlier-message',
    'an approval answered in an earlier tool message and again in the last one (TS: runs again).',
    {
      messages: [
        ...approvalHistory({ approved: true }),
        { role: 'tool', content: [{ type: 'tool-approval-response', approvalId: 'approval-1', approved: true }] },
      ],
      tools: APPROVAL_TOOL,
    },
    [textCompletion()],
    [textStream()],
    ['generate'],
  ),
  ...approvalPair(
    'unknown-approval-id',
    'an answer naming no request of the history: InvalidToolApprovalError.',
    { messages: approvalHistory({ approved: true }, { answerId: 'approval-unknown' }), tools: APPROVAL_TOOL },
    [textCompletion()],
    [textStream()],
  ),
  ...approvalPair(
    'tool-call-not-found',
    'a request whose tool call is not in the history: ToolCallNotFoundForApprovalError.',
    { messages: approvalHistory({ approved: true }, { withCall: false }), tools: APPROVAL_TOOL },
    [textCompletion()],
    [textStream()],
  ),
];

// ---- gateway ---------------------------------------------------------------------------------

const OIDC_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0ZXN0IiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJl';

const gw = [
  {
    name: 'gw-generate-text',
    description: 'Gateway generate: headers, body, response metadata, usage.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: hi },
    responses: [gwGenerate([{ type: 'text', text: 'Hello from the gateway' }])],
  },
  {
    name: 'gw-generate-text-options',
    description: 'Gateway generate with settings, tools and gateway provider options.',
    call: {
      provider: GW,
      model: gwModel('anthropic/claude-sonnet-4.6'),
      fn: 'generateText',
      args: {
        system: 'Be brief.',
        prompt: 'Weather in Paris?',
        temperature: 0.2,
        maxOutputTokens: 100,
        tools: { weather: WEATHER_NO_EXEC },
        toolChoice: 'auto',
        providerOptions: { gateway: { order: ['anthropic', 'vertex'], user: 'u1', tags: ['t'] } },
      },
    },
    responses: [
      gwGenerate(
        [{ type: 'tool-call', toolCallId: 'toolu_1', toolName: 'weather', input: '{"city":"Paris"}' }],
        { unified: 'tool-calls', raw: 'tool_use' },
      ),
    ],
  },
  {
    name: 'gw-generate-text-reasoning',
    description: 'Gateway generate with reasoning content.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: hi },
    responses: [
      gwGenerate([
        { type: 'reasoning', text: 'User greets.' },
        { type: 'text', text: 'Hi' },
      ]),
    ],
  },
  {
    name: 'gw-stream-text',
    description: 'Gateway stream: request body, parts, aggregates.',
    call: { provider: GW, model: gwModel(), fn: 'streamText', args: hi },
    responses: [
      {
        sse: [
          { type: 'stream-start', warnings: [] },
          { type: 'response-metadata', id: 'resp-gw-s1', modelId: 'openai/gpt-5-2026', timestamp: '2026-01-01T00:00:00.000Z' },
          { type: 'text-start', id: '0', providerMetadata: { gateway: { generationId: 'gen_01STREAM' } } },
          { type: 'text-delta', id: '0', delta: 'Hi' },
          { type: 'text-delta', id: '0', delta: ' there' },
          { type: 'text-end', id: '0' },
          {
            type: 'finish',
            finishReason: { unified: 'stop', raw: 'stop' },
            usage: GW_USAGE,
            providerMetadata: { gateway: { generationId: 'gen_01STREAM' } },
          },
        ],
      },
    ],
  },
  {
    name: 'gw-stream-text-tool-loop',
    description: 'Gateway stream with an executed tool over 2 steps.',
    call: {
      provider: GW,
      model: gwModel(),
      fn: 'streamText',
      args: { prompt: 'Weather in Paris?', tools: WEATHER_TOOL, stopWhen: { stepCount: 2 } },
    },
    responses: [
      {
        sse: [
          { type: 'stream-start', warnings: [] },
          { type: 'tool-input-start', id: 'call_1', toolName: 'weather' },
          { type: 'tool-input-delta', id: 'call_1', delta: '{"city":"Paris"}' },
          { type: 'tool-input-end', id: 'call_1' },
          { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"city":"Paris"}' },
          { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage: GW_USAGE },
        ],
      },
      {
        sse: [
          { type: 'stream-start', warnings: [] },
          { type: 'text-start', id: '0' },
          { type: 'text-delta', id: '0', delta: 'Sunny.' },
          { type: 'text-end', id: '0' },
          { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: GW_USAGE },
        ],
      },
    ],
  },
  {
    name: 'gw-stream-error-part',
    description: 'Gateway stream whose server sends an error part.',
    call: { provider: GW, model: gwModel(), fn: 'streamText', args: hi },
    responses: [
      {
        sse: [
          { type: 'stream-start', warnings: [] },
          { type: 'error', error: { message: 'upstream failed', type: 'internal_server_error' } },
          { type: 'finish', finishReason: { unified: 'error', raw: 'error' }, usage: GW_USAGE },
        ],
      },
    ],
  },
  {
    name: 'gw-generate-output-object',
    description: 'Gateway generate with Output.object: responseFormat in the body.',
    call: {
      provider: GW,
      model: gwModel(),
      fn: 'generateText',
      args: { prompt: 'A recipe', output: { type: 'object', schema: RECIPE_SCHEMA } },
    },
    responses: [gwGenerate([{ type: 'text', text: '{"name":"Soup","servings":2}' }])],
  },
  {
    name: 'gw-embed',
    description: 'Gateway embed.',
    call: { provider: GW, model: gwModel('openai/text-embedding-3-small', 'embedding'), fn: 'embed', args: { value: 'sunny day' } },
    responses: [{ json: { embeddings: [[0.1, 0.2, 0.3]], usage: { tokens: 3 } } }],
  },
  {
    name: 'gw-embed-many',
    description: 'Gateway embedMany with provider options.',
    call: {
      provider: GW,
      model: gwModel('openai/text-embedding-3-small', 'embedding'),
      fn: 'embedMany',
      args: { values: ['a', 'b'], providerOptions: { openai: { dimensions: 3 } } },
    },
    responses: [
      {
        json: {
          embeddings: [
            [0.1, 0.2, 0.3],
            [0.4, 0.5, 0.6],
          ],
          usage: { tokens: 2 },
          providerMetadata: { gateway: { generationId: 'gen_01EMB' } },
        },
      },
    ],
  },
  {
    name: 'gw-image',
    description: 'Gateway image model.',
    call: {
      provider: GW,
      model: gwModel('openai/gpt-image-1', 'image'),
      fn: 'generateImage',
      args: { prompt: 'A red square', n: 1, size: '1024x1024', seed: 0 },
    },
    responses: [
      {
        json: {
          images: ['iVBORw0KGgo='],
          warnings: [],
          providerMetadata: { gateway: { generationId: 'gen_01IMG' } },
          usage: { inputTokens: 10, outputTokens: 100, totalTokens: 110 },
        },
      },
    ],
  },
  {
    name: 'gw-get-available-models',
    description: 'Gateway /config metadata: pricing renames, unknown modelType filtered.',
    call: { provider: GW, fn: 'getAvailableModels' },
    responses: [
      {
        json: {
          models: [
            {
              id: 'anthropic/claude-sonnet-4.6',
              name: 'Claude Sonnet 4.6',
              description: 'A model',
              pricing: {
                input: '0.000003',
                output: '0.000015',
                input_cache_read: '0.0000003',
                input_cache_write: '0.00000375',
              },
              specification: { specificationVersion: 'v4', provider: 'anthropic', modelId: 'claude-sonnet-4.6' },
              modelType: 'language',
              tags: ['x'],
            },
            {
              id: 'openai/text-embedding-3-small',
              name: 'Embedding',
              pricing: { input: '0.00000002', output: '0' },
              specification: { specificationVersion: 'v4', provider: 'openai', modelId: 'text-embedding-3-small' },
              modelType: 'embedding',
            },
            {
              id: 'x/future',
              name: 'Future',
              specification: { specificationVersion: 'v4', provider: 'x', modelId: 'future' },
              modelType: 'hologram',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'gw-get-credits',
    description: 'Gateway /v1/credits.',
    call: { provider: GW, fn: 'getCredits' },
    responses: [{ json: { balance: '12.50', total_used: '7.25' } }],
  },
  {
    name: 'gw-auth-oidc-env',
    description: 'No API key, VERCEL_OIDC_TOKEN in the environment: OIDC auth headers.',
    call: { provider: GW_NO_KEY, model: gwModel(), fn: 'generateText', args: hi, env: { VERCEL_OIDC_TOKEN: OIDC_TOKEN } },
    responses: [gwGenerate([{ type: 'text', text: 'Hi' }])],
  },
  {
    name: 'gw-auth-api-key-env',
    description: 'AI_GATEWAY_API_KEY in the environment.',
    call: { provider: GW_NO_KEY, model: gwModel(), fn: 'generateText', args: hi, env: { AI_GATEWAY_API_KEY: 'env-key' } },
    responses: [gwGenerate([{ type: 'text', text: 'Hi' }])],
  },
  {
    name: 'gw-error-401-api-key',
    description: '401 authentication_error with an API key.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [gwError(401, 'authentication_error', 'Invalid API key')],
  },
  {
    name: 'gw-error-401-oidc',
    description: '401 authentication_error with an OIDC token.',
    call: {
      provider: GW_NO_KEY,
      model: gwModel(),
      fn: 'generateText',
      args: { ...hi, maxRetries: 0 },
      env: { VERCEL_OIDC_TOKEN: OIDC_TOKEN },
    },
    responses: [gwError(401, 'authentication_error', 'Invalid token')],
  },
  {
    name: 'gw-error-401-embed',
    description: '401 on an embedding call (no generateText wrapping).',
    call: { provider: GW, model: gwModel('openai/text-embedding-3-small', 'embedding'), fn: 'embed', args: { value: 'x', maxRetries: 0 } },
    responses: [gwError(401, 'authentication_error', 'Invalid API key')],
  },
  {
    name: 'gw-error-403-forbidden',
    description: '403 forbidden with a rule id.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [gwError(403, 'forbidden', 'Blocked by policy', { param: { ruleId: 'rule_1' } })],
  },
  {
    name: 'gw-error-404-model-not-found',
    description: '404 model_not_found with a model id and generation id.',
    call: { provider: GW, model: gwModel('x/nope'), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [
      {
        status: 404,
        json: {
          error: { message: 'Model x/nope not found', type: 'model_not_found', param: { modelId: 'x/nope' } },
          generationId: 'gen_01NOTFOUND',
        },
      },
    ],
  },
  {
    name: 'gw-error-429-rate-limit',
    description: '429 rate_limit_exceeded with maxRetries 0.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [gwError(429, 'rate_limit_exceeded', 'Slow down')],
  },
  {
    name: 'gw-error-400-invalid-request',
    description: '400 invalid_request_error.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [gwError(400, 'invalid_request_error', 'temperature out of range', { param: 'temperature' })],
  },
  {
    name: 'gw-error-500-internal',
    description: '500 internal_server_error.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [gwError(500, 'internal_server_error', 'Boom')],
  },
  {
    name: 'gw-error-500-malformed',
    description: '500 with a body that is not the gateway error shape: GatewayResponseError.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [{ status: 500, json: { oops: true } }],
  },
  {
    name: 'gw-error-unknown-type',
    description: 'An error with an unknown type: internal server error with the HTTP status.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [gwError(418, 'teapot', 'I am a teapot')],
  },
  {
    name: 'gw-retry-error',
    description: '503 with retry-after-ms 0 and maxRetries 1: RetryError over gateway errors.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 1 } },
    responses: [
      { status: 503, headers: { 'retry-after-ms': '0' }, json: { error: { message: 'Busy', type: 'internal_server_error' } } },
    ],
  },
  {
    name: 'gw-stream-error-401',
    description: 'A gateway stream answered with 401.',
    call: { provider: GW, model: gwModel(), fn: 'streamText', args: { ...hi, maxRetries: 0 } },
    responses: [gwError(401, 'authentication_error', 'Invalid API key')],
  },
];


const gwMore = [
  {
    name: 'gw-generate-text-headers',
    description: 'Provider headers and call headers on a gateway request (headers travel in the body too).',
    call: {
      provider: { ...GW, settings: { ...GW.settings, headers: { 'x-provider': 'p' } } },
      model: gwModel(),
      fn: 'generateText',
      args: { ...hi, headers: { 'x-call': 'c' } },
    },
    responses: [gwGenerate([{ type: 'text', text: 'Hi' }])],
  },
  {
    name: 'gw-o11y-env',
    description: 'VERCEL_* observability variables become ai-o11y-* headers.',
    call: {
      provider: GW,
      model: gwModel(),
      fn: 'generateText',
      args: hi,
      env: { VERCEL_DEPLOYMENT_ID: 'dpl_1', VERCEL_ENV: 'preview', VERCEL_REGION: 'iad1', VERCEL_PROJECT_ID: 'prj_1' },
    },
    responses: [gwGenerate([{ type: 'text', text: 'Hi' }])],
  },
  {
    name: 'gw-get-credits-team',
    description: 'Credits with teamIdOrSlug: team header and query.',
    call: { provider: { ...GW, settings: { ...GW.settings, teamIdOrSlug: 'my-team' } }, fn: 'getCredits' },
    responses: [{ json: { balance: '1.00', total_used: '2.00' } }],
  },
  {
    name: 'gw-get-available-models-401',
    description: 'Metadata call answered with 401.',
    call: { provider: GW, fn: 'getAvailableModels' },
    responses: [gwError(401, 'authentication_error', 'Invalid API key')],
  },
  {
    name: 'gw-get-generation-info',
    description: 'Generation info lookup: snake_case payload to camelCase.',
    call: { provider: GW, fn: 'getGenerationInfo', args: { id: 'gen_01ABC' } },
    responses: [
      {
        json: {
          data: {
            id: 'gen_01ABC',
            total_cost: 0.0012,
            upstream_inference_cost: 0.001,
            usage: 0.0012,
            created_at: '2026-01-01T00:00:00.000Z',
            model: 'openai/gpt-5',
            is_byok: false,
            provider_name: 'openai',
            streamed: true,
            finish_reason: 'stop',
            latency: 120,
            generation_time: 900,
            native_tokens_prompt: 10,
            native_tokens_completion: 5,
            native_tokens_reasoning: 0,
            native_tokens_cached: 0,
            native_tokens_cache_creation: 0,
            billable_web_search_calls: 0,
          },
        },
      },
    ],
  },
  {
    name: 'gw-get-spend-report',
    description: 'Spend report: query string and camelCase rows.',
    call: {
      provider: GW,
      fn: 'getSpendReport',
      args: { startDate: '2026-01-01', endDate: '2026-01-31', groupBy: 'model', tags: ['a', 'b'] },
    },
    responses: [
      {
        json: {
          results: [
            { model: 'openai/gpt-5', total_cost: 1.5, input_tokens: 100, output_tokens: 50, request_count: 3 },
          ],
        },
      },
    ],
  },
  {
    name: 'gw-error-424-failed-dependency',
    description: '424 failed_dependency.',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [gwError(424, 'failed_dependency', 'Upstream provider failed')],
  },
  {
    name: 'gw-error-404-not-found',
    description: '404 not_found (not a model).',
    call: { provider: GW, model: gwModel(), fn: 'generateText', args: { ...hi, maxRetries: 0 } },
    responses: [gwError(404, 'not_found', 'No such job')],
  },
];

export const SCENARIOS = [...ocChat, ...ocStream, ...ocOther, ...ocMore, ...ocApproval, ...gw, ...gwMore];
