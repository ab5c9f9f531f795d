import type { Appeal, QueuedTakedown, ReviewQueuePage, TakedownDecided } from '@ringwatch/wire';
import { getJson, postJson } from '../api';
import { empty, failure, fmtDate, h, loading } from '../dom';
import { go } from '../router';

const money = (t: QueuedTakedown) => (t.price === null ? '–' : `${t.price.toFixed(2)} ${t.currency ?? ''}`.trim());

/**
 * Sellers' appeals, entered by staff: the takedowns in effect (newest first, by brand or reporter), each with
 * an "Uphold appeal" that needs a reason, reverses the takedown, relists the listing and counts against the
 * reporter's accuracy; below, the appeals upheld so far.
 */
export async function appealsView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  root.replaceChildren(loading('takedowns in effect'));
  const brand = params.get('brand') ?? '';
  const reporter = params.get('reporter') ?? '';
  const filter = `${brand ? `&brand=${encodeURIComponent(brand)}` : ''}${reporter ? `&reporter=${encodeURIComponent(reporter)}` : ''}`;
  let inEffect: ReviewQueuePage;
  let reversed: ReviewQueuePage;
  try {
    [inEffect, reversed] = await Promise.all([
      getJson<ReviewQueuePage>(`/takedowns?status=taken_down&limit=200${filter}`),
      getJson<ReviewQueuePage>(`/takedowns?status=reversed&limit=50${filter}`),
    ]);
  } catch (error) {
    return void root.replaceChildren(failure(error));
  }
  const status = h('p', { class: 'muted', role: 'status' });
  const uphold = (t: QueuedTakedown, note: HTMLInputElement) => async () => {
    if (note.value.trim().length < 3) return void (status.textContent = 'Say why the appeal is upheld (what the seller showed).');
    try {
      const done = await postJson<TakedownDecided>(`/takedowns/${t.id}/appeal`, { note: note.value.trim() } satisfies Appeal);
      await appealsView(root, params);
      root.querySelector('[role=status]')!.textContent =
        `Appeal upheld: ${t.title ?? t.listingId} ${done.relisted ? 'relisted' : 'was not delisted'}; it counts against ${t.reporter}.`;
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  const filters = h(
    'form',
    {
      class: 'filters',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(e.target as HTMLFormElement);
        go('appeals', { brand: String(data.get('brand') ?? '').trim(), reporter: String(data.get('reporter') ?? '').trim() });
      },
    },
    h('input', { name: 'brand', placeholder: 'Brand', value: brand, 'aria-label': 'Brand' }),
    h('input', { name: 'reporter', placeholder: 'Reporter', value: reporter, 'aria-label': 'Reporter' }),
    h('button', { type: 'submit', class: 'secondary' }, 'Filter'),
  );
  const head = (cols: string[]) =>
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        cols.map((t) => h('th', {}, t)),
      ),
    );
  const listing = (t: QueuedTakedown) =>
    h('td', {}, t.title ?? t.listingId, h('div', { class: 'muted' }, `${t.listingId} · ${money(t)} · ${t.listingStatus ?? '–'}`));
  const shop = (t: QueuedTakedown) => h('td', {}, t.shopId ? h('a', { href: `#/shops/${encodeURIComponent(t.shopId)}` }, t.shopName ?? t.shopId) : '–');
  root.replaceChildren(
    h(
      'section',
      { class: 'page appeals' },
      h('h2', {}, `Takedowns in effect (${inEffect.total})`),
      h('p', { class: 'muted' }, "Enter a seller's upheld appeal here: the listing is relisted and the takedown counts against its reporter's accuracy."),
      filters,
      status,
      inEffect.items.length === 0
        ? empty(filter ? 'No takedown in effect matches the filter.' : 'No takedown is in effect.')
        : h(
            'table',
            { 'aria-label': 'Takedowns in effect' },
            head(['Requested', 'Brand', 'Reporter', 'Listing', 'Shop', 'Lane', 'Appeal']),
            h(
              'tbody',
              {},
              inEffect.items.map((t) => {
                const note = h('input', { name: 'note', placeholder: 'What the seller showed', size: 26, 'aria-label': `Appeal reason for ${t.listingId}` });
                return h(
                  'tr',
                  { 'data-takedown': t.id },
                  h('td', {}, fmtDate(t.requestedAt)),
                  h('td', {}, t.brand),
                  h('td', {}, t.reporter),
                  listing(t),
                  shop(t),
                  h('td', {}, t.lane, t.sampled ? ' (sampled)' : ''),
                  h('td', { class: 'actions' }, note, ' ', h('button', { type: 'button', 'data-action': 'appeal', onclick: uphold(t, note) }, 'Uphold appeal')),
                );
              }),
            ),
          ),
      h('h3', {}, `Appeals upheld (${reversed.total})`),
      reversed.items.length === 0
        ? empty('No appeal upheld yet.')
        : h(
            'table',
            { 'aria-label': 'Appeals upheld' },
            head(['Requested', 'Brand', 'Reporter', 'Listing', 'Shop']),
            h(
              'tbody',
              {},
              reversed.items.map((t) =>
                h('tr', { 'data-takedown': t.id }, h('td', {}, fmtDate(t.requestedAt)), h('td', {}, t.brand), h('td', {}, t.reporter), listing(t), shop(t)),
              ),
            ),
          ),
    ),
  );
}
