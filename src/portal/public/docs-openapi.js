// OpenAPI docs: operations grouped by tag with parameters, request body,
// responses (schemas shown compactly), security and x-charter-rate-limit.
import { badge, h, prose } from './dom.js';
import { deref, schemaView } from './schema-view.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function renderOpenApi(doc) {
  const info = doc.info || {};
  const groups = groupByTag(doc);
  const toc = h('nav', { class: 'toc', 'aria-label': 'Operations' }, h('h2', { class: 'small-heading' }, 'Operations'),
    h('ul', {}, groups.map(([tag, ops]) => h('li', {}, h('a', { href: '#', on: { click: jump(`tag-${slug(tag)}`) } }, `${tag} (${ops.length})`)))));
  return h('div', { class: 'docs' },
    h('div', { class: 'docs-intro' },
      info.summary ? h('p', { class: 'lead' }, String(info.summary)) : null,
      prose(info.description),
      servers(doc.servers),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Security'), h('dd', {}, securityList(doc, doc.security)),
        doc['x-charter-rate-limit'] ? [h('dt', {}, 'Rate limit'), h('dd', {}, rateLimit(doc['x-charter-rate-limit']))] : null)),
    h('div', { class: 'docs-body' }, toc,
      h('div', { class: 'docs-main' }, groups.map(([tag, ops]) => tagSection(doc, tag, ops)))));
}

