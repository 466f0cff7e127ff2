// Consumers & keys: the applications that call the gateway, registering one, and
// (per consumer) its keys and what it called. Admin-only in the registry, so a
// reader's token gets the registry's 403 problem rendered, never a blank page.
import { enc, errorBox, getJson, sendJson } from './api.js';
import { fmtDate, h } from './dom.js';
import { consumerPath, keysPanel } from './consumer-keys.js';
import { countCells, periodFilter, usageDays } from './usage.js';

const ADMIN_HINT = 'Consumers and API keys are managed by registry admins: enter a token with the admin role above.';
const KEY_PATTERN = '[a-z][a-z0-9]*(-[a-z0-9]+)*';

function statusRegion() {
  const region = h('p', { id: 'consumers-status', class: 'status-line', role: 'status', 'aria-live': 'polite' });
  return { region, announce: (text) => { region.textContent = text; } };
}

/** Shows the registry's problem for reads the token may not make, under the page's own heading. */
function denied(ctx, title, err) {
  ctx.show(h('h1', {}, title), errorBox(err, { hint: ADMIN_HINT }));
}

export async function renderConsumers(ctx) {
  let page;
  try {
    page = await getJson('/api/consumers?limit=200');
  } catch (err) {
    denied(ctx, 'Consumers & keys', err);
    return;
  }
  const { region, announce } = statusRegion();
  const list = h('div', { class: 'consumer-list' });
  const count = h('span', { class: 'muted small' });
  let shown = page.items.length;
  const paintCount = () => { count.textContent = ` ${shown} of ${Math.max(page.total, shown)}`; };
  list.append(...(shown ? page.items.map((c) => consumerSection(c, announce)) : [h('p', { class: 'empty', id: 'no-consumers' }, 'No consumers registered yet.')]));
  paintCount();

  const onRegistered = (c) => {
    shown += 1;
    list.querySelector('#no-consumers')?.remove();
    // Inserted in place rather than repainting the list, so a key shown once elsewhere stays visible.
    const section = consumerSection(c, announce);
    const next = [...list.querySelectorAll('section.consumer')].find((s) => s.dataset.consumer > c.key);
    list.insertBefore(section, next || null);
    paintCount();
    announce(`Consumer ${c.name} (${c.key}) registered. Issue it a key below.`);
    section.querySelector('input[name=scopes]')?.focus();
  };

  ctx.show(
    h('h1', {}, 'Consumers & keys'),
    h('p', { class: 'muted lead' }, 'Applications that call the gateway, and their API keys. A key is shown once, when it is issued; the registry keeps only its hash.'),
    registerForm(onRegistered),
    region,
    h('section', { 'aria-labelledby': 'consumers-heading' }, h('h2', { id: 'consumers-heading' }, 'Consumers', count), list));
}

function registerForm(onRegistered) {
  const error = h('div', { class: 'form-error' });
  const field = (name, label, attrs, hint) => h('p', { class: 'field' },
    h('label', { for: `consumer-${name}` }, label),
    h('input', { id: `consumer-${name}`, name, type: 'text', autocomplete: 'off', ...(hint ? { 'aria-describedby': `consumer-${name}-hint` } : {}), ...attrs }),
    hint ? h('span', { id: `consumer-${name}-hint`, class: 'muted small' }, hint) : null);
  const submit = h('button', { type: 'submit' }, 'Register consumer');
  const form = h('form', { id: 'consumer-form', class: 'stack-form', on: { submit: async (e) => {
    e.preventDefault();
    error.replaceChildren();
    const data = new FormData(form);
    const contact = String(data.get('contact') || '').trim();
    submit.disabled = true;
    try {
      const created = await sendJson('POST', '/api/consumers', {
        key: String(data.get('key') || '').trim(),
        name: String(data.get('name') || '').trim(),
        ...(contact ? { contact } : {}),
      });
      form.reset();
      onRegistered(created);
    } catch (err) {
      error.replaceChildren(errorBox(err, { hint: ADMIN_HINT }));
    } finally {
      submit.disabled = false;
    }
  } } },
  field('key', 'Consumer key', { required: true, maxLength: 64, pattern: KEY_PATTERN, spellcheck: 'false', placeholder: 'carrier-portal' }, 'kebab-case; the gateway reports usage under it'),
  field('name', 'Name', { required: true, maxLength: 200, placeholder: 'Carrier portal' }),
  field('contact', 'Contact (optional)', { maxLength: 200, placeholder: 'team@example.com' }),
  h('p', { class: 'field field-submit' }, submit));
  return h('section', { class: 'panel', 'aria-labelledby': 'register-heading' }, h('h2', { id: 'register-heading' }, 'Register a consumer'), form, error);
}

function consumerSection(c, announce) {
  const id = `consumer-${c.key}-heading`;
  return h('section', { class: 'consumer panel', dataset: { consumer: c.key }, 'aria-labelledby': id },
    h('h3', { id }, h('a', { href: `#/consumers/${enc(c.key)}` }, String(c.name)), ' ', h('code', { class: 'key' }, c.key)),
    h('p', { class: 'muted small' }, c.contact ? `${c.contact} · ` : '', `registered ${fmtDate(c.createdAt)}`),
    keysPanel(c, announce));
}

export async function renderConsumer(ctx, key, days) {
  const d = usageDays(days);
  let consumer;
  let usage;
  try {
    [consumer, usage] = await Promise.all([getJson(consumerPath(key)), getJson(`${consumerPath(key)}/usage?days=${enc(d)}`)]);
  } catch (err) {
    denied(ctx, key, err);
    return;
  }
  const { region, announce } = statusRegion();
  ctx.show(
    h('p', { class: 'crumbs' }, h('a', { href: '#/consumers' }, 'Consumers & keys'), ' / ', key),
    h('h1', {}, String(consumer.name)),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Key'), h('dd', {}, h('code', {}, consumer.key)),
      h('dt', {}, 'Contact'), h('dd', {}, consumer.contact ? String(consumer.contact) : '—'),
      h('dt', {}, 'Registered'), h('dd', {}, fmtDate(consumer.createdAt))),
    region,
    h('section', { class: 'consumer', dataset: { consumer: consumer.key }, 'aria-labelledby': 'keys-heading' },
      h('h2', { id: 'keys-heading' }, 'API keys'), keysPanel(consumer, announce)),
    h('section', { 'aria-labelledby': 'usage-heading' },
      h('h2', { id: 'usage-heading' }, 'APIs it called'),
      periodFilter('consumer-usage-days', d, usage.since, (v) => `#/consumers/${enc(key)}?days=${v}`),
      usageTable(usage.items)));
}

function usageTable(items) {
  if (!items.length) {
    return h('p', { class: 'empty' }, 'No gateway traffic from this consumer in this period.');
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'usage consumer-usage' },
    h('thead', {}, h('tr', {}, ['API', 'Operation', 'Requests', 'Errors', 'Last seen'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map((r) => h('tr', {},
      h('td', {}, h('a', { href: `#/apis/${enc(r.domain)}/${enc(r.api)}/usage` }, `${r.domain}/${r.api}`), ` v${r.major}`),
      h('td', {}, h('code', {}, r.operation)),
      countCells(r))))));
}
