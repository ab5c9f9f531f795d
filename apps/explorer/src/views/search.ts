import type { SearchHit, SearchResult } from '@ringwatch/wire';
import { getJson } from '../api';
import { empty, failure, h, loading } from '../dom';
import { go } from '../router';

const KIND_NAMES: Record<string, string> = { shop: 'Shops', address: 'Addresses', phone: 'Phones', email: 'Emails', account: 'Payout accounts (last four)' };

/**
 * An identifier with the shops using it, each a link to the shop's page, which opens its graph there
 * (a few by id; the count says how many in all).
 */
function identifierHit(kind: string, hit: SearchHit): HTMLElement {
  const shops = hit.shops ?? [];
  const count = hit.shopCount ?? shops.length;
  return h(
    'li',
    // The identifier's node in the graphs (kind:key, the key opaque to a redacted view), for the shop pages it leads to.
    { class: 'identifier-hit', 'data-node': `${kind}:${hit.id}` },
    h('span', { class: 'label' }, hit.label ?? hit.id),
    count === 0
      ? h('span', { class: 'muted' }, ' · used by no shop')
      : h(
          'span',
          { class: 'shops' },
          ` · used by ${count === 1 ? 'one shop' : `${count} shops`}: `,
          shops.flatMap((shop, i) => [
            i > 0 ? ', ' : '',
            h('a', { href: `#/shops/${encodeURIComponent(shop.id)}`, 'data-shop': shop.id }, shop.name ? `${shop.name} (${shop.id})` : shop.id),
          ]),
          count > shops.length ? h('span', { class: 'muted' }, ` and ${count - shops.length} more`) : '',
        ),
  );
}

/** Search across shops and identifiers: name or id, phone, email, address text, last four of an account. */
export async function searchView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const input = h('input', {
    type: 'search',
    name: 'q',
    value: q,
    placeholder: 'Shop name or id, phone, email, address, last four',
    'aria-label': 'Search',
    autofocus: true,
  });
  const form = h('form', { class: 'search', role: 'search' }, input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go('search', { q: input.value.trim() });
  });
  const body = h('div', {});
  root.replaceChildren(h('section', { class: 'page' }, h('h2', {}, 'Search'), form, body));
  input.focus();
  if (q.length < 2) return;
  body.replaceChildren(loading('matches'));
  try {
    const result = await getJson<SearchResult>(`/search?q=${encodeURIComponent(q)}`);
    if (result.total === 0) return void body.replaceChildren(empty(`Nothing matches “${q}”.`));
    body.replaceChildren(
      ...Object.entries(result.groups).map(([kind, hits]) =>
        h(
          'div',
          { class: 'group' },
          h('h3', {}, `${KIND_NAMES[kind] ?? kind} (${hits.length})`),
          h(
            'ul',
            {},
            hits.map((hit) =>
              kind === 'shop'
                ? h('li', {}, h('a', { href: `#/shops/${encodeURIComponent(hit.id)}` }, `${hit.label ?? hit.id} (${hit.id})`))
                : identifierHit(kind, hit),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    body.replaceChildren(failure(error));
  }
}
