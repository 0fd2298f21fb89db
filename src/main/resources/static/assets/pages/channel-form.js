// A channel's page: every field of the product page's channel (create and edit), its warnings
// beside the fields they name, "Send test alert" with PagerDuty's answer, preview, and delete.

import { get, post, patch, del } from '../api.js';
import { h, replace } from '../dom.js';
import {
  field, checkbox, checkboxGroup, checkedValues, secretInput, withToggle, clearMessages, showErrors,
  showWarnings, showProblem, problemBox, confirmDialog, busy,
} from '../forms.js';
import { EVENT_TYPES, RISK_LEVELS, SEVERITIES, setTitle } from '../common.js';
import { testPanel } from './test-alert.js';

const KEY_HINT = '32 letters and digits: in PagerDuty, Services → Service Directory → your service → Integrations → Events API v2 → Integration Key.';

export async function renderNew(ctx) {
  if (!ctx.canEdit) {
    setTitle('Channels');
    ctx.main.append(h('h1', null, 'New channel'), h('p', null, 'Viewers cannot create channels; ask an admin.'));
    return;
  }
  renderPage(ctx, null);
}

export async function renderExisting(ctx) {
  const channel = await get(`/api/notifications/channels/${encodeURIComponent(ctx.params[0])}`);
  renderPage(ctx, channel);
}

