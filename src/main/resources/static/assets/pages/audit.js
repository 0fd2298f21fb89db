// The audit trail: who changed what, when (keys masked by the server).

import { get, query } from '../api.js';
import { h, table, emptyRow, time, pre } from '../dom.js';
import { setTitle } from '../common.js';

export async function render(ctx) {
  setTitle('Audit log');
  const { main } = ctx;
  const cursor = ctx.query.get('cursor') || '';
  main.append(h('h1', null, 'Audit log'), h('p', { class: 'muted' }, 'Every change, newest first. Keys are masked.'));
  const page = await get(`/api/audit-log${query({ cursor, limit: 50 })}`);
  const rows = page.items.map((a) => h('tr', null,
    h('td', null, time(a.at)),
    h('td', { class: 'wrap' }, a.actor_email || a.actor_id || '—'),
    h('td', null, a.action),
    h('td', { class: 'mono wrap' }, [a.target_type, a.target_id].filter(Boolean).join(' ')),
    h('td', null, a.changes && Object.keys(a.changes).length ? h('details', null, h('summary', null, 'Changes'), pre(a.changes)) : '—')));
  main.append(table('Audit log', ['At', 'Who', 'Action', 'Target', 'Changes'], rows.length ? rows : [emptyRow(5, 'Nothing yet.')]));
  if (page.next_cursor) main.append(h('div', { class: 'pager' }, h('a', { class: 'btn', href: `#/audit${query({ cursor: page.next_cursor })}` }, 'Older')));
}
