import type { ErrorBody } from '../../../common/errors.js';

/** An error answered by the API: `{ error: { code, message, fields? } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string[]>;

  constructor(status: number, body: ErrorBody['error']) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
  }
}

export function readCookie(cookieString: string, name: string): string | undefined {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The CSRF cookie: `__Host-mg_csrf` behind https, `mg_csrf` on plain http. */
export const csrfCookie = (cookies = document.cookie) =>
  readCookie(cookies, '__Host-mg_csrf') ?? readCookie(cookies, 'mg_csrf');

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let requestLanguage = 'ja';

/** The UI language, sent as Accept-Language so server messages match it. */
export function setRequestLanguage(language: string): void {
  requestLanguage = language;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function send(method: string, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': requestLanguage };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (unsafeMethods.has(method)) {
    const token = csrfCookie();
    if (token) headers['x-csrf-token'] = token;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: '' });
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Asks for the session, which makes the server (re)issue the CSRF cookie. */
async function refreshCsrfCookie(): Promise<void> {
  await send('GET', '/api/session', undefined);
}

/**
 * Fetches JSON from the API, sending the CSRF token on state-changing requests. A request
 * refused for a missing or stale CSRF token is retried once after renewing the cookie.
 */
export async function apiFetch<T>(method: string, path: string, body?: unknown): Promise<T> {
  const unsafe = unsafeMethods.has(method);
  if (unsafe && !csrfCookie()) await refreshCsrfCookie();
  let response = await send(method, path, body);
  let parsed = response.status === 204 ? undefined : await readBody(response);
  if (unsafe && response.status === 403 && isErrorBody(parsed) && parsed.error.code === 'csrf') {
    await refreshCsrfCookie();
    response = await send(method, path, body);
    parsed = response.status === 204 ? undefined : await readBody(response);
  }
  if (!response.ok) {
    if (isErrorBody(parsed)) throw new ApiError(response.status, parsed.error);
    throw new ApiError(response.status, {
      code: response.status === 404 ? 'not_found' : response.status === 429 ? 'rate_limited' : 'internal',
      message: '',
    });
  }
  return parsed as T;
}

/**
 * A state-changing request whose answer may be a file: the raw response (after the CSRF
 * handling of `apiFetch`), or the API error.
 */
export async function apiPostForFile(path: string): Promise<Response> {
  if (!csrfCookie()) await refreshCsrfCookie();
  const response = await send('POST', path, {});
  if (response.ok) return response;
  const parsed = await readBody(response);
  if (isErrorBody(parsed)) throw new ApiError(response.status, parsed.error);
  throw new ApiError(response.status, {
    code: response.status === 404 ? 'not_found' : 'internal',
    message: '',
  });
}

export const api = {
  get: <T>(path: string) => apiFetch<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiFetch<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => apiFetch<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => apiFetch<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => apiFetch<T>('DELETE', path),
};

/** A path segment from user data (tokens, ids), encoded. */
export const seg = (value: string) => encodeURIComponent(value);

/** Builds a query string, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
