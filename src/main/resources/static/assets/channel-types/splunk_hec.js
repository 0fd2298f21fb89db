// The Splunk HTTP Event Collector channel's form: the collector's base URL (events go to
// <url>/services/collector/event), the HEC token (a secret: masked in answers; sent back unchanged it keeps
// the stored one), the optional index, sourcetype, source and host, how events are gathered into one request,
// and indexer acknowledgement. Every subscribed event is sent, approvals and resolutions too. See index.js for
// the exports, and docs/siem.md.

import { h } from '../dom.js';
import { field, checkbox, secretInput, withToggle, numberOrText } from '../forms.js';

export const label = 'Splunk HTTP Event Collector (SIEM)';

const URL_HINT = 'The collector\'s base URL, e.g. https://splunk.example.com:8088 (Splunk Cloud: https on port 443). '
  + 'Events are POSTed to /services/collector/event, many per request. HTTPS; private addresses only where the operator allows them.';
const TOKEN_HINT = 'Settings → Data inputs → HTTP Event Collector: the token value, a GUID. It is stored sealed and shown masked.';
const METADATA_HINT = 'Empty: the token\'s default.';

export function sections({ channel, editing }) {
  const config = channel?.config || {};
  const url = h('input', { type: 'url', value: config.url || '', placeholder: 'https://splunk.example.com:8088', autocomplete: 'off', spellcheck: 'false' });
  const token = secretInput(config.token, { placeholder: '12345678-90ab-cdef-1234-567890abcdef' });
  const storedUrl = editing && config.url ? h('span', { class: 'stored' }, `Stored: ${config.url} (path hidden). Leave as is to keep it, or enter a new URL.`) : null;
  const storedToken = editing && config.token ? h('span', { class: 'stored' }, `Stored: ${config.token}. Leave as is to keep it.`) : null;
  const text = (name, placeholder) => h('input', { type: 'text', value: config[name] ?? '', placeholder, autocomplete: 'off', spellcheck: 'false' });
  const index = text('index', 'main');
  const sourcetype = text('sourcetype', 'ascend:notify:event');
  const source = text('source', '');
  const host = text('host', '');
  const number = (name, min, max) => h('input', { type: 'number', min: String(min), max: String(max), step: '1', inputmode: 'numeric', value: config[name] ?? '' });
  const maxBytes = number('batch_max_bytes', 10000, 5000000);
  const maxWait = number('batch_max_wait_ms', 0, 5000);
  const maxEvents = number('batch_max_events', 1, 1000);
  const ack = checkbox('config.use_ack', 'Wait for indexer acknowledgement (the token must have it on; Splunk Enterprise)', Boolean(config.use_ack));
  const ackInput = ack.querySelector('input');

  return {
    destination: h('section', { class: 'card' }, h('h2', null, 'Splunk HTTP Event Collector'),
      h('div', { 'data-field': 'config', class: 'group-plain' },
        field('config.url', 'Collector URL', url, { hint: URL_HINT, after: storedUrl }),
        field('config.token', 'HEC token', token, { hint: TOKEN_HINT, wrap: withToggle, after: storedToken }),
        h('div', { class: 'field-msgs' }))),
    whatIsSent: [
      field('config.index', 'Index', index, { hint: METADATA_HINT + ' The token must be allowed to write to it.' }),
      field('config.sourcetype', 'Sourcetype', sourcetype, { hint: 'Empty: ascend:notify:event.' }),
      field('config.source', 'Source', source, { hint: METADATA_HINT }),
      field('config.host', 'Host', host, { hint: METADATA_HINT }),
    ],
    more: [h('section', { class: 'card' }, h('h2', null, 'Batching and acknowledgement'),
      field('config.batch_max_events', 'Events per request', maxEvents, { hint: 'At most this many events in one request (1–1000). Empty: 1000.' }),
      field('config.batch_max_bytes', 'Bytes per request', maxBytes, { hint: 'At most this many bytes in one request (10,000–5,000,000). Empty: 1,000,000.' }),
      field('config.batch_max_wait_ms', 'Wait for more (ms)', maxWait, { hint: 'How long the first event waits for others (0–5000). Empty: 1000.' }),
      ack)],
    /** A create sends what is filled in; an edit sends only what changed (a merge patch keeps the rest). */
    value() {
      const result = {};
      const changed = (name, value) => {
        if (!editing || value !== (config[name] ?? null)) result[name] = value;
      };
      const textOf = (input) => (input.value.trim() === '' ? null : input.value.trim());
      changed('url', textOf(url));
      changed('token', textOf(token));
      changed('index', textOf(index));
      changed('sourcetype', textOf(sourcetype));
      changed('source', textOf(source));
      changed('host', textOf(host));
      changed('batch_max_events', numberOrText(maxEvents.value));
      changed('batch_max_bytes', numberOrText(maxBytes.value));
      changed('batch_max_wait_ms', numberOrText(maxWait.value));
      changed('use_ack', ackInput.checked);
      return { config: result };
    },
  };
}
