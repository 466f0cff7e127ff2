// The registry API from the browser: optional bearer token (sessionStorage),
// JSON in, problem+json errors turned into ApiError.
import { h } from './dom.js';

const TOKEN_KEY = 'charter.portal.token';

export function getToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
}

export function setToken(token) {
  try {
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
    } else {
      sessionStorage.removeItem(TOKEN_KEY);
    }
  } catch { /* storage disabled: the token lives for this page only */ }
  memoryToken = token || '';
  documents.clear();
}

let memoryToken = '';
const documents = new Map();

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const enc = encodeURIComponent;

export function apiPath(domain, api, ...rest) {
  return ['/api/domains', enc(domain), 'apis', enc(api), ...rest.map((s) => enc(s))].join('/');
}

function headers(accept, extra = {}) {
  const out = { accept, ...extra };
  const token = getToken() || memoryToken;
  if (token) {
    out.authorization = `Bearer ${token}`;
  }
  return out;
}

export async function request(path, accept = 'application/json', { method = 'GET', body } = {}) {
  let res;
  try {
    const extra = body === undefined ? {} : { 'content-type': 'application/json' };
    res = await fetch(path, {
      method,
      headers: headers(accept, extra),
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    throw new ApiError(0, { title: 'The registry could not be reached', detail: String(err && err.message || err) });
  }
  if (!res.ok) {
    let problem = { title: res.statusText || `HTTP ${res.status}`, status: res.status };
    const type = res.headers.get('content-type') || '';
    if (type.includes('json')) {
      try { problem = await res.json(); } catch { /* keep the status line */ }
    }
    throw new ApiError(res.status, problem);
  }
  return res;
}

export async function getJson(path) {
  return (await request(path)).json();
}

/** A write to the registry: JSON body in, the JSON answer (null for 204) out; problems throw ApiError. */
export async function sendJson(method, path, body) {
  const res = await request(path, 'application/json', { method, body });
  return res.status === 204 ? null : res.json();
}

/** A version's document as JSON; pinned versions are immutable, so they are kept for the session. */
export async function getDocument(domain, api, version) {
  const key = `${domain}/${api}/${version}`;
  if (version !== 'latest' && documents.has(key)) {
    return documents.get(key);
  }
  const doc = await getJson(apiPath(domain, api, 'versions', version, 'document'));
  if (version !== 'latest') {
    documents.set(key, doc);
  }
  return doc;
}

/** Downloads a document with the token (a plain link cannot send one). */
export async function downloadDocument(domain, api, version, format) {
  const accept = format === 'json' ? 'application/json' : 'application/yaml';
  const res = await request(apiPath(domain, api, 'versions', version, 'document'), accept);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: '#', download: `${api}-${version}.${format === 'json' ? 'json' : 'yaml'}` });
  a.href = url;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function problemSlug(type) {
  const m = /\/problems\/([a-z0-9-]+)$/.exec(typeof type === 'string' ? type : '');
  return m ? m[1] : null;
}

/**
 * An error box from a problem+json (or any error), with a link to the problem's page.
 * `hint` replaces the default advice on 401/403 where a view knows what it needs.
 */
export function errorBox(err, { hint } = {}) {
  const problem = err instanceof ApiError ? err.problem : { title: 'Something went wrong', detail: String(err && err.message || err) };
  const slug = problemSlug(problem.type);
  const status = err instanceof ApiError && err.status ? err.status : null;
  const needsToken = status === 401 || status === 403;
  return h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, status ? `${status} · ` : '', String(problem.title || 'Error')),
    problem.detail ? h('p', {}, String(problem.detail)) : null,
    Array.isArray(problem.errors) && problem.errors.length
      ? h('ul', {}, problem.errors.slice(0, 20).map((e) => h('li', {}, e.pointer ? h('code', {}, String(e.pointer)) : null, ' ', String(e.message || ''))))
      : null,
    h('p', { class: 'muted small' },
      slug ? h('a', { href: `/problems/${slug}` }, 'About this problem') : null,
      problem.correlationId ? ` · correlation id ${String(problem.correlationId)}` : '',
      needsToken ? ` · ${hint || (status === 403 ? 'Your token\'s role does not allow this.' : 'Enter a registry token above to read this registry.')}` : ''));
}
