// One consumer's API keys: the table, issuing a key (its plaintext shown once, here
// only) and revoking one after a confirmation. Used by the list and the detail view.
import { enc, errorBox, getJson, sendJson } from './api.js';
import { badge, fmtDate, h } from './dom.js';

export const consumerPath = (key) => `/api/consumers/${enc(key)}`;

/** 'a b, c  a' -> ['a', 'b', 'c'] */
function parseScopes(text) {
  return [...new Set(String(text).split(/[\s,]+/).filter(Boolean))];
}

/**
 * The keys table, the issue form and the slot the new key appears in.
 * `announce(text)` reports outcomes through the page's polite live region.
 */
export function keysPanel(consumer, announce) {
  // Focusable so focus has somewhere to land when the row it was on is repainted.
  const table = h('div', { class: 'keys', tabIndex: -1 });
  const paint = (c) => table.replaceChildren(keysTable(c, (k) => confirmRevoke(c, k, revoke, () => table.focus())));
  const reveal = h('div', { class: 'key-reveal-slot' });
  const formError = h('div', { class: 'form-error' });

  const refresh = async () => paint(await getJson(consumerPath(consumer.key)));
  async function revoke(k) {
    await sendJson('DELETE', `${consumerPath(consumer.key)}/api-keys/${enc(k.id)}`);
    announce(`Key ${k.prefix}… of ${consumer.name} revoked: the gateway refuses it from now on.`);
    await refresh();
  }

  const inputId = `scopes-${consumer.key}`;
  const scopes = h('input', { id: inputId, name: 'scopes', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'shipments:read pod:write', 'aria-describedby': `${inputId}-hint` });
  const submit = h('button', { type: 'submit' }, 'Issue key');
  const form = h('form', { class: 'issue-key', dataset: { consumer: consumer.key }, on: { submit: async (e) => {
    e.preventDefault();
    formError.replaceChildren();
    submit.disabled = true;
    try {
      const issued = await sendJson('POST', `${consumerPath(consumer.key)}/api-keys`, { scopes: parseScopes(scopes.value) });
      scopes.value = '';
      reveal.replaceChildren(revealPanel(issued, () => reveal.replaceChildren()));
      announce(`Key ${issued.prefix}… issued to ${consumer.name}. Copy it now: it will not be shown again.`);
      reveal.querySelector('.key-value')?.focus();
      await refresh();
    } catch (err) {
      formError.replaceChildren(errorBox(err));
    } finally {
      submit.disabled = false;
    }
  } } },
  h('label', { for: inputId }, 'Scopes for a new key'),
  h('div', { class: 'inline-form' }, scopes, submit),
  h('p', { id: `${inputId}-hint`, class: 'muted small' }, 'Separate scopes with spaces or commas; leave empty for a key without scopes.'));

  paint(consumer);
  return h('div', { class: 'keys-panel' }, table, form, formError, reveal);
}

function keysTable(consumer, onRevoke) {
  if (!consumer.apiKeys.length) {
    return h('p', { class: 'empty small' }, 'No API keys yet.');
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'keys-table' },
    h('caption', { class: 'visually-hidden' }, `API keys of ${consumer.name}`),
    h('thead', {}, h('tr', {}, ['Key', 'Scopes', 'Created', 'Status', h('span', { class: 'visually-hidden' }, 'Actions')].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, consumer.apiKeys.map((k) => h('tr', { dataset: { keyId: k.id, state: k.revokedAt ? 'revoked' : 'active' } },
      h('td', {}, h('code', {}, `${k.prefix}…`), h('br'), h('span', { class: 'muted small key-id' }, `id ${k.id}`)),
      h('td', {}, k.scopes.length ? h('ul', { class: 'inline-list scopes' }, k.scopes.map((s) => h('li', {}, h('code', {}, s)))) : h('span', { class: 'muted' }, 'none')),
      h('td', {}, fmtDate(k.createdAt)),
      h('td', {}, k.revokedAt ? [badge('revoked', 'revoked'), h('br'), h('span', { class: 'muted small' }, fmtDate(k.revokedAt))] : badge('active', 'active')),
      h('td', { class: 'actions' }, k.revokedAt ? null
        : h('button', { type: 'button', class: 'danger revoke', 'aria-label': `Revoke key ${k.prefix}… of ${consumer.name}`, on: { click: () => onRevoke(k) } }, 'Revoke')))))));
}

/** The plaintext key, once: a copy button and a warning that it cannot be shown again. */
function revealPanel(issued, dismiss) {
  const value = h('input', { class: 'key-value', id: `key-${issued.id}`, type: 'text', readOnly: true, value: issued.apiKey, spellcheck: 'false', 'aria-describedby': `key-${issued.id}-warning` });
  const copied = h('span', { class: 'copy-status small', role: 'status', 'aria-live': 'polite' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.apiKey);
      copied.textContent = 'Copied to the clipboard.';
    } catch {
      // No clipboard permission (or no secure context): leave the key selected for Ctrl+C.
      value.focus();
      value.select();
      copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  };
  return h('section', { class: 'key-reveal', 'aria-labelledby': `key-${issued.id}-title`, dataset: { keyId: issued.id } },
    h('h4', { id: `key-${issued.id}-title` }, `New key ${issued.prefix}…`),
    h('p', { id: `key-${issued.id}-warning`, class: 'key-warning' },
      h('strong', {}, 'Copy this key now: it will not be shown again. '),
      'The registry stores only its hash. If it is lost, revoke it and issue a new one.'),
    h('div', { class: 'inline-form' },
      h('label', { for: `key-${issued.id}`, class: 'visually-hidden' }, 'New API key'), value,
      h('button', { type: 'button', class: 'copy-key', on: { click: copy } }, 'Copy'),
      h('button', { type: 'button', class: 'secondary', on: { click: dismiss } }, 'Done')),
    copied);
}

/** A modal confirmation; the revoke happens only on an explicit "Revoke key". */
function confirmRevoke(consumer, key, revoke, afterRevoke) {
  const error = h('div', {});
  const confirm = h('button', { type: 'button', class: 'danger', value: 'revoke' }, 'Revoke key');
  const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'revoke-title', 'aria-describedby': 'revoke-desc' },
    h('h2', { id: 'revoke-title' }, `Revoke key ${key.prefix}…?`),
    h('p', { id: 'revoke-desc' }, `Calls to the gateway with this key of ${consumer.name} are refused from then on. This cannot be undone.`),
    error,
    h('p', { class: 'dialog-actions' },
      h('button', { type: 'button', class: 'secondary', on: { click: () => dialog.close() } }, 'Cancel'),
      confirm));
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    try {
      await revoke(key);
      dialog.close();
      afterRevoke();
    } catch (err) {
      error.replaceChildren(errorBox(err));
      confirm.disabled = false;
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
