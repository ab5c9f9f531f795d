import type { Reporter, ReporterPage, ReviewDecision, ReviewQueuePage, TakedownDecided } from '@ringwatch/wire';
import { can, getJson, postJson } from '../api';
import { empty, failure, h, loading } from '../dom';

/**
 * The analysts' review queue: brand owners' counterfeit reports outside the fast lane (and the fast lane's
 * sample), oldest due first. Confirm takes the listing down; reject needs a reason and clears it.
 */
export async function takedownsView(root: HTMLElement): Promise<void> {
  root.replaceChildren(loading('the review queue'));
  let page: ReviewQueuePage;
  let reporters: ReporterPage | null = null;
  try {
    [page, reporters] = await Promise.all([
      getJson<ReviewQueuePage>('/takedowns/queue?limit=200'),
      can('reporters.read') ? getJson<ReporterPage>('/reporters?limit=200') : Promise.resolve(null),
    ]);
  } catch (error) {
    return void root.replaceChildren(failure(error));
  }
  const status = h('p', { class: 'muted', role: 'status' });
  const decide = (id: string, decision: 'confirm' | 'reject', note: HTMLInputElement) => async () => {
    try {
      const done = await postJson<TakedownDecided>(
        `/takedowns/${id}/${decision}`,
        (note.value.trim() ? { note: note.value.trim() } : {}) satisfies ReviewDecision,
      );
      await takedownsView(root);
      root.querySelector('[role=status]')!.textContent =
        `Takedown ${done.id.slice(0, 8)}: ${done.status}${done.delisted ? ', listing delisted' : ''}${done.relisted ? ', listing relisted' : ''}.`;
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  root.replaceChildren(
    h(
      'section',
      { class: 'page takedowns' },
      h('h2', {}, `Takedown review queue (${page.total})`),
      status,
      page.items.length === 0
        ? empty('Nothing waits for review.')
        : h(
            'table',
            { 'aria-label': 'Review queue' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Due', 'Brand', 'Reporter', 'Listing', 'Shop', 'Lane', ''].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              page.items.map((t) => {
                const note = h('input', { name: 'note', placeholder: 'Note (required to reject)', size: 24 });
                return h(
                  'tr',
                  { 'data-takedown': t.id, class: t.overdue ? 'overdue' : undefined },
                  h(
                    'td',
                    {},
                    t.dueAt ? t.dueAt.slice(0, 16).replace('T', ' ') : '–',
                    t.overdue ? h('span', { class: 'badge status-rejected' }, ' overdue') : null,
                  ),
                  h('td', {}, t.brand),
                  h('td', {}, t.reporter),
                  h(
                    'td',
                    {},
                    t.title ?? t.listingId,
                    h('div', { class: 'muted' }, `${t.listingId} · ${t.price ?? '–'} ${t.currency ?? ''} · ${t.listingStatus ?? ''}`),
                  ),
                  h('td', {}, t.shopId ? h('a', { href: `#/shops/${encodeURIComponent(t.shopId)}` }, t.shopName ?? t.shopId) : '–'),
                  h('td', {}, t.lane, t.sampled ? ' (sampled)' : ''),
                  h(
                    'td',
                    { class: 'actions' },
                    note,
                    ' ',
                    h('button', { type: 'button', 'data-action': 'confirm', onclick: decide(t.id, 'confirm', note) }, 'Confirm'),
                    ' ',
                    h('button', { type: 'button', class: 'secondary', 'data-action': 'reject', onclick: decide(t.id, 'reject', note) }, 'Reject'),
                  ),
                );
              }),
            ),
          ),
      reporters ? reportersTable(reporters) : null,
    ),
  );
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);

/** Every brand reporter's standing, for staff: who is in the fast lane, who is not and why. */
function reportersTable(page: ReporterPage): HTMLElement {
  const row = (r: Reporter) =>
    h(
      'tr',
      { 'data-reporter': r.reporter },
      h('td', {}, r.reporter),
      h('td', {}, r.brands.join(', ')),
      h('td', { class: 'num' }, pct(r.accuracy)),
      h('td', { class: 'num' }, `${r.decided} (${r.against} against)`),
      h('td', { class: 'num' }, String(r.takenDown)),
      h('td', { class: 'num' }, pct(r.appealRate)),
      h('td', { class: 'num' }, String(r.pending)),
      h(
        'td',
        {},
        h('span', { class: `badge ${r.trusted ? 'status-ok' : 'status-proposed'}` }, r.trusted ? 'fast lane' : 'review'),
        ' ',
        h('span', { class: 'muted' }, r.reason),
      ),
    );
  return h(
    'section',
    { class: 'reporters' },
    h('h3', {}, `Brand reporters (${page.total})`),
    page.items.length === 0
      ? empty('No brand owner has reported yet.')
      : h(
          'table',
          { 'aria-label': 'Brand reporters' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Reporter', 'Brands', 'Accuracy', 'Decided', 'Taken down', 'Appeal rate', 'Pending', 'Lane'].map((t) => h('th', {}, t)),
            ),
          ),
          h('tbody', {}, page.items.map(row)),
        ),
  );
}
