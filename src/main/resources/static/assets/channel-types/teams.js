// The Microsoft Teams channel's form: the Workflows webhook URL ("Post to a channel when a webhook request is
// received" in Teams' Workflows app; Office 365 connectors are retired) and a runbook link per event type, shown
// as a button on that type's cards. The URL carries its signature (sig=…), so answers show only its host.
// Every subscribed event is posted as an Adaptive Card. See index.js for the exports.

import { h } from '../dom.js';
import { field } from '../forms.js';

export const label = 'Microsoft Teams (Workflows webhook)';

const URL_HINT = 'In Teams: the channel\'s ⋯ → Workflows → "Post to a channel when a webhook request is received"; '
  + 'copy the HTTP POST URL. Each subscribed event is posted as an Adaptive Card, at most four a second. '
  + 'The URL is a secret: it is stored sealed and shown with its path hidden.';

export function sections({ channel, editing, catalog }) {
  const config = channel?.config || {};
  const url = h('input', { type: 'url', value: config.webhook_url || '', placeholder: 'https://prod-00.westus.logic.azure.com:443/workflows/…', autocomplete: 'off', spellcheck: 'false' });
  // Answers show the URL with its path and query hidden; sent back as read, it keeps the stored one.
  const storedUrl = editing && config.webhook_url ? h('span', { class: 'stored' }, `Stored: ${config.webhook_url} (path hidden). Leave as is to keep it, or enter a new URL.`) : null;

  const runbookInputs = {};
  const runbooks = h('fieldset', { class: 'group', 'data-field': 'config.runbook_links' },
    h('legend', null, 'Runbook links'),
    h('div', { class: 'hint' }, 'A runbook URL per event type, a "Runbook" button on its cards.'),
    catalog.eventTypes.map((t) => {
      runbookInputs[t] = h('input', { type: 'url', value: (config.runbook_links || {})[t] || '', placeholder: 'https://wiki.company.com/runbooks/…', autocomplete: 'off' });
      return field(`config.runbook_links.${t}`, t, runbookInputs[t], { class: 'inline' });
    }),
    h('div', { class: 'field-msgs' }));

  return {
    destination: h('section', { class: 'card' }, h('h2', null, 'Microsoft Teams'),
      h('div', { 'data-field': 'config', class: 'group-plain' },
        field('config.webhook_url', 'Workflows webhook URL', url, { hint: URL_HINT, after: storedUrl }),
        h('div', { class: 'field-msgs' }))),
    whatIsSent: [],
    more: [h('section', { class: 'card' }, runbooks)],
    /** A create sends what is filled in; an edit sends only what changed (a merge patch keeps the rest). */
    value() {
      const result = {};
      const urlText = url.value.trim();
      if (!editing || urlText !== (config.webhook_url || '')) result.webhook_url = urlText === '' ? null : urlText;
      const links = {};
      const stored = config.runbook_links || {};
      for (const [type, input] of Object.entries(runbookInputs)) {
        const link = input.value.trim();
        if (link && link !== stored[type]) links[type] = link;
        else if (!link && editing && stored[type]) links[type] = null;
      }
      if (Object.keys(links).length) result.runbook_links = links;
      return { config: result };
    },
  };
}
