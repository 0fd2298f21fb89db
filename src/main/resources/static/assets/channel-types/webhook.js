// The webhook channel's form: the receiver's URL and the rate per minute; the signing secret, shown in
// full once when the channel is made or the secret rotated (a dialog with "Copy"), masked afterwards.
// Requests are signed per Standard Webhooks (https://www.standardwebhooks.com/): the receiver checks
// webhook-id, webhook-timestamp and webhook-signature with the secret. See index.js for the exports.

import { post } from '../api.js';
import { h, time } from '../dom.js';
import { field, confirmDialog, shownOnceDialog, numberOrText, busy } from '../forms.js';

export const label = 'Webhook (signed, Standard Webhooks)';

const URL_HINT = 'Every subscribed event is POSTed here as JSON, one request per event, signed (headers webhook-id, '
  + 'webhook-timestamp, webhook-signature). HTTPS; private and loopback addresses only where the operator allows them.';

export function sections({ ctx, channel, editing, canEdit }) {
  const config = channel?.config || {};
  const url = h('input', { type: 'url', value: config.url || '', placeholder: 'https://hooks.example.com/ascend', autocomplete: 'off', spellcheck: 'false' });
  const rate = h('input', { type: 'number', min: '1', step: '1', inputmode: 'numeric', value: config.rate_per_minute ?? '' });

  // Answers show the URL with its path and query hidden (they often carry a token); sent back as read, it keeps the stored one.
  const storedUrl = editing && config.url ? h('span', { class: 'stored' }, `Stored: ${config.url} (path hidden). Leave as is to keep it, or enter a new URL.`) : null;
  const parts = [
    field('config.url', 'URL', url, { hint: URL_HINT, after: storedUrl }),
    field('config.rate_per_minute', 'Rate per minute', rate, { hint: 'At most this many requests a minute to this URL, for all instances together; 0: no limit. Empty: 600.' }),
  ];
  if (editing) parts.push(secretField(ctx, channel, canEdit));

  return {
    destination: h('section', { class: 'card' }, h('h2', null, 'Webhook'),
      h('div', { 'data-field': 'config', class: 'group-plain' }, parts, h('div', { class: 'field-msgs' }))),
    whatIsSent: [],
    more: [],
    /** A create sends what is filled in; an edit sends only what changed (a merge patch keeps the rest). */
    value() {
      const result = {};
      const urlText = url.value.trim();
      const rateValue = numberOrText(rate.value);
      if (!editing || urlText !== (config.url || '')) result.url = urlText === '' ? null : urlText;
      if (!editing || rateValue !== (config.rate_per_minute ?? null)) result.rate_per_minute = rateValue;
      return { config: result };
    },
  };
}

/** After a create: the only time the generated secret is shown, until a rotation. */
export function afterCreate(created) {
  return showSecret(created, `Webhook “${created.name}” created`);
}

function secretField(ctx, channel, canEdit) {
  const masked = h('input', { type: 'text', readonly: true, value: channel.config?.secret || '', class: 'mono secret-masked' });
  const rotate = canEdit ? h('button', { type: 'button', class: 'btn' }, 'Rotate secret') : null;
  rotate?.addEventListener('click', async () => {
    const ok = await confirmDialog('Rotate the signing secret?',
      'A new secret is made and shown once. Requests are signed with the old one too for a while, so that receivers can switch without missing one.',
      'Rotate secret');
    if (!ok) {
      rotate.focus();
      return;
    }
    await busy(rotate, async () => {
      try {
        const rotated = await post(`/api/notifications/channels/${encodeURIComponent(channel.id)}/rotate-secret`);
        await showSecret(rotated, 'New signing secret');
        ctx.flash('Secret rotated.');
        ctx.navigate(`#/channels/${encodeURIComponent(channel.id)}`);
      } catch (e) {
        ctx.main.prepend(h('div', { class: 'problem', role: 'alert' }, `Could not rotate the secret: ${e.message}`));
      }
    });
  });
  const expires = channel.config?.previous_secret_expires_at;
  return field('config.secret', 'Signing secret', masked, {
    after: [rotate, expires ? h('span', { class: 'stored previous-secret' }, 'The previous secret signs too until ', time(expires), '.') : null],
    hint: 'Receivers verify each request\'s webhook-signature with it. Shown in full only when the channel is created or the secret rotated.',
  });
}

function showSecret(channel, title) {
  return shownOnceDialog(title,
    'Copy the signing secret now and give it to the receiver: it will not be shown again.',
    channel.config?.secret || '', 'Signing secret');
}
