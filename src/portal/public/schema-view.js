// Compact JSON Schema rendering with local $ref resolution (stored documents are
// bundled: every $ref is internal). Depth and cycle limits keep big schemas readable.
import { h } from './dom.js';

const MAX_DEPTH = 7;

export function resolvePointer(doc, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) {
    return undefined;
  }
  let node = doc;
  for (const raw of ref.slice(1).split('/').filter((s, i) => i > 0 || s !== '')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) {
      return undefined;
    }
    node = node[key];
  }
  return node;
}

/** Follows $ref chains; returns { node, name } where name is the last ref's last segment. */
export function deref(doc, node, seen = new Set()) {
  let name;
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) {
      return { node: undefined, name: node.$ref.split('/').pop(), cycle: true };
    }
    seen.add(node.$ref);
    name = node.$ref.split('/').pop();
    const target = resolvePointer(doc, node.$ref);
    if (target === undefined) {
      return { node: undefined, name: node.$ref, missing: true };
    }
    node = target;
  }
  return { node, name };
}

function typeLabel(s, name) {
  if (!s || typeof s !== 'object') {
    return name || 'any';
  }
  let t = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (!t && s.properties) {
    t = 'object';
  }
  if (!t && s.items) {
    t = 'array';
  }
  if (t === 'array' && s.items) {
    const inner = s.items.$ref ? s.items.$ref.split('/').pop() : (Array.isArray(s.items.type) ? s.items.type.join('|') : s.items.type) || 'any';
    t = `array<${inner}>`;
  }
  if (s.format) {
    t = `${t || 'string'}(${s.format})`;
  }
  if (s.const !== undefined) {
    t = `const ${JSON.stringify(s.const)}`;
  }
  if (!t) {
    t = s.allOf ? 'allOf' : s.oneOf ? 'oneOf' : s.anyOf ? 'anyOf' : 'any';
  }
  return name ? `${name} · ${t}` : t;
}

function constraints(s) {
  if (!s || typeof s !== 'object') {
    return [];
  }
  const out = [];
  if (Array.isArray(s.enum)) {
    out.push(`enum: ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'pattern', 'multipleOf']) {
    if (s[k] !== undefined && typeof s[k] !== 'object') {
      out.push(`${k}: ${s[k]}`);
    }
  }
  if (s.default !== undefined) {
    out.push(`default: ${JSON.stringify(s.default)}`);
  }
  if (s.nullable === true) {
    out.push('nullable');
  }
  if (s.readOnly) {
    out.push('read-only');
  }
  if (s.writeOnly) {
    out.push('write-only');
  }
  if (s.deprecated) {
    out.push('deprecated');
  }
  return out;
}

/** A schema as a nested list: `name type [required] constraints — description`. */
export function schemaView(doc, schema, depth = 0, seen = new Set()) {
  return h('div', { class: 'schema' }, schemaNode(doc, schema, null, false, depth, seen));
}

function schemaNode(doc, raw, propName, required, depth, seen) {
  const { node: s, name, cycle, missing } = deref(doc, raw, new Set(seen));
  const label = h('span', { class: 'schema-line' },
    propName !== null ? h('span', { class: 'prop' }, String(propName)) : null,
    h('span', { class: 'type' }, cycle ? `${name} (recursive)` : missing ? `unresolved ${name}` : typeLabel(s, name)),
    required ? h('span', { class: 'req' }, 'required') : null,
    constraints(s).map((c) => h('span', { class: 'constraint' }, c)),
    s && typeof s.description === 'string' ? h('span', { class: 'desc' }, s.description.split('\n')[0]) : null);
  if (!s || typeof s !== 'object' || cycle) {
    return label;
  }
  const children = childrenOf(s);
  if (!children.length) {
    return label;
  }
  if (depth >= MAX_DEPTH) {
    return h('span', {}, label, h('span', { class: 'muted small' }, ' …'));
  }
  const nextSeen = new Set(seen);
  if (raw && raw.$ref) {
    nextSeen.add(raw.$ref);
  }
  const list = h('ul', { class: 'schema-children' }, children.map(([key, child, req, group]) =>
    h('li', {}, group ? h('span', { class: 'group' }, group) : null, schemaNode(doc, child, key, req, depth + 1, nextSeen))));
  // Top levels open, deeper levels collapsed: the shape first, the details on demand.
  return h('details', { open: depth < 2 }, h('summary', {}, label), list);
}

function childrenOf(s) {
  const out = [];
  const req = new Set(Array.isArray(s.required) ? s.required : []);
  if (s.properties && typeof s.properties === 'object') {
    for (const [k, v] of Object.entries(s.properties)) {
      out.push([k, v, req.has(k), null]);
    }
  }
  if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) {
    out.push(['[items]', s.items, false, null]);
  }
  for (const combo of ['allOf', 'oneOf', 'anyOf']) {
    if (Array.isArray(s[combo])) {
      s[combo].forEach((sub, i) => out.push([null, sub, false, `${combo}[${i}]`]));
    }
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    out.push(['{key}', s.additionalProperties, false, null]);
  }
  return out;
}
