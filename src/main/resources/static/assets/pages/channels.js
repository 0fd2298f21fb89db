// Channels list: name, type (by its display name), events, risk scores sent (min–max), enabled, last delivery outcome.

import { get, query } from '../api.js';
import { h, table, emptyRow, badge, time } from '../dom.js';
import { catalog, setTitle } from '../common.js';

export async function render(ctx) {
  setTitle('Channels');
  const { main } = ctx;
  main.append(h('div', { class: 'page-head' },
    h('h1', null, 'Channels'),
    ctx.canEdit ? h('a', { class: 'btn primary', href: '#/channels/new' }, 'New channel') : null));
  const [list, types] = await Promise.all([get('/api/notifications/channels?limit=200'), catalog()]);
  const destinations = types.channelTypes.map((t) => `${t.display_name}: a ${t.destination_noun}`).join('; ');
  main.append(h('p', { class: 'muted' }, `Where governance events are sent: each channel names its destination (${destinations}), the events it receives and which of them it sends.`));
  const lastDeliveries = await Promise.all(list.items.map((c) =>
    get(`/api/notifications/deliveries${query({ channel_id: c.id, limit: 1 })}`).then((d) => d.items[0] || null, () => null)));

  const rows = list.items.map((c, i) => {
    const last = lastDeliveries[i];
    return h('tr', { dataset: { channelId: c.id } },
      h('td', null, h('a', { href: `#/channels/${encodeURIComponent(c.id)}`, class: 'channel-name' }, c.name),
        c.warnings?.length ? h('span', { class: 'warn-count', title: c.warnings.join('\n') }, ` ${c.warnings.length} warning${c.warnings.length > 1 ? 's' : ''}`) : null),
      h('td', { class: 'channel-type', dataset: { type: c.type } }, types.channelType(c.type)?.display_name || c.type),
      h('td', null, c.events == null ? h('span', { class: 'muted' }, 'all types') : c.events.length ? c.events.join(', ') : h('span', { class: 'muted' }, 'none')),
      h('td', { class: 'num' }, riskRange(c.filters)),
      h('td', { title: c.disabled_reason || null }, c.enabled ? 'yes' : badge('disabled')),
      h('td', null, last ? [badge(last.status), ' ', time(last.finished_at || last.created_at)] : h('span', { class: 'muted' }, 'none yet')));
  });
  main.append(table('Channels', ['Name', 'Type', 'Events', 'Risk scores', 'Enabled', 'Last delivery'],
    rows.length ? rows : [emptyRow(6, ctx.canEdit ? 'No channels yet. Create one with "New channel".' : 'No channels yet.')]));
}

// "70–100", "0–69", "medium, low", or "—" with no filter: the bounds are inclusive, an open end is 0 or 100.
function riskRange(filters) {
  const min = filters?.min_risk_score;
  const max = filters?.max_risk_score;
  const parts = [];
  if (min != null || max != null) parts.push(`${min ?? 0}–${max ?? 100}`);
  if (filters?.risk_levels) parts.push(filters.risk_levels.join(', '));
  return parts.length ? parts.join(' · ') : '—';
}
