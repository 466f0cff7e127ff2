// The portal shell: hash routing, the token field and rendering each view into <main>.
import { getToken, setToken, errorBox } from './api.js';
import { clear, h } from './dom.js';
import { renderCatalog } from './catalog.js';
import { renderApiPage } from './api-page.js';
import { renderChangelog } from './changelog.js';
import { renderUsage } from './usage.js';
import { renderDocs } from './api-page.js';
import { renderConsumer, renderConsumers } from './consumers.js';

const main = document.getElementById('main');
let generation = 0;

/** '#/apis/d/a/versions/1.0.0?x=y' -> { parts: ['apis','d','a','versions','1.0.0'], params } */
export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  return { parts, params: new URLSearchParams(query) };
}

function route() {
  const { parts, params } = parseHash();
  if (parts[0] === 'apis' && parts.length >= 3) {
    const [, domain, api, section, version] = parts;
    if (!section) {
      return { title: `${domain}/${api}`, nav: 'catalog', render: (ctx) => renderApiPage(ctx, domain, api) };
    }
    if (section === 'versions' && version) {
      return { title: `${domain}/${api} ${version}`, nav: 'catalog', render: (ctx) => renderDocs(ctx, domain, api, version) };
    }
    if (section === 'changelog') {
      return { title: `${domain}/${api} changelog`, nav: 'catalog', render: (ctx) => renderChangelog(ctx, domain, api, params.get('from'), params.get('to')) };
    }
    if (section === 'usage') {
      return { title: `${domain}/${api} usage`, nav: 'catalog', render: (ctx) => renderUsage(ctx, domain, api, params.get('days')) };
    }
  }
  if (parts[0] === 'consumers' && parts.length <= 2) {
    return parts[1]
      ? { title: `Consumer ${parts[1]}`, nav: 'consumers', render: (ctx) => renderConsumer(ctx, parts[1], params.get('days')) }
      : { title: 'Consumers & keys', nav: 'consumers', render: (ctx) => renderConsumers(ctx) };
  }
  if (parts.length === 0) {
    return { title: 'Catalog', nav: 'catalog', render: (ctx) => renderCatalog(ctx, params.get('q') || '', params.get('kind') || '') };
  }
  return { title: 'Not found', render: (ctx) => ctx.show(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the catalog'))) };
}

async function render({ focus = true } = {}) {
  const mine = ++generation;
  const view = route();
  document.title = `${view.title} · Charter portal`;
  for (const link of document.querySelectorAll('.nav a[data-nav]')) {
    if (link.dataset.nav === view.nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  // ctx.show only paints if no newer navigation started meanwhile.
  const ctx = {
    current: () => mine === generation,
    show: (...nodes) => {
      if (mine !== generation) {
        return false;
      }
      clear(main).append(...nodes.flat().filter(Boolean));
      return true;
    },
  };
  ctx.show(h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  try {
    await view.render(ctx);
  } catch (err) {
    ctx.show(h('h1', {}, view.title), errorBox(err));
  }
  if (focus && mine === generation) {
    const heading = main.querySelector('h1');
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
  }
}

function setupToken() {
  const form = document.getElementById('token-form');
  const input = document.getElementById('token-input');
  const status = document.getElementById('token-status');
  const show = () => { status.textContent = getToken() ? 'Token in use (this tab only)' : 'Anonymous'; };
  input.value = getToken();
  show();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setToken(input.value.trim().replace(/^Bearer\s+/i, ''));
    show();
    void render({ focus: false });
  });
  document.getElementById('token-clear').addEventListener('click', () => {
    input.value = '';
    setToken('');
    show();
    void render({ focus: false });
  });
}

setupToken();
window.addEventListener('hashchange', () => void render());
void render({ focus: false });
