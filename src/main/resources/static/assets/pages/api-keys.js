// API keys for the governance engine (POST /api/events with "Authorization: Bearer <key>"):
// create (the key is shown once, with a copy button), list, revoke.

import { get, post, del } from '../api.js';
import { h, replace, table, emptyRow, time } from '../dom.js';
import { field, clearMessages, showErrors, showProblem, problemBox, confirmDialog, busy } from '../forms.js';
import { setTitle } from '../common.js';

export async function render(ctx) {
  setTitle('API keys');
  const { main } = ctx;
  main.append(h('h1', null, 'API keys'),
    h('p', { class: 'muted' }, 'Keys let ASCEND\'s governance engine post events: POST /api/events with the header "Authorization: Bearer <key>".'));
  const created = h('div', { 'aria-live': 'polite' });
  const listSlot = h('div');

  async function reload() {
    const keys = (await get('/api/api-keys?limit=200')).items;
    const rows = keys.map((k) => {
      const cells = [
        h('td', { class: 'key-name' }, k.name),
        h('td', { class: 'mono' }, `${k.prefix}…`),
        h('td', null, time(k.created_at)),
        h('td', null, k.last_used_at ? time(k.last_used_at) : h('span', { class: 'muted' }, 'never')),
      ];
      if (ctx.canEdit) {
        const revoke = h('button', { type: 'button', class: 'btn-small danger-link', 'aria-label': `Revoke ${k.name}` }, 'Revoke');
        revoke.addEventListener('click', async () => {
          if (!await confirmDialog(`Revoke API key “${k.name}”?`, 'Requests with this key are refused from now on. This cannot be undone.', 'Revoke key')) return;
          try {
            await del(`/api/api-keys/${encodeURIComponent(k.id)}`);
            await reload();
          } catch (e) {
            listSlot.prepend(h('div', { class: 'problem', role: 'alert' }, `Could not revoke: ${e.message}`));
          }
        });
        cells.push(h('td', { class: 'actions' }, revoke));
      }
      return h('tr', { dataset: { keyId: k.id } }, cells);
    });
    const headers = ['Name', 'Prefix', 'Created', 'Last used'];
    if (ctx.canEdit) headers.push('');
    replace(listSlot, table('API keys', headers, rows.length ? rows : [emptyRow(headers.length, 'No API keys.')]));
  }

  if (ctx.canEdit) {
    const name = h('input', { type: 'text', autocomplete: 'off', placeholder: 'governance-engine' });
    const problem = problemBox();
    const submit = h('button', { type: 'submit', class: 'btn primary' }, 'Create API key');
    const form = h('form', { class: 'card inline-form', novalidate: true, 'aria-labelledby': 'new-key-h' },
      h('h2', { id: 'new-key-h' }, 'New API key'), problem, h('div', { class: 'inline-fields' }, field('name', 'Name', name), submit));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      busy(submit, async () => {
        clearMessages(form);
        problem.hidden = true;
        try {
          const key = await post('/api/api-keys', { name: name.value.trim() });
          name.value = '';
          replace(created, shownOnce(key, () => replace(created)));
          created.querySelector('input').focus();
          await reload();
        } catch (err) {
          showProblem(problem, err, showErrors(form, err.errors), form);
        }
      });
    });
    main.append(form);
  }
  main.append(created, listSlot);
  await reload();
}

function shownOnce(key, onDone) {
  const value = h('input', { type: 'text', readonly: true, value: key.key, class: 'mono key-value', 'aria-label': `API key ${key.name}` });
  const copy = h('button', { type: 'button', class: 'btn primary' }, 'Copy');
  const status = h('span', { role: 'status', class: 'muted' });
  copy.addEventListener('click', async () => {
    value.select();
    try {
      await navigator.clipboard.writeText(key.key);
      status.textContent = 'Copied.';
    } catch {
      status.textContent = document.execCommand && document.execCommand('copy') ? 'Copied.' : 'Select the key and copy it (Ctrl+C).';
    }
  });
  const done = h('button', { type: 'button', class: 'btn' }, 'Done');
  done.addEventListener('click', onDone);
  return h('div', { class: 'card shown-once' },
    h('h2', null, `Key “${key.name}” created`),
    h('p', null, 'Copy it now: it is shown only this once. Only its prefix is kept visible afterwards.'),
    h('div', { class: 'inline-fields' }, value, copy, done), status);
}
