// A channel's page (create and edit): the fields every channel has (name, type, enabled, events,
// minimum risk score), then its type's own fields from the type's form module (channel-types/), its
// warnings beside the fields they name, "Send test alert" with the destination's answer, preview, and
// delete. A type the console has no form for is shown as JSON, read-only.

import { get, post, patch, del } from '../api.js';
import { h, replace, pre, table, emptyRow, badge, time } from '../dom.js';
import {
  field, checkbox, checkboxGroup, checkedValues, clearMessages, showErrors, showWarnings, showProblem, problemBox,
  confirmDialog, busy, numberOrText,
} from '../forms.js';
import { catalog, setTitle } from '../common.js';
import { formFor } from '../channel-types/index.js';
import { testPanel } from './test-alert.js';
import { reconciliationPanel } from './reconciliation.js';

export async function renderNew(ctx) {
  if (!ctx.canEdit) {
    setTitle('Channels');
    ctx.main.append(h('h1', null, 'New channel'), h('p', null, 'Viewers cannot create channels; ask an admin.'));
    return;
  }
  renderPage(ctx, null, await catalog());
}

export async function renderExisting(ctx) {
  const [channel, types] = await Promise.all([
    get(`/api/notifications/channels/${encodeURIComponent(ctx.params[0])}`), catalog()]);
  renderPage(ctx, channel, types);
}

function renderPage(ctx, channel, types) {
  const { main } = ctx;
  if (!channel && editableTypes(types).length === 0) {
    setTitle('New channel');
    main.append(h('h1', null, 'New channel'), h('p', { class: 'notice' }, 'The console has a form for none of the channel types this server offers; create channels through the API.'));
    return;
  }
  setTitle(channel ? channel.name : 'New channel');
  const head = h('div', { class: 'page-head' },
    h('h1', null, channel ? channel.name : 'New channel'),
    channel ? h('div', { class: 'head-actions' },
      h('a', { class: 'btn', href: `#/deliveries?channel_id=${encodeURIComponent(channel.id)}` }, 'Deliveries'),
      ctx.canEdit ? deleteButton(ctx, channel) : null) : null);
  main.append(h('p', { class: 'crumbs' }, h('a', { href: '#/channels' }, 'Channels'), ' / ', channel ? channel.id : 'new'));
  main.append(head);
  if (channel?.disabled_reason) {
    main.append(h('p', { class: 'notice disabled-reason', role: 'status' }, `Disabled: ${channel.disabled_reason}`));
  }
  if (!ctx.canEdit && channel) main.append(h('p', { class: 'notice' }, 'You are a viewer: this channel is shown read-only.'));

  const form = channel && !formFor(channel.type) ? unknownType(channel, types) : channelForm(ctx, channel, types);
  const layout = h('div', { class: channel && ctx.canEdit ? 'two-col' : 'one-col' }, form);
  if (channel && ctx.canEdit) layout.append(testPanel(channel, types));
  main.append(layout);
  if (channel?.webhook_url) main.append(inboundWebhooks(channel, types));
  if (channel?.reconciliation) main.append(reconciliationPanel(ctx, channel));
}

/**
 * A type whose destination posts back about its incidents: the URL to paste there, the steps to set it up,
 * and the latest deliveries received (an unmatched one names the incident key nobody here opened).
 */
