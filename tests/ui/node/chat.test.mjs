// The npm `ai` package's own client (DefaultChatTransport + readUIMessageStream, which validate
// every chunk with the real zod schemas) against our Python chat server (tests/servers/chat_app.py).
// Run by `nox -s ui-node` through tests/ui/run_node.py, which starts the server and sets CHAT_URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DefaultChatTransport, readUIMessageStream } from 'ai';

const base = process.env.CHAT_URL;
assert.ok(base, 'CHAT_URL must point at the chat server');

const user = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] };

async function chat(scenario, messages = [user], { message, abortAfter } = {}) {
  const transport = new DefaultChatTransport({ api: `${base}/api/chat`, body: { scenario } });
  const controller = new AbortController();
  const stream = await transport.sendMessages({
    chatId: 'chat-1',
    messages,
    abortSignal: controller.signal,
    trigger: 'submit-message',
    messageId: undefined,
  });
  const errors = [];
  let last;
  let snapshots = 0;
  try {
    for await (const snapshot of readUIMessageStream({
      stream,
      message,
      onError: error => errors.push(error),
    })) {
      last = snapshot;
      snapshots += 1;
      if (abortAfter != null && snapshots >= abortAfter) controller.abort();
    }
  } catch (error) {
    if (abortAfter == null) throw error;
    errors.push(error);
  }
  return { message: last, errors };
}

async function finished() {
  const response = await fetch(`${base}/api/finished`);
  return response.json();
}

test('text', async () => {
  const { message, errors } = await chat('text');
  assert.deepEqual(errors, []);
  assert.match(message.id, /^msg-\d+$/);
  assert.equal(message.role, 'assistant');
  assert.deepEqual(message.parts, [
    { type: 'step-start' },
    { type: 'text', text: 'Hello, world!', state: 'done', providerMetadata: undefined },
  ]);
});

test('reasoning', async () => {
  const { message } = await chat('reasoning');
  const reasoning = message.parts.find(p => p.type === 'reasoning');
  assert.equal(reasoning.text, 'Thinking');
  assert.equal(reasoning.state, 'done');
  assert.equal(message.parts.at(-1).text, 'Done.');
});

test('sources, files, custom parts, an invalid tool call and metadata', async () => {
  const { message, errors } = await chat('kitchen');
  assert.deepEqual(errors, []);
  assert.deepEqual(message.metadata, { model: 'mock', finished: true });
  const byType = type => message.parts.filter(p => p.type === type);
  assert.deepEqual(
    byType('source-url').map(p => [p.sourceId, p.url, p.title]),
    [['s1', 'https://example.com/a', 'A']],
  );
  assert.deepEqual(
    byType('source-document').map(p => [p.sourceId, p.mediaType, p.title]),
    [['s2', 'application/pdf', 'Doc']],
  );
  assert.deepEqual(byType('file').map(p => [p.mediaType, p.url]), [['image/png', 'data:image/png;base64,iVBORw==']]);
  assert.deepEqual(byType('custom').map(p => p.kind), ['mock.widget']);
  const [invalid] = byType('dynamic-tool');
  assert.equal(invalid.toolName, 'nope');
  assert.equal(invalid.state, 'output-error');
  assert.equal(invalid.errorText, 'An error occurred.');
  assert.equal(message.parts.at(-1).text, 'Done.');
});

test('tools: streamed input, executed, then a second step', async () => {
  const { message, errors } = await chat('tools');
  assert.deepEqual(errors, []);
  const tool = message.parts.find(p => p.type === 'tool-weather');
  assert.equal(tool.toolCallId, 'call-1');
  assert.equal(tool.state, 'output-available');
  assert.deepEqual(tool.input, { city: 'Paris' });
  assert.deepEqual(tool.output, { city: 'Paris', temperature: 21 });
  assert.equal(message.parts.filter(p => p.type === 'step-start').length, 2);
  assert.equal(message.parts.at(-1).text, 'It is 21 degrees.');
});

test('tool errors reach the client masked', async () => {
  const { message } = await chat('tool-error');
  const tool = message.parts.find(p => p.type === 'tool-broken');
  assert.equal(tool.state, 'output-error');
  assert.equal(tool.errorText, 'An error occurred.');
  assert.ok(!JSON.stringify(message).includes('hunter2'));
});

