import type { Evidence, Neighbourhood, ShopDetail } from '@ringwatch/wire';
import { getJson } from '../api';
import { facts, h, messageOf } from '../dom';
import { buildNetworkGraph, type ColourMode } from '../graph/build';
import { identifierColour, identifierName, SHOP_STATUS_COLOURS } from '../graph/palette';
import { GraphView } from '../graph/view';
import type { NetworkGraph } from '../types';
import { expose } from './expose';
import { shopFacts } from './shop-facts';

const AUTO_LAYOUT_MAX_NODES = 1500;

/**
 * The graph with its toolbar, legend and a details panel: shared by the cluster and shop views.
 * Click a shop for its details; shift-click a second one to see why the two are linked.
 */
export function mountGraph(canvas: HTMLElement, toolbar: HTMLElement, details: HTMLElement, data: NetworkGraph, name: string): GraphView {
  const graph = buildNetworkGraph(data);
  let selection: string[] = [];
  const view: GraphView = new GraphView(graph, canvas, {
    fileName: name,
    onClickNode: (id, attributes, { shift }) => {
      if (attributes.node.type === 'shop' && shift && selection.length === 1 && selection[0] !== id) selection = [selection[0]!, id];
      else selection = [id];
      view.select(selection);
      void showSelection(view, details, selection);
    },
    onClickStage: () => {
      selection = [];
      view.select([]);
      details.replaceChildren(h('p', { class: 'muted' }, 'Click a shop or identifier for details; shift-click a second shop to see why they are linked.'));
    },
  });
  details.replaceChildren(h('p', { class: 'muted' }, 'Click a shop or identifier for details; shift-click a second shop to see why they are linked.'));

  const layoutButton = h('button', { type: 'button', 'data-action': 'layout' }, 'Stop layout');
  layoutButton.addEventListener('click', () => (view.isLayoutRunning() ? view.stopLayout() : view.startLayout()));
  view.onLayoutChange((running) => (layoutButton.textContent = running ? 'Stop layout' : 'Run layout'));
  const hubs = h('input', { type: 'checkbox', name: 'hubs' });
  hubs.addEventListener('change', () => view.setShowHubs(hubs.checked));
  const colour = h('select', { name: 'colour' }, h('option', { value: 'status' }, 'status'), h('option', { value: 'confidence' }, 'membership confidence'));
  colour.addEventListener('change', () => view.setColourMode(colour.value as ColourMode));
  const find = h('input', { type: 'search', name: 'find', placeholder: 'Find in graph (name, id)', 'aria-label': 'Find in graph' });
  const found = h('span', { class: 'muted' });
  find.addEventListener('input', () => {
    const n = view.search(find.value);
    found.textContent = find.value ? `${n} found` : '';
  });
  const exportButton = h('button', { type: 'button' }, 'Export PNG');
  exportButton.addEventListener('click', () => void view.exportPng());
  const hubCount = data.nodes.filter((n) => n.hub).length;
  toolbar.replaceChildren(layoutButton, h('label', {}, hubs, ` hubs (${hubCount})`), h('label', {}, 'Colour by ', colour), find, found, exportButton);
  if (data.truncated) toolbar.append(h('span', { class: 'warn' }, 'Truncated: the largest part is shown'));
  canvas.append(legend(data));
  // Small graphs settle in a few seconds; on big ones the worker would compete with the analyst's first
  // interactions for the CPU, so the starting layout stays until they ask for more.
  if (graph.order <= AUTO_LAYOUT_MAX_NODES) view.startLayout();
  else layoutButton.textContent = 'Run layout';
  expose(view);
  return view;
}

/** The square an identifier kind is drawn as, for the legend and evidence lists. */
const kindSwatch = (kind: string) => h('span', { class: 'sq', style: `background:${identifierColour(kind)}` });

