// Gateway usage per operation and consumer: who a change would affect.
import { apiPath, enc, getJson } from './api.js';
import { fmtDate, h } from './dom.js';
import { apiBase, apiHeader, listVersions } from './api-page.js';

/** The `days` route parameter when it is 1-3 digits, else the default period of 30 days. */
export function usageDays(days) {
  return /^\d{1,3}$/.test(days || '') ? days : '30';
}

/** The "Period [last N days] since …" filter line; choosing a period navigates to `hashFor(days)`. */
export function periodFilter(id, days, since, hashFor) {
  const select = h('select', { id, on: { change: (e) => { location.hash = hashFor(e.target.value); } } },
    ['7', '30', '90', '366'].map((v) => h('option', { value: v, selected: v === days }, `last ${v} days`)));
  return h('p', { class: 'filters' }, h('label', { for: id }, 'Period '), select, h('span', { class: 'muted small' }, ` since ${since}`));
}

/** A usage row's Requests, Errors and Last seen cells. */
export function countCells(r) {
  return [
    h('td', { class: 'num' }, r.requests.toLocaleString('en')),
    h('td', { class: ['num', r.errors > 0 && 'has-errors'] }, r.errors.toLocaleString('en')),
    h('td', {}, fmtDate(r.lastSeenAt)),
  ];
}

export async function renderUsage(ctx, domain, api, days) {
  const d = usageDays(days);
  const [usage, versions] = await Promise.all([getJson(`${apiPath(domain, api, 'usage')}?days=${enc(d)}`), listVersions(domain, api).catch(() => [])]);
  const latest = versions[0];
  const byOp = new Map();
  for (const row of usage.items) {
    const key = `v${row.major} ${row.operation}`;
    if (!byOp.has(key)) {
      byOp.set(key, []);
    }
    byOp.get(key).push(row);
  }
  ctx.show(...apiHeader(domain, api, latest?.title, latest?.kind, 'usage'),
    periodFilter('usage-days', d, usage.since, (v) => `${apiBase(domain, api)}/usage?days=${v}`),
    usage.items.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'usage' },
        h('thead', {}, h('tr', {}, ['Operation', 'Consumer', 'Requests', 'Errors', 'Last seen'].map((t) => h('th', { scope: 'col' }, t)))),
        [...byOp].map(([op, rows]) => h('tbody', {}, rows.map((r, i) => h('tr', {},
          i === 0 ? h('th', { scope: 'rowgroup', rowSpan: rows.length }, h('code', {}, op)) : null,
          h('td', {}, String(r.consumer)),
          countCells(r)))))))
      : h('p', { class: 'empty' }, 'No gateway traffic recorded in this period.'));
}
