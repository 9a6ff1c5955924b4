// Records conformance cases from the real TypeScript AI SDK.
//
// For every scenario in scenarios.mjs: start a stub HTTP server on 127.0.0.1 that answers with
// the scenario's canned responses (in order, the last one repeating) and records each request,
// run the scenario's declarative `call` through the TS SDK, normalise what a user sees to JSON,
// and write conformance/cases/<name>.json.
//
// Usage: node record.mjs [name-substring ...]

import { writeFileSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as ai from 'ai';
import * as gatewayPkg from '@ai-sdk/gateway';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';

import { SCENARIOS, TOOL_EXECUTES, TOOL_VALIDATORS } from './scenarios.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CASES = join(HERE, '..', 'cases');
const BASE = 'http://stub';
const PKG_VERSIONS = {
  ai: '7.0.173',
  '@ai-sdk/gateway': '4.0.146',
  '@ai-sdk/openai-compatible': '3.0.92',
};

// ---- canned responses ----------------------------------------------------------------------

/** The exact bytes of a canned response body: `json`, `sse` (data events) or `text`. */
function renderResponse(spec) {
  const headers = { ...(spec.headers ?? {}) };
  let body;
  if (spec.sse !== undefined) {
    headers['content-type'] ??= 'text/event-stream';
    body = spec.sse
      .map((event) => `data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`)
      .join('');
    if (spec.done !== false) body += 'data: [DONE]\n\n';
  } else if (spec.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(spec.json);
  } else {
    body = spec.text ?? '';
  }
  return { status: spec.status ?? 200, headers, body };
}

// ---- the stub server ------------------------------------------------------------------------

const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'accept-language',
  'sec-fetch-mode',
]);

async function startStub(responses) {
  const requests = [];
  let next = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const headers = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (!DROPPED_REQUEST_HEADERS.has(k)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      }
      const recorded = { method: req.method, path: req.url, headers };
      if (text) {
        try {
          recorded.json = JSON.parse(text);
        } catch {
          recorded.text = text;
        }
      }
      requests.push(recorded);
      const reply = responses[Math.min(next, responses.length - 1)];
      next += 1;
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

// ---- normalisation --------------------------------------------------------------------------

function makeNormaliser({ url, responseHeaderNames, knownStrings, startedAt }) {
  const GENERATED = /^([a-z]+)-[A-Za-z0-9]{24}$/;
  const GENERATED_BARE = /^[A-Za-z0-9]{16}$/;

  function str(s) {
    if (s.includes(url)) s = s.split(url).join(BASE);
    if (!knownStrings.has(s)) {
      const m = GENERATED.exec(s);
      if (m) return `<generated:${m[1]}>`;
      if (GENERATED_BARE.test(s) && /[0-9]/.test(s) && /[A-Za-z]/.test(s)) return '<generated>';
    }
    return s;
  }

  function date(d) {
    const t = d.getTime();
    if (t >= startedAt - 1000 && t <= Date.now() + 1000) return '<now>';
    return d.toISOString();
  }

  function headers(h) {
    if (h == null) return h;
    const out = {};
    for (const [k, v] of Object.entries(h)) {
      if (responseHeaderNames.has(k.toLowerCase())) out[k.toLowerCase()] = v;
    }
    return out;
  }

  const ERROR_FIELDS = [
    'statusCode',
    'url',
    'isRetryable',
    'responseBody',
    'data',
    'type',
    'generationId',
    'modelId',
    'ruleId',
    'reason',
    'text',
    'finishReason',
    'toolName',
    'toolInput',
    'parameter',
    'approvalId',
    'toolCallId',
  ];

  function error(e, depth = 0) {
    const out = { $class: e.constructor?.name ?? 'Error', message: str(String(e.message)) };
    for (const f of ERROR_FIELDS) if (e[f] !== undefined) out[f] = value(e[f]);
    if (e.responseHeaders !== undefined) out.responseHeaders = headers(e.responseHeaders);
    if (Array.isArray(e.errors)) out.errors = e.errors.map((x) => errorOrValue(x, depth + 1));
    if (e.lastError !== undefined) out.lastError = errorOrValue(e.lastError, depth + 1);
    if (e.cause !== undefined && depth < 2) out.cause = errorOrValue(e.cause, depth + 1);
    return out;
  }

  function errorOrValue(x, depth) {
    return x instanceof Error ? error(x, depth) : value(x);
  }

  function value(v) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
    if (v === null || typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v === 'string') return str(v);
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof Date) return date(v);
    if (v instanceof URL) return str(v.href);
    if (v instanceof Error) return error(v);
    if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : value(x)));
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      const n = k === 'performance' ? timings(x) : value(x);
      if (n !== undefined) out[k] = n;
    }
    return out;
  }

  /** Step timings vary per run: keep their shape, mark the numbers. */
  function timings(v) {
    if (typeof v === 'number') return '<number>';
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, timings(x)]));
    }
    return value(v);
  }

  /** Picks `keys` from an object with getters (TS results are classes). */
  function pick(obj, keys, special = {}) {
    const out = {};
    for (const k of keys) {
      let x;
      try {
        x = special[k] ? special[k](obj[k]) : value(obj[k]);
      } catch (e) {
        x = { $error: error(e) };
      }
      if (x !== undefined) out[k] = x;
    }
    return out;
  }

  return { value, error, pick, headers, str };
}

