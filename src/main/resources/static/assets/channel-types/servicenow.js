// The ServiceNow channel's form: the instance URL, how ASCEND signs in (a user name and password, or an OAuth
// application's client id and secret: the client credentials grant), what every incident carries (assignment
// group, category), how an approval resolves it (state, Resolution code and notes: instances differ) and the
// impact and urgency per risk level (ServiceNow derives the priority from them). The password and client secret
// are masked in answers; they are sent only when changed, so the stored ones stay. See index.js for the exports,
// and docs/servicenow.md.

import { h } from '../dom.js';
import { field, secretInput, withToggle } from '../forms.js';

export const label = 'ServiceNow (incidents)';

const URL_HINT = 'Your instance, e.g. https://acme.service-now.com. One incident per action: an approval or resolve '
  + 'resolves it.';
const USER_HINT = 'A ServiceNow user for ASCEND, with a role that may create and update incidents (itil).';
const CLIENT_HINT = 'System OAuth → Application Registry: an "OAuth API endpoint for external clients" with the '
  + 'client credentials grant enabled and an OAuth Application User.';
const GROUP_HINT = 'Optional: the sys_id of the group every incident is assigned to (32 hex characters).';
const CODE_HINT = 'The Resolution code sent on resolve: "Solution provided" on recent releases, e.g. '
  + '"Solved (Permanently)" on older ones.';
const LEVELS = ['critical', 'high', 'medium', 'low'];
const CHOICES = [['1', '1 - High'], ['2', '2 - Medium'], ['3', '3 - Low']];
// The service's defaults (base Priority Lookup Rules: critical → P1, high → P2, medium → P3, low → P4).
const DEFAULTS = { critical: { impact: '1', urgency: '1' }, high: { impact: '1', urgency: '2' }, medium: { impact: '2', urgency: '2' }, low: { impact: '2', urgency: '3' } };

