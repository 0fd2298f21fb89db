// A channel's reconciliation (a type whose destination's API ASCEND can ask, e.g. with a REST API token): what
// the last pass did, "Reconcile now" (admins), and the passes kept with what each corrected.

import { get, post } from '../api.js';
import { h, replace, table, emptyRow, time } from '../dom.js';

export function reconciliationPanel(ctx, channel) {
  const r = channel.reconciliation;
  const base = `/api/notifications/channels/${encodeURIComponent(channel.id)}`;
  const section = h('section', { class: 'card reconciliation' }, h('h2', null, 'Reconciliation'));
  if (!r.enabled) {
    section.append(h('p', { class: 'muted' }, 'Off: the channel has no REST API token (config.rest_api_token), so ASCEND never asks the destination about its incidents.'));
    return section;
  }
  const summary = h('p', { class: 'reconciliation-last', role: 'status' }, lastText(r));
  const runs = h('div', { class: 'reconciliation-runs' });
  const load = () => get(`${base}/reconciliations?limit=10`).then((page) => {
    const rows = page.items.map((run) => h('tr', { dataset: { runId: run.id } },
      h('td', null, time(run.finished_at)),
      h('td', null, run.trigger),
      h('td', null, `${run.checked} of ${run.open_incidents}`),
      h('td', { class: 'wrap' }, run.error ? h('span', { class: 'problem-text' }, run.error)
        : (run.corrections.length ? h('ul', null, run.corrections.map((c) => h('li', null, `${c.dedup_key}: ${c.from} → ${c.to}. ${c.detail}`)))
          : 'Nothing drifted.'))));
    replace(runs, table('Reconciliation passes', ['Finished', 'Trigger', 'Checked', 'Corrected'],
      rows.length ? rows : [emptyRow(4, 'No pass kept yet (a quiet scheduled pass is not kept).')]));
  }).catch((e) => replace(runs, h('div', { class: 'problem', role: 'alert' }, `Could not load the passes: ${e.message}`)));
  section.append(h('p', { class: 'hint' }, `Every ${Math.round(r.interval_seconds / 60) || 1} min ASCEND asks the destination what became of the incidents it holds open, and corrects what drifted (webhooks lost or not set up).`), summary);
  if (ctx.canEdit) {
    const button = h('button', { type: 'button', class: 'btn reconcile-now' }, 'Reconcile now');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const run = await post(`${base}/reconcile`, {});
        replace(summary, run.error ? `Stopped: ${run.error}`
          : `Checked ${run.checked} of ${run.open_incidents} open incidents; corrected ${run.corrected}.`);
        load();
      } catch (e) {
        replace(summary, `Could not reconcile: ${e.message}`);
      } finally {
        button.disabled = false;
      }
    });
    section.append(button);
  }
  section.append(runs);
  load();
  return section;
}

function lastText(r) {
  if (!r.last_run_at) return 'No pass yet.';
  const when = new Date(r.last_run_at).toLocaleString();
  return r.error ? `Last pass ${when}: stopped: ${r.error}`
    : `Last pass ${when}: checked ${r.checked}, corrected ${r.corrected}.`;
}
