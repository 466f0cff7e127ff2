// Changelog between two chosen versions: each change with its level badge and message.
import { apiPath, enc, getJson } from './api.js';
import { badge, h } from './dom.js';
import { apiBase, apiHeader, listVersions } from './api-page.js';

export async function renderChangelog(ctx, domain, api, from, to) {
  const versions = await listVersions(domain, api);
  const latest = versions[0];
  const fromV = from || (versions[1] || versions[0] || {}).version;
  const toV = to || (latest || {}).version;
  const select = (id, value) => h('select', { id, name: id }, versions.map((v) => h('option', { value: v.version, selected: v.version === value }, v.version)));
  const fromSel = select('changelog-from', fromV);
  const toSel = select('changelog-to', toV);
  const form = h('form', {
    class: 'filters',
    on: { submit: (e) => { e.preventDefault(); location.hash = `${apiBase(domain, api)}/changelog?from=${enc(fromSel.value)}&to=${enc(toSel.value)}`; } },
  }, h('label', { for: 'changelog-from' }, 'From'), fromSel, h('label', { for: 'changelog-to' }, 'To'), toSel, h('button', { type: 'submit' }, 'Compare'));
  const header = apiHeader(domain, api, latest?.title, latest?.kind, 'changelog');
  if (!fromV || !toV) {
    return ctx.show(...header, h('p', { class: 'empty' }, 'No versions yet.'));
  }
  if (versions.length < 2 && !from) {
    return ctx.show(...header, form, h('p', { class: 'empty' }, 'Only one version: nothing to compare yet.'));
  }
  const log = await getJson(`${apiPath(domain, api, 'changelog')}?from=${enc(fromV)}&to=${enc(toV)}`);
  const counts = { breaking: 0, warning: 0, info: 0 };
  for (const c of log.changes) {
    counts[c.level] = (counts[c.level] || 0) + 1;
  }
  ctx.show(...header, form,
    h('p', { class: 'changelog-summary', id: 'changelog-summary' },
      `${log.from} → ${log.to}: `, log.breaking ? badge('breaking for clients of ' + log.from, 'breaking') : badge('compatible', 'compatible'),
      ` ${log.changes.length} change${log.changes.length === 1 ? '' : 's'}`,
      Object.entries(counts).filter(([, n]) => n).map(([level, n]) => [' · ', `${n} ${level}`])),
    log.changes.length
      ? h('ol', { class: 'changes' }, log.changes.map((c) => h('li', { class: `change change-${c.level}` },
        badge(c.level, c.level), ' ',
        c.operation || c.channel ? h('code', { class: 'where' }, String(c.operation || c.channel)) : null, ' ',
        h('span', { class: 'message' }, String(c.message || '')),
        h('p', { class: 'muted small' }, h('code', {}, String(c.id)), c.bump ? ` · needs a ${c.bump} bump` : '',
          c.headPointer || c.basePointer ? [' · ', h('code', {}, String(c.headPointer || c.basePointer))] : ''))))
      : h('p', { class: 'empty' }, 'No changes between these versions.'));
}