function select(value, options) {
  return h('select', null, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

export function sections({ channel, editing }) {
  const config = channel?.config || {};
  const mapping = channel?.priority_mapping || {};
  const oauth = Boolean(config.client_id);
  const name = `sn-auth-${Math.random().toString(36).slice(2)}`;
  const basicRadio = h('input', { type: 'radio', name, value: 'basic', checked: !oauth, id: `${name}-basic` });
  const oauthRadio = h('input', { type: 'radio', name, value: 'oauth', checked: oauth, id: `${name}-oauth` });
  const mode = h('fieldset', { class: 'group', 'data-field': 'config.auth' },
    h('legend', null, 'Sign in with'),
    h('div', { class: 'checks' },
      h('div', { class: 'check' }, basicRadio, h('label', { for: basicRadio.id }, 'User name and password')),
      h('div', { class: 'check' }, oauthRadio, h('label', { for: oauthRadio.id }, 'OAuth client credentials'))));

  const text = (value, placeholder, cls) => h('input', { type: 'text', value: value || '', placeholder, autocomplete: 'off', spellcheck: 'false', class: cls || null });
  const instanceUrl = h('input', { type: 'url', value: config.instance_url || '', placeholder: 'https://acme.service-now.com', autocomplete: 'off', spellcheck: 'false' });
  const username = text(config.username, 'ascend.integration');
  const password = secretInput(config.password, { placeholder: 'password' });
  const clientId = text(config.client_id, 'client id', 'mono');
  const clientSecret = secretInput(config.client_secret, { placeholder: 'client secret' });
  const stored = (value) => (editing && value ? h('span', { class: 'stored' }, `Stored: ${value}. Leave as is to keep it.`) : null);
  const storedUrl = editing && config.instance_url ? h('span', { class: 'stored' }, `Stored: ${config.instance_url}. Leave as is to keep it.`) : null;

  const basicPart = h('div', { class: 'sn-basic' },
    field('config.username', 'User name', username, { hint: USER_HINT }),
    field('config.password', 'Password', password, { wrap: withToggle, after: stored(config.password) }));
  const oauthPart = h('div', { class: 'sn-oauth' },
    field('config.client_id', 'Client id', clientId, { hint: CLIENT_HINT }),
    field('config.client_secret', 'Client secret', clientSecret, { wrap: withToggle, after: stored(config.client_secret) }));
  const show = () => {
    basicPart.hidden = oauthRadio.checked;
    oauthPart.hidden = !oauthRadio.checked;
  };
  basicRadio.addEventListener('change', show);
  oauthRadio.addEventListener('change', show);
  show();

  const group = text(config.assignment_group, '287ebd7da9fe198100f92cc8d1d2154e', 'mono');
  const category = text(config.category, 'security');
  const resolveState = select(config.resolve_state || '6', [['6', '6 - Resolved (auto-close closes it later)'], ['7', '7 - Closed (needs itil_admin)']]);
  const closeCode = text(config.close_code || (editing ? '' : 'Solution provided'), 'Solution provided');
  const closeNotes = h('textarea', { rows: 2, placeholder: 'Optional: text the Resolution notes start with' }, config.close_notes || '');

  const levelInputs = {};
  const priorities = h('fieldset', { class: 'group', 'data-field': 'priority_mapping' },
    h('legend', null, 'Impact and urgency per risk level'),
    h('div', { class: 'hint' }, 'ServiceNow derives each incident\'s priority from these (its Priority Lookup Rules).'),
    LEVELS.map((level) => {
      const current = mapping[level] || DEFAULTS[level];
      levelInputs[level] = { impact: select(current.impact || '', CHOICES), urgency: select(current.urgency || '', CHOICES) };
      return h('div', { class: 'inline-pair' },
        field(`priority_mapping.${level}.impact`, `${level}: impact`, levelInputs[level].impact, { class: 'inline' }),
        field(`priority_mapping.${level}.urgency`, `${level}: urgency`, levelInputs[level].urgency, { class: 'inline' }));
    }),
    h('div', { class: 'field-msgs' }));

  return {
    destination: h('section', { class: 'card' }, h('h2', null, 'ServiceNow'),
      h('div', { 'data-field': 'config', class: 'group-plain' },
        field('config.instance_url', 'Instance URL', instanceUrl, { hint: URL_HINT, after: storedUrl }),
        mode, basicPart, oauthPart, h('div', { class: 'field-msgs' }))),
    whatIsSent: [
      field('config.assignment_group', 'Assignment group (sys_id)', group, { hint: GROUP_HINT }),
      field('config.category', 'Category', category),
    ],
    more: [h('section', { class: 'card' }, h('h2', null, 'Resolving'),
      field('config.resolve_state', 'State on resolve', resolveState),
      field('config.close_code', 'Resolution code', closeCode, { hint: CODE_HINT }),
      field('config.close_notes', 'Resolution notes (start)', closeNotes)),
    h('section', { class: 'card' }, priorities)],
    /**
     * A create sends what is filled in; an edit sends only what changed (a merge patch keeps the rest): a secret
     * left as read (masked) is not sent, and switching how to sign in sets the other way's fields to null.
     */
    value() {
      const result = {};
      const put = (key, input) => {
        const v = input.value.trim();
        const before = config[key] || '';
        if (!editing || v !== before) result[key] = v === '' ? null : v;
      };
      put('instance_url', instanceUrl);
      if (oauthRadio.checked) {
        put('client_id', clientId);
        if (!editing || clientSecret.value !== (config.client_secret || '')) result.client_secret = clientSecret.value === '' ? null : clientSecret.value;
        if (editing && !oauth) { result.username = null; result.password = null; }
      } else {
        put('username', username);
        if (!editing || password.value !== (config.password || '')) result.password = password.value === '' ? null : password.value;
        if (editing && oauth) { result.client_id = null; result.client_secret = null; }
      }
      put('assignment_group', group);
      put('category', category);
      put('resolve_state', resolveState);
      put('close_code', closeCode);
      put('close_notes', closeNotes);
      const levels = {};
      for (const level of LEVELS) {
        const chosen = { impact: levelInputs[level].impact.value, urgency: levelInputs[level].urgency.value };
        const before = mapping[level] || DEFAULTS[level];
        if (chosen.impact !== before.impact || chosen.urgency !== before.urgency) levels[level] = chosen;
      }
      const answer = { config: result };
      if (Object.keys(levels).length) answer.priority_mapping = levels;
      return answer;
    },
  };
}
