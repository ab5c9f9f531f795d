/**
 * A small banner while the database is away: the explorer polls /health (open, no token) and shows the
 * cause the API gives with its 503, or that the API itself does not answer. Polled every 10 s, every
 * 2 s while something is wrong; when the database is back the banner goes and the view is drawn again.
 */

export const POLL_UP_MS = 10_000;
export const POLL_DOWN_MS = 2_000;

/** What the banner says for one /health answer: null when all is well. */
export function bannerText(answer: { status: number; body: unknown } | 'unreachable'): string | null {
  if (answer === 'unreachable') return 'The Ringwatch API does not answer. Retrying…';
  if (answer.status === 200) return null;
  const error = (answer.body as { error?: { message?: unknown } } | null)?.error;
  const message = typeof error?.message === 'string' ? error.message : `the health check answered ${answer.status}`;
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}. Pages need it to load; retrying…`;
}

export function watchDatabase(banner: HTMLElement, onBack: () => void): void {
  let wasDown = false;
  const poll = async () => {
    let text: string | null;
    try {
      const response = await fetch('/health', { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
      text = bannerText({ status: response.status, body: await response.json().catch(() => null) });
    } catch {
      text = bannerText('unreachable');
    }
    banner.hidden = text === null;
    banner.textContent = text ?? '';
    if (wasDown && text === null) onBack();
    wasDown = text !== null;
    setTimeout(() => void poll(), wasDown ? POLL_DOWN_MS : POLL_UP_MS);
  };
  void poll();
}
