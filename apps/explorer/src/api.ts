import type { ErrorBody, FieldProblem } from '@ringwatch/wire';
import type { Permission } from '@ringwatch/permissions';

const TOKEN_KEY = 'ringwatch.token';
const ME_KEY = 'ringwatch.me';

export class SignInRequired extends Error {
  constructor() {
    super('explorer: sign in first');
    this.name = 'SignInRequired';
  }
}

/** GET /auth/me: who is signed in, and what the account may do (menus and buttons follow it). */
export interface Me {
  username: string;
  roles: string[];
  brands: string[];
  permissions: Permission[];
}

/** The session's token: kept for the tab only (sessionStorage), never in a cookie. */
export const session = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  me: (): Me | null => {
    const raw = sessionStorage.getItem(ME_KEY);
    const me = raw ? (JSON.parse(raw) as Partial<Me>) : null;
    // A session kept from before permissions were sent has none: signing in again fetches them.
    return me && Array.isArray(me.permissions) ? (me as Me) : null;
  },
  set: (token: string, me: Me) => {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(ME_KEY, JSON.stringify(me));
  },
  clear: () => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ME_KEY);
  },
};

/** Whether the signed-in account may do this; the API decides again on every call. */
export const can = (permission: Permission) => session.me()?.permissions.includes(permission) ?? false;

async function errorMessage(path: string, response: Response): Promise<string> {
  let message = `${response.status} ${response.statusText}`;
  try {
    const { error } = (await response.json()) as Partial<ErrorBody>;
    if (error?.message) message = error.message;
    // Invalid input lists its bad fields; other failures may carry other details.
    const fields = Array.isArray(error?.details) ? (error.details as FieldProblem[]) : [];
    if (fields.length) message += `: ${fields.map((d) => `${d.field} ${d.reason}`).join('; ')}`;
  } catch {
    // Not JSON: the status line is the best we have.
  }
  return `${path.split('?')[0]}: ${message}`;
}

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const token = session.get();
  if (token === null) throw new SignInRequired();
  const response = await fetch(path, {
    method,
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    session.clear();
    throw new SignInRequired();
  }
  if (!response.ok) throw new Error(await errorMessage(path, response));
  // 204 (a deletion, a chosen password set) has no body.
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Fetches JSON from the Ringwatch API with the session's token; a 401 means signing in again. */
export const getJson = <T>(path: string) => request<T>('GET', path);
export const postJson = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
export const patchJson = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const deleteJson = (path: string) => request<void>('DELETE', path);

/** Downloads a file the API serves behind the token (a plain link could not send it) and saves or opens it. */
export async function download(path: string, open = false): Promise<void> {
  const token = session.get();
  if (token === null) throw new SignInRequired();
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(await errorMessage(path, response));
  const url = URL.createObjectURL(await response.blob());
  if (open) window.open(url, '_blank', 'noopener');
  else {
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? path.split('/').pop()!.split('?')[0]!;
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
  }
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function signIn(username: string, password: string): Promise<void> {
  const response = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status === 429) throw new Error(`Too many sign-in attempts; try again in ${response.headers.get('retry-after') ?? 'a few'} seconds.`);
  if (!response.ok) throw new Error(response.status === 401 ? 'Wrong username or password.' : await errorMessage('/auth/login', response));
  const { token } = (await response.json()) as { token: string };
  const me = await fetch('/auth/me', { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  if (!me.ok) throw new Error(await errorMessage('/auth/me', me));
  session.set(token, (await me.json()) as Me);
}

/**
 * Signs out: the API revokes the account's tokens (so a copied token stops working too), then the session
 * is forgotten here whatever the answer (an expired or revoked token has nothing left to revoke).
 */
export async function signOut(): Promise<void> {
  const token = session.get();
  session.clear();
  if (token === null) return;
  await fetch('/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}
