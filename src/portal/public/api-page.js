// API page (versions and their lifecycle) and the version docs view.
import { apiPath, downloadDocument, enc, errorBox, getDocument, getJson } from './api.js';
import { badge, fmtDate, fmtDay, h, prose } from './dom.js';
import { renderOpenApi } from './docs-openapi.js';
import { renderAsyncApi } from './docs-asyncapi.js';

export function apiBase(domain, api) {
  return `#/apis/${enc(domain)}/${enc(api)}`;
}

/** Header shared by the API views: title, key, kind and the section tabs. */
export function apiHeader(domain, api, title, kind, active) {
  const base = apiBase(domain, api);
  const tab = (href, label, key) => h('a', { href, class: ['tab', active === key && 'active'], 'aria-current': active === key ? 'page' : null }, label);
  return [
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Catalog'), ' / ', domain, ' / ', api),
    h('h1', {}, String(title || api)),
    h('p', { class: 'card-meta' }, h('code', {}, `${domain}/${api}`), ' ', kind ? badge(kind === 'asyncapi' ? 'AsyncAPI' : 'OpenAPI', kind) : null),
    h('nav', { class: 'tabs', 'aria-label': 'API sections' },
      tab(base, 'Versions', 'versions'),
      tab(`${base}/versions/latest`, 'Docs', 'docs'),
      tab(`${base}/changelog`, 'Changelog', 'changelog'),
      tab(`${base}/usage`, 'Usage', 'usage')),
  ];
}

export async function listVersions(domain, api) {
  return (await getJson(`${apiPath(domain, api, 'versions')}?limit=200`)).items;
}

export async function renderApiPage(ctx, domain, api) {
  const [versions, summary] = await Promise.all([
    listVersions(domain, api),
    getJson(`/api/apis?domain=${enc(domain)}&q=${enc(api)}&limit=200`).then((p) => p.items.find((a) => a.api === api)).catch(() => undefined),
  ]);
  const latest = versions[0];
  const status = h('div', { 'aria-live': 'polite' });
  ctx.show(
    ...apiHeader(domain, api, summary?.title || latest?.title, latest?.kind, 'versions'),
    summary?.description ? prose(summary.description) : null,
    h('h2', {}, 'Versions'),
    versions.length ? versionsTable(domain, api, versions, status) : h('p', { class: 'empty' }, 'No versions yet.'),
    status);
}

function versionsTable(domain, api, versions, status) {
  const download = (v, format) => h('a', {
    href: apiPath(domain, api, 'versions', v.version, 'document'),
    class: 'small',
    on: {
      click: (e) => {
        e.preventDefault();
        downloadDocument(domain, api, v.version, format).catch((err) => status.replaceChildren(errorBox(err)));
      },
    },
  }, format.toUpperCase());
  return h('div', { class: 'table-wrap' }, h('table', { class: 'versions' },
    h('thead', {}, h('tr', {}, ['Version', 'Lifecycle', 'Published', 'By', 'Deprecated', 'Sunset', 'Digest', 'Document'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, versions.map((v) => h('tr', { dataset: { version: v.version } },
      h('th', { scope: 'row' }, h('a', { href: `${apiBase(domain, api)}/versions/${enc(v.version)}` }, v.version)),
      h('td', {}, badge(v.lifecycle, v.lifecycle)),
      h('td', {}, h('time', { datetime: v.publishedAt || v.createdAt }, fmtDate(v.publishedAt || v.createdAt))),
      h('td', {}, String(v.publishedBy || '—')),
      h('td', {}, fmtDay(v.deprecatedAt)),
      h('td', {}, fmtDay(v.sunsetAt)),
      h('td', {}, h('code', { title: v.digest, class: 'digest' }, String(v.digest || '').slice(0, 12))),
      h('td', {}, download(v, 'yaml'), ' · ', download(v, 'json')))))));
}

export async function renderDocs(ctx, domain, api, version) {
  const [meta, doc, versions] = await Promise.all([
    getJson(apiPath(domain, api, 'versions', version)),
    getDocument(domain, api, version),
    listVersions(domain, api).catch(() => []),
  ]);
  const picker = h('select', {
    id: 'version-picker',
    on: { change: (e) => { location.hash = `${apiBase(domain, api)}/versions/${enc(e.target.value)}`; } },
  }, versions.map((v) => h('option', { value: v.version, selected: v.version === meta.version }, `${v.version} (${v.lifecycle})`)));
  const facts = h('p', { class: 'version-facts' },
    h('label', { for: 'version-picker' }, 'Version '), picker, ' ', badge(meta.lifecycle, meta.lifecycle),
    ` ${meta.kind === 'asyncapi' ? 'AsyncAPI' : 'OpenAPI'} ${meta.specVersion} · published ${fmtDate(meta.publishedAt || meta.createdAt)} by ${meta.publishedBy}`,
    meta.sunsetAt ? ` · sunset ${fmtDay(meta.sunsetAt)}` : '');
  const body = meta.kind === 'asyncapi' ? renderAsyncApi(doc) : renderOpenApi(doc);
  ctx.show(...apiHeader(domain, api, meta.title, meta.kind, 'docs'), facts, body);
}
