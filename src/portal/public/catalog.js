// Catalog: domains and their APIs, search (?q=) and kind filter, latest version and lifecycle.
import { enc, getJson } from './api.js';
import { badge, h } from './dom.js';

const KINDS = [['', 'All kinds'], ['openapi', 'OpenAPI'], ['asyncapi', 'AsyncAPI']];

export async function renderCatalog(ctx, q, kind) {
  const results = h('div', { id: 'catalog-results', 'aria-live': 'polite' });
  const search = h('input', { id: 'catalog-q', type: 'search', name: 'q', value: q, placeholder: 'Search APIs by name, key or description', autocomplete: 'off' });
  const kindSelect = h('select', { id: 'catalog-kind', name: 'kind' }, KINDS.map(([v, label]) => h('option', { value: v, selected: v === kind }, label)));
  let timer;
  const update = () => {
    clearTimeout(timer);
    const query = new URLSearchParams();
    if (search.value.trim()) {
      query.set('q', search.value.trim());
    }
    if (kindSelect.value) {
      query.set('kind', kindSelect.value);
    }
    const qs = query.toString();
    // replaceState: filtering should not flood history, nor re-render the whole view.
    history.replaceState(null, '', `#/${qs ? `?${qs}` : ''}`);
    void loadResults(ctx, results, search.value.trim(), kindSelect.value);
  };
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(update, 200); });
  kindSelect.addEventListener('change', update);
  const form = h('form', { class: 'filters', role: 'search', on: { submit: (e) => { e.preventDefault(); update(); } } },
    h('label', { for: 'catalog-q', class: 'visually-hidden' }, 'Search APIs'), search,
    h('label', { for: 'catalog-kind', class: 'visually-hidden' }, 'Kind'), kindSelect);
  ctx.show(h('h1', {}, 'API catalog'), h('p', { class: 'muted lead' }, 'Every domain\'s published contracts, their latest versions and lifecycle.'), form, results);
  await loadResults(ctx, results, q, kind);
}

let loadSeq = 0;

async function loadResults(ctx, container, q, kind) {
  const mine = ++loadSeq;
  const query = new URLSearchParams({ limit: '200' });
  if (q) {
    query.set('q', q);
  }
  if (kind) {
    query.set('kind', kind);
  }
  const [domains, apis] = await Promise.all([getJson('/api/domains?limit=200'), getJson(`/api/apis?${query}`)]);
  if (mine !== loadSeq || !ctx.current()) {
    return;
  }
  const byDomain = new Map();
  for (const a of apis.items) {
    if (!byDomain.has(a.domain)) {
      byDomain.set(a.domain, []);
    }
    byDomain.get(a.domain).push(a);
  }
  const filtered = Boolean(q || kind);
  const sections = domains.items
    .filter((d) => byDomain.has(d.key) || !filtered)
    .map((d) => domainSection(d, byDomain.get(d.key) || []));
  const count = apis.total ?? apis.items.length;
  container.replaceChildren(
    h('p', { class: 'muted small', id: 'catalog-count' }, `${count} API${count === 1 ? '' : 's'}${filtered ? ' match' : ''} in ${sections.length} domain${sections.length === 1 ? '' : 's'}`),
    ...(sections.length ? sections : [h('p', { class: 'empty' }, 'No API matches. Try another search.')]));
}

function domainSection(domain, apis) {
  const owners = (domain.owners || []).map((o) => o.team || o.email).filter(Boolean).join(', ');
  return h('section', { class: 'domain', 'aria-labelledby': `domain-${domain.key}` },
    h('header', { class: 'domain-head' },
      h('h2', { id: `domain-${domain.key}` }, String(domain.name || domain.key), ' ', h('code', { class: 'key' }, domain.key)),
      h('p', { class: 'muted small' }, domain.description ? String(domain.description) : '', owners ? ` Owners: ${owners}.` : '', ` Compatibility: ${domain.compatibility}.`)),
    apis.length
      ? h('ul', { class: 'cards' }, apis.map(apiCard))
      : h('p', { class: 'empty small' }, 'No APIs published yet.'));
}

function apiCard(a) {
  const latest = a.latest;
  return h('li', { class: 'card api-card', dataset: { api: `${a.domain}/${a.api}` } },
    h('a', { class: 'card-link', href: `#/apis/${enc(a.domain)}/${enc(a.api)}` },
      h('span', { class: 'card-title' }, String(a.title || a.api))),
    h('p', { class: 'card-meta' }, h('code', {}, `${a.domain}/${a.api}`), ' ', badge(a.kind === 'asyncapi' ? 'AsyncAPI' : 'OpenAPI', a.kind)),
    a.description ? h('p', { class: 'card-desc' }, String(a.description).split(/\n\s*\n/)[0].slice(0, 220)) : null,
    h('p', { class: 'card-foot' },
      latest ? [h('span', { class: 'version' }, `v${latest.version}`), ' ', badge(latest.lifecycle, latest.lifecycle)] : h('span', { class: 'muted' }, 'no published version')));
}
