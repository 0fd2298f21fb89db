// Maintenance windows (the page's "Configure maintenance windows - Suppress during planned work"):
// list with active ones marked, create, edit, end now (PATCH ends_at = now), delete.

import { get, post, patch, del } from '../api.js';
import { h, replace, table, emptyRow, badge, time, toLocalInput } from '../dom.js';
import {
  field, checkbox, checkboxGroup, checkedValues, clearMessages, showErrors, showProblem, problemBox, confirmDialog, busy,
} from '../forms.js';
import { catalog, setTitle } from '../common.js';

const BASE = '/api/notifications/maintenance-windows';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export async function render(ctx) {
  setTitle('Maintenance windows');
  const { main } = ctx;
  main.append(h('h1', null, 'Maintenance windows'),
    h('p', { class: 'muted' }, 'While a window covers a channel and event type, triggers are not sent: the event\'s decision says "suppressed". Resolves and acknowledges always go through.'));

  let windows;
  try {
    windows = (await get(`${BASE}?limit=200`)).items;
  } catch (e) {
    if (e.status === 404) {
      main.append(h('p', { class: 'notice' }, 'This server does not offer maintenance windows yet.'));
      return;
    }
    throw e;
  }
  const channels = (await get('/api/notifications/channels?limit=200')).items;
  const { eventTypes: allTypes, eventActions } = await catalog();
  // Only types that open incidents can be muted: the server refuses the others (follow-ups, changes) in a window.
  const eventTypes = allTypes.filter((t) => eventActions[t] === 'trigger');
  const channelName = (id) => channels.find((c) => c.id === id)?.name || id;

  const listSlot = h('div');
  const formSlot = h('div');
  main.append(listSlot, formSlot);

  const reload = async (message) => {
    windows = (await get(`${BASE}?limit=200`)).items;
    renderList();
    if (message) listSlot.prepend(h('div', { class: 'flash', role: 'status' }, message));
  };

  function renderList() {
    const rows = windows.map((w) => {
      const actions = h('td', { class: 'actions' });
      if (ctx.canEdit) {
        const edit = h('button', { type: 'button', class: 'btn-small', 'aria-label': `Edit ${w.name}` }, 'Edit');
        edit.addEventListener('click', () => showForm(w));
        actions.append(edit, ' ');
        if (w.active) {
          const end = h('button', { type: 'button', class: 'btn-small primary', 'aria-label': `End ${w.name} now` }, 'End now');
          end.addEventListener('click', () => busy(end, async () => {
            try {
              await patch(`${BASE}/${encodeURIComponent(w.id)}`, { ends_at: new Date().toISOString() });
              await reload(`“${w.name}” ended.`);
            } catch (e) {
              listSlot.prepend(h('div', { class: 'problem', role: 'alert' }, `Could not end it: ${e.message}`));
            }
          }));
          actions.append(end, ' ');
        }
        const remove = h('button', { type: 'button', class: 'btn-small danger-link', 'aria-label': `Delete ${w.name}` }, 'Delete');
        remove.addEventListener('click', async () => {
          if (!await confirmDialog(`Delete maintenance window “${w.name}”?`, 'It stops suppressing at once and leaves the list (the audit log keeps it).', 'Delete window')) return;
          try {
            await del(`${BASE}/${encodeURIComponent(w.id)}`);
            await reload(`“${w.name}” deleted.`);
          } catch (e) {
            listSlot.prepend(h('div', { class: 'problem', role: 'alert' }, `Could not delete it: ${e.message}`));
          }
        });
        actions.append(remove);
      }
      return h('tr', { dataset: { windowId: w.id }, class: w.active ? 'active-window' : null },
        h('td', null, h('span', { class: 'window-name' }, w.name), ' ', w.active ? badge('active') : null),
        h('td', null, time(w.starts_at)),
        h('td', null, time(w.ends_at)),
        h('td', { class: 'wrap' }, w.channel_ids?.length ? w.channel_ids.map(channelName).join(', ') : h('span', { class: 'muted' }, 'all channels')),
        h('td', null, w.events?.length ? w.events.join(', ') : h('span', { class: 'muted' }, 'all types')),
        h('td', { class: 'wrap' }, recurrenceText(w.recurrence), w.notify_after ? h('div', { class: 'muted' }, 'notifies after') : null),
        h('td', { class: 'wrap' }, w.reason || ''),
        ctx.canEdit ? actions : null);
    });
    const headers = ['Name', 'Starts', 'Ends', 'Channels', 'Events', 'Repeats', 'Reason'];
    if (ctx.canEdit) headers.push('');
    replace(listSlot, table('Maintenance windows', headers, rows.length ? rows : [emptyRow(headers.length, 'No maintenance windows.')]));
  }

  function showForm(existing) {
    replace(formSlot, windowForm(ctx, channels, eventTypes, existing, async (message) => {
      await reload(message);
      showForm(null);
    }, () => showForm(null)));
    if (existing) formSlot.querySelector('input')?.focus();
  }

  renderList();
  if (ctx.canEdit) showForm(null);
}

