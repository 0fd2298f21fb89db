// Events: search by action id; one event's page explains each channel's decision ("filtered:
// min_risk_score 90 > risk_score 85", "risk score 85 is above the channel's max_risk_score 69", "suppressed by maintenance window ...") and links to its deliveries.

import { get, query } from '../api.js';
import { h, table, emptyRow, badge, time, pre } from '../dom.js';
import { field } from '../forms.js';
import { setTitle, remoteLink, catalog } from '../common.js';

export async function renderList(ctx) {
  setTitle('Events');
  const { main } = ctx;
  const actionId = ctx.query.get('action_id') || '';
  const cursor = ctx.query.get('cursor') || '';
  const input = h('input', { type: 'search', value: actionId, placeholder: 'act_xyz789', autocomplete: 'off' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search events' },
    field('action_id', 'Action id', input), h('button', { type: 'submit', class: 'btn primary' }, 'Search'),
    actionId ? h('a', { class: 'btn', href: '#/events' }, 'Show latest') : null);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(`#/events${query({ action_id: input.value.trim() })}`);
  });
  main.append(h('h1', null, 'Events'),
    h('p', { class: 'muted' }, 'Governance events received from ASCEND, newest first. Open one to see why each channel did or did not page.'),
    form);

  const page = await get(`/api/events${query({ action_id: actionId, cursor, limit: 50 })}`);
  const rows = page.items.map((e) => h('tr', { dataset: { eventId: e.id } },
    h('td', null, time(e.received_at)),
    h('td', null, h('a', { href: `#/events/${encodeURIComponent(e.id)}`, class: 'event-link' }, e.type)),
    h('td', { class: 'mono wrap' }, e.action_id ? h('a', { href: `#/events${query({ action_id: e.action_id })}` }, e.action_id) : '—'),
    h('td', { class: 'num' }, e.risk_score ?? '—'),
    h('td', { class: 'wrap' }, [e.agent_id, e.action_type, e.resource].filter(Boolean).join(' · ') || '—'),
    h('td', { class: 'mono' }, e.id)));
  main.append(table(actionId ? `Events of action ${actionId}` : 'Latest events',
    ['Received', 'Type', 'Action id', 'Risk score', 'Agent · action · resource', 'Event id'],
    rows.length ? rows : [emptyRow(6, actionId ? `No events for action ${actionId}.` : 'No events yet.')]));
  if (page.next_cursor) {
    main.append(h('div', { class: 'pager' }, h('a', { class: 'btn', href: `#/events${query({ action_id: actionId, cursor: page.next_cursor })}` }, 'Older')));
  }
}

const HIDDEN = new Set(['id', 'details']);

export async function renderOne(ctx) {
  const { main } = ctx;
  const data = await get(`/api/events/${encodeURIComponent(ctx.params[0])}`);
  const e = data.event;
  setTitle(`Event ${e.type}`);
  main.append(h('p', { class: 'crumbs' }, h('a', { href: '#/events' }, 'Events'), ' / ',
    e.action_id ? [h('a', { href: `#/events${query({ action_id: e.action_id })}` }, e.action_id), ' / '] : null, e.id));
  main.append(h('div', { class: 'page-head' }, h('h1', null, `Event ${e.type}`),
    h('div', { class: 'head-actions' }, h('a', { class: 'btn', href: `#/deliveries${query({ event_id: e.id })}` }, 'Deliveries of this event'))));

  const facts = Object.entries(e).filter(([k, v]) => !HIDDEN.has(k) && v != null && typeof v !== 'object')
    .flatMap(([k, v]) => [h('dt', null, k), h('dd', { class: k.endsWith('_at') ? null : 'wrap' }, k.endsWith('_at') ? time(v) : String(v))]);
  main.append(h('section', { class: 'card' }, h('h2', null, 'The event'), h('dl', { class: 'facts' }, h('dt', null, 'id'), h('dd', { class: 'mono' }, e.id), facts),
    e.details ? h('details', null, h('summary', null, 'details'), pre(e.details)) : null));

  const rows = data.decisions.map((d) => h('tr', { dataset: { channelId: d.channel_id }, class: `outcome-${d.outcome}` },
    h('td', null, h('a', { href: `#/channels/${encodeURIComponent(d.channel_id)}` }, d.channel_name || d.channel_id)),
    h('td', { class: 'outcome' }, badge(d.outcome)),
    h('td', { class: 'reason wrap' }, d.reason, d.incident?.remote ? h('div', { class: 'incident-remote muted' },
      `Incident ${d.incident.id} at the destination: ${d.incident.remote.status || 'changed'}${d.incident.remote.actor ? ` by ${d.incident.remote.actor}` : ''}, `,
      time(d.incident.remote.changed_at)) : null),
    h('td', { class: 'mono' }, d.destination ?? d.routing_key ?? '—'),
    h('td', null, d.deliveries?.length ? h('ul', { class: 'plain' }, d.deliveries.map((dl) => h('li', { dataset: { deliveryId: dl.id } },
      badge(dl.status), ' ', h('a', { href: `#/deliveries${query({ event_id: e.id, channel_id: d.channel_id })}` }, `${dl.kind} ${dl.id}`),
      dl.last_http_status != null ? ` (HTTP ${dl.last_http_status})` : '',
      dl.remote ? [' → ', remoteLink(dl.remote)] : null))) : h('span', { class: 'muted' }, 'none'))));
  const change = (await catalog()).eventActions[e.type] === 'change';
  main.append(h('section', { class: 'card' }, h('h2', null, change ? 'Where the change was sent' : 'Why it was (not) paged'),
    change
      ? h('p', { class: 'notice change-note' }, 'A change: recorded beside the incidents, it opens, acknowledges and closes no incident. '
        + 'Each subscribed channel gets it once (risk bounds only when it carries a risk; maintenance windows never mute it).')
      : h('p', { class: 'muted' }, 'Each channel\'s decision: enabled → subscribed → risk score bounds (minimum, maximum) → maintenance windows → destination.'),
    table('Decisions', ['Channel', 'Outcome', 'Reason', 'Destination', 'Deliveries'],
      rows.length ? rows : [emptyRow(5, 'No channel existed when this event arrived.')])));
}
