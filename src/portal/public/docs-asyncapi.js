// AsyncAPI docs (2.x and 3.x): channels with their address, the operations on
// them (send/receive, or 2.x publish/subscribe) and messages with headers and payload.
import { badge, h, prose } from './dom.js';
import { deref, schemaView } from './schema-view.js';

export function renderAsyncApi(doc) {
  const info = doc.info || {};
  const channels = String(doc.asyncapi || '').startsWith('2') ? channelsV2(doc) : channelsV3(doc);
  return h('div', { class: 'docs' },
    h('div', { class: 'docs-intro' }, prose(info.description), servers(doc.servers)),
    h('h2', {}, 'Channels'),
    channels.length ? channels.map((c) => channel(doc, c)) : h('p', { class: 'empty' }, 'No channels.'));
}

function channelsV3(doc) {
  const ops = Object.entries(doc.operations || {}).map(([id, raw]) => [id, deref(doc, raw).node || {}]);
  return Object.entries(doc.channels || {}).map(([id, raw]) => {
    const ch = deref(doc, raw).node || {};
    const ref = `#/channels/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const operations = ops.filter(([, op]) => op.channel && (op.channel.$ref === ref || op.channel === raw)).map(([opId, op]) => ({
      id: opId, action: String(op.action || ''), summary: op.summary || op.title, description: op.description,
    }));
    const messages = Object.entries(ch.messages || {}).map(([name, m]) => ({ name, message: deref(doc, m).node || {} }));
    return { id, address: ch.address ?? id, title: ch.title, description: ch.description, operations, messages };
  });
}

function channelsV2(doc) {
  return Object.entries(doc.channels || {}).map(([address, raw]) => {
    const ch = deref(doc, raw).node || {};
    const operations = [];
    const messages = [];
    for (const action of ['publish', 'subscribe']) {
      const op = ch[action];
      if (!op) {
        continue;
      }
      operations.push({ id: op.operationId || action, action, summary: op.summary, description: op.description });
      const msg = deref(doc, op.message).node;
      const list = msg && Array.isArray(msg.oneOf) ? msg.oneOf : msg ? [op.message] : [];
      for (const m of list) {
        const resolved = deref(doc, m);
        messages.push({ name: (resolved.node && (resolved.node.name || resolved.node.messageId)) || resolved.name || action, message: resolved.node || {} });
      }
    }
    return { id: address, address, title: null, description: ch.description, operations, messages };
  });
}

function channel(doc, c) {
  return h('section', { class: 'channel', dataset: { channel: String(c.address) } },
    h('h3', {}, h('code', { class: 'address' }, String(c.address)), c.title ? h('span', { class: 'muted' }, ` ${c.title}`) : null),
    prose(c.description),
    c.operations.length ? h('ul', { class: 'channel-ops' }, c.operations.map((op) => h('li', {},
      badge(op.action, op.action), ' ', h('code', {}, String(op.id)), op.summary ? ` — ${op.summary}` : ''))) : null,
    c.messages.map(({ name, message }) => h('details', { class: 'message', open: true },
      h('summary', {}, 'Message ', h('strong', {}, String(message.title || message.name || name)),
        message.contentType ? [' ', h('code', {}, String(message.contentType))] : null),
      message.summary ? h('p', {}, String(message.summary)) : null,
      message.headers ? [h('h4', {}, 'Headers'), schemaView(doc, message.headers, 1)] : null,
      message.payload ? [h('h4', {}, 'Payload'), schemaView(doc, message.payload)] : null)));
}

function servers(list) {
  if (!list || typeof list !== 'object') {
    return null;
  }
  const entries = Object.entries(list);
  if (!entries.length) {
    return null;
  }
  return h('div', { class: 'servers' }, h('h2', { class: 'small-heading' }, 'Servers'),
    h('ul', {}, entries.map(([name, s]) => h('li', {}, h('strong', {}, name), ' ', h('code', {}, String(s.host || s.url || '')),
      s.protocol ? ` (${s.protocol})` : '', s.description ? ` — ${s.description}` : ''))));
}
