// The Slack channel's form: one of two ways to connect — an incoming webhook URL (post only), or a bot
// token (xoxb-…) with a channel id (chat.postMessage; the alert is updated and answered in its thread when
// the action is approved or resolved). Both secrets are masked in answers; sent back unchanged, they keep
// the stored ones. See index.js for the exports, and docs/slack.md.

import { h } from '../dom.js';
import { field, secretInput, withToggle } from '../forms.js';

export const label = 'Slack (incoming webhook or bot)';

const WEBHOOK_HINT = 'From your Slack app\'s "Incoming Webhooks" page: https://hooks.slack.com/services/T…/B…/…. '
  + 'The URL is the credential: it is stored sealed and shown with its path hidden.';
const TOKEN_HINT = 'The app\'s Bot User OAuth Token (OAuth & Permissions), xoxb-…, with the chat:write scope. '
  + 'Invite the app to the channel (/invite @your-app).';
const CHANNEL_HINT = 'The channel\'s id, e.g. C0123456789 (in Slack: channel details → About → Channel ID), not its #name.';

export function sections({ channel, editing, catalog }) {
  const config = channel?.config || {};
  const botMode = Boolean(config.bot_token);
  const name = `slack-mode-${Math.random().toString(36).slice(2)}`;
  const webhookRadio = h('input', { type: 'radio', name, value: 'webhook', checked: !botMode, id: `${name}-webhook` });
  const botRadio = h('input', { type: 'radio', name, value: 'bot', checked: botMode, id: `${name}-bot` });
  const mode = h('fieldset', { class: 'group', 'data-field': 'config.mode' },
    h('legend', null, 'Connect with'),
    h('div', { class: 'checks' },
      h('div', { class: 'check' }, webhookRadio, h('label', { for: webhookRadio.id }, 'Incoming webhook (post only)')),
      h('div', { class: 'check' }, botRadio, h('label', { for: botRadio.id }, 'Bot token and channel (updates the alert on approval)'))));

  const webhookUrl = h('input', { type: 'text', value: config.webhook_url || '', placeholder: 'https://hooks.slack.com/services/T…/B…/…', autocomplete: 'off', spellcheck: 'false', class: 'mono' });
  const token = secretInput(config.bot_token, { placeholder: 'xoxb-…' });
  const channelId = h('input', { type: 'text', value: config.channel || '', placeholder: 'C0123456789', autocomplete: 'off', spellcheck: 'false', class: 'mono' });
  const storedUrl = editing && config.webhook_url ? h('span', { class: 'stored' }, `Stored: ${config.webhook_url} (path hidden). Leave as is to keep it, or enter a new URL.`) : null;
  const storedToken = editing && config.bot_token ? h('span', { class: 'stored' }, `Stored: ${config.bot_token}. Leave as is to keep it.`) : null;

  const webhookPart = h('div', { class: 'slack-webhook' },
    field('config.webhook_url', 'Webhook URL', webhookUrl, { hint: WEBHOOK_HINT, after: storedUrl }));
  const botPart = h('div', { class: 'slack-bot' },
    field('config.bot_token', 'Bot token', token, { hint: TOKEN_HINT, wrap: withToggle, after: storedToken }),
    field('config.channel', 'Channel id', channelId, { hint: CHANNEL_HINT }));
  const show = () => {
    webhookPart.hidden = botRadio.checked;
    botPart.hidden = !botRadio.checked;
  };
  webhookRadio.addEventListener('change', show);
  botRadio.addEventListener('change', show);
  show();

  const triggers = (catalog?.eventTypes || []).filter((t) => !['action.approved', 'action.resolved', 'action.acknowledged'].includes(t));
  const runbookInputs = {};
  const runbooks = h('fieldset', { class: 'group', 'data-field': 'config.runbook_links' },
    h('legend', null, 'Runbook links'),
    h('div', { class: 'hint' }, 'A runbook URL per event type, a "Runbook" button on its messages.'),
    triggers.map((t) => {
      runbookInputs[t] = h('input', { type: 'url', value: (config.runbook_links || {})[t] || '', placeholder: 'https://wiki.company.com/runbooks/…', autocomplete: 'off' });
      return field(`config.runbook_links.${t}`, t, runbookInputs[t], { class: 'inline' });
    }),
    h('div', { class: 'field-msgs' }));

  return {
    destination: h('section', { class: 'card' }, h('h2', null, 'Slack'),
      h('div', { 'data-field': 'config', class: 'group-plain' }, mode, webhookPart, botPart, h('div', { class: 'field-msgs' }))),
    whatIsSent: [],
    more: [h('section', { class: 'card' }, runbooks)],
    /** One mode's fields; when editing, the other mode's set to null (a merge patch that switches modes). */
    value() {
      const result = {};
      const text = (input) => (input.value.trim() === '' ? null : input.value.trim());
      if (botRadio.checked) {
        result.bot_token = text(token);
        result.channel = text(channelId);
        if (editing) result.webhook_url = null;
      } else {
        result.webhook_url = text(webhookUrl);
        if (editing) {
          result.bot_token = null;
          result.channel = null;
        }
      }
      const links = {};
      for (const [type, input] of Object.entries(runbookInputs)) {
        const url = input.value.trim();
        if (url) links[type] = url;
        else if (editing && (config.runbook_links || {})[type]) links[type] = null;
      }
      if (Object.keys(links).length > 0) result.runbook_links = links;
      return { config: result };
    },
  };
}