function jump(id) {
  // Hash routing owns location.hash, so in-page links scroll instead of navigating.
  return (e) => { e.preventDefault(); document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' }); };
}

function slug(s) {
  return String(s).toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function groupByTag(doc) {
  const groups = new Map();
  for (const t of doc.tags || []) {
    if (t && t.name) {
      groups.set(String(t.name), []);
    }
  }
  for (const [path, rawItem] of Object.entries(doc.paths || {})) {
    const item = deref(doc, rawItem).node || {};
    for (const method of METHODS) {
      const op = item[method];
      if (!op || typeof op !== 'object') {
        continue;
      }
      const tag = Array.isArray(op.tags) && op.tags.length ? String(op.tags[0]) : 'Other';
      if (!groups.has(tag)) {
        groups.set(tag, []);
      }
      groups.get(tag).push({ path, method, op, item });
    }
  }
  return [...groups].filter(([, ops]) => ops.length);
}

function tagSection(doc, tag, ops) {
  const meta = (doc.tags || []).find((t) => t && t.name === tag);
  return h('section', { class: 'tag', id: `tag-${slug(tag)}` },
    h('h2', {}, tag),
    meta && meta.description ? h('p', { class: 'muted' }, String(meta.description)) : null,
    ops.map((o) => operation(doc, o)));
}

function operation(doc, { path, method, op, item }) {
  const id = op.operationId ? String(op.operationId) : `${method} ${path}`;
  return h('details', { class: ['operation', op.deprecated && 'deprecated'], dataset: { operation: id } },
    h('summary', {},
      h('span', { class: `method method-${method}` }, method.toUpperCase()),
      h('code', { class: 'path' }, path),
      h('span', { class: 'op-summary' }, String(op.summary || '')),
      op.operationId ? h('code', { class: 'op-id' }, String(op.operationId)) : null,
      op.deprecated ? badge('deprecated', 'deprecated') : null),
    h('div', { class: 'op-body' },
      prose(op.description),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Security'), h('dd', {}, securityList(doc, op.security !== undefined ? op.security : doc.security, op.security !== undefined)),
        h('dt', {}, 'Rate limit'), h('dd', {}, rateLimit(op['x-charter-rate-limit'] || doc['x-charter-rate-limit'], !op['x-charter-rate-limit']))),
      parameters(doc, [...(item.parameters || []), ...(op.parameters || [])]),
      requestBody(doc, op.requestBody),
      responses(doc, op.responses)));
}

function parameters(doc, raw) {
  const byKey = new Map();
  for (const p of raw) {
    const param = deref(doc, p).node;
    if (param && param.name) {
      byKey.set(`${param.in}:${param.name}`, param); // operation-level overrides path-level
    }
  }
  if (!byKey.size) {
    return null;
  }
  return [h('h3', {}, 'Parameters'), h('div', { class: 'table-wrap' }, h('table', { class: 'params' },
    h('thead', {}, h('tr', {}, ['Name', 'In', 'Schema', 'Description'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, [...byKey.values()].map((p) => h('tr', {},
      h('td', {}, h('code', {}, String(p.name)), p.required ? h('span', { class: 'req' }, 'required') : null),
      h('td', {}, String(p.in)),
      h('td', {}, p.schema ? schemaView(doc, p.schema, 2) : '—'),
      h('td', {}, String(p.description || '')))))))];
}

function content(doc, media) {
  return Object.entries(media || {}).map(([type, m]) => h('div', { class: 'media' },
    h('p', { class: 'media-type' }, h('code', {}, type)),
    m && m.schema ? schemaView(doc, m.schema) : h('p', { class: 'muted small' }, 'No schema.')));
}

function requestBody(doc, raw) {
  if (!raw) {
    return null;
  }
  const body = deref(doc, raw).node || {};
  return [h('h3', {}, 'Request body', body.required ? h('span', { class: 'req' }, 'required') : null),
    body.description ? h('p', {}, String(body.description)) : null, content(doc, body.content)];
}

function responses(doc, raw) {
  if (!raw) {
    return null;
  }
  return [h('h3', {}, 'Responses'), h('ul', { class: 'responses' }, Object.entries(raw).map(([status, r]) => {
    const res = deref(doc, r).node || {};
    const cls = /^2/.test(status) ? 'ok' : /^3/.test(status) ? 'redirect' : /^[45]/.test(status) ? 'error' : 'other';
    return h('li', {},
      h('details', {}, h('summary', {}, h('span', { class: `status status-${cls}` }, status), ' ', String(res.description || '')),
        res.headers ? h('p', { class: 'small muted' }, 'Headers: ', Object.keys(res.headers).map((k, i) => [i ? ', ' : '', h('code', {}, k)])) : null,
        content(doc, res.content)));
  }))];
}

function securityList(doc, security, explicit = true) {
  if (!Array.isArray(security)) {
    return h('span', { class: 'muted' }, 'none declared');
  }
  if (security.length === 0 || security.every((r) => r && Object.keys(r).length === 0)) {
    return badge('public', 'public');
  }
  const schemes = (doc.components && doc.components.securitySchemes) || {};
  return h('ul', { class: 'inline-list' }, security.map((req) => h('li', {},
    Object.entries(req || {}).map(([name, scopes], i) => {
      const scheme = deref(doc, schemes[name]).node || {};
      const kind = scheme.type === 'http' ? `http ${scheme.scheme || ''}` : scheme.type === 'apiKey' ? `apiKey in ${scheme.in} ${scheme.name || ''}` : scheme.type || '';
      return [i ? ' and ' : '', h('code', {}, name), kind ? ` (${kind.trim()})` : '',
        Array.isArray(scopes) && scopes.length ? [' scopes: ', scopes.map((s, j) => [j ? ', ' : '', h('code', {}, String(s))])] : ''];
    }))), explicit ? null : h('li', { class: 'muted small' }, '(API default)'));
}

function rateLimit(rl, inherited = false) {
  if (!rl || typeof rl !== 'object') {
    return h('span', { class: 'muted' }, 'none');
  }
  return h('span', {}, `${rl.limit} requests per ${rl.window}`, rl.by ? ` by ${rl.by}` : '', inherited ? h('span', { class: 'muted small' }, ' (API default)') : null);
}

function servers(list) {
  if (!Array.isArray(list) || !list.length) {
    return null;
  }
  return h('div', { class: 'servers' }, h('h2', { class: 'small-heading' }, 'Servers'),
    h('ul', {}, list.map((s) => h('li', {}, h('code', {}, String(s.url || '')), s.description ? ` — ${s.description}` : ''))));
}
