const TOKEN_KEY = 'ringwatch.token';

export class SignInRequired extends Error {
  constructor() {
    super('explorer: sign in first');
    this.name = 'SignInRequired';
  }
}

/** The session's token: kept for the tab only (sessionStorage), never in a cookie. */
export const session = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

async function errorMessage(path: string, response: Response): Promise<string> {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not JSON: the status line is the best we have.
  }
  return `explorer: ${path}: ${message}`;
}

/** Fetches JSON from the Ringwatch API with the session's token; a 401 means signing in again. */
export async function getJson<T>(path: string): Promise<T> {
  const token = session.get();
  if (token === null) throw new SignInRequired();
  const response = await fetch(path, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  if (response.status === 401) {
    session.clear();
    throw new SignInRequired();
  }
  if (!response.ok) throw new Error(await errorMessage(path, response));
  return (await response.json()) as T;
}

export async function signIn(username: string, password: string): Promise<void> {
  const response = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(response.status === 401 ? 'Wrong username or password.' : await errorMessage('/auth/login', response));
  session.set(((await response.json()) as { token: string }).token);
}