function inboundWebhooks(channel, types) {
  const name = types.channelType(channel.type)?.display_name || channel.type;
  const list = h('div', { class: 'received-webhooks', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'));
  get(`/api/notifications/channels/${encodeURIComponent(channel.id)}/webhooks?limit=20`).then((page) => {
    const rows = page.items.map((w) => h('tr', { dataset: { webhookId: w.id }, class: `outcome-${w.outcome}` },
      h('td', null, time(w.received_at)),
      h('td', { class: 'mono' }, w.event_type),
      h('td', { class: 'mono wrap' }, w.incident_key || '—'),
      h('td', null, badge(w.outcome)),
      h('td', { class: 'wrap' }, w.detail || '')));
    replace(list, table('Received webhooks', ['Received', 'Event type', 'Incident key', 'Outcome', 'Detail'],
      rows.length ? rows : [emptyRow(5, 'Nothing received yet.')]));
    list.removeAttribute('aria-busy');
  }).catch((e) => {
    replace(list, h('div', { class: 'problem', role: 'alert' }, `Could not load the received webhooks: ${e.message}`));
    list.removeAttribute('aria-busy');
  });
  return h('section', { class: 'card inbound-webhooks' }, h('h2', null, `Webhooks from ${name}`),
    h('p', null, 'Webhook URL: ', h('code', { class: 'webhook-url' }, channel.webhook_url)),
    h('ol', { class: 'webhook-setup' }, (channel.webhook_setup || []).map((step) => h('li', null, step))),
    list);
}

/** A channel of a type this console has no form for: what the API says, and where to change it. */
function unknownType(channel, types) {
  const name = types.channelType(channel.type)?.display_name || channel.type;
  return h('section', { class: 'card unknown-type' }, h('h2', null, name),
    h('p', { class: 'notice' }, `The console cannot edit ${name} channels yet. Change this one through the API (PATCH /api/notifications/channels/${channel.id}).`),
    pre(channel));
}

function deleteButton(ctx, channel) {
  const button = h('button', { type: 'button', class: 'btn danger' }, 'Delete channel');
  button.addEventListener('click', async () => {
    const ok = await confirmDialog(`Delete channel “${channel.name}”?`,
      'Events will no longer be sent to it. Its delivery log stays. This cannot be undone.', 'Delete channel');
    if (!ok) {
      button.focus();
      return;
    }
    try {
      await del(`/api/notifications/channels/${encodeURIComponent(channel.id)}`);
      ctx.flash(`Channel “${channel.name}” deleted.`);
      ctx.navigate('#/channels');
    } catch (e) {
      ctx.main.prepend(h('div', { class: 'problem', role: 'alert' }, `Could not delete: ${e.message}`));
    }
  });
  return button;
}

/** The types a new channel may have: those the server offers (in its order, by name) that have a form here. */
function editableTypes(types) {
  return types.channelTypes.filter((t) => formFor(t.type));
}

function channelForm(ctx, channel, types) {
  const c = channel || {};
  const editing = Boolean(channel);
  const problem = problemBox();
  const warningSummary = h('div', { class: 'warnings', hidden: true });

  const name = h('input', { type: 'text', value: c.name || '', required: true, autocomplete: 'off' });
  const offered = editing ? [types.channelType(c.type) || { type: c.type }] : editableTypes(types);
  const type = h('select', { disabled: editing },
    offered.map((t) => h('option', { value: t.type, selected: t.type === c.type }, formFor(t.type).label)));
  const enabled = checkbox('enabled', 'Enabled', c.enabled ?? true);
  const events = checkboxGroup('events', 'Events', types.eventTypes.map((t) => [t, t]), c.events || [],
    { hint: 'The event types this channel receives. None checked: every type.' });
  const minRisk = h('input', { type: 'number', min: '0', max: '100', step: '1', inputmode: 'numeric', value: c.filters?.min_risk_score ?? '' });
  const maxRisk = h('input', { type: 'number', min: '0', max: '100', step: '1', inputmode: 'numeric', value: c.filters?.max_risk_score ?? '' });
  const riskLevels = checkboxGroup('filters.risk_levels', 'Risk levels',
    types.riskLevels.map((r) => [r.level, `${r.level} (${r.min_score}–${r.max_score})`]), c.filters?.risk_levels || [],
    { hint: 'Send only alerts shown with these levels (their risk_level, else their score\'s band). None checked: every level.' });

  // The type's own parts, drawn again when another type is chosen for a new channel.
  const destinationSlot = h('div', { class: 'type-slot' });
  const sentSlot = h('div', { class: 'type-slot' });
  const moreSlot = h('div', { class: 'type-slot' });
  let typeForm = null;
  let typeSections = null;
  const drawType = () => {
    typeForm = formFor(type.value);
    typeSections = typeForm.sections({ ctx, channel, editing, canEdit: ctx.canEdit, catalog: types });
    replace(destinationSlot, typeSections.destination);
    replace(sentSlot, typeSections.whatIsSent);
    replace(moreSlot, typeSections.more);
    // Event types the type never takes (e.g. a change for a ticket system) are not offered: saving one is a 400.
    const refused = new Set(types.channelType(type.value)?.refused_events || []);
    events.querySelectorAll('input[type=checkbox]').forEach((box) => {
      const hide = refused.has(box.value);
      box.closest('.check').hidden = hide;
      if (hide) box.checked = false;
    });
  };
  type.addEventListener('change', () => {
    clearMessages(form);
    problem.hidden = true;
    drawType();
  });

  const submit = h('button', { type: 'submit', class: 'btn primary' }, editing ? 'Save changes' : 'Create channel');
  const body = h('fieldset', { class: 'plain', disabled: !ctx.canEdit },
    h('legend', { class: 'visually-hidden' }, 'Channel settings'),
    h('section', { class: 'card' }, h('h2', null, 'Channel'),
      field('name', 'Name', name),
      field('type', 'Type', type),
      enabled),
    destinationSlot,
    h('section', { class: 'card' }, h('h2', null, 'What is sent'),
      events,
      field('filters.min_risk_score', 'Minimum risk score', minRisk, { hint: '0–100. Events with a lower risk score are not sent. Empty: no filter.' }),
      field('filters.max_risk_score', 'Maximum risk score', maxRisk, { hint: '0–100, inclusive. Events with a higher risk score are not sent, e.g. 69 for lower-severity alerts beside a paging channel from 70. Empty: no filter.' }),
      riskLevels,
      sentSlot),
    moreSlot);

  const form = h('form', { class: 'channel-form', novalidate: true, 'aria-label': editing ? 'Channel settings' : 'New channel' },
    problem, warningSummary, body,
    ctx.canEdit ? h('div', { class: 'form-actions' }, submit, h('a', { class: 'btn', href: '#/channels' }, 'Cancel')) : null);
  drawType();

  if (editing) {
    const unplaced = showWarnings(form, c.warnings);
    if (c.warnings?.length) {
      replace(warningSummary,
        h('p', null, `${c.warnings.length} warning${c.warnings.length > 1 ? 's' : ''}: this channel may not deliver as intended. ${unplaced.length < c.warnings.length ? 'See the fields marked below.' : ''}`),
        unplaced.length ? h('ul', null, unplaced.map((w) => h('li', { class: 'field-warning' }, w))) : null);
      warningSummary.hidden = false;
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!ctx.canEdit) return;
    busy(submit, async () => {
      clearMessages(form);
      problem.hidden = true;
      const doc = {
        name: name.value,
        type: type.value,
        enabled: enabled.querySelector('input').checked,
        events: checkedValues(events, 'events'),
        filters: {
          min_risk_score: numberOrText(minRisk.value),
          max_risk_score: numberOrText(maxRisk.value),
          risk_levels: checkedValues(riskLevels, 'filters.risk_levels').length ? checkedValues(riskLevels, 'filters.risk_levels') : null,
        },
        ...typeSections.value(),
      };
      if (doc.events.length === 0) doc.events = null;
      try {
        if (editing) {
          await patch(`/api/notifications/channels/${encodeURIComponent(channel.id)}`, doc);
          ctx.flash('Changes saved.');
          ctx.navigate(`#/channels/${encodeURIComponent(channel.id)}`);
        } else {
          const created = await post('/api/notifications/channels', withoutNulls(doc));
          if (typeForm.afterCreate) await typeForm.afterCreate(created);
          ctx.flash('Channel created.');
          ctx.navigate(`#/channels/${encodeURIComponent(created.id)}`);
        }
      } catch (err) {
        showProblem(problem, err, showErrors(form, err.errors), form);
      }
    });
  });
  return form;
}

function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}
