// "Send test alert" (POST /api/notifications/test): the destination's answer (PagerDuty's, the webhook
// receiver's…) and the payload sent; "Preview" renders a sample event through the channel's routing
// without sending (dry_run). Type-neutral: the type's display name and destination noun come from
// GET /api/notifications/channel-types.

import { post } from '../api.js';
import { h, replace, pre, badge } from '../dom.js';
import { field, checkbox, busy } from '../forms.js';
import { capitalized } from '../common.js';

export function testPanel(channel, types) {
  const info = types.channelType(channel.type) || { display_name: channel.type, destination_noun: 'destination', opens_incidents: false };
  const result = h('div', { class: 'test-result', 'aria-live': 'polite' });
  const resolve = checkbox('resolve', info.opens_incidents ? 'Resolve it right after (closes the test incident)'
    : 'Send its resolve right after', false, { field: false });
  const send = h('button', { type: 'button', class: 'btn primary' }, 'Send test alert');
  send.addEventListener('click', () => busy(send, async () => {
    replace(result, h('p', { class: 'muted' }, 'Sending…'));
    try {
      const answer = await post('/api/notifications/test', { channel_id: channel.id, resolve: resolve.querySelector('input').checked });
      replace(result, describe(answer, info));
    } catch (e) {
      replace(result, h('div', { class: 'problem', role: 'alert' }, e.message));
    }
  }));

  // Notices are sent by ASCEND only (a destination reported the change): never a sample event to post.
  const sampleTypes = types.eventTypes.filter((t) => types.eventActions[t] !== 'notice');
  const type = h('select', null, sampleTypes.map((t) => h('option', { value: t, selected: t === 'action.blocked' }, t)));
  const risk = h('input', { type: 'number', min: '0', max: '100', value: '85' });
  const actionId = h('input', { type: 'text', value: 'act_xyz789', autocomplete: 'off' });
  const preview = h('button', { type: 'button', class: 'btn' }, 'Preview');
  preview.addEventListener('click', () => busy(preview, async () => {
    replace(result, h('p', { class: 'muted' }, 'Rendering…'));
    const event = {
      type: type.value, action_id: actionId.value.trim() || undefined,
      risk_score: risk.value === '' ? undefined : Number(risk.value),
      agent_id: 'customer-service-agent', action_type: 'database_query', resource: 'customer_database',
      policy_name: 'Data Protection Policy',
    };
    try {
      const answer = await post('/api/notifications/test', { channel_id: channel.id, event, dry_run: true });
      replace(result, describe(answer, info));
    } catch (e) {
      replace(result, h('div', { class: 'problem', role: 'alert' }, e.message,
        e.errors.length ? h('ul', null, e.errors.map((x) => h('li', null, `${x.field}: ${x.message}`))) : null));
    }
  }));

  return h('aside', { class: 'card test-panel', 'aria-labelledby': 'test-alert-h' },
    h('h2', { id: 'test-alert-h' }, 'Send test alert'),
    h('p', { class: 'muted' }, `Sends a test alert to this channel's ${info.destination_noun} now and shows the answer (${info.display_name}). Then check what arrived there.`),
    resolve, send,
    h('details', { class: 'preview' },
      h('summary', null, 'Preview a sample event (nothing is sent)'),
      field('event.type', 'Event type', type),
      field('event.risk_score', 'Risk score', risk),
      field('event.action_id', 'Action id', actionId),
      preview),
    result);
}

function describe(answer, info) {
  const name = info.display_name;
  const outcome = !answer.sent
    ? h('p', { class: 'result-headline result-neutral' }, answer.message || 'Not sent.')
    : answer.success
      ? h('p', { class: 'result-headline result-success' }, `Delivered: ${name} accepted the test alert.`)
      : h('p', { class: 'result-headline result-failure' }, `Not delivered: ${name} did not accept it.`);
  return h('div', { class: 'test-answer' },
    outcome,
    answer.decision ? h('p', null, 'Routing decision: ', badge(answer.decision.outcome), ' ', answer.decision.reason) : null,
    facts(answer, info),
    answer.payload ? h('details', { open: true }, h('summary', null, 'Payload'), pre(answer.payload)) : null,
    answer.resolve ? h('div', { class: 'resolve-answer' },
      h('h3', null, 'Resolve'),
      h('p', { class: answer.resolve.success ? 'result-success' : 'result-failure' }, answer.resolve.success ? 'Resolved.' : 'The resolve was not accepted.'),
      facts(answer.resolve, info),
      h('details', null, h('summary', null, 'Resolve payload'), pre(answer.resolve.payload))) : null);
}

function facts(answer, info) {
  const rows = [];
  const add = (label, value, cls) => {
    if (value === undefined) return;
    rows.push(h('dt', null, label), h('dd', { class: cls || null }, value ?? '—'));
  };
  if (answer.sent) {
    add('Status', answer.status_code == null ? 'no answer' : String(answer.status_code), 'status-code');
    add('Message', answer.message);
    add('Latency', answer.latency_ms == null ? undefined : `${answer.latency_ms} ms`);
  }
  add('Dedup key', answer.dedup_key, 'mono');
  // The masked destination: "destination" in the channel-neutral answer, "routing_key" where PagerDuty's API shows it.
  add(capitalized(info.destination_noun), answer.destination ?? answer.routing_key, 'mono');
  if (answer.errors?.length) add('Errors', h('ul', null, answer.errors.map((e) => h('li', null, e))));
  return h('dl', { class: 'facts' }, rows);
}
