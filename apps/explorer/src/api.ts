/** Fetches JSON from the Ringwatch API; errors carry the API's own message. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // Not JSON: the status line is the best we have.
    }
    throw new Error(`explorer: ${path}: ${message}`);
  }
  return (await response.json()) as T;
}
