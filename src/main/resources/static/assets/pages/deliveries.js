// The delivery log: filters (channel, status, time), refreshing itself every 5 s, each delivery's
// attempts and payload, and "Retry" on failed or dead ones (admins).

import { get, post, query } from '../api.js';
import { h, replace, table, emptyRow, badge, time, pre, fmtTime, labelCells } from '../dom.js';
import { field, checkbox } from '../forms.js';
import { DELIVERY_STATUSES, setTitle, remoteLink } from '../common.js';

const WINDOWS = [['', 'Any time'], ['15m', 'Last 15 minutes'], ['1h', 'Last hour'], ['24h', 'Last 24 hours'], ['7d', 'Last 7 days']];
const WINDOW_MS = { '15m': 15 * 60e3, '1h': 3600e3, '24h': 24 * 3600e3, '7d': 7 * 24 * 3600e3 };
const REFRESH_MS = 5000;
const HEADERS = ['Created', 'Channel', 'Kind', 'Status', 'Attempts', 'Last answer', 'Dedup key', ''];

export async function render(ctx) {
  setTitle('Deliveries');
  const { main } = ctx;
  const state = {
    channel_id: ctx.query.get('channel_id') || '',
    status: ctx.query.get('status') || '',
    window: ctx.query.get('window') || '',
    event_id: ctx.query.get('event_id') || '',
    cursor: null,
    cursors: [],
  };
  const expanded = new Set();
  const channels = (await get('/api/notifications/channels?limit=200')).items;
  const channelName = (id) => channels.find((c) => c.id === id)?.name;

  const channelSelect = h('select', null, h('option', { value: '' }, 'All channels'),
    channels.map((c) => h('option', { value: c.id, selected: c.id === state.channel_id }, c.name)));
  const statusSelect = h('select', null, h('option', { value: '' }, 'Any status'),
    DELIVERY_STATUSES.map((s) => h('option', { value: s, selected: s === state.status }, s.replace('_', ' '))));
  const windowSelect = h('select', null, WINDOWS.map(([v, label]) => h('option', { value: v, selected: v === state.window }, label)));
  const eventChip = h('div', { class: 'chip-slot' });
  const autoRefresh = checkbox('auto_refresh', 'Refresh every 5 s', true, { field: false });
  const updated = h('span', { class: 'muted updated', role: 'status' });
  const problem = h('div', { class: 'problem', role: 'alert', hidden: true });
  const tbody = h('tbody');
  const pager = h('div', { class: 'pager' });

  main.append(
    h('div', { class: 'page-head' }, h('h1', null, 'Deliveries'), h('div', { class: 'head-actions' }, autoRefresh, updated)),
    h('p', { class: 'muted' }, 'Every message sent to a channel\'s destination, with each attempt and its answer. Failed deliveries were refused (a 4xx) and are not retried by themselves; dead ones ran out of retries.'),
    h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter deliveries' },
      field('channel_id', 'Channel', channelSelect), field('status', 'Status', statusSelect), field('window', 'Time', windowSelect), eventChip),
    problem);
  const tableWrap = table('Deliveries', HEADERS, []);
  tableWrap.querySelector('tbody').replaceWith(tbody);
  main.append(tableWrap, pager);

  const syncHash = () => {
    const q = query({ channel_id: state.channel_id, status: state.status, window: state.window, event_id: state.event_id });
    history.replaceState(null, '', `#/deliveries${q}`);
  };
  const refilter = () => {
    state.cursor = null;
    state.cursors = [];
    syncHash();
    load();
  };
  channelSelect.addEventListener('change', () => { state.channel_id = channelSelect.value; refilter(); });
  statusSelect.addEventListener('change', () => { state.status = statusSelect.value; refilter(); });
  windowSelect.addEventListener('change', () => { state.window = windowSelect.value; refilter(); });
  const renderChip = () => {
    replace(eventChip, state.event_id ? h('span', { class: 'chip' }, 'Event ', h('a', { href: `#/events/${encodeURIComponent(state.event_id)}` }, state.event_id), ' ',
      h('button', { type: 'button', class: 'btn-small', 'aria-label': 'Show deliveries of every event', onclick: () => { state.event_id = ''; renderChip(); refilter(); } }, '×')) : null);
  };
  renderChip();

  let timer = null;
  let loading = false;
  async function load() {
    if (loading) return;
    loading = true;
    try {
      const since = WINDOW_MS[state.window] ? new Date(Date.now() - WINDOW_MS[state.window]).toISOString() : null;
      const page = await get(`/api/notifications/deliveries${query({
        channel_id: state.channel_id, status: state.status, event_id: state.event_id, since, cursor: state.cursor, limit: 50,
      })}`);
      problem.hidden = true;
      renderRows(page.items);
      renderPager(page.next_cursor);
      updated.textContent = `Updated ${fmtTime(new Date().toISOString()).slice(11)}`;
    } catch (e) {
      problem.textContent = `Could not load deliveries: ${e.message}`;
      problem.hidden = false;
    } finally {
      loading = false;
    }
  }

  function renderRows(items) {
    const focusedKey = document.activeElement?.dataset?.focusKey;
    const rows = [];
    for (const d of items) {
      const open = expanded.has(d.id);
      const toggle = h('button', { type: 'button', class: 'btn-small', 'aria-expanded': String(open), dataset: { focusKey: `${d.id}:details` } }, open ? 'Hide' : 'Details');
      toggle.setAttribute('aria-label', `${open ? 'Hide' : 'Show'} details of delivery ${d.id}`);
      toggle.addEventListener('click', () => {
        if (expanded.has(d.id)) expanded.delete(d.id); else expanded.add(d.id);
        renderRows(items);
      });
      const actions = h('td', { class: 'actions' }, toggle);
      if (ctx.canEdit && (d.status === 'failed' || d.status === 'dead')) {
        const retry = h('button', { type: 'button', class: 'btn-small primary', dataset: { focusKey: `${d.id}:retry` } }, 'Retry');
        retry.setAttribute('aria-label', `Retry delivery ${d.id}`);
        retry.addEventListener('click', async () => {
          retry.disabled = true;
          try {
            await post(`/api/notifications/deliveries/${encodeURIComponent(d.id)}/retry`);
          } catch (e) {
            problem.textContent = `Could not retry: ${e.message}`;
            problem.hidden = false;
          }
          load();
        });
        actions.append(' ', retry);
      }
      rows.push(h('tr', { dataset: { deliveryId: d.id }, class: `status-${d.status}` },
        h('td', null, time(d.created_at)),
        h('td', null, channelName(d.channel_id) ? h('a', { href: `#/channels/${encodeURIComponent(d.channel_id)}` }, channelName(d.channel_id)) : d.channel_id),
        h('td', null, d.kind),
        h('td', { class: 'status' }, badge(d.status)),
        h('td', { class: 'num' }, d.attempt_count),
        h('td', null, d.last_http_status != null ? h('span', { class: 'mono' }, String(d.last_http_status), ' ') : null, d.last_message || '',
          d.remote ? [' ', remoteLink(d.remote)] : null),
        h('td', { class: 'mono wrap' }, d.dedup_key),
        actions));
      if (open) rows.push(detailRow(d));
    }
    replace(tbody, rows.length ? rows : emptyRow(8, 'No deliveries match these filters.'));
    labelCells(tbody, HEADERS);
    if (focusedKey) tbody.querySelector(`[data-focus-key="${CSS.escape(focusedKey)}"]`)?.focus();
  }

  function renderPager(nextCursor) {
    const older = h('button', { type: 'button', class: 'btn', disabled: !nextCursor }, 'Older');
    const newer = h('button', { type: 'button', class: 'btn', disabled: state.cursors.length === 0 }, 'Newer');
    older.addEventListener('click', () => { state.cursors.push(state.cursor); state.cursor = nextCursor; load(); });
    newer.addEventListener('click', () => { state.cursor = state.cursors.pop() || null; load(); });
    replace(pager, newer, older, state.cursor ? h('span', { class: 'muted' }, ' Showing older deliveries; "Newer" returns towards the latest.') : null);
  }

  function schedule() {
    timer = setTimeout(async () => {
      if (autoRefresh.querySelector('input').checked && !document.hidden) await load();
      schedule();
    }, REFRESH_MS);
  }
  ctx.onLeave(() => clearTimeout(timer));
  await load();
  schedule();
}