function recurrenceText(r) {
  if (!r) return 'once';
  const days = (r.weekdays || []).map((d) => String(d).slice(0, 3)).join(', ');
  return `weekly ${days} ${r.start_time || ''}–${r.end_time || ''} ${r.time_zone || ''}`.trim();
}

function windowForm(ctx, channels, eventTypes, w, onSaved, onCancel) {
  const editing = Boolean(w);
  const now = new Date();
  now.setSeconds(0, 0);
  const name = h('input', { type: 'text', value: w?.name || '', autocomplete: 'off' });
  const startsAt = h('input', { type: 'datetime-local', value: toLocalInput(w ? new Date(w.starts_at) : now) });
  const endsAt = h('input', { type: 'datetime-local', value: toLocalInput(w ? new Date(w.ends_at) : new Date(now.getTime() + 3600e3)) });
  const channelGroup = checkboxGroup('channel_ids', 'Channels', channels.map((c) => [c.id, c.name]), w?.channel_ids || [],
    { hint: 'None checked: every channel.' });
  const events = checkboxGroup('events', 'Events', eventTypes.map((t) => [t, t]), w?.events || [], { hint: 'None checked: every event type.' });
  const reason = h('textarea', { rows: '2' });
  reason.value = w?.reason || '';
  const notifyAfter = checkbox('notify_after', 'Notify after: when the window ends, trigger the actions that were suppressed and are still unresolved', Boolean(w?.notify_after));
  const repeats = checkbox('recurrence', 'Repeats every week', Boolean(w?.recurrence));
  const r = w?.recurrence || {};
  const weekdays = checkboxGroup('recurrence.weekdays', 'Weekdays', WEEKDAYS.map((d) => [d, d[0].toUpperCase() + d.slice(1)]),
    (r.weekdays || []).map((d) => String(d).toLowerCase()), { class: 'compact' });
  const startTime = h('input', { type: 'time', value: r.start_time || '22:00' });
  const endTime = h('input', { type: 'time', value: r.end_time || '23:00' });
  const timeZone = h('input', { type: 'text', value: r.time_zone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', autocomplete: 'off' });
  const recurrence = h('div', { class: 'recurrence', hidden: !w?.recurrence },
    weekdays, h('div', { class: 'inline-fields' },
      field('recurrence.start_time', 'Start time', startTime), field('recurrence.end_time', 'End time', endTime),
      field('recurrence.time_zone', 'Time zone', timeZone)));
  repeats.querySelector('input').addEventListener('change', (e) => { recurrence.hidden = !e.target.checked; });

  const problem = problemBox();
  const submit = h('button', { type: 'submit', class: 'btn primary' }, editing ? 'Save changes' : 'Create maintenance window');
  const form = h('form', { class: 'card window-form', novalidate: true, 'aria-labelledby': 'window-form-h' },
    h('h2', { id: 'window-form-h' }, editing ? `Edit “${w.name}”` : 'New maintenance window'),
    problem,
    field('name', 'Name', name),
    h('div', { class: 'inline-fields' }, field('starts_at', 'Starts at', startsAt), field('ends_at', 'Ends at', endsAt)),
    channelGroup, events,
    field('reason', 'Reason', reason),
    notifyAfter, repeats, recurrence,
    h('div', { class: 'form-actions' }, submit, editing ? h('button', { type: 'button', class: 'btn', onclick: onCancel }, 'Cancel') : null));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, async () => {
      clearMessages(form);
      problem.hidden = true;
      const ids = checkedValues(channelGroup, 'channel_ids');
      const types = checkedValues(events, 'events');
      const body = {
        name: name.value,
        starts_at: instant(startsAt.value),
        ends_at: instant(endsAt.value),
        channel_ids: ids.length ? ids : null,
        events: types.length ? types : null,
        reason: reason.value.trim() || null,
        notify_after: notifyAfter.querySelector('input').checked,
        recurrence: repeats.querySelector('input').checked ? {
          weekdays: checkedValues(weekdays, 'recurrence.weekdays'),
          start_time: startTime.value,
          end_time: endTime.value,
          time_zone: timeZone.value.trim(),
        } : null,
      };
      try {
        if (editing) {
          await patch(`${BASE}/${encodeURIComponent(w.id)}`, body);
          await onSaved(`“${body.name}” saved.`);
        } else {
          const created = await post(BASE, Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)));
          await onSaved(`“${created.name ?? body.name}” created${created.active ? ' and active now' : ''}.`);
        }
      } catch (err) {
        showProblem(problem, err, showErrors(form, err.errors), form);
      }
    });
  });
  return form;
}

/** A datetime-local value (the browser's time zone) as an RFC 3339 instant; anything else as typed. */
function instant(value) {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : value;
}