// Result keys by function (the Python replay reads the same keys in snake_case).
const STEP_KEYS = [
  'stepNumber',
  'content',
  'text',
  'reasoning',
  'reasoningText',
  'files',
  'sources',
  'toolCalls',
  'toolResults',
  'finishReason',
  'rawFinishReason',
  'usage',
  'warnings',
  'request',
  'response',
  'providerMetadata',
];
const TEXT_KEYS = [
  'text',
  'content',
  'reasoning',
  'reasoningText',
  'files',
  'sources',
  'toolCalls',
  'toolResults',
  'finishReason',
  'rawFinishReason',
  'usage',
  'totalUsage',
  'warnings',
  'request',
  'response',
  'responseMessages',
  'providerMetadata',
  'steps',
];
const OBJECT_KEYS = [
  'object',
  'reasoning',
  'finishReason',
  'usage',
  'warnings',
  'request',
  'response',
  'providerMetadata',
];
const EMBED_KEYS = ['value', 'embedding', 'usage', 'warnings', 'providerMetadata', 'response'];
const EMBED_MANY_KEYS = ['values', 'embeddings', 'usage', 'warnings', 'providerMetadata', 'responses'];
const IMAGE_KEYS = ['images', 'warnings', 'responses', 'providerMetadata', 'usage'];

function normaliseRequest(n, request) {
  if (request == null) return n.value(request);
  const out = n.value(request);
  if (typeof request.body === 'string') {
    try {
      out.body = { $json: n.value(JSON.parse(request.body)) };
    } catch {
      /* keep the string */
    }
  }
  return out;
}

function normaliseResponse(n, response) {
  if (response == null) return n.value(response);
  const { headers, ...rest } = response;
  const out = n.value(rest);
  if (headers !== undefined) out.headers = n.headers(headers);
  return out;
}

function stepSpecial(n) {
  return {
    request: (r) => normaliseRequest(n, r),
    response: (r) => normaliseResponse(n, r),
    responses: (rs) => rs?.map((r) => normaliseResponse(n, r)),
  };
}

function textSpecial(n) {
  return {
    ...stepSpecial(n),
    steps: (steps) => steps.map((s) => n.pick(s, STEP_KEYS, stepSpecial(n))),
  };
}

// ---- running a declarative call through the TS SDK -------------------------------------------

function buildProvider(call, url) {
  const settings = JSON.parse(JSON.stringify(call.provider.settings ?? {}).split(BASE).join(url));
  if (call.provider.type === 'openai-compatible') return createOpenAICompatible(settings);
  if (call.provider.type === 'gateway') return gatewayPkg.createGateway(settings);
  throw new Error(`unknown provider ${call.provider.type}`);
}

function buildModel(provider, model) {
  switch (model.kind) {
    case 'chat':
      return provider.chatModel(model.id);
    case 'completion':
      return provider.completionModel(model.id);
    case 'language':
      return provider.languageModel(model.id);
    case 'embedding':
      return provider.embeddingModel(model.id);
    case 'image':
      return provider.imageModel(model.id);
    default:
      throw new Error(`unknown model kind ${model.kind}`);
  }
}

function buildArgs(call, model) {
  const { tools, stopWhen, output, schema, _internal, ...rest } = call.args ?? {};
  const args = { model, ...rest };
  // `_internal.generateId: 'x'`: every generated id is 'x' (fixes approval ids, so signatures
  // compare); the Python replay fixes its approval ids the same way.
  if (_internal?.generateId !== undefined) args._internal = { generateId: () => _internal.generateId };
  if (tools) {
    args.tools = {};
    for (const [name, t] of Object.entries(tools)) {
      args.tools[name] = ai.tool({
        description: t.description,
        inputSchema: ai.jsonSchema(t.inputSchema, t.validate ? { validate: TOOL_VALIDATORS[t.validate] } : {}),
        ...(t.execute ? { execute: TOOL_EXECUTES[t.execute] } : {}),
        ...(t.needsApproval !== undefined ? { needsApproval: t.needsApproval } : {}),
      });
    }
  }
  if (stopWhen) args.stopWhen = ai.isStepCount(stopWhen.stepCount);
  if (output) {
    if (output.type !== 'object') throw new Error('only Output.object is supported');
    args.output = ai.Output.object({
      schema: ai.jsonSchema(output.schema),
      ...(output.name ? { name: output.name } : {}),
    });
  }
  if (schema) args.schema = ai.jsonSchema(schema);
  return args;
}

async function settle(promiseLike, n) {
  try {
    return n.value(await promiseLike);
  } catch (e) {
    return { $error: n.error(e) };
  }
}

const PROVIDER_METHODS = new Set(['getAvailableModels', 'getCredits', 'getGenerationInfo', 'getSpendReport']);

