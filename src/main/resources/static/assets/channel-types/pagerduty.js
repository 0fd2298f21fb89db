// The PagerDuty channel's form: Events API v2 keys and region, the severity table (ASCEND risk level →
// PagerDuty severity, PagerDuty's own vocabulary), routing rules, key aliases, runbook links and
// include_metadata. See index.js for what a type's form module exports.

import { h } from '../dom.js';
import { field, checkbox, checkboxGroup, checkedValues, secretInput, withToggle } from '../forms.js';
import { riskLabel } from '../common.js';

export const label = 'PagerDuty (Events API v2)';

const KEY_HINT = '32 letters and digits: in PagerDuty, Services → Service Directory → your service → Integrations → Events API v2 → Integration Key.';

/** PagerDuty's four severities: https://developer.pagerduty.com/docs/events-api-v2/trigger-events/ (payload.severity). */
const SEVERITIES = ['critical', 'error', 'warning', 'info'];

/** The product page's "Severity Mapping" table: ASCEND risk level → PagerDuty severity (the defaults). */
const DEFAULT_SEVERITY = { critical: 'critical', high: 'error', medium: 'warning', low: 'info' };
const DESCRIPTION = { critical: 'Pages immediately', high: 'High urgency', medium: 'Low urgency', low: 'Informational' };

