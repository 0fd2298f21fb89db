// Labelled form fields that know the API path they stand for (data-field), so that problem+json
// errors ("errors": [{"field": "config.runbook_links.action.blocked", ...}]) and channel warnings
// ("config.routing_key is not a PagerDuty integration key ...") are shown beside the right input.

import { h, uid, replace } from './dom.js';

/** A labelled input (or select/textarea) for API field `path`. */
export function field(path, label, control, options = {}) {
  const id = control.id || uid('f');
  control.id = id;
  if (!control.name) control.name = path;
  const messages = h('div', { class: 'field-msgs', id: `${id}-msgs` });
  const hint = options.hint ? h('div', { class: 'hint', id: `${id}-hint` }, options.hint) : null;
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-msgs`].filter(Boolean).join(' '));
  return h('div', { class: `field ${options.class || ''}`, 'data-field': path },
    h('label', { for: id }, label), options.wrap ? options.wrap(control) : control, options.after || null, hint, messages);
}

/** A checkbox with its label after it. */
export function checkbox(path, label, checked, options = {}) {
  const id = uid('c');
  const input = h('input', { type: 'checkbox', id, name: path, checked, value: options.value || 'on' });
  return h('div', { class: 'check', 'data-field': options.field === false ? null : path },
    input, h('label', { for: id }, label), options.field === false ? null : h('div', { class: 'field-msgs' }));
}

/** A fieldset of checkboxes, one per value, for API field `path` (a list). */
export function checkboxGroup(path, legend, values, checked, options = {}) {
  const set = new Set(checked || []);
  const boxes = values.map(([value, label]) => {
    const id = uid('c');
    return h('div', { class: 'check' },
      h('input', { type: 'checkbox', id, name: path, value, checked: set.has(value) }),
      h('label', { for: id }, label));
  });
  const hintId = uid('hint');
  return h('fieldset', { class: `group ${options.class || ''}`, 'data-field': path, 'aria-describedby': options.hint ? hintId : null },
    h('legend', null, legend),
    options.hint ? h('div', { class: 'hint', id: hintId }, options.hint) : null,
    h('div', { class: 'checks' }, boxes),
    h('div', { class: 'field-msgs' }));
}

export function checkedValues(container, name) {
  return [...container.querySelectorAll('input[type=checkbox]')]
    .filter((box) => box.name === name && box.checked).map((box) => box.value);
}

/** A password input for a key, with a Show/Hide toggle. */
export function secretInput(value, options = {}) {
  return h('input', {
    type: 'password', value: value || '', autocomplete: 'off', spellcheck: 'false',
    class: 'secret', placeholder: options.placeholder || null,
  });
}

export function withToggle(input) {
  const toggle = h('button', { type: 'button', class: 'btn-small toggle', 'aria-pressed': 'false' }, 'Show');
  toggle.setAttribute('aria-label', 'Show key');
  toggle.addEventListener('click', () => {
    const shown = input.type === 'text';
    input.type = shown ? 'password' : 'text';
    toggle.textContent = shown ? 'Show' : 'Hide';
    toggle.setAttribute('aria-pressed', String(!shown));
    toggle.setAttribute('aria-label', shown ? 'Show key' : 'Hide key');
  });
  return h('div', { class: 'secret-wrap' }, input, toggle);
}

function fieldElements(form) {
  return [...form.querySelectorAll('[data-field]')];
}

/** The element standing for `path`: exact, else the closest enclosing path (routing_rules[0] for routing_rules[0].events[2]). */
export function findField(form, path) {
  const all = fieldElements(form);
  const exact = all.find((el) => el.dataset.field === path);
  if (exact) return exact;
  let best = null;
  for (const el of all) {
    const f = el.dataset.field;
    if ((path.startsWith(`${f}.`) || path.startsWith(`${f}[`)) && (!best || f.length > best.dataset.field.length)) best = el;
  }
  return best;
}

/** The element a warning sentence is about: the longest field path the sentence starts with. */
export function fieldOfWarning(form, warning) {
  let best = null;
  for (const el of fieldElements(form)) {
    const f = el.dataset.field;
    if ((warning === f || warning.startsWith(`${f} `)) && (!best || f.length > best.dataset.field.length)) best = el;
  }
  return best;
}

export function clearMessages(form) {
  form.querySelectorAll('.field-msgs').forEach((el) => el.replaceChildren());
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.has-error, .has-warning').forEach((el) => el.classList.remove('has-error', 'has-warning'));
}

function messagesOf(fieldEl) {
  return [...fieldEl.querySelectorAll('.field-msgs')].find((m) => m.closest('[data-field]') === fieldEl)
    || fieldEl.appendChild(h('div', { class: 'field-msgs' }));
}

function controlsOf(fieldEl) {
  return [...fieldEl.querySelectorAll('input, select, textarea')].filter((c) => c.closest('[data-field]') === fieldEl);
}

/** Shows validation errors at their fields; answers those that fit no field. */
export function showErrors(form, errors) {
  const unplaced = [];
  for (const error of errors) {
    const fieldEl = findField(form, error.field || '');
    if (!fieldEl) {
      unplaced.push(error);
      continue;
    }
    const exact = fieldEl.dataset.field === error.field;
    messagesOf(fieldEl).append(h('p', { class: 'field-error' }, exact ? error.message : `${error.field} ${error.message}`));
    fieldEl.classList.add('has-error');
    controlsOf(fieldEl).forEach((c) => c.setAttribute('aria-invalid', 'true'));
  }
  return unplaced;
}

/** Shows channel warnings beside the field each names; answers those that name none. */
export function showWarnings(form, warnings) {
  const unplaced = [];
  for (const warning of warnings || []) {
    const fieldEl = fieldOfWarning(form, warning);
    if (!fieldEl) {
      unplaced.push(warning);
      continue;
    }
    messagesOf(fieldEl).append(h('p', { class: 'field-warning' }, h('span', { class: 'visually-hidden' }, 'Warning: '), warning));
    fieldEl.classList.add('has-warning');
  }
  return unplaced;
}

/**
 * The summary at the top of a form: the problem's detail, then each field error as a link-like button
 * that moves the focus to its field (errors that fit no field are listed as text).
 */
export function showProblem(box, error, unplaced = [], form = null) {
  const items = error.errors.map((e) => {
    const fieldEl = form && !unplaced.includes(e) ? findField(form, e.field || '') : null;
    const control = fieldEl ? controlsOf(fieldEl)[0] || fieldEl.querySelector('input, select, textarea') : null;
    const text = `${e.field}: ${e.message}`;
    if (!control) return h('li', null, text);
    const jump = h('button', { type: 'button', class: 'link-button' }, text);
    jump.addEventListener('click', () => control.focus());
    return h('li', null, jump);
  });
  replace(box,
    h('p', { class: 'problem-title' }, error.status === 400 && items.length ? 'Please correct the fields marked below.' : error.message),
    items.length ? h('ul', null, items) : null);
  box.hidden = false;
  box.focus();
}

/** A message area at the top of a form (role=alert so it is read out when filled). */
export function problemBox() {
  return h('div', { class: 'problem', role: 'alert', tabindex: '-1', hidden: true });
}

/** A modal confirmation (<dialog>): resolves true when confirmed. */
export function confirmDialog(title, text, confirmLabel) {
  return new Promise((resolve) => {
    const titleId = uid('dlg');
    const confirm = h('button', { type: 'button', class: 'btn danger' }, confirmLabel);
    const cancel = h('button', { type: 'button', class: 'btn' }, 'Cancel');
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title), h('p', null, text), h('div', { class: 'actions' }, confirm, cancel));
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    confirm.addEventListener('click', () => close(true));
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** Disables a button while `work` runs, so a double click sends once. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A number field's value for the API: a whole number, null when empty, else the text (for the server to name the error). */
export function numberOrText(value) {
  const text = value.trim();
  if (text === '') return null;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/**
 * A modal showing a secret the server answers only once (a webhook's signing secret), with "Copy" and
 * "Done"; resolves when closed (Done or Escape). The value is removed from the page when it closes.
 */
export function shownOnceDialog(title, text, secret, label) {
  return new Promise((resolve) => {
    const titleId = uid('dlg');
    const value = h('input', { type: 'text', readonly: true, value: secret, class: 'mono key-value', 'aria-label': label });
    const copy = h('button', { type: 'button', class: 'btn primary' }, 'Copy');
    const done = h('button', { type: 'button', class: 'btn' }, 'Done');
    const status = h('span', { role: 'status', class: 'muted' });
    const dialog = h('dialog', { class: 'confirm shown-once', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title), h('p', null, text),
      h('div', { class: 'inline-fields' }, value, copy), status, h('div', { class: 'actions' }, done));
    copy.addEventListener('click', async () => {
      value.select();
      try {
        await navigator.clipboard.writeText(secret);
        status.textContent = 'Copied.';
      } catch {
        status.textContent = document.execCommand && document.execCommand('copy') ? 'Copied.' : 'Select the secret and copy it (Ctrl+C).';
      }
    });
    const close = () => {
      dialog.close();
      dialog.remove();
      resolve();
    };
    done.addEventListener('click', close);
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close();
    });
    document.body.append(dialog);
    dialog.showModal();
    value.focus();
    value.select();
  });
}
