// The JSON API client. Writes are sent as application/json from this origin, which is what the
// server's cross-site guard asks for; errors are RFC 9457 problem+json and become ApiError.

export class ApiError extends Error {
  constructor(status, problem, text) {
    super(problem?.detail || problem?.title || text || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    /** [{field, message}] from a validation problem. */
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

let onSignedOut = () => {};

/** Called when any request answers 401: the session ended. */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { detail: 'The service cannot be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/auth/')) onSignedOut();
    throw new ApiError(response.status, data, response.status >= 500 ? 'The service had an error.' : text);
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

/** A query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value != null && value !== '') q.set(key, value);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/**
 * Every item of a list, following next_cursor, at most maxPages pages of up to 200; stopWhen(item)
 * ends early (lists are newest first). Answers {items, complete}.
 */
export async function collect(path, params = {}, { maxPages = 5, stopWhen } = {}) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page += 1) {
    const data = await get(path + query({ ...params, limit: 200, cursor }));
    for (const item of data.items) {
      if (stopWhen && stopWhen(item)) return { items, complete: true };
      items.push(item);
    }
    cursor = data.next_cursor;
    if (!cursor) return { items, complete: true };
  }
  return { items, complete: false };
}
