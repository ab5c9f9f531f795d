import type { ErrorBody, FieldProblem } from '@ringwatch/wire';
import type { Permission } from '@ringwatch/permissions';

const TOKEN_KEY = 'ringwatch.token';
const ME_KEY = 'ringwatch.me';

/** Fired on window when the API refuses the session's token (expired, revoked, account deactivated). */
export const SIGNED_OUT = 'ringwatch:signed-out';

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

/**
 * The session's token: kept in the tab (sessionStorage, so a reload keeps it), never in a cookie, and handed
 * to new tabs of the same origin over a BroadcastChannel (joinSession). README: "Sessions in the explorer".
 */
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

/**
 * What went wrong, as the server says it: its message (and, for invalid input, the bad fields), never the
 * API path or a status code a person has to decode (those stay in the network panel).
 */
async function errorMessage(response: Response): Promise<string> {
  let message = response.statusText || `The server answered ${response.status}.`;
  try {
    const { error } = (await response.json()) as Partial<ErrorBody>;
    if (error?.message) message = error.message;
    // Invalid input lists its bad fields; other failures may carry other details.
    const fields = Array.isArray(error?.details) ? (error.details as FieldProblem[]) : [];
    if (fields.length) message += `: ${fields.map((d) => `${d.field}: ${d.reason}`).join('; ')}`;
  } catch {
    // Not JSON: the status line is the best we have.
  }
  return message;
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
    // Views catch their own errors to show them in place; the sign-in form must show whichever view asked.
    window.dispatchEvent(new Event(SIGNED_OUT));
    throw new SignInRequired();
  }
  if (!response.ok) throw new Error(await errorMessage(response));
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
  if (!response.ok) throw new Error(await errorMessage(response));
  const url = URL.createObjectURL(await response.blob());
  if (open) window.open(url, '_blank', 'noopener');
  else {
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? path.split('/').pop()!.split('?')[0]!;
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
  }
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type SessionMessage = { type: 'ask' } | { type: 'share'; token: string; me: Me } | { type: 'signout' };
/** Same-origin only by the platform's rule: other sites' pages cannot join it. */
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('ringwatch.session');

/**
 * Joins the session of the explorer's other tabs: a tab without one asks, and an open tab answers with its
 * token, so a link opened in a new tab needs no second sign-in (nor a second sign-in attempt against the
 * rate limit). Afterwards a sign-in in another tab is adopted by a tab showing the sign-in form, and a
 * sign-out anywhere signs every tab out (the API has revoked the tokens already). `changed` redraws.
 * Resolves once this tab has a session or nobody answered within `waitMs`.
 */
export function joinSession(changed: () => void, waitMs = 300): Promise<void> {
  if (channel === null) return Promise.resolve();
  // While the first answer is awaited, adopting it resolves the promise (the caller draws then), not `changed`.
  let joined: (() => void) | null = null;
  channel.addEventListener('message', (event: MessageEvent<SessionMessage>) => {
    const message = event.data;
    const token = session.get();
    const me = session.me();
    if (message.type === 'ask' && token !== null && me !== null) channel.postMessage({ type: 'share', token, me } satisfies SessionMessage);
    else if (message.type === 'share' && token === null) {
      session.set(message.token, message.me);
      if (joined) joined();
      else changed();
    } else if (message.type === 'signout' && token !== null) {
      session.clear();
      changed();
    }
  });
  if (session.get() !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      window.clearTimeout(timer);
      joined = null;
      resolve();
    };
    const timer = window.setTimeout(done, waitMs);
    joined = done;
    channel.postMessage({ type: 'ask' } satisfies SessionMessage);
  });
}

export async function signIn(username: string, password: string): Promise<void> {
  const response = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status === 429) throw new Error(`Too many sign-in attempts; try again in ${response.headers.get('retry-after') ?? 'a few'} seconds.`);
  if (!response.ok) throw new Error(response.status === 401 ? 'Wrong username or password.' : await errorMessage(response));
  const { token } = (await response.json()) as { token: string };
  const me = await fetch('/auth/me', { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  if (!me.ok) throw new Error(await errorMessage(me));
  const account = (await me.json()) as Me;
  session.set(token, account);
  channel?.postMessage({ type: 'share', token, me: account } satisfies SessionMessage);
}

/**
 * Signs out: the API revokes the account's tokens (so a copied token stops working too), then the session
 * is forgotten here whatever the answer (an expired or revoked token has nothing left to revoke).
 */
export async function signOut(): Promise<void> {
  const token = session.get();
  session.clear();
  channel?.postMessage({ type: 'signout' } satisfies SessionMessage);
  if (token === null) return;
  await fetch('/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}
