// The chat page: the npm `ai` package's framework-free Chat client (AbstractChat with a small
// state object) and plain DOM rendering. Bundled by esbuild into ../static/build/chat.js
// (`nox -s chat-bundle`). Everything from the server is rendered with textContent, never HTML.
import {
  AbstractChat,
  DefaultChatTransport,
  getToolName,
  isToolUIPart,
  lastAssistantMessageIsCompleteWithApprovalResponses,
} from 'ai';

// The ChatState the Chat class keeps its messages in; every change schedules a render.
class PageChatState {
  constructor(messages, onChange) {
    this.status = 'ready';
    this.error = undefined;
    this._messages = messages;
    this._onChange = onChange;
  }
  get messages() {
    return this._messages;
  }
  set messages(messages) {
    this._messages = [...messages];
    this._onChange();
  }
  pushMessage = message => {
    this._messages = [...this._messages, message];
    this._onChange();
  };
  popMessage = () => {
    this._messages = this._messages.slice(0, -1);
    this._onChange();
  };
  replaceMessage = (index, message) => {
    this._messages = [...this._messages.slice(0, index), message, ...this._messages.slice(index + 1)];
    this._onChange();
  };
  snapshot = thing => structuredClone(thing);
}

class PageChat extends AbstractChat {
  constructor({ messages, onChange, ...init }) {
    const state = new PageChatState(messages, onChange);
    super({ ...init, state });
    this._pageState = state;
  }
  setStatus({ status, error }) {
    super.setStatus({ status, error });
    this._pageState._onChange();
  }
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

const json = value => JSON.stringify(value, null, 2);

function renderToolPart(chat, part) {
  const name = getToolName(part);
  const box = el('div', { class: `tool tool-${part.state}`, 'data-testid': 'tool', 'data-state': part.state });
  box.append(el('div', { class: 'tool-head' }, el('span', { class: 'tool-name', text: name }), el('span', { class: 'tool-state', text: part.state })));
  if (part.input !== undefined) box.append(el('pre', { class: 'tool-input', 'data-testid': 'tool-input', text: json(part.input) }));
  if (part.state === 'approval-requested') {
    const answer = approved => () =>
      chat.addToolApprovalResponse({ id: part.approval.id, approved, reason: approved ? undefined : 'The user declined.' });
    box.append(
      el(
        'div',
        { class: 'approval' },
        el('span', { text: 'Allow this call?' }),
        el('button', { class: 'approve', 'data-testid': 'approve', onclick: answer(true), text: 'Approve' }),
        el('button', { class: 'deny', 'data-testid': 'deny', onclick: answer(false), text: 'Deny' }),
      ),
    );
  } else if (part.state === 'approval-responded') {
    box.append(el('div', { class: 'tool-note', text: part.approval.approved ? 'Approved, running...' : 'Denied.' }));
  } else if (part.state === 'output-available') {
    box.append(el('pre', { class: 'tool-output', 'data-testid': 'tool-output', text: typeof part.output === 'string' ? part.output : json(part.output) }));
  } else if (part.state === 'output-denied') {
    box.append(el('div', { class: 'tool-note', 'data-testid': 'tool-denied', text: `Denied${part.approval?.reason ? `: ${part.approval.reason}` : '.'}` }));
  } else if (part.state === 'output-error') {
    box.append(el('div', { class: 'tool-error', text: part.errorText }));
  }
  return box;
}

function renderPart(chat, part) {
  if (part.type === 'text') {
    return el('div', { class: 'text', 'data-testid': 'text', 'data-state': part.state ?? 'done', text: part.text });
  }
  if (part.type === 'reasoning') {
    const details = el('details', { class: 'reasoning', 'data-testid': 'reasoning' }, el('summary', { text: part.state === 'streaming' ? 'Thinking...' : 'Reasoning' }), el('div', { text: part.text }));
    details.open = true;
    return details;
  }
  if (isToolUIPart(part)) return renderToolPart(chat, part);
  return null; // step-start, sources, data parts: not shown here
}

// A rejected request's error carries the response body, {"error": "..."}: show its text.
function errorText(error) {
  try {
    const body = JSON.parse(error.message);
    if (typeof body?.error === 'string') return body.error;
  } catch {}
  return error.message;
}

function render(chat, root) {
  root.messages.replaceChildren(
    ...chat.messages.map(message =>
      el('div', { class: `message ${message.role}`, 'data-testid': `message-${message.role}`, 'data-id': message.id }, ...message.parts.map(part => renderPart(chat, part))),
    ),
  );
  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  root.status.textContent = chat.status;
  root.status.dataset.status = chat.status;
  root.send.disabled = busy;
  root.stop.hidden = !busy;
  root.error.hidden = chat.error == null;
  root.error.textContent = chat.error ? `Error: ${errorText(chat.error)}` : '';
  if (busy) root.messages.lastElementChild?.scrollIntoView({ block: 'end' });
}

function chatId() {
  const fromHash = location.hash.slice(1);
  if (/^[A-Za-z0-9_-]{1,64}$/.test(fromHash)) return fromHash;
  const id = crypto.randomUUID().replaceAll('-', '');
  history.replaceState(null, '', `#${id}`);
  return id;
}

async function main() {
  const root = {
    messages: document.getElementById('messages'),
    form: document.getElementById('composer'),
    input: document.getElementById('input'),
    send: document.getElementById('send'),
    stop: document.getElementById('stop'),
    status: document.getElementById('status'),
    error: document.getElementById('error'),
  };
  const id = chatId();
  const stored = await fetch(`/api/chats/${id}`).then(response => (response.ok ? response.json() : { messages: [] }));
  let scheduled = false;
  let chat;
  const onChange = () => {
    if (scheduled || chat == null) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      render(chat, root);
    });
  };
  chat = new PageChat({
    id,
    messages: stored.messages,
    onChange,
    transport: new DefaultChatTransport({ api: '/api/chat' }),
    // After the user answers every approval request, send the answers: the server continues.
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
  });
  root.form.addEventListener('submit', event => {
    event.preventDefault();
    const text = root.input.value.trim();
    if (!text) return;
    root.input.value = '';
    chat.sendMessage({ text });
  });
  root.stop.addEventListener('click', () => chat.stop());
  render(chat, root);
  document.body.dataset.ready = 'true';
}

main();
