// Overview: events and deliveries over the last 24 h (an SVG chart drawn from the lists), queue
// depth, dead deliveries needing attention, and open incidents where the server lists them.

import { get, post, collect, query, ApiError } from '../api.js';
import { h, replace, svg, table, emptyRow, badge, time } from '../dom.js';
import { setTitle } from '../common.js';

const HOUR = 3600e3;

export async function render(ctx) {
  setTitle('Overview');
  const { main } = ctx;
  const refresh = h('button', { type: 'button', class: 'btn' }, 'Refresh');
  const body = h('div', { class: 'overview', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  main.append(h('div', { class: 'page-head' }, h('h1', null, 'Overview'), h('div', { class: 'head-actions' }, refresh)), body);
  refresh.addEventListener('click', () => load());
  const load = async () => {
    body.setAttribute('aria-busy', 'true');
    try {
      replace(body, await content(ctx, load));
    } catch (e) {
      replace(body, h('div', { class: 'problem', role: 'alert' }, `Could not load the overview: ${e.message}`));
    }
    body.removeAttribute('aria-busy');
  };
  await load();
}

async function content(ctx, reload) {
  const now = Date.now();
  const since = new Date(now - 24 * HOUR).toISOString();
  const [events, deliveries, pending, inFlight, dead, channels, incidents] = await Promise.all([
    collect('/api/events', {}, { stopWhen: (e) => Date.parse(e.received_at) < now - 24 * HOUR }),
    collect('/api/notifications/deliveries', { since }),
    collect('/api/notifications/deliveries', { status: 'pending' }),
    collect('/api/notifications/deliveries', { status: 'in_flight' }, { maxPages: 1 }),
    collect('/api/notifications/deliveries', { status: 'dead' }, { maxPages: 1 }),
    get('/api/notifications/channels?limit=200'),
    openIncidents(),
  ]);
  // Incidents a responder resolved at the destination (its webhooks said so): who closed what, and why.
  const closed = incidents ? (await get(`/api/incidents${query({ status: 'resolved', limit: 100 })}`)).items.filter((i) => i.remote) : null;
  const channelName = (id) => channels.items.find((c) => c.id === id)?.name || id;
  const count = (list) => `${list.items.length}${list.complete ? '' : '+'}`;
  const failed24h = deliveries.items.filter((d) => d.status === 'failed').length;

  const stats = h('div', { class: 'stats' },
    stat('Queue depth', count(pending), `pending deliveries${inFlight.items.length ? `, ${inFlight.items.length} in flight` : ''}`, '#/deliveries?status=pending', 'queue-depth'),
    stat('Dead deliveries', count(dead), 'ran out of retries: need attention', '#/deliveries?status=dead', 'dead-count', dead.items.length > 0),
    stat('Failed (24 h)', String(failed24h), 'refused by the destination (4xx)', '#/deliveries?status=failed&window=24h', 'failed-count', failed24h > 0),
    stat('Events (24 h)', count(events), 'governance events received', '#/events', 'events-count'),
    stat('Deliveries (24 h)', count(deliveries), 'messages to channels', '#/deliveries?window=24h', 'deliveries-count'),
    incidents ? stat('Open incidents', String(incidents.length), 'held open by ASCEND Notify', null, 'incidents-count') : null);

  const attention = dead.items.slice(0, 10).map((d) => {
    const cells = [
      h('td', null, time(d.created_at)),
      h('td', null, h('a', { href: `#/channels/${encodeURIComponent(d.channel_id)}` }, channelName(d.channel_id))),
      h('td', null, badge(d.status)),
      h('td', { class: 'wrap' }, d.last_http_status != null ? `${d.last_http_status} ` : '', d.last_message || ''),
      h('td', null, d.event_id ? h('a', { href: `#/events/${encodeURIComponent(d.event_id)}` }, 'Event') : 'test alert'),
    ];
    if (ctx.canEdit) {
      const retry = h('button', { type: 'button', class: 'btn-small primary', 'aria-label': `Retry delivery ${d.id}` }, 'Retry');
      retry.addEventListener('click', async () => {
        retry.disabled = true;
        await post(`/api/notifications/deliveries/${encodeURIComponent(d.id)}/retry`).catch(() => null);
        reload();
      });
      cells.push(h('td', null, retry));
    }
    return h('tr', { dataset: { deliveryId: d.id } }, cells);
  });
  const attentionHeaders = ['Created', 'Channel', 'Status', 'Last answer', 'Event'];
  if (ctx.canEdit) attentionHeaders.push('');

  return [
    stats,
    h('section', { class: 'card' }, h('h2', null, 'Last 24 hours'), chart(events.items, deliveries.items, now),
      !events.complete || !deliveries.complete ? h('p', { class: 'muted' }, 'Showing the latest 1000 of each; there were more.') : null),
    h('section', { class: 'card' }, h('h2', null, 'Needs attention'),
      table('Dead deliveries', attentionHeaders, attention.length ? attention : [emptyRow(attentionHeaders.length, 'Nothing: no dead deliveries.')]),
      dead.items.length > 10 ? h('p', null, h('a', { href: '#/deliveries?status=dead' }, 'All dead deliveries')) : null),
    incidents ? h('section', { class: 'card' }, h('h2', null, 'Open incidents'),
      table('Open incidents', ['Opened', 'Channel', 'Dedup key', 'Destination', 'Status', 'At the destination', 'Last event'],
        incidents.length ? incidents.slice(0, 20).map((i) => h('tr', { dataset: { incidentId: i.id } },
          h('td', null, time(i.opened_at)),
          h('td', null, channelName(i.channel_id)),
          h('td', { class: 'mono wrap' }, i.dedup_key),
          h('td', { class: 'mono' }, i.destination ?? i.routing_key ?? '—'),
          h('td', null, badge(i.status)),
          h('td', { class: 'remote wrap' }, remoteText(i)),
          h('td', null, time(i.last_event_at)))) : [emptyRow(7, 'No open incidents.')])) : null,
    closed?.length ? h('section', { class: 'card' }, h('h2', null, 'Resolved at the destination'),
      table('Resolved at the destination', ['Resolved', 'Channel', 'Dedup key', 'By', 'Why'],
        closed.slice(0, 20).map((i) => h('tr', { dataset: { incidentId: i.id } },
          h('td', null, time(i.resolved_at)),
          h('td', null, channelName(i.channel_id)),
          h('td', { class: 'mono wrap' }, i.dedup_key),
          h('td', { class: 'remote' }, i.remote.actor || '—'),
          h('td', { class: 'wrap' }, i.reason || ''))))) : null,
  ];
}

/** What the destination last said of an incident (through its webhooks): "acknowledged by Jane Doe, <time>". */
function remoteText(incident) {
  const r = incident.remote;
  if (!r) return '—';
  return [`${r.status || 'changed'}${r.actor ? ` by ${r.actor}` : ''}, `, time(r.changed_at)];
}

/** GET /api/incidents where the server has it (null on 404: not built on this server). */
async function openIncidents() {
  try {
    return (await get(`/api/incidents${query({ status: 'open', limit: 200 })}`)).items;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}

function stat(label, value, note, href, id, alert) {
  const inner = [h('span', { class: 'stat-value', id }, value), h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-note' }, note)];
  return href ? h('a', { class: `stat${alert ? ' stat-alert' : ''}`, href }, inner) : h('div', { class: `stat${alert ? ' stat-alert' : ''}` }, inner);
}

/** 24 hourly buckets, events and deliveries side by side, as an SVG bar chart. */
function chart(events, deliveries, now) {
  // Whole clock hours: the last bar is the current hour.
  const start = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
  const bucket = (iso) => Math.floor((Date.parse(iso) - start) / HOUR);
  const e = new Array(24).fill(0);
  const d = new Array(24).fill(0);
  events.forEach((x) => { const b = bucket(x.received_at); if (b >= 0 && b < 24) e[b] += 1; });
  deliveries.forEach((x) => { const b = bucket(x.created_at); if (b >= 0 && b < 24) d[b] += 1; });
  const max = Math.max(1, ...e, ...d);
  const W = 1000; const H = 220; const left = 40; const bottom = 24; const top = 10;
  const plotH = H - bottom - top; const slot = (W - left) / 24; const bar = Math.max(2, slot / 2 - 2);
  const y = (v) => top + plotH - (v / max) * plotH;
  const bars = [];
  for (let i = 0; i < 24; i += 1) {
    const x = left + i * slot + 1;
    const hourStart = new Date(start + i * HOUR);
    const label = `${String(hourStart.getHours()).padStart(2, '0')}:00`;
    bars.push(svg('rect', { x, y: y(e[i]), width: bar, height: top + plotH - y(e[i]), class: 'bar-events' }, svg('title', null, `${label}: ${e[i]} events`)));
    bars.push(svg('rect', { x: x + bar + 1, y: y(d[i]), width: bar, height: top + plotH - y(d[i]), class: 'bar-deliveries' }, svg('title', null, `${label}: ${d[i]} deliveries`)));
    if (i % 3 === 0) bars.push(svg('text', { x, y: H - 6, class: 'axis' }, label));
  }
  const totalE = e.reduce((a, b) => a + b, 0);
  const totalD = d.reduce((a, b) => a + b, 0);
  const figure = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `Last 24 hours, per hour: ${totalE} events and ${totalD} deliveries; busiest hour ${max}.` },
    svg('line', { x1: left, y1: top + plotH, x2: W, y2: top + plotH, class: 'axis-line' }),
    svg('text', { x: 0, y: top + 8, class: 'axis' }, String(max)),
    svg('text', { x: 0, y: top + plotH, class: 'axis' }, '0'),
    bars);
  return h('figure', { class: 'chart-figure' }, figure,
    h('figcaption', null, h('span', { class: 'key key-events' }, `Events (${totalE})`), ' ', h('span', { class: 'key key-deliveries' }, `Deliveries (${totalD})`), h('span', { class: 'muted' }, ' per hour, local time')));
}
