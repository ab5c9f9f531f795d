import type { ShopActivity, ShopListingsPage } from '@ringwatch/wire';
import { getJson } from '../api';
import { fmtDate, fmtNumber, h, messageOf } from '../dom';

const PAGE = 20;

/** A price against its brand's typical price: "2.4× typical" reads faster than two numbers. */
function against(ratio: number | null): HTMLElement | string {
  if (ratio === null) return '–';
  const cls = ratio < 0.35 ? 'warn' : '';
  return h(
    'span',
    { class: cls, title: 'price ÷ comparable listings’ price (the brand’s listings in the same currency, 90th percentile)' },
    `${ratio.toFixed(2)}×`,
  );
}

/** The shop's listings, a page at a time, each price set against its brand's typical price. */
export function listingsSection(id: string): HTMLElement {
  const body = h('div', { class: 'listings' });
  const section = h('section', { class: 'shop-listings', 'aria-label': 'Listings' }, h('h3', {}, 'Listings'), body);
  const load = async (skip: number) => {
    body.replaceChildren(h('p', { class: 'state loading' }, 'Loading listings…'));
    try {
      const page = await getJson<ShopListingsPage>(`/shops/${encodeURIComponent(id)}/listings?skip=${skip}&limit=${PAGE}`);
      if (page.total === 0) return void body.replaceChildren(h('p', { class: 'state empty' }, 'No listings.'));
      const prev = h('button', { type: 'button', disabled: skip === 0 }, '← Newer');
      const next = h('button', { type: 'button', disabled: skip + PAGE >= page.total }, 'Older →');
      prev.addEventListener('click', () => void load(Math.max(0, skip - PAGE)));
      next.addEventListener('click', () => void load(skip + PAGE));
      body.replaceChildren(
        h(
          'table',
          { class: 'listings' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, 'Listing'),
              h('th', {}, 'Brand'),
              h('th', { class: 'num' }, 'Price'),
              h('th', { class: 'num' }, 'vs typical'),
              h('th', {}, 'Status'),
            ),
          ),
          h(
            'tbody',
            {},
            page.items.map((l) =>
              h(
                'tr',
                { 'data-listing': l.id },
                h('td', {}, l.title ?? l.id, h('br'), h('span', { class: 'muted' }, `${l.id} · ${fmtDate(l.listedAt)}`)),
                h('td', {}, l.brand ?? '–'),
                h('td', { class: 'num' }, l.price === null ? '–' : `${l.price.toFixed(2)} ${l.currency ?? ''}`),
                h('td', { class: 'num' }, against(l.priceRatio)),
                h('td', {}, l.status ?? '–'),
              ),
            ),
          ),
        ),
        h('p', { class: 'pager' }, prev, `${skip + 1}–${Math.min(skip + PAGE, page.total)} of ${fmtNumber(page.total)}`, next),
      );
    } catch (error) {
      body.replaceChildren(h('p', { class: 'state error' }, messageOf(error)));
    }
  };
  void load(0);
  return section;
}

/** Payouts per currency and the dated timeline: opened, reports, clusters over runs, shutdowns, reinstatement. */
export function activitySection(id: string): HTMLElement {
  const body = h('div', {}, h('p', { class: 'state loading' }, 'Loading activity…'));
  const section = h('section', { class: 'shop-activity', 'aria-label': 'Activity' }, body);
  void getJson<ShopActivity>(`/shops/${encodeURIComponent(id)}/activity`).then(
    (activity) =>
      body.replaceChildren(
        h('h3', {}, 'Payments'),
        activity.payments.length === 0
          ? h('p', { class: 'state empty' }, 'No payouts recorded.')
          : h(
              'ul',
              { class: 'payments' },
              activity.payments.map((p) =>
                h('li', {}, `${fmtNumber(Math.round(p.total))} ${p.currency ?? ''} in ${p.payments} payout(s), ${fmtDate(p.first)} – ${fmtDate(p.last)}`),
              ),
            ),
        h('h3', {}, 'Timeline'),
        h(
          'ol',
          { class: 'timeline' },
          activity.timeline.map((e) =>
            h(
              'li',
              { class: `event-${e.kind}`, 'data-kind': e.kind },
              h('span', { class: 'muted' }, fmtDate(e.at)),
              ' ',
              e.link ? h('a', { href: e.link }, e.text) : e.text,
            ),
          ),
        ),
      ),
    (error: unknown) => body.replaceChildren(h('p', { class: 'state error' }, messageOf(error))),
  );
  return section;
}
