// Gateway usage per operation and consumer: who a change would affect.
import { apiPath, enc, getJson } from './api.js';
import { fmtDate, h } from './dom.js';
import { apiBase, apiHeader, listVersions } from './api-page.js';

export async function renderUsage(ctx, domain, api, days) {
  const d = /^\d{1,3}$/.test(days || '') ? days : '30';
  const [usage, versions] = await Promise.all([getJson(`${apiPath(domain, api, 'usage')}?days=${enc(d)}`), listVersions(domain, api).catch(() => [])]);
  const latest = versions[0];
  const daysSel = h('select', { id: 'usage-days', on: { change: (e) => { location.hash = `${apiBase(domain, api)}/usage?days=${e.target.value}`; } } },
    ['7', '30', '90', '366'].map((v) => h('option', { value: v, selected: v === d }, `last ${v} days`)));
  const byOp = new Map();
  for (const row of usage.items) {
    const key = `v${row.major} ${row.operation}`;
    if (!byOp.has(key)) {
      byOp.set(key, []);
    }
    byOp.get(key).push(row);
  }
  ctx.show(...apiHeader(domain, api, latest?.title, latest?.kind, 'usage'),
    h('p', { class: 'filters' }, h('label', { for: 'usage-days' }, 'Period '), daysSel, h('span', { class: 'muted small' }, ` since ${usage.since}`)),
    usage.items.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'usage' },
        h('thead', {}, h('tr', {}, ['Operation', 'Consumer', 'Requests', 'Errors', 'Last seen'].map((t) => h('th', { scope: 'col' }, t)))),
        [...byOp].map(([op, rows]) => h('tbody', {}, rows.map((r, i) => h('tr', {},
          i === 0 ? h('th', { scope: 'rowgroup', rowSpan: rows.length }, h('code', {}, op)) : null,
          h('td', {}, String(r.consumer)),
          h('td', { class: 'num' }, r.requests.toLocaleString('en')),
          h('td', { class: ['num', r.errors > 0 && 'has-errors'] }, r.errors.toLocaleString('en')),
          h('td', {}, fmtDate(r.lastSeenAt))))))))
      : h('p', { class: 'empty' }, 'No gateway traffic recorded in this period.'));
}
