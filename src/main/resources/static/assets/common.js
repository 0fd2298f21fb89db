// What the pages share: the server's catalog (event types, risk levels, channel types), read once per
// page load from the API instead of copied here, and small helpers.

import { get } from './api.js';
import { h } from './dom.js';

export const DELIVERY_STATUSES = ['pending', 'in_flight', 'delivered', 'failed', 'dead'];

export function setTitle(text) {
  document.title = `${text} · ASCEND Notify`;
}

let loading = null;

/**
 * The catalog, loaded on first use and kept for the page's life (it changes only with a new version of
 * the service, which a reload picks up):
 * {eventTypes: ['action.blocked', …], eventActions: {'action.blocked': 'trigger', 'policy.changed': 'change', …}, riskLevels: [{level, min_score, max_score}], channelTypes: [{type,
 * display_name, destination_noun, owned_fields, follow_ups, opens_incidents}], channelType(name)}.
 * A failed load is not kept, so the next page tries again.
 */
export function catalog() {
  if (!loading) {
    loading = Promise.all([get('/api/event-types'), get('/api/risk-levels'), get('/api/notifications/channel-types')])
      .then(([events, risks, types]) => ({
        eventTypes: events.event_types.map((t) => t.type),
        eventActions: Object.fromEntries(events.event_types.map((t) => [t.type, t.action])),
        riskLevels: risks.risk_levels,
        channelTypes: types.channel_types,
        channelType(name) {
          return types.channel_types.find((t) => t.type === name) || null;
        },
      }));
    loading.catch(() => { loading = null; });
  }
  return loading;
}

/** "Critical (90-100)": a risk level as the product page's table names it. */
export function riskLabel(risk) {
  return `${risk.level[0].toUpperCase()}${risk.level.slice(1)} (${risk.min_score}-${risk.max_score})`;
}

/** A noun as the start of a label: "routing key" → "Routing key". */
export function capitalized(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/**
 * A delivery's `remote` (where the delivered message can be seen at its destination, e.g. a ticket: {label, url})
 * as a link opening in a new tab, or null. Only http(s) URLs become links; anything else is shown as text.
 */
export function remoteLink(remote) {
  if (!remote || !remote.label) return null;
  const url = typeof remote.url === 'string' ? remote.url : '';
  if (!/^https?:\/\//i.test(url)) return h('span', { class: 'remote mono' }, remote.label);
  return h('a', { class: 'remote mono', href: url, target: '_blank', rel: 'noopener noreferrer' }, remote.label);
}
