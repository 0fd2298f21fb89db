// The syslog channel's form: a SIEM's TLS syslog receiver (RFC 5425: QRadar's TLS Syslog listener, a Sentinel log
// forwarder's rsyslog, ArcSight's connector), the CA its certificate must chain to, and the syslog header fields the
// SIEM routes and filters on. Every subscribed event (approvals too) is sent as one CEF record. Nothing here is
// secret. See index.js for the exports; docs/siem.md for the CEF mapping.

import { h } from '../dom.js';
import { field } from '../forms.js';

export const label = 'Syslog over TLS (CEF, for a SIEM)';

const FACILITIES = ['local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7', 'user', 'daemon',
  'auth', 'authpriv', 'log_audit', 'log_alert'];

export function sections({ channel, editing }) {
  const config = channel?.config || {};
  const host = h('input', { type: 'text', value: config.host || '', placeholder: 'qradar.example.com', autocomplete: 'off', spellcheck: 'false' });
  const port = h('input', { type: 'number', min: '1', max: '65535', value: String(config.port || 6514) });
  const ca = h('textarea', { rows: '6', spellcheck: 'false', placeholder: '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----' },
    config.ca_certificate || '');
  const fingerprint = config.ca_certificate_sha256
    ? h('span', { class: 'stored' }, `SHA-256 of the stored CA: ${config.ca_certificate_sha256}`) : null;
  const hostname = h('input', { type: 'text', value: config.hostname || '', placeholder: 'this server\'s host name', autocomplete: 'off', spellcheck: 'false' });
  const facility = h('select', null, FACILITIES.map((f) => h('option', { value: f, selected: (config.facility || 'local4') === f }, f)));
  const appName = h('input', { type: 'text', value: config.app_name || 'ascend-notify', autocomplete: 'off', spellcheck: 'false' });

  return {
    destination: h('section', { class: 'card' }, h('h2', null, 'Syslog server (TLS)'),
      h('div', { 'data-field': 'config', class: 'group-plain' },
        field('config.host', 'Host', host, { hint: 'The SIEM\'s syslog receiver (host name or IP address; its certificate must name it). Records go over TLS only.' }),
        field('config.port', 'Port', port, { hint: '6514 is the TLS syslog port (RFC 5425).' }),
        field('config.ca_certificate', 'CA certificate (PEM)', ca, {
          hint: 'The CA that signed the server\'s certificate (for QRadar, its generated certificate). Empty: the public CAs of the JDK\'s trust store.',
          after: fingerprint,
        }),
        h('div', { class: 'field-msgs' }))),
    whatIsSent: [
      field('config.hostname', 'Syslog HOSTNAME', hostname, { hint: 'QRadar matches its Log Source Identifier against this. Empty: this server\'s host name.' }),
      field('config.facility', 'Facility', facility, { hint: 'Sentinel\'s data collection rule collects by facility and level.' }),
      field('config.app_name', 'APP-NAME', appName),
    ],
    more: [],
    /** A create sends what is filled in; an edit sends only what changed (a merge patch keeps the rest). */
    value() {
      const result = {};
      const put = (name, now, before) => {
        if (!editing || now !== before) result[name] = now;
      };
      put('host', host.value.trim() || null, config.host ?? null);
      const portNumber = port.value.trim() === '' ? null : Number(port.value);
      put('port', portNumber, config.port ?? null);
      put('ca_certificate', ca.value.trim() === '' ? null : ca.value.trim() + '\n', config.ca_certificate ?? null);
      put('hostname', hostname.value.trim() || null, config.hostname ?? null);
      put('facility', facility.value, config.facility ?? null);
      put('app_name', appName.value.trim() || null, config.app_name ?? null);
      return { config: result };
    },
  };
}
