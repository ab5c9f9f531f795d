import type { Neighbourhood, ShopDetail } from '@ringwatch/wire';
import { getJson } from '../api';
import { facts, failure, h, loading } from '../dom';
import { identifierName } from '../graph/palette';
import { go } from '../router';
import { mountGraph } from './graph-panel';
import { reinstatedNote, reinstateForm } from './reinstate';
import { activitySection, listingsSection } from './shop-activity';
import { shopFacts } from './shop-facts';

export async function shopView(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  root.replaceChildren(loading(`shop ${id}`));
  const depth = Number(params.get('depth') ?? 2);
  let shop: ShopDetail;
  let hood: Neighbourhood;
  try {
    [shop, hood] = await Promise.all([
      getJson<ShopDetail>(`/shops/${encodeURIComponent(id)}`),
      // At most 25 shops through one identifier: one wide payout account would otherwise fill depth 3.
      getJson<Neighbourhood>(`/shops/${encodeURIComponent(id)}/neighbourhood?depth=${depth}&limit=400&perIdentifier=25`),
    ]);
  } catch (error) {
    root.replaceChildren(failure(error));
    return;
  }
  const toolbar = h('div', { class: 'toolbar', role: 'toolbar' });
  const canvas = h('div', { class: 'canvas', 'aria-label': `Neighbourhood of shop ${shop.id}` });
  const details = h('div', { class: 'details' });
  const depthSelect = h(
    'select',
    { name: 'depth', onchange: (e: Event) => go(`shops/${encodeURIComponent(id)}`, { depth: (e.target as HTMLSelectElement).value }) },
    [1, 2, 3].map((d) => h('option', { value: d, selected: d === depth }, `${d} step${d > 1 ? 's' : ''}`)),
  );
  root.replaceChildren(
    h(
      'section',
      { class: 'workspace' },
      h('div', { class: 'graph-area' }, toolbar, canvas),
      h(
        'aside',
        { class: 'side' },
        h('h2', {}, shop.name ?? shop.id),
        facts([
          ['Shop', shop.id],
          ...shopFacts(shop),
          ['Category', shop.category ?? '–'],
          ['Cluster', shop.clusterId ? h('a', { href: `#/clusters/${shop.clusterId}` }, `${shop.clusterId} (risk ${shop.clusterRisk?.toFixed(0)})`) : 'none'],
        ]),
        shop.status === 'suspended'
          ? reinstateForm(shop.id, (result) => {
              // Updated in place: drawing the page again would mount a second graph over the running one.
              const status = [...root.querySelectorAll('.side dt')].find((dt) => dt.textContent === 'Status')?.nextElementSibling;
              if (status) status.textContent = result.status;
              root.querySelector('form.reinstate')?.replaceWith(reinstatedNote(result));
            })
          : null,
        h('label', {}, 'Neighbourhood ', depthSelect),
        hood.truncated ? h('p', { class: 'warn' }, 'Truncated at 400 nodes.') : null,
        cutNote(hood),
        details,
        activitySection(shop.id),
        listingsSection(shop.id),
      ),
    ),
  );
  mountGraph(canvas, toolbar, details, hood, `shop-${shop.id}`, { focus: shop.id });
}

/** Which identifiers had more shops than drawn, so a cut hub is said, not silently dropped. */
function cutNote(hood: Neighbourhood): HTMLElement | null {
  if (hood.cut.length === 0) return null;
  return h(
    'details',
    { class: 'cut' },
    h('summary', { class: 'warn' }, `${hood.cut.length} identifier(s) shared more widely than drawn`),
    h(
      'ul',
      {},
      hood.cut.map((c) => h('li', {}, `${identifierName(c.kind)} ${c.label ?? ''}: ${c.shown} of ${c.of} other shops drawn`)),
    ),
  );
}
