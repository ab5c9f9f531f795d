import type { AlertPage } from '@ringwatch/wire';
import { can, getJson, postJson } from '../api';
import { empty, failure, h, loading } from '../dom';

/** Recidivism watch: new shops tied by a strong identifier to a shop a shutdown took down. */
export async function alertsView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const status = params.get('status') ?? 'open';
  const body = h('div', {}, loading('alerts'));
  root.replaceChildren(
    h(
      'section',
      { class: 'page' },
      h('h2', {}, 'Alerts'),
      h(
        'nav',
        { class: 'tabs' },
        [
          ['open', 'Open'],
          ['acknowledged', 'Acknowledged'],
        ].map(([v, l]) => h('a', { href: `#/alerts?status=${v}`, class: v === status ? 'active' : '' }, l!)),
      ),
      body,
    ),
  );
  try {
    const page = await getJson<AlertPage>(`/alerts?status=${status}&limit=100`);
    if (page.items.length === 0)
      return void body.replaceChildren(
        empty(status === 'open' ? 'No open alert: no returning ring seen since the last shutdowns.' : 'Nothing acknowledged yet.'),
      );
    body.replaceChildren(
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['New shop', 'Shares', 'With shut-down shops', 'Raised', ''].map((t) => h('th', {}, t)),
          ),
        ),
        h(
          'tbody',
          {},
          page.items.map((a) => {
            const ack = h('button', { type: 'button' }, 'Acknowledge');
            ack.addEventListener('click', async () => {
              ack.disabled = true;
              try {
                await postJson(`/alerts/${a.id}/acknowledge`);
                ack.textContent = 'Acknowledged';
              } catch (e) {
                ack.textContent = e instanceof Error ? e.message : String(e);
              }
            });
            return h(
              'tr',
              {},
              h('td', {}, h('a', { href: `#/shops/${encodeURIComponent(a.shopId)}` }, a.shopId)),
              h('td', {}, a.via.join('; ')),
              h(
                'td',
                {},
                a.formerShops.flatMap((s, i) => [i ? ', ' : '', h('a', { href: `#/shops/${encodeURIComponent(s)}` }, s)]),
              ),
              h('td', {}, a.raisedAt.slice(0, 16).replace('T', ' ')),
              h('td', {}, a.status === 'open' ? (can('alerts.acknowledge') ? ack : null) : `by ${a.acknowledgedBy}`),
            );
          }),
        ),
      ),
    );
  } catch (error) {
    body.replaceChildren(failure(error));
  }
}