function renderPage(ctx, channel) {
  const { main } = ctx;
  setTitle(channel ? channel.name : 'New channel');
  const head = h('div', { class: 'page-head' },
    h('h1', null, channel ? channel.name : 'New channel'),
    channel ? h('div', { class: 'head-actions' },
      h('a', { class: 'btn', href: `#/deliveries?channel_id=${encodeURIComponent(channel.id)}` }, 'Deliveries'),
      ctx.canEdit ? deleteButton(ctx, channel) : null) : null);
  main.append(h('p', { class: 'crumbs' }, h('a', { href: '#/channels' }, 'Channels'), ' / ', channel ? channel.id : 'new'));
  main.append(head);
  if (!ctx.canEdit && channel) main.append(h('p', { class: 'notice' }, 'You are a viewer: this channel is shown read-only.'));

  const form = channelForm(ctx, channel);
  const layout = h('div', { class: channel && ctx.canEdit ? 'two-col' : 'one-col' }, form);
  if (channel && ctx.canEdit) layout.append(testPanel(channel));
  main.append(layout);
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

function channelForm(ctx, channel) {
  const c = channel || {};
  const config = c.config || {};
  const editing = Boolean(channel);
  const problem = problemBox();
  const warningSummary = h('div', { class: 'warnings', hidden: true });

  const name = h('input', { type: 'text', value: c.name || '', required: true, autocomplete: 'off' });
  const type = h('select', { disabled: editing }, h('option', { value: 'pagerduty' }, 'PagerDuty (Events API v2)'));
  const enabled = checkbox('enabled', 'Enabled', c.enabled ?? true);
  const integrationKey = secretInput(config.integration_key);
  const routingKey = secretInput(config.routing_key);
  const region = h('select', null,
    h('option', { value: 'us', selected: config.region !== 'eu' }, 'US (events.pagerduty.com)'),
    h('option', { value: 'eu', selected: config.region === 'eu' }, 'EU (events.eu.pagerduty.com)'));
  const stored = (key) => (editing && key ? h('span', { class: 'stored' }, `Stored: ${key}. Leave as is to keep it, clear to remove it.`) : null);

  const events = checkboxGroup('events', 'Events', EVENT_TYPES.map((t) => [t, t]), c.events || [],
    { hint: 'The event types this channel receives. None checked: every type.' });

  const severity = h('fieldset', { class: 'group', 'data-field': 'severity_mapping' },
    h('legend', null, 'Severity mapping'),
    h('div', { class: 'hint' }, 'ASCEND risk level → PagerDuty severity. The defaults are the product page\'s table.'),
    h('div', { class: 'severity-grid' },
      h('div', { class: 'sev-head', 'aria-hidden': 'true' }, h('span', null, 'ASCEND Risk'), h('span', null, 'PagerDuty Severity'), h('span', null, 'Description')),
      RISK_LEVELS.map((r) => {
        const select = h('select', null, SEVERITIES.map((s) => h('option', {
          value: s, selected: ((c.severity_mapping || {})[r.level] || r.severity) === s,
        }, s)));
        return field(`severity_mapping.${r.level}`, r.label, select, { class: 'sev-row', after: h('span', { class: 'muted sev-desc' }, r.description) });
      })),
    h('div', { class: 'field-msgs' }));

  const minRisk = h('input', { type: 'number', min: '0', max: '100', step: '1', inputmode: 'numeric', value: c.filters?.min_risk_score ?? '' });

  const rules = h('div', { class: 'rows' });
  (c.routing_rules || []).forEach((rule) => rules.append(ruleRow(rule)));
  const addRule = h('button', { type: 'button', class: 'btn-small' }, 'Add routing rule');
  addRule.addEventListener('click', () => {
    rules.append(ruleRow({ events: [], routing_key: '' }));
    renumberRules(rules);
    rules.lastElementChild.querySelector('input').focus();
  });
  renumberRules(rules);

  const aliases = h('div', { class: 'rows' });
  Object.entries(config.routing_keys || {}).forEach(([alias, key]) => aliases.append(aliasRow(alias, key, editing)));
  const addAlias = h('button', { type: 'button', class: 'btn-small' }, 'Add key alias');
  addAlias.addEventListener('click', () => {
    aliases.append(aliasRow('', '', false));
    aliases.lastElementChild.querySelector('input').focus();
  });

  const runbookInputs = {};
  const runbooks = h('fieldset', { class: 'group', 'data-field': 'config.runbook_links' },
    h('legend', null, 'Runbook links'),
    h('div', { class: 'hint' }, 'A runbook URL per event type, sent as a link with the incident.'),
    EVENT_TYPES.map((t) => {
      runbookInputs[t] = h('input', { type: 'url', value: (config.runbook_links || {})[t] || '', placeholder: 'https://wiki.company.com/runbooks/…', autocomplete: 'off' });
      return field(`config.runbook_links.${t}`, t, runbookInputs[t], { class: 'inline' });
    }),
    h('div', { class: 'field-msgs' }));

  const includeMetadata = checkbox('config.include_metadata', 'Include metadata (custom_details: agent, action, resource, risk, policy)', config.include_metadata ?? true);

  const submit = h('button', { type: 'submit', class: 'btn primary' }, editing ? 'Save changes' : 'Create channel');
  const body = h('fieldset', { class: 'plain', disabled: !ctx.canEdit },
    h('legend', { class: 'visually-hidden' }, 'Channel settings'),
    h('section', { class: 'card' }, h('h2', null, 'Channel'),
      field('name', 'Name', name),
      field('type', 'Type', type),
      enabled),
    h('section', { class: 'card' }, h('h2', null, 'PagerDuty'),
      h('div', { 'data-field': 'config', class: 'group-plain' },
        field('config.integration_key', 'Integration key', integrationKey, { hint: KEY_HINT, wrap: withToggle, after: stored(config.integration_key) }),
        field('config.routing_key', 'Routing key', routingKey, { hint: 'Optional: used instead of the integration key when set.', wrap: withToggle, after: stored(config.routing_key) }),
        field('config.region', 'Region', region),
        h('div', { class: 'field-msgs' }))),
    h('section', { class: 'card' }, h('h2', null, 'What is sent'),
      events,
      field('filters.min_risk_score', 'Minimum risk score', minRisk, { hint: '0–100. Events with a lower risk score are not sent. Empty: no filter.' }),
      severity,
      includeMetadata),
    h('section', { class: 'card' }, h('h2', null, 'Routing'),
      h('fieldset', { class: 'group', 'data-field': 'routing_rules' }, h('legend', null, 'Routing rules'),
        h('div', { class: 'hint' }, 'Send some event types to another routing key (or key alias). The first matching rule wins; others use the channel\'s key.'),
        rules, ctx.canEdit ? addRule : null, h('div', { class: 'field-msgs' })),
      h('fieldset', { class: 'group', 'data-field': 'config.routing_keys' }, h('legend', null, 'Key aliases'),
        h('div', { class: 'hint' }, 'Name a key once (e.g. security-on-call) and use the name in routing rules.'),
        aliases, ctx.canEdit ? addAlias : null, h('div', { class: 'field-msgs' }))),
    h('section', { class: 'card' }, runbooks));

  const form = h('form', { class: 'channel-form', novalidate: true, 'aria-label': editing ? 'Channel settings' : 'New channel' },
    problem, warningSummary, body,
    ctx.canEdit ? h('div', { class: 'form-actions' }, submit, h('a', { class: 'btn', href: '#/channels' }, 'Cancel')) : null);

  if (editing) {
    const unplaced = showWarnings(form, c.warnings);
    if (c.warnings?.length) {
      replace(warningSummary,
        h('p', null, `${c.warnings.length} warning${c.warnings.length > 1 ? 's' : ''}: this channel may not page as intended. ${unplaced.length < c.warnings.length ? 'See the fields marked below.' : ''}`),
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
        type: 'pagerduty',
        enabled: enabled.querySelector('input').checked,
        config: {
          integration_key: keyValue(integrationKey, editing),
          routing_key: keyValue(routingKey, editing),
          region: region.value,
          routing_keys: aliasValues(aliases, config.routing_keys || {}, editing),
          runbook_links: runbookValues(runbookInputs, config.runbook_links || {}, editing),
          include_metadata: includeMetadata.querySelector('input').checked,
        },
        events: checkedValues(events, 'events'),
        severity_mapping: Object.fromEntries(RISK_LEVELS.map((r) => [r.level, severity.querySelector(`[data-field="severity_mapping.${r.level}"] select`).value])),
        filters: { min_risk_score: numberOrText(minRisk.value) },
        routing_rules: ruleValues(rules),
      };
      if (doc.events.length === 0) doc.events = null;
      try {
        if (editing) {
          await patch(`/api/notifications/channels/${encodeURIComponent(channel.id)}`, doc);
          ctx.flash('Changes saved.');
          ctx.navigate(`#/channels/${encodeURIComponent(channel.id)}`);
        } else {
          const created = await post('/api/notifications/channels', withoutNulls(doc));
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

/** A PATCH keeps a key sent back masked; an empty field removes it (null), or is left out of a create. */
function keyValue(input, editing) {
  const value = input.value.trim();
  return value === '' ? (editing ? null : undefined) : value;
}

function numberOrText(value) {
  const text = value.trim();
  if (text === '') return null;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

function ruleRow(rule) {
  const key = secretInput(rule.routing_key, { placeholder: 'alias or integration key' });
  const remove = h('button', { type: 'button', class: 'btn-small danger-link' }, 'Remove rule');
  const row = h('fieldset', { class: 'row rule' },
    h('legend', null, 'Routing rule'),
    checkboxGroup('routing_rules[].events', 'Events', EVENT_TYPES.map((t) => [t, t]), rule.events, { class: 'compact' }),
    field('routing_rules[].routing_key', 'Routing key', key, { wrap: withToggle, hint: 'A key alias or a 32-character integration key.' }),
    remove, h('div', { class: 'field-msgs' }));
  remove.addEventListener('click', () => {
    const list = row.parentElement;
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumberRules(list);
    (next ? next.querySelector('input') : list.parentElement.querySelector('button'))?.focus();
  });
  return row;
}

/** Rules are addressed by position (routing_rules[0].routing_key), as the API's errors and warnings are. */
function renumberRules(list) {
  [...list.children].forEach((row, i) => {
    row.dataset.field = `routing_rules[${i}]`;
    row.querySelector('legend').textContent = `Routing rule ${i + 1}`;
    const group = row.querySelector('fieldset');
    group.dataset.field = `routing_rules[${i}].events`;
    group.querySelectorAll('input').forEach((box) => { box.name = `routing_rules[${i}].events`; });
    const keyField = row.querySelector('.field');
    keyField.dataset.field = `routing_rules[${i}].routing_key`;
    keyField.querySelector('input').name = `routing_rules[${i}].routing_key`;
    row.querySelector('.danger-link').setAttribute('aria-label', `Remove routing rule ${i + 1}`);
  });
}

function ruleValues(list) {
  return [...list.children].map((row, i) => ({
    events: checkedValues(row, `routing_rules[${i}].events`),
    routing_key: row.querySelector('.field input').value.trim(),
  }));
}

function aliasRow(alias, key, stored) {
  const aliasInput = h('input', { type: 'text', value: alias, autocomplete: 'off', class: 'alias-name' });
  const keyInput = secretInput(key);
  const remove = h('button', { type: 'button', class: 'btn-small danger-link' }, 'Remove alias');
  const row = h('div', { class: 'row alias', 'data-field': `config.routing_keys.${alias}`, dataset: { original: stored ? alias : '' } },
    field('config.routing_keys', 'Alias', aliasInput, { class: 'no-msgs' }),
    field('config.routing_keys', 'Key', keyInput, { wrap: withToggle, class: 'no-msgs' }),
    remove, h('div', { class: 'field-msgs' }));
  // The inner fields only label the inputs; messages for config.routing_keys.<alias> go to the row.
  row.querySelectorAll('.field').forEach((f) => f.removeAttribute('data-field'));
  aliasInput.addEventListener('input', () => { row.dataset.field = `config.routing_keys.${aliasInput.value.trim()}`; });
  remove.addEventListener('click', () => {
    const list = row.parentElement;
    row.remove();
    list.parentElement.querySelector('button')?.focus();
  });
  return row;
}

/** Merge-patch semantics: aliases that were stored and are gone become null (deleted). */
function aliasValues(list, storedAliases, editing) {
  const result = {};
  if (editing) Object.keys(storedAliases).forEach((alias) => { result[alias] = null; });
  [...list.children].forEach((row) => {
    const alias = row.querySelector('.alias-name').value.trim();
    if (alias) result[alias] = row.querySelector('input.secret').value.trim();
  });
  return result;
}

function runbookValues(inputs, storedLinks, editing) {
  const result = {};
  for (const [type, input] of Object.entries(inputs)) {
    const url = input.value.trim();
    if (url) result[type] = url;
    else if (editing && storedLinks[type]) result[type] = null;
  }
  return result;
}
