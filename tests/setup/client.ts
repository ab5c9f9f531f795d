import type { Driver } from 'neo4j-driver';

/** An API answer as tests read it: the body parsed when it is JSON, else its text (HTML, CSV), null when empty. */
export interface Answer {
  status: number;
  headers: Headers;
  type: string | null;
  body: any;
}

/** One call to a test server as the bearer of `token` (none when null or undefined), with a JSON body when given. */
export async function callApi(baseUrl: string, method: string, pathname: string, token: string | null | undefined, body?: unknown): Promise<Answer> {
  const response = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = null;
  if (text)
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  return { status: response.status, headers: response.headers, type: response.headers.get('content-type'), body: parsed };
}

/**
 * Cypher on the test database, answered as plain rows. The driver is read at each call: suites open it in
 * beforeAll, after this is made.
 */
export function rowsOf(driver: () => Driver, database: string) {
  return async <T = Record<string, any>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> =>
    (await driver().executeQuery(cypher, params, { database })).records.map((r) => r.toObject() as T);
}
