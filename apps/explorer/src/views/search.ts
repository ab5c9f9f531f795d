import type { SearchResult } from '@ringwatch/wire';
import { getJson } from '../api';
import { empty, failure, h, loading } from '../dom';
import { go } from '../router';

const KIND_NAMES: Record<string, string> = { shop: 'Shops', address: 'Addresses', phone: 'Phones', email: 'Emails', account: 'Payout accounts (last four)' };

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
              h(
                'li',
                {},
                kind === 'shop' ? h('a', { href: `#/shops/${encodeURIComponent(hit.id)}` }, `${hit.label ?? hit.id} (${hit.id})`) : (hit.label ?? hit.id),
              ),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    body.replaceChildren(failure(error));
  }
}
