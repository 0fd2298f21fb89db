// "Send test alert" (POST /api/notifications/test): PagerDuty's answer and the payload sent;
// "Preview" renders a sample event through the channel's routing without sending (dry_run).

import { post } from '../api.js';
import { h, replace, pre, badge } from '../dom.js';
import { field, checkbox, busy } from '../forms.js';
import { EVENT_TYPES } from '../common.js';

export function testPanel(channel) {
  const result = h('div', { class: 'test-result', 'aria-live': 'polite' });
  const resolve = checkbox('resolve', 'Resolve it right after (closes the test incident)', false, { field: false });
  const send = h('button', { type: 'button', class: 'btn primary' }, 'Send test alert');
  send.addEventListener('click', () => busy(send, async () => {
    replace(result, h('p', { class: 'muted' }, 'Sending…'));
    try {
      const answer = await post('/api/notifications/test', { channel_id: channel.id, resolve: resolve.querySelector('input').checked });
      replace(result, describe(answer));
    } catch (e) {
      replace(result, h('div', { class: 'problem', role: 'alert' }, e.message));
    }
  }));

  const type = h('select', null, EVENT_TYPES.map((t) => h('option', { value: t, selected: t === 'action.blocked' }, t)));
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
      replace(result, describe(answer));
    } catch (e) {
      replace(result, h('div', { class: 'problem', role: 'alert' }, e.message,
        e.errors.length ? h('ul', null, e.errors.map((x) => h('li', null, `${x.field}: ${x.message}`))) : null));
    }
  }));

  return h('aside', { class: 'card test-panel', 'aria-labelledby': 'test-alert-h' },
    h('h2', { id: 'test-alert-h' }, 'Send test alert'),
    h('p', { class: 'muted' }, 'Sends a test alert to this channel\'s routing key now and shows PagerDuty\'s answer. Then verify severity and details in PagerDuty.'),
    resolve, send,
    h('details', { class: 'preview' },
      h('summary', null, 'Preview a sample event (nothing is sent)'),
      field('event.type', 'Event type', type),
      field('event.risk_score', 'Risk score', risk),
      field('event.action_id', 'Action id', actionId),
      preview),
    result);
}

function describe(answer) {
  const outcome = !answer.sent
    ? h('p', { class: 'result-headline result-neutral' }, answer.message || 'Not sent.')
    : answer.success
      ? h('p', { class: 'result-headline result-success' }, 'Delivered: PagerDuty accepted the test alert.')
      : h('p', { class: 'result-headline result-failure' }, 'Not delivered: PagerDuty did not accept it.');
  return h('div', { class: 'test-answer' },
    outcome,
    answer.decision ? h('p', null, 'Routing decision: ', badge(answer.decision.outcome), ' ', answer.decision.reason) : null,
    facts(answer),
    answer.payload ? h('details', { open: true }, h('summary', null, 'Payload'), pre(answer.payload)) : null,
    answer.resolve ? h('div', { class: 'resolve-answer' },
      h('h3', null, 'Resolve'),
      h('p', { class: answer.resolve.success ? 'result-success' : 'result-failure' }, answer.resolve.success ? 'Resolved.' : 'The resolve was not accepted.'),
      facts(answer.resolve),
      h('details', null, h('summary', null, 'Resolve payload'), pre(answer.resolve.payload))) : null);
}

function facts(answer) {
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
  add('Routing key', answer.routing_key, 'mono');
  if (answer.errors?.length) add('Errors', h('ul', null, answer.errors.map((e) => h('li', null, e))));
  return h('dl', { class: 'facts' }, rows);
}