function legend(data: NetworkGraph): HTMLElement {
  const kinds = [...new Set(data.nodes.filter((n) => n.type === 'identifier').map((n) => n.kind))].sort();
  return h(
    'aside',
    { class: 'legend', 'aria-label': 'Legend' },
    h('strong', {}, 'Shops (discs)'),
    Object.entries(SHOP_STATUS_COLOURS).map(([status, colour]) => h('div', {}, h('span', { class: 'dot', style: `background:${colour}` }), status)),
    h('strong', {}, 'Identifiers (squares)'),
    kinds.map((kind) => h('div', {}, kindSwatch(kind), identifierName(kind))),
  );
}

async function showSelection(view: GraphView, details: HTMLElement, selection: string[]): Promise<void> {
  const attrs = selection.map((id) => view.graph.getNodeAttributes(id));
  if (selection.length === 2) {
    details.replaceChildren(h('p', { class: 'state loading' }, 'Loading evidence…'));
    try {
      const evidence = await getJson<Evidence>(`/evidence?shops=${selection.map(encodeURIComponent).join(',')}`);
      const pair = evidence.pairs[0];
      details.replaceChildren(
        h('h3', {}, `Why ${selection[0]} and ${selection[1]} are linked`),
        evidence.identifiers.length === 0
          ? h('p', { class: 'state empty' }, 'They share no identifier directly; they are linked through other shops.')
          : h(
              'div',
              { class: 'evidence' },
              h('p', {}, `Link weight ${pair?.weight.toFixed(2) ?? '0'} from ${evidence.identifiers.length} shared identifier(s):`),
              h(
                'ul',
                {},
                evidence.identifiers.map((i) =>
                  h(
                    'li',
                    {},
                    kindSwatch(i.kind),
                    `${identifierName(i.kind)}: ${i.label} — used by ${i.shopCount} shop(s), weight ${i.weight}${i.hub ? ' (hub, not evidence)' : ''}${i.strong ? ' · strong' : ''}`,
                  ),
                ),
              ),
            ),
      );
    } catch (error) {
      details.replaceChildren(h('p', { class: 'state error' }, messageOf(error)));
    }
    return;
  }
  const [id] = selection;
  const node = attrs[0]!.node;
  if (node.type === 'identifier') {
    const shops = view.graph.neighbors(id!);
    details.replaceChildren(
      h('h3', {}, identifierName(node.kind)),
      h('p', {}, node.label ?? ''),
      h(
        'p',
        {},
        `Used by ${node.shopCount ?? shops.length} shop(s) in the marketplace${node.hub ? ': a hub, shown for context, never counted as evidence' : ''}.`,
      ),
      h(
        'ul',
        { class: 'links' },
        shops.map((s) => h('li', {}, h('a', { href: `#/shops/${encodeURIComponent(s)}` }, s))),
      ),
    );
    return;
  }
  details.replaceChildren(h('p', { class: 'state loading' }, 'Loading shop…'));
  try {
    const shop = await getJson<ShopDetail>(`/shops/${encodeURIComponent(id!)}`);
    const expand = h('button', { type: 'button', 'data-action': 'expand' }, 'Expand neighbourhood');
    expand.addEventListener('click', async () => {
      expand.disabled = true;
      try {
        const hood = await getJson<Neighbourhood>(`/shops/${encodeURIComponent(id!)}/neighbourhood?depth=1&limit=200`);
        expand.textContent = `Added ${view.expand(id!, hood)} node(s)`;
      } catch (error) {
        expand.textContent = messageOf(error);
      }
    });
    details.replaceChildren(
      h('h3', { 'data-shop': shop.id }, shop.name ?? shop.id),
      facts([
        ['Shop', h('a', { href: `#/shops/${encodeURIComponent(shop.id)}` }, shop.id)],
        ...shopFacts(shop),
        ['Membership confidence', shop.confidence?.toFixed(2) ?? '–'],
      ]),
      expand,
      h('p', { class: 'muted' }, 'Shift-click another shop to see why they are linked.'),
    );
  } catch (error) {
    details.replaceChildren(h('p', { class: 'state error' }, messageOf(error)));
  }
}