export function sections({ channel, editing, canEdit, catalog }) {
  const c = channel || {};
  const config = c.config || {};
  const { eventTypes, riskLevels } = catalog;

  const integrationKey = secretInput(config.integration_key);
  const routingKey = secretInput(config.routing_key);
  const webhookSecret = secretInput(config.webhook_secret);
  const restApiToken = secretInput(config.rest_api_token);
  const region = h('select', null,
    h('option', { value: 'us', selected: config.region !== 'eu' }, 'US (events.pagerduty.com)'),
    h('option', { value: 'eu', selected: config.region === 'eu' }, 'EU (events.eu.pagerduty.com)'));
  const stored = (key) => (editing && key ? h('span', { class: 'stored' }, `Stored: ${key}. Leave as is to keep it, clear to remove it.`) : null);

  const severity = h('fieldset', { class: 'group', 'data-field': 'severity_mapping' },
    h('legend', null, 'Severity mapping'),
    h('div', { class: 'hint' }, 'ASCEND risk level → PagerDuty severity. The defaults are the product page\'s table.'),
    h('div', { class: 'severity-grid' },
      h('div', { class: 'sev-head', 'aria-hidden': 'true' }, h('span', null, 'ASCEND Risk'), h('span', null, 'PagerDuty Severity'), h('span', null, 'Description')),
      riskLevels.map((r) => {
        const select = h('select', null, SEVERITIES.map((s) => h('option', {
          value: s, selected: ((c.severity_mapping || {})[r.level] || DEFAULT_SEVERITY[r.level] || 'warning') === s,
        }, s)));
        return field(`severity_mapping.${r.level}`, riskLabel(r), select, { class: 'sev-row', after: h('span', { class: 'muted sev-desc' }, DESCRIPTION[r.level] || '') });
      })),
    h('div', { class: 'field-msgs' }));

  const includeMetadata = checkbox('config.include_metadata', 'Include metadata (custom_details: agent, action, resource, risk, policy)', config.include_metadata ?? true);

  const rules = h('div', { class: 'rows' });
  (c.routing_rules || []).forEach((rule) => rules.append(ruleRow(rule, eventTypes)));
  const addRule = h('button', { type: 'button', class: 'btn-small' }, 'Add routing rule');
  addRule.addEventListener('click', () => {
    rules.append(ruleRow({ events: [], routing_key: '' }, eventTypes));
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
    eventTypes.map((t) => {
      runbookInputs[t] = h('input', { type: 'url', value: (config.runbook_links || {})[t] || '', placeholder: 'https://wiki.company.com/runbooks/…', autocomplete: 'off' });
      return field(`config.runbook_links.${t}`, t, runbookInputs[t], { class: 'inline' });
    }),
    h('div', { class: 'field-msgs' }));

  return {
    destination: h('section', { class: 'card' }, h('h2', null, 'PagerDuty'),
      h('div', { 'data-field': 'config', class: 'group-plain' },
        field('config.integration_key', 'Integration key', integrationKey, { hint: KEY_HINT, wrap: withToggle, after: stored(config.integration_key) }),
        field('config.routing_key', 'Routing key', routingKey, { hint: 'Optional: used instead of the integration key when set.', wrap: withToggle, after: stored(config.routing_key) }),
        field('config.region', 'Region', region),
        h('div', { class: 'field-msgs' }))),
    whatIsSent: [severity, includeMetadata],
    more: [
      h('section', { class: 'card' }, h('h2', null, 'Routing'),
        h('fieldset', { class: 'group', 'data-field': 'routing_rules' }, h('legend', null, 'Routing rules'),
          h('div', { class: 'hint' }, 'Send some event types to another routing key (or key alias). The first matching rule wins; others use the channel\'s key.'),
          rules, canEdit ? addRule : null, h('div', { class: 'field-msgs' })),
        h('fieldset', { class: 'group', 'data-field': 'config.routing_keys' }, h('legend', null, 'Key aliases'),
          h('div', { class: 'hint' }, 'Name a key once (e.g. security-on-call) and use the name in routing rules.'),
          aliases, canEdit ? addAlias : null, h('div', { class: 'field-msgs' }))),
      h('section', { class: 'card' }, runbooks),
      // PagerDuty → ASCEND: a v3 webhook subscription posting to the channel's webhook_url
      // (https://developer.pagerduty.com/docs/webhooks-overview); its signing secret verifies each delivery.
      h('section', { class: 'card', 'data-field': 'webhook' }, h('h2', null, 'Webhooks from PagerDuty'),
        h('div', { 'data-field': 'config', class: 'group-plain' },
          field('config.webhook_secret', 'Webhook signing secret', webhookSecret, {
            hint: 'Optional: the Signing Secret of the PagerDuty v3 webhook subscription that posts to this channel\'s webhook URL (shown on the saved channel).',
            wrap: withToggle, after: stored(config.webhook_secret),
          }),
          // ASCEND → PagerDuty's REST API: a periodic reconciliation lists the incidents ASCEND holds open
          // (GET /incidents?incident_key=, https://developer.pagerduty.com/api-reference/9d0b4b12e36f9-list-incidents)
          // and corrects what webhooks did not bring.
          field('config.rest_api_token', 'REST API token (reconciliation)', restApiToken, {
            hint: 'Optional: a PagerDuty REST API key (read-only is enough). With it, ASCEND periodically asks PagerDuty what became of its open incidents and corrects what drifted; without it, nothing of this runs.',
            wrap: withToggle, after: stored(config.rest_api_token),
          }),
          h('div', { class: 'field-msgs' })))],
    /** This type's fields of the channel document (a merge patch when editing). */
    value() {
      return {
        config: {
          integration_key: keyValue(integrationKey, editing),
          routing_key: keyValue(routingKey, editing),
          region: region.value,
          routing_keys: aliasValues(aliases, config.routing_keys || {}, editing),
          runbook_links: runbookValues(runbookInputs, config.runbook_links || {}, editing),
          include_metadata: includeMetadata.querySelector('input').checked,
          webhook_secret: keyValue(webhookSecret, editing),
          rest_api_token: keyValue(restApiToken, editing),
        },
        severity_mapping: Object.fromEntries(riskLevels.map((r) => [r.level, severity.querySelector(`[data-field="severity_mapping.${r.level}"] select`).value])),
        routing_rules: ruleValues(rules),
      };
    },
  };
}

/** A PATCH keeps a key sent back masked; an empty field removes it (null), or is left out of a create. */
function keyValue(input, editing) {
  const value = input.value.trim();
  return value === '' ? (editing ? null : undefined) : value;
}

function ruleRow(rule, eventTypes) {
  const key = secretInput(rule.routing_key, { placeholder: 'alias or integration key' });
  const remove = h('button', { type: 'button', class: 'btn-small danger-link' }, 'Remove rule');
  const row = h('fieldset', { class: 'row rule' },
    h('legend', null, 'Routing rule'),
    checkboxGroup('routing_rules[].events', 'Events', eventTypes.map((t) => [t, t]), rule.events, { class: 'compact' }),
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