function detailRow(d) {
  const attempts = (d.attempts || []).map((a) => h('tr', null,
    h('td', null, time(a.at)),
    h('td', { class: 'mono' }, a.http_status ?? '—'),
    h('td', null, badge(a.outcome)),
    h('td', null, a.message || '', a.errors?.length ? h('ul', null, a.errors.map((e) => h('li', null, e))) : null),
    h('td', { class: 'num' }, `${a.latency_ms} ms`)));
  return h('tr', { class: 'detail' }, h('td', { colspan: 8 },
    h('dl', { class: 'facts' },
      h('dt', null, 'Delivery'), h('dd', { class: 'mono' }, d.id),
      h('dt', null, 'Event'), h('dd', null, d.event_id ? h('a', { href: `#/events/${encodeURIComponent(d.event_id)}` }, d.event_id) : 'test alert (no event)'),
      h('dt', null, 'Destination'), h('dd', { class: 'mono' }, d.destination ?? d.routing_key ?? '—'),
      d.remote ? [h('dt', null, 'At the destination'), h('dd', null, remoteLink(d.remote))] : null,
      h('dt', null, 'Next attempt'), h('dd', null, time(d.next_attempt_at)),
      h('dt', null, 'Finished'), h('dd', null, time(d.finished_at))),
    table('Attempts', ['At', 'HTTP status', 'Outcome', 'Answer', 'Latency'],
      attempts.length ? attempts : [emptyRow(5, 'Not attempted yet.')], { captionVisible: true }),
    h('details', null, h('summary', null, 'Payload'), pre(d.payload))));
}
