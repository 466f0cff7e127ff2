// Tiny DOM builder. Text is always set as text nodes, never parsed as HTML, so
// document-derived strings (titles, descriptions, schema names) cannot inject markup.

const SAFE_URL = /^(#|\/(?!\/)|https?:\/\/|mailto:)/i;

/**
 * h('a', { href: '#/x', class: 'c', on: { click: fn } }, 'text', child, [more])
 * Attributes with null/undefined/false values are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'on') {
      for (const [type, fn] of Object.entries(value)) {
        el.addEventListener(type, fn);
      }
    } else if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
    } else if (key === 'href' || key === 'src') {
      const url = String(value);
      el.setAttribute(key, SAFE_URL.test(url) ? url : '#');
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) {
    el.firstChild.remove();
  }
  return el;
}

/** Multi-paragraph text (descriptions): paragraphs split on blank lines, `code` spans kept as <code>. */
export function prose(text, cls = 'prose') {
  if (typeof text !== 'string' || !text.trim()) {
    return null;
  }
  return h('div', { class: cls }, text.trim().split(/\n\s*\n/).map((p) => h('p', {}, inlineCode(p))));
}

export function inlineCode(text) {
  return String(text).split(/(`[^`\n]+`)/).map((part) =>
    part.length > 2 && part.startsWith('`') && part.endsWith('`') ? h('code', {}, part.slice(1, -1)) : part);
}

export function badge(text, kind) {
  return h('span', { class: ['badge', kind && `badge-${String(kind).toLowerCase().replace(/[^a-z0-9-]/g, '')}`] }, text);
}

export function fmtDate(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return String(iso);
  }
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function fmtDay(iso) {
  return iso ? String(iso).slice(0, 10) : '—';
}