async function runCall(call, url, n) {
  const provider = buildProvider(call, url);
  if (PROVIDER_METHODS.has(call.fn)) return n.value(await provider[call.fn](call.args));
  const model = buildModel(provider, call.model);
  const args = buildArgs(call, model);
  const special = textSpecial(n);
  switch (call.fn) {
    case 'generateText': {
      const result = await ai.generateText(args);
      const keys = call.args?.output ? [...TEXT_KEYS, 'output'] : TEXT_KEYS;
      return n.pick(result, keys, special);
    }
    case 'generateObject':
      return n.pick(await ai.generateObject(args), OBJECT_KEYS, special);
    case 'embed':
      return n.pick(await ai.embed(args), EMBED_KEYS, special);
    case 'embedMany':
      return n.pick(await ai.embedMany(args), EMBED_MANY_KEYS, special);
    case 'generateImage': {
      const result = await ai.generateImage(args);
      const out = n.pick(result, IMAGE_KEYS, special);
      out.images = result.images.map((img) => ({ base64: img.base64, mediaType: img.mediaType }));
      return out;
    }
    case 'streamText': {
      const onError = [];
      const result = ai.streamText({
        ...args,
        onError: ({ error }) => onError.push(error instanceof Error ? n.error(error) : n.value(error)),
      });
      const parts = [];
      for await (const part of result.fullStream) parts.push(n.value(part));
      const out = { parts, onError };
      for (const key of call.args?.output ? [...TEXT_KEYS, 'output'] : TEXT_KEYS) {
        const x = await settle(result[key], n);
        if (key === 'request' && x && !x.$error) out[key] = normaliseRequest(n, await result.request);
        else if (key === 'response' && x && !x.$error) {
          out[key] = normaliseResponse(n, await result.response);
        } else if (key === 'steps' && x && !x.$error) {
          out[key] = (await result.steps).map((s) => n.pick(s, STEP_KEYS, stepSpecial(n)));
        } else if (x !== undefined) out[key] = x;
      }
      // parts carry step responses too: normalise their headers like the aggregates.
      for (const p of out.parts) {
        if (p.type === 'finish-step' && p.response) p.response = normaliseResponse(n, p.response);
      }
      return out;
    }
    default:
      throw new Error(`unknown fn ${call.fn}`);
  }
}

// ---- main -----------------------------------------------------------------------------------

function knownStringsOf(scenario) {
  const strings = new Set();
  const walk = (v) => {
    if (typeof v === 'string') {
      strings.add(v);
      if (v.startsWith('{') || v.startsWith('[')) {
        try {
          walk(JSON.parse(v));
        } catch {
          /* not JSON */
        }
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(scenario.responses);
  walk(scenario.call);
  return strings;
}

const CLEARED_ENV = [
  'AI_GATEWAY_API_KEY',
  'VERCEL_OIDC_TOKEN',
  'VERCEL_DEPLOYMENT_ID',
  'VERCEL_ENV',
  'VERCEL_REGION',
  'VERCEL_PROJECT_ID',
];

async function record(scenario) {
  const responses = scenario.responses.map(renderResponse);
  const stub = await startStub(responses);
  const responseHeaderNames = new Set(
    responses.flatMap((r) => Object.keys(r.headers).map((k) => k.toLowerCase())),
  );
  const n = makeNormaliser({
    url: stub.url,
    responseHeaderNames,
    knownStrings: knownStringsOf(scenario),
    startedAt: Date.now(),
  });
  const saved = {};
  for (const k of CLEARED_ENV) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  Object.assign(process.env, scenario.call.env ?? {});
  let result;
  try {
    result = await runCall(scenario.call, stub.url, n);
  } catch (e) {
    result = { $error: n.error(e) };
  } finally {
    for (const k of Object.keys(scenario.call.env ?? {})) delete process.env[k];
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
    await stub.close();
  }
  const requests = stub.requests.map((r) => JSON.parse(JSON.stringify(r).split(stub.url).join(BASE)));
  return {
    name: scenario.name,
    description: scenario.description,
    recordedWith: PKG_VERSIONS,
    call: scenario.call,
    responses,
    requests,
    result,
  };
}

// The production flavour of messages (no ANSI colours) and no warning logs on the console.
process.env.NODE_ENV = 'production';
globalThis.AI_SDK_LOG_WARNINGS = false;

const filters = process.argv.slice(2);
mkdirSync(CASES, { recursive: true });
if (filters.length === 0) {
  for (const f of readdirSync(CASES)) if (f.endsWith('.json')) unlinkSync(join(CASES, f));
}
const names = new Set();
for (const scenario of SCENARIOS) {
  if (names.has(scenario.name)) throw new Error(`duplicate scenario ${scenario.name}`);
  names.add(scenario.name);
  if (filters.length && !filters.some((f) => scenario.name.includes(f))) continue;
  const data = await record(scenario);
  writeFileSync(join(CASES, `${scenario.name}.json`), `${JSON.stringify(data, null, 2)}\n`);
  const outcome = data.result?.$error ? `error ${data.result.$error.$class}` : 'ok';
  console.log(`${scenario.name}: ${data.requests.length} request(s), ${outcome}`);
}
