// DOM helpers. Everything the server sends is put on screen as text (textContent / createTextNode),
// never parsed as HTML: a channel named "<img onerror=...>" shows exactly that.

/** h('a', {href: '#/x', class: 'btn', onclick: fn}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function setAttrs(el, attrs) {
  if (!attrs) return el;
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'value') el.value = value;
    else if (key === 'checked' || key === 'selected' || key === 'disabled') el[key] = Boolean(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'href') el.setAttribute('href', safeHref(value));
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Only in-app routes and http(s) URLs become links; anything else (javascript:, data:) is dropped. */
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith('#/') || text.startsWith('/')) return text;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch {
    return '#';
  }
}

/** A link to an outside http(s) URL, or the plain text when it is not one. */
export function externalLink(url, text) {
  const href = safeHref(url);
  return href === '#' ? document.createTextNode(String(text ?? url))
    : h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, text ?? url);
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value != null) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

let idCounter = 0;
/** A unique id for label/for and aria-describedby pairs. */
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Text for a time: local "YYYY-MM-DD HH:MM:SS", or an em dash. */
export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A <time> element showing local time, with the ISO instant as its machine value. */
export function time(iso) {
  return iso ? h('time', { datetime: iso, title: iso }, fmtTime(iso)) : '—';
}

/** A value for a datetime-local input from an instant (local time, minute precision). */
export function toLocalInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function badge(status) {
  const text = status == null ? '—' : String(status);
  return h('span', { class: `badge badge-${text.replace(/[^a-z_]/gi, '')}` }, text.replace(/_/g, ' '));
}

export function pre(value) {
  return h('pre', { class: 'json' }, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

/** A table from column headers and rows of cells (strings or nodes). */
export function table(caption, headers, rows, options = {}) {
  const thead = h('thead', null, h('tr', null, headers.map((text) => h('th', { scope: 'col' }, text))));
  const tbody = h('tbody', null, rows);
  labelCells(tbody, headers);
  const tableEl = h('table', { class: options.class || 'data' },
    caption ? h('caption', { class: options.captionVisible ? '' : 'visually-hidden' }, caption) : null, thead, tbody);
  return h('div', { class: 'table-wrap' }, tableEl);
}

/**
 * Gives each cell its column's name (data-label), so that on a narrow window a row can be shown as a
 * small card of "label: value" lines instead of a table that scrolls sideways.
 */
export function labelCells(tbody, headers) {
  for (const row of tbody.rows) {
    [...row.cells].forEach((cell, i) => {
      if (cell.hasAttribute('colspan')) return;
      cell.dataset.label = headers[i] || '';
      if (!cell.querySelector(':scope > .cell')) {
        const content = document.createElement('div');
        content.className = 'cell';
        content.append(...cell.childNodes);
        cell.append(content);
      }
    });
  }
}

/** An empty-state row spanning the table. */
export function emptyRow(columns, text) {
  return h('tr', { class: 'empty' }, h('td', { colspan: columns }, text));
}
