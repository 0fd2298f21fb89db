// The console's shell: session, sign-in screen, navigation and a small hash router
// (#/channels, #/channels/<id>, #/deliveries?status=dead, ...). Each page module exports
// render(ctx) and may register a cleanup (a refresh timer) with ctx.onLeave.

import { api, get, post, whenSignedOut, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { problemBox, busy } from './forms.js';
import * as overview from './pages/overview.js';
import * as channels from './pages/channels.js';
import * as channelForm from './pages/channel-form.js';
import * as deliveries from './pages/deliveries.js';
import * as events from './pages/events.js';
import * as maintenance from './pages/maintenance.js';
import * as apiKeys from './pages/api-keys.js';
import * as audit from './pages/audit.js';

const NAV = [
  ['#/', 'Overview', /^\/$/],
  ['#/channels', 'Channels', /^\/channels/],
  ['#/deliveries', 'Deliveries', /^\/deliveries/],
  ['#/events', 'Events', /^\/events/],
  ['#/maintenance', 'Maintenance', /^\/maintenance/],
  ['#/api-keys', 'API keys', /^\/api-keys/],
  ['#/audit', 'Audit log', /^\/audit/],
];

const ROUTES = [
  [/^\/$/, overview.render],
  [/^\/channels$/, channels.render],
  [/^\/channels\/new$/, channelForm.renderNew],
  [/^\/channels\/([^/]+)$/, channelForm.renderExisting],
  [/^\/deliveries$/, deliveries.render],
  [/^\/events$/, events.renderList],
  [/^\/events\/([^/]+)$/, events.renderOne],
  [/^\/maintenance$/, maintenance.render],
  [/^\/api-keys$/, apiKeys.render],
  [/^\/audit$/, audit.render],
];

const root = document.getElementById('app');
let session = null; // {user, organization}
let leaving = [];
let flashMessage = null;

/** A message shown once on the next page (after a redirect such as "Channel created."). */
export function flash(text) {
  flashMessage = text;
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function parseHash() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, search = ''] = raw.split('?');
  return { path: path.replace(/\/+$/, '') || '/', query: new URLSearchParams(search) };
}

function runCleanups() {
  leaving.forEach((fn) => {
    try {
      fn();
    } catch {
      /* a page's cleanup must not stop navigation */
    }
  });
  leaving = [];
}

async function route() {
  if (location.hash && !location.hash.startsWith('#/')) return; // an in-page anchor
  runCleanups();
  if (!session) {
    renderSignIn();
    return;
  }
  const { path, query } = parseHash();
  renderShell(path);
  const main = document.getElementById('main');
  const page = h('div', { class: 'page' });
  replace(main, page);
  if (flashMessage) {
    page.append(h('div', { class: 'flash', role: 'status' }, flashMessage));
    flashMessage = null;
  }
  const match = ROUTES.map(([re, render]) => [path.match(re), render]).find(([m]) => m);
  const ctx = {
    main: page,
    params: match ? match[0].slice(1).map(decodeURIComponent) : [],
    query,
    user: session.user,
    organization: session.organization,
    canEdit: session.user.role === 'admin',
    onLeave: (fn) => leaving.push(fn),
    navigate,
    flash,
  };
  try {
    if (!match) {
      document.title = 'Not found · ASCEND Notify';
      page.append(h('h1', { tabindex: '-1' }, 'Page not found'), h('p', null, h('a', { href: '#/' }, 'Back to the overview')));
    } else {
      await match[1](ctx);
    }
  } catch (e) {
    page.append(h('div', { class: 'problem', role: 'alert' },
      e instanceof ApiError && e.status === 404 ? 'Not found: it may have been deleted.' : `Could not load this page: ${e.message}`));
  }
  // After navigation the new page's heading takes the focus (unless the page focused a control itself),
  // so keyboard and screen-reader users start at the top of what changed.
  const heading = page.querySelector('h1');
  if (heading && !page.contains(document.activeElement)) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

function renderShell(path) {
  let shell = document.getElementById('shell');
  if (!shell) {
    const signOut = h('button', { type: 'button', class: 'btn-link', id: 'sign-out' }, 'Sign out');
    signOut.addEventListener('click', async () => {
      try {
        await post('/api/auth/logout');
      } finally {
        session = null;
        runCleanups();
        location.hash = '#/';
        renderSignIn();
      }
    });
    shell = h('div', { id: 'shell' },
      h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
      h('header', { class: 'top' },
        h('a', { class: 'brand', href: '#/' }, 'ASCEND Notify'),
        h('nav', { 'aria-label': 'Main' }, h('ul', null, NAV.map(([href, text]) => h('li', null, h('a', { href }, text))))),
        h('div', { class: 'who' },
          h('span', { class: 'who-name' }, session.user.email),
          h('span', { class: `role role-${session.user.role === 'admin' ? 'admin' : 'viewer'}` }, session.user.role),
          h('span', { class: 'org' }, session.organization?.name || ''),
          signOut)),
      h('main', { id: 'main', tabindex: '-1' }));
    replace(root, shell);
    shell.querySelector('.skip').addEventListener('click', (e) => {
      e.preventDefault();
      document.getElementById('main').focus();
    });
  }
  shell.querySelectorAll('nav a').forEach((a) => {
    const entry = NAV.find(([href]) => href === a.getAttribute('href'));
    if (entry && entry[2].test(path)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

function renderSignIn(message) {
  document.title = 'Sign in · ASCEND Notify';
  const email = h('input', { type: 'email', id: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', id: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const button = h('button', { type: 'submit', class: 'btn primary' }, 'Sign in');
  const problem = problemBox();
  if (message) {
    problem.textContent = message;
    problem.hidden = false;
  }
  const form = h('form', { class: 'signin', novalidate: true },
    h('h1', null, 'Sign in'),
    h('p', { class: 'muted' }, 'ASCEND Notify: alerts for AI-governance events, sent where your teams work.'),
    problem,
    h('div', { class: 'field' }, h('label', { for: 'email' }, 'Email'), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password),
    button);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(button, async () => {
      problem.hidden = true;
      try {
        session = await post('/api/auth/login', { email: email.value.trim(), password: password.value });
        route();
      } catch (err) {
        problem.textContent = err.status === 401 ? 'Invalid email or password.'
          : err.status === 400 ? 'Enter your email and password.' : err.message;
        problem.hidden = false;
        password.value = '';
        (err.status === 400 && !email.value ? email : password).focus();
      }
    });
  });
  replace(root, h('main', { class: 'signin-page', id: 'main' }, form));
  email.focus();
}

whenSignedOut(() => {
  if (!session) return;
  session = null;
  runCleanups();
  renderSignIn('Your session has ended. Sign in again.');
});

async function start() {
  try {
    session = await api('GET', '/api/auth/me');
    if (!session.user) session = null; // an API key, not a person
  } catch {
    session = null;
  }
  window.addEventListener('hashchange', route);
  route();
}

start();