test('a model error is an error chunk with the masked text', async () => {
  const { message, errors } = await chat('error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].message, 'An error occurred.');
  assert.equal(message.parts.find(p => p.type === 'text').text, 'Partial');
});

test('approval (the real tool loop, signed): request, then the continuation', async () => {
  const first = await chat('approval');
  const tool = first.message.parts.find(p => p.type === 'tool-weather');
  assert.equal(tool.state, 'approval-requested');
  assert.deepEqual(Object.keys(tool.approval).sort(), ['id', 'signature']);

  // What Chat.addToolApprovalResponse does to the part before sending again.
  const answered = structuredClone(first.message);
  const part = answered.parts.find(p => p.type === 'tool-weather');
  part.state = 'approval-responded';
  part.approval = { ...part.approval, approved: true };
  const second = await chat('approval', [user, answered], { message: structuredClone(answered) });
  assert.equal(second.message.id, first.message.id, 'the continued message keeps its id');
  const done = second.message.parts.find(p => p.type === 'tool-weather');
  assert.equal(done.state, 'output-available');
  assert.deepEqual(done.output, { city: 'Paris', temperature: 21 });
  assert.equal(done.approval.approved, true);
  assert.equal(second.message.parts.at(-1).text, 'Sunny in Paris.');
  const record = (await finished()).finished.at(-1);
  assert.equal(record.is_continuation, true);
  assert.equal(record.messages.length, 2);

  // A forged answer (the approval's signature does not match) is refused before any model call.
  const forged = structuredClone(answered);
  forged.parts.find(p => p.type === 'tool-weather').input = { city: 'Pyongyang' };
  const response = await fetch(`${base}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'approval', messages: [user, forged] }),
  });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { error: 'InvalidToolApprovalSignatureError' });
});

test('approval denied by the server policy: request, response and denial in one stream', async () => {
  const { message, errors } = await chat('approval-auto');
  assert.deepEqual(errors, []);
  const tool = message.parts.find(p => p.type === 'tool-weather');
  assert.equal(tool.state, 'output-denied');
  assert.equal(tool.approval.approved, false);
  assert.equal(tool.approval.reason, 'blocked by policy');
  assert.equal(tool.approval.isAutomatic, true);
  assert.equal(message.parts.at(-1).text, 'I may not.');
});

test('approval denied (scripted parts): the continuation streams no output', async () => {
  const first = await chat('approval-scripted');
  const answered = structuredClone(first.message);
  const part = answered.parts.find(p => p.type === 'tool-weather');
  part.state = 'approval-responded';
  part.approval = { ...part.approval, approved: false, reason: 'no' };
  const second = await chat('approval-scripted', [user, answered], {
    message: structuredClone(answered),
  });
  const denied = second.message.parts.find(p => p.type === 'tool-weather');
  assert.equal(denied.state, 'approval-responded');
  assert.deepEqual(denied.approval, { id: 'approval-1', signature: 'sig-1', approved: false, reason: 'no' });
});

test('data parts: replaced by id, transient ones not stored', async () => {
  const { message } = await chat('data');
  const data = message.parts.filter(p => p.type.startsWith('data-'));
  assert.deepEqual(data, [{ type: 'data-status', id: 's1', data: { state: 'done' } }]);
  assert.equal(message.parts.find(p => p.type === 'text').text, 'Hello, world!');
});

test('abort: the client stops, the server stops the model and still persists', async () => {
  const { message } = await chat('slow', [user], { abortAfter: 3 });
  assert.ok(message.parts.find(p => p.type === 'text').text.startsWith('tick0'));
  let body;
  for (let i = 0; i < 100; i++) {
    body = await finished();
    if (body.state.slow_model_closed === true && body.finished.length > 0) break;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  assert.equal(body.state.slow_model_closed, true, 'the model stream was closed');
  const record = body.finished.at(-1);
  const text = record.messages.at(-1).parts.find(p => p.type === 'text');
  assert.ok(text.text.startsWith('tick0'));
  assert.equal(record.finish_reason, null);
});

test('bad input is a 400 without server details', async () => {
  const response = await fetch(`${base}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ id: 'x', role: 'user', parts: [{ type: 'bogus' }] }] }),
  });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { error: 'TypeValidationError' });
});
